// vnc_animator: the VNC benchmark's workload (see README.md in this folder). A frameless window
// that covers the X screen it runs on (the benchmark's Xvnc) and repaints all of it at a fixed
// rate with a moving scene:
//
//  - a photo-like texture (smooth value noise in colour, plus per-pixel grain), larger than the
//    screen in both directions and scrolled diagonally, so every pixel changes every frame and
//    no row repeats within a frame (a lossless encoder cannot reduce it to fills or to matches
//    inside zlib's window);
//  - shapes with gradients moving on fixed paths, and lines of text scrolling up.
//
// What a frame shows depends only on the frame number and --seed: frame n is the same on every
// run. If painting falls behind, frames are not skipped, they come later.
//
//   vnc_animator [--fps 60] [--seed 1] [--frames N]
//
// Prints "vnc_animator: first frame" once the first frame is painted, and on exit (after
// --frames, or on SIGTERM/SIGINT) how many frames it painted in how long.

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QRadialGradient>
#include <QScreen>
#include <QSocketNotifier>
#include <QTimer>
#include <QWidget>

#include <array>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <numbers>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A small, fixed integer hash (no std:: engines: their output is not specified across
// library versions, and the scene must be the same everywhere).
quint32 hash32(quint32 x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

quint32 hash3(quint32 a, quint32 b, quint32 c)
{
    return hash32(a * 0x9e3779b1U ^ hash32(b * 0x85ebca77U ^ hash32(c + 0x27d4eb2fU)));
}

double smooth(double t)
{
    return t * t * (3.0 - 2.0 * t);
}

// Value noise on a lattice of `period` cells across the texture, wrapping at its edges so the
// scrolled texture has no seams. Result in [0, 1).
double valueNoise(quint32 seed, int x, int y, int width, int height, int cellsX, int cellsY)
{
    const double fx = double(x) * cellsX / width;
    const double fy = double(y) * cellsY / height;
    const int x0 = int(fx);
    const int y0 = int(fy);
    const double tx = smooth(fx - x0);
    const double ty = smooth(fy - y0);
    auto at = [&](int cx, int cy) {
        return double(hash3(seed, quint32(cx % cellsX), quint32(cy % cellsY)) & 0xffff) / 65536.0;
    };
    const double top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * tx;
    const double bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * tx;
    return top + (bottom - top) * ty;
}

// The texture: three octaves of value noise per channel, a slow colour gradient across it and
// +-5 levels of per-pixel grain (a photo's sensor noise). Tileable in both directions.
QImage makeTexture(quint32 seed, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    static constexpr std::array<int, 3> octaveCells = {6, 17, 53};
    static constexpr std::array<double, 3> octaveWeight = {0.55, 0.30, 0.15};
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            std::array<double, 3> rgb{};
            for (int c = 0; c < 3; ++c) {
                double v = 0;
                for (size_t o = 0; o < octaveCells.size(); ++o) {
                    // Cells per side scale with the side so cells stay roughly square.
                    const int cx = octaveCells[o] * width / 1024;
                    const int cy = octaveCells[o] * height / 1024 + 1;
                    v += octaveWeight[o]
                        * valueNoise(seed * 7 + quint32(c * 3 + o), x, y, width, height, cx, cy);
                }
                rgb[size_t(c)] = v;
            }
            // A colour drift across the texture, periodic so the wrap stays seamless.
            const double phase = 2 * std::numbers::pi * (double(x) / width + double(y) / height);
            rgb[0] = 0.75 * rgb[0] + 0.25 * (0.5 + 0.5 * std::sin(phase));
            rgb[2] = 0.75 * rgb[2] + 0.25 * (0.5 + 0.5 * std::cos(phase));
            const quint32 grain = hash3(seed ^ 0xa5a5a5a5U, quint32(x), quint32(y));
            auto channel = [&](int c) {
                const int noise = int((grain >> (8 * c)) % 11) - 5;
                return qBound(0, int(rgb[size_t(c)] * 255.0) + noise, 255);
            };
            line[x] = qRgb(channel(0), channel(1), channel(2));
        }
    }
    return image;
}

class Animator final : public QWidget
{
public:
    Animator(quint32 seed, int fps, qint64 maxFrames, const QSize &size)
        : m_seed(seed)
        , m_fps(fps)
        , m_maxFrames(maxFrames)
    {
        setWindowFlag(Qt::FramelessWindowHint);
        setAttribute(Qt::WA_OpaquePaintEvent);
        setAttribute(Qt::WA_NoSystemBackground);
        setCursor(Qt::BlankCursor);
        setGeometry(QRect(QPoint(0, 0), size));
        // Wider and taller than the screen: no row or column of a frame repeats.
        m_texture = QPixmap::fromImage(
            makeTexture(seed, size.width() + 128 + 1, size.height() + 72 + 1));
        m_font = QFont(u"DejaVu Sans"_s);
        m_font.setPixelSize(28);
        m_font.setStyleStrategy(QFont::PreferAntialias);
        m_bigFont = m_font;
        m_bigFont.setPixelSize(96);
        m_bigFont.setBold(true);
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] { repaint(); });
    }

    void begin()
    {
        m_clock.start();
        m_timer.start(0);
    }

    void report()
    {
        const double seconds = double(m_clock.nsecsElapsed()) / 1e9;
        std::printf("vnc_animator: %lld frames in %.1f s (%.1f per second)\n",
                    static_cast<long long>(m_frame), seconds,
                    seconds > 0 ? double(m_frame) / seconds : 0.0);
        std::fflush(stdout);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        paintFrame(p, m_frame);
        p.end();
        if (m_frame == 0) {
            std::printf("vnc_animator: first frame\n");
            std::fflush(stdout);
        }
        ++m_frame;
        if (m_maxFrames > 0 && m_frame >= m_maxFrames) {
            report();
            QCoreApplication::quit();
            return;
        }
        // Frame n is due at n / fps seconds; a late frame makes the next one due at once.
        const qint64 dueMs = m_frame * 1000 / m_fps;
        m_timer.start(int(qMax<qint64>(0, dueMs - m_clock.elapsed())));
    }

