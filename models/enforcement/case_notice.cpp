#include "enforcement/case_notice.h"

#include "enforcement/case_advice.h"
#include "enforcement/case_deadlines.h"
#include "enforcement/case_notice_text_p.h"
#include "notices/notice_eml.h"
#include "notices/notice_fields.h"
#include "policy/deadlines.h"
#include "policy/enforcement_advisor.h"
#include "policy/holiday_calendar.h"
#include "policy/hong_kong_time.h"
#include "policy/liability.h"
#include "policy/policy_library.h"
#include "policy/policy_pack.h"
#include "store/case_store.h"
#include "store/desk_secrets.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSettings>

#include <algorithm>
#include <utility>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseNotice)
};

// The notice type a decided action is announced with.
QString noticeTypeOfAction(const QString &action)
{
    return action; // the keys are the same by design: warning, suspension, termination, ...
}

QString evidenceReference(qint64 evidenceId)
{
    return QStringLiteral("R-%1").arg(evidenceId, 6, 10, QLatin1Char('0'));
}

// The clauses a notice cites: those the findings engage (from the advice in force), then the
// enforcement clauses the notice's action rests on.
QStringList citedClauses(const QString &type, const std::optional<DecisionRecord> &decision,
                         const CaseFacts &facts)
{
    QStringList ids;
    if (decision) {
        Result<Recommendation> advice =
            recommendationFromJson(QJsonDocument::fromJson(decision->adviceJson).object());
        if (advice)
            ids = advice->clauses;
    }
    if (ids.isEmpty()) {
        QSet<QString> seen;
        for (const CaseReportFacts &report : facts.reports) {
            for (const CaseFinding &finding : report.findings) {
                const QString clause = finding.finding.clause;
                if (finding.finding.severity >= Severity::Low &&
                    clause.contains(QLatin1Char('.')) && !seen.contains(clause)) {
                    seen.insert(clause);
                    ids.append(clause);
                }
            }
        }
        std::sort(ids.begin(), ids.end());
    }
    if (type == QLatin1String("acknowledgement") || type == QLatin1String("information-request"))
        return {QStringLiteral("V")};
    if (type == QLatin1String("warning") || type == QLatin1String("suspension") ||
        type == QLatin1String("termination"))
        ids.append(QStringLiteral("6.1"));
    if (type == QLatin1String("termination-liability"))
        ids += {QStringLiteral("6.1"), QStringLiteral("6.2"), QStringLiteral("6.3")};
    return ids;
}

QString originSummary(const CaseFacts &facts)
{
    for (const CaseReportFacts &report : facts.reports) {
        if (report.originIp.isEmpty())
            continue;
        QString text =
            Tr::tr("The reported message entered the Internet at %1.").arg(report.originIp);
        if (!report.originReason.isEmpty())
            text += QLatin1Char(' ') + report.originReason;
        if (!facts.record.accountId.isEmpty()) {
            text += QLatin1Char(' ') +
                    Tr::tr("At that time the address was assigned to account %1 according to our "
                           "records of IP assignments.")
                        .arg(facts.record.accountId);
        }
        return text;
    }
    return Tr::tr("The reports of this case do not show an origin address; the case rests on the "
                  "findings and records below.");
}

QList<NoticeFinding> noticeFindings(const CaseFacts &facts)
{
    QList<NoticeFinding> findings;
    QSet<QString> seen;
    for (const CaseReportFacts &report : facts.reports) {
        for (const CaseFinding &item : report.findings) {
            const Finding &finding = item.finding;
            // Info findings are context, not breaches; one line per check is enough for a reader.
            // Findings about a report itself (clause V) concern the reporter, not the customer.
            if (!item.aboutOriginal || finding.severity < Severity::Low ||
                finding.clause == QLatin1String("V") || seen.contains(finding.check))
                continue;
            seen.insert(finding.check);
            findings.append({finding.check, severityName(finding.severity), finding.clause,
                             finding.title, finding.evidence});
        }
    }
    std::stable_sort(
        findings.begin(), findings.end(),
        [](const NoticeFinding &a, const NoticeFinding &b) { return a.clause < b.clause; });
    return findings;
}

