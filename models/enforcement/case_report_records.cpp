// The case report's records: decision, notices, deadlines, timeline, account history, audit.
#include "enforcement/case_advice.h"
#include "enforcement/case_deadlines.h"
#include "enforcement/case_facts.h"
#include "enforcement/case_report_data.h"
#include "enforcement/case_report_data_p.h"
#include "policy/hong_kong_time.h"
#include "store/case_store.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseReportData)
};

QString eventSentence(const CaseEventRecord &event, const CaseReportRedaction &redaction)
{
    const QString value = redaction.text(event.newValue);
    if (event.kind == QLatin1String("opened"))
        return Tr::tr("Case opened.");
    if (event.kind == QLatin1String("report-added"))
        return Tr::tr("Report %1 added to the case.").arg(event.evidenceId);
    if (event.kind == QLatin1String("merge"))
        return Tr::tr("Merge with %1.").arg(event.otherCaseId);
    if (event.kind == QLatin1String("split"))
        return Tr::tr("Split with %1.").arg(event.otherCaseId);
    if (event.kind == QLatin1String("move"))
        return Tr::tr("Report %1 moved (%2).").arg(event.evidenceId).arg(event.otherCaseId);
    if (event.kind == QLatin1String("status"))
        return Tr::tr("Status changed from %1 to %2.").arg(event.oldValue, value);
    if (event.kind == QLatin1String("owner"))
        return value.isEmpty() ? Tr::tr("Owner cleared.") : Tr::tr("Owner set to %1.").arg(value);
    if (event.kind == QLatin1String("notes"))
        return Tr::tr("Notes edited.");
    if (event.kind == QLatin1String("attributed"))
        return Tr::tr("Attributed to account %1 (%2)").arg(value, event.why);
    if (event.kind == QLatin1String("decision"))
        return event.oldValue.isEmpty()
                   ? Tr::tr("Decision: %1.").arg(value)
                   : Tr::tr("Decision: %1 (advisor proposed %2).").arg(value, event.oldValue);
    if (event.kind == QLatin1String("notice"))
        return Tr::tr("Notice sent: %1 (to the %2).").arg(value, event.oldValue);
    if (event.kind == QLatin1String("customer-response"))
        return Tr::tr("Customer response: %1").arg(value);
    return Tr::tr("%1: %2").arg(event.kind, value);
}

void buildTimeline(const CaseFacts &facts, const CaseReportRedaction &redaction,
                   CaseReportData &data)
{
    for (const CaseReportEntry &report : data.reports) {
        if (report.receivedAt.isValid())
            data.timeline.append({report.receivedAt, QStringLiteral("received"),
                                  Tr::tr("Report %1 (%2) received from %3.")
                                      .arg(report.evidenceId)
                                      .arg(report.format, report.reporter),
                                  QString()});
    }
    bool acknowledged = false;
    for (const CaseEventRecord &event : facts.record.events) {
        QString kind = event.kind;
        if (kind == QLatin1String("notice") && event.newValue == QLatin1String("acknowledgement") &&
            !acknowledged) {
            kind = QStringLiteral("acknowledged");
            acknowledged = true;
        }
        data.timeline.append({event.at, kind, eventSentence(event, redaction), event.who});
    }
    for (const CaseDeadline &deadline : data.deadlines) {
        const QDateTime at = deadline.metAt.isValid() ? deadline.metAt : deadline.deadline.due;
        if (at.isValid())
            data.timeline.append(
                {at, QStringLiteral("deadline"), caseDeadlineSentence(deadline), {}});
    }
    std::stable_sort(data.timeline.begin(), data.timeline.end(),
                     [](const CaseReportTimelineItem &a, const CaseReportTimelineItem &b) {
                         return a.at < b.at;
                     });
}

