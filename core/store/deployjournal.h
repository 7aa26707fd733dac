#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUuid>
#include <QVariantList>

namespace Corral {

class Database;

// What one deploy in flight has created on a host: the VM's volumes in corral-vms and the UUID
// its domain is (or may be) defined with. By UUID, not name: a cleanup must never remove a VM
// of the same name that somebody else made. Written before each step, removed once the VM runs (or once a
// failed deploy has been undone), so a deploy cut short by a crash or a lost host is undone
// when the host is back.
struct DeployRecord
{
    qint64 id = 0;
    qint64 hostId = 0;
    QString vmName;
    QStringList volumes; // names in the corral-vms pool
    QUuid domainUuid; // null until the define is attempted
    QDateTime leaseUntil; // invalid: nobody works on it any more; undo it
    QDateTime created;
    friend bool operator==(const DeployRecord &, const DeployRecord &) = default;
};

// The deploy_journal table.
//
// Thread: the thread of its Database (in the apps, the StoreService worker thread).
// Owner: a short-lived value on the caller's stack. Emits: nothing (not a QObject).
class DeployJournal final
{
public:
    explicit DeployJournal(Database &db)
        : m_db(db)
    { }
    Q_DISABLE_COPY_MOVE(DeployJournal)

    Result<DeployRecord> add(DeployRecord record); // returns it with id and created
    Result<void> update(const DeployRecord &record); // volumes, domain UUID and lease
    // Moves the lease of these records to `until` (a console still working on them).
    Result<void> renew(const QList<qint64> &ids, const QDateTime &until);
    Result<void> remove(qint64 id);
    Result<QList<DeployRecord>> forHost(qint64 hostId);
    // Records of the host nobody works on: lease given up or run out by `now`.
    Result<QList<DeployRecord>> abandoned(qint64 hostId, const QDateTime &now);

private:
    Result<QList<DeployRecord>> select(const QString &condition, const QVariantList &values);

    Database &m_db;
};

} // namespace Corral
