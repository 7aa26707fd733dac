#pragma once

#include "fleet.h"
#include "scheduler.h"
#include "store/deployjournal.h"
#include "vmconfig.h"

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Corral {

class Fleet;
class StoreService;

// A deploy as the user asks for it: a config (or an ad-hoc image + shape) into a namespace.
struct DeployRequest
{
    QString ns = QStringLiteral("default");
    QString configName; // empty: ad hoc, from `adHoc`
    VmConfig adHoc; // image, vcpus, memoryMiB (profile etc. as given) when configName is empty
    int count = 1;
    QString name; // the VM's name (count 1) or the names' stem (NAME-1, NAME-2, ...); empty:
                  // generated from the config or image ("ci-runner-k3x9q")
    QString host; // pinned host
    QString tag; // required tag (on top of the config's tag preference)
    PlacementStrategy strategy = PlacementStrategy::Spread;
    QString owner; // recorded in the metadata; empty: the local user name
    // Seeds the generated names' suffixes, so that a preview planned again and again (and the
    // deploy after it) shows the same names; 0 = a fresh random one each time.
    quint32 nameSeed = 0;
    // Clone: the new VM's disk starts as a copy of this (shut off) VM's disk, on its host.
    std::optional<VmKey> cloneOf;
};

// One VM of a deploy, as planned and then as it ended.
struct DeployedVm
{
    QString name;
    QString host;
    QString ns;
    QString state; // "planned", "copying", "creating", "starting", "running", "failed"
    QString why; // placement reason (preview)
    QList<quint16> guestPorts;
    QStringList forwards; // "22 -> 127.0.0.12:30022"
    QString error;
    quint64 taskId = 0;
};

// The plan of a deploy: the resolved shape and where each VM would go (the deploy preview).
struct DeployPlan
{
    VmConfig shape; // the config (or the ad-hoc shape) the VMs get
    QList<DeployedVm> vms; // names and hosts; empty when `schedule` failed
    Schedule schedule;
    QString error; // empty when deployable (also covers config/image/namespace problems)
    bool ok() const { return error.isEmpty(); }
};

// Deploys VMs onto the fleet (Orka's deploy, without a control plane) and runs the host-level
// lifecycle that goes with it (maintenance and drain). Lives on the Fleet's thread, never
// blocks it: libvirt work runs on the host sessions, catalog work on the StoreService thread.
//
// A deploy schedules all VMs first (Scheduler; all or nothing), then per VM: makes sure the
// base image has a replica on the chosen host (copying it host to host if not, with progress),
// creates the qcow2 overlay in corral-vms, and — holding the host's deploy lock, a volume that
// only one console at a time can create — re-checks the host's capacity against what actually
// runs there, picks free forwarded ports, defines the domain (with Corral metadata) and starts
// it. Every step is journaled first, so a deploy that fails (or whose host vanishes midway) is
// undone: at once, or when the host is back (by any console).
// Owned by Fleet. Each VM is a task in the fleet's TaskManager.
class Deployer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Deployer)

public:
    Deployer(Fleet *fleet, StoreService *store, QObject *parent = nullptr);
    ~Deployer() override;

    // Resolves and schedules without touching any host: what deploy() would do now.
    DeployPlan plan(const DeployRequest &request) const;

    // Plans, then deploys. `done` gets the VMs as they ended (all running, or the failures)
    // once every VM has finished; a plan error fails at once. Returns the deploy's id.
    quint64 deploy(const DeployRequest &request, QObject *context,
                   std::function<void(Result<QList<DeployedVm>>)> done);

    // Maintenance: no new VMs on the host; with drain, its running VMs are shut down
    // (gracefully; `done` once all are off or failed).
    void setMaintenance(qint64 hostId, bool on, bool drain, QObject *context,
                        std::function<void(Result<void>)> done);

    // Runs `then` when no journal cleanup for the host is pending or running (now if none).
    void whenSettled(qint64 hostId, std::function<void()> then);

Q_SIGNALS:
    // A VM of a deploy changed state (for a deploy dialog's progress list).
    void vmProgress(quint64 deployId, const Corral::DeployedVm &vm);

private:
    struct Run;
    struct VmJob;
    using RunPtr = std::shared_ptr<Run>;

    QList<SchedulerHost> schedulerHosts() const;
    void startVm(const RunPtr &run, int index);
    void ensureReplica(const QString &image, qint64 hostId, std::function<void(Result<void>)> done);
    void provision(const RunPtr &run, int index);
    struct Queued
    {
        RunPtr run;
        int index = 0;
    };
    void queueStart(const RunPtr &run, int index);
    void startNext(qint64 hostId);
    void lockAndStart(qint64 hostId, std::vector<Queued> batch, int attempt);
    void replace(const RunPtr &run, int index, const QString &why);
    void setVmState(const RunPtr &run, int index, const QString &state, int percent,
                    const QString &message);
    void finishVm(const RunPtr &run, int index, const Result<void> &result);
    void undo(const DeployRecord &record, std::function<void(bool cleaned)> done);
    void journal(const DeployRecord &record);
    void cleanupHost(qint64 hostId);
    void settleHost(qint64 hostId);
    void renewLeases();

    Fleet *m_fleet;
    StoreService *m_store;
    quint64 m_nextDeployId = 1;
    QSet<qint64> m_myRecords; // journal records this console works on
    // Resources of this console's VMs placed but not yet running, per host.
    QHash<qint64, QPair<int, qint64>> m_reserved;
    QHash<qint64, int> m_cleanupsRunning; // host -> cleanups in flight
    QHash<qint64, std::vector<std::function<void()>>> m_settledWaiters;
    // Replica copies in flight, shared by every VM waiting for them: (image, host) -> waiters.
    QHash<QPair<QString, qint64>, std::vector<std::function<void(Result<void>)>>> m_copies;
    QTimer m_leaseTimer;
    // VMs waiting for their host's next start batch (one batch per host at a time).
    QHash<qint64, std::vector<Queued>> m_startQueue;
    QSet<qint64> m_starting;
};

} // namespace Corral
