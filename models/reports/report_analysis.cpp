#include "reports/report_analysis.h"

#include "analysis/check.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "network/ip_address.h"
#include "reports/report_recogniser.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Awb {

namespace {

// A reporter's Arrival-Date and the top stamp of the original are written by the same
// organisation at about the same moment; an hour absorbs queueing and clock drift, while the
// usual mistake (a wrong time zone) is an hour or more.
constexpr qint64 ArrivalToleranceSeconds = 3600;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ReportAnalysis)
};

enum CheckIndex {
    SourceIpMismatch,
    ArrivalMismatch,
    Recognition,
    Incomplete,
    Schema,
    Listing,
    Unrecognised
};

// Section V says what a report must contain; where a report's own statements contradict its
// evidence or fall short, the clause is V. A listing of our address is the infrastructure
// impact of section 3.3 (and the liability of 6.2, which the advisor decides).
const QList<CheckInfo> &catalogue()
{
    static const QList<CheckInfo> checks = {
        {QStringLiteral("report.source-ip-mismatch"), Severity::Medium, QStringLiteral("V"),
         Tr::tr("Reporter's source IP differs from the original's origin"),
         Tr::tr("The IP the reporter names (Source-IP and the like) is not the origin that the "
                "original's Received chain shows.")},
        {QStringLiteral("report.arrival-date-mismatch"), Severity::Low, QStringLiteral("V"),
         Tr::tr("Reporter's arrival date differs from the original's stamps"),
         Tr::tr("The reporter's Arrival-Date is more than an hour from the time the reporter's own "
                "server stamped on the original.")},
        {QStringLiteral("report.recognition-problem"), Severity::Low, QStringLiteral("V"),
         Tr::tr("Report could not be read completely"),
         Tr::tr("The message looks like a report of a known format, but parts of it could not be "
                "read (a missing feedback part, a pasted forward, unreadable fields).")},
        {QStringLiteral("report.incomplete"), Severity::Info, QStringLiteral("V"),
         Tr::tr("Report lacks information section V asks for"),
         Tr::tr("Full headers, a complete copy, the receipt timestamp and a description of the "
                "violation: which of the four the report does not give.")},
        {QStringLiteral("report.schema-violation"), Severity::Low, QStringLiteral("V"),
         Tr::tr("Report breaks its format's schema"),
         Tr::tr("An X-ARF report that does not validate against its schema; it is still read.")},
        {QStringLiteral("report.blacklisting"), Severity::High, QStringLiteral("3.3"),
         Tr::tr("Our address is listed on a blacklist"),
         Tr::tr(
             "A blacklist operator (Spamhaus, SpamCop) lists one of the addresses in the report.")},
        {QStringLiteral("report.unrecognised"), Severity::Low, QStringLiteral("V"),
         Tr::tr("Looks like a report, but no format could be read"),
         Tr::tr(
             "The message calls itself an abuse report (a report content type, an X-ARF header, a "
             "report subject) but no recogniser could read it; it is analysed as a plain "
             "message.")},
    };
    return checks;
}

Finding finding(CheckIndex index, const QString &evidence)
{
    const CheckInfo &info = catalogue().at(index);
    return Finding{info.id, info.severity, info.clause, info.title, evidence, -1, {}};
}

bool isOurHost(const QString &host, const QStringList &domains)
{
    const QString name = host.toLower();
    for (const QString &domain : domains) {
        const QString d = domain.toLower();
        if (!d.isEmpty() && (name == d || name.endsWith(QLatin1Char('.') + d)))
            return true;
    }
    return false;
}

Receipt receiptOf(const MessageAnalysis &analysis, const TrustSettings &trust,
                  const QDateTime &importTime)
{
    const QList<ChainHop> &hops = analysis.chain.hops;
    for (int i = 0; i < hops.size(); ++i) {
        const ReceivedHop &hop = hops.at(i).parsed;
        const auto byIp = IpAddress::parse(hop.byIp);
        const bool ours =
            isOurHost(hop.by, trust.ourMailDomains) || (byIp && trust.ours.contains(*byIp));
        if (!ours || !hop.dateValid)
            continue;
        return Receipt{hop.date, Receipt::Source::OurServer, i,
                       Tr::tr("stamped by our server %1 (hop %2)").arg(hop.by).arg(i)};
    }
    return Receipt{importTime, Receipt::Source::Import, -1,
                   Tr::tr("import time: no Received stamp by one of our mail servers")};
}

