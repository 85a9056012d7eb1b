#include "enforcement/case_report_data.h"

#include "analysis/auth/authentication_results.h"
#include "enforcement/case_advice.h"
#include "enforcement/case_facts.h"
#include "enforcement/case_report_data_p.h"
#include "mail/mail_message.h"
#include "mail/sha256.h"
#include "network/ip_address.h"
#include "notices/redaction.h"
#include "policy/policy_library.h"
#include "reports/report_analysis.h"
#include "store/case_store.h"
#include "store/desk_secrets.h"
#include "store/evidence_repository.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseReportData)
};

QString completenessText(const CaseReportFacts &facts, int *count)
{
    QStringList present;
    if (facts.fullHeaders)
        present.append(Tr::tr("full headers"));
    if (facts.completeMessage)
        present.append(Tr::tr("complete copy"));
    if (facts.receiptTimestamp)
        present.append(Tr::tr("receipt time"));
    if (facts.description)
        present.append(Tr::tr("description"));
    *count = int(present.size());
    return present.isEmpty() ? Tr::tr("0 of 4")
                             : Tr::tr("%1 of 4: %2").arg(present.size()).arg(present.join(u", "));
}

QList<CaseReportAuthResult> authResultsOf(const MailMessage &message, const TrustSettings &trust)
{
    QList<CaseReportAuthResult> out;
    for (const QByteArray &raw : message.rawHeaderValues("Authentication-Results")) {
        const AuthenticationResults parsed = parseAuthenticationResults(raw);
        for (const AuthResult &result : parsed.results) {
            CaseReportAuthResult item;
            item.authservId = parsed.authservId;
            item.trustedStamp =
                trust.trustedAuthservIds.contains(parsed.authservId, Qt::CaseInsensitive);
            item.method = result.method;
            item.result = result.result;
            QStringList properties;
            for (const AuthResultProperty &property : result.properties)
                properties.append(QStringLiteral("%1.%2=%3")
                                      .arg(property.type, property.property, property.value));
            item.detail = properties.join(u' ');
            out.append(item);
        }
    }
    return out;
}

// How the origin was tied to the account: the assignment holding the address, else what
// grouping recorded when the report joined the case.
QString accountMatchOf(const CaseFacts &facts, const QString &originIp, const QString &reason)
{
    if (!facts.history)
        return reason.isEmpty() ? Tr::tr("Not attributed to an account.") : reason;
    const std::optional<IpAddress> ip = IpAddress::parse(originIp);
    for (const IpAssignmentRecord &assignment : facts.history->assignments) {
        if (ip && assignment.prefix.contains(*ip)) {
            QString text = Tr::tr("%1 lies in %2, assigned to %3 (%4).")
                               .arg(originIp, assignment.prefix.toString(), facts.record.accountId,
                                    assignment.validity.toString());
            if (!assignment.serviceId.isEmpty())
                text += QLatin1Char(' ') + Tr::tr("Service %1.").arg(assignment.serviceId);
            return text;
        }
    }
    return reason.isEmpty() ? Tr::tr("Placed in this case by the analyst.") : reason;
}

// The path the diagram shows: the original's, for a report that carried one.
void reanalyse(const QByteArray &bytes, const QDateTime &importedAt, const TrustSettings &trust,
               CaseReportEntry &entry)
{
    Result<MailMessage> message = MailMessage::parse(bytes);
    if (!message)
        return;
    const ReportAnalysis analysis = analyzeReport(*message, trust, importedAt);
    const MessageAnalysis &path = analysis.original ? *analysis.original : analysis.message;
    entry.chain = path.chain;
    entry.chainFindings = path.findings;
    if (analysis.report.originalBytes) {
        Result<MailMessage> original = MailMessage::parse(*analysis.report.originalBytes);
        if (original)
            entry.authResults = authResultsOf(*original, trust);
    } else {
        entry.authResults = authResultsOf(*message, trust);
    }
}

