#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
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
};

// The blacklist status of accounts: every listing observed, by a DNSBL check of this program, a
// listing notice in the evidence, or imported history. Rows are only added, never changed, so
// the record of when an address was (and was not) listed stays as it was observed. Every value
// is bound as a parameter.
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

    // By checked_at, then id (the order they were stored in).
    Result<QList<StoredListing>> forAccount(const QString &accountId) const;
    Result<QList<StoredListing>> all() const;

private:
    CaseStore &m_store;
};

} // namespace Awb
