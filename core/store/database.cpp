#include "database.h"

#include "util/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>

#include <array>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

// Primary SQLite result codes, as QSQLITE reports them in QSqlError::nativeErrorCode(). Kept
// here so core does not need sqlite3.h for a handful of numbers.
enum SqliteCode : int {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteCorrupt = 11,
    SqliteNotADb = 26,
};

const QString memoryPath = u":memory:"_s;

using MigrationStep = Result<void> (*)(Database &);

struct Migration
{
    int version;
    MigrationStep apply;
};

Result<void> execAll(Database &db, std::initializer_list<QString> statements)
{
    for (const QString &sql : statements) {
        if (auto query = db.exec(sql); !query)
            return std::unexpected(query.error());
    }
    return {};
}

Result<void> createSchemaV1(Database &db)
{
    return execAll(db,
                   {
                       u"CREATE TABLE hosts ("
                       "  id INTEGER PRIMARY KEY,"
                       "  name TEXT UNIQUE NOT NULL COLLATE NOCASE,"
                       "  uri TEXT NOT NULL,"
                       "  tags TEXT NOT NULL DEFAULT ''," // JSON array of strings
                       "  created TEXT NOT NULL" // ISO 8601, UTC, milliseconds
                       ")"_s,
                       u"CREATE TABLE audit_log ("
                       "  id INTEGER PRIMARY KEY,"
                       "  time TEXT NOT NULL," // ISO 8601, UTC, milliseconds: sorts as text
                       "  actor TEXT NOT NULL,"
                       "  host TEXT,"
                       "  target TEXT,"
                       "  action TEXT NOT NULL,"
                       "  ok INTEGER NOT NULL,"
                       "  message TEXT NOT NULL DEFAULT ''"
                       ")"_s,
                       u"CREATE INDEX audit_log_time ON audit_log(time)"_s,
                       u"CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB)"_s,
                   });
}

// The image library: catalog, per-host replicas, and transfer jobs that survive a restart.
Result<void> createImagesV2(Database &db)
{
    return execAll(db,
                   {
                       u"CREATE TABLE images ("
                       "  id INTEGER PRIMARY KEY,"
                       "  name TEXT UNIQUE NOT NULL COLLATE NOCASE,"
                       "  kind TEXT NOT NULL,"   // disk | iso
                       "  format TEXT NOT NULL," // qcow2 | raw | iso
                       "  virtual_size INTEGER NOT NULL,"
                       "  actual_size INTEGER NOT NULL,"
                       "  sha256 TEXT NOT NULL DEFAULT ''," // hex, empty until verified
                       "  description TEXT NOT NULL DEFAULT '',"
                       "  created TEXT NOT NULL"
                       ")"_s,
                       u"CREATE TABLE image_replicas ("
                       "  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
                       "  host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,"
                       "  volume TEXT NOT NULL,"
                       "  state TEXT NOT NULL," // present | transferring | failed | missing
                       "  updated TEXT NOT NULL,"
                       "  PRIMARY KEY (image_id, host_id)"
                       ")"_s,
                       u"CREATE TABLE transfer_jobs ("
                       "  id INTEGER PRIMARY KEY,"
                       "  kind TEXT NOT NULL," // upload | download | copy
                       "  image_name TEXT NOT NULL,"
                       "  local_path TEXT NOT NULL DEFAULT '',"
                       "  host_id INTEGER REFERENCES hosts(id) ON DELETE CASCADE,"
                       "  temp_volume TEXT NOT NULL DEFAULT '',"
                       "  total INTEGER NOT NULL DEFAULT 0,"
                       "  confirmed INTEGER NOT NULL DEFAULT 0," // bytes the host has confirmed
                       "  state TEXT NOT NULL,"
                       "  error TEXT NOT NULL DEFAULT '',"
                       "  created TEXT NOT NULL"
                       ")"_s,
                   });
}

// What a transfer needs to resume after a restart: the source host of a copy, the
// description to register with, the source file's mtime (a changed file is not resumed), and
// which other jobs read the same file in the same pass.
Result<void> resumableTransfersV3(Database &db)
{
    return execAll(db,
                   {
                       u"ALTER TABLE transfer_jobs ADD COLUMN source_host_id INTEGER"_s,
                       u"ALTER TABLE transfer_jobs ADD COLUMN description TEXT NOT NULL DEFAULT ''"_s,
                       u"ALTER TABLE transfer_jobs ADD COLUMN source_mtime INTEGER NOT NULL DEFAULT 0"_s,
                       u"ALTER TABLE transfer_jobs ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''"_s,
                   });
}

