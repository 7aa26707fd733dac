// Deploy, in process: what a GUI user waits for after clicking Deploy with the hosts already
// connected. Opens the catalog (CORRAL_DB or --db) and a Fleet as the app does, waits until
// every host has delivered its inventory (and what failed deploys left there is undone), the
// image library and the workload catalog are loaded, then times Deployer::deploy() of COUNT
// ad-hoc VMs until its done callback. Prints one JSON line:
//   {"ms":…,"inventoryMs":…,"connectMs":…,"vms":[{"name","host","state"}, …]}
// ms: deploy() until `done` (every VM defined and started, or failed); inventoryMs: deploy()
// until the fleet's inventory (the GUI's VM list) shows every one of them running, null if
// it did not within 15 s; connectMs: load() until ready to deploy (not part of ms).
// --trace prints every step of every VM (Deployer::vmProgress) on stderr, with its time.
// Exit status: 0 every VM running; 1 a VM failed or the deploy was refused (the JSON line has
// "error"); 2 bad usage; 3 the hosts or the deploy did not answer in time.
// tests/bench/run-deploy runs it; see README.md here.
#include "benchout.h"

#include "fleet/deployer.h"
#include "fleet/fleet.h"
#include "fleet/workloadcatalog.h"
#include "images/imagelibrary.h"
#include "store/database.h"
#include "store/storeservice.h"
#include "virt/virteventloop.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

#include <memory>

using namespace Corral;
using namespace Qt::StringLiterals;

namespace {

constexpr int InventoryWaitMs = 15000;

enum Exit { Ok = 0, Failed = 1, Usage = 2, TimedOut = 3 };

class DeployBench final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployBench)

public:
    DeployBench(const QString &database, DeployRequest request, int statsIntervalMs, bool trace)
        : m_request(std::move(request))
        , m_store(std::make_unique<StoreService>(database))
        , m_fleet(std::make_unique<Fleet>(m_store.get()))
    {
        m_fleet->setStatsInterval(statsIntervalMs);
        if (trace) {
            connect(m_fleet->deployer(), &Deployer::vmProgress, this,
                    [this](quint64, const DeployedVm &vm) {
                        Bench::warn(u"%1 ms %2/%3: %4"_s.arg(
                            QString::number(double(m_clock.nsecsElapsed()) / 1e6, 'f', 1), vm.host,
                            vm.name, vm.state));
                    });
        }
    }

    // Loads the fleet and deploys once every host is ready; finished(code) at the end.
    void start(int timeoutSec)
    {
        connect(m_fleet.get(), &Fleet::loaded, this, &DeployBench::onLoaded,
                Qt::SingleShotConnection);
        connect(m_fleet.get(), &Fleet::inventoryComplete, this, [this](qint64 hostId) {
            // As corralctl does: a host is ready once its deploy journal is settled too.
            m_fleet->deployer()->whenSettled(hostId, [this, hostId] { hostReady(hostId); });
        });
        connect(m_fleet.get(), &Fleet::hostChanged, this, [this](const HostInfo &h) {
            if (!m_deploying && h.state == HostState::Offline && !h.error.isEmpty())
                fail(Failed, u"host %1 is offline: %2"_s.arg(h.config.name, h.error));
        });
        connect(m_fleet.get(), &Fleet::vmsChanged, this, &DeployBench::checkInventory);
        QTimer::singleShot(timeoutSec * 1000, this, [this, timeoutSec] {
            fail(TimedOut,
                 m_deploying ? u"the deploy did not finish within %1 s"_s.arg(timeoutSec)
                             : u"the hosts were not ready within %1 s"_s.arg(timeoutSec));
        });
        m_clock.start();
        m_fleet->load();
    }

Q_SIGNALS:
    void finished(int code);

