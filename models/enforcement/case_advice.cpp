#include "enforcement/case_advice.h"

#include "blacklist/listed_blocklists.h"
#include "store/case_store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseAdvice)
};

QString priorKind(const AccountEvent &event)
{
    return event.kind == AccountEvent::Kind::CaseOpened ? QStringLiteral("case") : event.action;
}

// The customer answered a notice when a customer-response event of the case follows it.
bool answeredAfter(const CaseRecord &record, const QDateTime &noticeAt)
{
    for (const CaseEventRecord &event : record.events) {
        if (event.kind == QLatin1String("customer-response") && event.at >= noticeAt)
            return true;
    }
    return false;
}

QList<LiabilityIncident> incidentsOf(const CaseAdvice &advice, bool campaignIsIncident)
{
    QList<LiabilityIncident> incidents = incidentsFromListings(advice.input.listings);
    if (campaignIsIncident) {
        ComplaintCampaign campaign;
        campaign.caseId = advice.facts.record.publicId;
        campaign.description = Tr::tr("Complaint campaign of case %1, reports: %2")
                                   .arg(advice.facts.record.publicId)
                                   .arg(advice.facts.reports.size());
        campaign.firstSeen = advice.facts.record.openedAt;
        for (const CaseReportFacts &report : advice.facts.reports) {
            campaign.evidenceIds.append(report.evidenceId);
            if (report.receivedAt.isValid() && report.receivedAt < campaign.firstSeen)
                campaign.firstSeen = report.receivedAt;
        }
        incidents += incidentsFromCampaigns({campaign});
    }
    return incidents;
}

} // namespace

AdvisorInput advisorInputFromFacts(const CaseFacts &facts, const QList<NoticeRecord> &notices)
{
    AdvisorInput input;
    input.caseId = facts.record.publicId;
    input.accountId = facts.record.accountId;
    input.caseKind = facts.record.kind;
    input.now = facts.now;
    input.reportCount = int(facts.reports.size());
    input.distinctReporters = facts.distinctReporters();
    for (const CaseReportFacts &report : facts.reports) {
        for (const CaseFinding &item : report.findings) {
            AdvisorFinding finding;
            finding.check = item.finding.check;
            finding.clause = item.finding.clause;
            finding.severity = item.finding.severity;
            finding.title = item.finding.title;
            finding.evidence = item.finding.evidence;
            finding.reportSha256 = QString::fromLatin1(report.sha256Hex);
            finding.reportMessageId = report.messageId;
            input.findings.append(finding);
        }
    }
    if (facts.history) {
        input.windowStart = facts.history->windowStart;
        input.lookBackMonths = facts.history->lookBackMonths;
        for (const AccountEvent &event : facts.history->events) {
            if (!event.confirmedOffence)
                continue;
            // The case under advice is never its own prior offence: neither its opening nor a
            // decision already recorded on it (advice asked again after deciding).
            if (event.caseId == facts.record.id)
                continue;
            PriorOffence prior;
            prior.at = event.at;
            prior.kind = priorKind(event);
            prior.reference = event.reference;
            prior.counted = event.inWindow;
            input.priorOffences.append(prior);
        }
    }
    for (const StoredListing &stored : facts.listings) {
        AdvisorListing listing;
        listing.id = stored.id;
        listing.listName = stored.listName;
        listing.zone = stored.zone;
        listing.addressOrRange = stored.addressOrRange;
        listing.blocklists = listedBlocklists(stored.listName, stored.zone, stored.returnCodes);
        listing.verdict = stored.verdict;
        listing.checkedAt = stored.checkedAt;
        listing.source = stored.source;
        listing.evidenceId = stored.evidenceId;
        input.listings.append(listing);
    }
    for (const NoticeRecord &notice : notices) {
        if (notice.responseDue.isValid() && notice.responseDue < facts.now &&
            !answeredAfter(facts.record, notice.createdAt)) {
            input.missedDeadlines.append(
                {QStringLiteral("response"), notice.responseDue,
                 Tr::tr("No response to the %1 notice %2 by %3")
                     .arg(notice.type, notice.messageId,
                          notice.responseDue.toUTC().toString(Qt::ISODate))});
        }
    }
    return input;
}

