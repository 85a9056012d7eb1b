#pragma once

#include "common/result.h"
#include "network/ip_network.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Awb {

class CaseStore;

// One customer account of the billing system (customers.csv).
struct CustomerRecord
{
    QString accountId;
    QString name;
    QString email;
    QString status;                     // "active", "suspended", "terminated"
    QDateTime suspendedUntil;           // UTC; invalid when not suspended or not stated
    QDateTime createdAt;                // UTC; invalid when not stated
    QString country;                    // as exported (ISO 3166 alpha-2 in the demo)
    std::optional<qint64> prepaidCents; // the prepaid balance in cents; nullopt when not stated
};

// Validity of a directory row. Both ends are inclusive; an invalid validTo means "still valid".
// A whole-day end date is stored as the last millisecond of that day (UTC).
struct Validity
{
    QDateTime from; // UTC, always valid for stored rows
    QDateTime to;   // UTC, invalid = open

    bool contains(const QDateTime &at) const { return at >= from && (!to.isValid() || at <= to); }
    bool overlaps(const Validity &other) const
    {
        return (!to.isValid() || other.from <= to) && (!other.to.isValid() || from <= other.to);
    }
    // "2025-03-01 to now", "2024-01-22 to 2026-05-31", with times only where they are not whole
    // days ("2025-11-03 02:15 UTC to now").
    QString toString() const;
};

// Where a stored row came from, so that a data error can name the CSV row.
struct SourceRow
{
    QString file;
    int line = 0;
    QString toString() const; // "ip_assignments.csv line 3"; empty when unknown
};

struct IpAssignmentRecord
{
    qint64 id = 0; // 0 until stored
    QString accountId;
    IpNetwork prefix;
    Validity validity;
    QString serviceId;
    SourceRow source;
};

struct HostedDomainRecord
{
    qint64 id = 0;
    QString accountId;
    QString domain; // lower case, no trailing dot
    Validity validity;
    SourceRow source;
};

// Enforcement recorded before this program (history.csv), or later by it.
struct EnforcementRecord
{
    qint64 id = 0;
    QString accountId;
    QDateTime date; // UTC
    QString action; // "warning", "suspension", "termination", "liability", "blacklisting"
    QString clause; // policy clause id ("3.1"), may be empty
    QString reference;
    QString notes;
    QString source = QStringLiteral("import");
};

// What an upsert did. Updated means the natural key existed and another column changed (a
// billing export closes an open assignment by filling in valid_to, a status changes).
enum class UpsertOutcome { Inserted, Updated, Unchanged };

// The account directory in a case database (schema 4): customers, IP assignments with validity,
// hosted domains, earlier enforcement. Writes are upserts on natural keys, so importing the same
// rows again changes nothing. Writes do not open transactions of their own: the caller groups
// them with CaseStore::begin()/commit() (AccountImporter does, one transaction per file).
//
// Lookups are by integer ranges, never by string matching: an address is found with one index
// probe per prefix length in use (see migration 4), so a million assignments cost a handful of
// probes. Every value is bound as a parameter.
//
// Borrows the CaseStore, which must outlive it; same threading rules as the CaseStore.
class AccountRepository
{
public:
    explicit AccountRepository(CaseStore &store);

    CaseStore &store() const { return m_store; }

    Result<UpsertOutcome> upsertCustomer(const CustomerRecord &customer);
    // The stored row's id is written to `id` (inserted or existing).
    Result<UpsertOutcome> upsertAssignment(const IpAssignmentRecord &assignment,
                                           qint64 *id = nullptr);
    Result<UpsertOutcome> upsertDomain(const HostedDomainRecord &domain);
    Result<UpsertOutcome> upsertEnforcement(const EnforcementRecord &record);
    // Records that a file with this SHA-256 was imported; false when it had been already. Also
    // appends the file's audit entry, with the rows the upserts since the last recordImport()
    // added, changed and left unchanged (none when a known file changed nothing). Call it in
    // the file's transaction, after its rows.
    Result<bool> recordImport(const QString &file, const QByteArray &sha256Hex,
                              const QString &kind);

    Result<bool> hasCustomer(const QString &accountId) const;
    Result<std::optional<CustomerRecord>> customer(const QString &accountId) const;
    Result<QList<CustomerRecord>> customers() const; // by account id
    Result<QList<IpAssignmentRecord>> assignments(const QString &accountId) const;
    Result<QList<HostedDomainRecord>> domains(const QString &accountId) const;
    Result<QList<EnforcementRecord>> history(const QString &accountId) const; // by date
    Result<qint64> assignmentCount() const;

    // The assignments whose block holds `address` and whose validity contains `at`; with an
    // invalid `at`, those of any time. Most specific block first, then by validity start.
    Result<QList<IpAssignmentRecord>> assignmentsAt(const IpAddress &address,
                                                    const QDateTime &at) const;
    // Assignments of other accounts whose block shares an address with `assignment`'s block
    // during an overlapping validity (the data error of one address held by two accounts at
    // once). The row `assignment.id` itself is excluded.
    Result<QList<IpAssignmentRecord>>
    conflictingAssignments(const IpAssignmentRecord &assignment) const;

    // Hosted domains that are `host` or a parent of it ("deals.northwind-deals.example" finds
    // northwind-deals.example), valid at `at` (any time when `at` is invalid). Longest first.
    Result<QList<HostedDomainRecord>> domainsAt(const QString &host, const QDateTime &at) const;

    // Our networks: every assigned prefix, at any time, so that the trust boundary knows the
    // provider's address space without settings. Empty when nothing is assigned.
    Result<IpNetworkSet> ourNetworks() const;

private:
    struct UpsertCounts
    {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
    };
    Result<UpsertOutcome> counted(Result<UpsertOutcome> outcome);

    CaseStore &m_store;
    UpsertCounts m_counts; // of the file being imported, for its audit entry
};

QString upsertOutcomeName(UpsertOutcome outcome); // "inserted", "updated", "unchanged"

} // namespace Awb
