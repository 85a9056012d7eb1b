#include "enforcement/case_notice_text_p.h"

#include <QCoreApplication>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseNotice)
};

} // namespace

// What a customer notice calls a report. Neutral on purpose: "SpamCop report" or "Microsoft
// JMRP report" would name the reporter, which a customer never learns (the redaction rule).
QString neutralFormatName(const QString &format)
{
    if (format == QLatin1String("arf") || format == QLatin1String("jmrp"))
        return Tr::tr("Feedback-loop complaint");
    if (format == QLatin1String("xarf"))
        return Tr::tr("Structured abuse report (X-ARF)");
    if (format == QLatin1String("spamhaus"))
        return Tr::tr("Blocklist listing notice");
    if (format == QLatin1String("message"))
        return Tr::tr("Reported message");
    return Tr::tr("Abuse complaint");
}

// "Name <address>" or a bare address, as a report's From shows it.
std::pair<QString, QString> splitMailbox(const QString &mailbox)
{
    const qsizetype open = mailbox.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = mailbox.lastIndexOf(QLatin1Char('>'));
    if (open < 0 || close < open)
        return {QString(), mailbox.trimmed()};
    QString name = mailbox.left(open).trimmed();
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2);
    return {name, mailbox.mid(open + 1, close - open - 1).trimmed()};
}

QStringList missingItems(const CaseReportFacts &report)
{
    QStringList missing;
    if (!report.fullHeaders)
        missing << Tr::tr("Full email headers");
    if (!report.completeMessage)
        missing << Tr::tr("Complete message copy");
    if (!report.receiptTimestamp)
        missing << Tr::tr("Receipt timestamp");
    if (!report.description)
        missing << Tr::tr("Description of policy violation");
    return missing;
}

QString requiredAction(const QString &type, const CaseFacts &facts)
{
    QString text;
    if (type == QLatin1String("warning") || type == QLatin1String("suspension")) {
        text = Tr::tr("Stop the sending described above at once. Find its cause (for example a "
                      "compromised script, mailbox or server, or a list without recorded opt-in "
                      "consent) and remove it, and reply to this notice saying what you found and "
                      "what you changed.");
    } else {
        text = Tr::tr("Preserve any records of the sending described above; they may be requested "
                      "in a dispute or by the authorities (policy section XI).");
    }
    if (facts.record.kind == QLatin1String("opt-out"))
        text += QLatin1Char(' ') +
                Tr::tr("Remove every address that asked to opt out from all of your lists and "
                       "confirm this in your reply (policy section 4.2).");
    return text;
}

QString consequences(const QString &type, int lookBackMonths)
{
    if (type == QLatin1String("warning"))
        return Tr::tr(
                   "A further confirmed violation within %1 months is a repeated violation, which "
                   "policy section 6.1 answers with account termination.")
            .arg(lookBackMonths);
    if (type == QLatin1String("suspension"))
        return Tr::tr("Services stay suspended at least until the earliest end date and until the "
                      "conditions below are met. A further confirmed violation within %1 months "
                      "leads to termination (policy section 6.1).")
            .arg(lookBackMonths);
    return Tr::tr("Termination is permanent (policy section 6.1). Prepaid fees, setup charges and "
                  "account credits are forfeited (policy section 6.3).");
}

QString howToRespond(const NoticeRequest &request, const QString &caseId, bool reporter)
{
    if (reporter)
        return Tr::tr("To add information, reply to this message keeping [%1] in the subject, or "
                      "write to %2.")
            .arg(caseId, request.deskAddress);
    return Tr::tr("Reply to this message keeping [%1] in the subject, or write to %2. If you "
                  "dispute this notice, say why and attach what supports it before the deadline "
                  "above; the evidence listed here can be made available to you or your counsel "
                  "on request.")
        .arg(caseId, request.deskAddress);
}

} // namespace Awb
