#include "fleet.h"

#include "deployer.h"
#include "remoteaccess.h"
#include "vmlifecycle.h"
#include "workloadcatalog.h"
#include "images/imagelibrary.h"

#include "store/auditlog.h"
#include "store/hostrepository.h"
#include "store/storeservice.h"
#include "util/logging.h"
#include "util/threadptr.h"
#include "virt/hostsession.h"
#include "virt/hosturi.h"
#include "virt/virteventloop.h"

#include <QTimer>

namespace Corral {

// How long closing waits for sessions stuck in a blocking libvirt call, all hosts together.
constexpr int ShutdownGraceMs = 5000;

// A host's session and the thread it runs on. The session is deleted on its own thread when
// the thread finishes (startWorkerThread), after close() has run there.
struct Fleet::HostEntry
{
    HostInfo info;
    HostSession *session = nullptr;
    ThreadPtr thread;
    QTimer connectWatchdog; // a hung open (frozen libvirtd) must not look "connecting" forever

    // Asks the session to close; the thread is stopped by stop() or the destructor.
    void beginClose()
    {
        if (session) {
            session->cancelCredentials();
            QMetaObject::invokeMethod(session, &HostSession::close, Qt::QueuedConnection);
            session = nullptr;
        }
    }

    void stop(QDeadlineTimer deadline)
    {
        beginClose();
        if (!stopThreadWithin(thread, deadline)) {
            qCWarning(lcFleet).noquote()
                << "host" << info.config.name
                << "is stuck inside libvirt (a hung daemon?); not waiting for it";
        }
    }

    // Closes without waiting: the thread ends and deletes itself when libvirt lets it.
    void detach()
    {
        beginClose();
        releaseThread(thread);
    }

