#include "terminalecho.h"

#include "benchout.h"
#include "ssh/sshsession.h"
#include "terminalwidget.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPixmap>
#include <QScreen>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Corral::Bench {

namespace {

// The prompt is set with the two halves quoted apart, so the echo of the command line itself
// never looks like the prompt.
const QByteArray SetPrompt = "PS1='corral''-bench> '; PS2=''; unset PROMPT_COMMAND\r"_ba;
const QString Prompt = u"corral-bench>"_s; // as lineText() gives it: trailing blank trimmed
// Letters that no erase or cursor sequence of the shell contains; only the screen decides here,
// but the OpenSSH baseline (ssh_echo.py) looks for bytes and uses the same letters.
constexpr char16_t Letters[] = u"abcdefgijknopqrstuvwxyz";

double percentile(QList<double> sorted, double p)
{
    if (sorted.isEmpty())
        return -1;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank.
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1)];
}

QJsonObject stats(const QList<double> &ms)
{
    return QJsonObject{
        {u"minMs"_s, percentile(ms, 0)},
        {u"medianMs"_s, percentile(ms, 50)},
        {u"p95Ms"_s, percentile(ms, 95)},
        {u"maxMs"_s, percentile(ms, 100)},
    };
}

QString statsLine(const QList<double> &ms)
{
    return u"%1 / %2 / %3 / %4"_s.arg(percentile(ms, 0), 0, 'f', 2)
        .arg(percentile(ms, 50), 0, 'f', 2)
        .arg(percentile(ms, 95), 0, 'f', 2)
        .arg(percentile(ms, 100), 0, 'f', 2);
}

} // namespace

EchoBench::EchoBench(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_pause.setSingleShot(true);
    m_pause.setTimerType(Qt::PreciseTimer);
    connect(&m_pause, &QTimer::timeout, this, &EchoBench::typeNext);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(u"timed out after %1 s in phase %2 (sample %3)"_s.arg(m_options.timeoutSec)
                 .arg(int(m_phase))
                 .arg(m_sample));
    });
}

EchoBench::~EchoBench()
{
    // The channel belongs to this object; close it before the session goes.
    delete m_channel.data();
}

void EchoBench::fail(const QString &message)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_pause.stop();
    m_timeout.stop();
    warn(u"bench_terminal echo: error: "_s + message);
    if (m_widget) {
        warn(u"bench_terminal echo: the screen:"_s);
        const QStringList screen = m_widget->terminal()->screenText();
        for (const QString &line : screen) {
            if (!line.isEmpty())
                warn(u"  | "_s + line);
        }
    }
    const QJsonObject json{{u"bench"_s, u"terminal-echo"_s},
                           {u"peer"_s, u"corral"_s},
                           {u"label"_s, m_options.label},
                           {u"error"_s, message}};
    say(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    Q_EMIT finished(1);
}

void EchoBench::start()
{
    auto endpoint = SshEndpoint::fromHostUri(m_options.uri, u"bench"_s);
    if (!endpoint) {
        fail(endpoint.error().message);
        return;
    }
    if (!m_options.keyFile.isEmpty())
        endpoint->keyFile = m_options.keyFile;
    if (!m_options.knownHosts.isEmpty())
        endpoint->knownHostsFile = m_options.knownHosts;
    say(u"bench_terminal echo: %1@%2:%3, %4 samples (+%5 warm-up), %6 ms between keys"_s
            .arg(endpoint->user, endpoint->host)
            .arg(endpoint->effectivePort())
            .arg(m_options.count)
            .arg(m_options.warmup)
            .arg(m_options.pauseMs));

    m_widget = std::make_unique<TerminalWidget>();
    m_widget->setWindowTitle(u"bench_terminal"_s);
    const QSize cell = m_widget->cellSize();
    const QSize hint = m_widget->sizeHint();
    m_widget->resize(hint.width() + (m_options.cols - 80) * cell.width(),
                     hint.height() + (m_options.rows - 24) * cell.height());
    m_widget->viewport()->installEventFilter(this);
    m_widget->show();
    m_widget->activateWindow();
    m_widget->setFocus();

    m_session = std::make_unique<SshSession>(*endpoint);
    connect(m_session.get(), &SshSession::credentialRequested, this,
            [this](const CredentialRequest &) {
                fail(u"the session asked for a credential; the key should have been enough"_s);
            });
    m_clock.start();
    m_timeout.start(m_options.timeoutSec * 1000);
    m_channel = m_session->openShell(m_options.cols, m_options.rows, this);
    connect(m_channel, &SshChannel::opened, this, [this] {
        m_phase = Phase::Prompt;
        m_channel->write(SetPrompt);
    });
    connect(m_channel, &SshChannel::dataReceived, this,
            [this](const QByteArray &bytes, bool) { onData(bytes); });
    connect(m_channel, &SshChannel::closed, this, [this](int, const QString &error) {
        if (m_phase == Phase::Leaving) {
            m_phase = Phase::Done;
            Q_EMIT finished(0);
            return;
        }
        fail(u"the shell closed: "_s + (error.isEmpty() ? u"(no error)"_s : error));
    });
    connect(m_widget.get(), &TerminalWidget::sendBytes, this, [this](const QByteArray &bytes) {
        if (m_channel)
            m_channel->write(bytes);
    });
}

