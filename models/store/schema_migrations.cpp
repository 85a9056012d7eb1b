#include "schema_migrations.h"

#include "sqlite_statement.h"

#include <sqlite3.h>

#include <QCoreApplication>

#include <iterator>

namespace Awb {

namespace {

// Migration N takes a version N-1 database to version N. Each text ends by setting
// user_version, so the bump commits in the same transaction as the change it records.
// Append new migrations; never edit one that has shipped.
//
// Version 1: the evidence. Blobs live in their own table so that listing and counting the
// evidence never reads message bytes. mbox_index is -1 for a single-message file (never NULL:
// NULLs are distinct in a UNIQUE constraint and would let the same source be recorded twice).
// The "from" column is called from_header because FROM is an SQL keyword.
constexpr const char kMigration1[] = R"sql(
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE
        CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size INTEGER NOT NULL CHECK (size >= 0),
    message_id TEXT,
    subject TEXT,
    from_header TEXT,
    date_text TEXT,
    date_utc TEXT,
    imported_at TEXT NOT NULL
);
CREATE TABLE evidence_blobs (
    evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id),
    bytes BLOB NOT NULL
);
CREATE TABLE evidence_sources (
    id INTEGER PRIMARY KEY,
    evidence_id INTEGER NOT NULL REFERENCES evidence(id),
    path TEXT NOT NULL,
    mbox_index INTEGER NOT NULL,
    envelope_from BLOB,
    import_run_id INTEGER,
    imported_at TEXT NOT NULL,
    UNIQUE (evidence_id, path, mbox_index)
);
PRAGMA application_id = 1096963938;
PRAGMA user_version = 1;
)sql";

// Version 2: import runs and their rejections, and the date index for the message list.
// evidence_sources.import_run_id becomes a foreign key to import_runs. SQLite cannot add a
// constraint to an existing column, so the table is rebuilt (the documented 12-step procedure,
// shortened: no other table, index, view or trigger refers to it). Version 1 had no
// import_runs table, so the run numbers it stored point nowhere: migrated rows get NULL
// ("imported before runs were recorded") instead of a dangling reference.
constexpr const char kMigration2[] = R"sql(
CREATE TABLE import_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    paths TEXT NOT NULL,
    imported INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))
);
CREATE TABLE import_rejections (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES import_runs(id),
    path TEXT NOT NULL,
    mbox_index INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX import_rejections_run ON import_rejections(run_id);
CREATE INDEX evidence_date_utc ON evidence(date_utc);
CREATE TABLE evidence_sources_v2 (
    id INTEGER PRIMARY KEY,
    evidence_id INTEGER NOT NULL REFERENCES evidence(id),
    path TEXT NOT NULL,
    mbox_index INTEGER NOT NULL,
    envelope_from BLOB,
    import_run_id INTEGER REFERENCES import_runs(id),
    imported_at TEXT NOT NULL,
    UNIQUE (evidence_id, path, mbox_index)
);
INSERT INTO evidence_sources_v2
    (id, evidence_id, path, mbox_index, envelope_from, import_run_id, imported_at)
    SELECT id, evidence_id, path, mbox_index, envelope_from, NULL, imported_at
    FROM evidence_sources;
DROP TABLE evidence_sources;
ALTER TABLE evidence_sources_v2 RENAME TO evidence_sources;
CREATE INDEX evidence_sources_run ON evidence_sources(import_run_id);
PRAGMA user_version = 2;
)sql";

// Version 3: what the analysis made of each message at import: the report's format and
// reporter, the origin, the section V receipt and 72-hour due time (the queue sorts by it), the
// completeness, and the whole analysis as the `awb analyze --json` object, so that a later
// program version can show what this one concluded. Evidence from version 2 has no row here
// yet: importing the same files again adds it (the evidence itself is never rewritten).
constexpr const char kMigration3[] = R"sql(
CREATE TABLE reports (
    evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id),
    format TEXT NOT NULL,
    format_version TEXT,
    reporter TEXT,
    feedback_type TEXT,
    claimed_source_ip TEXT,
    claimed_arrival_utc TEXT,
    origin_ip TEXT,
    origin_ours INTEGER NOT NULL DEFAULT 0 CHECK (origin_ours IN (0, 1)),
    received_at TEXT NOT NULL,
    receipt_source TEXT NOT NULL CHECK (receipt_source IN ('our-server', 'import')),
    receipt_explanation TEXT NOT NULL,
    response_due TEXT NOT NULL,
    completeness INTEGER NOT NULL CHECK (completeness BETWEEN 0 AND 15),
    completeness_summary TEXT NOT NULL,
    finding_count INTEGER NOT NULL DEFAULT 0,
    top_severity TEXT,
    analysis_json TEXT NOT NULL,
    analysed_at TEXT NOT NULL
);
CREATE INDEX reports_response_due ON reports(response_due);
CREATE INDEX reports_origin_ip ON reports(origin_ip);
PRAGMA user_version = 3;
)sql";

constexpr const char *kMigrations[] = {kMigration1, kMigration2, kMigration3};
static_assert(std::size(kMigrations) == kLatestSchemaVersion, "one migration per schema version");

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
    if (sqlite3_exec(db, kMigrations[version - 1], nullptr, nullptr, nullptr) != SQLITE_OK)
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
