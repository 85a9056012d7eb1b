#include "reports/xarf/xarf_fill.h"

#include "network/ip_address.h"

#include <QUrl>

namespace Awb {

void assignXarfSource(Report *report, const QString &source, const QString &type)
{
    const QString text = source.trimmed();
    if (text.isEmpty())
        return;
    const QString kind = type.trimmed().toLower();
    const std::optional<IpAddress> address = IpAddress::parse(text);
    const bool labelledIp = kind.startsWith(QLatin1String("ip"));
    const bool labelledUri = kind == QLatin1String("uri") || kind == QLatin1String("url");
    if (address && (kind.isEmpty() || labelledIp)) {
        report->sourceIp = address->toString();
    } else if (labelledUri || (kind.isEmpty() && text.contains(QLatin1String("://")))) {
        report->reportedUris.append(text);
    } else if (labelledIp) {
        // Labelled an address but not one: keep the text so nothing is lost, and say so.
        report->sourceIp = text;
        report->problems << QStringLiteral("the source \"%1\" is labelled %2 but is not an IP "
                                           "address")
                                .arg(text, type);
    } else if (kind.isEmpty() || kind == QLatin1String("domain") ||
               kind == QLatin1String("hostname")) {
        if (!text.contains(QLatin1Char(' ')) && !text.contains(QLatin1Char('@')))
            report->reportedDomain = text;
    }
}

QDateTime parseXarfDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(trimmed, Qt::RFC2822Date);
    if (!parsed.isValid()) {
        // RFC 2822 dates often carry a trailing zone comment: "... +0100 (CET)".
        const qsizetype comment = trimmed.indexOf(QLatin1String(" ("));
        if (comment > 0)
            parsed = QDateTime::fromString(trimmed.left(comment), Qt::RFC2822Date);
    }
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

bool takeXarfEvidence(Report *report, const QByteArray &bytes, const QString &contentType,
                      qsizetype offset)
{
    const QString type = contentType.trimmed().toLower();
    const bool message = type == QLatin1String("message/rfc822") ||
                         type == QLatin1String("text/rfc822") ||
                         type == QLatin1String("text/email");
    const bool headers = type == QLatin1String("text/rfc822-headers") ||
                         type == QLatin1String("message/rfc822-headers");
    if ((!message && !headers) || bytes.trimmed().isEmpty() || report->originalBytes)
        return false;
    report->originalBytes = bytes;
    report->originalOffset = offset;
    report->originalHeadersOnly =
        headers || (!bytes.contains("\n\n") && !bytes.contains("\r\n\r\n"));
    return true;
}

} // namespace Awb