void EchoBench::onData(const QByteArray &bytes)
{
    const qint64 now = m_clock.nsecsElapsed();
    m_widget->feed(bytes);
    if (m_phase == Phase::Echo) {
        const TermCell cell = m_widget->terminal()->cell(m_promptRow, m_promptCol);
        if (cell.ch == char32_t(m_char)) {
            m_arrivalNs = now;
            m_phase = Phase::Paint;
        }
        return;
    }
    checkScreen();
}

void EchoBench::checkScreen()
{
    Terminal *term = m_widget->terminal();
    const TermCursor cursor = term->cursor();
    // The prompt may follow other text on its line (the first prompt, after type-ahead).
    const QString line = term->lineText(cursor.row);
    const bool atPrompt = line.endsWith(Prompt) && cursor.col == line.size() + 1;
    switch (m_phase) {
    case Phase::Prompt:
        if (atPrompt) {
            m_promptRow = cursor.row;
            m_promptCol = cursor.col;
            m_phase = Phase::Pause;
            m_pause.start(m_options.pauseMs);
        }
        break;
    case Phase::Erase:
        if (atPrompt && cursor.row == m_promptRow && cursor.col == m_promptCol) {
            m_phase = Phase::Pause;
            m_pause.start(m_options.pauseMs);
        }
        break;
    default:
        break;
    }
}

void EchoBench::typeNext()
{
    if (m_sample >= m_options.warmup + m_options.count) {
        report();
        return;
    }
    m_char = Letters[m_sample % (std::size(Letters) - 1)];
    ++m_sample;
    m_phase = Phase::Echo;
    QKeyEvent press(QEvent::KeyPress, Qt::Key_A + (m_char - u'a'), Qt::NoModifier,
                    QString(QChar(m_char)));
    m_keyNs = m_clock.nsecsElapsed();
    QCoreApplication::sendEvent(m_widget.get(), &press);
}

bool EchoBench::eventFilter(QObject *watched, QEvent *event)
{
    if (m_phase == Phase::Paint && event->type() == QEvent::Paint
        && watched == m_widget->viewport()) {
        const QRect cell = m_widget->cellRect(m_promptRow, m_promptCol);
        if (static_cast<QPaintEvent *>(event)->region().intersects(cell)) {
            // The frame is flushed to the X server right after the paint event: look then.
            QMetaObject::invokeMethod(this, &EchoBench::onPainted, Qt::QueuedConnection);
        }
    }
    return QObject::eventFilter(watched, event);
}

void EchoBench::onPainted()
{
    if (m_phase != Phase::Paint)
        return;
    // A one-pixel grab of the echoed cell: the X server answers after the frame's PutImage.
    const QPoint at = m_widget->viewport()->mapTo(
        m_widget.get(), m_widget->cellRect(m_promptRow, m_promptCol).center());
    const QPixmap pixel = m_widget->screen()->grabWindow(m_widget->winId(), at.x(), at.y(), 1, 1);
    Q_UNUSED(pixel);
    const qint64 shownNs = m_clock.nsecsElapsed();
    if (m_sample > m_options.warmup) {
        m_arrivalMs.append(double(m_arrivalNs - m_keyNs) / 1e6);
        m_shownMs.append(double(shownNs - m_keyNs) / 1e6);
    }
    m_phase = Phase::Erase;
    QKeyEvent backspace(QEvent::KeyPress, Qt::Key_Backspace, Qt::NoModifier);
    QCoreApplication::sendEvent(m_widget.get(), &backspace);
}

void EchoBench::report()
{
    m_timeout.stop();
    say(u"  samples                    %1"_s.arg(m_arrivalMs.size()));
    say(u"  echo arrived (ms)          %1   (min / median / p95 / max)"_s.arg(
        statsLine(m_arrivalMs)));
    say(u"  echo on screen (ms)        %1"_s.arg(statsLine(m_shownMs)));
    QJsonArray arrival;
    QJsonArray shown;
    for (double ms : std::as_const(m_arrivalMs))
        arrival.append(ms);
    for (double ms : std::as_const(m_shownMs))
        shown.append(ms);
    const QJsonObject json{
        {u"bench"_s, u"terminal-echo"_s},  {u"peer"_s, u"corral"_s},
        {u"label"_s, m_options.label},     {u"samples"_s, m_arrivalMs.size()},
        {u"pauseMs"_s, m_options.pauseMs}, {u"arrival"_s, stats(m_arrivalMs)},
        {u"shown"_s, stats(m_shownMs)},    {u"arrivalSamplesMs"_s, arrival},
        {u"shownSamplesMs"_s, shown},
    };
    say(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    // Leave the shell; the channel's close ends the run.
    m_phase = Phase::Leaving;
    m_timeout.start(10 * 1000);
    m_channel->write("exit\r"_ba);
}

} // namespace Corral::Bench