const CaseReportFacts *reportAnswered(const CaseFacts &facts, qint64 evidenceId)
{
    for (const CaseReportFacts &report : facts.reports) {
        if (evidenceId == 0 || report.evidenceId == evidenceId)
            return &report;
    }
    return nullptr;
}

NoticeDeadline noticeDeadline(const QString &label, const Deadline &deadline)
{
    QString basis = deadline.basis;
    if (!deadline.calendarNote.isEmpty())
        basis += QStringLiteral(" (") + deadline.calendarNote + QLatin1Char(')');
    return {label, deadline.due, basis, deadline.calendarVersion};
}

} // namespace

Result<NoticeData> noticeDataForCase(const CaseFacts &facts,
                                     const std::optional<DecisionRecord> &decision,
                                     const PolicyPack &pack, const HolidayCalendar &calendar,
                                     const QByteArray &redactionKey, const NoticeRequest &request)
{
    const CaseRecord &record = facts.record;
    const QString type = request.type;
    auto fail = [&](const QString &why) {
        return Error{Tr::tr("Notice %1 for case %2: %3").arg(type, record.publicId, why)};
    };
    if (!isNoticeType(type))
        return fail(Tr::tr("not a notice type (one of: %1)").arg(noticeTypes().join(u", ")));
    const bool reporter = isReporterNotice(type);
    const bool sanction = type == QLatin1String("warning") || type == QLatin1String("suspension") ||
                          type.startsWith(QLatin1String("termination"));
    if (!reporter && !facts.history)
        return fail(Tr::tr("the case is not attributed to an account, so there is no customer to "
                           "write to"));
    if (sanction && (!decision || noticeTypeOfAction(decision->chosenAction) != type)) {
        return fail(
            decision
                ? Tr::tr("the decision in force is %1, not %2").arg(decision->chosenAction, type)
                : Tr::tr("no decision has been recorded; decide the case first"));
    }

    NoticeData data;
    data.type = type;
    data.caseId = record.publicId;
    data.now = facts.now;
    data.deskName = request.deskName;
    data.deskAddress = request.deskAddress;
    data.accountId = record.accountId;
    if (facts.history)
        data.customerName = facts.history->customer.name;
    data.policyTitle = pack.title();
    data.policyVersionLabel = pack.versionLabel();
    data.policyVersion = pack.version();
    data.governingLaw = pack.governingLaw();
    for (const QString &id : citedClauses(type, decision, facts)) {
        std::optional<PolicyClause> clause = pack.clause(id);
        if (!clause)
            return fail(Tr::tr("the policy of %1 has no clause %2").arg(pack.version(), id));
        data.clauses.append({clause->id, clause->title, clause->text, pack.citation(id)});
    }
    data.redactionKey = redactionKey;
    data.reporterIdentities = facts.personalTerms();

    for (const CaseReportFacts &report : facts.reports) {
        data.reportReferences.append(evidenceReference(report.evidenceId));
        data.evidence.append({report.receivedAt,
                              report.originIp.isEmpty()
                                  ? neutralFormatName(report.format)
                                  : Tr::tr("%1: message from %2")
                                        .arg(neutralFormatName(report.format), report.originIp),
                              evidenceReference(report.evidenceId),
                              QString::fromLatin1(report.sha256Hex)});
    }

    if (reporter) {
        const CaseReportFacts *report = reportAnswered(facts, request.reportEvidenceId);
        if (!report)
            return fail(Tr::tr("report %1 is not in this case").arg(request.reportEvidenceId));
        const auto [name, address] = splitMailbox(report->reportFrom);
        data.recipientName = name;
        data.recipientAddress = address;
        if (data.recipientAddress.isEmpty())
            return fail(
                Tr::tr("report %1 has no sender address to answer").arg(report->evidenceId));
        data.inReplyToMessageId = report->messageId;
        data.reportReferences = {evidenceReference(report->evidenceId)};
        data.evidence.clear();
        data.deadlines.append(noticeDeadline(Tr::tr("Our response to your report"),
                                             responseDeadline(report->receivedAt)));
        if (type == QLatin1String("information-request")) {
            data.missingItems = missingItems(*report);
            if (data.missingItems.isEmpty())
                return fail(Tr::tr("the report has all four items of policy section V"));
            data.provideHow = Tr::tr("Reply to this message with the reported message attached as "
                                     "an .eml file (message/rfc822), with all of its headers, and "
                                     "say when you received it and what breached the policy.");
            data.provideBy = facts.now.addDays(7);
        }
        if (type == QLatin1String("outcome")) {
            data.outcome = !request.outcome.isEmpty()
                               ? request.outcome
                               : Tr::tr("We investigated your report and took action against the "
                                        "responsible customer under section 6.1 of our %1.")
                                     .arg(pack.title());
        }
        data.howToRespond = howToRespond(request, record.publicId, true);
        return data;
    }

    const CustomerRecord &customer = facts.history->customer;
    data.recipientName = customer.name;
    data.recipientAddress = customer.email;
    if (data.recipientAddress.isEmpty())
        return fail(Tr::tr("account %1 has no e-mail address on record").arg(customer.accountId));
    data.originSummary = originSummary(facts);
    data.findings = noticeFindings(facts);
    if (const CaseReportFacts *first = reportAnswered(facts, 0))
        data.headerExcerpt = QString::fromUtf8(first->originalHeaderBlock);
    data.requiredAction = requiredAction(type, facts);
    data.consequences = consequences(type, facts.history->lookBackMonths);
    data.howToRespond = howToRespond(request, record.publicId, false);

    if (type == QLatin1String("warning") || type == QLatin1String("suspension")) {
        data.deadlines.append(
            noticeDeadline(Tr::tr("Correct the problem and reply"),
                           customerResponseDeadline(facts.now, request.customerResponseHours)));
    }
    if (record.kind == QLatin1String("opt-out")) {
        const QDateTime received = earliestReceipt(record);
        if (received.isValid())
            data.deadlines.append(noticeDeadline(Tr::tr("Process the opt-out request"),
                                                 optOutDeadline(received, calendar)));
    }
    if (type == QLatin1String("suspension")) {
        data.suspensionScope =
            Tr::tr("All services of account %1, including mail sending from its addresses.")
                .arg(record.accountId);
        data.suspensionStart = decision->suspensionStart;
        data.suspensionEarliestEnd = decision->suspensionEnd;
        data.deadlines.append(
            noticeDeadline(Tr::tr("Earliest end of the suspension"),
                           suspensionEnd(decision->suspensionStart, decision->chosenDays)));
        data.reinstatementConditions = {
            Tr::tr("The cause of the sending has been found and removed."),
            Tr::tr("You have replied to this notice saying what you found and changed."),
            Tr::tr("No further report about your services has been confirmed during the "
                   "suspension.")};
    }
    if (type.startsWith(QLatin1String("termination"))) {
        data.effectiveAt = decision->decidedAt;
        data.deadlines.append(
            noticeDeadline(Tr::tr("Dispute this decision or reply"),
                           customerResponseDeadline(facts.now, request.customerResponseHours)));
        if (type == QLatin1String("termination-liability")) {
            Deadline payment;
            payment.kind = QStringLiteral("payment");
            payment.due = facts.now.addDays(request.paymentDays);
            payment.basis = Tr::tr("%1 days from this notice, the time the desk gives for payment "
                                   "(policy 6.2 fixes the amounts, not the term)")
                                .arg(request.paymentDays);
            data.deadlines.append(noticeDeadline(Tr::tr("Payment of the amount due"), payment));
        }
        if (type == QLatin1String("termination-liability")) {
            std::optional<LiabilityStatement> statement = liabilityOfDecision(*decision);
            if (!statement)
                return fail(Tr::tr("the decision carries no liability statement"));
            data.liabilityLines = liabilityStatementLines(*statement);
            for (const LiabilityIncident &incident : statement->incidents) {
                if (incident.kind == QLatin1String("listing"))
                    data.evidence.append({incident.firstSeen, incident.description, {}, {}});
            }
        }
    }
    if (type == QLatin1String("reinstatement")) {
        data.effectiveAt = facts.now;
        data.outcome =
            !request.outcome.isEmpty()
                ? request.outcome
                : Tr::tr("Your services are reinstated; the conditions of the suspension "
                         "have been met.");
        data.reinstatementConditions = {
            Tr::tr("Any further confirmed violation within %1 months is a repeated violation "
                   "(policy section 6.1).")
                .arg(facts.history->lookBackMonths)};
    }
    return data;
}

