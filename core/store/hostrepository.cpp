#include "hostrepository.h"

#include "database.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

const QString selectHosts
    = u"SELECT id, name, uri, tags, created, maintenance, port_address, smc_osk FROM hosts"_s;

QString tagsToJson(const QStringList &tags)
{
    // '' (the column default) rather than "[]" for no tags; both read back as empty.
    if (tags.isEmpty())
        return u""_s;
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFromJson(const QString &json, const QString &hostName)
{
    if (json.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isArray()) {
        qCWarning(lcStore) << "Ignoring unreadable tags of host" << hostName << json;
        return {};
    }
    QStringList tags;
    const QJsonArray array = doc.array();
    for (const QJsonValue &tag : array)
        tags.append(tag.toString());
    return tags;
}

QString timeToText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

HostConfig hostFromRow(const QSqlQuery &query)
{
    HostConfig host;
    host.id = query.value(0).toLongLong();
    host.name = query.value(1).toString();
    host.uri = query.value(2).toString();
    host.tags = tagsFromJson(query.value(3).toString(), host.name);
    host.created = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs).toUTC();
    host.maintenance = query.value(5).toBool();
    host.portAddress = query.value(6).toString();
    host.smcOsk = query.value(7).toString();
    return host;
}

Result<void> validate(const HostConfig &host)
{
    if (const QString problem = validateHostName(host.name); !problem.isEmpty())
        return fail(ErrorCode::InvalidArgument, problem);
    if (host.uri.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("Host \"%1\" needs a libvirt URI (expected e.g. "
                           "qemu+libssh://user@host/system).")
                        .arg(host.name));
    }
    const QUrl url(host.uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("\"%1\" is not a libvirt URI (expected e.g. "
                           "qemu+libssh://user@host/system).")
                        .arg(host.uri),
                    url.errorString());
    }
    if (!host.portAddress.isEmpty() && QHostAddress(host.portAddress).isNull()) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("\"%1\" is not an IP address: the port address of host %2 is where "
                           "its VMs' forwarded ports listen, e.g. 127.0.0.1.")
                        .arg(host.portAddress, host.name));
    }
    // The key is 64 printable ASCII characters; anything else would only fail at VM start.
    static const QRegularExpression oskPattern(u"^[\\x20-\\x7e]{64}$"_s);
    if (!host.smcOsk.isEmpty() && !oskPattern.match(host.smcOsk).hasMatch()) {
        return fail(ErrorCode::InvalidArgument,
                    Tr::tr("The Apple SMC key of host %1 must be 64 printable ASCII characters "
                           "(it has %2): read it from the host's SMC again.")
                        .arg(host.name)
                        .arg(host.smcOsk.size()));
    }
    return {};
}

Error alreadyExists(const QString &name)
{
    return Error{ErrorCode::AlreadyExists, Tr::tr("A host named %1 already exists.").arg(name), {}};
}

Error noSuchId(qint64 id)
{
    return Error{ErrorCode::NotFound, Tr::tr("There is no host with id %1.").arg(id), {}};
}

} // namespace

Result<QList<HostConfig>> HostRepository::list()
{
    auto query = m_db.exec(selectHosts + u" ORDER BY name, id"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<HostConfig> hosts;
    while (query->next())
        hosts.append(hostFromRow(*query));
    return hosts;
}

Result<HostConfig> HostRepository::add(HostConfig host)
{
    if (auto valid = validate(host); !valid)
        return std::unexpected(valid.error());
    if (!host.created.isValid())
        host.created = QDateTime::currentDateTimeUtc();
    host.created = host.created.toUTC();

    // DO NOTHING instead of a constraint error: zero changed rows means the name is taken,
    // without guessing from driver error codes.
    auto query = m_db.exec(u"INSERT INTO hosts (name, uri, tags, created, maintenance, "
                           "port_address, smc_osk) VALUES (?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (name) DO NOTHING"_s,
                           {host.name, host.uri, tagsToJson(host.tags), timeToText(host.created),
                            int(host.maintenance), host.portAddress, host.smcOsk});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(alreadyExists(host.name));
    host.id = query->lastInsertId().toLongLong();
    return host;
}

Result<void> HostRepository::update(const HostConfig &host)
{
    if (auto valid = validate(host); !valid)
        return valid;
    return m_db.transaction([&]() -> Result<void> {
        auto exists = m_db.exec(u"SELECT 1 FROM hosts WHERE id = ?"_s, {host.id});
        if (!exists)
            return std::unexpected(exists.error());
        if (!exists->next())
            return std::unexpected(noSuchId(host.id));
        exists->finish();

        // OR IGNORE skips the row on a name clash; the row exists, so zero changes means that.
        auto query = m_db.exec(u"UPDATE OR IGNORE hosts SET name = ?, uri = ?, tags = ?, "
                               "maintenance = ?, port_address = ?, smc_osk = ? WHERE id = ?"_s,
                               {host.name, host.uri, tagsToJson(host.tags),
                                int(host.maintenance), host.portAddress, host.smcOsk, host.id});
        if (!query)
            return std::unexpected(query.error());
        if (query->numRowsAffected() == 0)
            return std::unexpected(alreadyExists(host.name));
        return {};
    });
}

Result<void> HostRepository::remove(qint64 id)
{
    auto query = m_db.exec(u"DELETE FROM hosts WHERE id = ?"_s, {id});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(noSuchId(id));
    return {};
}

Result<HostConfig> HostRepository::findByName(const QString &name)
{
    // The column is COLLATE NOCASE, so '=' ignores case.
    auto query = m_db.exec(selectHosts + u" WHERE name = ?"_s, {name});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next()) {
        return fail(ErrorCode::NotFound,
                    Tr::tr("No host named %1. `corralctl host list` shows the hosts.").arg(name));
    }
    return hostFromRow(*query);
}

} // namespace Corral
