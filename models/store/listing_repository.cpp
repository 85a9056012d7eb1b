#include "listing_repository.h"

#include "audit_log.h"
#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ListingRepository)
};

constexpr const char kAdd[] =
    "INSERT INTO listings (account_id, list_name, zone, address_or_range, return_codes, meaning,"
    " verdict, checked_at, source, evidence_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr const char kAttribute[] =
    "INSERT INTO listing_accounts (listing_id, account_id, attributed_at, reason)"
    " VALUES (?1, ?2, ?3, ?4)";

// Each read is a listing with the account it was recorded with, then a listing per account it
// was attributed to later (listing_accounts), with when and why. A listing recorded without an
// account shows without one only until it is attributed.
constexpr const char kForAccount[] =
    "SELECT id, account_id, list_name, zone, address_or_range, return_codes, meaning, verdict,"
    " checked_at, source, evidence_id, NULL AS attributed_at, NULL AS reason"
    " FROM listings WHERE account_id = ?1"
    " UNION ALL SELECT l.id, a.account_id, l.list_name, l.zone, l.address_or_range,"
    " l.return_codes, l.meaning, l.verdict, l.checked_at, l.source, l.evidence_id,"
    " a.attributed_at, a.reason"
    " FROM listing_accounts a JOIN listings l ON l.id = a.listing_id WHERE a.account_id = ?1"
    " ORDER BY checked_at, id";
constexpr const char kAll[] =
    "SELECT l.id AS id, l.account_id AS account_id, l.list_name, l.zone, l.address_or_range,"
    " l.return_codes, l.meaning, l.verdict, l.checked_at AS checked_at, l.source, l.evidence_id,"
    " NULL AS attributed_at, NULL AS reason FROM listings l"
    " WHERE l.account_id IS NOT NULL"
    " OR NOT EXISTS (SELECT 1 FROM listing_accounts x WHERE x.listing_id = l.id)"
    " UNION ALL SELECT l.id, a.account_id, l.list_name, l.zone, l.address_or_range,"
    " l.return_codes, l.meaning, l.verdict, l.checked_at, l.source, l.evidence_id,"
    " a.attributed_at, a.reason"
    " FROM listing_accounts a JOIN listings l ON l.id = a.listing_id"
    " ORDER BY checked_at, id, account_id";
// The condition is the one of the partial index listings_unsettled, word for word, so that
// SQLite reads that index instead of every DNSBL answer.
constexpr const char kUnsettled[] =
    "SELECT l.id AS id, l.account_id AS account_id, l.list_name, l.zone, l.address_or_range,"
    " l.return_codes, l.meaning, l.verdict, l.checked_at AS checked_at, l.source, l.evidence_id,"
    " NULL AS attributed_at, NULL AS reason FROM listings l"
    " WHERE (account_id IS NULL OR source <> 'dnsbl')"
    " AND (l.account_id IS NOT NULL"
    " OR NOT EXISTS (SELECT 1 FROM listing_accounts x WHERE x.listing_id = l.id))"
    " UNION ALL SELECT l.id, a.account_id, l.list_name, l.zone, l.address_or_range,"
    " l.return_codes, l.meaning, l.verdict, l.checked_at, l.source, l.evidence_id,"
    " a.attributed_at, a.reason"
    " FROM listing_accounts a JOIN listings l ON l.id = a.listing_id"
    " WHERE (l.account_id IS NULL OR l.source <> 'dnsbl')"
    " ORDER BY checked_at, id, account_id";
constexpr const char kRecordedNotices[] = "SELECT DISTINCT evidence_id FROM listings"
                                          " WHERE evidence_id IS NOT NULL AND source = 'report'";
constexpr const char kPendingNotices[] =
    "SELECT evidence_id FROM listing_backfill ORDER BY evidence_id";
constexpr const char kSettleNotice[] = "DELETE FROM listing_backfill WHERE evidence_id = ?1";

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
        record.attributedAt = statement.timestamp(11);
        if (!statement.isNull(12))
            record.attributionReason = statement.text(12);
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
    AuditEntryInput entry;
    entry.action = QStringLiteral("listings");
    entry.subject = accounts.size() == 1 ? accounts.first() : QString();
    QString whose = Tr::tr("%n accounts", nullptr, int(accounts.size()));
    if (accounts.size() == 1)
        whose = accounts.first().isEmpty() ? Tr::tr("no known account")
                                           : Tr::tr("account %1").arg(accounts.first());
    entry.what = Tr::tr("Recorded %n blocklist observation(s) of %1 (%2 listed).", nullptr,
                        int(records.size()))
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

