#pragma once

#include "eventlooplag.h"
#include "procsample.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace Corral {
class DesktopApp;
struct HostInfo;
} // namespace Corral

namespace Corral::Bench {

// The inventory-scale benchmark inside a real GUI process: Corral's own startup sequence
// (DesktopApp: catalog, Fleet, MainWindow on the VMs page, then Fleet::load()) on the catalog
// at $CORRAL_DB, measured in phases:
//   load   - from Fleet::load() until every host has reported its complete inventory, the
//            sorted VM list holds every row, and the list's viewport has painted after that;
//   steady - the next `steadySec` seconds, the app's default stats sweep running, with the
//            process's CPU and RSS sampled from /proc/self every second.
// The event loop's lateness is measured throughout (EventLoopLag). Results are printed as
// human lines on stdout and one final JSON line. Lives on the GUI thread; emits finished()
// once, with the process exit code (0 measured, 1 inventory incomplete or no hosts).
class InventoryBench final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryBench)

public:
    struct Options
    {
        QString database; // catalog path
        int steadySec = 60;
        int timeoutSec = 180; // bound on the load phase
        int expectVms = 0; // > 0: the load phase also waits for this many rows
        QList<qint64> serverPids; // daemons whose CPU is reported for the steady phase
        QString label; // free text copied into the JSON ("1x2000", ...)
        QString screenshot; // PNG of the window at the end, if set
        bool trace = false; // print every batch's handling time
        bool lagProbe = true; // false: no 10 ms timer (to see what the probe costs)
    };

    explicit InventoryBench(const Options &options, QObject *parent = nullptr);
    ~InventoryBench() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum Phase : int { StartupPhase, LoadPhase, SteadyPhase, PhaseCount };

    // Brackets around the GUI thread's synchronous handling of one Fleet batch: the first
    // slot connected to the signal and the last (connected after the window's models).
    void beginBatch(qsizetype size);
    void endBatch(bool stats);
    void onStarted();
    void onLoaded();
    void onHostChanged(const HostInfo &host);
    void onInventoryComplete(qint64 hostId);
    void checkComplete();
    void onShown();
    void beginSteady();
    void sampleSteady();
    void finishSteady();
    void onTimeout();
    // The load phase's results as JSON; with `human`, also printed as lines.
    QJsonObject loadResult(bool human) const;
    void printSummary(int exitCode, const QString &error);
    qint64 nowMs() const { return m_clock.elapsed(); }

    Options m_options;
    std::unique_ptr<DesktopApp> m_desktop;
    EventLoopLag m_lag;
    QElapsedTimer m_clock; // started in start()
    QTimer m_timeout;
    QTimer m_sampler;
    QTimer m_steadyEnd;

    qint64 m_windowMs = -1; // start() -> window shown and load() called
    qint64 m_loadAtMs = -1; // when load() was called
    qint64 m_inventoryMs = -1; // load() -> every host complete and every row in the list
    qint64 m_shownMs = -1; // load() -> the list's first paint after that
    qint64 m_steadyAtMs = -1;
    qint64 m_steadyEndMs = -1;
    QHash<qint64, QString> m_hostNames;
    QHash<qint64, qint64> m_hostDoneMs; // host id -> ms after load()
    QSet<qint64> m_pending;
    QHash<qint64, QString> m_hostErrors;
    bool m_hostsKnown = false;
    bool m_awaitingPaint = false;
    int m_vms = 0;

    std::optional<ThreadSched> m_guiAtLoad;
    std::optional<ThreadSched> m_guiAtShown;
    std::optional<ThreadSched> m_guiAtSteadyEnd;
    std::optional<ProcSample> m_atLoad;
    std::optional<ProcSample> m_atShown;
    std::optional<ProcSample> m_atSteadyEnd;
    qint64 m_maxSteadyRssKiB = 0;
    std::optional<ProcSample> m_progressFrom; // the last progress line's reading
    qint64 m_progressAtMs = 0;
    int m_steadySamples = 0;
    struct ServerSample
    {
        qint64 pid = 0;
        std::optional<ProcSample> from;
        std::optional<ProcSample> to;
    };
    QList<ServerSample> m_servers;
    bool m_finished = false;
    bool m_trace = false;
    qint64 m_batchStartNs = -1;
    qsizetype m_batchSize = 0;
    struct BatchMax
    {
        double ms = 0;
        qsizetype size = 0;
    };
    BatchMax m_maxVmBatch; // vmsChanged: inventory batches
    BatchMax m_maxStatsBatch; // statsUpdated
    qint64 m_sortStartNs = -1;
    BatchMax m_maxSort; // the VM list's deferred re-sorts (size = rows)
    int m_sorts = 0;
};

} // namespace Corral::Bench
