#include "vmconfigrepository.h"

#include "database.h"
#include "fleet/vmconfigjson.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

Result<VmConfig> fromRow(const QSqlQuery &q)
{
    const QString name = q.value(0).toString();
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toString().toUtf8());
    if (!doc.isObject()) {
        return fail(ErrorCode::Storage,
                    Tr::tr("The stored VM config %1 is unreadable; delete it and create it "
                           "again.")
                        .arg(name));
    }
    auto config = VmConfigJson::fromJson(doc.object());
    if (!config)
        return config;
    config->name = name;
    config->created = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs).toUTC();
    config->modified = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs).toUTC();
    return config;
}

QString specText(const VmConfig &config)
{
    QJsonObject json = VmConfigJson::toJson(config);
    // Name and times have columns of their own.
    json.remove(u"name"_s);
    json.remove(u"created"_s);
    json.remove(u"modified"_s);
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Result<void> validate(const VmConfig &config)
{
    const QList<ConfigProblem> problems = validateVmConfig(config);
    if (!problems.isEmpty())
        return fail(ErrorCode::InvalidArgument, problems.first().message);
    return {};
}

Error notFound(const QString &name)
{
    return Error{ErrorCode::NotFound,
                 Tr::tr("No VM config named %1: `corralctl config list` shows them.").arg(name),
                 {}};
}

const QString selectConfigs = u"SELECT name, spec, created, modified FROM vm_configs"_s;

} // namespace

Result<QList<VmConfig>> VmConfigRepository::list()
{
    auto query = m_db.exec(selectConfigs + u" ORDER BY name"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<VmConfig> all;
    while (query->next()) {
        auto config = fromRow(*query);
        if (!config) {
            qCWarning(lcStore).noquote() << config.error().fullText();
            continue;
        }
        all.append(*config);
    }
    return all;
}

Result<VmConfig> VmConfigRepository::find(const QString &name)
{
    auto query = m_db.exec(selectConfigs + u" WHERE name = ?"_s, {name});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(notFound(name));
    return fromRow(*query);
}

Result<VmConfig> VmConfigRepository::add(VmConfig config)
{
    if (auto valid = validate(config); !valid)
        return std::unexpected(valid.error());
    config.created = config.modified = QDateTime::currentDateTimeUtc();
    const QString now = config.created.toString(Qt::ISODateWithMs);
    auto query = m_db.exec(u"INSERT INTO vm_configs (name, spec, created, modified) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"_s,
                           {config.name, specText(config), now, now});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::AlreadyExists,
                    Tr::tr("A VM config named %1 already exists.").arg(config.name));
    }
    return config;
}

Result<VmConfig> VmConfigRepository::update(VmConfig config)
{
    if (auto valid = validate(config); !valid)
        return std::unexpected(valid.error());
    config.modified = QDateTime::currentDateTimeUtc();
    auto query = m_db.exec(u"UPDATE vm_configs SET spec = ?, modified = ? WHERE name = ?"_s,
                           {specText(config), config.modified.toString(Qt::ISODateWithMs),
                            config.name});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(notFound(config.name));
    return find(config.name);
}

Result<void> VmConfigRepository::remove(const QString &name)
{
    auto query = m_db.exec(u"DELETE FROM vm_configs WHERE name = ?"_s, {name});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return std::unexpected(notFound(name));
    return {};
}

} // namespace Corral
