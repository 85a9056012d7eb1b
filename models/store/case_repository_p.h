#pragma once

// Private to the case repository: the SQL and the statement helpers that its writes
// (case_repository.cpp) and its reads (case_repository_reads.cpp) share. Not a public header.

#include "audit_log.h"
#include "case_repository.h"
#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace Awb {
namespace CaseRepositoryDetail {

inline constexpr const char kUnassigned[] =
    "SELECT r.evidence_id FROM reports r WHERE NOT EXISTS"
    " (SELECT 1 FROM case_reports cr WHERE cr.evidence_id = r.evidence_id) ORDER BY r.evidence_id";
inline constexpr const char kOpenMembers[] =
    "SELECT cr.case_id, cr.evidence_id, c.account_id, c.kind FROM case_reports cr"
    " JOIN cases c ON c.id = cr.case_id"
    " WHERE c.status <> 'closed' AND c.merged_into IS NULL AND (?1 IS NULL OR EXISTS"
    " (SELECT 1 FROM case_reports x JOIN reports r ON r.evidence_id = x.evidence_id"
    " WHERE x.case_id = c.id AND r.received_at >= ?1)) ORDER BY cr.case_id, cr.evidence_id";
inline constexpr const char kNextSequence[] =
    "SELECT coalesce(max(sequence), 0) + 1 FROM cases WHERE year = ?1";
inline constexpr const char kInsertCase[] =
    "INSERT INTO cases (public_id, year, sequence, account_id, origin_key, kind, status, severity,"
    " policy_version, opened_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8, ?9)";
inline constexpr const char kInsertCaseReport[] =
    "INSERT INTO case_reports (case_id, evidence_id, added_at, reason) VALUES (?1, ?2, ?3, ?4)";
inline constexpr const char kInsertEvent[] =
    "INSERT INTO case_events (case_id, kind, evidence_id, other_case_id, old_value, new_value,"
    " who, at, why) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
// Severity only rises by itself: the rank of the new value against the stored one.
inline constexpr const char kRaiseSeverity[] =
    "UPDATE cases SET severity = ?2 WHERE id = ?1 AND"
    " instr(',info,low,medium,high,critical,', ',' || severity || ',') <"
    " instr(',info,low,medium,high,critical,', ',' || ?2 || ',')";
// reports.response_due is each report's receipt + 72 hours, so the case's is their minimum.
inline constexpr const char kRefreshDue[] =
    "UPDATE cases SET response_due = (SELECT min(r.response_due) FROM case_reports cr"
    " JOIN reports r ON r.evidence_id = cr.evidence_id WHERE cr.case_id = ?1) WHERE id = ?1";
inline constexpr const char kMoveAll[] = "UPDATE case_reports SET case_id = ?1 WHERE case_id = ?2";
inline constexpr const char kCloseMerged[] =
    "UPDATE cases SET status = 'closed', merged_into = ?1 WHERE id = ?2";
inline constexpr const char kMoveOne[] =
    "UPDATE case_reports SET case_id = ?1, added_at = ?3, reason = ?4 WHERE evidence_id = ?2";
inline constexpr const char kCaseOfReport[] =
    "SELECT case_id FROM case_reports WHERE evidence_id = ?1";
inline constexpr const char kSetStatus[] = "UPDATE cases SET status = ?2 WHERE id = ?1";
inline constexpr const char kSetOwner[] = "UPDATE cases SET owner = ?2 WHERE id = ?1";
inline constexpr const char kSetNotes[] = "UPDATE cases SET notes = ?2 WHERE id = ?1";
inline constexpr const char kSetAccount[] =
    "UPDATE cases SET account_id = ?2 WHERE id = ?1 AND account_id IS NULL";
inline constexpr const char kPublicId[] = "SELECT public_id FROM cases WHERE id = ?1";
inline constexpr const char kResolvePublic[] = "SELECT id FROM cases WHERE public_id = ?1";
#define AWB_CASE_SELECT                                                                            \
    "SELECT c.id, c.public_id, c.account_id, c.origin_key, c.kind, c.status, c.severity,"          \
    " c.owner, c.policy_version, c.opened_at, c.response_due, c.notes, m.public_id FROM cases c"   \
    " LEFT JOIN cases m ON m.id = c.merged_into"
inline constexpr const char kCaseById[] = AWB_CASE_SELECT " WHERE c.id = ?1";
inline constexpr const char kAllCases[] = AWB_CASE_SELECT " ORDER BY c.id";
#undef AWB_CASE_SELECT
// ?1 NULL: the reports of every case.
inline constexpr const char kCaseReports[] =
    "SELECT cr.case_id, cr.evidence_id, e.sha256, e.message_id, e.subject, r.format, r.origin_ip,"
    " r.received_at, cr.added_at, cr.reason FROM case_reports cr"
    " JOIN evidence e ON e.id = cr.evidence_id LEFT JOIN reports r ON r.evidence_id = "
    "cr.evidence_id"
    " WHERE ?1 IS NULL OR cr.case_id = ?1 ORDER BY cr.case_id, r.received_at, cr.evidence_id";
inline constexpr const char kEvents[] =
    "SELECT ev.id, ev.kind, ev.evidence_id, o.public_id, ev.old_value, ev.new_value, ev.who,"
    " ev.at, ev.why FROM case_events ev LEFT JOIN cases o ON o.id = ev.other_case_id"
    " WHERE ev.case_id = ?1 ORDER BY ev.id";

// The visible strings of the case repository (writes, edits and reads).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseRepository)
};