private:
    void paintFrame(QPainter &p, qint64 n) const
    {
        const int w = width();
        const int h = height();
        const int tw = m_texture.width();
        const int th = m_texture.height();
        // The texture scrolls 7 px right and 3 px down per frame (wrapping).
        const QPoint offset(int((n * 7) % tw), int((n * 3) % th));
        p.drawTiledPixmap(rect(), m_texture,
                          QPoint((tw - offset.x()) % tw, (th - offset.y()) % th));

        p.setRenderHint(QPainter::Antialiasing);
        // Twelve shapes on Lissajous paths; each has its own speed, size and colours.
        for (int i = 0; i < 12; ++i) {
            const quint32 hs = hash3(m_seed, 1000, quint32(i));
            const double t = double(n) / 60.0;
            const double ax = 0.6 + 0.9 * double(hs & 0xff) / 255.0;
            const double ay = 0.5 + 0.8 * double((hs >> 8) & 0xff) / 255.0;
            const double cx = w * (0.5 + 0.42 * std::sin(ax * t + i));
            const double cy = h * (0.5 + 0.40 * std::cos(ay * t + 2 * i));
            const double r = 50 + double((hs >> 16) & 0x7f);
            const QColor inner = QColor::fromHsv(int((hs >> 4) % 360), 200, 255);
            const QColor outer = QColor::fromHsv(int((hs >> 12) % 360), 255, 120);
            if (i % 3 == 0) {
                p.save();
                p.translate(cx, cy);
                p.rotate(double(n) * (2 + i % 5));
                QLinearGradient g(-r, -r, r, r);
                g.setColorAt(0, inner);
                g.setColorAt(1, outer);
                p.setPen(QPen(Qt::black, 3));
                p.setBrush(g);
                p.drawRoundedRect(QRectF(-r, -r * 0.6, 2 * r, 1.2 * r), 18, 18);
                p.restore();
            } else {
                QRadialGradient g(QPointF(cx - r / 3, cy - r / 3), r * 1.3);
                g.setColorAt(0, inner);
                g.setColorAt(1, outer);
                p.setPen(Qt::NoPen);
                p.setBrush(g);
                p.drawEllipse(QPointF(cx, cy), r, r);
            }
        }

        // Lines of text scrolling up 2 px per frame, and the frame number.
        p.setFont(m_font);
        const int lineHeight = 40;
        const int scroll = int((n * 2) % lineHeight);
        const qint64 firstLine = n * 2 / lineHeight;
        for (int row = 0; row * lineHeight < h + lineHeight; ++row) {
            const qint64 line = firstLine + row;
            const quint32 hl = hash3(m_seed, 2000, quint32(line));
            const int x = 40 + int(hl % 600);
            const int y = row * lineHeight - scroll + 30;
            p.setPen(QColor::fromHsv(int(hl >> 20) % 360, 80, 255));
            p.drawText(x, y,
                       u"line %1  %2  the quick brown fox jumps over the lazy dog  %3"_s
                           .arg(line)
                           .arg(hl, 8, 16, QLatin1Char('0'))
                           .arg(hash32(hl), 8, 16, QLatin1Char('0')));
        }
        p.setFont(m_bigFont);
        p.setPen(Qt::white);
        p.drawText(QRect(0, h / 2 - 60, w, 120), Qt::AlignCenter, u"frame %1"_s.arg(n));
    }

    quint32 m_seed;
    int m_fps;
    qint64 m_maxFrames;
    qint64 m_frame = 0;
    QPixmap m_texture;
    QFont m_font;
    QFont m_bigFont;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The VNC benchmark's workload: full-screen motion, the same frames on every run."_s);
    parser.addHelpOption();
    const QCommandLineOption fpsOption(u"fps"_s, u"Frames per second (default 60)."_s, u"n"_s,
                                       u"60"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Scene seed (default 1)."_s, u"n"_s, u"1"_s);
    const QCommandLineOption framesOption(u"frames"_s, u"Exit after this many frames."_s,
                                          u"n"_s, u"0"_s);
    parser.addOptions({fpsOption, seedOption, framesOption});
    parser.process(app);
    bool ok1 = false;
    bool ok2 = false;
    bool ok3 = false;
    const int fps = parser.value(fpsOption).toInt(&ok1);
    const uint seed = parser.value(seedOption).toUInt(&ok2);
    const qint64 frames = parser.value(framesOption).toLongLong(&ok3);
    if (!ok1 || !ok2 || !ok3 || fps < 1 || fps > 1000 || frames < 0) {
        std::fprintf(stderr, "vnc_animator: bad --fps, --seed or --frames (see --help)\n");
        return 2;
    }

    // SIGTERM/SIGINT end the event loop so the frame count is printed.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return 2;
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    const QSize size = QGuiApplication::primaryScreen()->size();
    Animator animator(seed, fps, frames, size);
    animator.show();
    animator.begin();
    const int rc = QApplication::exec();
    if (frames == 0)
        animator.report();
    return rc;
}
