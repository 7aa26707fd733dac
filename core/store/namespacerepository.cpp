#include "namespacerepository.h"

#include "database.h"
#include "fleet/vmconfig.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

const QString selectNamespaces = u"SELECT id, name, description, max_vms, max_vcpus, "
                                 "max_memory_mib, created FROM namespaces"_s;

NamespaceConfig fromRow(const QSqlQuery &q)
{
    NamespaceConfig ns;
    ns.name = q.value(1).toString();
    ns.description = q.value(2).toString();
    ns.maxVms = q.value(3).toInt();
    ns.maxVcpus = q.value(4).toInt();
    ns.maxMemoryMiB = q.value(5).toLongLong();
    ns.created = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs).toUTC();
    return ns;
}

Result<void> validate(const NamespaceConfig &ns)
{
    if (const QString problem = validateLabel(ns.name, Tr::tr("namespace")); !problem.isEmpty())
        return fail(ErrorCode::InvalidArgument, problem);
    if (ns.maxVms < 0 || ns.maxVcpus < 0 || ns.maxMemoryMiB < 0) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("Quotas of namespace %1 must be 0 (no limit) or more.").arg(ns.name));
    }
    return {};
}

Error notFound(const QString &name)
{
    return Error{ErrorCode::NotFound,
                 Tr::tr("No namespace named %1: `corralctl ns list` shows them.").arg(name),
                 {}};
}

} // namespace

Result<QList<NamespaceConfig>> NamespaceRepository::list()
{
    auto query = m_db.exec(selectNamespaces + u" ORDER BY name"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<NamespaceConfig> all;
    QHash<qint64, qsizetype> byId;
    while (query->next()) {
        byId.insert(query->value(0).toLongLong(), all.size());
        all.append(fromRow(*query));
    }
    auto hosts = m_db.exec(u"SELECT nh.namespace_id, h.name FROM namespace_hosts nh "
                           "JOIN hosts h ON h.id = nh.host_id ORDER BY h.name"_s);
    if (!hosts)
        return std::unexpected(hosts.error());
    while (hosts->next()) {
        if (auto it = byId.constFind(hosts->value(0).toLongLong()); it != byId.cend())
            all[*it].dedicatedHosts.append(hosts->value(1).toString());
    }
    return all;
}

Result<NamespaceConfig> NamespaceRepository::find(const QString &name)
{
    auto all = list();
    if (!all)
        return std::unexpected(all.error());
    for (const NamespaceConfig &ns : std::as_const(*all)) {
        if (ns.name == name)
            return ns;
    }
    return std::unexpected(notFound(name));
}

Result<void> NamespaceRepository::storeDedicated(qint64 namespaceId, const NamespaceConfig &ns)
{
    if (auto cleared = m_db.exec(u"DELETE FROM namespace_hosts WHERE namespace_id = ?"_s,
                                 {namespaceId});
        !cleared) {
        return std::unexpected(cleared.error());
    }
    for (const QString &hostName : ns.dedicatedHosts) {
        auto host = m_db.exec(u"SELECT h.id, n.name FROM hosts h "
                              "LEFT JOIN namespace_hosts nh ON nh.host_id = h.id "
                              "LEFT JOIN namespaces n ON n.id = nh.namespace_id "
                              "WHERE h.name = ?"_s,
                              {hostName});
        if (!host)
            return std::unexpected(host.error());
        if (!host->next()) {
            return fail(ErrorCode::NotFound,
                        Tr::tr("Cannot dedicate host %1 to namespace %2: there is no such host "
                               "(`corralctl host list` shows them).")
                            .arg(hostName, ns.name));
        }
        const qint64 hostId = host->value(0).toLongLong();
        const QString owner = host->value(1).toString();
        host->finish();
        if (!owner.isEmpty()) {
            return fail(ErrorCode::AlreadyExists,
                        Tr::tr("Host %1 is already dedicated to namespace %2; a host serves at "
                               "most one namespace. Remove it there first.")
                            .arg(hostName, owner));
        }
        if (auto added = m_db.exec(u"INSERT INTO namespace_hosts (namespace_id, host_id) "
                                   "VALUES (?, ?)"_s,
                                   {namespaceId, hostId});
            !added) {
            return std::unexpected(added.error());
        }
    }
    return {};
}

Result<NamespaceConfig> NamespaceRepository::add(NamespaceConfig ns)
{
    if (auto valid = validate(ns); !valid)
        return std::unexpected(valid.error());
    if (!ns.created.isValid())
        ns.created = QDateTime::currentDateTimeUtc();
    auto stored = m_db.transaction([&]() -> Result<void> {
        auto query = m_db.exec(u"INSERT INTO namespaces (name, description, max_vms, max_vcpus, "
                               "max_memory_mib, created) VALUES (?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (name) DO NOTHING"_s,
                               {ns.name, ns.description, ns.maxVms, ns.maxVcpus, ns.maxMemoryMiB,
                                ns.created.toUTC().toString(Qt::ISODateWithMs)});
        if (!query)
            return std::unexpected(query.error());
        if (query->numRowsAffected() == 0) {
            return fail(ErrorCode::AlreadyExists,
                        Tr::tr("A namespace named %1 already exists.").arg(ns.name));
        }
        return storeDedicated(query->lastInsertId().toLongLong(), ns);
    });
    if (!stored)
        return std::unexpected(stored.error());
    return find(ns.name);
}

Result<NamespaceConfig> NamespaceRepository::update(const NamespaceConfig &ns)
{
    if (auto valid = validate(ns); !valid)
        return std::unexpected(valid.error());
    auto stored = m_db.transaction([&]() -> Result<void> {
        auto id = m_db.exec(u"SELECT id FROM namespaces WHERE name = ?"_s, {ns.name});
        if (!id)
            return std::unexpected(id.error());
        if (!id->next())
            return std::unexpected(notFound(ns.name));
        const qint64 namespaceId = id->value(0).toLongLong();
        id->finish();
        auto query = m_db.exec(u"UPDATE namespaces SET description = ?, max_vms = ?, "
                               "max_vcpus = ?, max_memory_mib = ? WHERE id = ?"_s,
                               {ns.description, ns.maxVms, ns.maxVcpus, ns.maxMemoryMiB,
                                namespaceId});
        if (!query)
            return std::unexpected(query.error());
        return storeDedicated(namespaceId, ns);
    });
    if (!stored)
        return std::unexpected(stored.error());
    return find(ns.name);
}

Result<void> NamespaceRepository::remove(const QString &name)
{
    if (name == defaultNamespace()) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The default namespace cannot be deleted: VMs without a namespace "
                           "belong to it."));
    }
    auto query = m_db.exec(u"DELETE FROM namespaces WHERE name = ?"_s, {name});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(notFound(name));
    return {};
}

} // namespace Corral
