#pragma once

#include "fleet/hostinfo.h"
#include "util/result.h"

#include <QList>

namespace Corral {

class Database;

// The hosts table: how to reach each host (name, libvirt URI, tags).
//
// Thread: the thread of its Database (in the apps, the StoreService worker thread).
// Owner: a short-lived value on the caller's stack; it keeps a reference to the Database,
// which must outlive it. Emits: nothing (not a QObject).
class HostRepository final
{
public:
    explicit HostRepository(Database &db)
        : m_db(db)
    { }
    Q_DISABLE_COPY_MOVE(HostRepository)

    // Every host, ordered by name (case-insensitive).
    Result<QList<HostConfig>> list();
    // Validates and stores a new host; returns it with id set, and created set to now unless
    // the caller gave one. InvalidArgument for a bad name or URI, AlreadyExists for a name in
    // use (case-insensitive).
    Result<HostConfig> add(HostConfig host);
    // Stores name, URI and tags of the host with host.id; created never changes.
    // NotFound if there is no such host.
    Result<void> update(const HostConfig &host);
    // NotFound if there is no such host.
    Result<void> remove(qint64 id);
    // Case-insensitive; NotFound if there is no such host.
    Result<HostConfig> findByName(const QString &name);

private:
    Database &m_db;
};

} // namespace Corral
