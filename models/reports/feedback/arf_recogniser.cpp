#include "arf_recogniser.h"

#include "feedback_common.h"
#include "feedback_fields.h"
#include "mail/mail_message.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ArfRecogniser)
};

// Some loops label the feedback part text/plain. It is then an own text/plain leaf after the
// first (the human part) whose content starts like a feedback report.
int mislabelledFeedbackPart(const MailMessage &message, const QList<MimePartInfo> &parts,
                            const QList<int> &own)
{
    static const QRegularExpression feedbackType(
        QStringLiteral(R"(^\s*["']?feedback-type["']?\s*:)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    bool seenHumanPart = false;
    for (int index : own) {
        if (parts.at(index).contentType != QLatin1String("text/plain"))
            continue;
        if (!seenHumanPart) {
            seenHumanPart = true;
            continue;
        }
        if (feedbackType.match(QString::fromUtf8(message.partContent(index))).hasMatch())
            return index;
    }
    return -1;
}

void readArrivalDate(const QString &value, const QString &name, Report &report)
{
    report.arrivalDateText = value;
    report.arrivalDate = claimedDate(value);
    if (!report.arrivalDate.isValid())
        report.problems << Tr::tr("%1 \"%2\" is not a readable date.").arg(name, value);
}

void applyFeedbackFields(const FeedbackFields &feedback, Report &report)
{
    for (const FeedbackField &field : feedback.fields)
        addField(report, field.name, field.value, kSourceFeedback);

    report.feedbackType = fieldValue(feedback, "Feedback-Type").toLower();
    report.userAgent = fieldValue(feedback, "User-Agent");
    report.formatVersion = fieldValue(feedback, "Version");
    for (const char *required : {"Feedback-Type", "User-Agent", "Version"}) {
        if (fieldValue(feedback, required).isEmpty())
            report.problems << Tr::tr("The feedback part has no %1 field (required by RFC 5965).")
                                   .arg(QLatin1String(required));
    }

    // Received-Date is the name of the first ARF drafts; RFC 5965 renamed it Arrival-Date.
    const QString arrival = fieldValue(feedback, "Arrival-Date");
    const QString historic = fieldValue(feedback, "Received-Date");
    if (!arrival.isEmpty())
        readArrivalDate(arrival, QStringLiteral("Arrival-Date"), report);
    else if (!historic.isEmpty())
        readArrivalDate(historic, QStringLiteral("Received-Date"), report);

    const QString sourceIp = fieldValue(feedback, "Source-IP");
    if (!sourceIp.isEmpty()) {
        if (std::optional<QString> ip = claimedIp(sourceIp, &report.sourcePort))
            report.sourceIp = *ip;
        else
            report.problems << Tr::tr("Source-IP \"%1\" is not an IP address.").arg(sourceIp);
    }
    const QString sourcePort = fieldValue(feedback, "Source-Port");
    if (!sourcePort.isEmpty()) {
        bool ok = false;
        const int port = unquoted(sourcePort).toInt(&ok);
        if (ok && port >= 0 && port <= 65535)
            report.sourcePort = port;
        else
            report.problems << Tr::tr("Source-Port \"%1\" is not a port number.").arg(sourcePort);
    }

    const QString mailFrom = fieldValue(feedback, "Original-Mail-From");
    if (!mailFrom.isEmpty())
        report.originalMailFrom = bareAddress(mailFrom);
    for (const QString &rcpt : fieldValues(feedback, "Original-Rcpt-To"))
        report.originalRcptTo.append(bareAddress(rcpt));
    report.reportedDomain = fieldValue(feedback, "Reported-Domain");
    report.reportedUris = fieldValues(feedback, "Reported-URI");

    const QString incidents = fieldValue(feedback, "Incidents");
    if (!incidents.isEmpty()) {
        bool ok = false;
        const int count = incidents.toInt(&ok);
        if (ok && count > 0)
            report.incidents = count;
        else
            report.problems << Tr::tr("Incidents \"%1\" is not a positive number.").arg(incidents);
    }

    // "dns; mail.example.com": the type prefix of RFC 3464 is not part of the name.
    const QString mta = fieldValue(feedback, "Reporting-MTA");
    if (!mta.isEmpty())
        report.reporter = mta.mid(mta.indexOf(QLatin1Char(';')) + 1).trimmed();

    if (feedback.unreadableLines > 0)
        report.problems << Tr::tr("%n line(s) of the feedback part are not fields.", nullptr,
                                  feedback.unreadableLines);
}

