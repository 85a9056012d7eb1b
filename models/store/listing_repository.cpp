#include "listing_repository.h"

#include "case_store.h"
#include "sqlite_statement.h"

namespace Awb {

namespace {

constexpr const char kAdd[] =
    "INSERT INTO listings (account_id, list_name, zone, address_or_range, return_codes, meaning,"
    " verdict, checked_at, source, evidence_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr const char kForAccount[] =
    "SELECT id, account_id, list_name, zone, address_or_range, return_codes, meaning, verdict,"
    " checked_at, source, evidence_id FROM listings WHERE account_id = ?1"
    " ORDER BY checked_at, id";
constexpr const char kAll[] =
    "SELECT id, account_id, list_name, zone, address_or_range, return_codes, meaning, verdict,"
    " checked_at, source, evidence_id FROM listings ORDER BY checked_at, id";

// Codes are dotted quads, which never hold a comma.
constexpr QLatin1Char kCodeSeparator(',');

QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

Result<QList<StoredListing>> readRows(SqliteStatement &statement)
{
    QList<StoredListing> result;
    for (;;) {
        Result<bool> row = statement.step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return result;
        StoredListing record;
        record.id = statement.int64(0);
        if (!statement.isNull(1))
            record.accountId = statement.text(1);
        record.listName = statement.text(2);
        record.zone = statement.text(3);
        record.addressOrRange = statement.text(4);
        record.returnCodes = statement.text(5).split(kCodeSeparator, Qt::SkipEmptyParts);
        record.meaning = statement.text(6);
        record.verdict = statement.text(7);
        record.checkedAt = statement.timestamp(8);
        record.source = statement.text(9);
        if (!statement.isNull(10))
            record.evidenceId = statement.int64(10);
        result.append(record);
    }
}

} // namespace

ListingRepository::ListingRepository(CaseStore &store)
    : m_store(store)
{}

Result<QList<qint64>> ListingRepository::add(const QList<StoredListing> &records)
{
    Result<SqliteStatement *> insert = m_store.statementCache().get(kAdd);
    if (!insert)
        return Error{insert.error()};
    SqliteStatement &statement = **insert;
    WriteTransaction transaction(static_cast<sqlite3 *>(m_store.nativeHandle()), m_store.path());
    Status status = transaction.begin();
    QList<qint64> ids;
    for (const StoredListing &record : records) {
        if (!status)
            break;
        statement.bindText(1, record.accountId); // null binds NULL: unattributed
        statement.bindText(2, nonNull(record.listName));
        statement.bindText(3, nonNull(record.zone));
        statement.bindText(4, nonNull(record.addressOrRange));
        statement.bindText(5, nonNull(record.returnCodes.join(kCodeSeparator)));
        statement.bindText(6, nonNull(record.meaning));
        statement.bindText(7, nonNull(record.verdict));
        statement.bindTimestamp(8, record.checkedAt); // invalid binds NULL, which NOT NULL refuses
        statement.bindText(9, nonNull(record.source));
        if (record.evidenceId)
            statement.bindInt64(10, *record.evidenceId);
        else
            statement.bindNull(10);
        status = statement.exec();
        if (status)
            ids.append(statement.lastInsertId());
    }
    if (status)
        status = transaction.commit();
    if (!status)
        return Error{status.error()}; // the transaction's destructor rolls back
    return ids;
}

Result<QList<StoredListing>> ListingRepository::forAccount(const QString &accountId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kForAccount);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    (*query)->bindText(1, nonNull(accountId));
    return readRows(**query);
}

Result<QList<StoredListing>> ListingRepository::all() const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kAll);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    return readRows(**query);
}

} // namespace Awb