// Namespaces (quotas, dedicated hosts), VM configs, host scheduling settings, and the journal
// of deploys in flight (what a deploy created on a host, so that a failed one is undone even
// when the host comes back only later).
Result<void> orkaModelV4(Database &db)
{
    return execAll(
        db,
        {
            u"ALTER TABLE hosts ADD COLUMN maintenance INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE hosts ADD COLUMN port_address TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE hosts ADD COLUMN smc_osk TEXT NOT NULL DEFAULT ''"_s,
            u"CREATE TABLE namespaces ("
            "  id INTEGER PRIMARY KEY,"
            "  name TEXT UNIQUE NOT NULL,"
            "  description TEXT NOT NULL DEFAULT '',"
            "  max_vms INTEGER NOT NULL DEFAULT 0," // 0 = no limit
            "  max_vcpus INTEGER NOT NULL DEFAULT 0,"
            "  max_memory_mib INTEGER NOT NULL DEFAULT 0,"
            "  created TEXT NOT NULL"
            ")"_s,
            u"INSERT INTO namespaces (name, created) "
            "VALUES ('default', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"_s,
            // A host is dedicated to at most one namespace.
            u"CREATE TABLE namespace_hosts ("
            "  namespace_id INTEGER NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,"
            "  host_id INTEGER NOT NULL UNIQUE REFERENCES hosts(id) ON DELETE CASCADE"
            ")"_s,
            u"CREATE TABLE vm_configs ("
            "  id INTEGER PRIMARY KEY,"
            "  name TEXT UNIQUE NOT NULL,"
            "  spec TEXT NOT NULL," // JSON object (VmConfigJson)
            "  created TEXT NOT NULL,"
            "  modified TEXT NOT NULL"
            ")"_s,
            u"CREATE TABLE deploy_journal ("
            "  id INTEGER PRIMARY KEY,"
            "  host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,"
            "  vm_name TEXT NOT NULL,"
            "  volumes TEXT NOT NULL DEFAULT ''," // JSON array of volume names in corral-vms
            "  domain_uuid TEXT NOT NULL DEFAULT ''," // set before the domain is defined
            // While a console works on the deploy it keeps this in the future; a record whose
            // lease ran out (or was given up: '') is undone by any console.
            "  lease_until TEXT NOT NULL DEFAULT '',"
            "  created TEXT NOT NULL"
            ")"_s,
        });
}

// The schema history. Never edit a shipped step: append {N + 1, migrateToN1} instead. Each step
// runs in its own transaction together with the user_version bump.
constexpr std::array migrations{
    Migration{1, &createSchemaV1},
    Migration{2, &createImagesV2},
    Migration{3, &resumableTransfersV3},
    Migration{4, &orkaModelV4},
};

constexpr bool migrationsAreNumberedInOrder()
{
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != int(i) + 1)
            return false;
    }
    return true;
}
static_assert(migrationsAreNumberedInOrder(), "migrations must be numbered 1, 2, 3, ...");

} // namespace

Database::Database(const QString &path, const QString &connectionName)
    : m_path(path)
    , m_connectionName(connectionName)
    , m_db(QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName))
{
    m_db.setDatabaseName(path);
}

Database::~Database()
{
    m_db.close();
    // removeDatabase() warns if any QSqlDatabase copy for the name is alive, including ours.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const QString &connectionName)
{
    if (path.isEmpty())
        return fail(ErrorCode::InvalidArgument, Tr::tr("No catalog file given."));
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        return fail(ErrorCode::Storage,
                    Tr::tr("The Qt SQLite driver (QSQLITE) is not installed, so Corral cannot "
                           "open its catalog."));
    }
    if (QSqlDatabase::contains(connectionName)) {
        return fail(ErrorCode::Generic,
                    Tr::tr("Cannot open the catalog %1 twice under one connection name.").arg(path),
                    connectionName);
    }
    if (path != memoryPath) {
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir)) {
            return fail(ErrorCode::Storage,
                        Tr::tr("Cannot create the folder %1 for the catalog.").arg(dir));
        }
    }

    // Adopted right away, so a failure below still closes and removes the connection.
    std::unique_ptr<Database> db(new Database(path, connectionName));
    if (!db->m_db.open())
        return std::unexpected(
            db->toError(db->m_db.lastError(), Tr::tr("Cannot open the catalog %1.").arg(path)));
    if (auto configured = db->configure(); !configured)
        return std::unexpected(configured.error());
    if (auto migrated = db->migrate(); !migrated)
        return std::unexpected(migrated.error());
    qCDebug(lcStore) << "Opened" << path << "as" << connectionName << "at schema"
                     << db->m_schemaVersion;
    return db;
}

QString Database::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("CORRAL_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // Not AppDataLocation: corral and corralctl have different application names but must
    // share one catalog.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/corral/corral.sqlite"_s;
}

int Database::latestSchemaVersion()
{
    return migrations.back().version;
}

