#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace Corral {

class Database;

// The settings table: small key/value blobs such as UI preferences. Never secrets.
//
// Thread: the thread of its Database (in the apps, the StoreService worker thread).
// Owner: a short-lived value on the caller's stack; it keeps a reference to the Database,
// which must outlive it. Emits: nothing (not a QObject).
class SettingsRepository final
{
public:
    explicit SettingsRepository(Database &db)
        : m_db(db)
    { }
    Q_DISABLE_COPY_MOVE(SettingsRepository)

    // The stored value, or an empty QByteArray when the key was never set.
    Result<QByteArray> value(const QString &key);
    // Inserts or replaces the value of `key`.
    Result<void> setValue(const QString &key, const QByteArray &value);

private:
    Database &m_db;
};

} // namespace Corral
