#include "reports/xarf/json_schema_check_p.h"

#include "reports/xarf/json_schema_formats.h"
#include "reports/xarf/json_schema_set.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace Awb {

namespace {

// A $ref chain this deep is a cycle in the schemas, not a deep report.
constexpr int MaxDepth = 128;

QString childPath(const QString &path, const QString &key)
{
    QString token = key;
    token.replace(QLatin1String("~"), QLatin1String("~0"));
    token.replace(QLatin1String("/"), QLatin1String("~1"));
    return path + QLatin1Char('/') + token;
}

QString shown(const QJsonValue &value)
{
    QString text;
    if (value.isString())
        text = QLatin1Char('"') + value.toString() + QLatin1Char('"');
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else if (value.isObject())
        text = QStringLiteral("an object");
    else
        text = value.toVariant().toString();
    if (value.isNull())
        text = QStringLiteral("null");
    return text.size() > 80 ? text.left(77) + QStringLiteral("...") : text;
}

bool isInteger(const QJsonValue &value)
{
    const double number = value.toDouble();
    return value.isDouble() && std::isfinite(number) && std::floor(number) == number;
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("integer"))
        return isInteger(value);
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("null"))
        return value.isNull();
    return false;
}

} // namespace

void SchemaCheck::run(const QJsonValue &schema, const QString &base, const QJsonValue &instance,
                      const QString &path, QList<SchemaViolation> *out)
{
    if (schema.isBool()) {
        if (!schema.toBool())
            out->append({path, QStringLiteral("false"), QStringLiteral("nothing is allowed here")});
        return;
    }
    if (!schema.isObject()) {
        out->append({path, QStringLiteral("schema"),
                     QStringLiteral("the schema in %1 is not an object").arg(base)});
        return;
    }
    if (m_depth >= MaxDepth) {
        out->append({path, QStringLiteral("$ref"),
                     QStringLiteral("schema references nest too deep (a cycle?) in %1").arg(base)});
        return;
    }
    ++m_depth;
    checkObject(schema.toObject(), base, instance, path, out);
    --m_depth;
}

void SchemaCheck::checkObject(const QJsonObject &schema, const QString &base,
                              const QJsonValue &instance, const QString &path,
                              QList<SchemaViolation> *out)
{
    static const QStringList supported = supportedSchemaKeywords();
    static const QStringList ignored = ignoredSchemaKeywords();
    const QString where = QUrl(base).fileName();
    for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) {
        const QString &key = it.key();
        if (!supported.contains(key) && !ignored.contains(key) &&
            !key.startsWith(QLatin1String("x-")))
            out->append({path, QStringLiteral("unsupported: %1").arg(key),
                         QStringLiteral("%1 uses the keyword \"%2\", which this validator does "
                                        "not check")
                             .arg(where, key)});
    }

    if (schema.contains(QLatin1String("$ref"))) {
        const QString reference = schema.value(QLatin1String("$ref")).toString();
        QJsonValue target;
        QString targetBase;
        if (m_set.resolve(base, reference, &target, &targetBase))
            run(target, targetBase, instance, path, out);
        else
            out->append({path, QStringLiteral("$ref"),
                         QStringLiteral("%1: cannot resolve \"%2\"").arg(where, reference)});
    }

    const QJsonValue type = schema.value(QLatin1String("type"));
    if (!type.isUndefined()) {
        const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
        bool matched = false;
        QStringList names;
        for (const QJsonValue &name : types) {
            names << name.toString();
            matched = matched || hasType(instance, name.toString());
        }
        if (!matched)
            out->append({path, QStringLiteral("type"),
                         QStringLiteral("%1 is not of type %2")
                             .arg(shown(instance), names.join(QLatin1String(" or ")))});
    }
    const bool hasEnum = schema.contains(QLatin1String("enum"));
    if (hasEnum && schema.value(QLatin1String("enum")).toArray().contains(instance))
        ++m_matched;
    else if (hasEnum)
        out->append({path, QStringLiteral("enum"),
                     QStringLiteral("%1 is not one of %2")
                         .arg(shown(instance), shown(schema.value(QLatin1String("enum"))))});
    if (schema.contains(QLatin1String("const")) && schema.value(QLatin1String("const")) != instance)
        out->append({path, QStringLiteral("const"),
                     QStringLiteral("%1 is not %2")
                         .arg(shown(instance), shown(schema.value(QLatin1String("const"))))});

    for (const QString keyword :
         {QStringLiteral("allOf"), QStringLiteral("anyOf"), QStringLiteral("oneOf")}) {
        if (schema.contains(keyword))
            checkCombinator(keyword, schema.value(keyword).toArray(), base, instance, path, out);
    }
    // "not" and "if" only test the instance: what they match says nothing about which
    // alternative of an enclosing oneOf/anyOf the instance is, so their counts are undone.
    const std::pair<int, int> counters(m_matched, m_known);
    if (schema.contains(QLatin1String("not"))) {
        QList<SchemaViolation> inner;
        run(schema.value(QLatin1String("not")), base, instance, path, &inner);
        std::tie(m_matched, m_known) = counters;
        if (inner.isEmpty())
            out->append({path, QStringLiteral("not"),
                         QStringLiteral("%1 matches a schema it must not match (%2)")
                             .arg(shown(instance), where)});
    }
    if (schema.contains(QLatin1String("if"))) {
        QList<SchemaViolation> condition;
        run(schema.value(QLatin1String("if")), base, instance, path, &condition);
        std::tie(m_matched, m_known) = counters;
        const QLatin1String branch(condition.isEmpty() ? "then" : "else");
        if (schema.contains(branch))
            run(schema.value(branch), base, instance, path, out);
    }

    if (instance.isObject())
        checkObjectKeywords(schema, base, instance.toObject(), path, out);
    else if (instance.isArray())
        checkArrayKeywords(schema, base, instance.toArray(), path, out);
    else
        checkScalarKeywords(schema, instance, path, where, out);
}