void redactChain(const CaseReportRedaction &redaction, ChainAnalysis &chain,
                 QList<Finding> &findings)
{
    for (ChainHop &hop : chain.hops) {
        ReceivedHop &p = hop.parsed;
        for (QString *field : {&p.fromName, &p.fromHelo, &p.fromRdns, &p.by, &p.for_,
                               &p.envelopeFrom, &p.authUser, &p.auth, &p.ident})
            *field = redaction.text(*field);
        p.raw = redaction.text(QString::fromUtf8(p.raw)).toUtf8();
    }
    chain.origin.reason = redaction.text(chain.origin.reason);
    for (Finding &finding : findings) {
        finding.title = redaction.text(finding.title);
        finding.evidence = redaction.text(finding.evidence);
    }
}

void addClause(const PolicyPack &pack, const QString &id, QSet<QString> &seen,
               QList<CaseReportClause> &into)
{
    if (id.isEmpty() || seen.contains(id))
        return;
    seen.insert(id);
    const std::optional<PolicyClause> clause = pack.clause(id);
    if (!clause)
        return;
    into.append({clause->id, clause->title, clause->text, pack.citation(id)});
}

// Clauses in the policy's own order, whatever order the findings named them in.
QList<CaseReportClause> clausesOf(const PolicyPack &pack, const QStringList &ids)
{
    QSet<QString> wanted(ids.begin(), ids.end());
    QList<CaseReportClause> out;
    QSet<QString> seen;
    for (const PolicyClause &clause : pack.clauses()) {
        if (wanted.contains(clause.id))
            addClause(pack, clause.id, seen, out);
    }
    for (const QString &id : ids)
        addClause(pack, id, seen, out); // section ids with subsections ("IV")
    return out;
}

} // namespace

CaseReportRedaction::CaseReportRedaction(bool active, const QByteArray &key)
    : m_active(active)
{
    if (active)
        m_redactor = std::make_unique<Redactor>(key);
}

CaseReportRedaction::~CaseReportRedaction() = default;

void CaseReportRedaction::learn(const QStringList &identities, const QByteArray &headerBlock)
{
    if (!m_active)
        return;
    for (const QString &identity : identities)
        m_redactor->addIdentity(identity);
    if (!headerBlock.isEmpty())
        m_redactor->redactHeaders(QString::fromUtf8(headerBlock));
}

void CaseReportRedaction::keepVisible(const QString &value)
{
    if (m_active && !value.isEmpty())
        m_redactor->keepVisible(value);
}

QString CaseReportRedaction::text(const QString &value) const
{
    if (!m_active || value.isEmpty())
        return value;
    return m_redactor->redactText(value).text;
}

QString CaseReportRedaction::address(const QString &value) const
{
    if (!m_active || value.isEmpty())
        return value;
    return value.contains(QLatin1Char('@')) ? m_redactor->redactAddress(value)
                                            : m_redactor->token(value);
}

