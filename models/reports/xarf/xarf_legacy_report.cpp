#include "reports/xarf/xarf_legacy_report.h"

#include "mail/mail_message.h"
#include "reports/xarf/xarf_fill.h"

namespace Awb {

namespace {

const QString ReportTxt = QStringLiteral("report.txt");

bool isReportTxt(const MimePartInfo &part)
{
    return !part.isContainer && part.filename.compare(ReportTxt, Qt::CaseInsensitive) == 0;
}

// Some senders forget to name the YAML part. Its first key line gives it away.
bool looksLikeYamlReport(const QString &text)
{
    for (const QStringView key : {u"Reported-From:", u"Report-Type:", u"Category:"}) {
        if (text.startsWith(key, Qt::CaseInsensitive) ||
            text.contains(QStringLiteral("\n%1").arg(key), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// The index of the report part, or -1. *named is false when it was found by its content only.
qsizetype findReportPart(const MailMessage &message, const QList<MimePartInfo> &parts, bool *named)
{
    *named = true;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (isReportTxt(parts.at(i)))
            return i;
    }
    *named = false;
    bool skippedHuman = false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const MimePartInfo &part = parts.at(i);
        if (part.isContainer || part.depth != 1 || part.contentType != QLatin1String("text/plain"))
            continue;
        if (!skippedHuman) {
            skippedHuman = true; // the first text part is the human one
            continue;
        }
        if (looksLikeYamlReport(QString::fromUtf8(message.partContent(i))))
            return i;
    }
    return -1;
}

void checkHeaders(const MailMessage &message, Report *report)
{
    const QStringList arf = message.headerValues("X-ARF");
    const QStringList xxarf = message.headerValues("X-XARF");
    for (const QString &value : arf) {
        if (value.trimmed().compare(QLatin1String("YES"), Qt::CaseInsensitive) != 0)
            report->problems << QStringLiteral("the X-ARF header says \"%1\", the specification "
                                               "asks for \"YES\"")
                                    .arg(value.trimmed());
    }
    for (const QString &value : xxarf) {
        if (value.trimmed().compare(QLatin1String("PLAIN"), Qt::CaseInsensitive) != 0)
            report->problems << QStringLiteral("the X-XARF header says \"%1\", X-ARF 0.1 asks "
                                               "for \"PLAIN\"")
                                    .arg(value.trimmed());
    }
    if (arf.isEmpty() && xxarf.isEmpty())
        report->problems << QStringLiteral("a report.txt part but neither an X-ARF nor an "
                                           "X-XARF header");
    if (message.mimeParts().value(0).contentType != QLatin1String("multipart/mixed"))
        report->problems << QStringLiteral("the message is %1, X-ARF asks for multipart/mixed")
                                .arg(message.mimeParts().value(0).contentType);
}

void readFields(const XarfYamlDocument &yaml, Report *report)
{
    for (const XarfYamlEntry &entry : yaml.entries) {
        if (entry.values.isEmpty())
            report->fields.append({entry.key, QString(), ReportTxt});
        for (const QString &value : entry.values)
            report->fields.append({entry.key, value, ReportTxt});
    }
    report->reporter = yaml.value(u"Reported-From").trimmed();
    report->feedbackType = yaml.value(u"Category").trimmed();
    report->userAgent = yaml.value(u"User-Agent").trimmed();
    report->arrivalDateText = yaml.value(u"Date").trimmed();
    report->arrivalDate = parseXarfDate(report->arrivalDateText);
    report->reportId = yaml.value(u"Report-ID").trimmed();
    assignXarfSource(report, yaml.value(u"Source"), yaml.value(u"Source-Type"));
    bool ok = false;
    const int port = yaml.value(u"Port").trimmed().toInt(&ok);
    if (ok && port >= 0 && port <= 65535)
        report->sourcePort = port;
    const int occurrences = yaml.value(u"Occurrences").trimmed().toInt(&ok);
    if (ok && occurrences > 0)
        report->incidents = occurrences;
    if (const XarfYamlEntry *domain = yaml.find(u"Domain"); domain && !domain->values.isEmpty())
        report->reportedDomain = domain->values.first().trimmed();
}

// The evidence is the first message/rfc822 or text/rfc822-headers part outside the report
// part; X-ARF also allows logs as text/plain, which are evidence but not a message.
void readEvidence(const MailMessage &message, const QList<MimePartInfo> &parts,
                  qsizetype reportPart, const QString &attachment, Report *report)
{
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const MimePartInfo &part = parts.at(i);
        if (i == reportPart || part.depth != 1)
            continue;
        const LocatedContent evidence = message.locatedPartContent(i);
        if (takeXarfEvidence(report, evidence.bytes, part.contentType, evidence.offset))
            return;
    }
    const QString declared = attachment.trimmed().toLower();
    if (declared.contains(QLatin1String("rfc822")))
        report->problems << QStringLiteral("report.txt announces %1 evidence, but the mail "
                                           "carries no message part")
                                .arg(attachment.trimmed());
}

} // namespace

bool looksLikeLegacyXarf(const MailMessage &message)
{
    if (!message.rawHeaderValues("X-ARF").isEmpty() || !message.rawHeaderValues("X-XARF").isEmpty())
        return true;
    for (const MimePartInfo &part : message.mimeParts()) {
        if (isReportTxt(part))
            return true;
    }
    return false;
}

Report readLegacyXarf(const MailMessage &message)
{
    Report report;
    report.format = ReportFormat::Xarf;
    checkHeaders(message, &report);

    const QList<MimePartInfo> parts = message.mimeParts();
    bool named = true;
    const qsizetype reportPart = findReportPart(message, parts, &named);
    // Without a Version field the headers tell the generation: X-XARF alone is 0.1.
    QString version =
        message.rawHeaderValues("X-ARF").isEmpty() && !message.rawHeaderValues("X-XARF").isEmpty()
            ? QStringLiteral("0.1")
            : QStringLiteral("0.2");
    QString attachment;
    if (reportPart < 0) {
        report.problems << QStringLiteral("no report.txt part: the machine-readable report is "
                                          "missing");
    } else {
        if (!named)
            report.problems << QStringLiteral("the YAML report part is not named report.txt");
        const XarfYamlDocument yaml =
            readXarfYaml(QString::fromUtf8(message.partContent(reportPart)));
        for (const QString &problem : yaml.problems)
            report.problems << QStringLiteral("report.txt %1").arg(problem);
        if (yaml.entries.isEmpty())
            report.problems << QStringLiteral("report.txt holds no field");
        readFields(yaml, &report);
        const QString written = yaml.value(u"Version").trimmed();
        if (!written.isEmpty())
            version = written;
        attachment = yaml.value(u"Attachment");
        report.schemaViolations = checkLegacyXarfRules(yaml, version);
    }
    report.formatVersion = version;

    // The human part: the first text part, unless the first text part is the report itself.
    const qsizetype firstText = [&parts] {
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (!parts.at(i).isContainer && parts.at(i).contentType == QLatin1String("text/plain"))
                return i;
        }
        return qsizetype(-1);
    }();
    if (firstText != reportPart)
        report.description = message.textBody().trimmed();
    readEvidence(message, parts, reportPart, attachment, &report);
    return report;
}

} // namespace Awb
