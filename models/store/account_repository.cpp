#include "account_repository.h"

#include "account_repository_p.h"
#include "audit_log.h"
#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

namespace Awb {

using namespace AccountColumns;

namespace {

constexpr const char kInsertCustomer[] =
    "INSERT INTO customers (account_id, name, email, status, suspended_until, created_at,"
    " country, prepaid_cents, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr const char kUpdateCustomer[] =
    "UPDATE customers SET name = ?2, email = ?3, status = ?4, suspended_until = ?5,"
    " created_at = ?6, country = ?7, prepaid_cents = ?8, imported_at = ?9"
    " WHERE account_id = ?1 AND (name IS NOT ?2 OR email IS NOT ?3 OR status IS NOT ?4"
    " OR suspended_until IS NOT ?5 OR created_at IS NOT ?6 OR country IS NOT ?7"
    " OR prepaid_cents IS NOT ?8)";

constexpr const char kAssignmentId[] =
    "SELECT id FROM ip_assignments WHERE account_id = ?1 AND prefix = ?2 AND valid_from = ?3";
constexpr const char kInsertAssignment[] =
    "INSERT INTO ip_assignments (account_id, prefix, family, prefix_length, first_hi, first_lo,"
    " last_hi, last_lo, valid_from, valid_to, service_id, source_file, source_line)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr const char kUpdateAssignment[] =
    "UPDATE ip_assignments SET valid_to = ?2, service_id = ?3, source_file = ?4, source_line = ?5"
    " WHERE id = ?1 AND (valid_to IS NOT ?2 OR service_id IS NOT ?3)";

constexpr const char kDomainId[] =
    "SELECT id FROM hosted_domains WHERE account_id = ?1 AND domain = ?2 AND valid_from = ?3";
constexpr const char kInsertDomain[] =
    "INSERT INTO hosted_domains (account_id, domain, valid_from, valid_to, source_file,"
    " source_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char kUpdateDomain[] =
    "UPDATE hosted_domains SET valid_to = ?2, source_file = ?3, source_line = ?4"
    " WHERE id = ?1 AND valid_to IS NOT ?2";

constexpr const char kEnforcementId[] =
    "SELECT id FROM enforcement_history WHERE account_id = ?1 AND date = ?2 AND action = ?3"
    " AND reference = ?4";
constexpr const char kInsertEnforcement[] =
    "INSERT INTO enforcement_history (account_id, date, action, clause, reference, notes, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char kUpdateEnforcement[] =
    "UPDATE enforcement_history SET clause = ?2, notes = ?3"
    " WHERE id = ?1 AND (clause IS NOT ?2 OR notes IS NOT ?3)";

constexpr const char kRecordImport[] =
    "INSERT INTO account_imports (file, sha256, kind, imported_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (sha256) DO NOTHING";

Result<UpsertOutcome> runUpdate(SqliteStatement &update)
{
    Status status = update.exec();
    if (!status)
        return Error{status.error()};
    return update.changes() > 0 ? UpsertOutcome::Updated : UpsertOutcome::Unchanged;
}

Result<UpsertOutcome> runInsert(SqliteStatement &insert, qint64 *id)
{
    Status status = insert.exec();
    if (!status)
        return Error{status.error()};
    if (id)
        *id = insert.lastInsertId();
    return UpsertOutcome::Inserted;
}

} // namespace

QString Validity::toString() const
{
    auto text = [](const QDateTime &value, bool end) {
        const QDateTime utc = value.toUTC();
        const QTime wholeDay = end ? QTime(23, 59, 59, 999) : QTime(0, 0);
        if (utc.time() == wholeDay)
            return utc.date().toString(Qt::ISODate);
        return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    };
    const QString end = to.isValid() ? text(to, true)
                                     : QCoreApplication::translate("Awb::AccountRepository", "now");
    return QCoreApplication::translate("Awb::AccountRepository", "%1 to %2")
        .arg(text(from, false), end);
}

QString SourceRow::toString() const
{
    if (file.isEmpty())
        return QString();
    return QCoreApplication::translate("Awb::AccountRepository", "%1 line %2").arg(file).arg(line);
}

QString upsertOutcomeName(UpsertOutcome outcome)
{
    switch (outcome) {
    case UpsertOutcome::Inserted:
        return QStringLiteral("inserted");
    case UpsertOutcome::Updated:
        return QStringLiteral("updated");
    case UpsertOutcome::Unchanged:
        break;
    }
    return QStringLiteral("unchanged");
}

AccountRepository::AccountRepository(CaseStore &store)
    : m_store(store)
{}

Result<UpsertOutcome> AccountRepository::upsertCustomer(const CustomerRecord &customer)
{
    Result<bool> exists = hasCustomer(customer.accountId);
    if (!exists)
        return Error{exists.error()};
    Result<SqliteStatement *> write =
        m_store.statementCache().get(*exists ? kUpdateCustomer : kInsertCustomer);
    if (!write)
        return Error{write.error()};
    SqliteStatement &s = **write;
    s.bindText(1, customer.accountId);
    s.bindText(2, emptyIfNull(customer.name));
    s.bindText(3, customer.email.isEmpty() ? QString() : customer.email);
    s.bindText(4, customer.status);
    s.bindTimestamp(5, customer.suspendedUntil);
    s.bindTimestamp(6, customer.createdAt);
    s.bindText(7, customer.country.isEmpty() ? QString() : customer.country);
    if (customer.prepaidCents)
        s.bindInt64(8, *customer.prepaidCents);
    else
        s.bindNull(8);
    s.bindTimestamp(9, QDateTime::currentDateTimeUtc());
    return counted(*exists ? runUpdate(s) : runInsert(s, nullptr));
}

Result<UpsertOutcome> AccountRepository::upsertAssignment(const IpAssignmentRecord &assignment,
                                                          qint64 *id)
{
    Result<SqliteStatement *> find = m_store.statementCache().get(kAssignmentId);
    if (!find)
        return Error{find.error()};
    (*find)->bindText(1, assignment.accountId);
    (*find)->bindText(2, assignment.prefix.toString());
    (*find)->bindTimestamp(3, assignment.validity.from);
    Result<qint64> existing = existingId(**find);
    if (!existing)
        return Error{existing.error()};
    const QString serviceId = assignment.serviceId.isEmpty() ? QString() : assignment.serviceId;
    if (*existing != 0) {
        if (id)
            *id = *existing;
        Result<SqliteStatement *> update = m_store.statementCache().get(kUpdateAssignment);
        if (!update)
            return Error{update.error()};
        (*update)->bindInt64(1, *existing);
        (*update)->bindTimestamp(2, assignment.validity.to);
        (*update)->bindText(3, serviceId);
        (*update)->bindText(4, assignment.source.file);
        (*update)->bindInt64(5, assignment.source.line);
        return counted(runUpdate(**update));
    }
    Result<SqliteStatement *> insert = m_store.statementCache().get(kInsertAssignment);
    if (!insert)
        return Error{insert.error()};
    SqliteStatement &s = **insert;
    const IpNetwork &prefix = assignment.prefix;
    s.bindText(1, assignment.accountId);
    s.bindText(2, prefix.toString());
    s.bindInt64(3, familyOf(prefix));
    s.bindInt64(4, prefix.prefixLength());
    s.bindInt64(5, toColumn(prefix.first().hi()));
    s.bindInt64(6, toColumn(prefix.first().lo()));
    s.bindInt64(7, toColumn(prefix.last().hi()));
    s.bindInt64(8, toColumn(prefix.last().lo()));
    s.bindTimestamp(9, assignment.validity.from);
    s.bindTimestamp(10, assignment.validity.to);
    s.bindText(11, serviceId);
    s.bindText(12, assignment.source.file);
    s.bindInt64(13, assignment.source.line);
    return counted(runInsert(s, id));
}

Result<UpsertOutcome> AccountRepository::upsertDomain(const HostedDomainRecord &domain)
{
    Result<SqliteStatement *> find = m_store.statementCache().get(kDomainId);
    if (!find)
        return Error{find.error()};
    (*find)->bindText(1, domain.accountId);
    (*find)->bindText(2, domain.domain);
    (*find)->bindTimestamp(3, domain.validity.from);
    Result<qint64> existing = existingId(**find);
    if (!existing)
        return Error{existing.error()};
    Result<SqliteStatement *> write =
        m_store.statementCache().get(*existing ? kUpdateDomain : kInsertDomain);
    if (!write)
        return Error{write.error()};
    SqliteStatement &s = **write;
    if (*existing) {
        s.bindInt64(1, *existing);
        s.bindTimestamp(2, domain.validity.to);
        s.bindText(3, domain.source.file);
        s.bindInt64(4, domain.source.line);
        return counted(runUpdate(s));
    }
    s.bindText(1, domain.accountId);
    s.bindText(2, domain.domain);
    s.bindTimestamp(3, domain.validity.from);
    s.bindTimestamp(4, domain.validity.to);
    s.bindText(5, domain.source.file);
    s.bindInt64(6, domain.source.line);
    return counted(runInsert(s, nullptr));
}

Result<UpsertOutcome> AccountRepository::upsertEnforcement(const EnforcementRecord &record)
{
    Result<SqliteStatement *> find = m_store.statementCache().get(kEnforcementId);
    if (!find)
        return Error{find.error()};
    (*find)->bindText(1, record.accountId);
    (*find)->bindTimestamp(2, record.date);
    (*find)->bindText(3, record.action);
    (*find)->bindText(4, emptyIfNull(record.reference));
    Result<qint64> existing = existingId(**find);
    if (!existing)
        return Error{existing.error()};
    Result<SqliteStatement *> write =
        m_store.statementCache().get(*existing ? kUpdateEnforcement : kInsertEnforcement);
    if (!write)
        return Error{write.error()};
    SqliteStatement &s = **write;
    if (*existing) {
        s.bindInt64(1, *existing);
        s.bindText(2, emptyIfNull(record.clause));
        s.bindText(3, emptyIfNull(record.notes));
        return counted(runUpdate(s));
    }
    s.bindText(1, record.accountId);
    s.bindTimestamp(2, record.date);
    s.bindText(3, record.action);
    s.bindText(4, emptyIfNull(record.clause));
    s.bindText(5, emptyIfNull(record.reference));
    s.bindText(6, emptyIfNull(record.notes));
    s.bindText(7, record.source.isEmpty() ? QStringLiteral("import") : record.source);
    return counted(runInsert(s, nullptr));
}

Result<bool> AccountRepository::recordImport(const QString &file, const QByteArray &sha256Hex,
                                             const QString &kind)
{
    Result<SqliteStatement *> insert = m_store.statementCache().get(kRecordImport);
    if (!insert)
        return Error{insert.error()};
    (*insert)->bindText(1, file);
    (*insert)->bindText(2, QString::fromLatin1(sha256Hex));
    (*insert)->bindText(3, kind);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    (*insert)->bindTimestamp(4, now);
    Status status = (*insert)->exec();
    if (!status)
        return Error{status.error()};
    const bool recorded = (*insert)->changes() > 0;
    const UpsertCounts counts = std::exchange(m_counts, UpsertCounts());
    // A file imported again without any change is no change to the directory: no entry.
    if (!recorded && counts.inserted == 0 && counts.updated == 0)
        return recorded;
    AuditEntryInput entry;
    entry.action = QStringLiteral("accounts-import");
    entry.subject = file;
    entry.what = QCoreApplication::translate(
                     "Awb::AccountRepository",
                     "Imported the account file %1 (%2): %3 rows added, %4 changed, %5 unchanged.")
                     .arg(QFileInfo(file).fileName(), kind)
                     .arg(counts.inserted)
                     .arg(counts.updated)
                     .arg(counts.unchanged);
    entry.details = QJsonObject{{QStringLiteral("file"), file},
                                {QStringLiteral("sha256"), QString::fromLatin1(sha256Hex)},
                                {QStringLiteral("kind"), kind},
                                {QStringLiteral("inserted"), counts.inserted},
                                {QStringLiteral("updated"), counts.updated},
                                {QStringLiteral("unchanged"), counts.unchanged},
                                {QStringLiteral("new_file"), recorded}};
    entry.at = now;
    Result<qint64> appended = AuditLog(m_store).append(entry);
    if (!appended)
        return Error{appended.error()};
    return recorded;
}

Result<UpsertOutcome> AccountRepository::counted(Result<UpsertOutcome> outcome)
{
    if (outcome) {
        switch (*outcome) {
        case UpsertOutcome::Inserted:
            ++m_counts.inserted;
            break;
        case UpsertOutcome::Updated:
            ++m_counts.updated;
            break;
        case UpsertOutcome::Unchanged:
            ++m_counts.unchanged;
            break;
        }
    }
    return outcome;
}

} // namespace Awb