    ~HostEntry() { stop(QDeadlineTimer(ShutdownGraceMs)); }
};

namespace {
constexpr int ConnectWatchdogMs = 15000;

template<typename F> void onSession(HostSession *session, F &&f)
{
    QMetaObject::invokeMethod(session, std::forward<F>(f), Qt::QueuedConnection);
}
} // namespace

Fleet::Fleet(StoreService *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_eventLoop(VirtEventLoop::acquire())
{
    qRegisterMetaType<HostInfo>();
    qRegisterMetaType<VmInfo>();
    qRegisterMetaType<QList<VmInfo>>();
    qRegisterMetaType<QList<QUuid>>();
    qRegisterMetaType<QHash<QUuid, VmStats>>();
    qRegisterMetaType<CredentialRequest>();
    qRegisterMetaType<Result<void>>();
    connect(&m_tasks, &TaskManager::taskFinished, this, &Fleet::audit);
    m_remote = std::make_unique<RemoteAccess>(this);
    m_images = std::make_unique<ImageLibrary>(this, m_store);
    m_catalog = std::make_unique<WorkloadCatalog>(this, m_store);
    m_deployer = std::make_unique<Deployer>(this, m_store);
    m_lifecycle = std::make_unique<VmLifecycle>(this);
}

Fleet::~Fleet()
{
    m_lifecycle.reset();
    m_deployer.reset(); // gives up its journal records: another console undoes them
    m_catalog.reset();
    m_images.reset(); // transfers stop (resumable) before the sessions they ask go away
    m_remote.reset(); // SSH sessions first: their consoles may still ask the host sessions

    // Sessions close on their threads, all at once; the threads are joined (within one
    // shared grace period) before the libvirt event loop stops.
    for (auto &[id, entry] : m_hosts)
        entry->beginClose();
    const QDeadlineTimer deadline(ShutdownGraceMs);
    for (auto &[id, entry] : m_hosts)
        entry->stop(deadline);
    m_hosts.clear();
}

void Fleet::load(bool autoConnect)
{
    if (!m_store)
        return;
    m_store->post([](Database &db) { return HostRepository(db).list(); }, this,
                  [this, autoConnect](Result<QList<HostConfig>> hosts) {
                      if (!hosts) {
                          qCWarning(lcFleet).noquote()
                              << "cannot load hosts:" << hosts.error().fullText();
                          const quint64 id
                              = m_tasks.begin(tr("Load hosts"), QStringLiteral("hosts.load"), {});
                          m_tasks.fail(id, hosts.error().message, hosts.error().detail);
                      } else {
                          for (const HostConfig &config : std::as_const(*hosts)) {
                              if (!m_hosts.contains(config.id))
                                  createSession(config);
                          }
                      }
                      m_loaded = true;
                      m_images->load();
                      m_catalog->load();
                      Q_EMIT loaded();
                      if (autoConnect)
                          connectAll();
                  });
}

void Fleet::createSession(const HostConfig &config)
{
    auto entry = std::make_unique<HostEntry>();
    entry->info.config = config;
    entry->session = new HostSession(config, m_eventLoop);
    HostSession *session = entry->session;
    const qint64 id = config.id;

    entry->connectWatchdog.setSingleShot(true);
    entry->connectWatchdog.setInterval(ConnectWatchdogMs);
    connect(&entry->connectWatchdog, &QTimer::timeout, this, [this, id] {
        auto it = m_hosts.find(id);
        if (it == m_hosts.end() || it->second->info.state != HostState::Connecting)
            return;
        // The session thread is stuck inside libvirt's open; show the truth meanwhile.
        HostInfo &info = it->second->info;
        info.state = HostState::Offline;
        info.error = tr("%1 does not answer (libvirtd may be hung or overloaded); still "
                        "trying.")
                         .arg(info.config.name);
        Q_EMIT hostChanged(info);
    });

    connect(session, &HostSession::hostInfoChanged, this, &Fleet::onHostInfo);
    connect(session, &HostSession::vmsChanged, this, &Fleet::onVmsChanged);
    connect(session, &HostSession::vmsRemoved, this, &Fleet::onVmsRemoved);
    connect(session, &HostSession::statsUpdated, this, &Fleet::onStats);
    connect(session, &HostSession::operationFinished, this, &Fleet::onOperationFinished);
    connect(session, &HostSession::credentialRequested, this,
            [this, session](const CredentialRequest &req) {
                relayCredential(req, [session](quint64 id, std::optional<QString> answer) {
                    session->answerCredential(id, std::move(answer));
                });
            });

    const int statsInterval = m_statsIntervalMs;
    entry->thread = startWorkerThread(QStringLiteral("corral-host-") + config.name, session);
    onSession(session, [session, statsInterval] { session->setStatsInterval(statsInterval); });
    HostInfo info = entry->info;
    m_hosts.emplace(id, std::move(entry));
    Q_EMIT hostAdded(info);
}

void Fleet::connectHost(qint64 hostId)
{
    auto it = m_hosts.find(hostId);
    if (it == m_hosts.end())
        return;
    HostSession *session = it->second->session;
    onSession(session, [session] { session->open(); });
}

void Fleet::disconnectHost(qint64 hostId)
{
    auto it = m_hosts.find(hostId);
    if (it == m_hosts.end())
        return;
    HostSession *session = it->second->session;
    session->cancelCredentials();
    onSession(session, [session] { session->close(); });
}

void Fleet::connectAll()
{
    for (const auto &[id, entry] : m_hosts)
        connectHost(id);
}

void Fleet::setStatsInterval(int msec)
{
    m_statsIntervalMs = msec;
    for (const auto &[id, entry] : m_hosts) {
        HostSession *session = entry->session;
        onSession(session, [session, msec] { session->setStatsInterval(msec); });
    }
}

void Fleet::addHost(const HostConfig &config, std::function<void(Result<HostConfig>)> done)
{
    const quint64 task = m_tasks.begin(tr("Add host %1").arg(config.name),
                                       QStringLiteral("host.add"), config.name);
    if (auto bad = rejectInvalidUri(task, config.uri)) {
        if (done)
            done(std::unexpected(*bad));
        return;
    }
    m_store->post([config](Database &db) { return HostRepository(db).add(config); }, this,
                  [this, task, done](Result<HostConfig> added) {
                      if (added) {
                          m_tasks.succeed(task, tr("Added."));
                          createSession(*added);
                          connectHost(added->id);
                      } else {
                          m_tasks.fail(task, added.error().message, added.error().detail);
                      }
                      if (done)
                          done(added);
                  });
}

std::optional<Error> Fleet::rejectInvalidUri(quint64 task, const QString &uri)
{
    auto parsed = HostUri::parse(uri);
    if (parsed)
        return std::nullopt;
    m_tasks.fail(task, parsed.error().message, parsed.error().detail);
    return parsed.error();
}

void Fleet::updateHost(const HostConfig &config, std::function<void(Result<void>)> done)
{
    const quint64 task = m_tasks.begin(tr("Edit host %1").arg(config.name),
                                       QStringLiteral("host.edit"), config.name);
    if (auto bad = rejectInvalidUri(task, config.uri)) {
        if (done)
            done(std::unexpected(*bad));
        return;
    }
    m_store->post([config](Database &db) { return HostRepository(db).update(config); }, this,
                  [this, task, config, done](Result<void> updated) {
                      if (updated) {
                          m_tasks.succeed(task, tr("Saved."));
                          auto it = m_hosts.find(config.id);
                          if (it != m_hosts.end()) {
                              it->second->info.config = config;
                              Q_EMIT hostChanged(it->second->info);
                              HostSession *session = it->second->session;
                              onSession(session,
                                        [session, config] { session->updateConfig(config); });
                          }
                      } else {
                          m_tasks.fail(task, updated.error().message, updated.error().detail);
                      }
                      if (done)
                          done(updated);
                  });
}

void Fleet::removeHost(qint64 hostId, std::function<void(Result<void>)> done)
{
    auto it = m_hosts.find(hostId);
    const QString name = it != m_hosts.end() ? it->second->info.config.name : QString();
    const quint64 task
        = m_tasks.begin(tr("Remove host %1").arg(name), QStringLiteral("host.remove"), name);
    m_store->post([hostId](Database &db) { return HostRepository(db).remove(hostId); }, this,
                  [this, task, hostId, done](Result<void> removed) {
                      if (removed) {
                          QList<VmKey> keys;
                          for (auto v = m_vms.begin(); v != m_vms.end();) {
                              if (v.key().hostId == hostId) {
                                  keys.append(v.key());
                                  v = m_vms.erase(v);
                              } else {
                                  ++v;
                              }
                          }
                          if (!keys.isEmpty())
                              Q_EMIT vmsRemoved(keys);
                          if (auto it = m_hosts.find(hostId); it != m_hosts.end()) {
                              it->second->detach();
                              m_hosts.erase(it);
                          }
                          m_tasks.succeed(task, tr("Removed; its VMs were not touched."));
                          Q_EMIT hostRemoved(hostId);
                      } else {
                          m_tasks.fail(task, removed.error().message, removed.error().detail);
                      }
                      if (done)
                          done(removed);
                  });
}

QList<HostInfo> Fleet::hosts() const
{
    QList<HostInfo> list;
    list.reserve(qsizetype(m_hosts.size()));
    for (const auto &[id, entry] : m_hosts)
        list.append(entry->info);
    std::sort(list.begin(), list.end(), [](const HostInfo &a, const HostInfo &b) {
        return a.config.name.compare(b.config.name, Qt::CaseInsensitive) < 0;
    });
    return list;
}

std::optional<HostInfo> Fleet::host(qint64 hostId) const
{
    auto it = m_hosts.find(hostId);
    if (it == m_hosts.end())
        return std::nullopt;
    return it->second->info;
}

std::optional<HostInfo> Fleet::hostByName(const QString &name) const
{
    for (const auto &[id, entry] : m_hosts) {
        if (entry->info.config.name.compare(name, Qt::CaseInsensitive) == 0)
            return entry->info;
    }
    return std::nullopt;
}

QList<VmInfo> Fleet::vms() const
{
    return m_vms.values();
}

std::optional<VmInfo> Fleet::vm(const VmKey &key) const
{
    auto it = m_vms.constFind(key);
    if (it == m_vms.cend())
        return std::nullopt;
    return *it;
}

Result<VmInfo> Fleet::resolveVm(const QString &reference) const
{
    const qsizetype slash = reference.indexOf(u'/');
    const QString hostName = slash >= 0 ? reference.left(slash) : QString();
    const QString name = slash >= 0 ? reference.mid(slash + 1) : reference;
    if (name.isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    tr("\"%1\" names no VM: use NAME or HOST/NAME.").arg(reference));
    }
    std::optional<HostInfo> host;
    if (!hostName.isEmpty()) {
        host = hostByName(hostName);
        if (!host) {
            return fail(
                ErrorCode::NotFound,
                tr("No host named \"%1\": `corralctl host list` shows the hosts.").arg(hostName));
        }
    }
    QList<VmInfo> matches;
    for (const VmInfo &vm : m_vms) {
        if (vm.name == name && (!host || vm.hostId == host->config.id))
            matches.append(vm);
    }
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty()) {
        if (host && host->state != HostState::Connected) {
            return fail(ErrorCode::Offline,
                        tr("Host %1 is offline, so VM \"%2\" cannot be found: %3")
                            .arg(host->config.name, name, host->error));
        }
        return fail(ErrorCode::NotFound,
                    tr("No VM named \"%1\"%2. `corralctl vm list` shows the VMs.")
                        .arg(name, host ? tr(" on %1").arg(host->config.name) : QString()));
    }
    QStringList names;
    for (const VmInfo &vm : std::as_const(matches))
        names.append(vm.qualifiedName());
    names.sort();
    return fail(ErrorCode::Ambiguous,
                tr("\"%1\" exists on several hosts; say which: %2.")
                    .arg(name, names.join(QStringLiteral(", "))));
}

