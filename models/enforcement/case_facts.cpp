#include "enforcement/case_facts.h"

#include "mail/mail_message.h"
#include "reports/report_recogniser.h"
#include "store/case_store.h"
#include "store/evidence_repository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseFacts)
};

void appendFindings(const QJsonArray &array, qint64 evidenceId, bool aboutOriginal,
                    QList<CaseFinding> &into)
{
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        CaseFinding item;
        item.evidenceId = evidenceId;
        item.aboutOriginal = aboutOriginal;
        item.finding.check = object.value(QLatin1String("check")).toString();
        // An unknown severity name (a newer program's) counts as info: it can never raise a
        // sanction by being misread.
        item.finding.severity = severityFromName(object.value(QLatin1String("severity")).toString())
                                    .value_or(Severity::Info);
        item.finding.clause = object.value(QLatin1String("clause")).toString();
        item.finding.title = object.value(QLatin1String("title")).toString();
        item.finding.evidence = object.value(QLatin1String("evidence")).toString();
        item.finding.hop = object.value(QLatin1String("hop")).toInt(-1);
        if (!item.finding.check.isEmpty())
            into.append(item);
    }
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.toString().isEmpty())
            out.append(item.toString());
    }
    return out;
}

// The original's header block (or the message's own) from the stored bytes. A report whose
// bytes no longer parse keeps an empty block: the notice then quotes no headers rather than
// failing the whole case.
QByteArray headerBlockOf(const QByteArray &bytes, const QString &format)
{
    Result<MailMessage> message = MailMessage::parse(bytes);
    if (!message)
        return {};
    if (format != QLatin1String("message")) {
        const Report report = recogniseReport(*message);
        if (report.originalBytes) {
            Result<MailMessage> original = MailMessage::parse(*report.originalBytes);
            if (original)
                return original->rawHeaderBlock();
        }
    }
    return message->rawHeaderBlock();
}

} // namespace

Result<CaseReportFacts> reportFactsFromAnalysis(qint64 evidenceId, const QByteArray &analysisJson)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(analysisJson, &parseError);
    if (!document.isObject()) {
        return Error{Tr::tr("The stored analysis of evidence %1 is not readable JSON: %2.")
                         .arg(evidenceId)
                         .arg(parseError.errorString())};
    }
    const QJsonObject top = document.object();
    const QJsonObject report = top.value(QLatin1String("report")).toObject();
    const QJsonObject original = report.value(QLatin1String("original")).toObject();
    // The message whose path matters: the reported original when there is one.
    const QJsonObject subject = original.isEmpty() ? top : original;

    CaseReportFacts facts;
    facts.evidenceId = evidenceId;
    facts.sha256Hex = top.value(QLatin1String("sha256")).toString().toLatin1();
    facts.originalSha256Hex = original.value(QLatin1String("sha256")).toString().toLatin1();
    facts.format = report.value(QLatin1String("format")).toString(QStringLiteral("message"));
    facts.messageId = top.value(QLatin1String("message_id")).toString();
    facts.originalMessageId = original.value(QLatin1String("message_id")).toString();
    facts.subject = subject.value(QLatin1String("subject")).toString();
    facts.originalFrom = subject.value(QLatin1String("from")).toString();
    facts.originalDate = subject.value(QLatin1String("date")).toString();
    facts.reporter = report.value(QLatin1String("reporter")).toString();
    if (!original.isEmpty() || facts.format != QLatin1String("message"))
        facts.reportFrom = top.value(QLatin1String("from")).toString();
    facts.complainants = strings(report.value(QLatin1String("original_rcpt_to")));

    const QJsonObject origin = subject.value(QLatin1String("origin")).toObject();
    facts.originIp = origin.value(QLatin1String("ip")).toString();
    facts.originHop = origin.value(QLatin1String("hop")).toInt(-1);
    facts.originReason = origin.value(QLatin1String("reason")).toString();
    for (const QJsonValue &hop : subject.value(QLatin1String("hops")).toArray())
        facts.receivedFields.append(hop.toObject().value(QLatin1String("raw")).toString());

    const QJsonObject receipt = top.value(QLatin1String("receipt")).toObject();
    facts.receivedAt =
        QDateTime::fromString(receipt.value(QLatin1String("at")).toString(), Qt::ISODate);
    facts.responseDue = QDateTime::fromString(
        top.value(QLatin1String("response_deadline")).toString(), Qt::ISODate);

    const QJsonObject completeness = report.value(QLatin1String("completeness")).toObject();
    if (completeness.isEmpty()) {
        // A plain message forwarded to the desk is its own complete copy with full headers;
        // nobody described a violation and no receipt stamp was claimed.
        facts.fullHeaders = true;
        facts.completeMessage = true;
    } else {
        facts.fullHeaders = completeness.value(QLatin1String("full_headers")).toBool();
        facts.completeMessage = completeness.value(QLatin1String("complete_message")).toBool();
        facts.receiptTimestamp = completeness.value(QLatin1String("receipt_timestamp")).toBool();
        facts.description = completeness.value(QLatin1String("description")).toBool();
    }
    facts.incidents = report.value(QLatin1String("incidents")).toInt(0);

    if (!original.isEmpty()) {
        appendFindings(original.value(QLatin1String("findings")).toArray(), evidenceId, true,
                       facts.findings);
        appendFindings(report.value(QLatin1String("findings")).toArray(), evidenceId, false,
                       facts.findings);
    } else {
        appendFindings(top.value(QLatin1String("findings")).toArray(), evidenceId, true,
                       facts.findings);
        appendFindings(report.value(QLatin1String("findings")).toArray(), evidenceId, false,
                       facts.findings);
    }
    return facts;
}