// What the prose says, for the claims the feedback part left out (or that it does not have).
void applyHumanClaims(const MailMessage &message, Report &report)
{
    if (std::optional<ReceivedFromClaim> claim = receivedFromClaim(report.description)) {
        if (report.sourceIp.isEmpty() && !claim->ip.isEmpty()) {
            report.sourceIp = claim->ip;
            addField(report, QStringLiteral("Source-IP"), claim->ipText, kSourceHuman);
        }
        if (!report.arrivalDate.isValid() && report.arrivalDateText.isEmpty()) {
            const QDateTime date = claimedDate(claim->dateText);
            if (date.isValid()) {
                report.arrivalDate = date;
                report.arrivalDateText = claim->dateText;
                addField(report, QStringLiteral("Arrival-Date"), claim->dateText, kSourceHuman);
            }
        }
    }
    if (std::optional<QString> ip = complaintSubjectIp(message.subject())) {
        addField(report, QStringLiteral("Source-IP"), *ip, kSourceSubject);
        if (report.sourceIp.isEmpty())
            report.sourceIp = *ip;
    }
}

} // namespace

QString ArfRecogniser::name() const
{
    return QStringLiteral("ARF (RFC 5965)");
}

std::optional<Report> ArfRecogniser::recognise(const MailMessage &message) const
{
    const QList<MimePartInfo> parts = message.mimeParts();
    const QList<int> own = ownPartIndexes(parts);
    const QString humanText = message.textBody();
    const bool feedbackContainer = isFeedbackReportContainer(message);

    QStringList problems;
    int feedbackIndex = firstOwnPart(parts, own, {"message/feedback-report"});
    if (feedbackIndex < 0 && feedbackContainer) {
        feedbackIndex = mislabelledFeedbackPart(message, parts, own);
        if (feedbackIndex >= 0)
            problems << Tr::tr(
                            "The feedback part is labelled %1 instead of message/feedback-report.")
                            .arg(parts.at(feedbackIndex).contentType);
    }
    if (feedbackIndex < 0) {
        const std::optional<ReceivedFromClaim> claim = receivedFromClaim(humanText);
        if (claim && claim->jmrpWording)
            return std::nullopt; // the JMRP recogniser reads this one
        const bool complaintSubject = complaintSubjectIp(message.subject()).has_value();
        const bool hasOriginal = firstOwnPart(parts, own,
                                              {"message/rfc822", "message/global",
                                               "text/rfc822-headers", "text/rfc822-header"}) >= 0;
        if (!feedbackContainer && !(complaintSubject && hasOriginal))
            return std::nullopt;
        problems << Tr::tr("The report has no message/feedback-report part: the claims are read "
                           "from the subject and the human-readable part.");
    }

    Report report;
    report.format = ReportFormat::Arf;
    report.problems = problems;
    report.description = humanText.trimmed();
    if (feedbackIndex >= 0) {
        const FeedbackFields feedback = parseFeedbackFields(message.partContent(feedbackIndex));
        if (feedback.fields.isEmpty())
            report.problems << Tr::tr("The feedback part holds no fields.");
        applyFeedbackFields(feedback, report);
    }
    applyHumanClaims(message, report);
    if (report.description.isEmpty() && feedbackIndex < 0)
        report.description = message.subject().trimmed();
    if (report.reporter.isEmpty())
        report.reporter = bareAddress(message.from());

    takeOriginal(message, parts, own, report);
    if (message.mimeTreeTruncated())
        report.problems << Tr::tr("The MIME structure is nested too deeply; the inner parts were "
                                  "not read.");
    if (lacksClosingBoundary(message))
        report.problems << Tr::tr("The multipart body has no closing boundary: the report may have "
                                  "been cut off.");
    return report;
}

} // namespace Awb
