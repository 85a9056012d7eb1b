#include "reports/xarf/xarf_recogniser.h"

#include "common/data_paths.h"
#include "mail/mail_message.h"
#include "reports/xarf/xarf_fill.h"
#include "reports/xarf/xarf_json_report.h"
#include "reports/xarf/xarf_legacy_report.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Awb {

namespace {

struct JsonReport
{
    QJsonObject json;
    XarfJsonGeneration generation = XarfJsonGeneration::None;
    qsizetype part = -1; // the MIME part holding it
};

bool isJsonPart(const MimePartInfo &part)
{
    return !part.isContainer &&
           (part.contentType == QLatin1String("application/json") ||
            part.contentType.endsWith(QLatin1String("+json")) ||
            part.filename.endsWith(QLatin1String(".json"), Qt::CaseInsensitive));
}

std::optional<JsonReport> parseJsonReport(const QByteArray &bytes, qsizetype part)
{
    const QByteArray trimmed = bytes.trimmed();
    if (!trimmed.startsWith('{'))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed);
    if (!document.isObject())
        return std::nullopt;
    const XarfJsonGeneration generation = xarfJsonGeneration(document.object());
    if (generation == XarfJsonGeneration::None)
        return std::nullopt;
    return JsonReport{document.object(), generation, part};
}

// A JSON part first; else a body that is JSON although labelled text/plain (a report pasted
// into a mail, or sent by a tool that does not set the type). Parts inside an embedded message
// are the evidence's, never the report.
std::optional<JsonReport> findJsonReport(const MailMessage &message,
                                         const QList<MimePartInfo> &parts)
{
    int embeddedDepth = -1;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const MimePartInfo &part = parts.at(i);
        if (embeddedDepth >= 0 && part.depth > embeddedDepth)
            continue;
        embeddedDepth = part.contentType == QLatin1String("message/rfc822") ? part.depth : -1;
        const bool bodyText = !part.isContainer && !part.isAttachment &&
                              part.contentType == QLatin1String("text/plain") &&
                              message.textBody().trimmed().startsWith(QLatin1Char('{'));
        if (!isJsonPart(part) && !bodyText)
            continue;
        if (std::optional<JsonReport> report = parseJsonReport(message.partContent(i), i))
            return report;
    }
    return std::nullopt;
}

Report readJsonMail(const MailMessage &message, const QList<MimePartInfo> &parts,
                    const JsonReport &found, const JsonSchemaSet *schemas,
                    const QString &schemaError)
{
    Report report = readJsonXarf(found.json, found.generation, schemas);
    if (!schemas && !schemaError.isEmpty())
        report.problems << schemaError;
    // Where the JSON is one part among others, the mail's own text is the human description
    // and a message part is the evidence.
    if (found.part > 0) {
        const QString text = message.textBody().trimmed();
        if (report.description.isEmpty() && !text.startsWith(QLatin1Char('{')))
            report.description = text;
        for (qsizetype i = 0; i < parts.size() && !report.originalBytes; ++i) {
            if (i != found.part && parts.at(i).depth == 1) {
                const LocatedContent evidence = message.locatedPartContent(i);
                takeXarfEvidence(&report, evidence.bytes, parts.at(i).contentType, evidence.offset);
            }
        }
    }
    return report;
}

} // namespace

XarfRecogniser::XarfRecogniser(QString schemaDirectory)
    : m_schemaDirectory(std::move(schemaDirectory))
{}

QString XarfRecogniser::name() const
{
    return QStringLiteral("X-ARF (0.1, 0.2, XARF v3, v4)");
}

const JsonSchemaSet *XarfRecogniser::schemas() const
{
    std::call_once(m_loadOnce, [this] {
        QString directory = m_schemaDirectory;
        if (directory.isEmpty()) {
            const QString data = dataDirectory();
            if (data.isEmpty()) {
                m_loadError = QStringLiteral("no data directory: the XARF schemas cannot be "
                                             "found, reports are not validated");
                return;
            }
            directory = data + QStringLiteral("/xarf-schemas");
        }
        Result<JsonSchemaSet> loaded = JsonSchemaSet::loadDirectory(directory);
        if (loaded)
            m_schemas = std::move(*loaded);
        else
            m_loadError = loaded.error();
    });
    return m_schemas ? &*m_schemas : nullptr;
}

QString XarfRecogniser::schemaLoadError() const
{
    schemas();
    return m_loadError;
}

std::optional<Report> XarfRecogniser::recognise(const MailMessage &message) const
{
    const QList<MimePartInfo> parts = message.mimeParts();
    if (std::optional<JsonReport> found = findJsonReport(message, parts))
        return readJsonMail(message, parts, *found, schemas(), schemaLoadError());
    if (looksLikeLegacyXarf(message))
        return readLegacyXarf(message);
    return std::nullopt;
}

} // namespace Awb
