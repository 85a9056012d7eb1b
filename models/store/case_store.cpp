#include "case_store.h"

#include "desk_identity.h"
#include "schema_migrations.h"
#include "sqlite_statement.h"

#include <sqlite3.h>

#include <QCoreApplication>
#include <QStringList>

namespace Awb {

namespace {

// How long a connection waits for another one's lock before giving up with SQLITE_BUSY. The
// GUI reads while the import thread writes; with WAL a reader waits only for checkpoints and
// recovery, a writer for the other writer's transaction (one batch, well under a second).
constexpr int kBusyTimeoutMs = 5000;

struct ConnectionCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

Error openError(sqlite3 *db, const QString &path)
{
    if (db && sqlite3_errcode(db) == SQLITE_NOTADB)
        return Error{
            QCoreApplication::translate(
                "Awb::CaseStore", "“%1” is not a case database: it is not an SQLite database file.")
                .arg(path)};
    const QString reason =
        db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
    return Error{
        QCoreApplication::translate("Awb::CaseStore", "Cannot open the case database “%1”: %2.")
            .arg(path, reason)};
}

struct Header
{
    qint64 applicationId = 0;
    int userVersion = 0;
    qint64 schemaObjects = 0;
};

// Reading the header is the first read of the file, so this is where a file that is not a
// database shows itself (SQLITE_NOTADB), before anything has been written to it.
Result<Header> readHeader(sqlite3 *db, const QString &path)
{
    Result<SqliteStatement> query =
        SqliteStatement::prepare(db, path,
                                 "SELECT (SELECT application_id FROM pragma_application_id),"
                                 " (SELECT user_version FROM pragma_user_version),"
                                 " (SELECT count(*) FROM sqlite_schema)");
    if (!query)
        return openError(db, path);
    Result<bool> row = query->step();
    if (!row || !*row)
        return openError(db, path);
    return Header{query->int64(0), int(query->int64(1)), query->int64(2)};
}

Status checkHeader(const Header &header, const QString &path, int targetVersion)
{
    const bool empty =
        header.applicationId == 0 && header.userVersion == 0 && header.schemaObjects == 0;
    if (header.applicationId != kCaseStoreApplicationId && !empty)
        return Error{QCoreApplication::translate(
                         "Awb::CaseStore",
                         "“%1” is an SQLite database of another program, not an Abuse Workbench "
                         "case database.")
                         .arg(path)};
    if (header.userVersion > kLatestSchemaVersion)
        return Error{QCoreApplication::translate(
                         "Awb::CaseStore",
                         "“%1” was written by a newer version of Abuse Workbench (schema %2, "
                         "this program knows up to %3).")
                         .arg(path)
                         .arg(header.userVersion)
                         .arg(kLatestSchemaVersion)};
    if (header.userVersion > targetVersion)
        return Error{
            QCoreApplication::translate(
                "Awb::CaseStore", "“%1” is already at schema version %2, beyond the requested %3.")
                .arg(path)
                .arg(header.userVersion)
                .arg(targetVersion)};
    return Status::success();
}

Result<QString> pragmaText(sqlite3 *db, const QString &path, const char *sql)
{
    Result<SqliteStatement> query = SqliteStatement::prepare(db, path, sql);
    if (!query)
        return Error{query.error()};
    Result<bool> row = query->step();
    if (!row)
        return Error{row.error()};
    return *row ? query->text(0) : QString();
}

// WAL lets the GUI read while the writer commits. synchronous=NORMAL is safe with WAL against
// a killed process (only a power loss can drop the last commits, never corrupt the file).
// Foreign keys are off by default in SQLite and per connection, so every open turns them on.
Status configureConnection(sqlite3 *db, const QString &path)
{
    Result<QString> mode = pragmaText(db, path, "PRAGMA journal_mode = WAL");
    if (!mode)
        return Error{mode.error()};
    if (mode->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return Error{QCoreApplication::translate(
                         "Awb::CaseStore",
                         "Cannot switch the case database “%1” to write-ahead logging (the "
                         "journal mode stays “%2”).")
                         .arg(path, *mode)};
    Status status = execSql(db, path, "PRAGMA foreign_keys = ON");
    if (status)
        status = execSql(db, path, "PRAGMA synchronous = NORMAL");
    if (!status)
        return status;
    Result<QString> keys = pragmaText(db, path, "PRAGMA foreign_keys");
    if (!keys)
        return Error{keys.error()};
    if (*keys != QLatin1String("1"))
        return Error{QCoreApplication::translate(
                         "Awb::CaseStore",
                         "The SQLite library in use cannot enforce foreign keys, so the case "
                         "database “%1” cannot be opened safely.")
                         .arg(path)};
    return Status::success();
}

} // namespace

struct CaseStore::Private
{
    Connection db;
    QString path;
    int version = 0;
    QString actor;
    std::unique_ptr<StatementCache> statements;
};

CaseStore::CaseStore(std::unique_ptr<Private> d)
    : d(std::move(d))
{}

CaseStore::~CaseStore()
{
    // Statements first: a connection with unfinalised statements would linger as a zombie.
    d->statements.reset();
}

Result<std::unique_ptr<CaseStore>> CaseStore::open(const QString &path)
{
    return openAtVersion(path, kLatestSchemaVersion);
}

Result<std::unique_ptr<CaseStore>> CaseStore::openAtVersion(const QString &path, int version)
{
    if (version < 0 || version > kLatestSchemaVersion)
        return Error{QCoreApplication::translate(
                         "Awb::CaseStore",
                         "Cannot open the case database “%1” at schema version %2: this program "
                         "knows versions 0 to %3.")
                         .arg(path)
                         .arg(version)
                         .arg(kLatestSchemaVersion)};

    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(
        path.toUtf8().constData(), &raw,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    Connection db(raw); // closed on every early return, even when the open itself failed
    if (rc != SQLITE_OK)
        return openError(raw, path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);

    Result<Header> header = readHeader(raw, path);
    if (!header)
        return Error{header.error()};
    Status status = checkHeader(*header, path, version);
    if (status)
        status = configureConnection(raw, path);
    if (status)
        status = migrateSchema(raw, path, version);
    if (!status)
        return Error{status.error()};

    auto d = std::make_unique<Private>();
    d->db = std::move(db);
    d->path = path;
    d->version = version;
    d->actor = osUserName();
    d->statements = std::make_unique<StatementCache>(raw, path);
    return std::unique_ptr<CaseStore>(new CaseStore(std::move(d)));
}

int CaseStore::latestSchemaVersion()
{
    return kLatestSchemaVersion;
}

QString CaseStore::path() const
{
    return d->path;
}

int CaseStore::schemaVersion() const
{
    return d->version;
}

void CaseStore::setActor(const QString &actor)
{
    const QString name = actor.trimmed();
    d->actor = name.isEmpty() ? osUserName() : name;
}

QString CaseStore::actor() const
{
    return d->actor;
}

Status CaseStore::checkIntegrity() const
{
    sqlite3 *db = d->db.get();
    QStringList problems;

    Result<SqliteStatement> integrity =
        SqliteStatement::prepare(db, d->path, "PRAGMA integrity_check");
    if (!integrity)
        return Error{integrity.error()};
    for (;;) {
        Result<bool> row = integrity->step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            break;
        const QString line = integrity->text(0);
        if (line != QLatin1String("ok"))
            problems << line;
    }

    Result<SqliteStatement> keys =
        SqliteStatement::prepare(db, d->path, "PRAGMA foreign_key_check");
    if (!keys)
        return Error{keys.error()};
    for (;;) {
        Result<bool> row = keys->step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            break;
        problems << QCoreApplication::translate("Awb::CaseStore",
                                                "%1 row %2 refers to a missing row of %3")
                        .arg(keys->text(0))
                        .arg(keys->int64(1))
                        .arg(keys->text(2));
    }

    if (problems.isEmpty())
        return Status::success();
    return Error{QCoreApplication::translate(
                     "Awb::CaseStore", "The case database “%1” failed its integrity check: %2.")
                     .arg(d->path, problems.join(QLatin1String("; ")))};
}

Status CaseStore::begin()
{
    return execSql(d->db.get(), d->path, "BEGIN IMMEDIATE");
}

Status CaseStore::commit()
{
    return execSql(d->db.get(), d->path, "COMMIT");
}

Status CaseStore::rollback()
{
    if (sqlite3_get_autocommit(d->db.get()))
        return Status::success();
    return execSql(d->db.get(), d->path, "ROLLBACK");
}

void *CaseStore::nativeHandle() const
{
    return d->db.get();
}

StatementCache &CaseStore::statementCache() const
{
    return *d->statements;
}

} // namespace Awb
