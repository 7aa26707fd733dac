#pragma once

#include "ssh/sshendpoint.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>

namespace Corral {
class SshChannel;
class SshSession;
class TerminalWidget;
} // namespace Corral

namespace Corral::Bench {

// Keystroke-to-echo latency through Corral: an SshSession shell (the app's, with its pty in
// its normal echo mode) shown in a TerminalWidget. The shell's prompt is set to a marker
// first. Then, per sample, one printable key goes to the widget as a QKeyEvent (the path a
// real key takes from there: Terminal input, SshChannel::write, the session's thread, sshd);
// the sample's times are when the character arrives on the GUI thread (the dataReceived
// handler, bytes fed to the widget, the character on the Terminal's screen after the prompt)
// and when the X server has the frame that shows it (the viewport's next paint covering that
// cell, then a one-pixel grab of the window: a round trip). A Backspace removes it again and,
// once the prompt line is empty, the next key follows after a pause (a typist's, default
// 50 ms: longer than a frame, so the widget's 16 ms frame limit never holds an echo back,
// as it would not for a person typing). The first warm-up samples are not counted.
// GUI thread only.
class EchoBench final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EchoBench)

public:
    struct Options
    {
        QString uri;
        QString keyFile; // override the URI's keyfile= (empty: keep it)
        QString knownHosts; // override the URI's known_hosts= (empty: keep it)
        int count = 200;
        int warmup = 10;
        int pauseMs = 50;
        int cols = 120;
        int rows = 40;
        int timeoutSec = 120;
        QString label;
    };

    explicit EchoBench(Options options, QObject *parent = nullptr);
    ~EchoBench() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Phase : quint8 { Connecting, Prompt, Pause, Echo, Paint, Erase, Leaving, Done };

    void fail(const QString &message);
    void onData(const QByteArray &bytes);
    void checkScreen();
    void typeNext();
    void onPainted();
    void report();

    Options m_options;
    std::unique_ptr<SshSession> m_session;
    std::unique_ptr<TerminalWidget> m_widget;
    QPointer<SshChannel> m_channel;
    Phase m_phase = Phase::Connecting;
    QTimer m_pause;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    qint64 m_keyNs = 0;
    qint64 m_arrivalNs = 0;
    char16_t m_char = 0;
    int m_promptRow = 0;
    int m_promptCol = 0;
    int m_sample = 0; // warm-up samples included
    QList<double> m_arrivalMs;
    QList<double> m_shownMs;
};

} // namespace Corral::Bench
