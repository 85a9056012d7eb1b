#include "jmrp_recogniser.h"

#include "feedback_common.h"
#include "mail/mail_message.h"

#include <QCoreApplication>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::JmrpRecogniser)
};

void readOriginalRecipient(Report &report)
{
    if (!report.originalBytes)
        return;
    const Result<MailMessage> original = MailMessage::parse(*report.originalBytes);
    if (!original)
        return;
    for (const QString &value : original->headerValues("X-HmXmrOriginalRecipient")) {
        report.originalRcptTo.append(bareAddress(value));
        addField(report, QStringLiteral("X-HmXmrOriginalRecipient"), value.trimmed(),
                 kSourceOriginal);
    }
}

} // namespace

QString JmrpRecogniser::name() const
{
    return QStringLiteral("Microsoft JMRP");
}

std::optional<Report> JmrpRecogniser::recognise(const MailMessage &message) const
{
    const QList<MimePartInfo> parts = message.mimeParts();
    const QList<int> own = ownPartIndexes(parts);
    if (firstOwnPart(parts, own, {"message/feedback-report"}) >= 0)
        return std::nullopt;
    const QString humanText = message.textBody();
    const std::optional<ReceivedFromClaim> claim = receivedFromClaim(humanText);
    if (!claim || !claim->jmrpWording)
        return std::nullopt;

    Report report;
    report.format = ReportFormat::Jmrp;
    report.feedbackType = QStringLiteral("abuse"); // the wording says "email abuse report"
    report.description = humanText.trimmed();
    report.reporter = bareAddress(message.from());

    addField(report, QStringLiteral("Source-IP"), claim->ipText, kSourceHuman);
    if (!claim->ip.isEmpty())
        report.sourceIp = claim->ip;
    else
        report.problems
            << Tr::tr("The complaint names \"%1\", which is not an IP address.").arg(claim->ipText);
    addField(report, QStringLiteral("Arrival-Date"), claim->dateText, kSourceHuman);
    report.arrivalDateText = claim->dateText;
    report.arrivalDate = claimedDate(claim->dateText);
    if (!report.arrivalDate.isValid())
        report.problems
            << Tr::tr("The arrival date \"%1\" is not a readable date.").arg(claim->dateText);

    if (std::optional<QString> ip = complaintSubjectIp(message.subject())) {
        addField(report, QStringLiteral("Source-IP"), *ip, kSourceSubject);
        if (!report.sourceIp.isEmpty() && *ip != report.sourceIp)
            report.problems << Tr::tr("The subject names %1 but the complaint text names %2.")
                                   .arg(*ip, report.sourceIp);
    }

    takeOriginal(message, parts, own, report);
    readOriginalRecipient(report);
    if (message.mimeTreeTruncated())
        report.problems << Tr::tr("The MIME structure is nested too deeply; the inner parts were "
                                  "not read.");
    if (lacksClosingBoundary(message))
        report.problems << Tr::tr("The multipart body has no closing boundary: the complaint may "
                                  "have been cut off.");
    return report;
}

} // namespace Awb
