#include "listing_repository.h"

#include "audit_log.h"
#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

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

// One entry per batch (a DNSBL check of an account is one batch): how many observations, of
// which accounts and lists, how many listed.
Status auditBatch(CaseStore &store, const QList<StoredListing> &records, const QList<qint64> &ids)
{
    QStringList accounts;
    QStringList lists;
    int listed = 0;
    for (const StoredListing &r : records) {
        const QString account = r.accountId.isNull() ? QStringLiteral("") : r.accountId;
        if (!accounts.contains(account))
            accounts << account;
        if (!lists.contains(r.listName))
            lists << r.listName;
        if (r.verdict == u"listed" || r.verdict == u"policy-listed")
            ++listed;
    }
    auto tr = [](const char *text, int n = -1) {
        return QCoreApplication::translate("Awb::ListingRepository", text, nullptr, n);
    };
    AuditEntryInput entry;
    entry.action = QStringLiteral("listings");
    entry.subject = accounts.size() == 1 ? accounts.first() : QString();
    QString whose = tr("%n accounts", int(accounts.size()));
    if (accounts.size() == 1)
        whose = accounts.first().isEmpty() ? tr("no known account")
                                           : tr("account %1").arg(accounts.first());
    entry.what = tr("Recorded %n blocklist observation(s) of %1 (%2 listed).", int(records.size()))
                     .arg(whose)
                     .arg(listed);
    entry.details = QJsonObject{{QStringLiteral("count"), int(records.size())},
                                {QStringLiteral("listed"), listed},
                                {QStringLiteral("accounts"), QJsonArray::fromStringList(accounts)},
                                {QStringLiteral("lists"), QJsonArray::fromStringList(lists)},
                                {QStringLiteral("first_id"), ids.first()},
                                {QStringLiteral("last_id"), ids.last()}};
    Result<qint64> appended = AuditLog(store).append(entry);
    return appended ? Status::success() : Status(Error{appended.error()});
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
    if (status && !records.isEmpty())
        status = auditBatch(m_store, records, ids);
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
