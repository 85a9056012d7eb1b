#include "reports/xarf/xarf_json_report.h"

#include "reports/xarf/json_schema_set.h"
#include "reports/xarf/xarf_fill.h"

#include <QJsonArray>

namespace Awb {

namespace {

const QString Json = QStringLiteral("json");

bool isPayloadKey(const QString &key)
{
    return key.compare(QLatin1String("payload"), Qt::CaseInsensitive) == 0 ||
           key == QLatin1String("Data");
}

// Every scalar of the report as a field named by its path ("Report.SourceIp",
// "evidence[0].content_type"). Evidence payloads are summarised: they are kept whole in
// originalBytes when they are a message, and a field is no place for megabytes of base64.
void flatten(const QJsonValue &value, const QString &name, QList<ReportField> *fields)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString child = name.isEmpty() ? it.key() : name + QLatin1Char('.') + it.key();
            if (isPayloadKey(it.key()) && it.value().isString())
                fields->append({child,
                                QStringLiteral("(%1 characters)").arg(it.value().toString().size()),
                                Json});
            else
                flatten(it.value(), child, fields);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            flatten(array.at(i), QStringLiteral("%1[%2]").arg(name).arg(i), fields);
    } else if (value.isString()) {
        fields->append({name, value.toString(), Json});
    } else if (value.isBool()) {
        fields->append(
            {name, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"), Json});
    } else if (value.isDouble()) {
        fields->append({name, QString::number(value.toDouble(), 'g', 15), Json});
    } else if (value.isNull()) {
        fields->append({name, QStringLiteral("null"), Json});
    }
}

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return value.toString().trimmed();
}

QString person(const QString &name, const QString &address)
{
    if (name.isEmpty())
        return address;
    return address.isEmpty() ? name : QStringLiteral("%1 <%2>").arg(name, address);
}

void setPort(Report *report, const QJsonValue &value)
{
    const int port = value.isDouble() ? value.toInt(-1) : value.toString().toInt();
    if (port > 0 && port <= 65535)
        report->sourcePort = port;
}

void setDate(Report *report, const QString &date)
{
    report->arrivalDateText = date;
    report->arrivalDate = parseXarfDate(date);
}

// One evidence item: base64 unless the item says otherwise (v3 "Base64Encoded": false).
void takeEvidence(Report *report, const QJsonObject &item, const char *typeKey,
                  const char *payloadKey, bool base64)
{
    const QString type = text(item, typeKey);
    const QByteArray payload = item.value(QLatin1String(payloadKey)).toString().toUtf8();
    if (!base64) {
        takeXarfEvidence(report, payload, type);
        return;
    }
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        if (type.contains(QLatin1String("rfc822")) || type.contains(QLatin1String("email")))
            report->problems << QStringLiteral("the %1 evidence is not valid base64").arg(type);
        return;
    }
    takeXarfEvidence(report, *decoded, type);
}

void readV4(const QJsonObject &json, Report *report)
{
    report->formatVersion = QStringLiteral("4");
    const QJsonObject reporter = json.value(QLatin1String("reporter")).toObject();
    report->reporter = person(text(reporter, "org"), text(reporter, "contact"));
    report->feedbackType = text(json, "type");
    report->reportId = text(json, "report_id");
    report->description = text(json, "description");
    setDate(report, text(json, "timestamp"));
    assignXarfSource(report, text(json, "source_identifier"), QString());
    setPort(report, json.value(QLatin1String("source_port")));
    report->originalMailFrom = text(json, "smtp_from");
    if (!text(json, "smtp_to").isEmpty())
        report->originalRcptTo << text(json, "smtp_to");
    if (!text(json, "url").isEmpty() && !report->reportedUris.contains(text(json, "url")))
        report->reportedUris << text(json, "url");
    for (const QJsonValue &item : json.value(QLatin1String("evidence")).toArray())
        takeEvidence(report, item.toObject(), "content_type", "payload", true);
}

