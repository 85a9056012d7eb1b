#include "reports/xarf/json_schema_set.h"

#include "reports/xarf/json_schema_check_p.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

namespace Awb {

namespace {

QString documentKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveFragment).toString();
}

} // namespace

Result<JsonSchemaSet> JsonSchemaSet::loadDirectory(const QString &directory)
{
    JsonSchemaSet set;
    QDirIterator it(directory, {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            set.m_loadProblems << QStringLiteral("%1: %2").arg(path, file.errorString());
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (!document.isObject()) {
            set.m_loadProblems
                << QStringLiteral("%1: not a JSON object (%2)").arg(path, error.errorString());
            continue;
        }
        if (!set.addDocument(document.object()))
            set.m_loadProblems << QStringLiteral("%1: the schema has no $id").arg(path);
    }
    if (set.m_documents.isEmpty())
        return Error{QStringLiteral("%1: no JSON schema found").arg(directory)};
    return set;
}

bool JsonSchemaSet::addDocument(const QJsonObject &schema)
{
    const QString id = schema.value(QLatin1String("$id")).toString();
    if (id.isEmpty())
        return false;
    m_documents.insert(documentKey(QUrl(id)), schema);
    return true;
}

bool JsonSchemaSet::resolve(const QString &baseId, const QString &reference, QJsonValue *schema,
                            QString *targetBase) const
{
    const QUrl target = QUrl(baseId).resolved(QUrl(reference));
    const QString key = documentKey(target);
    const auto document = m_documents.constFind(key);
    if (document == m_documents.constEnd())
        return false;
    QJsonValue node = *document;
    const QString fragment = target.fragment(QUrl::FullyDecoded);
    if (!fragment.isEmpty()) {
        // Only JSON-pointer fragments: the bundled schemas use no "$anchor" names.
        if (!fragment.startsWith(QLatin1Char('/')))
            return false;
        const QStringList tokens = fragment.mid(1).split(QLatin1Char('/'));
        for (QString token : tokens) {
            token.replace(QLatin1String("~1"), QLatin1String("/"));
            token.replace(QLatin1String("~0"), QLatin1String("~"));
            if (node.isObject() && node.toObject().contains(token)) {
                node = node.toObject().value(token);
            } else if (node.isArray()) {
                bool isIndex = false;
                const int index = token.toInt(&isIndex);
                if (!isIndex || index < 0 || index >= node.toArray().size())
                    return false;
                node = node.toArray().at(index);
            } else {
                return false;
            }
        }
    }
    *schema = node;
    *targetBase = key;
    return true;
}

QList<SchemaViolation> JsonSchemaSet::validate(const QJsonValue &instance,
                                               const QString &schemaId) const
{
    QList<SchemaViolation> violations;
    QJsonValue root;
    QString base;
    if (!resolve(schemaId, schemaId, &root, &base)) {
        violations.append({QString(), QStringLiteral("$ref"),
                           QStringLiteral("schema %1 is not loaded").arg(schemaId)});
        return violations;
    }
    SchemaCheck check(*this);
    check.run(root, base, instance, QString(), &violations);
    return violations;
}

QStringList supportedSchemaKeywords()
{
    return {QStringLiteral("$ref"),
            QStringLiteral("type"),
            QStringLiteral("enum"),
            QStringLiteral("const"),
            QStringLiteral("required"),
            QStringLiteral("properties"),
            QStringLiteral("additionalProperties"),
            QStringLiteral("minProperties"),
            QStringLiteral("items"),
            QStringLiteral("minItems"),
            QStringLiteral("maxItems"),
            QStringLiteral("uniqueItems"),
            QStringLiteral("minLength"),
            QStringLiteral("maxLength"),
            QStringLiteral("pattern"),
            QStringLiteral("format"),
            QStringLiteral("minimum"),
            QStringLiteral("maximum"),
            QStringLiteral("allOf"),
            QStringLiteral("anyOf"),
            QStringLiteral("oneOf"),
            QStringLiteral("not"),
            QStringLiteral("if"),
            QStringLiteral("then"),
            QStringLiteral("else")};
}

QStringList ignoredSchemaKeywords()
{
    // Annotations: they describe, they do not constrain. "x-..." vendor keywords are ignored too.
    return {QStringLiteral("$schema"),         QStringLiteral("$id"),
            QStringLiteral("$comment"),        QStringLiteral("$defs"),
            QStringLiteral("definitions"),     QStringLiteral("title"),
            QStringLiteral("description"),     QStringLiteral("default"),
            QStringLiteral("examples"),        QStringLiteral("contentEncoding"),
            QStringLiteral("contentMediaType")};
}

} // namespace Awb
