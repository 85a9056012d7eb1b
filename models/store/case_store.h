#pragma once

#include "common/result.h"

#include <QString>

#include <memory>

namespace Awb {

class StatementCache;

// One case database: a SQLite file in WAL mode with foreign keys on, its schema versioned with
// PRAGMA user_version and brought forward by the migrations in schema_migrations.cpp.
//
// A CaseStore is one connection: use it from one thread at a time. The import writer and the
// GUI each open their own; WAL lets readers go on while the writer commits.
class CaseStore
{
public:
    // Opens or creates the file and migrates it to the latest schema. Fails (naming the file and
    // the reason) when the file is not a database or was written by a newer program.
    // Also refuses a SQLite database of another program rather than adding tables to it.
    static Result<std::unique_ptr<CaseStore>> open(const QString &path);
    // Migrates only up to `version`; for tests of the migrations themselves.
    static Result<std::unique_ptr<CaseStore>> openAtVersion(const QString &path, int version);
    static int latestSchemaVersion();

    ~CaseStore();
    CaseStore(const CaseStore &) = delete;
    CaseStore &operator=(const CaseStore &) = delete;

    QString path() const;
    int schemaVersion() const;

    // Who the writes made through this connection are by, when a write names nobody itself
    // (imports, account files, listings, the audit entries of those). Defaults to the OS user
    // ($USER, else $USERNAME, else "unknown"); the front ends set the analyst's name (see
    // desk_identity.h). An empty or blank name restores the default.
    void setActor(const QString &actor);
    QString actor() const;

    // PRAGMA integrity_check and foreign_key_check; the details name what is wrong.
    Status checkIntegrity() const;

    // Transactions are explicit so that a batch of rows lands whole or not at all. begin()
    // takes the write lock at once (BEGIN IMMEDIATE), waiting up to the busy timeout for another
    // writer; repository writes made inside it become savepoints of it. rollback() outside a
    // transaction (or after SQLite has rolled back by itself) succeeds and does nothing.
    Status begin();
    Status commit();
    Status rollback();

    // The connection for the repositories in this folder; an opaque sqlite3 handle.
    void *nativeHandle() const;
    // The connection's prepared statements, for the repositories in this folder
    // (sqlite_statement.h, private to models/store). They live as long as the CaseStore, so a
    // repository may be created per call and still prepare each statement only once.
    StatementCache &statementCache() const;

private:
    struct Private;
    explicit CaseStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace Awb