Result<CaseReportData> loadCaseReportData(CaseStore &store, qint64 caseId,
                                          const CaseReportOptions &options)
{
    CaseReportData data;
    data.options = options;
    data.generatedAt =
        options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    data.options.now = data.generatedAt;

    Result<CaseFacts> facts =
        loadCaseFacts(store, caseId, data.generatedAt, options.lookBackMonths);
    if (!facts)
        return Error{facts.error()};
    data.record = facts->record;
    const QString publicId = data.record.publicId;

    Result<PolicyLibrary> library = PolicyLibrary::load();
    if (!library)
        return Error{Tr::tr("Case %1: %2").arg(publicId, library.error())};
    Result<PolicyPack> pack = library->packForVersion(data.record.policyVersion);
    if (!pack)
        return Error{Tr::tr("Case %1: %2").arg(publicId, pack.error())};
    data.policyTitle = pack->title();
    data.policyVersionLabel = pack->versionLabel();
    data.policySha256Hex = pack->sha256Hex();

    QByteArray key;
    if (!options.internalReader) {
        Result<QByteArray> stored = redactionKey(store);
        if (!stored)
            return Error{Tr::tr("Case %1: %2").arg(publicId, stored.error())};
        key = *stored;
    }
    CaseReportRedaction redaction(!options.internalReader, key);
    redaction.keepVisible(QStringLiteral("abuse@ix.cm"));
    if (facts->history) {
        data.accountName = facts->history->customer.name;
        data.accountStatus = facts->history->customer.status;
        redaction.keepVisible(facts->history->customer.email);
    }
    redaction.learn(facts->personalTerms(), {});
    for (const CaseReportFacts &report : facts->reports)
        redaction.learn({}, report.originalHeaderBlock);

    EvidenceRepository evidence(store);
    QStringList clauseIds;
    for (const CaseReportFacts &report : facts->reports) {
        CaseReportEntry entry;
        entry.evidenceId = report.evidenceId;
        entry.format = report.format;
        const QString reporter = !report.reporter.isEmpty() ? report.reporter : report.reportFrom;
        // A blocklist's notice is public and the customer needs its name to ask for delisting.
        entry.reporter =
            report.format == QLatin1String("spamhaus") ? reporter : redaction.address(reporter);
        entry.subject = redaction.text(report.subject);
        entry.messageId = redaction.text(report.messageId);
        entry.receivedAt = report.receivedAt;
        entry.responseDue = report.responseDue;
        entry.completeness = completenessText(report, &entry.completenessCount);
        entry.originalSha256Hex = report.originalSha256Hex;
        entry.originIp = report.originIp;
        entry.originReason = redaction.text(report.originReason);
        QString reason;
        for (const CaseReportRecord &member : data.record.reports) {
            if (member.evidenceId == report.evidenceId)
                reason = member.reason;
        }
        entry.accountMatch = redaction.text(accountMatchOf(*facts, report.originIp, reason));
        for (const CaseFinding &finding : report.findings) {
            Finding shown = finding.finding;
            shown.title = redaction.text(shown.title);
            shown.evidence = redaction.text(shown.evidence);
            entry.findings.append(shown);
            clauseIds.append(shown.clause);
        }
        Result<QByteArray> bytes = evidence.bytes(report.evidenceId);
        if (!bytes)
            return Error{Tr::tr("Case %1: %2").arg(publicId, bytes.error())};
        // Recomputed from the stored bytes, so that the printed sum is what the store holds now.
        entry.sha256Hex = sha256Hex(*bytes);
        entry.size = bytes->size();
        Result<MessageSummary> summary = evidence.summary(report.evidenceId);
        const QDateTime importedAt = summary ? summary->importedAt : report.receivedAt;
        if (summary)
            entry.originOurs = summary->originOurs;
        reanalyse(*bytes, importedAt, options.trust, entry);
        redactChain(redaction, entry.chain, entry.chainFindings);
        for (CaseReportAuthResult &result : entry.authResults) {
            result.authservId = redaction.text(result.authservId);
            result.detail = redaction.text(result.detail);
        }
        data.reports.append(entry);
    }

    Status decided = loadCaseReportDecision(store, data);
    if (!decided)
        return Error{decided.error()};
    if (data.decision) {
        if (data.decision->recommendation)
            clauseIds += data.decision->recommendation->clauses;
        clauseIds.append(QStringLiteral("6.1"));
        if (data.decision->record.chosenAction == QLatin1String("termination-liability"))
            clauseIds += QStringList{QStringLiteral("6.2"), QStringLiteral("6.3")};
    }
    data.clauses = clausesOf(*pack, clauseIds);

    Status rest = loadCaseReportRecords(store, *facts, redaction, data);
    if (!rest)
        return Error{rest.error()};
    data.summary = caseReportSummary(data);
    return data;
}

} // namespace Awb
