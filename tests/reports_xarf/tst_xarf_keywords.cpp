#include "reports/xarf/json_schema_formats.h"
#include "reports/xarf/json_schema_set.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Awb;

namespace {

QJsonObject parseObject(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QString describe(const QList<SchemaViolation> &violations)
{
    QStringList lines;
    for (const SchemaViolation &violation : violations)
        lines
            << QStringLiteral("%1 [%2] %3").arg(violation.path, violation.rule, violation.message);
    return lines.join(QLatin1Char('\n'));
}

bool hasViolation(const QList<SchemaViolation> &violations, const QString &rule,
                  const QString &path)
{
    for (const SchemaViolation &violation : violations) {
        if (violation.rule == rule && violation.path == path)
            return true;
    }
    return false;
}

} // namespace

// The JSON Schema keywords and formats the validator supports, one row each, on small schemas
// written here; the shipped XARF schemas are exercised by tst_xarf_schema.
class TestXarfKeywords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keywords_data();
    void keywords();
    void formats_data();
    void formats();
};

void TestXarfKeywords::keywords_data()
{
    QTest::addColumn<QString>("schema"); // the body of a schema with $id test.example/s.json
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("rule"); // empty: the instance conforms
    QTest::addColumn<QString>("where");

    struct Row
    {
        const char *name, *schema, *instance, *rule, *where;
    };
    const Row rows[] = {
        {"type ok", R"("type": "string")", R"("a")", "", ""},
        {"type wrong", R"("type": "string")", "1", "type", ""},
        {"type list", R"("type": ["string", "null"])", "null", "", ""},
        {"integer accepts 2.0", R"("type": "integer")", "2.0", "", ""},
        {"integer refuses 2.5", R"("type": "integer")", "2.5", "type", ""},
        {"enum", R"("enum": ["a", "b"])", R"("c")", "enum", ""},
        {"const", R"("const": "3")", "3", "const", ""},
        {"required", R"("required": ["a"])", R"({"b": 1})", "required", "/a"},
        {"properties", R"("properties": {"a": {"type": "integer"}})", R"({"a": "x"})", "type",
         "/a"},
        {"additionalProperties false", R"("properties": {"a": {}}, "additionalProperties": false)",
         R"({"a": 1, "b/c": 2})", "additionalProperties", "/b~1c"},
        {"additionalProperties schema", R"("additionalProperties": {"type": "string"})",
         R"({"x": 1})", "type", "/x"},
        {"minProperties", R"("minProperties": 1)", "{}", "minProperties", ""},
        {"items", R"("items": {"type": "integer"})", R"([1, "x"])", "type", "/1"},
        {"minItems", R"("minItems": 1)", "[]", "minItems", ""},
        {"maxItems", R"("maxItems": 1)", "[1, 2]", "maxItems", ""},
        {"uniqueItems", R"("uniqueItems": true)", R"([1, 2, 1])", "uniqueItems", ""},
        {"minLength counts characters", R"("minLength": 2)", R"("é")", "minLength", ""},
        {"maxLength", R"("maxLength": 2)", R"("abc")", "maxLength", ""},
        {"pattern searches", R"("pattern": "b+")", R"("abbc")", "", ""},
        {"pattern anchored", R"("pattern": "^CVE-\\d{4}-\\d{4,7}$")", R"("CVE-21-1")", "pattern",
         ""},
        {"minimum", R"("minimum": 1)", "0", "minimum", ""},
        {"maximum", R"("maximum": 4199999999)", "4200000000", "maximum", ""},
        {"format", R"("format": "ipv4")", R"("300.1.1.1")", "format: ipv4", ""},
        {"format ignores non-strings", R"("format": "ipv4")", "12", "", ""},
        {"allOf", R"("allOf": [{"type": "string"}, {"minLength": 3}])", R"("ab")", "minLength", ""},
        {"anyOf ok", R"("anyOf": [{"type": "string"}, {"type": "integer"}])", "3", "", ""},
        {"anyOf none", R"("anyOf": [{"type": "string"}, {"type": "integer"}])", "true", "anyOf",
         ""},
        {"oneOf none", R"("oneOf": [{"format": "ipv4"}, {"format": "ipv6"}])", R"("x")", "oneOf",
         ""},
        {"oneOf closest branch",
         R"("oneOf": [{"properties": {"t": {"const": "a"}, "v": {"type": "integer"}}},
                      {"properties": {"t": {"const": "b"}, "v": {"type": "string"}}}])",
         R"({"t": "b", "v": 1})", "type", "/v"},
        {"oneOf two", R"("oneOf": [{"type": "integer"}, {"minimum": 0}])", "1", "oneOf", ""},
        {"not", R"("not": {"format": "email"})", R"("a@example.org")", "not", ""},
        {"if then",
         R"("if": {"properties": {"p": {"const": "smtp"}}}, "then": {"required": ["f"]})",
         R"({"p": "smtp"})", "required", "/f"},
        {"if else", R"("if": {"properties": {"v": {"const": "2"}}}, "then": {},
                       "else": {"properties": {"s": {"enum": ["Low"]}}})",
         R"({"v": "3", "s": "High"})", "enum", "/s"},
        {"ref local",
         R"("$defs": {"p": {"maximum": 9}}, "properties": {"a": {"$ref": "#/$defs/p"}})",
         R"({"a": 10})", "maximum", "/a"},
        {"ref other document", R"("$ref": "defs.json#/$defs/port")", "70000", "maximum", ""},
        {"ref unresolvable", R"("$ref": "nowhere.json")", "1", "$ref", ""},
        {"ref siblings apply", R"("$ref": "defs.json#/$defs/port", "minimum": 10)", "5", "minimum",
         ""},
        {"false schema", R"("properties": {"a": false})", R"({"a": 1})", "false", "/a"},
        {"annotations pass", R"("title": "t", "description": "d", "x-recommended": true,
                                "examples": [1], "default": 2, "$comment": "c")",
         "1", "", ""},
        {"unsupported keyword", R"("exclusiveMinimum": 3)", "5", "unsupported: exclusiveMinimum",
         ""},
        {"unsupported format", R"("format": "iri")", R"("x")", "unsupported: format iri", ""},
    };
    for (const Row &row : rows)
        QTest::newRow(row.name) << QString::fromUtf8(row.schema) << QString::fromUtf8(row.instance)
                                << QString::fromLatin1(row.rule) << QString::fromLatin1(row.where);
}