void SchemaCheck::checkObjectKeywords(const QJsonObject &schema, const QString &base,
                                      const QJsonObject &instance, const QString &path,
                                      QList<SchemaViolation> *out)
{
    for (const QJsonValue &name : schema.value(QLatin1String("required")).toArray()) {
        if (!instance.contains(name.toString()))
            out->append(
                {childPath(path, name.toString()), QStringLiteral("required"),
                 QStringLiteral("the required property \"%1\" is missing").arg(name.toString())});
    }
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = instance.constBegin(); it != instance.constEnd(); ++it) {
        const QString child = childPath(path, it.key());
        if (properties.contains(it.key())) {
            ++m_known;
            run(properties.value(it.key()), base, it.value(), child, out);
            continue;
        }
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        if (additional.isBool() && !additional.toBool())
            out->append({child, QStringLiteral("additionalProperties"),
                         QStringLiteral("the property \"%1\" is not allowed here").arg(it.key())});
        else if (additional.isObject())
            run(additional, base, it.value(), child, out);
    }
    const QJsonValue minProperties = schema.value(QLatin1String("minProperties"));
    if (minProperties.isDouble() && instance.size() < minProperties.toDouble())
        out->append({path, QStringLiteral("minProperties"),
                     QStringLiteral("%1 properties, at least %2 required")
                         .arg(instance.size())
                         .arg(minProperties.toDouble())});
}

void SchemaCheck::checkArrayKeywords(const QJsonObject &schema, const QString &base,
                                     const QJsonArray &instance, const QString &path,
                                     QList<SchemaViolation> *out)
{
    const QJsonValue items = schema.value(QLatin1String("items"));
    for (qsizetype i = 0; i < instance.size(); ++i) {
        const QString child = path + QLatin1Char('/') + QString::number(i);
        if (items.isObject() || items.isBool())
            run(items, base, instance.at(i), child, out);
        else if (items.isArray() && i < items.toArray().size())
            run(items.toArray().at(i), base, instance.at(i), child, out); // draft-07 tuples
    }
    const QJsonValue minItems = schema.value(QLatin1String("minItems"));
    if (minItems.isDouble() && instance.size() < minItems.toDouble())
        out->append({path, QStringLiteral("minItems"),
                     QStringLiteral("%1 items, at least %2 required")
                         .arg(instance.size())
                         .arg(minItems.toDouble())});
    const QJsonValue maxItems = schema.value(QLatin1String("maxItems"));
    if (maxItems.isDouble() && instance.size() > maxItems.toDouble())
        out->append({path, QStringLiteral("maxItems"),
                     QStringLiteral("%1 items, at most %2 allowed")
                         .arg(instance.size())
                         .arg(maxItems.toDouble())});
    if (schema.value(QLatin1String("uniqueItems")).toBool()) {
        for (qsizetype i = 0; i < instance.size(); ++i) {
            for (qsizetype j = i + 1; j < instance.size(); ++j) {
                if (instance.at(i) == instance.at(j)) {
                    out->append({path, QStringLiteral("uniqueItems"),
                                 QStringLiteral("items %1 and %2 are equal").arg(i).arg(j)});
                    return;
                }
            }
        }
    }
}