Result<CaseAdvice> adviseCase(CaseStore &store, qint64 caseId, const AdvisorSettings &settings,
                              const QDateTime &now)
{
    Result<CaseFacts> facts = loadCaseFacts(store, caseId, now, settings.lookBackMonths);
    if (!facts)
        return Error{facts.error()};
    Result<QList<NoticeRecord>> notices = NoticeRepository(store).forCase(caseId);
    if (!notices)
        return Error{notices.error()};
    CaseAdvice advice;
    advice.facts = std::move(*facts);
    advice.input = advisorInputFromFacts(advice.facts, *notices);
    advice.recommendation = adviseEnforcement(advice.input, settings);
    return advice;
}

Result<RecordedDecision> decideCase(CaseStore &store, const CaseAdvice &advice,
                                    const DecisionRequest &request, const QDateTime &now)
{
    const QDateTime at = now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    const CaseRecord &record = advice.facts.record;
    const QString who = request.who.isEmpty() ? store.actor() : request.who;
    if (Status valid = validateDecision(advice.recommendation, request.decision); !valid)
        return Error{valid.error()}; // names the case already

    RecordedDecision recorded;
    QJsonObject adviceJson = recommendationToJson(advice.recommendation);
    if (request.decision.action == QLatin1String("termination-liability")) {
        LiabilityForfeitures forfeitures;
        if (advice.facts.history && advice.facts.history->customer.prepaidCents)
            forfeitures.prepaidCents = *advice.facts.history->customer.prepaidCents;
        forfeitures.setupCents = request.setupCents;
        forfeitures.creditsCents = request.creditsCents;
        Result<LiabilityStatement> statement =
            buildLiabilityStatement(incidentsOf(advice, request.campaignIsIncident),
                                    request.perIncidentCents, request.charges, forfeitures);
        if (!statement)
            return Error{Tr::tr("Case %1: %2").arg(record.publicId, statement.error())};
        recorded.liability = *statement;
        // Kept with the advice: the statement is part of what was decided, and the case report
        // and the notice read it back from there.
        adviceJson.insert(QStringLiteral("liability_statement"),
                          liabilityStatementToJson(*statement));
    }

    DecisionRecord &decision = recorded.record;
    decision.caseId = record.id;
    decision.proposedAction = advice.recommendation.action;
    decision.proposedDays = advice.recommendation.suspensionDays;
    decision.adviceJson = QJsonDocument(adviceJson).toJson(QJsonDocument::Compact);
    decision.chosenAction = request.decision.action;
    decision.chosenDays = request.decision.suspensionDays;
    decision.overridden = isOverride(advice.recommendation, request.decision);
    decision.reason = request.decision.reason;
    decision.who = who;
    decision.decidedAt = at;
    decision.policyVersion = record.policyVersion;
    if (decision.chosenAction == QLatin1String("suspension")) {
        decision.suspensionStart =
            request.suspensionStart.isValid() ? request.suspensionStart.toUTC() : at;
        decision.suspensionEnd = decision.suspensionStart.addDays(decision.chosenDays);
    }
    if (recorded.liability) {
        int position = 0;
        for (const LiabilityLine &line : recorded.liability->lines) {
            LiabilityLineRecord row;
            row.position = ++position;
            row.kind = line.kind;
            row.description = line.description;
            row.quantity = line.quantity;
            row.unitCents = line.unitCents;
            row.amountCents = line.amountCents;
            decision.lines.append(row);
        }
    }

    if (Status begun = store.begin(); !begun)
        return Error{begun.error()};
    Result<qint64> id = DecisionRepository(store).record(decision);
    if (!id) {
        store.rollback();
        return Error{id.error()};
    }
    if (record.status != QLatin1String("actioned")) {
        Status moved = CaseRepository(store).setStatus(
            record.id, QStringLiteral("actioned"), who,
            Tr::tr("Decision recorded: %1").arg(decision.chosenAction), at);
        if (!moved) {
            store.rollback();
            return Error{moved.error()};
        }
    }
    if (Status committed = store.commit(); !committed)
        return Error{committed.error()};
    recorded.decisionId = *id;
    decision.id = *id;
    return recorded;
}

std::optional<LiabilityStatement> liabilityOfDecision(const DecisionRecord &decision)
{
    const QJsonObject advice = QJsonDocument::fromJson(decision.adviceJson).object();
    const QJsonValue statement = advice.value(QLatin1String("liability_statement"));
    if (!statement.isObject())
        return std::nullopt;
    Result<LiabilityStatement> parsed = liabilityStatementFromJson(statement.toObject());
    if (!parsed)
        return std::nullopt;
    return *parsed;
}

} // namespace Awb
