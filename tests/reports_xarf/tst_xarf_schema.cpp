#include "reports/xarf/json_schema_formats.h"
#include "reports/xarf/json_schema_set.h"
#include "reports/xarf/xarf_json_report.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Awb;

namespace {

const QString DataDir = QStringLiteral(AWB_TEST_DATA "/reports_xarf");
const QString SchemaDir = QStringLiteral(AWB_SOURCE_DIR "/resources/xarf-schemas");

QJsonValue readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QJsonValue::Undefined;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
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

QStringList jsonFiles(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

// Each negative sample of abusix/xarf with the rule and place its file name announces.
struct NegativeCase
{
    const char *file;
    const char *rule;
    const char *path;
};

const NegativeCase NegativeCases[] = {
    {"harassment_sample_no_description.json", "required", "/Report/HarassmentDescription"},
    {"harassment_sample_no_harasser.json", "required", "/Report/Harasser"},
    {"invalid_additional_fields.json", "type", "/Report/Custom/NumberOfIncidents"},
    {"invalid_b64_flag.json", "type", "/Report/Samples/0/Base64Encoded"},
    {"invalid_byte_count.json", "type", "/Report/ByteCount"},
    {"invalid_date.json", "format: date-time", "/Report/Date"},
    {"invalid_destination.json", "format: ipv4", "/Report/DestinationIp"},
    {"invalid_destination2.json", "type", "/Report/DestinationIp"},
    {"invalid_email_as_identifier_potentially_compromised_account.json", "not",
     "/Report/Account/AccountIdentifier"},
    {"invalid_emails.json", "format: email", "/Report/SmtpMailFromAddress"},
    {"invalid_empty.json", "required", "/ReporterInfo"},
    {"invalid_empty_account.json", "minProperties", "/Report/Account"},
    {"invalid_exploit_wrong_cve.json", "pattern", "/Report/CVE"},
    {"invalid_exploit_wrong_vector.json", "pattern", "/Report/CVSS/Vector"},
    {"invalid_exploit_wrong_version.json", "enum", "/Report/CVSS/Version"},
    {"invalid_file_hash.json", "enum", "/Report/FileHash/HashAlgorithm"},
    {"invalid_file_info.json", "minimum", "/Report/FileSize"},
    {"invalid_first_seen.json", "format: date-time", "/Report/FirstSeen"},
    {"invalid_host_name.json", "format: hostname", "/Report/RpzDomain"},
    {"invalid_infringed_props.json", "type", "/Report/InfringedMaterial"},
    {"invalid_internal_processing_wrong_data_type.json", "type", "/InternalProcessing/EventTags/1"},
    {"invalid_ip.json", "format: ipv4", "/Report/SourceIp"},
    {"invalid_ip2.json", "type", "/Report/SourceIp"},
    {"invalid_missing_account.json", "required", "/Report/Account"},
    // No schema requires "Report": without it every report type matches, and oneOf says so.
    {"invalid_missing_report.json", "oneOf", ""},
    {"invalid_missing_report_class_report_type.json", "required", "/Report/ReportClass"},
    {"invalid_missing_reporter.json", "required", "/ReporterInfo"},
    // ReporterInfo requires its organisation fields only when ReporterType is given and is not
    // "Person" (an if/then in xarf_shared): these two are rejected for Disclosure alone.
    {"invalid_missing_reporter_props.json", "required", "/Disclosure"},
    {"invalid_missing_reporter_props2.json", "type", "/ReporterInfo"},
    {"invalid_missing_reporter_props3.json", "type", "/ReporterInfo"},
    {"invalid_missing_reporter_props4.json", "type", "/ReporterInfo"},
    {"invalid_missing_reporter_props5.json", "required", "/Disclosure"},
    {"invalid_on_behalf_of.json", "format: email", "/OnBehalfOf/ComplainantOrgEmail"},
    {"invalid_openservice.json", "type", "/Report/ServiceName"},
    {"invalid_openservice2.json", "enum", "/Report/TransportProtocol"},
    {"invalid_openservice3.json", "type", "/Report/ServiceVersion"},
    {"invalid_openservice4.json", "required", "/Report/ServiceName"},
    {"invalid_openservice_missing_service.json", "required", "/Report/ServiceName"},
    {"invalid_ports.json", "type", "/Report/SourcePort"},
    {"invalid_report_class_report_type.json", "type", "/Report/ReportClass"},
    {"invalid_report_class_report_type2.json", "minLength", "/Report/ReportType"},
    {"invalid_report_part.json", "required", "/Report/Date"},
    {"invalid_reporter_info.json", "additionalProperties", "/ReporterInfo/ShouldNotBeHere"},
    {"invalid_reporter_metadata.json", "enum", "/Report/ReporterSeverity"},
    {"invalid_reporter_metadata2.json", "type", "/Report/ReporterCaseID"},
    {"invalid_sample.json", "type", "/Report/Samples"},
    {"invalid_sample_2.json", "required", "/Report/Samples/0/ContentType"},
    {"invalid_type.json", "enum", "/Report/ReportType"},
    {"invalid_used_ip_in_potentially_compromised_account.json", "not",
     "/Report/Account/AccountIdentifier"},
    // The schema forbids a SourceUrl in this report type with a "not".
    {"invalid_used_url_in_potentially_compromised_account.json", "not", "/Report"},
};

} // namespace

class TestXarfSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shippedSchemasUseOnlyKnownKeywords();
    void positiveV3_data();
    void positiveV3();
    void samplesV4_data();
    void samplesV4();
    void negativeV3_data();
    void negativeV3();
    void negativeTableCoversEverySample();
    void specificationV3Samples_data();
    void specificationV3Samples();
    void missingSchemaIsAViolation();

private:
    std::optional<JsonSchemaSet> m_schemas;
};

