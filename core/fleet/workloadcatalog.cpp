#include "workloadcatalog.h"

#include "fleet.h"

#include "store/namespacerepository.h"
#include "store/settingsrepository.h"
#include "store/storeservice.h"
#include "store/vmconfigrepository.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

const QString policyKey = u"scheduler.policy"_s;

QByteArray policyToJson(const SchedulerPolicy &p)
{
    return QJsonDocument(QJsonObject{{u"cpuOvercommit"_s, p.cpuOvercommit},
                                     {u"memoryOvercommit"_s, p.memoryOvercommit},
                                     {u"reservedMemoryMiB"_s, p.reservedMemoryMiB}})
        .toJson(QJsonDocument::Compact);
}

SchedulerPolicy policyFromJson(const QByteArray &json)
{
    SchedulerPolicy p;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    p.cpuOvercommit = o.value(u"cpuOvercommit"_s).toDouble(p.cpuOvercommit);
    p.memoryOvercommit = o.value(u"memoryOvercommit"_s).toDouble(p.memoryOvercommit);
    p.reservedMemoryMiB = qint64(o.value(u"reservedMemoryMiB"_s).toDouble(
        double(p.reservedMemoryMiB)));
    return p;
}

struct Loaded
{
    QList<NamespaceConfig> namespaces;
    QList<VmConfig> configs;
    SchedulerPolicy policy;
};

} // namespace

