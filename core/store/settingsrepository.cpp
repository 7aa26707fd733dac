#include "settingsrepository.h"

#include "database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Corral {

Result<QByteArray> SettingsRepository::value(const QString &key)
{
    auto query = m_db.exec(u"SELECT value FROM settings WHERE key = ?"_s, {key});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return QByteArray();
    return query->value(0).toByteArray();
}

Result<void> SettingsRepository::setValue(const QString &key, const QByteArray &value)
{
    auto query = m_db.exec(u"INSERT INTO settings (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                           {key, value});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

} // namespace Corral
