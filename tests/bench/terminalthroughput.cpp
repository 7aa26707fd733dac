#include "terminalthroughput.h"

#include "benchout.h"
#include "terminalwidget.h"

#include <QEvent>
#include <QFile>
#include <QFont>
#include <QFontInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QRegularExpression>
#include <QScreen>

using namespace Qt::StringLiterals;

namespace Corral::Bench {

namespace {

// The X server has everything this client sent once it answers a request: read one pixel of
// the window back (GetImage is a round trip, handled after the PutImage of the last frame).
void roundTrip(QWidget *window, QPoint at)
{
    QScreen *screen = window->screen();
    const QPixmap pixel = screen->grabWindow(window->winId(), at.x(), at.y(), 1, 1);
    Q_UNUSED(pixel);
}

QString withoutSpaces(QString text)
{
    text.remove(QRegularExpression(u"\\s+"_s));
    return text;
}

} // namespace

ThroughputBench::ThroughputBench(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_feedTimer.setInterval(0);
    connect(&m_feedTimer, &QTimer::timeout, this, &ThroughputBench::feedNext);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(u"timed out after %1 s (%2 of %3 bytes fed)"_s.arg(m_options.timeoutSec)
                 .arg(m_pos)
                 .arg(m_data.size()));
    });
}

ThroughputBench::~ThroughputBench() = default;

void ThroughputBench::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_feedTimer.stop();
    m_timeout.stop();
    warn(u"bench_terminal throughput: error: "_s + message);
    QJsonObject json{{u"bench"_s, u"terminal-throughput"_s},
                     {u"peer"_s, u"corral"_s},
                     {u"label"_s, m_options.label},
                     {u"error"_s, message}};
    say(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    Q_EMIT finished(1);
}

void ThroughputBench::start()
{
    QFile file(m_options.file);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(u"cannot read %1: %2"_s.arg(m_options.file, file.errorString()));
        return;
    }
    m_data = file.readAll();
    m_fileBytes = m_data.size();
    if (m_data.isEmpty()) {
        fail(u"%1 is empty"_s.arg(m_options.file));
        return;
    }
    // The remote pty's output processing (ONLCR): what an SSH channel actually carries.
    if (m_options.onlcr)
        m_data.replace("\n", "\r\n");

    m_widget = std::make_unique<TerminalWidget>();
    m_widget->setWindowTitle(u"bench_terminal"_s);
    if (!m_options.fontFamily.isEmpty()) {
        QFont font(m_options.fontFamily);
        font.setPointSizeF(m_options.fontPointSize);
        font.setStyleHint(QFont::TypeWriter);
        m_widget->setTerminalFont(font);
    }
    // sizeHint() is 80x24 cells plus margins, frame and scroll bar.
    const QSize cell = m_widget->cellSize();
    const QSize hint = m_widget->sizeHint();
    m_widget->resize(hint.width() + (m_options.cols - 80) * cell.width(),
                     hint.height() + (m_options.rows - 24) * cell.height());
    m_widget->viewport()->installEventFilter(this);
    m_waitingForFirstPaint = true;
    m_widget->show();
    m_timeout.start(m_options.timeoutSec * 1000);
}