void readV3(const QJsonObject &json, Report *report)
{
    report->formatVersion = QStringLiteral("3");
    const QJsonObject info = json.value(QLatin1String("ReporterInfo")).toObject();
    const QString org = text(info, "ReporterOrg");
    report->reporter = org.isEmpty() ? person(text(info, "ReporterContactName"),
                                              text(info, "ReporterContactEmail"))
                                     : person(org, text(info, "ReporterOrgEmail"));
    const QJsonObject body = json.value(QLatin1String("Report")).toObject();
    report->feedbackType = text(body, "ReportType");
    report->reportId = text(body, "ReporterCaseID");
    report->description = text(body, "ReporterNotes");
    setDate(report, text(body, "Date"));
    // Upstream v3 writes SourceIp/SourcePort; the v4 specification's v3 samples nest them in
    // a "Source" object. Both occur in the wild.
    const QJsonValue source = body.value(QLatin1String("Source"));
    if (body.contains(QLatin1String("SourceIp"))) {
        assignXarfSource(report, text(body, "SourceIp"), QStringLiteral("ip"));
    } else if (source.isObject()) {
        assignXarfSource(report, text(source.toObject(), "IP"), QString());
        setPort(report, source.toObject().value(QLatin1String("Port")));
    } else if (source.isString()) {
        assignXarfSource(report, source.toString(), QString());
    }
    if (body.contains(QLatin1String("SourcePort")))
        setPort(report, body.value(QLatin1String("SourcePort")));
    for (const char *key : {"SourceUrl", "Url"}) {
        if (!text(body, key).isEmpty())
            report->reportedUris << text(body, key);
    }
    report->originalMailFrom = text(body, "SmtpMailFromAddress");
    if (!text(body, "SmtpRcptToAddress").isEmpty())
        report->originalRcptTo << text(body, "SmtpRcptToAddress");
    for (const QJsonValue &sample : body.value(QLatin1String("Samples")).toArray()) {
        const QJsonObject item = sample.toObject();
        takeEvidence(report, item, "ContentType", "Payload",
                     item.value(QLatin1String("Base64Encoded")).toBool(false));
    }
    for (const QJsonValue &attachment : body.value(QLatin1String("Attachment")).toArray())
        takeEvidence(report, attachment.toObject(), "ContentType", "Data", true);
}

} // namespace

XarfJsonGeneration xarfJsonGeneration(const QJsonObject &json)
{
    if (json.contains(QLatin1String("xarf_version")))
        return XarfJsonGeneration::V4;
    if (json.contains(QLatin1String("Version")) &&
        (json.value(QLatin1String("Report")).isObject() ||
         json.value(QLatin1String("ReporterInfo")).isObject()))
        return XarfJsonGeneration::V3;
    return XarfJsonGeneration::None;
}

QString xarfSchemaId(XarfJsonGeneration generation)
{
    switch (generation) {
    case XarfJsonGeneration::V4:
        return QStringLiteral("https://xarf.org/schemas/v4/xarf-v4-master.json");
    case XarfJsonGeneration::V3:
        return QStringLiteral("https://raw.githubusercontent.com/xarf/schema-discussion/master/"
                              "schemas/3/xarf.schema.json");
    case XarfJsonGeneration::None:
        break;
    }
    return {};
}

Report readJsonXarf(const QJsonObject &json, XarfJsonGeneration generation,
                    const JsonSchemaSet *schemas)
{
    Report report;
    report.format = ReportFormat::Xarf;
    flatten(json, QString(), &report.fields);
    if (generation == XarfJsonGeneration::V4)
        readV4(json, &report);
    else
        readV3(json, &report);
    if (!schemas)
        report.problems << QStringLiteral("the XARF schemas are not available: the report was "
                                          "not validated");
    else
        report.schemaViolations = schemas->validate(json, xarfSchemaId(generation));
    return report;
}

} // namespace Awb