void SchemaCheck::checkScalarKeywords(const QJsonObject &schema, const QJsonValue &instance,
                                      const QString &path, const QString &where,
                                      QList<SchemaViolation> *out)
{
    if (instance.isString()) {
        const QString text = instance.toString();
        // Lengths count code points, not UTF-16 units.
        const qsizetype length = text.toUcs4().size();
        const QJsonValue minLength = schema.value(QLatin1String("minLength"));
        if (minLength.isDouble() && length < minLength.toDouble())
            out->append({path, QStringLiteral("minLength"),
                         QStringLiteral("%1 is shorter than %2 characters")
                             .arg(shown(instance))
                             .arg(minLength.toDouble())});
        const QJsonValue maxLength = schema.value(QLatin1String("maxLength"));
        if (maxLength.isDouble() && length > maxLength.toDouble())
            out->append({path, QStringLiteral("maxLength"),
                         QStringLiteral("%1 is longer than %2 characters")
                             .arg(shown(instance))
                             .arg(maxLength.toDouble())});
        const QJsonValue pattern = schema.value(QLatin1String("pattern"));
        if (pattern.isString()) {
            const QRegularExpression &expression = compiled(pattern.toString());
            if (!expression.isValid())
                out->append({path, QStringLiteral("pattern"),
                             QStringLiteral("%1: the pattern \"%2\" cannot be compiled")
                                 .arg(where, pattern.toString())});
            else if (!expression.match(text).hasMatch())
                out->append({path, QStringLiteral("pattern"),
                             QStringLiteral("%1 does not match %2")
                                 .arg(shown(instance), pattern.toString())});
        }
        const QJsonValue format = schema.value(QLatin1String("format"));
        if (format.isString()) {
            bool known = false;
            const bool matches = matchesSchemaFormat(format.toString(), text, &known);
            if (!known)
                out->append({path, QStringLiteral("unsupported: format %1").arg(format.toString()),
                             QStringLiteral("%1 asks for the format \"%2\", which this validator "
                                            "does not check")
                                 .arg(where, format.toString())});
            else if (!matches)
                out->append({path, QStringLiteral("format: %1").arg(format.toString()),
                             QStringLiteral("%1 is not a valid %2")
                                 .arg(shown(instance), format.toString())});
        }
    } else if (instance.isDouble()) {
        const double number = instance.toDouble();
        const QJsonValue minimum = schema.value(QLatin1String("minimum"));
        if (minimum.isDouble() && number < minimum.toDouble())
            out->append({path, QStringLiteral("minimum"),
                         QStringLiteral("%1 is less than %2").arg(number).arg(minimum.toDouble())});
        const QJsonValue maximum = schema.value(QLatin1String("maximum"));
        if (maximum.isDouble() && number > maximum.toDouble())
            out->append({path, QStringLiteral("maximum"),
                         QStringLiteral("%1 is greater than %2")
                             .arg(number, 0, 'g', 15)
                             .arg(maximum.toDouble(), 0, 'g', 15)});
    }
}

const QRegularExpression &SchemaCheck::compiled(const QString &pattern)
{
    auto it = m_patterns.find(pattern);
    if (it == m_patterns.end())
        it = m_patterns.insert(pattern, QRegularExpression(pattern));
    return *it;
}

} // namespace Awb
