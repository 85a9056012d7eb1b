// The account repository's reads: customers, assignments, domains and history of an account,
// and the assignments and domains valid at a time (the correlation's look-ups).
#include "account_repository.h"

#include "account_repository_p.h"
#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace Awb {

using namespace AccountColumns;

namespace {

constexpr const char kCustomerExists[] = "SELECT 1 FROM customers WHERE account_id = ?1";
constexpr const char kCustomer[] =
    "SELECT account_id, name, email, status, suspended_until, created_at, country, prepaid_cents"
    " FROM customers WHERE account_id = ?1";
constexpr const char kCustomers[] =
    "SELECT account_id, name, email, status, suspended_until, created_at, country, prepaid_cents"
    " FROM customers ORDER BY account_id";

#define AWB_ASSIGNMENT_COLUMNS                                                                     \
    "SELECT id, account_id, family, prefix_length, first_hi, first_lo, valid_from, valid_to,"      \
    " service_id, source_file, source_line FROM ip_assignments"
constexpr const char kAccountAssignments[] =
    AWB_ASSIGNMENT_COLUMNS " WHERE account_id = ?1 ORDER BY family, first_hi, first_lo, valid_from";
// The prefix lengths in use for a family, by skip-scan of ip_assignments_lengths: one probe per
// distinct length instead of a walk over every row.
constexpr const char kPrefixLengths[] =
    "WITH RECURSIVE lengths(len) AS ("
    " SELECT (SELECT min(prefix_length) FROM ip_assignments WHERE family = ?1)"
    " UNION ALL SELECT (SELECT min(prefix_length) FROM ip_assignments"
    " WHERE family = ?1 AND prefix_length > len) FROM lengths WHERE len IS NOT NULL)"
    " SELECT len FROM lengths WHERE len IS NOT NULL ORDER BY len DESC";
constexpr const char kAssignmentsStartingAt[] =
    AWB_ASSIGNMENT_COLUMNS " WHERE family = ?1 AND first_hi = ?2 AND first_lo = ?3"
                           " AND prefix_length = ?4 AND (?5 IS NULL OR (valid_from <= ?5"
                           " AND (valid_to IS NULL OR valid_to >= ?5))) ORDER BY valid_from";
constexpr const char kAssignmentsStartingIn[] =
    AWB_ASSIGNMENT_COLUMNS " WHERE family = ?1 AND (first_hi, first_lo) >= (?2, ?3)"
                           " AND (first_hi, first_lo) <= (?4, ?5)";
constexpr const char kAssignmentCount[] = "SELECT count(*) FROM ip_assignments";
constexpr const char kOurNetworks[] =
    "SELECT DISTINCT family, first_hi, first_lo, prefix_length FROM ip_assignments";
#undef AWB_ASSIGNMENT_COLUMNS

constexpr const char kAccountDomains[] =
    "SELECT id, account_id, domain, valid_from, valid_to, source_file, source_line"
    " FROM hosted_domains WHERE account_id = ?1 ORDER BY domain, valid_from";
constexpr const char kDomainsNamed[] =
    "SELECT id, account_id, domain, valid_from, valid_to, source_file, source_line"
    " FROM hosted_domains WHERE domain = ?1 AND (?2 IS NULL OR (valid_from <= ?2"
    " AND (valid_to IS NULL OR valid_to >= ?2))) ORDER BY valid_from, account_id";

constexpr const char kAccountHistory[] =
    "SELECT id, account_id, date, action, clause, reference, notes, source"
    " FROM enforcement_history WHERE account_id = ?1 ORDER BY date, id";

// The block from its prefix length and its first address's two words (hi, then lo).
IpNetwork networkFromColumns(const SqliteStatement &row, int lengthColumn, int hiColumn)
{
    const IpAddress first =
        IpAddress::fromWords(fromColumn(row.int64(hiColumn)), fromColumn(row.int64(hiColumn + 1)));
    return IpNetwork(first, int(row.int64(lengthColumn)));
}

IpAssignmentRecord assignmentFromRow(const SqliteStatement &row)
{
    IpAssignmentRecord record;
    record.id = row.int64(0);
    record.accountId = row.text(1);
    record.prefix = networkFromColumns(row, 3, 4);
    record.validity = {row.timestamp(6), row.timestamp(7)};
    record.serviceId = row.text(8);
    record.source = {row.text(9), int(row.int64(10))};
    return record;
}

HostedDomainRecord domainFromRow(const SqliteStatement &row)
{
    return {row.int64(0),
            row.text(1),
            row.text(2),
            {row.timestamp(3), row.timestamp(4)},
            {row.text(5), int(row.int64(6))}};
}

CustomerRecord customerFromRow(const SqliteStatement &row)
{
    CustomerRecord record;
    record.accountId = row.text(0);
    record.name = row.text(1);
    record.email = row.text(2);
    record.status = row.text(3);
    record.suspendedUntil = row.timestamp(4);
    record.createdAt = row.timestamp(5);
    record.country = row.text(6);
    if (!row.isNull(7))
        record.prepaidCents = row.int64(7);
    return record;
}

// Runs a bound query and collects every row through `read`.
template <typename T, typename Read> Result<QList<T>> collect(SqliteStatement &statement, Read read)
{
    StatementResetter resetter(statement);
    QList<T> rows;
    for (;;) {
        Result<bool> row = statement.step();
        if (!row)
            return Error{row.error()};
        if (!*row)
            return rows;
        rows.append(read(statement));
    }
}

// The id of the row with this natural key, 0 when there is none.
} // namespace