quint64 Fleet::runOperation(VmOperation op, const VmKey &key, bool withStorage)
{
    const auto vm = this->vm(key);
    const auto hostIt = m_hosts.find(key.hostId);
    const QString hostName = hostIt != m_hosts.end() ? hostIt->second->info.config.name : QString();
    const QString vmName = vm ? vm->name : key.uuid.toString(QUuid::WithoutBraces);
    QString action = vmOperationKey(op);
    if (op == VmOperation::Delete && withStorage)
        action += QStringLiteral("+storage");
    const quint64 task = m_tasks.begin(
        tr("%1 %2").arg(vmOperationLabel(op), hostName + u'/' + vmName), action, hostName, vmName);
    if (hostIt == m_hosts.end() || !vm) {
        m_tasks.fail(task, tr("No such VM: it may have been deleted meanwhile."));
        return task;
    }
    if (hostIt->second->info.state != HostState::Connected) {
        m_tasks.fail(task, tr("%1 is offline: %2").arg(hostName, hostIt->second->info.error));
        return task;
    }
    HostSession *session = hostIt->second->session;
    const QUuid uuid = key.uuid;
    onSession(session, [session, task, op, uuid, withStorage] {
        session->runOperation(task, op, uuid, withStorage);
    });
    if (op == VmOperation::Shutdown) {
        m_tasks.setProgress(task, -1, tr("Waiting for the guest to shut down…"));
        m_pendingShutdowns.append({task, key});
        QTimer::singleShot(m_shutdownTimeoutMs, this, [this, task] {
            for (qsizetype i = 0; i < m_pendingShutdowns.size(); ++i) {
                if (m_pendingShutdowns[i].taskId == task) {
                    m_pendingShutdowns.removeAt(i);
                    m_tasks.fail(task,
                                 tr("The guest did not shut down within %n seconds; it may "
                                    "ignore the power button. Use Power Off to force it.",
                                    nullptr, m_shutdownTimeoutMs / 1000));
                    return;
                }
            }
        });
    }
    return task;
}

