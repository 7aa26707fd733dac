#pragma once

#include "credentialrequest.h"
#include "hostinfo.h"
#include "taskmanager.h"
#include "vminfo.h"
#include "vmoperation.h"

#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

typedef struct _virConnect *virConnectPtr;

namespace Corral {

class Deployer;
class HostSession;
class ImageLibrary;
class RemoteAccess;
class StoreService;
class VirtEventLoop;
class VmLifecycle;
class WorkloadCatalog;

// Identity of a VM across the fleet.
struct VmKey
{
    qint64 hostId = 0;
    QUuid uuid;
    friend bool operator==(const VmKey &, const VmKey &) = default;
};
inline size_t qHash(const VmKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.hostId, key.uuid);
}

// The fleet: every configured host, its live connection (one HostSession per host, each on
// its own thread) and the merged VM inventory. Lives on the GUI (main) thread and never
// blocks it: host catalog changes go through the StoreService thread, libvirt work through
// the sessions. Owned by the application (GUI or CLI); owns the sessions and the tasks.
// Emits batched inventory changes so models can apply them with ranged notifications.
class Fleet final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Fleet)

public:
    explicit Fleet(StoreService *store, QObject *parent = nullptr);
    ~Fleet() override;

    // Reads the hosts from the catalog and connects to each (unless autoConnect is false).
    void load(bool autoConnect = true);
    bool isLoaded() const { return m_loaded; }

    // Catalog changes; `done` runs on this thread with the outcome.
    void addHost(const HostConfig &config, std::function<void(Result<HostConfig>)> done = {});
    void updateHost(const HostConfig &config, std::function<void(Result<void>)> done = {});
    void removeHost(qint64 hostId, std::function<void(Result<void>)> done = {});

    void connectHost(qint64 hostId);
    void disconnectHost(qint64 hostId);
    void connectAll();

    QList<HostInfo> hosts() const;
    std::optional<HostInfo> host(qint64 hostId) const;
    std::optional<HostInfo> hostByName(const QString &name) const;
    QList<VmInfo> vms() const;
    std::optional<VmInfo> vm(const VmKey &key) const;

    // Finds a VM from "NAME" or "HOST/NAME"; a bare name that exists on several hosts is an
    // Ambiguous error listing the qualified names.
    Result<VmInfo> resolveVm(const QString &reference) const;

    // Starts a lifecycle operation as a task; returns the task id. The task finishes when
    // the host has done it (for Shutdown: when the guest is off, or fails after a timeout).
    quint64 runOperation(VmOperation op, const VmKey &key, bool withStorage = false);

    void answerCredential(quint64 requestId, std::optional<QString> answer);
    // Publishes a question from any of the fleet's connections (libvirt or SSH) as
    // credentialRequested; answerCredential() for its id then calls `answer`.
    void relayCredential(CredentialRequest request,
                         std::function<void(quint64, std::optional<QString>)> answer);

    // Runs `job` on the host session's thread with its libvirt connection (nullptr while the
    // host is offline, and right here if the host does not exist).
    void runOnHost(qint64 hostId, std::function<void(virConnectPtr)> job);

    // Terminals, consoles, tunnels and port forwards to hosts and VMs.
    RemoteAccess *remote() { return m_remote.get(); }
    // The image library (catalog, replicas, transfers); loaded by load().
    ImageLibrary *images() { return m_images.get(); }
    // Namespaces, VM configs and the scheduler policy; loaded by load().
    WorkloadCatalog *catalog() { return m_catalog.get(); }
    // Deploys (scheduler, overlays, journal) and host maintenance.
    Deployer *deployer() { return m_deployer.get(); }
    // Revert, save as image, clone, snapshots, disk resize.
    VmLifecycle *lifecycle() { return m_lifecycle.get(); }

    TaskManager *tasks() { return &m_tasks; }
    StoreService *store() const { return m_store; }

    // How long a graceful shutdown may take before its task fails.
    void setShutdownTimeout(int msec) { m_shutdownTimeoutMs = msec; }
    // Interval of the per-host stats sweep (virConnectGetAllDomainStats), 0 = off.
    void setStatsInterval(int msec);

Q_SIGNALS:
    void loaded();
    void hostAdded(const Corral::HostInfo &host);
    void hostChanged(const Corral::HostInfo &host);
    void hostRemoved(qint64 hostId);
    // A host's first complete inventory after each (re)connect has been delivered.
    void inventoryComplete(qint64 hostId);
    // Upserts and removals, batched per host and tick.
    void vmsChanged(const QList<Corral::VmInfo> &vms);
    void vmsRemoved(const QList<Corral::VmKey> &keys);
    // Stats of running VMs on one host, one batch per stats tick.
    void statsUpdated(qint64 hostId, const QHash<QUuid, Corral::VmStats> &stats);
    void credentialRequested(const Corral::CredentialRequest &request);

private:
    struct HostEntry;

    void createSession(const HostConfig &config);
    void onHostInfo(const HostInfo &info);
    void onVmsChanged(qint64 hostId, const QList<VmInfo> &vms, bool complete);
    void onVmsRemoved(qint64 hostId, const QList<QUuid> &uuids);
    void onStats(qint64 hostId, const QHash<QUuid, VmStats> &stats);
    void onOperationFinished(quint64 taskId, const Result<void> &result);
    void finishTask(quint64 taskId, const Result<void> &result);
    void audit(const Task &task);
    void checkPendingShutdowns(const QList<VmInfo> &vms);
    void completeShutdowns(const VmKey &key);
    std::optional<Error> rejectInvalidUri(quint64 task, const QString &uri);

    StoreService *m_store = nullptr; // not owned; outlives the Fleet
    std::shared_ptr<VirtEventLoop> m_eventLoop;
    std::map<qint64, std::unique_ptr<HostEntry>> m_hosts;
    QHash<VmKey, VmInfo> m_vms;
    TaskManager m_tasks;
    struct PendingShutdown
    {
        quint64 taskId;
        VmKey key;
    };
    QList<PendingShutdown> m_pendingShutdowns;
    QHash<quint64, std::function<void(quint64, std::optional<QString>)>> m_credentialRoutes;
    std::unique_ptr<RemoteAccess> m_remote;
    std::unique_ptr<ImageLibrary> m_images;
    std::unique_ptr<WorkloadCatalog> m_catalog;
    std::unique_ptr<Deployer> m_deployer;
    std::unique_ptr<VmLifecycle> m_lifecycle;
    int m_shutdownTimeoutMs = 120000;
    int m_statsIntervalMs = 3000;
    bool m_loaded = false;
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::VmKey)