void TestXarfSchema::initTestCase()
{
    Result<JsonSchemaSet> loaded = JsonSchemaSet::loadDirectory(SchemaDir);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY2(loaded->loadProblems().isEmpty(), qPrintable(loaded->loadProblems().join('\n')));
    // v3: the oneOf root, xarf_shared and 16 report types; v4: core, master, content-base and
    // the 32 type schemas.
    QCOMPARE(loaded->size(), qsizetype(18 + 35));
    QVERIFY(loaded->contains(xarfSchemaId(XarfJsonGeneration::V3)));
    QVERIFY(loaded->contains(xarfSchemaId(XarfJsonGeneration::V4)));
    m_schemas = std::move(*loaded);
}

// Every keyword in the shipped schemas is either checked or a known annotation, so nothing
// passes because the validator does not know it (walks the schema positions, not the names
// under "properties" or "$defs").
void TestXarfSchema::shippedSchemasUseOnlyKnownKeywords()
{
    const QStringList known = supportedSchemaKeywords() + ignoredSchemaKeywords();
    QStringList unknown;
    std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &node) {
        if (node.isArray()) {
            for (const QJsonValue &item : node.toArray())
                walk(item);
            return;
        }
        const QJsonObject object = node.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString &key = it.key();
            if (!known.contains(key) && !key.startsWith(QLatin1String("x-")))
                unknown << key;
            if (key == QLatin1String("properties") || key == QLatin1String("$defs")) {
                const QJsonObject named = it.value().toObject();
                for (auto child = named.constBegin(); child != named.constEnd(); ++child)
                    walk(child.value());
            } else if (key != QLatin1String("enum") && key != QLatin1String("const") &&
                       key != QLatin1String("examples") && key != QLatin1String("default") &&
                       key != QLatin1String("required")) {
                walk(it.value());
            }
        }
    };
    QDirIterator it(SchemaDir, {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        walk(readJson(it.next()));
    unknown.removeDuplicates();
    QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(QLatin1String(", "))));
    for (const char *format : {"date-time", "email", "hostname", "ipv4", "ipv6", "uri", "uuid"})
        QVERIFY(supportedSchemaFormats().contains(QLatin1String(format)));
}