Result<bool> AccountRepository::hasCustomer(const QString &accountId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kCustomerExists);
    if (!query)
        return Error{query.error()};
    (*query)->bindText(1, accountId);
    Result<qint64> found = existingId(**query);
    if (!found)
        return Error{found.error()};
    return *found != 0;
}

Result<std::optional<CustomerRecord>> AccountRepository::customer(const QString &accountId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kCustomer);
    if (!query)
        return Error{query.error()};
    (*query)->bindText(1, accountId);
    Result<QList<CustomerRecord>> rows = collect<CustomerRecord>(**query, customerFromRow);
    if (!rows)
        return Error{rows.error()};
    if (rows->isEmpty())
        return std::optional<CustomerRecord>();
    return std::optional<CustomerRecord>(rows->first());
}

Result<QList<CustomerRecord>> AccountRepository::customers() const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kCustomers);
    if (!query)
        return Error{query.error()};
    return collect<CustomerRecord>(**query, customerFromRow);
}

Result<QList<IpAssignmentRecord>> AccountRepository::assignments(const QString &accountId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kAccountAssignments);
    if (!query)
        return Error{query.error()};
    (*query)->bindText(1, accountId);
    return collect<IpAssignmentRecord>(**query, assignmentFromRow);
}

Result<QList<HostedDomainRecord>> AccountRepository::domains(const QString &accountId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kAccountDomains);
    if (!query)
        return Error{query.error()};
    (*query)->bindText(1, accountId);
    return collect<HostedDomainRecord>(**query, domainFromRow);
}

Result<QList<EnforcementRecord>> AccountRepository::history(const QString &accountId) const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kAccountHistory);
    if (!query)
        return Error{query.error()};
    (*query)->bindText(1, accountId);
    return collect<EnforcementRecord>(**query, [](const SqliteStatement &row) {
        return EnforcementRecord{row.int64(0), row.text(1), row.timestamp(2), row.text(3),
                                 row.text(4),  row.text(5), row.text(6),      row.text(7)};
    });
}

Result<qint64> AccountRepository::assignmentCount() const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kAssignmentCount);
    if (!query)
        return Error{query.error()};
    return existingId(**query);
}

