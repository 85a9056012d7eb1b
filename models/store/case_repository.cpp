#include "case_repository.h"

#include "case_store.h"
#include "sqlite_statement.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <functional>

namespace Awb {

namespace {

constexpr const char kUnassigned[] =
    "SELECT r.evidence_id FROM reports r WHERE NOT EXISTS"
    " (SELECT 1 FROM case_reports cr WHERE cr.evidence_id = r.evidence_id) ORDER BY r.evidence_id";
constexpr const char kOpenMembers[] =
    "SELECT cr.case_id, cr.evidence_id, c.account_id, c.kind FROM case_reports cr"
    " JOIN cases c ON c.id = cr.case_id"
    " WHERE c.status <> 'closed' AND c.merged_into IS NULL AND (?1 IS NULL OR EXISTS"
    " (SELECT 1 FROM case_reports x JOIN reports r ON r.evidence_id = x.evidence_id"
    " WHERE x.case_id = c.id AND r.received_at >= ?1)) ORDER BY cr.case_id, cr.evidence_id";
constexpr const char kNextSequence[] =
    "SELECT coalesce(max(sequence), 0) + 1 FROM cases WHERE year = ?1";
constexpr const char kInsertCase[] =
    "INSERT INTO cases (public_id, year, sequence, account_id, origin_key, kind, status, severity,"
    " policy_version, opened_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8, ?9)";
constexpr const char kInsertCaseReport[] =
    "INSERT INTO case_reports (case_id, evidence_id, added_at, reason) VALUES (?1, ?2, ?3, ?4)";
constexpr const char kInsertEvent[] =
    "INSERT INTO case_events (case_id, kind, evidence_id, other_case_id, old_value, new_value,"
    " who, at, why) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
// Severity only rises by itself: the rank of the new value against the stored one.
constexpr const char kRaiseSeverity[] =
    "UPDATE cases SET severity = ?2 WHERE id = ?1 AND"
    " instr(',info,low,medium,high,critical,', ',' || severity || ',') <"
    " instr(',info,low,medium,high,critical,', ',' || ?2 || ',')";
// reports.response_due is each report's receipt + 72 hours, so the case's is their minimum.
constexpr const char kRefreshDue[] =
    "UPDATE cases SET response_due = (SELECT min(r.response_due) FROM case_reports cr"
    " JOIN reports r ON r.evidence_id = cr.evidence_id WHERE cr.case_id = ?1) WHERE id = ?1";
constexpr const char kMoveAll[] = "UPDATE case_reports SET case_id = ?1 WHERE case_id = ?2";
constexpr const char kCloseMerged[] =
    "UPDATE cases SET status = 'closed', merged_into = ?1 WHERE id = ?2";
constexpr const char kMoveOne[] =
    "UPDATE case_reports SET case_id = ?1, added_at = ?3, reason = ?4 WHERE evidence_id = ?2";
constexpr const char kCaseOfReport[] = "SELECT case_id FROM case_reports WHERE evidence_id = ?1";
constexpr const char kSetStatus[] = "UPDATE cases SET status = ?2 WHERE id = ?1";
constexpr const char kResolvePublic[] = "SELECT id FROM cases WHERE public_id = ?1";
#define AWB_CASE_SELECT                                                                            \
    "SELECT c.id, c.public_id, c.account_id, c.origin_key, c.kind, c.status, c.severity,"          \
    " c.owner, c.policy_version, c.opened_at, c.response_due, c.notes, m.public_id FROM cases c"   \
    " LEFT JOIN cases m ON m.id = c.merged_into"
constexpr const char kCaseById[] = AWB_CASE_SELECT " WHERE c.id = ?1";
constexpr const char kAllCases[] = AWB_CASE_SELECT " ORDER BY c.id";
#undef AWB_CASE_SELECT
// ?1 NULL: the reports of every case.
constexpr const char kCaseReports[] =
    "SELECT cr.case_id, cr.evidence_id, e.sha256, e.message_id, e.subject, r.format, r.origin_ip,"
    " r.received_at, cr.added_at, cr.reason FROM case_reports cr"
    " JOIN evidence e ON e.id = cr.evidence_id LEFT JOIN reports r ON r.evidence_id = "
    "cr.evidence_id"
    " WHERE ?1 IS NULL OR cr.case_id = ?1 ORDER BY cr.case_id, r.received_at, cr.evidence_id";
constexpr const char kEvents[] =
    "SELECT ev.id, ev.kind, ev.evidence_id, o.public_id, ev.old_value, ev.new_value, ev.who,"
    " ev.at, ev.why FROM case_events ev LEFT JOIN cases o ON o.id = ev.other_case_id"
    " WHERE ev.case_id = ?1 ORDER BY ev.id";

QString tr(const char *text)
{
    return QCoreApplication::translate("Awb::CaseRepository", text);
}

void bindOptional(SqliteStatement &s, int index, const QString &text)
{
    if (text.isEmpty())
        s.bindNull(index);
    else
        s.bindText(index, text);
}

void bindOptional(SqliteStatement &s, int index, qint64 id)
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

} // namespace

QStringList caseStatusKeys()
{
    return {QStringLiteral("open"), QStringLiteral("awaiting-customer"), QStringLiteral("actioned"),
            QStringLiteral("closed")};
}

// The private helpers: one statement, bound by a callback, run to completion or for its rows.
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

CaseRepository::CaseRepository(CaseStore &store, QString casePrefix)
    : m_store(store)
    , m_prefix(std::move(casePrefix))
{}

Result<QList<qint64>> CaseRepository::unassignedReports() const
{
    QList<qint64> ids;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = ops.rows(
        kUnassigned, [](SqliteStatement &) {},
        [&](const SqliteStatement &row) { ids.append(row.int64(0)); });
    if (!status)
        return Error{status.error()};
    return ids;
}

Result<QList<CaseMember>> CaseRepository::openCaseMembers(const QDateTime &since) const
{
    QList<CaseMember> members;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = ops.rows(
        kOpenMembers, [&](SqliteStatement &s) { s.bindTimestamp(1, since); },
        [&](const SqliteStatement &row) {
            members.append({row.int64(0), row.int64(1), row.text(2), row.text(3)});
        });
    if (!status)
        return Error{status.error()};
    return members;
}

namespace {

CaseRecord readCase(const SqliteStatement &row)
{
    CaseRecord c;
    c.id = row.int64(0);
    c.publicId = row.text(1);
    c.accountId = row.text(2);
    c.originKey = row.text(3);
    c.kind = row.text(4);
    c.status = row.text(5);
    c.severity = row.text(6);
    c.owner = row.text(7);
    c.policyVersion = row.text(8);
    c.openedAt = row.timestamp(9);
    c.responseDue = row.timestamp(10);
    c.notes = row.text(11);
    c.mergedInto = row.text(12);
    return c;
}

CaseReportRecord readCaseReport(const SqliteStatement &row)
{
    CaseReportRecord r;
    r.evidenceId = row.int64(1);
    r.sha256Hex = row.text(2).toLatin1();
    r.messageId = row.text(3);
    r.subject = row.text(4);
    r.format = row.text(5);
    r.originIp = row.text(6);
    r.receivedAt = row.timestamp(7);
    r.addedAt = row.timestamp(8);
    r.reason = row.text(9);
    return r;
}

// Runs `work` in one write transaction (a savepoint inside the caller's), committing on success.
template <typename T>
Result<T> inTransaction(CaseStore &store, const std::function<Result<T>()> &work)
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

Status toStatus(const Result<bool> &result)
{
    return result ? Status::success() : Status(Error{result.error()});
}

Result<bool> toResult(const Status &status)
{
    return status ? Result<bool>(true) : Result<bool>(Error{status.error()});
}

// Runs the steps in order and stops at the first failure.
Status steps(std::initializer_list<std::function<Status()>> list)
{
    for (const std::function<Status()> &step : list) {
        Status status = step();
        if (!status)
            return status;
    }
    return Status::success();
}

} // namespace

Result<QList<qint64>> CaseRepository::assign(const CaseAssignmentPlan &plan, const QString &who,
                                             const QDateTime &now)
{
    return inTransaction<QList<qint64>>(m_store, [&]() -> Result<QList<qint64>> {
        CaseRepositoryOps ops(m_store, who, {}, now);
        for (const CaseAssignmentPlan::Addition &a : plan.additions) {
            Status status =
                steps({[&] { return ops.addReport(a.caseId, a.evidenceId, a.reason); },
                       [&] {
                           return ops.event(
                               {a.caseId, "report-added", a.evidenceId, 0, {}, {}, a.reason});
                       },
                       [&] { return ops.raiseSeverity(a.caseId, a.severity); },
                       [&] { return ops.refreshDue(a.caseId); }});
            if (!status)
                return Error{status.error()};
        }
        QList<qint64> opened;
        for (const NewCaseInput &input : plan.newCases) {
            Result<qint64> id = ops.openCase(m_prefix, input);
            if (!id)
                return Error{id.error()};
            opened.append(*id);
        }
        return opened;
    });
}

Status CaseRepository::merge(qint64 into, qint64 from, const QString &who, const QString &why,
                             const QDateTime &now)
{
    return toStatus(inTransaction<bool>(m_store, [&]() -> Result<bool> {
        Result<CaseRecord> target = caseById(into);
        Result<CaseRecord> source = caseById(from);
        if (!target || !source)
            return Error{!target ? target.error() : source.error()};
        if (into == from)
            return Error{tr("Cannot merge case %1 into itself.").arg(target->publicId)};
        for (const CaseRecord *c : {&*target, &*source}) {
            if (!c->mergedInto.isEmpty())
                return Error{
                    tr("Case %1 was merged into %2 already.").arg(c->publicId, c->mergedInto)};
        }
        CaseRepositoryOps ops(m_store, who, why, now);
        return toResult(
            steps({[&] { return ops.execIds(kMoveAll, into, from); },
                   [&] { return ops.execIds(kCloseMerged, into, from); },
                   [&] {
                       return ops.event({into, "merge", 0, from});
                   },
                   [&] {
                       return ops.event({from, "merge", 0, into, source->status, "closed"});
                   },
                   [&] { return ops.raiseSeverity(into, source->severity); },
                   [&] { return ops.refreshDue(into); }, [&] { return ops.refreshDue(from); }}));
    }));
}

Result<qint64> CaseRepository::split(qint64 caseId, const QList<qint64> &evidenceIds,
                                     const QString &who, const QString &why, const QDateTime &now)
{
    return inTransaction<qint64>(m_store, [&]() -> Result<qint64> {
        Result<CaseRecord> source = caseById(caseId);
        if (!source)
            return Error{source.error()};
        if (!source->mergedInto.isEmpty())
            return Error{tr("Case %1 was merged into %2; split that case instead.")
                             .arg(source->publicId, source->mergedInto)};
        QList<qint64> members;
        for (const CaseReportRecord &r : source->reports)
            members.append(r.evidenceId);
        for (qint64 id : evidenceIds) {
            if (!members.contains(id))
                return Error{tr("Report %1 is not in case %2.").arg(id).arg(source->publicId)};
        }
        if (evidenceIds.isEmpty() ||
            QSet<qint64>(evidenceIds.begin(), evidenceIds.end()).size() >= members.size())
            return Error{tr("A split of case %1 must take some of its reports and leave at least "
                            "one behind.")
                             .arg(source->publicId)};
        CaseRepositoryOps ops(m_store, who, why, now);
        NewCaseInput input;
        input.accountId = source->accountId;
        input.originKey = source->originKey;
        input.kind = source->kind;
        input.severity = source->severity;
        input.policyVersion = source->policyVersion;
        Result<qint64> opened = ops.openCase(m_prefix, input);
        if (!opened)
            return Error{opened.error()};
        const QString reason = tr("split from %1 by %2: %3").arg(source->publicId, who, why);
        for (qint64 id : evidenceIds) {
            Status status = steps({[&] { return ops.moveReport(id, *opened, reason); },
                                   [&] {
                                       return ops.event({caseId, "split", id, *opened});
                                   },
                                   [&] {
                                       return ops.event({*opened, "split", id, caseId});
                                   }});
            if (!status)
                return Error{status.error()};
        }
        Status status = steps(
            {[&] { return ops.refreshDue(caseId); }, [&] { return ops.refreshDue(*opened); }});
        if (!status)
            return Error{status.error()};
        return *opened;
    });
}

Status CaseRepository::move(qint64 evidenceId, qint64 toCase, const QString &who,
                            const QString &why, const QDateTime &now)
{
    return toStatus(inTransaction<bool>(m_store, [&]() -> Result<bool> {
        CaseRepositoryOps ops(m_store, who, why, now);
        Result<qint64> from = ops.caseOfReport(evidenceId);
        if (!from)
            return Error{from.error()};
        if (*from == 0)
            return Error{tr("Report %1 is in no case; group it first.").arg(evidenceId)};
        Result<CaseRecord> source = caseById(*from);
        Result<CaseRecord> target = caseById(toCase);
        if (!source || !target)
            return Error{!source ? source.error() : target.error()};
        if (*from == toCase)
            return Error{
                tr("Report %1 is in case %2 already.").arg(evidenceId).arg(target->publicId)};
        if (!target->mergedInto.isEmpty())
            return Error{tr("Case %1 was merged into %2; move the report there instead.")
                             .arg(target->publicId, target->mergedInto)};
        const QString reason = tr("moved from %1 by %2: %3").arg(source->publicId, who, why);
        return toResult(
            steps({[&] { return ops.moveReport(evidenceId, toCase, reason); },
                   [&] {
                       return ops.event({*from, "move", evidenceId, toCase});
                   },
                   [&] {
                       return ops.event({toCase, "move", evidenceId, *from});
                   },
                   [&] { return ops.refreshDue(*from); }, [&] { return ops.refreshDue(toCase); }}));
    }));
}

Status CaseRepository::setStatus(qint64 caseId, const QString &status, const QString &who,
                                 const QString &why, const QDateTime &now)
{
    return toStatus(inTransaction<bool>(m_store, [&]() -> Result<bool> {
        if (!caseStatusKeys().contains(status))
            return Error{tr("Unknown case status \u201c%1\u201d (one of: %2).")
                             .arg(status, caseStatusKeys().join(QStringLiteral(", ")))};
        Result<CaseRecord> c = caseById(caseId);
        if (!c)
            return Error{c.error()};
        if (!c->mergedInto.isEmpty())
            return Error{
                tr("Case %1 was merged into %2 and stays closed.").arg(c->publicId, c->mergedInto)};
        if (c->status == status)
            return true;
        CaseRepositoryOps ops(m_store, who, why, now);
        return toResult(steps({[&] {
                                   return ops.exec(kSetStatus, [&](SqliteStatement &s) {
                                       s.bindInt64(1, caseId);
                                       s.bindText(2, status);
                                   });
                               },
                               [&] {
                                   return ops.event({caseId, "status", 0, 0, c->status, status});
                               }}));
    }));
}

Result<QList<CaseRecord>> CaseRepository::cases() const
{
    QList<CaseRecord> list;
    QHash<qint64, qsizetype> index;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = ops.rows(
        kAllCases, [](SqliteStatement &) {},
        [&](const SqliteStatement &row) {
            index.insert(row.int64(0), list.size());
            list.append(readCase(row));
        });
    if (status)
        status = ops.rows(
            kCaseReports, [](SqliteStatement &s) { s.bindNull(1); },
            [&](const SqliteStatement &row) {
                if (auto it = index.constFind(row.int64(0)); it != index.cend())
                    list[*it].reports.append(readCaseReport(row));
            });
    if (!status)
        return Error{status.error()};
    return list;
}

Result<CaseRecord> CaseRepository::caseById(qint64 caseId) const
{
    std::optional<CaseRecord> found;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    auto bindId = [caseId](SqliteStatement &s) { s.bindInt64(1, caseId); };
    Status status =
        ops.rows(kCaseById, bindId, [&](const SqliteStatement &row) { found = readCase(row); });
    if (status && !found)
        return Error{tr("There is no case %1 in \u201c%2\u201d.").arg(caseId).arg(m_store.path())};
    if (status)
        status = ops.rows(kCaseReports, bindId, [&](const SqliteStatement &row) {
            found->reports.append(readCaseReport(row));
        });
    if (status)
        status = ops.rows(kEvents, bindId, [&](const SqliteStatement &row) {
            found->events.append({row.int64(0), row.text(1), row.isNull(2) ? 0 : row.int64(2),
                                  row.text(3), row.text(4), row.text(5), row.text(6),
                                  row.timestamp(7), row.text(8)});
        });
    if (!status)
        return Error{status.error()};
    return *found;
}

Result<qint64> CaseRepository::resolve(const QString &idText) const
{
    bool numeric = false;
    const qint64 rowId = idText.toLongLong(&numeric);
    qint64 found = 0;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = numeric
                        ? Status::success()
                        : ops.rows(
                              kResolvePublic, [&](SqliteStatement &s) { s.bindText(1, idText); },
                              [&](const SqliteStatement &row) { found = row.int64(0); });
    if (!status)
        return Error{status.error()};
    if (numeric) {
        Result<CaseRecord> c = caseById(rowId);
        if (!c)
            return Error{c.error()};
        return rowId;
    }
    if (found == 0)
        return Error{
            tr("There is no case \u201c%1\u201d in \u201c%2\u201d.").arg(idText, m_store.path())};
    return found;
}

Result<std::optional<qint64>> CaseRepository::caseOfReport(qint64 evidenceId) const
{
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Result<qint64> caseId = ops.caseOfReport(evidenceId);
    if (!caseId)
        return Error{caseId.error()};
    return *caseId > 0 ? std::optional<qint64>(*caseId) : std::nullopt;
}

} // namespace Awb