void buildHistory(const CaseFacts &facts, const CaseReportRedaction &redaction,
                  CaseReportData &data)
{
    if (!facts.history)
        return;
    const AccountHistory &history = *facts.history;
    data.windowStart = history.windowStart;
    // Prior offences: the case's own decision, once recorded, is not one of them (as the advisor
    // counts them).
    data.confirmedOffences = int(std::count_if(
        history.events.cbegin(), history.events.cend(), [&facts](const AccountEvent &e) {
            return e.confirmedOffence && e.inWindow && e.caseId != facts.record.id;
        }));
    data.offenceRule = history.offenceRule;
    QMap<QDate, int> events;
    for (const AccountEvent &event : history.events) {
        if (!event.inWindow)
            continue;
        events[event.at.toUTC().date()] += 1;
        data.historyRows.append({event.at, accountEventKindLabel(event.kind), event.reference,
                                 redaction.text(event.notes), event.confirmedOffence});
    }
    const QDate last = history.now.toUTC().date();
    for (QDate day = history.windowStart.toUTC().date(); day.isValid() && day <= last;
         day = day.addDays(1))
        data.historyDays.append({day, history.reportsPerDay.value(day), events.value(day)});
}

} // namespace

Status loadCaseReportDecision(CaseStore &store, CaseReportData &data)
{
    Result<QList<DecisionRecord>> decisions = DecisionRepository(store).forCase(data.record.id);
    if (!decisions)
        return Error{decisions.error()};
    if (decisions->isEmpty())
        return Status::success();
    CaseReportDecision decision;
    decision.record = decisions->last();
    decision.earlier = decisions->mid(0, decisions->size() - 1);
    Result<Recommendation> advice =
        recommendationFromJson(QJsonDocument::fromJson(decision.record.adviceJson).object());
    if (advice)
        decision.recommendation = *advice;
    decision.liability = liabilityOfDecision(decision.record);
    data.decision = decision;
    return Status::success();
}

Status loadCaseReportRecords(CaseStore &store, const CaseFacts &facts,
                             const CaseReportRedaction &redaction, CaseReportData &data)
{
    Result<QList<NoticeRecord>> notices = NoticeRepository(store).forCase(data.record.id);
    if (!notices)
        return Error{notices.error()};
    for (NoticeRecord notice : *notices) {
        if (notice.recipientRole != QLatin1String("customer"))
            notice.recipient = redaction.address(notice.recipient);
        notice.subject = redaction.text(notice.subject);
        data.notices.append(notice);
    }
    Result<QList<CaseDeadline>> deadlines =
        loadCaseDeadlines(store, data.record.id, data.generatedAt);
    if (!deadlines)
        return Error{deadlines.error()};
    data.deadlines = *deadlines;

    // The advice names reports by Message-ID, which carries the reporter's mail domain.
    if (data.decision && data.decision->recommendation) {
        Recommendation &advice = *data.decision->recommendation;
        for (AdvisorFactor &factor : advice.factors) {
            factor.label = redaction.text(factor.label);
            factor.source = redaction.text(factor.source);
            factor.detail = redaction.text(factor.detail);
        }
        for (QString &line : advice.explanation)
            line = redaction.text(line);
        advice.ruleApplied = redaction.text(advice.ruleApplied);
    }
    if (data.decision)
        data.decision->record.reason = redaction.text(data.decision->record.reason);
    buildTimeline(facts, redaction, data);
    buildHistory(facts, redaction, data);

    AuditLog audit(store);
    Result<QList<AuditEntry>> entries = audit.entries(data.record.id);
    if (!entries)
        return Error{entries.error()};
    for (AuditEntry entry : *entries) {
        entry.what = redaction.text(entry.what);
        entry.why = redaction.text(entry.why);
        entry.subject = redaction.text(entry.subject);
        data.audit.append(entry);
    }
    Result<AuditVerification> verified = audit.verify();
    if (!verified)
        return Error{verified.error()};
    data.auditEntryCount = verified->entryCount;
    data.auditHeadHash = verified->headHash;
    data.auditIntact = verified->intact;
    data.auditProblem = verified->problem;
    data.record.events.clear();
    return Status::success();
}

} // namespace Awb
