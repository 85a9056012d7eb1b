#include "schema_migrations.h"

#include "schema_migration_sql_p.h"
#include "sqlite_statement.h"

#include <sqlite3.h>

#include <QCoreApplication>

namespace Awb {

namespace {

Error migrationError(const QString &dbPath, int version, const QString &reason)
{
    return Error{
        QCoreApplication::translate(
            "Awb::CaseStore", "Could not bring the case database “%1” to schema version %2: %3.")
            .arg(dbPath)
            .arg(version)
            .arg(reason)};
}

Result<int> userVersion(sqlite3 *db, const QString &dbPath)
{
    Result<SqliteStatement> query = SqliteStatement::prepare(db, dbPath, "PRAGMA user_version");
    if (!query)
        return Error{query.error()};
    Result<bool> row = query->step();
    if (!row)
        return Error{row.error()};
    return *row ? int(query->int64(0)) : 0;
}

// A migration must not leave a dangling reference behind (the rebuild in migration 2 would,
// had it copied the old run numbers); foreign_key_check inside the transaction catches that.
Status checkForeignKeys(sqlite3 *db, const QString &dbPath)
{
    Result<SqliteStatement> query =
        SqliteStatement::prepare(db, dbPath, "PRAGMA foreign_key_check");
    if (!query)
        return Error{query.error()};
    Result<bool> row = query->step();
    if (!row)
        return Error{row.error()};
    if (*row)
        return Error{
            QCoreApplication::translate("Awb::CaseStore", "%1 row %2 refers to a missing row of %3")
                .arg(query->text(0))
                .arg(query->int64(1))
                .arg(query->text(2))};
    return Status::success();
}

Status runMigration(sqlite3 *db, const QString &dbPath, int version)
{
    // Another process may have migrated between our read of user_version and the write lock;
    // read it again under the lock.
    Result<int> current = userVersion(db, dbPath);
    if (!current)
        return Error{current.error()};
    if (*current >= version)
        return Status::success();
    if (sqlite3_exec(db, schemaMigrationSql(version), nullptr, nullptr, nullptr) != SQLITE_OK)
        return migrationError(dbPath, version, QString::fromUtf8(sqlite3_errmsg(db)));
    Status keys = checkForeignKeys(db, dbPath);
    if (!keys)
        return migrationError(dbPath, version, keys.error());
    return Status::success();
}

} // namespace

Status migrateSchema(sqlite3 *db, const QString &dbPath, int targetVersion)
{
    Result<int> current = userVersion(db, dbPath);
    if (!current)
        return Error{current.error()};
    for (int version = *current + 1; version <= targetVersion; ++version) {
        WriteTransaction transaction(db, dbPath);
        Status status = transaction.begin();
        if (status)
            status = runMigration(db, dbPath, version);
        if (status)
            status = transaction.commit();
        if (!status)
            return status; // the transaction's destructor rolls back what was begun
    }
    return Status::success();
}

} // namespace Awb
