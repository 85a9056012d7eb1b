#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb {

class CaseStore;

// One observation of an address or range on a blocklist (schema 6, table listings), as stored.
// Not report.h's ListingRecord, which is what a listing notice says before it is attributed.
struct StoredListing
{
    qint64 id = 0;                    // 0 until stored
    QString accountId;                // null when the address belonged to no known account
    QString listName;                 // "Spamhaus ZEN"
    QString zone;                     // "zen.spamhaus.org"; empty when the source named no zone
    QString addressOrRange;           // "203.0.113.40" or "203.0.113.0/24"; never empty
    QStringList returnCodes;          // the answer's A records, ascending ("127.0.0.2")
    QString meaning;                  // evidence-grade wording, as DnsblResult::meaning
    QString verdict;                  // a dnsblVerdictName(): "listed", "not-listed", ...
    QDateTime checkedAt;              // UTC; must be valid
    QString source;                   // "dnsbl", "report" or "history"
    std::optional<qint64> evidenceId; // the listing notice, for source "report"
    // Set when accountId was attributed after the listing was recorded (listing_accounts,
    // schema 8): when, and why. Invalid and empty when the account was recorded with it.
    QDateTime attributedAt;
    QString attributionReason;
};

// That `accountId` held what listing `listingId` lists when it was listed, as found after the
// listing was recorded: when (`at`, UTC; invalid: now) and why, in words.
struct ListingAttribution
{
    qint64 listingId = 0;
    QString accountId;
    QDateTime at;
    QString reason;
};

// The blacklist status of accounts: every listing observed, by a DNSBL check of this program, a
// listing notice in the evidence, or imported history. Rows are only added, never changed, so
// the record of when an address was (and was not) listed stays as it was observed. A listing
// recorded before the account directory knew who held the address gets its account later, as an
// attribution beside it (attribute()); reads give a listing once per account it belongs to,
// recorded or attributed. Every value is bound as a parameter.
//
// Borrows the CaseStore, which must outlive it; same threading rules as the CaseStore.
class ListingRepository
{
public:
    explicit ListingRepository(CaseStore &store);

    // Stores all records or none (one transaction; a savepoint inside the caller's). Returns the
    // new ids in the order of `records`. A record that breaks the table's constraints (unknown
    // account, verdict or source, empty address, invalid time) fails the whole batch.
    Result<QList<qint64>> add(const QList<StoredListing> &records);

    // Attributes recorded listings to accounts, all or none, with one audit entry for the batch
    // (`why` is its reason: what prompted it); a savepoint inside the caller's transaction. An
    // account the listing already names, recorded with it or attributed, fails the batch, as
    // does an unknown listing or account or an empty reason.
    Status attribute(const QList<ListingAttribution> &attributions, const QString &why);

    // By checked_at, then id (the order they were stored in): the listings recorded for the
    // account and those attributed to it later.
    Result<QList<StoredListing>> forAccount(const QString &accountId) const;
    // Every listing once per account it belongs to, by checked_at, id, account: a listing
    // recorded without an account has an empty accountId until it is attributed, and then only
    // the attributed rows.
    Result<QList<StoredListing>> all() const;
    // As all(), only the listings an import of the account directory may still attribute: those
    // without a recorded account, and those of notices (source "report", whose range may also
    // cover blocks imported later). A DNSBL answer is about the account it was asked for.
    Result<QList<StoredListing>> unsettled() const;

    // The notices (evidence ids) that have rows of source "report".
    Result<QSet<qint64>> recordedNotices() const;
    // Reports in cases that state listings but were grouped before grouping recorded them
    // (listing_backfill, filled by migration 8). settleNotices() takes them off, inside the
    // caller's transaction that records their rows.
    Result<QList<qint64>> pendingNotices() const;
    Status settleNotices(const QList<qint64> &evidenceIds);

private:
    CaseStore &m_store;
};

} // namespace Awb
