#include "auditlog.h"

#include "database.h"

#include <QSqlQuery>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

// Empty strings go in as NULL for the optional columns...
QVariant optionalText(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// ...and as '' for the NOT NULL ones (a null QString would bind as NULL).
QString requiredText(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

} // namespace

QString AuditLog::defaultActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty())
        user = u"unknown"_s;
    return user + u'@' + QSysInfo::machineHostName();
}

Result<void> AuditLog::append(const AuditEntry &entry)
{
    if (entry.action.isEmpty())
        return fail(ErrorCode::InvalidArgument, Tr::tr("An audit entry needs an action."));
    const QDateTime time = entry.time.isValid() ? entry.time : QDateTime::currentDateTimeUtc();
    const QString actor = entry.actor.isEmpty() ? defaultActor() : entry.actor;
    auto query = m_db.exec(
        u"INSERT INTO audit_log (time, actor, host, target, action, ok, message) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {time.toUTC().toString(Qt::ISODateWithMs), actor, optionalText(entry.host),
         optionalText(entry.target), entry.action, entry.ok ? 1 : 0, requiredText(entry.message)});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<QList<AuditEntry>> AuditLog::recent(int limit)
{
    // Times are fixed-width UTC ISO text, so text order is time order; id breaks ties.
    auto query = m_db.exec(u"SELECT id, time, actor, host, target, action, ok, message "
                           "FROM audit_log ORDER BY time DESC, id DESC LIMIT ?"_s,
                           {limit < 0 ? -1 : limit});
    if (!query)
        return std::unexpected(query.error());
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry entry;
        entry.id = query->value(0).toLongLong();
        entry.time = QDateTime::fromString(query->value(1).toString(), Qt::ISODateWithMs).toUTC();
        entry.actor = query->value(2).toString();
        entry.host = query->value(3).toString();
        entry.target = query->value(4).toString();
        entry.action = query->value(5).toString();
        entry.ok = query->value(6).toInt() != 0;
        entry.message = query->value(7).toString();
        entries.append(entry);
    }
    return entries;
}

} // namespace Corral
