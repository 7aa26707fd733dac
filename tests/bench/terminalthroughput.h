#pragma once

#include "procsample.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace Corral {
class TerminalWidget;
}

namespace Corral::Bench {

// Terminal throughput: a file of remote output through a shown TerminalWidget, the way the app
// gets it from an SSH channel. The file is read into memory and turned into what a remote pty
// sends (LF -> CR LF, the pty's ONLCR) before the clock starts; then one chunk (64 KiB, the SSH
// session's read size) is fed per event-loop iteration, so the widget's frame timer, repaints
// and X events run between chunks as they do in the app. The clock runs from the first chunk
// until the last one is fed, its frame painted (flushPendingPaint) and the X server has it (a
// one-pixel grab of the window, a round trip). Then the final screen must show the file's last
// line. Prints human lines and one JSON line. GUI thread only.
class ThroughputBench final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputBench)

public:
    struct Options
    {
        QString file;
        int cols = 120;
        int rows = 40;
        int chunkBytes = 64 * 1024;
        bool onlcr = true;
        QString fontFamily;
        qreal fontPointSize = 10;
        int timeoutSec = 600;
        qint64 xserverPid = 0; // also report this process's CPU over the timed span
        QString label;
        QString screenshot;
    };

    explicit ThroughputBench(Options options, QObject *parent = nullptr);
    ~ThroughputBench() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fail(const QString &message);
    void beginFeeding();
    void feedNext();
    void finish();
    QString expectedLastLine() const;

    Options m_options;
    QByteArray m_data; // what the remote pty sends: the file with ONLCR applied
    qint64 m_fileBytes = 0;
    qsizetype m_pos = 0;
    std::unique_ptr<TerminalWidget> m_widget;
    QTimer m_feedTimer;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    qint64 m_feedNs = 0; // inside TerminalWidget::feed()
    int m_chunks = 0;
    int m_framesBefore = 0;
    bool m_waitingForFirstPaint = false;
    bool m_done = false;
    ProcSample m_procBefore;
    std::optional<ProcSample> m_xserverBefore;
    ThreadSched m_threadBefore;
};

} // namespace Corral::Bench
