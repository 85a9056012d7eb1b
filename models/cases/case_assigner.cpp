#include "case_assigner.h"

#include "accounts/correlation.h"
#include "cases/case_attribution.h"
#include "cases/listing_recorder.h"
#include "cases/report_facts.h"
#include "mail/mail_message.h"
#include "policy/policy_library.h"
#include "policy/policy_pack.h"
#include "reports/report_analysis.h"
#include "store/account_repository.h"
#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/listing_repository.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSettings>

namespace Awb {

CaseSettings CaseSettings::fromSettings(const QSettings &settings)
{
    CaseSettings s;
    const QString group = QStringLiteral("cases/");
    bool ok = false;
    const int days = settings.value(group + QStringLiteral("windowDays")).toInt(&ok);
    if (ok && days > 0)
        s.grouping.windowDays = days;
    const QString version = settings.value(group + QStringLiteral("policyVersion")).toString();
    if (!version.trimmed().isEmpty())
        s.policyVersion = version.trimmed();
    s.analyst = settings.value(group + QStringLiteral("analyst")).toString().trimmed();
    return s;
}

QString attributedAccount(const QList<AccountMatch> &matches)
{
    QString chosen;
    for (const AccountMatch &match : matches) {
        if (match.confidence != AccountMatch::Confidence::High)
            continue;
        if (!chosen.isEmpty() && chosen != match.accountId)
            return {}; // two accounts held the address at once: do not pick one silently
        chosen = match.accountId;
    }
    return chosen;
}

AccountAttribution correlationAttribution(CaseStore &store, const AccountRepository &accounts,
                                          TrustSettings trust)
{
    Result<IpNetworkSet> ours = accounts.ourNetworks();
    if (ours) {
        for (const IpNetwork &network : ours->networks())
            trust.ours.add(network);
    }
    return [&store, &accounts, trust](qint64 evidenceId) -> Result<QString> {
        EvidenceRepository evidence(store);
        Result<MessageSummary> summary = evidence.summary(evidenceId);
        if (!summary)
            return Error{summary.error()};
        Result<QByteArray> bytes = evidence.bytes(evidenceId);
        if (!bytes)
            return Error{bytes.error()};
        Result<MailMessage> message = MailMessage::parse(*bytes);
        if (!message)
            return QString(); // stored bytes no parser reads: nothing to correlate
        const ReportAnalysis analysis = analyzeReport(*message, trust, summary->importedAt);
        Result<QList<AccountMatch>> matches = correlate(analysis, accounts, &*message);
        if (!matches)
            return Error{matches.error()};
        return attributedAccount(*matches);
    };
}

namespace {

// The policy version a new case records (policy IX: changes take effect on publication, and a
// case keeps the version in force when it was opened): the setting when the desk fixed one,
// else the newest pack of the policy library published on or before `now`, else the built-in
// default (a library that cannot be read must not stop the grouping).
QString policyVersionForNewCases(const CaseSettings &settings, const QDateTime &now)
{
    if (!settings.policyVersion.isEmpty())
        return settings.policyVersion;
    Result<PolicyLibrary> library = PolicyLibrary::load();
    if (library) {
        Result<PolicyPack> pack =
            library->versionInForceAt(now.isValid() ? now : QDateTime::currentDateTimeUtc());
        if (pack)
            return pack->version();
    }
    return QString::fromLatin1(kDefaultPolicyVersion);
}

Result<QJsonObject> storedAnalysis(EvidenceRepository &evidence, qint64 evidenceId)
{
    Result<QByteArray> json = evidence.analysisJson(evidenceId);
    if (!json)
        return Error{json.error()};
    return QJsonDocument::fromJson(*json).object();
}

Result<ReportReading> readStored(EvidenceRepository &evidence, qint64 evidenceId)
{
    Result<QJsonObject> analysis = storedAnalysis(evidence, evidenceId);
    if (!analysis)
        return Error{analysis.error()};
    return readReportFacts(evidenceId, *analysis);
}

Result<CaseAssignmentSummary> assignInTransaction(CaseStore &store,
                                                  const AccountAttribution &attribution,
                                                  const CaseSettings &settings,
                                                  const QDateTime &now)
{
    CaseRepository cases(store);
    EvidenceRepository evidence(store);
    CaseAssignmentSummary summary;

    Result<QList<qint64>> unassigned = cases.unassignedReports();
    if (!unassigned)
        return Error{unassigned.error()};
    QList<ReportFacts> fresh;
    QList<StoredNotice> notices;
    QDateTime earliest;
    for (qint64 id : *unassigned) {
        Result<QJsonObject> analysis = storedAnalysis(evidence, id);
        if (!analysis)
            return Error{analysis.error()};
        if (statesListings(*analysis))
            notices.append({id, *analysis});
        ReportReading reading = readReportFacts(id, *analysis);
        if (!reading.groupable) {
            summary.notGrouped.append({id, reading.notGroupedReason});
            continue;
        }
        Result<QString> account = attribution(id);
        if (!account)
            return Error{account.error()};
        reading.facts.key.accountId = *account;
        const QDateTime at = reading.facts.receivedAt;
        if (at.isValid() && (!earliest.isValid() || at < earliest))
            earliest = at;
        fresh.append(reading.facts);
    }
    // Also for notices that form no case: the listing is a fact about the address either way.
    // And for notices a case took before grouping recorded listings (migration 8 lists them).
    ListingRepository listings(store);
    Result<QList<qint64>> pending = listings.pendingNotices();
    if (!pending)
        return Error{pending.error()};
    for (qint64 id : *pending) {
        Result<QJsonObject> analysis = storedAnalysis(evidence, id);
        if (!analysis)
            return Error{analysis.error()};
        notices.append({id, *analysis});
    }
    Result<int> recorded = recordNoticeListings(store, notices, now);
    if (!recorded)
        return Error{recorded.error()};
    if (Status settled = listings.settleNotices(*pending); !settled)
        return Error{settled.error()};
    summary.listingsRecorded = *recorded;
    // Cases grouped before the directory knew their addresses take their account now, before
    // the new reports are placed: those may then join them.
    Result<QList<CaseAttributed>> attributed =
        attributeOpenCases(store, attribution, settings.analyst, now);
    if (!attributed)
        return Error{attributed.error()};
    summary.casesAttributed = *attributed;
    if (fresh.isEmpty())
        return summary;

    // Only cases with a report inside the window of the earliest new one can take any of them.
    // A member speaks with its case's account and kind: an analyst's move or merge stands.
    const QDateTime since =
        earliest.isValid() ? earliest.addDays(-settings.grouping.windowDays) : QDateTime();
    Result<QList<CaseMember>> members = cases.openCaseMembers(since);
    if (!members)
        return Error{members.error()};
    QList<ExistingCase> existing;
    for (const CaseMember &member : *members) {
        Result<ReportReading> reading = readStored(evidence, member.evidenceId);
        if (!reading)
            return Error{reading.error()};
        ReportFacts facts = reading->facts;
        facts.key.accountId = member.accountId;
        facts.key.kind = member.kind == u"opt-out" ? ReportKind::OptOut : ReportKind::Complaint;
        if (existing.isEmpty() || existing.last().caseId != member.caseId)
            existing.append(ExistingCase{member.caseId, {}});
        existing.last().reports.append(facts);
    }

    const CaseGrouping grouping = CaseGrouper(settings.grouping).group(existing, fresh);
    QHash<qint64, QString> severityOf;
    for (const ReportFacts &facts : fresh)
        severityOf.insert(facts.evidenceId, facts.severity);
    CaseAssignmentPlan plan;
    const QString policyVersion = policyVersionForNewCases(settings, now);
    for (const ProposedCase &proposed : grouping.newCases) {
        NewCaseInput input;
        input.accountId = proposed.key.accountId;
        input.originKey = proposed.key.originNetwork;
        input.kind = reportKindKey(proposed.key.kind);
        input.severity = proposed.severity.isEmpty() ? QStringLiteral("info") : proposed.severity;
        input.policyVersion = policyVersion;
        plan.newCases.append(input);
    }
    for (const CasePlacement &placement : grouping.placements) {
        if (placement.caseId > 0)
            plan.additions.append({placement.caseId, placement.evidenceId, placement.reason,
                                   severityOf.value(placement.evidenceId)});
        else
            plan.newCases[placement.newCaseIndex].reports.append(
                {placement.evidenceId, placement.reason});
    }
    Result<QList<qint64>> opened = cases.assign(plan, settings.analyst, now);
    if (!opened)
        return Error{opened.error()};
    summary.newCaseIds = *opened;
    summary.additions = plan.additions;
    summary.placements = grouping.placements;
    return summary;
}

} // namespace

Result<CaseAssignmentSummary> assignNewReports(CaseStore &store,
                                               const AccountAttribution &attribution,
                                               const CaseSettings &settings, const QDateTime &now)
{
    // One transaction from the first read to the last write: a second writer cannot assign the
    // same reports in between, and a failure leaves no half-grouped run behind.
    Status status = store.begin();
    if (!status)
        return Error{status.error()};
    Result<CaseAssignmentSummary> result = assignInTransaction(store, attribution, settings, now);
    status = result ? store.commit() : store.rollback();
    if (result && !status)
        return Error{status.error()};
    return result;
}

} // namespace Awb
