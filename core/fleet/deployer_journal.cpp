// Deployer: the deploy journal (undo now or when the host is back, leases) and maintenance.
#include "deployer_p.h"

#include "fleet.h"
#include "hostcall.h"

#include "store/storeservice.h"
#include "util/logging.h"
#include "virt/vmprovision.h"

using namespace Qt::StringLiterals;

namespace Corral {

using namespace DeployDetail;

void Deployer::journal(const DeployRecord &record)
{
    m_store->post([record](Database &db) { return DeployJournal(db).update(record); });
}

void Deployer::undo(const DeployRecord &record, std::function<void(bool cleaned)> done)
{
    const QString hostName = m_fleet->host(record.hostId)
                                 .transform([](const HostInfo &h) { return h.config.name; })
                                 .value_or(QString());
    onHost(
        m_fleet, this, record.hostId,
        [record, hostName](virConnectPtr conn) {
            return VmProvision::remove(conn, record.domainUuid, record.volumes, hostName);
        },
        [this, record, done](const Result<void> &removed) {
            if (removed) {
                qCInfo(lcFleet).noquote() << "undid the deploy of" << record.vmName;
                m_store->post([id = record.id](Database &db) { return DeployJournal(db).remove(id); });
                done(true);
                return;
            }
            // The host is gone (or refuses): leave the record for whoever sees it next.
            qCWarning(lcFleet).noquote() << "cannot undo the deploy of" << record.vmName
                                         << "now:" << removed.error().fullText();
            DeployRecord abandoned = record;
            abandoned.leaseUntil = {};
            journal(abandoned);
            done(false);
        });
}

void Deployer::cleanupHost(qint64 hostId)
{
    ++m_cleanupsRunning[hostId];
    m_store->post(
        [hostId](Database &db) {
            return DeployJournal(db).abandoned(hostId, QDateTime::currentDateTimeUtc());
        },
        this, [this, hostId](Result<QList<DeployRecord>> records) {
            QList<DeployRecord> todo;
            if (records) {
                for (const DeployRecord &r : std::as_const(*records)) {
                    if (!m_myRecords.contains(r.id))
                        todo.append(r);
                }
            }
            if (todo.isEmpty())
                return settleHost(hostId);
            auto finished = afterAll(int(todo.size()), [this, hostId] { settleHost(hostId); });
            for (const DeployRecord &r : std::as_const(todo)) {
                qCInfo(lcFleet).noquote()
                    << "undoing the unfinished deploy of" << r.vmName << "on host" << hostId;
                m_myRecords.insert(r.id);
                undo(r, [this, r, hostId, finished](bool cleaned) {
                    m_myRecords.remove(r.id);
                    // Settled means the inventory no longer shows the VM either: its removal
                    // event follows the undo by a moment.
                    const VmKey key{hostId, r.domainUuid};
                    if (!cleaned || r.domainUuid.isNull() || !m_fleet->vm(key))
                        return finished();
                    auto once = std::make_shared<std::function<void()>>(finished);
                    auto settle = [once] {
                        if (auto f = std::exchange(*once, {}))
                            f();
                    };
                    auto gone = std::make_shared<QMetaObject::Connection>();
                    *gone = connect(m_fleet, &Fleet::vmsRemoved, this,
                                    [this, key, gone, settle](const QList<VmKey> &) {
                                        if (m_fleet->vm(key))
                                            return;
                                        disconnect(*gone);
                                        settle();
                                    });
                    QTimer::singleShot(RemovalWaitMs, this, [gone, settle] {
                        disconnect(*gone);
                        settle();
                    });
                });
            }
        });
}

void Deployer::settleHost(qint64 hostId)
{
    if (--m_cleanupsRunning[hostId] > 0)
        return;
    m_cleanupsRunning.remove(hostId);
    for (auto &then : m_settledWaiters.take(hostId))
        then();
}

void Deployer::whenSettled(qint64 hostId, std::function<void()> then)
{
    if (m_cleanupsRunning.value(hostId) == 0)
        then();
    else
        m_settledWaiters[hostId].push_back(std::move(then));
}

void Deployer::renewLeases()
{
    if (m_myRecords.isEmpty()) {
        m_leaseTimer.stop();
        return;
    }
    const QList<qint64> ids(m_myRecords.begin(), m_myRecords.end());
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(LeaseSeconds);
    m_store->post([ids, until](Database &db) { return DeployJournal(db).renew(ids, until); });
}

void Deployer::setMaintenance(qint64 hostId, bool on, bool drain, QObject *context,
                              std::function<void(Result<void>)> done)
{
    const auto host = m_fleet->host(hostId);
    if (!host) {
        done(fail(ErrorCode::NotFound, Tr::tr("There is no such host.")));
        return;
    }
    HostConfig config = host->config;
    config.maintenance = on;
    QPointer<QObject> guard(context);
    m_fleet->updateHost(config, [this, hostId, on, drain, guard, done](Result<void> saved) {
        if (!guard)
            return;
        if (!saved || !on || !drain)
            return done(saved);
        // Drain: a graceful shutdown of every running VM; done once all have finished.
        QSet<quint64> pending;
        for (const VmInfo &vm : m_fleet->vms()) {
            if (vm.hostId == hostId && vmStateIsActive(vm.state))
                pending.insert(m_fleet->runOperation(VmOperation::Shutdown, {hostId, vm.uuid}));
        }
        if (pending.isEmpty())
            return done({});
        auto waiting = std::make_shared<QSet<quint64>>(pending);
        auto failures = std::make_shared<QStringList>();
        auto connection = std::make_shared<QMetaObject::Connection>();
        auto check = [waiting, failures, connection, guard, done](const Task &task) {
            if (!waiting->remove(task.id))
                return;
            if (task.state == Task::State::Failed)
                failures->append(task.target + u": "_s + task.message);
            if (!waiting->isEmpty())
                return;
            QObject::disconnect(*connection);
            if (!guard)
                return;
            if (failures->isEmpty())
                done({});
            else
                done(fail(ErrorCode::OperationFailed,
                          Tr::tr("The host is in maintenance, but %n VM(s) did not shut down: %1",
                                 nullptr, int(failures->size()))
                              .arg(failures->join(u"; "_s))));
        };
        *connection = connect(m_fleet->tasks(), &TaskManager::taskFinished, this, check);
        // Operations that failed at once (host offline) finished inside runOperation.
        for (quint64 id : std::as_const(pending)) {
            const Task task = m_fleet->tasks()->task(id);
            if (task.isFinished())
                check(task);
        }
    });
}

} // namespace Corral