QStringList CaseFacts::personalTerms() const
{
    QStringList terms;
    QSet<QString> seen;
    auto add = [&](const QString &term) {
        const QString trimmed = term.trimmed();
        if (!trimmed.isEmpty() && !seen.contains(trimmed.toLower())) {
            seen.insert(trimmed.toLower());
            terms.append(trimmed);
        }
    };
    // The domain of a reporter's or complainant's address goes too: a university's or a small
    // company's mail domain (and its servers' names in the Received chain) identifies who
    // complained as surely as the address does.
    auto addWithDomain = [&](const QString &address) {
        add(address);
        const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
        if (at > 0) {
            QString domain = address.mid(at + 1).trimmed();
            domain.remove(QLatin1Char('>'));
            if (domain.contains(QLatin1Char('.')))
                add(domain);
        }
    };
    for (const CaseReportFacts &report : reports) {
        // A blocklist's listing notice is no complaint by a person: the listing is public, and
        // the customer must know the list to ask for delisting. Its sender stays visible.
        if (report.format != QLatin1String("spamhaus")) {
            add(report.reporter);
            addWithDomain(report.reportFrom);
        }
        for (const QString &complainant : report.complainants)
            addWithDomain(complainant);
    }
    return terms;
}

int CaseFacts::distinctReporters() const
{
    QSet<QString> reporters;
    for (const CaseReportFacts &report : reports) {
        const QString who = !report.reporter.isEmpty() ? report.reporter : report.reportFrom;
        if (!who.isEmpty())
            reporters.insert(who.toLower());
    }
    return int(reporters.size());
}

Result<CaseFacts> loadCaseFacts(CaseStore &store, qint64 caseId, const QDateTime &now,
                                int lookBackMonths)
{
    CaseFacts facts;
    facts.now = now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();

    CaseRepository cases(store);
    Result<CaseRecord> record = cases.caseById(caseId);
    if (!record)
        return Error{record.error()};
    facts.record = *record;

    EvidenceRepository evidence(store);
    for (const CaseReportRecord &member : facts.record.reports) {
        Result<QByteArray> json = evidence.analysisJson(member.evidenceId);
        if (!json)
            return Error{json.error()};
        Result<CaseReportFacts> report = reportFactsFromAnalysis(member.evidenceId, *json);
        if (!report)
            return Error{report.error()};
        Result<QByteArray> bytes = evidence.bytes(member.evidenceId);
        if (!bytes)
            return Error{bytes.error()};
        report->originalHeaderBlock = headerBlockOf(*bytes, report->format);
        facts.reports.append(*report);
    }

    if (!facts.record.accountId.isEmpty()) {
        Result<AccountHistory> history =
            loadAccountHistory(store, facts.record.accountId, facts.now, lookBackMonths);
        if (!history)
            return Error{history.error()};
        facts.history = *history;
        Result<QList<StoredListing>> listings =
            ListingRepository(store).forAccount(facts.record.accountId);
        if (!listings)
            return Error{listings.error()};
        facts.listings = *listings;
    }
    return facts;
}

} // namespace Awb
