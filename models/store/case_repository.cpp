#include "case_repository_p.h"

#include <QHash>
#include <QSet>

// The case repository's writes; its reads are in case_repository_reads.cpp, the owner, notes
// and customer-response edits in case_repository_edits.cpp. Each write records one audit entry
// per case it changes (a merge, split or move: one, naming the other case as its subject).

namespace Awb {

using namespace CaseRepositoryDetail;

QStringList caseStatusKeys()
{
    return {QStringLiteral("open"), QStringLiteral("awaiting-customer"), QStringLiteral("actioned"),
            QStringLiteral("closed")};
}

namespace {

struct AddedReport
{
    qint64 evidenceId = 0;
    QString reason;
};

QJsonArray reportsJson(const QList<AddedReport> &reports)
{
    QJsonArray array;
    for (const AddedReport &r : reports)
        array.append(QJsonObject{{QStringLiteral("evidence"), r.evidenceId},
                                 {QStringLiteral("reason"), r.reason}});
    return array;
}

QJsonArray idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QString idList(const QList<qint64> &ids)
{
    QStringList texts;
    for (qint64 id : ids)
        texts << QString::number(id);
    return texts.join(QStringLiteral(", "));
}

// One entry per case the grouping run touched: "case-opened" for a new case, "reports-added"
// for an existing one, each listing its reports and why they belong.
Status auditOpened(CaseRepositoryOps &ops, qint64 caseId, const NewCaseInput &input)
{
    Result<QString> publicId = ops.publicId(caseId);
    if (!publicId)
        return Error{publicId.error()};
    QList<AddedReport> reports;
    for (const NewCaseInput::Report &r : input.reports)
        reports.append({r.evidenceId, r.reason});
    const QJsonObject details{{QStringLiteral("account"), input.accountId.isEmpty()
                                                              ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(input.accountId)},
                              {QStringLiteral("origin"), input.originKey},
                              {QStringLiteral("kind"), input.kind},
                              {QStringLiteral("severity"), input.severity},
                              {QStringLiteral("policy_version"), input.policyVersion},
                              {QStringLiteral("reports"), reportsJson(reports)}};
    return ops.audit(
        "case-opened", caseId, *publicId,
        Tr::tr("Opened case %1 with %n report(s).", nullptr, int(reports.size())).arg(*publicId),
        details);
}

Status auditAdded(CaseRepositoryOps &ops, qint64 caseId, const QList<AddedReport> &reports)
{
    Result<QString> publicId = ops.publicId(caseId);
    if (!publicId)
        return Error{publicId.error()};
    return ops.audit(
        "reports-added", caseId, *publicId,
        Tr::tr("Added %n report(s) to case %1.", nullptr, int(reports.size())).arg(*publicId),
        QJsonObject{{QStringLiteral("reports"), reportsJson(reports)}});
}

} // namespace

Result<QList<qint64>> CaseRepository::assign(const CaseAssignmentPlan &plan, const QString &who,
                                             const QDateTime &now)
{
    return inTransaction<QList<qint64>>(m_store, [&]() -> Result<QList<qint64>> {
        CaseRepositoryOps ops(m_store, who, {}, now);
        QList<qint64> touched; // in order of first addition
        QHash<qint64, QList<AddedReport>> added;
        for (const CaseAssignmentPlan::Addition &a : plan.additions) {
            if (!added.contains(a.caseId))
                touched.append(a.caseId);
            added[a.caseId].append({a.evidenceId, a.reason});
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
        for (qint64 caseId : touched) {
            if (Status status = auditAdded(ops, caseId, added.value(caseId)); !status)
                return Error{status.error()};
        }
        QList<qint64> opened;
        for (const NewCaseInput &input : plan.newCases) {
            Result<qint64> id = ops.openCase(m_prefix, input);
            if (!id)
                return Error{id.error()};
            if (Status status = auditOpened(ops, *id, input); !status)
                return Error{status.error()};
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
            return Error{Tr::tr("Cannot merge case %1 into itself.").arg(target->publicId)};
        for (const CaseRecord *c : {&*target, &*source}) {
            if (!c->mergedInto.isEmpty())
                return Error{
                    Tr::tr("Case %1 was merged into %2 already.").arg(c->publicId, c->mergedInto)};
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
                   [&] { return ops.refreshDue(into); }, [&] { return ops.refreshDue(from); },
                   [&] {
                       QList<qint64> moved;
                       for (const CaseReportRecord &r : source->reports)
                           moved.append(r.evidenceId);
                       return ops.audit("case-merge", into, source->publicId,
                                        Tr::tr("Merged case %1 into case %2 (%n report(s) moved).",
                                               nullptr, int(moved.size()))
                                            .arg(source->publicId, target->publicId),
                                        QJsonObject{{QStringLiteral("into"), target->publicId},
                                                    {QStringLiteral("from"), source->publicId},
                                                    {QStringLiteral("from_status"), source->status},
                                                    {QStringLiteral("reports"), idsJson(moved)}});
                   }}));
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
            return Error{Tr::tr("Case %1 was merged into %2; split that case instead.")
                             .arg(source->publicId, source->mergedInto)};
        QList<qint64> members;
        for (const CaseReportRecord &r : source->reports)
            members.append(r.evidenceId);
        for (qint64 id : evidenceIds) {
            if (!members.contains(id))
                return Error{Tr::tr("Report %1 is not in case %2.").arg(id).arg(source->publicId)};
        }
        if (evidenceIds.isEmpty() ||
            QSet<qint64>(evidenceIds.begin(), evidenceIds.end()).size() >= members.size())
            return Error{
                Tr::tr("A split of case %1 must take some of its reports and leave at least "
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
        const QString reason = Tr::tr("split from %1 by %2: %3").arg(source->publicId, who, why);
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
        Result<QString> openedId = ops.publicId(*opened);
        if (!openedId)
            return Error{openedId.error()};
        Status status = steps(
            {[&] { return ops.refreshDue(caseId); }, [&] { return ops.refreshDue(*opened); },
             [&] {
                 return ops.audit("case-split", caseId, *openedId,
                                  Tr::tr("Split report(s) %1 of case %2 into the new case %3.")
                                      .arg(idList(evidenceIds), source->publicId, *openedId),
                                  QJsonObject{{QStringLiteral("from"), source->publicId},
                                              {QStringLiteral("to"), *openedId},
                                              {QStringLiteral("reports"), idsJson(evidenceIds)}});
             }});
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
            return Error{Tr::tr("Report %1 is in no case; group it first.").arg(evidenceId)};
        Result<CaseRecord> source = caseById(*from);
        Result<CaseRecord> target = caseById(toCase);
        if (!source || !target)
            return Error{!source ? source.error() : target.error()};
        if (*from == toCase)
            return Error{
                Tr::tr("Report %1 is in case %2 already.").arg(evidenceId).arg(target->publicId)};
        if (!target->mergedInto.isEmpty())
            return Error{Tr::tr("Case %1 was merged into %2; move the report there instead.")
                             .arg(target->publicId, target->mergedInto)};
        const QString reason = Tr::tr("moved from %1 by %2: %3").arg(source->publicId, who, why);
        return toResult(
            steps({[&] { return ops.moveReport(evidenceId, toCase, reason); },
                   [&] {
                       return ops.event({*from, "move", evidenceId, toCase});
                   },
                   [&] {
                       return ops.event({toCase, "move", evidenceId, *from});
                   },
                   [&] { return ops.refreshDue(*from); }, [&] { return ops.refreshDue(toCase); },
                   [&] {
                       return ops.audit("case-move", toCase, source->publicId,
                                        Tr::tr("Moved report %1 from case %2 to case %3.")
                                            .arg(evidenceId)
                                            .arg(source->publicId, target->publicId),
                                        QJsonObject{{QStringLiteral("evidence"), evidenceId},
                                                    {QStringLiteral("from"), source->publicId},
                                                    {QStringLiteral("to"), target->publicId}});
                   }}));
    }));
}

Status CaseRepository::setStatus(qint64 caseId, const QString &status, const QString &who,
                                 const QString &why, const QDateTime &now)
{
    return toStatus(inTransaction<bool>(m_store, [&]() -> Result<bool> {
        if (!caseStatusKeys().contains(status))
            return Error{Tr::tr("Unknown case status \u201c%1\u201d (one of: %2).")
                             .arg(status, caseStatusKeys().join(QStringLiteral(", ")))};
        Result<CaseRecord> c = caseById(caseId);
        if (!c)
            return Error{c.error()};
        if (!c->mergedInto.isEmpty())
            return Error{Tr::tr("Case %1 was merged into %2 and stays closed.")
                             .arg(c->publicId, c->mergedInto)};
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
                               },
                               [&] {
                                   return ops.audit(
                                       "case-status", caseId, c->publicId,
                                       Tr::tr("Status of case %1 changed from %2 to %3.")
                                           .arg(c->publicId, c->status, status),
                                       QJsonObject{{QStringLiteral("old"), c->status},
                                                   {QStringLiteral("new"), status}});
                               }}));
    }));
}

} // namespace Awb
