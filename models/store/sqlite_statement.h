#pragma once

// Private to models/store: RAII handles over SQLite's C API. Deliberately free of <sqlite3.h> so
// that no header of the core leaks SQLite types; the .cpp files of this room include it.

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace Awb {

// "The case database “<path>” reported an error: <sqlite3_errmsg>." Read it right after the
// failing call: SQLite overwrites the message with the next call on the connection.
Error sqliteError(sqlite3 *db, const QString &dbPath);

// Timestamps are stored as ISO 8601 UTC text with milliseconds ("2026-11-27T01:35:03.123Z"):
// readable in any SQLite shell, and text order is time order.
QString toStoreTimestamp(const QDateTime &value);
QDateTime fromStoreTimestamp(const QString &text);

// One prepared statement, finalised by the destructor. Every value is bound as a parameter;
// indices are 1-based as in SQLite. A failed bind is remembered and reported by the next step().
class SqliteStatement
{
public:
    // `persistent` tells SQLite the statement will be kept for the connection's lifetime.
    static Result<SqliteStatement> prepare(sqlite3 *db, const QString &dbPath, const char *sql,
                                           bool persistent = false);

    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement();

    void bindInt64(int index, qint64 value);
    void bindText(int index, const QString &value);        // a null QString binds NULL
    void bindBlob(int index, const QByteArray &value);     // copied by SQLite; never NULL
    void bindTimestamp(int index, const QDateTime &value); // an invalid QDateTime binds NULL
    void bindNull(int index);

    // True when a row is available, false when the statement has run to completion.
    Result<bool> step();
    // Steps to completion (rows, if any, are ignored) and resets.
    Status exec();
    // Resets and clears the bindings, which also ends the statement's read of the database.
    void reset();

    int changes() const;         // rows changed by the last INSERT/UPDATE/DELETE
    qint64 lastInsertId() const; // rowid of the last successful INSERT on this connection

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    QDateTime timestamp(int column) const;

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt, QString dbPath);
    void noteBind(int rc);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_dbPath;
    int m_bindError = 0; // first failed bind's result code, 0 when all binds succeeded
};

// Resets a (cached) statement when leaving scope, so that it never keeps a read snapshot open
// and never carries bindings into its next use.
class StatementResetter
{
public:
    explicit StatementResetter(SqliteStatement &statement)
        : m_statement(statement)
    {}
    ~StatementResetter() { m_statement.reset(); }
    StatementResetter(const StatementResetter &) = delete;
    StatementResetter &operator=(const StatementResetter &) = delete;

private:
    SqliteStatement &m_statement;
};

// The prepared statements of one connection, kept for the connection's lifetime so that a batch
// of a thousand rows prepares each statement once. Owned by CaseStore, which clears it before it
// closes the connection. Keys are the SQL pointers: pass string literals (static storage).
class StatementCache
{
public:
    StatementCache(sqlite3 *db, QString dbPath)
        : m_db(db)
        , m_dbPath(std::move(dbPath))
    {}

    // A reset statement for `sql`, prepared on first use. The pointer stays valid until clear().
    Result<SqliteStatement *> get(const char *sql);
    void clear() { m_statements.clear(); }

private:
    sqlite3 *m_db;
    QString m_dbPath;
    std::unordered_map<const char *, std::unique_ptr<SqliteStatement>> m_statements;
};

// A write transaction that rolls back unless committed. When the connection is already inside
// a transaction (the caller called CaseStore::begin()), it becomes a savepoint of that
// transaction instead, so a batch still lands whole or not at all inside the caller's work.
class WriteTransaction
{
public:
    WriteTransaction(sqlite3 *db, QString dbPath)
        : m_db(db)
        , m_dbPath(std::move(dbPath))
    {}
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    enum class State { Idle, Transaction, Savepoint };

    sqlite3 *m_db;
    QString m_dbPath;
    State m_state = State::Idle;
};

// Runs SQL text without parameters (schema statements, transaction control, pragmas).
Status execSql(sqlite3 *db, const QString &dbPath, const char *sql);

} // namespace Awb