private:
    void onLoaded()
    {
        for (const HostInfo &h : m_fleet->hosts())
            m_waiting.insert(h.config.id);
        if (m_waiting.isEmpty())
            return fail(Failed, u"the catalog has no hosts"_s);
        // Hosts that were ready before loaded() was delivered.
        for (qint64 id : std::as_const(m_ready))
            m_waiting.remove(id);
        maybeDeploy();
    }

    void hostReady(qint64 hostId)
    {
        m_ready.insert(hostId);
        m_waiting.remove(hostId);
        maybeDeploy();
    }

    void maybeDeploy()
    {
        if (m_deploying || !m_fleet->isLoaded() || !m_waiting.isEmpty())
            return;
        m_deploying = true;
        m_fleet->images()->whenLoaded(
            [this] { m_fleet->catalog()->whenLoaded([this] { deploy(); }); });
    }

    void deploy()
    {
        m_connectMs = m_clock.elapsed();
        m_clock.restart();
        m_fleet->deployer()->deploy(m_request, this, [this](Result<QList<DeployedVm>> vms) {
            m_deployMs = double(m_clock.nsecsElapsed()) / 1e6;
            if (!vms)
                return fail(Failed, vms.error().message);
            m_vms = *vms;
            QStringList failures;
            for (const DeployedVm &vm : std::as_const(m_vms)) {
                m_names.insert(vm.name);
                if (vm.state != u"running")
                    failures.append(vm.name + u": "_s + vm.error);
            }
            if (!failures.isEmpty())
                return fail(Failed, failures.join(u"; "_s));
            m_deployed = true;
            checkInventory();
            if (!m_done)
                QTimer::singleShot(InventoryWaitMs, this, [this] { report(); });
        });
    }

    // The deploy is done when `done` ran; the GUI's list shows it once the inventory does.
    void checkInventory()
    {
        if (!m_deployed || m_done || m_inventoryMs >= 0)
            return;
        int running = 0;
        for (const VmInfo &vm : m_fleet->vms()) {
            if (m_names.contains(vm.name) && vm.state == VmState::Running)
                ++running;
        }
        if (running < m_names.size())
            return;
        m_inventoryMs = double(m_clock.nsecsElapsed()) / 1e6;
        report();
    }

    QJsonObject result() const
    {
        QJsonArray vms;
        for (const DeployedVm &vm : m_vms) {
            QJsonObject o{{u"name"_s, vm.name}, {u"host"_s, vm.host}, {u"state"_s, vm.state}};
            if (!vm.error.isEmpty())
                o.insert(u"error"_s, vm.error);
            vms.append(o);
        }
        QJsonObject o{
            {u"ms"_s, m_deployMs >= 0 ? QJsonValue(m_deployMs) : QJsonValue()},
            {u"inventoryMs"_s, m_inventoryMs >= 0 ? QJsonValue(m_inventoryMs) : QJsonValue()},
            {u"connectMs"_s, m_connectMs >= 0 ? QJsonValue(m_connectMs) : QJsonValue()},
            {u"count"_s, m_request.count},
            {u"vms"_s, vms}};
        return o;
    }

    void report()
    {
        if (m_done)
            return;
        m_done = true;
        Bench::say(QString::fromUtf8(QJsonDocument(result()).toJson(QJsonDocument::Compact)));
        Q_EMIT finished(Ok);
    }

    void fail(int code, const QString &why)
    {
        if (m_done)
            return;
        m_done = true;
        QJsonObject o = result();
        o.insert(u"error"_s, why);
        Bench::say(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        Bench::warn(u"bench_deploy: "_s + why);
        Q_EMIT finished(code);
    }

    DeployRequest m_request;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<Fleet> m_fleet; // declared after the store: destroyed before it
    QElapsedTimer m_clock;
    QSet<qint64> m_waiting;
    QSet<qint64> m_ready;
    QSet<QString> m_names;
    QList<DeployedVm> m_vms;
    qint64 m_connectMs = -1;
    double m_deployMs = -1;
    double m_inventoryMs = -1;
    bool m_deploying = false;
    bool m_deployed = false;
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    VirtEventLoop::prepareProcess();
    // Only the JSON line and failures; library chatter on request, as corralctl does.
    if (qEnvironmentVariableIsEmpty("CORRAL_DEBUG"))
        QLoggingCategory::setFilterRules(u"corral.*=false\n*.warning=false"_s);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"corral"_s);
    QCoreApplication::setOrganizationName(u"Corral"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times Deployer::deploy() of COUNT ad-hoc VMs on connected hosts."_s);
    parser.addHelpOption();
    const QCommandLineOption db(u"db"_s, u"The catalog (default: CORRAL_DB, else Corral's)."_s,
                                u"path"_s);
    const QCommandLineOption ns(u"namespace"_s, u"Namespace to deploy into (bench)."_s, u"name"_s,
                                u"bench"_s);
    const QCommandLineOption image(u"image"_s, u"Base image (corral-tiny.qcow2)."_s, u"name"_s,
                                   u"corral-tiny.qcow2"_s);
    const QCommandLineOption count(u"count"_s, u"VMs to deploy (10)."_s, u"n"_s, u"10"_s);
    const QCommandLineOption cpu(u"cpu"_s, u"vCPUs per VM (1)."_s, u"n"_s, u"1"_s);
    const QCommandLineOption memory(u"memory-mib"_s, u"Memory per VM in MiB (128)."_s, u"mib"_s,
                                    u"128"_s);
    const QCommandLineOption stats(u"stats-interval"_s,
                                   u"Stats sweep interval in ms, 0 = off (3000, the app's)."_s,
                                   u"ms"_s, u"3000"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Give up after this many seconds (300)."_s,
                                     u"s"_s, u"300"_s);
    const QCommandLineOption trace(u"trace"_s, u"Every step of every VM on stderr."_s);
    parser.addOptions({db, ns, image, count, cpu, memory, stats, timeout, trace});
    parser.process(app);

    bool ok = true;
    auto number = [&](const QCommandLineOption &option, int least) {
        bool valid = false;
        const int n = parser.value(option).toInt(&valid);
        if (!valid || n < least) {
            Bench::warn(u"bench_deploy: --%1 wants a whole number >= %2"_s.arg(
                option.names().constFirst(), QString::number(least)));
            ok = false;
        }
        return n;
    };
    DeployRequest request;
    request.ns = parser.value(ns);
    request.adHoc.image = parser.value(image);
    request.count = number(count, 1);
    request.adHoc.vcpus = number(cpu, 1);
    request.adHoc.memoryMiB = number(memory, 1);
    const int statsMs = number(stats, 0);
    const int timeoutSec = number(timeout, 1);
    if (!ok || !parser.positionalArguments().isEmpty())
        return Usage;

    const QString database = parser.isSet(db) ? parser.value(db) : Database::defaultPath();
    DeployBench bench(database, request, statsMs, parser.isSet(trace));
    int code = -1;
    QObject::connect(&bench, &DeployBench::finished, &app, [&code](int exitCode) {
        code = exitCode;
        QCoreApplication::exit(exitCode);
    });
    bench.start(timeoutSec);
    const int loop = app.exec();
    return code >= 0 ? code : loop;
}

#include "bench_deploy.moc"