void TestXarfSchema::positiveV3_data()
{
    QTest::addColumn<QString>("path");
    const QString folder = DataDir + QStringLiteral("/v3/positive");
    const QStringList files = jsonFiles(folder);
    QCOMPARE(files.size(), 29);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << folder + QLatin1Char('/') + file;
}

void TestXarfSchema::positiveV3()
{
    QFETCH(QString, path);
    const QList<SchemaViolation> violations =
        m_schemas->validate(readJson(path), xarfSchemaId(XarfJsonGeneration::V3));
    QVERIFY2(violations.isEmpty(), qPrintable(describe(violations)));
}

void TestXarfSchema::samplesV4_data()
{
    QTest::addColumn<QString>("path");
    const QString folder = DataDir + QStringLiteral("/v4/v4");
    const QStringList files = jsonFiles(folder);
    QCOMPARE(files.size(), 32);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << folder + QLatin1Char('/') + file;
}

void TestXarfSchema::samplesV4()
{
    QFETCH(QString, path);
    const QList<SchemaViolation> violations =
        m_schemas->validate(readJson(path), xarfSchemaId(XarfJsonGeneration::V4));
    QVERIFY2(violations.isEmpty(), qPrintable(describe(violations)));
}

void TestXarfSchema::negativeV3_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("where");
    for (const NegativeCase &row : NegativeCases)
        QTest::newRow(row.file) << DataDir + QStringLiteral("/v3/negative/") + row.file
                                << QString::fromLatin1(row.rule) << QString::fromLatin1(row.path);
}

void TestXarfSchema::negativeV3()
{
    QFETCH(QString, path);
    QFETCH(QString, rule);
    QFETCH(QString, where);
    const QList<SchemaViolation> violations =
        m_schemas->validate(readJson(path), xarfSchemaId(XarfJsonGeneration::V3));
    QVERIFY2(hasViolation(violations, rule, where),
             qPrintable(QStringLiteral("expected [%1] at \"%2\", got:\n%3")
                            .arg(rule, where, describe(violations))));
}

void TestXarfSchema::negativeTableCoversEverySample()
{
    QStringList listed;
    for (const NegativeCase &row : NegativeCases)
        listed << QString::fromLatin1(row.file);
    listed.sort();
    QCOMPARE(jsonFiles(DataDir + QStringLiteral("/v3/negative")), listed);
}

// xarf-spec's samples/v3 follow the v4 specification's idea of v3 ("Version": "3.0.0", a
// "Source" object), which abusix's v3 schema rejects: recognised, and the rule is named.
void TestXarfSchema::specificationV3Samples_data()
{
    QTest::addColumn<QString>("path");
    const QString folder = DataDir + QStringLiteral("/v4/v3");
    for (const QString &file : jsonFiles(folder))
        QTest::newRow(qPrintable(file)) << folder + QLatin1Char('/') + file;
}

void TestXarfSchema::specificationV3Samples()
{
    QFETCH(QString, path);
    const QJsonValue json = readJson(path);
    QCOMPARE(xarfJsonGeneration(json.toObject()), XarfJsonGeneration::V3);
    const QList<SchemaViolation> violations =
        m_schemas->validate(json, xarfSchemaId(XarfJsonGeneration::V3));
    QVERIFY2(hasViolation(violations, QStringLiteral("const"), QStringLiteral("/Version")),
             qPrintable(describe(violations)));
}

void TestXarfSchema::missingSchemaIsAViolation()
{
    const QList<SchemaViolation> violations =
        m_schemas->validate(QJsonObject(), QStringLiteral("https://nowhere.example/x.json"));
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().rule, QStringLiteral("$ref"));
    QVERIFY(!JsonSchemaSet::loadDirectory(QStringLiteral("/nonexistent-xarf-schemas")).ok());
}

QTEST_GUILESS_MAIN(TestXarfSchema)
#include "tst_xarf_schema.moc"
