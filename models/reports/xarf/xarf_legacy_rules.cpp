#include "reports/xarf/xarf_legacy_report.h"

#include "reports/xarf/json_schema_formats.h"
#include "reports/xarf/xarf_fill.h"

namespace Awb {

QList<SchemaViolation> checkLegacyXarfRules(const XarfYamlDocument &report, const QString &version)
{
    QList<SchemaViolation> violations;
    QStringList required = {QStringLiteral("Reported-From"), QStringLiteral("Category"),
                            QStringLiteral("Report-Type"),   QStringLiteral("User-Agent"),
                            QStringLiteral("Version"),       QStringLiteral("Date"),
                            QStringLiteral("Source"),        QStringLiteral("Source-Type"),
                            QStringLiteral("Attachment")};
    if (version != QLatin1String("0.1"))
        required << QStringLiteral("Schema-URL");
    for (const QString &field : required) {
        if (report.value(field).trimmed().isEmpty())
            violations.append({field, QStringLiteral("required"),
                               QStringLiteral("report.txt has no %1").arg(field)});
    }

    const QString written = report.value(u"Version").trimmed();
    if (!written.isEmpty() && written != QLatin1String("0.1") && written != QLatin1String("0.2"))
        violations.append({QStringLiteral("Version"), QStringLiteral("enum"),
                           QStringLiteral("Version \"%1\" is neither 0.1 nor 0.2").arg(written)});

    bool known = false;
    const QString from = report.value(u"Reported-From").trimmed();
    if (!from.isEmpty() && !matchesSchemaFormat(QStringLiteral("email"), from, &known))
        violations.append({QStringLiteral("Reported-From"), QStringLiteral("format: email"),
                           QStringLiteral("\"%1\" is not an email address").arg(from)});

    const QString date = report.value(u"Date").trimmed();
    if (!date.isEmpty() && !parseXarfDate(date).isValid())
        violations.append({QStringLiteral("Date"), QStringLiteral("format: date-time"),
                           QStringLiteral("\"%1\" is not a date").arg(date)});

    const QString source = report.value(u"Source").trimmed();
    const QString sourceType = report.value(u"Source-Type").trimmed().toLower();
    for (const QString format : {QStringLiteral("ipv4"), QStringLiteral("ipv6")}) {
        if (!source.isEmpty() && sourceType == format &&
            !matchesSchemaFormat(format, source, &known))
            violations.append(
                {QStringLiteral("Source"), QStringLiteral("format: %1").arg(format),
                 QStringLiteral("Source \"%1\" is not an %2 address").arg(source, format)});
    }
    if (!source.isEmpty() &&
        (sourceType == QLatin1String("uri") || sourceType == QLatin1String("url")) &&
        !matchesSchemaFormat(QStringLiteral("uri"), source, &known))
        violations.append({QStringLiteral("Source"), QStringLiteral("format: uri"),
                           QStringLiteral("Source \"%1\" is not a URI").arg(source)});

    const QString port = report.value(u"Port").trimmed();
    bool isNumber = false;
    const int portNumber = port.toInt(&isNumber);
    if (!port.isEmpty() && (!isNumber || portNumber < 0 || portNumber > 65535))
        violations.append({QStringLiteral("Port"),
                           isNumber ? QStringLiteral("maximum") : QStringLiteral("type"),
                           QStringLiteral("Port \"%1\" is not a port number (0-65535)").arg(port)});

    const QString occurrences = report.value(u"Occurrences").trimmed();
    const int count = occurrences.toInt(&isNumber);
    if (!occurrences.isEmpty() && (!isNumber || count < 1))
        violations.append(
            {QStringLiteral("Occurrences"),
             isNumber ? QStringLiteral("minimum") : QStringLiteral("type"),
             QStringLiteral("Occurrences \"%1\" is not a positive number").arg(occurrences)});
    return violations;
}

} // namespace Awb