void Fleet::onOperationFinished(quint64 taskId, const Result<void> &result)
{
    const bool awaitingShutdown
        = std::any_of(m_pendingShutdowns.cbegin(), m_pendingShutdowns.cend(),
                      [taskId](const PendingShutdown &p) { return p.taskId == taskId; });
    if (!result || !awaitingShutdown) {
        m_pendingShutdowns.removeIf(
            [taskId](const PendingShutdown &p) { return p.taskId == taskId; });
        finishTask(taskId, result);
        return;
    }
    // The request was accepted; the task ends when the VM's state says it is off.
    if (const auto vm = this->vm(m_pendingShutdowns.constFirst().key))
        checkPendingShutdowns({*vm});
}

void Fleet::finishTask(quint64 taskId, const Result<void> &result)
{
    if (result)
        m_tasks.succeed(taskId, tr("Done."));
    else
        m_tasks.fail(taskId, result.error().message, result.error().detail);
}

void Fleet::checkPendingShutdowns(const QList<VmInfo> &vms)
{
    if (m_pendingShutdowns.isEmpty())
        return;
    for (const VmInfo &vm : vms) {
        if (vmStateIsActive(vm.state))
            continue;
        completeShutdowns(VmKey{vm.hostId, vm.uuid});
    }
}

void Fleet::completeShutdowns(const VmKey &key)
{
    for (qsizetype i = m_pendingShutdowns.size() - 1; i >= 0; --i) {
        if (m_pendingShutdowns[i].key == key) {
            m_tasks.succeed(m_pendingShutdowns[i].taskId, tr("The guest is off."));
            m_pendingShutdowns.removeAt(i);
        }
    }
}