inline void bindOptional(SqliteStatement &s, int index, const QString &text)
{
    if (text.isEmpty())
        s.bindNull(index);
    else
        s.bindText(index, text);
}

inline void bindOptional(SqliteStatement &s, int index, qint64 id)
{
    if (id > 0)
        s.bindInt64(index, id);
    else
        s.bindNull(index);
}

struct Event
{
    qint64 caseId = 0;
    const char *kind = "";
    qint64 evidenceId = 0;
    qint64 otherCaseId = 0;
    QString oldValue;
    QString newValue;
    QString why; // null: the operation's why
};

// The statement helpers: one statement, bound by a callback, run to completion or for its rows.
class CaseRepositoryOps
{
public:
    CaseRepositoryOps(CaseStore &store, const QString &who, const QString &why,
                      const QDateTime &now)
        : m_store(store)
        , m_who(who)
        , m_why(why)
        , m_now(now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc())
    {}

    Status exec(const char *sql, const std::function<void(SqliteStatement &)> &bind)
    {
        Result<SqliteStatement *> statement = m_store.statementCache().get(sql);
        if (!statement)
            return Error{statement.error()};
        bind(**statement);
        return (*statement)->exec();
    }

    Status rows(const char *sql, const std::function<void(SqliteStatement &)> &bind,
                const std::function<void(const SqliteStatement &)> &row)
    {
        Result<SqliteStatement *> statement = m_store.statementCache().get(sql);
        if (!statement)
            return Error{statement.error()};
        StatementResetter resetter(**statement);
        bind(**statement);
        for (;;) {
            Result<bool> more = (*statement)->step();
            if (!more)
                return Error{more.error()};
            if (!*more)
                return Status::success();
            row(**statement);
        }
    }

    Status event(const Event &e)
    {
        return exec(kInsertEvent, [&](SqliteStatement &s) {
            s.bindInt64(1, e.caseId);
            s.bindText(2, QString::fromLatin1(e.kind));
            bindOptional(s, 3, e.evidenceId);
            bindOptional(s, 4, e.otherCaseId);
            bindOptional(s, 5, e.oldValue);
            bindOptional(s, 6, e.newValue);
            s.bindText(7, m_who);
            s.bindTimestamp(8, m_now);
            const QString why = e.why.isNull() ? m_why : e.why;
            s.bindText(9, why.isNull() ? QStringLiteral("") : why);
        });
    }

    // The operation's audit entry (audit_log.h), by the operation's analyst at its time. `why`
    // null: the operation's why.
    Status audit(const char *action, qint64 caseId, const QString &subject, const QString &what,
                 const QJsonObject &details, const QString &why = QString())
    {
        AuditEntryInput entry;
        entry.who = m_who;
        entry.action = QString::fromLatin1(action);
        entry.caseId = caseId;
        entry.subject = subject;
        entry.what = what;
        entry.why = why.isNull() ? m_why : why;
        entry.details = details;
        entry.at = m_now;
        Result<qint64> appended = AuditLog(m_store).append(entry);
        return appended ? Status::success() : Status(Error{appended.error()});
    }

    Result<QString> publicId(qint64 caseId)
    {
        QString found;
        Status status = rows(
            kPublicId, [&](SqliteStatement &s) { s.bindInt64(1, caseId); },
            [&](const SqliteStatement &row) { found = row.text(0); });
        if (!status)
            return Error{status.error()};
        return found;
    }

    const QDateTime &now() const { return m_now; }

