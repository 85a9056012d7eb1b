#pragma once

// Private to models/reports/xarf: the keyword engine behind JsonSchemaSet::validate().

#include "reports/report.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace Awb {

class JsonSchemaSet;

// One validation run. Holds the compiled "pattern" expressions of this run only, so runs on
// different threads share nothing but the (immutable) schema set.
class SchemaCheck
{
public:
    explicit SchemaCheck(const JsonSchemaSet &set)
        : m_set(set)
    {}

    // Appends to *out every violation of `schema` (found in the document `base`) by `instance`
    // at the JSON pointer `path`.
    void run(const QJsonValue &schema, const QString &base, const QJsonValue &instance,
             const QString &path, QList<SchemaViolation> *out);

private:
    void checkObject(const QJsonObject &schema, const QString &base, const QJsonValue &instance,
                     const QString &path, QList<SchemaViolation> *out);
    void checkCombinator(const QString &keyword, const QJsonArray &branches, const QString &base,
                         const QJsonValue &instance, const QString &path,
                         QList<SchemaViolation> *out);
    void checkObjectKeywords(const QJsonObject &schema, const QString &base,
                             const QJsonObject &instance, const QString &path,
                             QList<SchemaViolation> *out);
    void checkArrayKeywords(const QJsonObject &schema, const QString &base,
                            const QJsonArray &instance, const QString &path,
                            QList<SchemaViolation> *out);
    void checkScalarKeywords(const QJsonObject &schema, const QJsonValue &instance,
                             const QString &path, const QString &where,
                             QList<SchemaViolation> *out);
    const QRegularExpression &compiled(const QString &pattern);

    const JsonSchemaSet &m_set;
    QHash<QString, QRegularExpression> m_patterns;
    int m_depth = 0;
    // enum and const checks passed so far: how far an instance got into an alternative.
    int m_matched = 0;
    // Instance properties found among declared "properties" so far: how much of the instance
    // an alternative knows.
    int m_known = 0;
};

} // namespace Awb
