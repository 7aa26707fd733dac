#pragma once

#include "fleet/vmconfig.h"
#include "util/result.h"

#include <QList>

namespace Corral {

class Database;

// The vm_configs table: reusable VM recipes, stored as JSON (VmConfigJson) so that new fields
// need no migration.
//
// Thread: the thread of its Database (in the apps, the StoreService worker thread).
// Owner: a short-lived value on the caller's stack. Emits: nothing (not a QObject).
class VmConfigRepository final
{
public:
    explicit VmConfigRepository(Database &db)
        : m_db(db)
    { }
    Q_DISABLE_COPY_MOVE(VmConfigRepository)

    Result<QList<VmConfig>> list(); // by name
    Result<VmConfig> find(const QString &name);
    // Validates (validateVmConfig: the first problem is the error) and stores a new config;
    // returns it with created/modified set. AlreadyExists for a taken name.
    Result<VmConfig> add(VmConfig config);
    // Replaces an existing config (found by name); created stays, modified becomes now.
    Result<VmConfig> update(VmConfig config);
    Result<void> remove(const QString &name);

private:
    Database &m_db;
};

} // namespace Corral
