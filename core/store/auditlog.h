#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Corral {

class Database;

// One line of the audit log: who did what to which object, and how it went.
struct AuditEntry
{
    qint64 id = 0; // 0 until stored
    QDateTime time; // UTC; append() uses now when invalid
    QString actor; // "user@machine"; append() fills it in when empty
    QString host; // host name, empty when the action is not about one host
    QString target; // VM, image, namespace... empty when none
    QString action; // "vm.start", "host.add", ...
    bool ok = false;
    QString message; // the error for people when !ok, else optional detail

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

// The audit_log table: an append-only record of every operation.
//
// Thread: the thread of its Database (in the apps, the StoreService worker thread).
// Owner: a short-lived value on the caller's stack; it keeps a reference to the Database,
// which must outlive it. Emits: nothing (not a QObject).
class AuditLog final
{
public:
    explicit AuditLog(Database &db)
        : m_db(db)
    { }
    Q_DISABLE_COPY_MOVE(AuditLog)

    // Stores `entry` (its id is ignored). An empty action is InvalidArgument.
    Result<void> append(const AuditEntry &entry);
    // The newest `limit` entries, newest first; a negative limit means all of them.
    Result<QList<AuditEntry>> recent(int limit);

    // Who is acting, for entries without an actor: $USER (or $USERNAME) "@" this machine.
    static QString defaultActor();

private:
    Database &m_db;
};

} // namespace Corral

Q_DECLARE_METATYPE(Corral::AuditEntry)