Result<QList<IpAssignmentRecord>> AccountRepository::assignmentsAt(const IpAddress &address,
                                                                   const QDateTime &at) const
{
    QList<IpAssignmentRecord> found;
    if (address.isNull())
        return found;
    const int family = address.isV4() ? 4 : 6;
    Result<SqliteStatement *> lengthsQuery = m_store.statementCache().get(kPrefixLengths);
    if (!lengthsQuery)
        return Error{lengthsQuery.error()};
    (*lengthsQuery)->bindInt64(1, family);
    Result<QList<int>> lengths =
        collect<int>(**lengthsQuery, [](const SqliteStatement &row) { return int(row.int64(0)); });
    if (!lengths)
        return Error{lengths.error()};

    Result<SqliteStatement *> probe = m_store.statementCache().get(kAssignmentsStartingAt);
    if (!probe)
        return Error{probe.error()};
    for (int length : *lengths) { // longest first: the most specific block leads
        const IpNetwork block(address.withoutZone(), length);
        (*probe)->bindInt64(1, family);
        (*probe)->bindInt64(2, toColumn(block.first().hi()));
        (*probe)->bindInt64(3, toColumn(block.first().lo()));
        (*probe)->bindInt64(4, length);
        (*probe)->bindTimestamp(5, at);
        Result<QList<IpAssignmentRecord>> rows =
            collect<IpAssignmentRecord>(**probe, assignmentFromRow);
        if (!rows)
            return Error{rows.error()};
        found += *rows;
    }
    return found;
}

Result<QList<IpAssignmentRecord>>
AccountRepository::conflictingAssignments(const IpAssignmentRecord &assignment) const
{
    const IpNetwork &prefix = assignment.prefix;
    // Blocks are CIDR, so two blocks that share an address are nested: the other block either
    // holds our first address or starts inside our block.
    Result<QList<IpAssignmentRecord>> holding = assignmentsAt(prefix.first(), QDateTime());
    if (!holding)
        return Error{holding.error()};
    Result<SqliteStatement *> inside = m_store.statementCache().get(kAssignmentsStartingIn);
    if (!inside)
        return Error{inside.error()};
    (*inside)->bindInt64(1, familyOf(prefix));
    (*inside)->bindInt64(2, toColumn(prefix.first().hi()));
    (*inside)->bindInt64(3, toColumn(prefix.first().lo()));
    (*inside)->bindInt64(4, toColumn(prefix.last().hi()));
    (*inside)->bindInt64(5, toColumn(prefix.last().lo()));
    Result<QList<IpAssignmentRecord>> starting =
        collect<IpAssignmentRecord>(**inside, assignmentFromRow);
    if (!starting)
        return Error{starting.error()};

    QList<IpAssignmentRecord> conflicts;
    QSet<qint64> seen;
    for (const QList<IpAssignmentRecord> *rows : {&*holding, &*starting}) {
        for (const IpAssignmentRecord &other : *rows) {
            if (other.id == assignment.id || other.accountId == assignment.accountId ||
                !other.validity.overlaps(assignment.validity) || seen.contains(other.id))
                continue;
            seen.insert(other.id);
            conflicts.append(other);
        }
    }
    std::sort(conflicts.begin(), conflicts.end(),
              [](const IpAssignmentRecord &a, const IpAssignmentRecord &b) { return a.id < b.id; });
    return conflicts;
}

Result<QList<HostedDomainRecord>> AccountRepository::domainsAt(const QString &host,
                                                               const QDateTime &at) const
{
    QString name = host.trimmed().toLower();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    QList<HostedDomainRecord> found;
    if (name.isEmpty())
        return found;
    Result<SqliteStatement *> query = m_store.statementCache().get(kDomainsNamed);
    if (!query)
        return Error{query.error()};
    // The name itself, then each parent: "a.b.example", "b.example", "example".
    for (qsizetype start = 0; start >= 0 && start < name.size();) {
        (*query)->bindText(1, name.mid(start));
        (*query)->bindTimestamp(2, at);
        Result<QList<HostedDomainRecord>> rows =
            collect<HostedDomainRecord>(**query, domainFromRow);
        if (!rows)
            return Error{rows.error()};
        found += *rows;
        const qsizetype dot = name.indexOf(QLatin1Char('.'), start);
        start = dot < 0 ? -1 : dot + 1;
    }
    return found;
}

Result<IpNetworkSet> AccountRepository::ourNetworks() const
{
    Result<SqliteStatement *> query = m_store.statementCache().get(kOurNetworks);
    if (!query)
        return Error{query.error()};
    Result<QList<IpNetwork>> networks = collect<IpNetwork>(
        **query, [](const SqliteStatement &row) { return networkFromColumns(row, 3, 1); });
    if (!networks)
        return Error{networks.error()};
    return IpNetworkSet(*networks);
}

} // namespace Awb
