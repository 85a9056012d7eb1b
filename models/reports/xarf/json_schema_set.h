#pragma once

#include "common/result.h"
#include "reports/report.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// A set of JSON Schema documents, each indexed by its "$id", among which "$ref"s resolve
// (relative references against the referring document's $id, fragments as JSON pointers). The
// set is immutable once loaded, so one instance serves every thread.
//
// validate() implements the subset of JSON Schema (draft-07 and 2020-12 read alike) that the
// bundled XARF schemas use, listed by supportedSchemaKeywords(). A schema that reaches a
// keyword outside that list yields a violation with the rule "unsupported: <keyword>" instead
// of passing silently, so a newer schema shows at once what the validator does not check.
class JsonSchemaSet
{
public:
    // Reads every *.json file below `directory`. Fails when no schema could be read at all; a
    // file that is not a JSON object or has no $id is skipped and named in loadProblems().
    static Result<JsonSchemaSet> loadDirectory(const QString &directory);

    // Adds (or replaces) one document under its "$id"; false when it has none.
    bool addDocument(const QJsonObject &schema);

    bool contains(const QString &id) const { return m_documents.contains(id); }
    qsizetype size() const { return m_documents.size(); }
    const QStringList &loadProblems() const { return m_loadProblems; }

    // Checks `instance` against the schema `schemaId` (an absolute $id, optionally with a
    // "#/json/pointer" fragment). Empty when the instance conforms. Paths in the violations are
    // JSON pointers into the instance ("" is the whole document, "/Report/Date").
    //
    // Where a oneOf or anyOf fails, the violation of that keyword is followed by those of the
    // alternative that came closest (fewest enum/const/type mismatches, then fewest
    // violations), since "none of 16 report types matched" alone does not say what to fix.
    QList<SchemaViolation> validate(const QJsonValue &instance, const QString &schemaId) const;

    // Resolves `reference` against `baseId`; on success sets *schema to the target and
    // *targetBase to the $id of the document holding it.
    bool resolve(const QString &baseId, const QString &reference, QJsonValue *schema,
                 QString *targetBase) const;

private:
    QHash<QString, QJsonObject> m_documents;
    QStringList m_loadProblems;
};

// The validation keywords validate() checks, and the annotation keywords it ignores on purpose.
QStringList supportedSchemaKeywords();
QStringList ignoredSchemaKeywords();

} // namespace Awb
