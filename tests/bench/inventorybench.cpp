#include "inventorybench.h"

#include "desktopapp.h"
#include "fleet/fleet.h"
#include "mainwindow.h"
#include "placeholdertreeview.h"
#include "vmfilterproxymodel.h"
#include "vmmodel.h"
#include "vmpage.h"

#include <QEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QTextStream>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Corral::Bench {

namespace {

// A missing paint (an unmapped window) must not hang the run: after this, the steady phase
// starts anyway and the painted time is reported as missing.
constexpr int PaintWaitMs = 5000;
constexpr int SampleIntervalMs = 1000;
constexpr int ProgressEverySamples = 10;
constexpr qint64 Never = std::numeric_limits<qint64>::max();

void say(const QString &line)
{
    static QTextStream out(stdout);
    out << line << Qt::endl; // endl flushes: the driver reads us through a pipe
}

void warn(const QString &line)
{
    static QTextStream err(stderr);
    err << line << Qt::endl;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

QString fixed(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

QJsonObject lagJson(const EventLoopLag::Summary &s)
{
    return QJsonObject{
        {u"samples"_s, double(s.samples)},
        {u"maxMs"_s, s.maxMs},
        {u"p99Ms"_s, s.p99Ms},
        {u"over50Ms"_s, double(s.over50Ms)},
    };
}

QString row(const QString &label, const QString &text)
{
    return u"  %1 %2"_s.arg(label, -34).arg(text);
}

// How the GUI thread spent a phase (on a CPU, or runnable but waiting for one); also recorded
// in the JSON as <phase>GuiCpuMs / <phase>GuiRunDelayMs.
QString guiThreadRow(const ThreadSched &from, const ThreadSched &to, const QString &phase,
                     QJsonObject &json)
{
    const double cpu = to.cpuMs - from.cpuMs;
    const double delay = to.runDelayMs - from.runDelayMs;
    json.insert(phase + u"GuiCpuMs"_s, cpu);
    json.insert(phase + u"GuiRunDelayMs"_s, delay);
    return row(
        u"  GUI thread"_s,
        u"%1 ms on a CPU, %2 ms runnable but waiting for one, preempted %3 times"_s.arg(fixed(cpu))
            .arg(fixed(delay))
            .arg(to.preemptions - from.preemptions));
}

QString lagText(const EventLoopLag::Summary &s)
{
    if (s.samples == 0)
        return u"no samples"_s;
    return u"max %1 ms, p99 %2 ms, %3 of %4 ticks over 50 ms"_s.arg(fixed(s.maxMs), fixed(s.p99Ms))
        .arg(s.over50Ms)
        .arg(s.samples);
}

} // namespace

InventoryBench::InventoryBench(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_lag(PhaseCount)
    , m_trace(options.trace)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(std::max(options.timeoutSec, 1) * 1000);
    connect(&m_timeout, &QTimer::timeout, this, &InventoryBench::onTimeout);
    m_sampler.setInterval(SampleIntervalMs);
    m_steadyEnd.setSingleShot(true);
    m_steadyEnd.setTimerType(Qt::PreciseTimer);
    connect(&m_steadyEnd, &QTimer::timeout, this, &InventoryBench::finishSteady);
    connect(&m_sampler, &QTimer::timeout, this, &InventoryBench::sampleSteady);
    for (const qint64 pid : options.serverPids)
        m_servers.append(ServerSample{pid, {}, {}});
}

InventoryBench::~InventoryBench()
{
    if (m_desktop && m_desktop->window())
        m_desktop->window()->vmPage()->view()->viewport()->removeEventFilter(this);
}

void InventoryBench::start()
{
    m_clock.start();
    m_lag.setPhase(StartupPhase);
    if (m_options.lagProbe)
        m_lag.start();
    m_timeout.start();

    // The app's own startup: catalog, fleet, settings, window, then Fleet::load().
    m_desktop = std::make_unique<DesktopApp>(m_options.database);
    Fleet *fleet = m_desktop->fleet();
    // Connected before the window exists, so these run before the models' slots.
    connect(fleet, &Fleet::vmsChanged, this,
            [this](const QList<VmInfo> &vms) { beginBatch(vms.size()); });
    connect(fleet, &Fleet::statsUpdated, this,
            [this](qint64, const QHash<QUuid, VmStats> &stats) { beginBatch(stats.size()); });
    connect(fleet, &Fleet::loaded, this, &InventoryBench::onLoaded);
    connect(fleet, &Fleet::hostChanged, this, &InventoryBench::onHostChanged);
    connect(fleet, &Fleet::inventoryComplete, this, &InventoryBench::onInventoryComplete);
    connect(m_desktop.get(), &DesktopApp::started, this, &InventoryBench::onStarted);
    m_desktop->start();
}

void InventoryBench::onStarted()
{
    // DesktopApp::start() has shown the window and called Fleet::load() just before this.
    m_loadAtMs = nowMs();
    m_windowMs = m_loadAtMs;
    m_lag.setPhase(LoadPhase);
    m_atLoad = sampleProcess();
    m_guiAtLoad = sampleThisThread();

    MainWindow *window = m_desktop->window();
    if (window->currentPage() != MainWindow::Page::Vms)
        window->showPage(MainWindow::Page::Vms);
    window->vmPage()->view()->viewport()->installEventFilter(this);
    // Connected after the window's models: these run when they are done with the batch.
    Fleet *fleet = m_desktop->fleet();
    connect(fleet, &Fleet::vmsChanged, this, [this] { endBatch(false); });
    connect(fleet, &Fleet::statsUpdated, this, [this] { endBatch(true); });
    // The list re-sorts on a coalescing timer after rows arrive (VmFilterProxyModel): the
    // inventory is shown only once that is done, and the re-sort is GUI-thread work too.
    // Connected after the view, so the span covers the sort and the view's relayout.
    VmFilterProxyModel *proxy = window->vmPage()->proxy();
    connect(proxy, &QAbstractItemModel::layoutAboutToBeChanged, this,
            [this] { m_sortStartNs = m_clock.nsecsElapsed(); });
    connect(proxy, &QAbstractItemModel::layoutChanged, this, [this, proxy] {
        if (m_sortStartNs >= 0) {
            const double ms = double(m_clock.nsecsElapsed() - m_sortStartNs) / 1e6;
            m_sortStartNs = -1;
            ++m_sorts;
            if (ms > m_maxSort.ms)
                m_maxSort = {ms, proxy->rowCount()};
            if (m_trace) {
                say(u"sort: %1 rows re-sorted in %2 ms at %3 ms"_s.arg(proxy->rowCount())
                        .arg(fixed(ms, 2))
                        .arg(nowMs()));
            }
        }
        checkComplete();
    });
    connect(window->vmModel(), &VmModel::countsChanged, this, &InventoryBench::checkComplete);
}

void InventoryBench::beginBatch(qsizetype size)
{
    m_batchStartNs = m_clock.nsecsElapsed();
    m_batchSize = size;
}

void InventoryBench::endBatch(bool stats)
{
    if (m_batchStartNs < 0)
        return;
    const double ms = double(m_clock.nsecsElapsed() - m_batchStartNs) / 1e6;
    m_batchStartNs = -1;
    BatchMax &max = stats ? m_maxStatsBatch : m_maxVmBatch;
    if (ms > max.ms)
        max = {ms, m_batchSize};
    if (m_trace) {
        say(u"batch: %1 %2 handled in %3 ms at %4 ms"_s.arg(m_batchSize)
                .arg(stats ? u"stats"_s : u"VMs"_s)
                .arg(fixed(ms, 2))
                .arg(nowMs()));
    }
}

void InventoryBench::onLoaded()
{
    const QList<HostInfo> hosts = m_desktop->fleet()->hosts();
    for (const HostInfo &host : hosts) {
        m_hostNames.insert(host.config.id, host.config.name);
        m_pending.insert(host.config.id);
    }
    m_hostsKnown = true;
    say(u"catalog: %1 host(s) in %2"_s.arg(hosts.size()).arg(m_options.database));
    if (hosts.isEmpty()) {
        printSummary(1, u"the catalog has no hosts"_s);
        return;
    }
    checkComplete();
}

void InventoryBench::onHostChanged(const HostInfo &host)
{
    if (host.state == HostState::Offline && !host.error.isEmpty()
        && m_hostErrors.value(host.config.id) != host.error) {
        m_hostErrors.insert(host.config.id, host.error);
        warn(u"host %1 offline: %2"_s.arg(host.config.name, host.error));
    }
}

void InventoryBench::onInventoryComplete(qint64 hostId)
{
    // Only the first complete inventory counts; a reconnect would list again.
    if (m_hostDoneMs.contains(hostId) || m_loadAtMs < 0)
        return;
    m_hostDoneMs.insert(hostId, nowMs() - m_loadAtMs);
    m_pending.remove(hostId);
    checkComplete();
}

void InventoryBench::checkComplete()
{
    if (m_inventoryMs >= 0 || !m_hostsKnown || !m_pending.isEmpty() || m_finished)
        return;
    MainWindow *window = m_desktop->window();
    const int rows = window->vmModel()->vmCount();
    if (m_options.expectVms > 0 && rows < m_options.expectVms)
        return;
    // The sorted list the user sees must hold every row, in order, not just the source model.
    const VmFilterProxyModel *proxy = window->vmPage()->proxy();
    if (proxy->rowCount() != rows || proxy->hasPendingChanges())
        return;
    m_inventoryMs = nowMs() - m_loadAtMs;
    m_vms = rows;
    m_timeout.stop();
    m_awaitingPaint = true;
    window->vmPage()->view()->viewport()->update();
    QTimer::singleShot(PaintWaitMs, this, [this] {
        if (!m_awaitingPaint)
            return;
        m_awaitingPaint = false;
        warn(u"the VM list did not paint within %1 ms; is the window mapped?"_s.arg(PaintWaitMs));
        beginSteady();
    });
}

bool InventoryBench::eventFilter(QObject *watched, QEvent *event)
{
    if (m_awaitingPaint && event->type() == QEvent::Paint) {
        m_awaitingPaint = false;
        // Stamp once this paint (and the backing-store flush that follows it) is done.
        QTimer::singleShot(0, this, &InventoryBench::onShown);
    }
    return QObject::eventFilter(watched, event);
}

void InventoryBench::onShown()
{
    m_shownMs = nowMs() - m_loadAtMs;
    beginSteady();
}

void InventoryBench::beginSteady()
{
    say(u"inventory: %1 VMs on %2 host(s) in the list %3 ms after Fleet::load(), painted at %4 ms"_s
            .arg(m_vms)
            .arg(m_hostNames.size())
            .arg(m_inventoryMs)
            .arg(m_shownMs));
    // The load phase's figures now, so that a run that dies in the steady phase still has them.
    QJsonObject partial = loadResult(false);
    partial.insert(u"partial"_s, true);
    say(QString::fromUtf8(QJsonDocument(partial).toJson(QJsonDocument::Compact)));

    m_steadyAtMs = nowMs();
    m_lag.setPhase(SteadyPhase);
    m_atShown = sampleProcess();
    m_guiAtShown = sampleThisThread();
    if (m_atShown)
        m_maxSteadyRssKiB = m_atShown->rssKiB;
    m_progressFrom = m_atShown;
    m_progressAtMs = m_steadyAtMs;
    for (ServerSample &server : m_servers)
        server.from = sampleProcess(server.pid);
    if (m_options.steadySec <= 0) {
        finishSteady();
        return;
    }
    say(u"steady: measuring for %1 s"_s.arg(m_options.steadySec));
    m_sampler.start();
    m_steadyEnd.start(m_options.steadySec * 1000);
}

void InventoryBench::sampleSteady()
{
    const qint64 elapsed = nowMs() - m_steadyAtMs;
    if (const auto sample = sampleProcess()) {
        m_maxSteadyRssKiB = std::max(m_maxSteadyRssKiB, sample->rssKiB);
        if (++m_steadySamples % ProgressEverySamples == 0 && m_progressFrom) {
            const qint64 now = nowMs();
            say(u"steady: %1 s, CPU %2% of a core over the last %3 s, RSS %4 MiB"_s
                    .arg(elapsed / 1000)
                    .arg(fixed(cpuPercent(*m_progressFrom, *sample, now - m_progressAtMs), 2))
                    .arg((now - m_progressAtMs) / 1000)
                    .arg(fixed(mib(sample->rssKiB))));
            m_progressFrom = sample;
            m_progressAtMs = now;
        }
    }
}

void InventoryBench::finishSteady()
{
    m_sampler.stop();
    m_steadyEnd.stop();
    m_steadyEndMs = nowMs();
    m_atSteadyEnd = sampleProcess();
    m_guiAtSteadyEnd = sampleThisThread();
    if (m_atSteadyEnd)
        m_maxSteadyRssKiB = std::max(m_maxSteadyRssKiB, m_atSteadyEnd->rssKiB);
    for (ServerSample &server : m_servers)
        server.to = sampleProcess(server.pid);
    printSummary(0, {});
}

void InventoryBench::onTimeout()
{
    QStringList missing;
    for (const qint64 id : std::as_const(m_pending)) {
        QString line = m_hostNames.value(id);
        if (m_hostErrors.contains(id))
            line += u" ("_s + m_hostErrors.value(id) + u')';
        missing.append(line);
    }
    missing.sort();
    QString why = m_hostsKnown
        ? u"inventory incomplete after %1 s"_s.arg(m_options.timeoutSec)
        : u"the catalog was not read within %1 s"_s.arg(m_options.timeoutSec);
    if (!missing.isEmpty())
        why += u"; hosts not complete: "_s + missing.join(u", "_s);
    else if (m_hostsKnown)
        why += u"; the list holds %1 rows"_s.arg(
            m_desktop->window() ? m_desktop->window()->vmModel()->vmCount() : 0);
    printSummary(1, why);
}

QJsonObject InventoryBench::loadResult(bool human) const
{
    const Fleet *fleet = m_desktop->fleet();
    const auto print = [human](const QString &line) {
        if (human)
            say(line);
    };
    QJsonObject json{
        {u"bench"_s, u"inventory"_s},
        {u"peer"_s, u"corral"_s},
        {u"label"_s, m_options.label},
        {u"hosts"_s, double(m_hostNames.size())},
        {u"vms"_s, m_vms},
        {u"windowMs"_s, double(m_windowMs)},
        {u"inventoryMs"_s, double(m_inventoryMs)},
        {u"shownMs"_s, double(m_shownMs)},
    };

    print(u"bench_inventory %1: %2 host(s), %3 VMs"_s.arg(m_options.label)
              .arg(m_hostNames.size())
              .arg(m_vms));
    print(row(u"window up, Fleet::load() called"_s,
              u"%1 ms after start (not part of the times below)"_s.arg(m_windowMs)));
    if (m_inventoryMs >= 0) {
        print(row(u"inventory complete"_s,
                  u"%1 ms after Fleet::load() (every host complete, every row in the list, "
                  "sorted)"_s.arg(m_inventoryMs)));
        print(row(u"list painted"_s, u"%1 ms after Fleet::load()"_s.arg(m_shownMs)));
    }
    QJsonObject perHost;
    QList<qint64> ids = m_hostNames.keys();
    std::sort(ids.begin(), ids.end(), [this](qint64 a, qint64 b) {
        return m_hostDoneMs.value(a, Never) < m_hostDoneMs.value(b, Never);
    });
    for (const qint64 id : std::as_const(ids)) {
        const auto host = fleet->host(id);
        const qint64 done = m_hostDoneMs.value(id, -1);
        const QString name = m_hostNames.value(id);
        perHost.insert(name, double(done));
        print(row(u"  "_s + name, u"%1 ms, %2 VMs"_s.arg(done).arg(host ? host->vmCount : 0)));
    }
    json.insert(u"perHostMs"_s, perHost);

    if (m_atLoad && m_atShown && m_inventoryMs >= 0) {
        const qint64 cpu = m_atShown->cpuMs - m_atLoad->cpuMs;
        json.insert(u"loadCpuMs"_s, double(cpu));
        print(row(u"load phase CPU"_s, u"%1 ms (all threads)"_s.arg(cpu)));
    }
    if (m_guiAtLoad && m_guiAtShown)
        print(guiThreadRow(*m_guiAtLoad, *m_guiAtShown, u"load"_s, json));
    json.insert(u"maxVmBatchMs"_s, m_maxVmBatch.ms);
    json.insert(u"maxSortMs"_s, m_maxSort.ms);
    print(row(u"largest list re-sort"_s,
              u"%1 ms for %2 rows (%3 re-sorts; VmFilterProxyModel::sort and the view's "
              "relayout)"_s.arg(fixed(m_maxSort.ms, 2))
                  .arg(m_maxSort.size)
                  .arg(m_sorts)));
    print(row(u"largest GUI-thread VM batch"_s,
              u"%1 ms for %2 VMs (Fleet::vmsChanged through the window's models)"_s
                  .arg(fixed(m_maxVmBatch.ms, 2))
                  .arg(m_maxVmBatch.size)));

    const EventLoopLag::Summary startup = m_lag.summary(StartupPhase);
    const EventLoopLag::Summary load = m_lag.summary(LoadPhase);
    json.insert(u"maxLagMs"_s, load.maxMs);
    json.insert(u"lag"_s,
                QJsonObject{{u"startup"_s, lagJson(startup)}, {u"load"_s, lagJson(load)}});
    return json;
}

void InventoryBench::printSummary(int exitCode, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_sampler.stop();
    m_steadyEnd.stop();

    QJsonObject json = loadResult(true);
    if (m_atShown && m_atSteadyEnd && m_options.steadySec > 0) {
        const qint64 wall = m_steadyEndMs - m_steadyAtMs;
        const double cpu = cpuPercent(*m_atShown, *m_atSteadyEnd, wall);
        json.insert(u"steadySec"_s, double(wall) / 1000.0);
        json.insert(u"steadyCpuPercent"_s, cpu);
        json.insert(u"rssMiB"_s, mib(m_maxSteadyRssKiB));
        json.insert(u"rssFinalMiB"_s, mib(m_atSteadyEnd->rssKiB));
        json.insert(u"rssPeakMiB"_s, mib(m_atSteadyEnd->hwmKiB));
        say(row(u"steady phase"_s, u"%1 s"_s.arg(fixed(double(wall) / 1000.0))));
        say(row(u"  CPU"_s, u"%1% of one core (all threads)"_s.arg(fixed(cpu, 2))));
        say(row(u"  RSS"_s,
                u"max %1 MiB, final %2 MiB; process peak (VmHWM) %3 MiB"_s
                    .arg(fixed(mib(m_maxSteadyRssKiB)))
                    .arg(fixed(mib(m_atSteadyEnd->rssKiB)))
                    .arg(fixed(mib(m_atSteadyEnd->hwmKiB)))));
        QJsonArray servers;
        for (const ServerSample &server : std::as_const(m_servers)) {
            if (!server.from || !server.to)
                continue;
            const double serverCpu = cpuPercent(*server.from, *server.to, wall);
            servers.append(
                QJsonObject{{u"pid"_s, double(server.pid)}, {u"cpuPercent"_s, serverCpu}});
            say(row(u"  server pid %1 CPU"_s.arg(server.pid),
                    u"%1% of one core"_s.arg(fixed(serverCpu, 2))));
        }
        json.insert(u"serverCpu"_s, servers);
        if (m_guiAtShown && m_guiAtSteadyEnd)
            say(guiThreadRow(*m_guiAtShown, *m_guiAtSteadyEnd, u"steady"_s, json));
        json.insert(u"maxStatsBatchMs"_s, m_maxStatsBatch.ms);
        say(row(u"  largest GUI-thread stats batch"_s,
                u"%1 ms for %2 VMs (Fleet::statsUpdated through the window's models)"_s
                    .arg(fixed(m_maxStatsBatch.ms, 2))
                    .arg(m_maxStatsBatch.size)));
    }

    const EventLoopLag::Summary startup = m_lag.summary(StartupPhase);
    const EventLoopLag::Summary load = m_lag.summary(LoadPhase);
    const EventLoopLag::Summary steady = m_lag.summary(SteadyPhase);
    say(row(u"event-loop lag, startup"_s, lagText(startup) + u" (window creation)"_s));
    say(row(u"event-loop lag, load"_s, lagText(load)));
    if (m_options.steadySec > 0)
        say(row(u"event-loop lag, steady"_s, lagText(steady)));
    json.insert(u"maxLagMs"_s, std::max(load.maxMs, steady.maxMs));
    json.insert(u"lag"_s,
                QJsonObject{{u"startup"_s, lagJson(startup)},
                            {u"load"_s, lagJson(load)},
                            {u"steady"_s, lagJson(steady)}});
    if (!m_options.screenshot.isEmpty() && m_desktop->window()) {
        if (m_desktop->window()->grab().save(m_options.screenshot))
            say(row(u"screenshot"_s, m_options.screenshot));
        else
            warn(u"cannot save the screenshot to "_s + m_options.screenshot);
    }
    if (!error.isEmpty()) {
        json.insert(u"error"_s, error);
        warn(u"bench_inventory: "_s + error);
    }
    say(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    Q_EMIT finished(exitCode);
}

} // namespace Corral::Bench
