#include "sqlite_statement.h"

#include <sqlite3.h>

#include <QCoreApplication>

namespace Awb {

Error sqliteError(sqlite3 *db, const QString &dbPath)
{
    const QString reason =
        db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
    return Error{QCoreApplication::translate("Awb::CaseStore",
                                             "The case database “%1” reported an error: %2.")
                     .arg(dbPath, reason)};
}

QString toStoreTimestamp(const QDateTime &value)
{
    return value.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStoreTimestamp(const QString &text)
{
    QDateTime value = QDateTime::fromString(text, Qt::ISODateWithMs);
    return value.isValid() ? value.toUTC() : QDateTime();
}

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt, QString dbPath)
    : m_db(db)
    , m_stmt(stmt)
    , m_dbPath(std::move(dbPath))
{}

Result<SqliteStatement> SqliteStatement::prepare(sqlite3 *db, const QString &dbPath,
                                                 const char *sql, bool persistent)
{
    sqlite3_stmt *stmt = nullptr;
    const unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
    if (sqlite3_prepare_v3(db, sql, -1, flags, &stmt, nullptr) != SQLITE_OK) {
        Error error = sqliteError(db, dbPath);
        sqlite3_finalize(stmt);
        return error;
    }
    return SqliteStatement(db, stmt, dbPath);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_dbPath(std::move(other.m_dbPath))
    , m_bindError(other.m_bindError)
{}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_dbPath = std::move(other.m_dbPath);
        m_bindError = other.m_bindError;
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt); // a no-op for nullptr (moved-from)
}

void SqliteStatement::noteBind(int rc)
{
    if (rc != SQLITE_OK && m_bindError == 0)
        m_bindError = rc;
}

void SqliteStatement::bindInt64(int index, qint64 value)
{
    noteBind(sqlite3_bind_int64(m_stmt, index, value));
}

void SqliteStatement::bindText(int index, const QString &value)
{
    if (value.isNull()) {
        bindNull(index);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    noteBind(sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                 SQLITE_TRANSIENT, SQLITE_UTF8));
}

void SqliteStatement::bindBlob(int index, const QByteArray &value)
{
    // constData() is never null for a QByteArray, so an empty value binds X'' rather than NULL.
    noteBind(sqlite3_bind_blob64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()),
                                 SQLITE_TRANSIENT));
}

void SqliteStatement::bindTimestamp(int index, const QDateTime &value)
{
    if (value.isValid())
        bindText(index, toStoreTimestamp(value));
    else
        bindNull(index);
}

void SqliteStatement::bindNull(int index)
{
    noteBind(sqlite3_bind_null(m_stmt, index));
}

Result<bool> SqliteStatement::step()
{
    if (m_bindError != 0) {
        const QString reason = QString::fromUtf8(sqlite3_errstr(m_bindError));
        m_bindError = 0;
        return Error{QCoreApplication::translate(
                         "Awb::CaseStore", "The case database “%1” could not take a value: %2.")
                         .arg(m_dbPath, reason)};
    }
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return true;
    case SQLITE_DONE:
        return false;
    default:
        return sqliteError(m_db, m_dbPath);
    }
}

Status SqliteStatement::exec()
{
    StatementResetter resetter(*this);
    for (;;) {
        Result<bool> row = step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return Status::success();
    }
}

void SqliteStatement::reset()
{
    m_bindError = 0;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteStatement::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    if (isNull(column))
        return QString();
    // Call text first, then bytes: that order is the one SQLite documents as conversion-safe.
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QByteArray(data, size) : QByteArray("");
}

QDateTime SqliteStatement::timestamp(int column) const
{
    return isNull(column) ? QDateTime() : fromStoreTimestamp(text(column));
}

Result<SqliteStatement *> StatementCache::get(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        Result<SqliteStatement> prepared = SqliteStatement::prepare(m_db, m_dbPath, sql, true);
        if (!prepared)
            return Error{prepared.error()};
        auto owned = std::make_unique<SqliteStatement>(std::move(prepared).value());
        it = m_statements.emplace(sql, std::move(owned)).first;
    }
    it->second->reset();
    return it->second.get();
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Status WriteTransaction::begin()
{
    // IMMEDIATE takes the write lock now (waiting up to busy_timeout) instead of failing with
    // SQLITE_BUSY halfway through the batch when a read would have to be upgraded.
    if (sqlite3_get_autocommit(m_db)) {
        Status status = execSql(m_db, m_dbPath, "BEGIN IMMEDIATE");
        if (status)
            m_state = State::Transaction;
        return status;
    }
    Status status = execSql(m_db, m_dbPath, "SAVEPOINT awb_write");
    if (status)
        m_state = State::Savepoint;
    return status;
}

Status WriteTransaction::commit()
{
    const State state = std::exchange(m_state, State::Idle);
    switch (state) {
    case State::Transaction: {
        Status status = execSql(m_db, m_dbPath, "COMMIT");
        if (!status && !sqlite3_get_autocommit(m_db))
            execSql(m_db, m_dbPath, "ROLLBACK");
        return status;
    }
    case State::Savepoint:
        return execSql(m_db, m_dbPath, "RELEASE awb_write");
    case State::Idle:
        break;
    }
    return Status::success();
}

void WriteTransaction::rollback()
{
    const State state = std::exchange(m_state, State::Idle);
    // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) make SQLite roll back by itself; then there
    // is nothing left to undo and a ROLLBACK would only fail.
    if (state == State::Idle || sqlite3_get_autocommit(m_db))
        return;
    if (state == State::Transaction)
        execSql(m_db, m_dbPath, "ROLLBACK");
    else
        execSql(m_db, m_dbPath, "ROLLBACK TO awb_write; RELEASE awb_write");
}

Status execSql(sqlite3 *db, const QString &dbPath, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(db, dbPath);
    return Status::success();
}

} // namespace Awb
