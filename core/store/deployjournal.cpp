#include "deployjournal.h"

#include "database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

QString volumesText(const QStringList &volumes)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(volumes)).toJson(QJsonDocument::Compact));
}

QString uuidText(const QUuid &uuid)
{
    return uuid.isNull() ? QString() : uuid.toString(QUuid::WithoutBraces);
}

QString leaseText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QStringList volumesFrom(const QString &text)
{
    QStringList volumes;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array)
        volumes.append(v.toString());
    return volumes;
}

} // namespace

Result<DeployRecord> DeployJournal::add(DeployRecord record)
{
    record.created = QDateTime::currentDateTimeUtc();
    auto query = m_db.exec(u"INSERT INTO deploy_journal (host_id, vm_name, volumes, domain_uuid, "
                           "lease_until, created) VALUES (?, ?, ?, ?, ?, ?)"_s,
                           {record.hostId, record.vmName, volumesText(record.volumes),
                            uuidText(record.domainUuid), leaseText(record.leaseUntil),
                            record.created.toString(Qt::ISODateWithMs)});
    if (!query)
        return std::unexpected(query.error());
    record.id = query->lastInsertId().toLongLong();
    return record;
}

Result<void> DeployJournal::update(const DeployRecord &record)
{
    auto query = m_db.exec(u"UPDATE deploy_journal SET volumes = ?, domain_uuid = ?, lease_until = ? "
                           "WHERE id = ?"_s,
                           {volumesText(record.volumes), uuidText(record.domainUuid),
                            leaseText(record.leaseUntil), record.id});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<void> DeployJournal::renew(const QList<qint64> &ids, const QDateTime &until)
{
    for (qint64 id : ids) {
        auto query = m_db.exec(u"UPDATE deploy_journal SET lease_until = ? WHERE id = ?"_s,
                               {leaseText(until), id});
        if (!query)
            return std::unexpected(query.error());
    }
    return {};
}

Result<void> DeployJournal::remove(qint64 id)
{
    auto query = m_db.exec(u"DELETE FROM deploy_journal WHERE id = ?"_s, {id});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<QList<DeployRecord>> DeployJournal::abandoned(qint64 hostId, const QDateTime &now)
{
    return select(u" AND (lease_until = '' OR lease_until < ?)"_s, {hostId, leaseText(now)});
}

Result<QList<DeployRecord>> DeployJournal::forHost(qint64 hostId)
{
    return select({}, {hostId});
}

Result<QList<DeployRecord>> DeployJournal::select(const QString &condition,
                                                  const QVariantList &values)
{
    auto query = m_db.exec(u"SELECT id, host_id, vm_name, volumes, domain_uuid, lease_until, created "
                           "FROM deploy_journal WHERE host_id = ?"_s
                               + condition + u" ORDER BY id"_s,
                           values);
    if (!query)
        return std::unexpected(query.error());
    QList<DeployRecord> records;
    while (query->next()) {
        DeployRecord r;
        r.id = query->value(0).toLongLong();
        r.hostId = query->value(1).toLongLong();
        r.vmName = query->value(2).toString();
        r.volumes = volumesFrom(query->value(3).toString());
        r.domainUuid = QUuid::fromString(query->value(4).toString());
        const QString lease = query->value(5).toString();
        if (!lease.isEmpty())
            r.leaseUntil = QDateTime::fromString(lease, Qt::ISODateWithMs).toUTC();
        r.created = QDateTime::fromString(query->value(6).toString(), Qt::ISODateWithMs).toUTC();
        records.append(r);
    }
    return records;
}

} // namespace Corral