bool ThroughputBench::eventFilter(QObject *watched, QEvent *event)
{
    if (m_waitingForFirstPaint && event->type() == QEvent::Paint
        && watched == m_widget->viewport()) {
        m_waitingForFirstPaint = false;
        // After this paint has been flushed, not from inside it.
        QMetaObject::invokeMethod(this, &ThroughputBench::beginFeeding, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void ThroughputBench::beginFeeding()
{
    Terminal *term = m_widget->terminal();
    if (term->cols() != m_options.cols || term->rows() != m_options.rows) {
        fail(u"the window gives %1x%2 cells, not %3x%4"_s.arg(term->cols())
                 .arg(term->rows())
                 .arg(m_options.cols)
                 .arg(m_options.rows));
        return;
    }
    m_widget->flushPendingPaint();
    roundTrip(m_widget.get(), {0, 0});

    const QFontInfo info(m_widget->terminalFont());
    say(u"bench_terminal throughput: %1 (%2 bytes, %3 sent%14), %4x%5 cells of %6x%7 px, "
        "font %8 %9pt, window %10x%11 on %12, chunks of %13 bytes"_s.arg(m_options.file)
            .arg(m_fileBytes)
            .arg(m_data.size())
            .arg(m_options.cols)
            .arg(m_options.rows)
            .arg(m_widget->cellSize().width())
            .arg(m_widget->cellSize().height())
            .arg(info.family())
            .arg(info.pointSizeF())
            .arg(m_widget->width())
            .arg(m_widget->height())
            .arg(QGuiApplication::platformName())
            .arg(m_options.chunkBytes)
            .arg(m_options.onlcr ? u" with ONLCR"_s : QString()));

    m_framesBefore = m_widget->framesPainted();
    m_procBefore = sampleProcess().value_or(ProcSample{});
    m_threadBefore = sampleThisThread().value_or(ThreadSched{});
    if (m_options.xserverPid > 0)
        m_xserverBefore = sampleProcess(m_options.xserverPid);
    m_clock.start();
    m_feedTimer.start();
    feedNext();
}

void ThroughputBench::feedNext()
{
    if (m_done)
        return;
    if (m_pos >= m_data.size()) {
        finish();
        return;
    }
    const qsizetype n = std::min<qsizetype>(m_options.chunkBytes, m_data.size() - m_pos);
    // A new buffer per chunk, as each read of an SSH channel is.
    const QByteArray chunk = m_data.sliced(m_pos, n);
    m_pos += n;
    ++m_chunks;
    QElapsedTimer inFeed;
    inFeed.start();
    m_widget->feed(chunk);
    m_feedNs += inFeed.nsecsElapsed();
}

void ThroughputBench::finish()
{
    m_feedTimer.stop();
    const qint64 fedNs = m_clock.nsecsElapsed();
    m_widget->flushPendingPaint();
    Terminal *term = m_widget->terminal();
    const TermCursor cursor = term->cursor();
    roundTrip(m_widget.get(),
              m_widget->viewport()->mapTo(m_widget.get(),
                                          m_widget->cellRect(cursor.row, cursor.col).center()));
    const qint64 totalNs = m_clock.nsecsElapsed();
    m_timeout.stop();
    const ProcSample procAfter = sampleProcess().value_or(ProcSample{});
    const ThreadSched threadAfter = sampleThisThread().value_or(ThreadSched{});
    std::optional<ProcSample> xserverAfter;
    if (m_xserverBefore)
        xserverAfter = sampleProcess(m_options.xserverPid);
    const int frames = m_widget->framesPainted() - m_framesBefore;

    // Nothing may have been skipped: the file's last line is at the bottom of the screen.
    QStringList screen = term->screenText();
    while (!screen.isEmpty() && screen.constLast().trimmed().isEmpty())
        screen.removeLast();
    const QString expected = withoutSpaces(expectedLastLine());
    const bool valid
        = !expected.isEmpty() && withoutSpaces(screen.join(QString())).endsWith(expected);

    if (!m_options.screenshot.isEmpty())
        m_widget->grab().save(m_options.screenshot);

    const double seconds = double(totalNs) / 1e9;
    const double mbPerSec = double(m_fileBytes) / 1e6 / seconds;
    const double feedMs = double(m_feedNs) / 1e6;
    const double guiCpuMs = threadAfter.cpuMs - m_threadBefore.cpuMs;
    say(u"  bytes (file / sent)        %1 / %2"_s.arg(m_fileBytes).arg(m_data.size()));
    say(u"  seconds                    %1 (all fed after %2 s)"_s.arg(seconds, 0, 'f', 3)
            .arg(double(fedNs) / 1e9, 0, 'f', 3));
    say(u"  MB/s (file bytes, 10^6)    %1"_s.arg(mbPerSec, 0, 'f', 2));
    say(u"  frames painted             %1 (%2 per s), %3 chunks"_s.arg(frames)
            .arg(double(frames) / seconds, 0, 'f', 1)
            .arg(m_chunks));
    say(u"  in TerminalWidget::feed    %1 ms (%2%)"_s.arg(feedMs, 0, 'f', 0)
            .arg(100.0 * feedMs / (seconds * 1000.0), 0, 'f', 1));
    say(u"  GUI thread: CPU / waiting  %1 / %2 ms; process CPU %3 ms"_s.arg(guiCpuMs, 0, 'f', 0)
            .arg(threadAfter.runDelayMs - m_threadBefore.runDelayMs, 0, 'f', 0)
            .arg(procAfter.cpuMs - m_procBefore.cpuMs));
    if (xserverAfter) {
        say(u"  X server CPU               %1 ms"_s.arg(xserverAfter->cpuMs
                                                        - m_xserverBefore->cpuMs));
    }
    say(u"  final screen shows the last line: %1"_s.arg(valid ? u"yes"_s : u"NO"_s));

    QJsonObject json{
        {u"bench"_s, u"terminal-throughput"_s},
        {u"peer"_s, u"corral"_s},
        {u"label"_s, m_options.label},
        {u"file"_s, m_options.file},
        {u"bytes"_s, double(m_fileBytes)},
        {u"sentBytes"_s, double(m_data.size())},
        {u"seconds"_s, seconds},
        {u"fedSeconds"_s, double(fedNs) / 1e9},
        {u"mbPerSec"_s, mbPerSec},
        {u"frames"_s, frames},
        {u"chunks"_s, m_chunks},
        {u"feedMs"_s, feedMs},
        {u"guiCpuMs"_s, guiCpuMs},
        {u"guiRunDelayMs"_s, threadAfter.runDelayMs - m_threadBefore.runDelayMs},
        {u"processCpuMs"_s, double(procAfter.cpuMs - m_procBefore.cpuMs)},
        {u"cols"_s, m_options.cols},
        {u"rows"_s, m_options.rows},
        {u"cellWidth"_s, m_widget->cellSize().width()},
        {u"cellHeight"_s, m_widget->cellSize().height()},
        {u"valid"_s, valid},
    };
    if (xserverAfter)
        json.insert(u"xserverCpuMs"_s, double(xserverAfter->cpuMs - m_xserverBefore->cpuMs));
    if (!valid) {
        json.insert(u"error"_s, u"the final screen does not end with the file's last line"_s);
        warn(u"bench_terminal throughput: the final screen does not end with \"%1\"; it shows:"_s
                 .arg(expectedLastLine()));
        for (const QString &line : std::as_const(screen))
            warn(u"  | "_s + line);
    }
    say(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    m_done = true;
    Q_EMIT finished(valid ? 0 : 1);
}

QString ThroughputBench::expectedLastLine() const
{
    // The last non-blank line of the file as text: escape sequences and controls removed.
    static const QRegularExpression escapes(
        // A sequence or UTF-8 character cut off by the end of the file shows nothing.
        u"\\x1b(\\[[0-?]*[ -/]*)?$|\\x{fffd}+$"
        u"|\\x1b\\[[0-?]*[ -/]*[@-~]" // CSI
        u"|\\x1b\\][^\\x07\\x1b]*(\\x07|\\x1b\\\\)" // OSC
        u"|\\x1b." // other ESC sequences
        u"|[\\x00-\\x1f\\x7f]"_s); // controls
    qsizetype end = m_data.size();
    while (end > 0) {
        const qsizetype start = m_data.lastIndexOf('\n', end - 1) + 1;
        QString line = QString::fromUtf8(m_data.sliced(start, end - start));
        line.remove(escapes);
        if (!line.trimmed().isEmpty())
            return line;
        end = start - 1;
    }
    return {};
}

} // namespace Corral::Bench
