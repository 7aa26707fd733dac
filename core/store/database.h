#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

class QSqlError;

namespace Corral {

// One SQLite connection to the catalog (QtSql, driver QSQLITE), with the schema brought up to
// date by numbered migrations when it opens.
//
// Thread: a Database belongs to the thread that opened it and must only be used and destroyed
// there (one named connection per thread). StoreService gives the GUI one on a worker thread.
// Owner: whoever called open(); the destructor closes and removes the named connection.
// Emits: nothing (not a QObject).
class Database final
{
public:
    // Opens (and creates, with its parent folders) the catalog at `path` under the Qt
    // connection name `connectionName`, which must not be in use. ":memory:" gives a private
    // in-memory catalog. Fails with Busy if another Corral holds the lock past the timeout,
    // Unsupported for a catalog from a newer Corral, Storage for anything else.
    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  const QString &connectionName);

    // $CORRAL_DB if set, else <XDG data dir>/corral/corral.sqlite, shared by corral and
    // corralctl.
    static QString defaultPath();

    // The schema version this build creates and understands.
    static int latestSchemaVersion();

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    int schemaVersion() const { return m_schemaVersion; }

    // How long a statement waits for another connection's lock before failing with Busy.
    Result<void> setBusyTimeout(int milliseconds);

    // Prepares `sql`, binds `values` to its positional '?' placeholders and executes it. The
    // returned query is positioned before the first row. Values are always bound, never
    // spliced into the SQL. A null QString binds as '' (pass QVariant() for SQL NULL).
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});

    // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
    Result<void> transaction(const std::function<Result<void>()> &body);

    // Turns a QtSql error into a Corral error: lock errors become Busy with a "retry" message,
    // everything else gets `message` with the driver text as detail.
    Error toError(const QSqlError &error, const QString &message) const;

    // The raw connection, for code on this thread that needs QtSql directly (tests, tools).
    QSqlDatabase connection() const { return m_db; }

private:
    Database(const QString &path, const QString &connectionName);

    Result<void> configure();
    Result<void> migrate();
    Result<int> readUserVersion();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
};

} // namespace Corral