// One entry per batch (an import of the account directory is one): how many listings, to which
// accounts, which listings.
Status auditAttributions(CaseStore &store, const QList<ListingAttribution> &attributions,
                         const QString &why)
{
    QStringList accounts;
    QJsonArray listings;
    for (const ListingAttribution &a : attributions) {
        if (!accounts.contains(a.accountId))
            accounts << a.accountId;
        listings.append(a.listingId);
    }
    accounts.sort();
    AuditEntryInput entry;
    entry.action = QStringLiteral("listing-attribution");
    entry.subject = accounts.size() == 1 ? accounts.first() : QString();
    const QString whose = accounts.size() == 1
                              ? Tr::tr("account %1").arg(accounts.first())
                              : Tr::tr("%n accounts", nullptr, int(accounts.size()));
    entry.what = Tr::tr("Attributed %n blocklist observation(s) recorded earlier to %1.", nullptr,
                        int(attributions.size()))
                     .arg(whose);
    entry.why = why;
    entry.details = QJsonObject{{QStringLiteral("count"), int(attributions.size())},
                                {QStringLiteral("accounts"), QJsonArray::fromStringList(accounts)},
                                {QStringLiteral("listings"), listings}};
    Result<qint64> appended = AuditLog(store).append(entry);
    return appended ? Status::success() : Status(Error{appended.error()});
}

Result<QList<StoredListing>> readAll(CaseStore &store, const char *sql)
{
    Result<SqliteStatement *> query = store.statementCache().get(sql);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    return readRows(**query);
}

// The first column of every row, as ids.
Result<QList<qint64>> readIds(CaseStore &store, const char *sql)
{
    Result<SqliteStatement *> query = store.statementCache().get(sql);
    if (!query)
        return Error{query.error()};
    StatementResetter resetter(**query);
    QList<qint64> ids;
    for (;;) {
        Result<bool> row = (*query)->step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return ids;
        ids.append((*query)->int64(0));
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

Status ListingRepository::attribute(const QList<ListingAttribution> &attributions,
                                    const QString &why)
{
    if (attributions.isEmpty())
        return Status::success();
    Result<SqliteStatement *> insert = m_store.statementCache().get(kAttribute);
    if (!insert)
        return Error{insert.error()};
    SqliteStatement &statement = **insert;
    WriteTransaction transaction(static_cast<sqlite3 *>(m_store.nativeHandle()), m_store.path());
    Status status = transaction.begin();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ListingAttribution &a : attributions) {
        if (!status)
            break;
        statement.bindInt64(1, a.listingId);
        statement.bindText(2, nonNull(a.accountId));
        statement.bindTimestamp(3, a.at.isValid() ? a.at.toUTC() : now);
        statement.bindText(4, nonNull(a.reason));
        status = statement.exec();
    }
    if (status)
        status = auditAttributions(m_store, attributions, why);
    if (status)
        status = transaction.commit();
    return status; // unless committed, the transaction's destructor rolls back
}

Result<QList<StoredListing>> ListingRepository::all() const
{
    return readAll(m_store, kAll);
}

Result<QList<StoredListing>> ListingRepository::unsettled() const
{
    return readAll(m_store, kUnsettled);
}

Result<QSet<qint64>> ListingRepository::recordedNotices() const
{
    Result<QList<qint64>> ids = readIds(m_store, kRecordedNotices);
    if (!ids)
        return Error{ids.error()};
    return QSet<qint64>(ids->cbegin(), ids->cend());
}

Result<QList<qint64>> ListingRepository::pendingNotices() const
{
    return readIds(m_store, kPendingNotices);
}

Status ListingRepository::settleNotices(const QList<qint64> &evidenceIds)
{
    Result<SqliteStatement *> remove = m_store.statementCache().get(kSettleNotice);
    if (!remove)
        return Error{remove.error()};
    for (qint64 id : evidenceIds) {
        (*remove)->bindInt64(1, id);
        if (Status status = (*remove)->exec(); !status)
            return status;
    }
    return Status::success();
}

} // namespace Awb