void Fleet::onHostInfo(const HostInfo &info)
{
    auto it = m_hosts.find(info.config.id);
    if (it == m_hosts.end())
        return;
    HostEntry &entry = *it->second;
    // The catalog's view of the configuration wins over a session's older copy.
    HostInfo merged = info;
    merged.config = entry.info.config;
    if (merged.state == HostState::Connecting) {
        if (entry.info.state != HostState::Connecting || !entry.connectWatchdog.isActive())
            entry.connectWatchdog.start();
    } else {
        entry.connectWatchdog.stop();
    }
    if (merged == entry.info)
        return;
    entry.info = merged;
    Q_EMIT hostChanged(merged);
}

void Fleet::onVmsChanged(qint64 hostId, const QList<VmInfo> &vms, bool complete)
{
    if (!m_hosts.contains(hostId))
        return;
    for (const VmInfo &vm : vms)
        m_vms.insert(VmKey{vm.hostId, vm.uuid}, vm);
    if (!vms.isEmpty())
        Q_EMIT vmsChanged(vms);
    checkPendingShutdowns(vms);
    if (complete)
        Q_EMIT inventoryComplete(hostId);
}

void Fleet::onVmsRemoved(qint64 hostId, const QList<QUuid> &uuids)
{
    if (!m_hosts.contains(hostId))
        return;
    QList<VmKey> keys;
    keys.reserve(uuids.size());
    for (const QUuid &uuid : uuids) {
        const VmKey key{hostId, uuid};
        if (m_vms.remove(key))
            keys.append(key);
        // A VM that disappeared while shutting down (a transient one) is off too.
        completeShutdowns(key);
    }
    if (!keys.isEmpty())
        Q_EMIT vmsRemoved(keys);
}

void Fleet::onStats(qint64 hostId, const QHash<QUuid, VmStats> &stats)
{
    if (!m_hosts.contains(hostId))
        return;
    for (auto it = stats.cbegin(); it != stats.cend(); ++it) {
        auto vm = m_vms.find(VmKey{hostId, it.key()});
        if (vm != m_vms.end())
            vm->stats = it.value();
    }
    Q_EMIT statsUpdated(hostId, stats);
}

void Fleet::answerCredential(quint64 requestId, std::optional<QString> answer)
{
    if (auto route = m_credentialRoutes.take(requestId))
        route(requestId, std::move(answer));
}

void Fleet::relayCredential(CredentialRequest request,
                            std::function<void(quint64, std::optional<QString>)> answer)
{
    m_credentialRoutes.insert(request.id, std::move(answer));
    Q_EMIT credentialRequested(request);
}

void Fleet::runOnHost(qint64 hostId, std::function<void(virConnectPtr)> job)
{
    auto it = m_hosts.find(hostId);
    if (it == m_hosts.end() || !it->second->session) {
        job(nullptr);
        return;
    }
    HostSession *session = it->second->session;
    onSession(session, [session, job = std::move(job)] { session->runWithConnection(job); });
}

void Fleet::audit(const Task &task)
{
    if (!m_store)
        return;
    AuditEntry entry;
    entry.time = task.finished;
    entry.host = task.host;
    entry.target = task.target;
    entry.action = task.action;
    entry.ok = task.state == Task::State::Succeeded;
    entry.message = task.message;
    m_store->post([entry](Database &db) { return AuditLog(db).append(entry); });
}

} // namespace Corral
