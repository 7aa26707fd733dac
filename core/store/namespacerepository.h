#pragma once

#include "fleet/namespaceinfo.h"
#include "util/result.h"

#include <QList>

namespace Corral {

class Database;

// The namespaces table and the hosts dedicated to each.
//
// Thread: the thread of its Database (in the apps, the StoreService worker thread).
// Owner: a short-lived value on the caller's stack. Emits: nothing (not a QObject).
class NamespaceRepository final
{
public:
    explicit NamespaceRepository(Database &db)
        : m_db(db)
    { }
    Q_DISABLE_COPY_MOVE(NamespaceRepository)

    // Every namespace, by name; "default" always among them.
    Result<QList<NamespaceConfig>> list();
    Result<NamespaceConfig> find(const QString &name);
    // Validates (name, quotas >= 0, dedicated hosts exist and are not dedicated elsewhere) and
    // stores a new namespace; returns it with created set. AlreadyExists for a taken name.
    Result<NamespaceConfig> add(NamespaceConfig ns);
    // Replaces description, quotas and dedicated hosts of an existing namespace.
    Result<NamespaceConfig> update(const NamespaceConfig &ns);
    // Removes the namespace (never "default"). Whether it still has VMs is the caller's
    // business: the VMs live on the hosts.
    Result<void> remove(const QString &name);

private:
    Result<void> storeDedicated(qint64 namespaceId, const NamespaceConfig &ns);

    Database &m_db;
};

} // namespace Corral
