#pragma once

// The four CSV files of the billing-system export, as issue 6 describes them: which file is
// which (from its header row), and each row checked and turned into a directory record.

#include "common/result.h"
#include "store/account_repository.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <optional>

namespace Awb {

enum class AccountFileKind {
    Customers,     // account_id,name,email,status,created_at,country,prepaid_usd
    IpAssignments, // account_id,prefix,valid_from,valid_to,service_id
    Domains,       // account_id,domain,valid_from,valid_to
    History,       // account_id,date,action,clause,reference,notes
};

// "customers", "ip_assignments", "domains", "history"
QString accountFileKindName(AccountFileKind kind);

// The columns of one file, found by name in its header row (any order, any case, blanks
// trimmed). Columns this program does not know are ignored and listed, so the import can say so.
struct AccountFileLayout
{
    AccountFileKind kind = AccountFileKind::Customers;
    int columnCount = 0;
    QHash<QString, int> columns; // known column name -> index
    QStringList ignoredColumns;  // as written in the header

    // The trimmed value of a column in a record; empty when the file has no such column.
    QString value(const QStringList &fields, const char *column) const;
};

// Tells the kind from the header's column names: each kind has its identifying columns
// (customers: name and status; assignments: prefix; domains: domain; history: action). Fails
// when the header fits no kind or several, lacks a required column, or names
// a column twice. The reason does not name the file: the caller knows it.
Result<AccountFileLayout> detectAccountFile(const QStringList &header);

// A checked row. `warnings` are kept-but-worth-a-look remarks ("host bits set").
template <typename T> struct CheckedRow
{
    T record;
    QStringList warnings;
};

// Each fails with the reason (no file or line: the importer adds them).
Result<CheckedRow<CustomerRecord>> customerFromCsv(const AccountFileLayout &layout,
                                                   const QStringList &fields);
Result<CheckedRow<IpAssignmentRecord>> assignmentFromCsv(const AccountFileLayout &layout,
                                                         const QStringList &fields);
Result<CheckedRow<HostedDomainRecord>> domainFromCsv(const AccountFileLayout &layout,
                                                     const QStringList &fields);
Result<CheckedRow<EnforcementRecord>> enforcementFromCsv(const AccountFileLayout &layout,
                                                         const QStringList &fields);

// ISO 8601 date ("2026-05-31") or date-time ("2025-11-03T10:15:00+08:00", "2025-11-03 10:15",
// seconds and fractions optional, 'T' or a space) in UTC. A date-time without a zone is read as
// UTC. A bare date is the start of that day, or with `endOfDay` its last millisecond (validity
// ends are inclusive whole days). nullopt for anything else, or an impossible date.
std::optional<QDateTime> parseIsoTimestamp(const QString &text, bool endOfDay = false);

// An amount in a currency's major unit ("120.50", "840", "-3.5") as integer cents, exactly: no
// floating point. nullopt for anything else ("1,200.00", "$5", "1.234", more than 13 digits).
std::optional<qint64> parseMoneyCents(const QString &text);

} // namespace Awb