WorkloadCatalog::WorkloadCatalog(Fleet *fleet, StoreService *store, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_store(store)
{
    // Usage follows the inventory; one signal per batch is enough for the views.
    connect(fleet, &Fleet::vmsChanged, this, &WorkloadCatalog::usageChanged);
    connect(fleet, &Fleet::vmsRemoved, this, &WorkloadCatalog::usageChanged);
    connect(fleet, &Fleet::hostChanged, this, &WorkloadCatalog::usageChanged);
    // Dedications name hosts; a host added, renamed or removed changes them.
    connect(fleet, &Fleet::hostRemoved, this, [this] { reloadNamespaces(); });
}

WorkloadCatalog::~WorkloadCatalog() = default;

void WorkloadCatalog::load(std::function<void(Result<void>)> done)
{
    m_store->post(
        [](Database &db) -> Result<Loaded> {
            Loaded loaded;
            auto namespaces = NamespaceRepository(db).list();
            if (!namespaces)
                return std::unexpected(namespaces.error());
            auto configs = VmConfigRepository(db).list();
            if (!configs)
                return std::unexpected(configs.error());
            auto policy = SettingsRepository(db).value(policyKey);
            if (!policy)
                return std::unexpected(policy.error());
            loaded.namespaces = *namespaces;
            loaded.configs = *configs;
            loaded.policy = policyFromJson(*policy);
            return loaded;
        },
        this,
        [this, done](Result<Loaded> loaded) {
            if (loaded) {
                m_namespaces = loaded->namespaces;
                m_configs = loaded->configs;
                m_policy = loaded->policy;
            } else {
                qCWarning(lcFleet).noquote()
                    << "cannot load namespaces and configs:" << loaded.error().fullText();
            }
            m_loaded = true;
            Q_EMIT namespacesChanged();
            Q_EMIT configsChanged();
            Q_EMIT policyChanged();
            for (auto &then : std::exchange(m_whenLoaded, {}))
                then();
            if (done)
                done(loaded ? Result<void>{} : std::unexpected(loaded.error()));
        });
}

void WorkloadCatalog::whenLoaded(std::function<void()> then)
{
    if (m_loaded)
        then();
    else
        m_whenLoaded.push_back(std::move(then));
}

std::optional<NamespaceConfig> WorkloadCatalog::findNamespace(const QString &name) const
{
    for (const NamespaceConfig &ns : m_namespaces) {
        if (ns.name == name)
            return ns;
    }
    return std::nullopt;
}

QStringList WorkloadCatalog::foreignNamespaces() const
{
    QSet<QString> known;
    for (const NamespaceConfig &ns : m_namespaces)
        known.insert(ns.name);
    QSet<QString> foreign;
    for (const VmInfo &vm : m_fleet->vms()) {
        if (!known.contains(vm.ns))
            foreign.insert(vm.ns);
    }
    QStringList names(foreign.begin(), foreign.end());
    names.sort();
    return names;
}

NamespaceUsage WorkloadCatalog::usage(const QString &ns) const
{
    NamespaceUsage used;
    for (const VmInfo &vm : m_fleet->vms()) {
        if (vm.ns != ns)
            continue;
        ++used.vms;
        used.vcpus += vm.vcpus;
        used.memoryMiB += vm.memoryKiB / 1024;
    }
    return used;
}

QString WorkloadCatalog::dedicationOf(const QString &hostName) const
{
    for (const NamespaceConfig &ns : m_namespaces) {
        if (ns.dedicatedHosts.contains(hostName, Qt::CaseInsensitive))
            return ns.name;
    }
    return {};
}

void WorkloadCatalog::reloadNamespaces(std::function<void()> then)
{
    m_store->post([](Database &db) { return NamespaceRepository(db).list(); }, this,
                  [this, then](Result<QList<NamespaceConfig>> list) {
                      if (list)
                          m_namespaces = *list;
                      Q_EMIT namespacesChanged();
                      if (then)
                          then();
                  });
}

void WorkloadCatalog::createNamespace(const NamespaceConfig &ns, QObject *context,
                                      std::function<void(Result<NamespaceConfig>)> done)
{
    m_store->post([ns](Database &db) { return NamespaceRepository(db).add(ns); }, context,
                  [this, done](Result<NamespaceConfig> added) {
                      if (!added)
                          return done(added);
                      reloadNamespaces([done, added] { done(added); });
                  });
}

void WorkloadCatalog::updateNamespace(const NamespaceConfig &ns, QObject *context,
                                      std::function<void(Result<NamespaceConfig>)> done)
{
    m_store->post([ns](Database &db) { return NamespaceRepository(db).update(ns); }, context,
                  [this, done](Result<NamespaceConfig> updated) {
                      if (!updated)
                          return done(updated);
                      reloadNamespaces([done, updated] { done(updated); });
                  });
}

void WorkloadCatalog::deleteNamespace(const QString &name, QObject *context,
                                      std::function<void(Result<void>)> done)
{
    // The VMs live on the hosts: look there (every connected host's inventory) first.
    QStringList inside;
    for (const VmInfo &vm : m_fleet->vms()) {
        if (vm.ns == name)
            inside.append(vm.qualifiedName());
    }
    if (!inside.isEmpty() && name != defaultNamespace()) {
        inside.sort();
        const QString list = inside.size() > 5
            ? inside.mid(0, 5).join(u", "_s) + u", …"_s
            : inside.join(u", "_s);
        done(fail(ErrorCode::InvalidArgument,
                  Tr::tr("Namespace %1 still has %n VM(s) (%2): delete them first, or delete "
                         "the namespace with its VMs (--cascade).",
                         nullptr, int(inside.size()))
                      .arg(name, list)));
        return;
    }
    m_store->post([name](Database &db) { return NamespaceRepository(db).remove(name); }, context,
                  [this, done](Result<void> removed) {
                      if (!removed)
                          return done(removed);
                      reloadNamespaces([done] { done({}); });
                  });
}

std::optional<VmConfig> WorkloadCatalog::findConfig(const QString &name) const
{
    for (const VmConfig &config : m_configs) {
        if (config.name == name)
            return config;
    }
    return std::nullopt;
}

void WorkloadCatalog::createConfig(const VmConfig &config, QObject *context,
                                   std::function<void(Result<VmConfig>)> done)
{
    m_store->post([config](Database &db) { return VmConfigRepository(db).add(config); }, context,
                  [this, done](Result<VmConfig> added) {
                      if (added) {
                          m_configs.append(*added);
                          std::sort(m_configs.begin(), m_configs.end(),
                                    [](const VmConfig &a, const VmConfig &b) {
                                        return a.name < b.name;
                                    });
                          Q_EMIT configsChanged();
                      }
                      done(added);
                  });
}

void WorkloadCatalog::updateConfig(const VmConfig &config, QObject *context,
                                   std::function<void(Result<VmConfig>)> done)
{
    m_store->post([config](Database &db) { return VmConfigRepository(db).update(config); },
                  context, [this, done](Result<VmConfig> updated) {
                      if (updated) {
                          for (VmConfig &c : m_configs) {
                              if (c.name == updated->name)
                                  c = *updated;
                          }
                          Q_EMIT configsChanged();
                      }
                      done(updated);
                  });
}

void WorkloadCatalog::deleteConfig(const QString &name, QObject *context,
                                   std::function<void(Result<void>)> done)
{
    m_store->post([name](Database &db) { return VmConfigRepository(db).remove(name); }, context,
                  [this, name, done](Result<void> removed) {
                      if (removed) {
                          m_configs.removeIf([&](const VmConfig &c) { return c.name == name; });
                          Q_EMIT configsChanged();
                      }
                      done(removed);
                  });
}

void WorkloadCatalog::setPolicy(const SchedulerPolicy &policy, QObject *context,
                                std::function<void(Result<void>)> done)
{
    if (policy.cpuOvercommit < 0.1 || policy.cpuOvercommit > 64
        || policy.memoryOvercommit < 0.1 || policy.memoryOvercommit > 16
        || policy.reservedMemoryMiB < 0) {
        done(fail(ErrorCode::InvalidArgument,
                  Tr::tr("Overcommit must be between 0.1 and 64 for CPUs and 0.1 and 16 for "
                         "memory, and the reserved memory 0 MiB or more.")));
        return;
    }
    m_store->post(
        [policy](Database &db) {
            return SettingsRepository(db).setValue(policyKey, policyToJson(policy));
        },
        context, [this, policy, done](Result<void> stored) {
            if (stored) {
                m_policy = policy;
                Q_EMIT policyChanged();
            }
            done(stored);
        });
}

} // namespace Corral