void compareClaims(const Report &report, const MessageAnalysis &original, QList<Finding> &out)
{
    const Origin &origin = original.chain.origin;
    const auto claimed = IpAddress::parse(report.sourceIp);
    const auto shown = IpAddress::parse(origin.ip);
    if (claimed && shown && claimed->withoutZone() != shown->withoutZone()) {
        out.append(
            finding(SourceIpMismatch,
                    Tr::tr("The reporter names %1 as the source; the original's Received chain "
                           "shows %2 as the origin (hop %3).")
                        .arg(report.sourceIp, origin.ip)
                        .arg(origin.hop)));
    }
    if (report.arrivalDate.isValid() && !original.chain.hops.isEmpty()) {
        const ReceivedHop &top = original.chain.hops.first().parsed;
        if (top.dateValid && qAbs(top.date.secsTo(report.arrivalDate)) > ArrivalToleranceSeconds) {
            const qint64 hours = qAbs(top.date.secsTo(report.arrivalDate)) / 3600;
            out.append(
                finding(ArrivalMismatch,
                        Tr::tr("The reporter's arrival date is %1 (written as \"%2\"); the "
                               "top stamp of the original, by %3, is dated %4: about %5 "
                               "hour(s) apart.")
                            .arg(report.arrivalDate.toString(Qt::ISODate), report.arrivalDateText,
                                 top.by, top.date.toString(Qt::ISODate))
                            .arg(hours)));
        }
    }
}

// Why a message that no recogniser claimed still looks like a report, or empty.
QString reportLikeness(const MailMessage &message)
{
    const QString type = message.headerValue("Content-Type").toLower();
    if (type.contains(QStringLiteral("multipart/report")) &&
        type.contains(QStringLiteral("feedback-report")))
        return Tr::tr("Content-Type \"%1\" declares a feedback report")
            .arg(message.headerValue("Content-Type").simplified());
    for (const QByteArray &name : {QByteArray("X-ARF"), QByteArray("X-XARF")}) {
        if (!message.rawHeaderValues(name).isEmpty())
            return Tr::tr("the header %1: %2 declares an X-ARF report")
                .arg(QString::fromLatin1(name), message.headerValue(name).simplified());
    }
    static const QRegularExpression subject(
        QStringLiteral("\\b(abuse|spam|phishing|fraud)\\s+(report|complaint|notification)\\b|"
                       "\\[SpamCop\\b|\\bSBL\\d+"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = message.subject();
    if (const QRegularExpressionMatch m = subject.match(text); m.hasMatch())
        return Tr::tr("the subject \"%1\" names a report (\"%2\")").arg(text, m.captured());
    return {};
}

void reportFindings(const MailMessage &message, const Report &report,
                    const ReportCompleteness &completeness, QList<Finding> &out)
{
    if (report.format == ReportFormat::Message) {
        if (const QString why = reportLikeness(message); !why.isEmpty()) {
            out.append(finding(
                Unrecognised, Tr::tr("This looks like an abuse report (%1), but no known format "
                                     "could be read from it, so it is analysed as a plain message.")
                                  .arg(why)));
        }
        return;
    }
    if (!report.problems.isEmpty())
        out.append(finding(Recognition, report.problems.join(QStringLiteral("; "))));
    if (completeness.count() < 4)
        out.append(finding(Incomplete, completeness.summary()));
    for (const SchemaViolation &v : report.schemaViolations) {
        out.append(finding(Schema, Tr::tr("%1: %2 (%3)").arg(v.path, v.message, v.rule)));
    }
    for (const ListingRecord &listing : report.listings) {
        out.append(finding(
            Listing,
            Tr::tr("%1 lists %2 as %3%4%5.")
                .arg(report.reporter.isEmpty() ? listing.list : report.reporter, listing.range,
                     listing.listingId,
                     listing.reason.isEmpty() ? QString() : Tr::tr(" (%1)").arg(listing.reason),
                     listing.listedAt.isValid()
                         ? Tr::tr(", listed %1").arg(listing.listedAt.toString(Qt::ISODate))
                         : QString())));
    }
}

} // namespace

QString receiptSourceKey(Receipt::Source source)
{
    return source == Receipt::Source::OurServer ? QStringLiteral("our-server")
                                                : QStringLiteral("import");
}

const QList<CheckInfo> &reportCheckCatalogue()
{
    return catalogue();
}

ReportAnalysis analyzeReport(const MailMessage &message, const TrustSettings &trust,
                             const QDateTime &importTime)
{
    ReportAnalysis result;
    result.message = analyzeMessage(message, trust, importTime);
    result.receipt = receiptOf(result.message, trust, importTime);
    result.responseDeadline = result.receipt.at.addSecs(qint64(ResponseHours) * 3600);
    result.report = recogniseReport(message);
    result.completeness = assessCompleteness(result.report);

    if (result.report.originalBytes) {
        if (auto original = MailMessage::parse(*result.report.originalBytes)) {
            // The original's "now" is when the reporter received it, else when we did.
            const QDateTime reference =
                result.report.arrivalDate.isValid() ? result.report.arrivalDate : result.receipt.at;
            result.original = analyzeMessage(*original, trust, reference);
            compareClaims(result.report, *result.original, result.reportFindings);
        } else {
            result.report.problems
                << Tr::tr("the reported message could not be read: %1").arg(original.error());
        }
    }
    reportFindings(message, result.report, result.completeness, result.reportFindings);
    return result;
}

} // namespace Awb