    Status addReport(qint64 caseId, qint64 evidenceId, const QString &reason)
    {
        return exec(kInsertCaseReport, [&](SqliteStatement &s) {
            s.bindInt64(1, caseId);
            s.bindInt64(2, evidenceId);
            s.bindTimestamp(3, m_now);
            s.bindText(4, reason);
        });
    }

    Status execIds(const char *sql, qint64 first, qint64 second)
    {
        return exec(sql, [&](SqliteStatement &s) {
            s.bindInt64(1, first);
            s.bindInt64(2, second);
        });
    }

    Status moveReport(qint64 evidenceId, qint64 toCase, const QString &reason)
    {
        return exec(kMoveOne, [&](SqliteStatement &s) {
            s.bindInt64(1, toCase);
            s.bindInt64(2, evidenceId);
            s.bindTimestamp(3, m_now);
            s.bindText(4, reason);
        });
    }

    Status refreshDue(qint64 caseId)
    {
        return exec(kRefreshDue, [&](SqliteStatement &s) { s.bindInt64(1, caseId); });
    }

    Status raiseSeverity(qint64 caseId, const QString &severity)
    {
        if (severity.isEmpty())
            return Status::success();
        return exec(kRaiseSeverity, [&](SqliteStatement &s) {
            s.bindInt64(1, caseId);
            s.bindText(2, severity);
        });
    }

    Result<qint64> openCase(const QString &prefix, const NewCaseInput &input)
    {
        const int year = m_now.date().year();
        qint64 sequence = 0;
        Status status = rows(
            kNextSequence, [&](SqliteStatement &s) { s.bindInt64(1, year); },
            [&](const SqliteStatement &row) { sequence = row.int64(0); });
        if (!status)
            return Error{status.error()};
        qint64 caseId = 0;
        status = exec(kInsertCase, [&](SqliteStatement &s) {
            s.bindText(1, QStringLiteral("%1-%2-%3")
                              .arg(prefix)
                              .arg(year)
                              .arg(sequence, 6, 10, QLatin1Char('0')));
            s.bindInt64(2, year);
            s.bindInt64(3, sequence);
            bindOptional(s, 4, input.accountId);
            s.bindText(5, input.originKey.isNull() ? QStringLiteral("") : input.originKey);
            s.bindText(6, input.kind);
            s.bindText(7, input.severity.isEmpty() ? QStringLiteral("info") : input.severity);
            s.bindText(8, input.policyVersion);
            s.bindTimestamp(9, m_now);
        });
        if (!status)
            return Error{status.error()};
        Result<SqliteStatement *> insert = m_store.statementCache().get(kInsertCase);
        caseId = (*insert)->lastInsertId();
        status = event({caseId, "opened"});
        for (const NewCaseInput::Report &report : input.reports) {
            if (status)
                status = addReport(caseId, report.evidenceId, report.reason);
            if (status)
                status =
                    event({caseId, "report-added", report.evidenceId, 0, {}, {}, report.reason});
        }
        if (status)
            status = refreshDue(caseId);
        if (!status)
            return Error{status.error()};
        return caseId;
    }

    Result<qint64> caseOfReport(qint64 evidenceId)
    {
        qint64 caseId = 0;
        Status status = rows(
            kCaseOfReport, [&](SqliteStatement &s) { s.bindInt64(1, evidenceId); },
            [&](const SqliteStatement &row) { caseId = row.int64(0); });
        if (!status)
            return Error{status.error()};
        return caseId;
    }

private:
    CaseStore &m_store;
    QString m_who;
    QString m_why;
    QDateTime m_now;
};

// Runs `work` in one write transaction (a savepoint inside the caller's), committing on success.
template <typename T>
inline Result<T> inTransaction(CaseStore &store, const std::function<Result<T>()> &work)
{
    WriteTransaction transaction(static_cast<sqlite3 *>(store.nativeHandle()), store.path());
    Status status = transaction.begin();
    if (!status)
        return Error{status.error()};
    Result<T> result = work();
    if (result) {
        status = transaction.commit();
        if (!status)
            return Error{status.error()};
    }
    return result; // the transaction's destructor rolls back a failure
}

inline Status toStatus(const Result<bool> &result)
{
    return result ? Status::success() : Status(Error{result.error()});
}

inline Result<bool> toResult(const Status &status)
{
    return status ? Result<bool>(true) : Result<bool>(Error{status.error()});
}

// Runs the steps in order and stops at the first failure.
inline Status steps(std::initializer_list<std::function<Status()>> list)
{
    for (const std::function<Status()> &step : list) {
        Status status = step();
        if (!status)
            return status;
    }
    return Status::success();
}

} // namespace CaseRepositoryDetail
} // namespace Awb