void TestXarfKeywords::keywords()
{
    QFETCH(QString, schema);
    QFETCH(QString, instance);
    QFETCH(QString, rule);
    QFETCH(QString, where);
    JsonSchemaSet set;
    const QJsonObject main =
        QJsonDocument::fromJson(
            QStringLiteral("{\"$id\": \"https://test.example/s.json\", %1}").arg(schema).toUtf8())
            .object();
    QVERIFY(!main.isEmpty());
    QVERIFY(set.addDocument(main));
    const QJsonObject defs =
        parseObject("{\"$id\": \"https://test.example/defs.json\", \"$defs\": {\"port\": "
                    "{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 65535}}}");
    QVERIFY(set.addDocument(defs));
    const QJsonValue value = QJsonDocument::fromJson("[" + instance.toUtf8() + "]").array().at(0);
    QVERIFY(!value.isUndefined());
    const QList<SchemaViolation> violations =
        set.validate(value, QStringLiteral("https://test.example/s.json"));
    if (rule.isEmpty())
        QVERIFY2(violations.isEmpty(), qPrintable(describe(violations)));
    else
        QVERIFY2(hasViolation(violations, rule, where), qPrintable(describe(violations)));
}

void TestXarfKeywords::formats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("date-time utc") << "date-time"
                                   << "2024-01-15T14:30:25Z" << true;
    QTest::newRow("date-time fraction offset") << "date-time"
                                               << "2024-01-15T14:30:25.123+08:00" << true;
    QTest::newRow("date-time leap second") << "date-time"
                                           << "2016-12-31T23:59:60Z" << true;
    QTest::newRow("date-time no zone") << "date-time"
                                       << "2024-01-15T14:30:25" << false;
    QTest::newRow("date-time space") << "date-time"
                                     << "2024-01-15 14:30:25Z" << false;
    QTest::newRow("date-time february 30") << "date-time"
                                           << "2024-02-30T00:00:00Z" << false;
    QTest::newRow("date-time hour 24") << "date-time"
                                       << "2024-01-15T24:00:00Z" << false;
    QTest::newRow("date") << "date"
                          << "2024-02-29" << true;
    QTest::newRow("date not leap") << "date"
                                   << "2023-02-29" << false;
    QTest::newRow("email") << "email"
                           << "reports@example.com" << true;
    QTest::newRow("email literal") << "email"
                                   << "a@[192.0.2.1]" << true;
    QTest::newRow("email no at") << "email"
                                 << "spamexample.com" << false;
    QTest::newRow("email digits") << "email"
                                  << "0012345678" << false;
    QTest::newRow("email space") << "email"
                                 << "a b@example.com" << false;
    QTest::newRow("email bad domain") << "email"
                                      << "a@-example.com" << false;
    QTest::newRow("hostname") << "hostname"
                              << "mail.example.com" << true;
    QTest::newRow("hostname trailing dot") << "hostname"
                                           << "example.com." << true;
    QTest::newRow("hostname spaces") << "hostname"
                                     << "this is not a hostname" << false;
    QTest::newRow("hostname underscore") << "hostname"
                                         << "a_b.example" << false;
    QTest::newRow("hostname long label") << "hostname" << QString(64, QLatin1Char('a')) << false;
    QTest::newRow("ipv4") << "ipv4"
                          << "192.0.2.55" << true;
    QTest::newRow("ipv4 leading zero") << "ipv4"
                                       << "192.0.2.055" << false;
    QTest::newRow("ipv4 not ipv6") << "ipv4"
                                   << "2001:db8::1" << false;
    QTest::newRow("ipv6") << "ipv6"
                          << "2001:db8:1300:9:3949:9d93:bd2:9da5" << true;
    QTest::newRow("ipv6 mapped") << "ipv6"
                                 << "::ffff:192.0.2.1" << true;
    QTest::newRow("ipv6 zone") << "ipv6"
                               << "fe80::1%eth0" << false;
    QTest::newRow("ipv6 brackets") << "ipv6"
                                   << "[2001:db8::1]" << false;
    QTest::newRow("ipv6 not ipv4") << "ipv6"
                                   << "192.0.2.1" << false;
    QTest::newRow("uri") << "uri"
                         << "https://example.org/a?b=c#d" << true;
    QTest::newRow("uri mailto") << "uri"
                                << "mailto:a@example.org" << true;
    QTest::newRow("uri relative") << "uri"
                                  << "/index.html" << false;
    QTest::newRow("uri space") << "uri"
                               << "http://example.org/a b" << false;
    QTest::newRow("uri bad escape") << "uri"
                                    << "http://example.org/%zz" << false;
    QTest::newRow("uuid") << "uuid"
                          << "550e8400-e29b-41d4-a716-446655440000" << true;
    QTest::newRow("uuid short") << "uuid"
                                << "550e8400-e29b-41d4-a716" << false;
}

void TestXarfKeywords::formats()
{
    QFETCH(QString, format);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    bool known = false;
    QCOMPARE(matchesSchemaFormat(format, text, &known), valid);
    QVERIFY(known);
}

QTEST_GUILESS_MAIN(TestXarfKeywords)
#include "tst_xarf_keywords.moc"
