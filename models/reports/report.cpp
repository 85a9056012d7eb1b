#include "reports/report.h"

#include <QCoreApplication>

namespace Awb {

namespace {

struct FormatName
{
    ReportFormat format;
    const char *key;
};

constexpr FormatName formatNames[] = {
    {ReportFormat::Message, "message"},   {ReportFormat::Arf, "arf"},
    {ReportFormat::Xarf, "xarf"},         {ReportFormat::SpamCop, "spamcop"},
    {ReportFormat::Spamhaus, "spamhaus"}, {ReportFormat::Jmrp, "jmrp"},
    {ReportFormat::Forward, "forward"},
};

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ReportCompleteness)
};

} // namespace

QString reportFormatKey(ReportFormat format)
{
    for (const FormatName &name : formatNames) {
        if (name.format == format)
            return QLatin1String(name.key);
    }
    return {};
}

std::optional<ReportFormat> reportFormatFromKey(const QString &key)
{
    for (const FormatName &name : formatNames) {
        if (key == QLatin1String(name.key))
            return name.format;
    }
    return std::nullopt;
}

int ReportCompleteness::count() const
{
    return int(fullHeaders) + int(completeMessage) + int(receiptTimestamp) + int(description);
}

QString ReportCompleteness::summary() const
{
    QStringList missing;
    if (!fullHeaders)
        missing << Tr::tr("no full headers");
    if (!completeMessage)
        missing << Tr::tr("no complete copy of the message");
    if (!receiptTimestamp)
        missing << Tr::tr("no receipt timestamp");
    if (!description)
        missing << Tr::tr("no description of the violation");
    const QString score = Tr::tr("%1 of 4").arg(count());
    return missing.isEmpty() ? score
                             : score + QStringLiteral(": ") + missing.join(QStringLiteral(", "));
}

ReportCompleteness assessCompleteness(const Report &report)
{
    ReportCompleteness c;
    // Full headers: the original's header block is there (whole message or headers only) and
    // holds at least one Received field and a From; a few pasted lines are not "full headers".
    if (report.originalBytes) {
        const QByteArray &original = *report.originalBytes;
        const qsizetype end =
            original.indexOf("\n\n") >= 0 ? original.indexOf("\n\n") : original.indexOf("\r\n\r\n");
        const QByteArray head = (end >= 0 ? original.left(end) : original).toLower();
        c.fullHeaders = (head.startsWith("received:") || head.contains("\nreceived:")) &&
                        (head.startsWith("from:") || head.contains("\nfrom:"));
        c.completeMessage = !report.originalHeadersOnly && end >= 0;
    }
    c.receiptTimestamp = report.arrivalDate.isValid();
    c.description = !report.description.trimmed().isEmpty() || !report.feedbackType.isEmpty();
    return c;
}

} // namespace Awb