Result<void> Database::setBusyTimeout(int milliseconds)
{
    // PRAGMA values cannot be bound; this is an int, never user text.
    if (auto query = exec(u"PRAGMA busy_timeout = %1"_s.arg(qMax(0, milliseconds))); !query)
        return std::unexpected(query.error());
    return {};
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString message = Tr::tr("Cannot read or write the catalog %1.").arg(m_path);
    if (!query.prepare(sql))
        return std::unexpected(toError(query.lastError(), message));
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // QSQLITE binds a null QString as NULL; Corral's text columns mean '' by it.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(int(i), QStringLiteral(""));
        else
            query.bindValue(int(i), value);
    }
    if (!query.exec())
        return std::unexpected(toError(query.lastError(), message));
    return query;
}

Result<void> Database::transaction(const std::function<Result<void>()> &body)
{
    // IMMEDIATE takes the write lock up front, so a competing writer waits (busy_timeout) at
    // BEGIN instead of failing halfway through.
    if (auto begin = exec(u"BEGIN IMMEDIATE"_s); !begin)
        return std::unexpected(begin.error());
    Result<void> result = body();
    if (result) {
        auto commit = exec(u"COMMIT"_s);
        if (commit)
            return {};
        result = std::unexpected(commit.error());
    }
    if (auto rollback = exec(u"ROLLBACK"_s); !rollback)
        qCWarning(lcStore) << "Rollback failed on" << m_path << rollback.error().fullText();
    return result;
}

Error Database::toError(const QSqlError &error, const QString &message) const
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    switch (code) {
    case SqliteBusy:
    case SqliteLocked:
        return Error{ErrorCode::Busy,
                     Tr::tr("Another Corral is writing to the catalog %1 right now. Try again in "
                            "a moment.")
                         .arg(m_path),
                     error.text()};
    case SqliteNotADb:
        return Error{ErrorCode::Storage,
                     Tr::tr("%1 is not an SQLite database, so Corral cannot use it as its "
                            "catalog. Move it away or set CORRAL_DB to another file.")
                         .arg(m_path),
                     error.text()};
    case SqliteCorrupt:
        return Error{ErrorCode::Storage,
                     Tr::tr("The catalog %1 is damaged. Restore it from a backup or set "
                            "CORRAL_DB to another file.")
                         .arg(m_path),
                     error.text()};
    default:
        return Error{ErrorCode::Storage, message, error.text()};
    }
}

Result<void> Database::configure()
{
    if (auto timeout = setBusyTimeout(5000); !timeout)
        return timeout;

    // The first statement that reads the file: a file that is not SQLite fails here.
    const auto found = readUserVersion();
    if (!found)
        return std::unexpected(found.error());
    const int latest = latestSchemaVersion();
    if (*found > latest) {
        return fail(ErrorCode::Unsupported,
                    Tr::tr("The catalog %1 was made by a newer Corral (schema %2, this build "
                           "knows %3): upgrade Corral or use another CORRAL_DB.")
                        .arg(m_path)
                        .arg(*found)
                        .arg(latest));
    }
    m_schemaVersion = *found;

    // Only now, so that a newer Corral's catalog is left exactly as it was.
    auto journal = exec(u"PRAGMA journal_mode = WAL"_s);
    if (!journal)
        return std::unexpected(journal.error());
    const QString mode = journal->next() ? journal->value(0).toString() : QString();
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0 && m_path != memoryPath)
        qCWarning(lcStore) << "Catalog" << m_path << "stays in journal mode" << mode;

    return execAll(*this, {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA synchronous = NORMAL"_s});
}

Result<int> Database::readUserVersion()
{
    auto query = exec(u"PRAGMA user_version"_s);
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(ErrorCode::Storage,
                    Tr::tr("Cannot read the schema version of the catalog %1.").arg(m_path));
    return query->value(0).toInt();
}

Result<void> Database::migrate()
{
    const int from = m_schemaVersion;
    for (const Migration &migration : migrations) {
        if (migration.version <= m_schemaVersion)
            continue;
        auto applied = transaction([&]() -> Result<void> {
            // Another Corral may have migrated between our read and taking the lock.
            const auto now = readUserVersion();
            if (!now)
                return std::unexpected(now.error());
            if (*now >= migration.version)
                return {};
            if (auto step = migration.apply(*this); !step)
                return step;
            // PRAGMA values cannot be bound; the version is a constant from this file.
            if (auto bump = exec(u"PRAGMA user_version = %1"_s.arg(migration.version)); !bump)
                return std::unexpected(bump.error());
            return {};
        });
        if (!applied) {
            Error error = applied.error();
            if (error.code == ErrorCode::Storage) {
                error.detail = error.fullText();
                error.message = Tr::tr("Cannot upgrade the catalog %1 to schema version %2.")
                                    .arg(m_path)
                                    .arg(migration.version);
            }
            return std::unexpected(error);
        }
        m_schemaVersion = migration.version;
    }
    // Creating a fresh catalog is routine; upgrading someone's existing one is worth a line.
    if (from > 0 && m_schemaVersion != from)
        qCInfo(lcStore) << "Upgraded catalog" << m_path << "from schema" << from << "to"
                        << m_schemaVersion;
    return {};
}

} // namespace Corral