Result<PreparedNotice> prepareNotice(CaseStore &store, qint64 caseId, const NoticeRequest &request,
                                     const QDateTime &now)
{
    const QDateTime at = now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    Result<CaseFacts> facts =
        loadCaseFacts(store, caseId, at, AdvisorSettings::fromSettings(QSettings()).lookBackMonths);
    if (!facts)
        return Error{facts.error()};
    Result<std::optional<DecisionRecord>> decision = DecisionRepository(store).latest(caseId);
    if (!decision)
        return Error{decision.error()};
    Result<PolicyLibrary> library = PolicyLibrary::load();
    if (!library)
        return Error{library.error()};
    Result<PolicyPack> pack = library->packForVersion(facts->record.policyVersion);
    if (!pack)
        return Error{pack.error()};
    Result<HolidayCalendar> calendar = HolidayCalendar::load();
    if (!calendar)
        return Error{calendar.error()};
    Result<QByteArray> key = redactionKey(store);
    if (!key)
        return Error{key.error()};
    Result<NoticeData> data = noticeDataForCase(*facts, *decision, *pack, *calendar, *key, request);
    if (!data)
        return Error{data.error()};
    Result<NoticeTemplateSet> templates = NoticeTemplateSet::load();
    if (!templates)
        return Error{templates.error()};
    Result<ComposedNotice> composed = composeNotice(*data, *templates);
    if (!composed)
        return Error{composed.error()};
    Result<QList<NoticeRecord>> earlier = NoticeRepository(store).forCase(caseId);
    if (!earlier)
        return Error{earlier.error()};

    PreparedNotice notice;
    notice.data = *data;
    notice.composed = *composed;
    NoticeRecord &record = notice.record;
    record.caseId = caseId;
    record.type = request.type;
    record.recipientRole =
        isReporterNotice(request.type) ? QStringLiteral("reporter") : QStringLiteral("customer");
    record.recipient = composed->to.address;
    record.subject = composed->subject;
    // Unique per case and type: the count of the case's notices numbers them.
    record.messageId = QStringLiteral("%1.%2.%3@%4")
                           .arg(facts->record.publicId, request.type)
                           .arg(earlier->size() + 1)
                           .arg(request.messageIdDomain);
    record.createdAt = at;
    record.who = request.who;
    record.policyVersion = pack->version();
    for (const NoticeDeadline &deadline : std::as_const(data->deadlines)) {
        if (deadline.label == Tr::tr("Correct the problem and reply") ||
            deadline.label == Tr::tr("Dispute this decision or reply"))
            record.responseDue = deadline.due;
    }
    NoticeEnvelope envelope;
    envelope.messageId = record.messageId;
    Result<QByteArray> eml = buildNoticeEml(*composed, envelope);
    if (!eml)
        return Error{eml.error()};
    record.eml = *eml;
    return notice;
}

Result<qint64> saveNotice(CaseStore &store, PreparedNotice &notice, const QByteArray &emlBytes)
{
    if (!emlBytes.isEmpty())
        notice.record.eml = emlBytes;
    notice.record.sha256Hex.clear();
    Result<qint64> id = NoticeRepository(store).add(notice.record);
    if (id)
        notice.record.id = *id;
    return id;
}

} // namespace Awb
