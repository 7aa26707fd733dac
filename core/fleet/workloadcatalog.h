#pragma once

#include "namespaceinfo.h"
#include "scheduler.h"
#include "vmconfig.h"

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace Corral {

class Fleet;
class StoreService;

// Namespaces (quotas, dedicated hosts), VM configs and the scheduler policy: the local
// catalog's half of the Orka model, cached on the Fleet's thread. Reads and writes go through
// the StoreService thread; `done` callbacks and signals arrive on the Fleet's thread.
// Namespace usage is computed from the fleet's VM inventory (each VM's metadata).
// Owned by Fleet; loaded by Fleet::load().
class WorkloadCatalog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadCatalog)

public:
    WorkloadCatalog(Fleet *fleet, StoreService *store, QObject *parent = nullptr);
    ~WorkloadCatalog() override;

    void load(std::function<void(Result<void>)> done = {});
    bool isLoaded() const { return m_loaded; }
    void whenLoaded(std::function<void()> then);

    // --- namespaces ---
    QList<NamespaceConfig> namespaces() const { return m_namespaces; }
    std::optional<NamespaceConfig> findNamespace(const QString &name) const;
    // Namespaces named in VM metadata on connected hosts but missing from this catalog (made
    // by another console): they exist, without quota or dedication here.
    QStringList foreignNamespaces() const;
    // Every VM whose metadata names `ns` (running or not), over the connected hosts.
    NamespaceUsage usage(const QString &ns) const;
    int vmCount(const QString &ns) const { return usage(ns).vms; }
    // The namespace a host is dedicated to; empty when shared.
    QString dedicationOf(const QString &hostName) const;

    void createNamespace(const NamespaceConfig &ns, QObject *context,
                         std::function<void(Result<NamespaceConfig>)> done);
    // Quotas, description and dedicated hosts; the name identifies it.
    void updateNamespace(const NamespaceConfig &ns, QObject *context,
                         std::function<void(Result<NamespaceConfig>)> done);
    // Refused while VMs are in it (says how many and where): a cascade deletes them first
    // (Fleet::runOperation, Delete with storage); never for "default".
    void deleteNamespace(const QString &name, QObject *context,
                         std::function<void(Result<void>)> done);

    // --- VM configs ---
    QList<VmConfig> configs() const { return m_configs; }
    std::optional<VmConfig> findConfig(const QString &name) const;
    void createConfig(const VmConfig &config, QObject *context,
                      std::function<void(Result<VmConfig>)> done);
    void updateConfig(const VmConfig &config, QObject *context,
                      std::function<void(Result<VmConfig>)> done);
    void deleteConfig(const QString &name, QObject *context,
                      std::function<void(Result<void>)> done);

    // --- scheduler policy ---
    SchedulerPolicy policy() const { return m_policy; }
    void setPolicy(const SchedulerPolicy &policy, QObject *context,
                   std::function<void(Result<void>)> done);

Q_SIGNALS:
    void namespacesChanged();
    void configsChanged();
    void policyChanged();
    // VM counts per namespace may have changed (inventory moved).
    void usageChanged();

private:
    void reloadNamespaces(std::function<void()> then = {});

    Fleet *m_fleet;
    StoreService *m_store;
    bool m_loaded = false;
    QList<NamespaceConfig> m_namespaces;
    QList<VmConfig> m_configs;
    SchedulerPolicy m_policy;
    std::vector<std::function<void()>> m_whenLoaded;
};

} // namespace Corral
