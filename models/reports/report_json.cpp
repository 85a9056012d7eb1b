#include "reports/report_json.h"

#include "mail/mail_message.h"
#include "mail/sha256.h"
#include "reports/report_analysis.h"

#include <QJsonArray>

namespace Awb {

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue dateOrNull(const QDateTime &utc)
{
    return utc.isValid() ? QJsonValue(utc.toUTC().toString(Qt::ISODate))
                         : QJsonValue(QJsonValue::Null);
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject findingJson(const Finding &f)
{
    return QJsonObject{{QStringLiteral("check"), f.check},
                       {QStringLiteral("severity"), severityName(f.severity)},
                       {QStringLiteral("clause"), f.clause},
                       {QStringLiteral("title"), f.title},
                       {QStringLiteral("evidence"), f.evidence},
                       {QStringLiteral("hop"), QJsonValue(QJsonValue::Null)}};
}

QJsonObject reportJson(const ReportAnalysis &analysis)
{
    const Report &r = analysis.report;
    QJsonArray fields;
    for (const ReportField &field : r.fields) {
        fields.append(QJsonObject{{QStringLiteral("name"), field.name},
                                  {QStringLiteral("value"), field.value},
                                  {QStringLiteral("source"), field.source}});
    }
    QJsonArray listings;
    for (const ListingRecord &l : r.listings) {
        listings.append(QJsonObject{{QStringLiteral("list"), l.list},
                                    {QStringLiteral("listing_id"), orNull(l.listingId)},
                                    {QStringLiteral("range"), l.range},
                                    {QStringLiteral("reason"), orNull(l.reason)},
                                    {QStringLiteral("listed_at"), dateOrNull(l.listedAt)}});
    }
    QJsonArray violations;
    for (const SchemaViolation &v : r.schemaViolations) {
        violations.append(QJsonObject{{QStringLiteral("path"), v.path},
                                      {QStringLiteral("rule"), v.rule},
                                      {QStringLiteral("message"), v.message}});
    }
    QJsonArray findings;
    for (const Finding &f : analysis.reportFindings)
        findings.append(findingJson(f));
    const ReportCompleteness &c = analysis.completeness;
    return QJsonObject{
        {QStringLiteral("format"), reportFormatKey(r.format)},
        {QStringLiteral("version"), orNull(r.formatVersion)},
        {QStringLiteral("reporter"), orNull(r.reporter)},
        {QStringLiteral("feedback_type"), orNull(r.feedbackType)},
        {QStringLiteral("user_agent"), orNull(r.userAgent)},
        {QStringLiteral("source_ip"), orNull(r.sourceIp)},
        {QStringLiteral("source_port"),
         r.sourcePort < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(r.sourcePort)},
        {QStringLiteral("arrival_date"), dateOrNull(r.arrivalDate)},
        {QStringLiteral("arrival_date_text"), orNull(r.arrivalDateText)},
        {QStringLiteral("original_mail_from"), orNull(r.originalMailFrom)},
        {QStringLiteral("original_rcpt_to"), strings(r.originalRcptTo)},
        {QStringLiteral("reported_domain"), orNull(r.reportedDomain)},
        {QStringLiteral("reported_uris"), strings(r.reportedUris)},
        {QStringLiteral("incidents"), r.incidents},
        {QStringLiteral("report_id"), orNull(r.reportId)},
        {QStringLiteral("description"), orNull(r.description)},
        {QStringLiteral("listings"), listings},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("completeness"),
         QJsonObject{{QStringLiteral("full_headers"), c.fullHeaders},
                     {QStringLiteral("complete_message"), c.completeMessage},
                     {QStringLiteral("receipt_timestamp"), c.receiptTimestamp},
                     {QStringLiteral("description"), c.description},
                     {QStringLiteral("count"), c.count()},
                     {QStringLiteral("summary"), c.summary()}}},
        {QStringLiteral("schema_violations"), violations},
        {QStringLiteral("problems"), strings(r.problems)},
        {QStringLiteral("findings"), findings},
    };
}

} // namespace

QJsonObject reportAnalysisToJson(const MessageOrigin &where, const MailMessage &message,
                                 const ReportAnalysis &analysis)
{
    QJsonObject object = analysisToJson(where, message, analysis.message);
    object.insert(QStringLiteral("receipt"),
                  QJsonObject{{QStringLiteral("at"), dateOrNull(analysis.receipt.at)},
                              {QStringLiteral("source"), receiptSourceKey(analysis.receipt.source)},
                              {QStringLiteral("explanation"), analysis.receipt.explanation}});
    object.insert(QStringLiteral("response_deadline"), dateOrNull(analysis.responseDeadline));

    QJsonObject report = reportJson(analysis);
    if (analysis.original && analysis.report.originalBytes) {
        const QByteArray &bytes = *analysis.report.originalBytes;
        if (auto original = MailMessage::parse(bytes)) {
            QJsonObject originalJson =
                analysisToJson(MessageOrigin{where.file, where.index, sha256Hex(bytes)}, *original,
                               *analysis.original);
            originalJson.insert(QStringLiteral("headers_only"),
                                analysis.report.originalHeadersOnly);
            report.insert(QStringLiteral("original"), originalJson);
        }
    }
    object.insert(QStringLiteral("report"), report);
    return object;
}

} // namespace Awb
