#include "mail/mail_message.h"
#include "reports/xarf/xarf_recogniser.h"
#include "reports/xarf/xarf_recognisers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Awb;

namespace {

const QString DataDir = QStringLiteral(AWB_TEST_DATA "/reports_xarf");
const QString SchemaDir = QStringLiteral(AWB_SOURCE_DIR "/resources/xarf-schemas");
const QString DemoReport =
    QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/04-xarf-northwind.eml");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::optional<Report> recogniseBytes(const XarfRecogniser &recogniser, const QByteArray &bytes)
{
    Result<MailMessage> message = MailMessage::parse(bytes);
    if (!message)
        return std::nullopt;
    return recogniser.recognise(*message);
}

// A JSON report sent as the whole body of a mail.
QByteArray jsonMail(const QByteArray &json)
{
    return QByteArrayLiteral("From: reports@reporter.example.org\nTo: abuse@ix.cm\n"
                             "Subject: XARF report\nMessage-ID: <json@reporter.example.org>\n"
                             "MIME-Version: 1.0\nContent-Type: application/json\n\n") +
           json;
}

QString fieldValue(const Report &report, const QString &name)
{
    for (const ReportField &field : report.fields) {
        if (field.name == name)
            return field.value;
    }
    return {};
}

bool allFieldsFrom(const Report &report, const QString &source)
{
    for (const ReportField &field : report.fields) {
        if (field.source != source)
            return false;
    }
    return !report.fields.isEmpty();
}

QString violationsText(const Report &report)
{
    QStringList lines;
    for (const SchemaViolation &violation : report.schemaViolations)
        lines
            << QStringLiteral("%1 [%2] %3").arg(violation.path, violation.rule, violation.message);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + report.problems.join('\n');
}

bool hasViolation(const Report &report, const QString &rule, const QString &path)
{
    for (const SchemaViolation &violation : report.schemaViolations) {
        if (violation.rule == rule && violation.path == path)
            return true;
    }
    return false;
}

// The bytes between the evidence part's header block and the next boundary line, without the
// line break before the boundary, which belongs to the boundary (RFC 2046 section 5.1.1).
QByteArray embeddedSlice(const QByteArray &mail, const QByteArray &partHeaderEnd,
                         const QByteArray &boundary)
{
    const qsizetype begin = mail.indexOf(partHeaderEnd) + partHeaderEnd.size();
    const qsizetype end = mail.indexOf("\n--" + boundary, begin);
    return mail.mid(begin, end - begin);
}

} // namespace

class TestXarfRecogniser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoReport();
    void legacyMails_data();
    void legacyMails();
    void jsonSamples_data();
    void jsonSamples();
    void jsonMails();
    void jsonSchemaBreaks();
    void notXarf_data();
    void notXarf();
    void withoutSchemas();
    void defaultSchemaLocation();
    void registration();
};

void TestXarfRecogniser::demoReport()
{
    const XarfRecogniser recogniser(SchemaDir);
    const QByteArray bytes = readFile(DemoReport);
    QVERIFY(!bytes.isEmpty());
    const std::optional<Report> report = recogniseBytes(recogniser, bytes);
    QVERIFY(report);
    QCOMPARE(report->format, ReportFormat::Xarf);
    QCOMPARE(report->formatVersion, QStringLiteral("0.2"));
    QCOMPARE(report->feedbackType, QStringLiteral("abuse"));
    QCOMPARE(report->sourceIp, QStringLiteral("203.0.113.14"));
    QCOMPARE(report->sourcePort, 25);
    QCOMPARE(report->reporter, QStringLiteral("reports@trapnet.example.org"));
    QCOMPARE(report->userAgent, QStringLiteral("TrapNet-XARF/1.4"));
    QCOMPARE(report->reportId, QStringLiteral("TN-2026-1104-000871@trapnet.example.org"));
    QCOMPARE(report->incidents, 3);
    QCOMPARE(report->arrivalDate, QDateTime(QDate(2026, 11, 4), QTime(7, 55, 2), Qt::UTC));
    QVERIFY(report->description.startsWith(QLatin1String("Dear abuse team of IX.CM")));
    QVERIFY(allFieldsFrom(*report, QStringLiteral("report.txt")));
    QCOMPARE(fieldValue(*report, QStringLiteral("Report-Type")), QStringLiteral("mail"));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join('\n')));
    QVERIFY2(report->schemaViolations.isEmpty(), qPrintable(violationsText(*report)));
    // The original, byte for byte as it stands in the report (DKIM needs the exact bytes).
    QVERIFY(report->originalBytes);
    QVERIFY(!report->originalHeadersOnly);
    QCOMPARE(*report->originalBytes,
             embeddedSlice(bytes, "filename=\"evidence-000871.eml\"\n\n", "Xarf-TN-000871-b1"));
}

void TestXarfRecogniser::legacyMails_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("sourceIp");
    QTest::addColumn<bool>("original");
    QTest::addColumn<QString>("problem");   // a part of an expected problem, or empty: none
    QTest::addColumn<QStringList>("rules"); // expected "rule@path" violations, or empty: none

    QTest::newRow("0.1 login attack, log evidence")
        << "xarf-0.1-login-attack.eml"
        << "0.1"
        << "203.0.113.21" << false << "" << QStringList();
    QTest::newRow("0.2 headers-only evidence, quoted values")
        << "xarf-0.2-headers-only.eml"
        << "0.2"
        << "203.0.113.30" << true << "" << QStringList();
    QTest::newRow("broken yaml") << "xarf-0.2-broken-yaml.eml"
                                 << "0.2"
                                 << "203.0.113.31" << true
                                 << "report.txt line 5: not a \"key: value\" line" << QStringList();
    QTest::newRow("missing report.txt") << "xarf-0.2-missing-report.eml"
                                        << "0.2"
                                        << "" << true << "no report.txt part" << QStringList();
    QTest::newRow("wrong X-ARF value")
        << "xarf-0.2-wrong-header.eml"
        << "0.2"
        << "203.0.113.77" << true << "the X-ARF header says \"NO\"" << QStringList();
    QTest::newRow("rule breaks") << "xarf-0.2-rule-breaks.eml"
                                 << "0.3"
                                 << "" << true << ""
                                 << QStringList({"required@Source", "enum@Version",
                                                 "format: email@Reported-From",
                                                 "format: date-time@Date", "maximum@Port"});
}

void TestXarfRecogniser::legacyMails()
{
    QFETCH(QString, file);
    QFETCH(QString, version);
    QFETCH(QString, sourceIp);
    QFETCH(bool, original);
    QFETCH(QString, problem);
    QFETCH(QStringList, rules);
    const XarfRecogniser recogniser(SchemaDir);
    const std::optional<Report> report =
        recogniseBytes(recogniser, readFile(DataDir + QStringLiteral("/mail/") + file));
    QVERIFY(report);
    QCOMPARE(report->format, ReportFormat::Xarf);
    QCOMPARE(report->formatVersion, version);
    QCOMPARE(report->sourceIp, sourceIp);
    QCOMPARE(report->originalBytes.has_value(), original);
    QCOMPARE(report->originalHeadersOnly, file.contains(QLatin1String("headers-only")));
    QVERIFY(report->description.startsWith(QLatin1String("Dear abuse team")));
    if (!report->fields.isEmpty())
        QVERIFY(allFieldsFrom(*report, QStringLiteral("report.txt")));
    if (problem.isEmpty())
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join('\n')));
    else
        QVERIFY2(report->problems.join('\n').contains(problem),
                 qPrintable(report->problems.join('\n')));
    for (const QString &expected : rules) {
        const qsizetype at = expected.lastIndexOf(QLatin1Char('@'));
        QVERIFY2(hasViolation(*report, expected.left(at), expected.mid(at + 1)),
                 qPrintable(expected + QLatin1Char('\n') + violationsText(*report)));
    }
    if (rules.isEmpty())
        QVERIFY2(report->schemaViolations.isEmpty(), qPrintable(violationsText(*report)));
}

// Every upstream sample, sent as the body of a mail: recognised, valid, its source read.
void TestXarfRecogniser::jsonSamples_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("version");
    for (const QString &folder : {QStringLiteral("v3/positive"), QStringLiteral("v4/v4")}) {
        const QDir dir(DataDir + QLatin1Char('/') + folder);
        for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files))
            QTest::newRow(qPrintable(folder + QLatin1Char('/') + file))
                << dir.filePath(file)
                << (folder.startsWith(QLatin1String("v3")) ? QStringLiteral("3")
                                                           : QStringLiteral("4"));
    }
}

void TestXarfRecogniser::jsonSamples()
{
    QFETCH(QString, path);
    QFETCH(QString, version);
    static const XarfRecogniser recogniser(SchemaDir);
    const QByteArray json = readFile(path);
    const std::optional<Report> report = recogniseBytes(recogniser, jsonMail(json));
    QVERIFY(report);
    QCOMPARE(report->format, ReportFormat::Xarf);
    QCOMPARE(report->formatVersion, version);
    QVERIFY2(report->schemaViolations.isEmpty(), qPrintable(violationsText(*report)));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join('\n')));
    QVERIFY(allFieldsFrom(*report, QStringLiteral("json")));
    QVERIFY(!report->reporter.isEmpty());
    QVERIFY(!report->feedbackType.isEmpty());
    QVERIFY(report->arrivalDate.isValid());

    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const QString source = version == QLatin1String("4")
                               ? object.value(QLatin1String("source_identifier")).toString()
                               : object.value(QLatin1String("Report"))
                                     .toObject()
                                     .value(QLatin1String("SourceIp"))
                                     .toString();
    const bool isAddress = !source.isEmpty() && !source.contains(QLatin1String(".example"));
    if (isAddress)
        QCOMPARE(report->sourceIp, source);
    else if (!source.isEmpty())
        QCOMPARE(report->reportedDomain, source);
}

void TestXarfRecogniser::jsonMails()
{
    const XarfRecogniser recogniser(SchemaDir);

    // v4 as the body, with a complete message as base64 evidence.
    const std::optional<Report> v4 = recogniseBytes(
        recogniser, readFile(DataDir + QStringLiteral("/mail/xarf-v4-json-body.eml")));
    QVERIFY(v4);
    QCOMPARE(v4->formatVersion, QStringLiteral("4"));
    QCOMPARE(v4->feedbackType, QStringLiteral("spam"));
    QCOMPARE(v4->sourceIp, QStringLiteral("203.0.113.77"));
    QCOMPARE(v4->sourcePort, 25);
    QCOMPARE(v4->reportId, QStringLiteral("02eb480f-8172-431a-9276-c28ba90f694a"));
    QCOMPARE(v4->originalMailFrom, QStringLiteral("marketing@example.com"));
    QCOMPARE(v4->reporter,
             QStringLiteral("Example Anti-Spam Service <reports@antispam-service.example>"));
    QVERIFY2(v4->schemaViolations.isEmpty(), qPrintable(violationsText(*v4)));
    QVERIFY(v4->originalBytes);
    QVERIFY(!v4->originalHeadersOnly);
    QVERIFY(v4->originalBytes->startsWith("Received: from mail.spam-origin.example"));
    QVERIFY(v4->originalBytes->endsWith("Buy now.\n"));
    QCOMPARE(fieldValue(*v4, QStringLiteral("evidence[0].content_type")),
             QStringLiteral("message/rfc822"));

    // The upstream v4 spam sample's evidence is a header fragment only.
    const std::optional<Report> fragment = recogniseBytes(
        recogniser, jsonMail(readFile(DataDir + QStringLiteral("/v4/v4/messaging-spam.json"))));
    QVERIFY(fragment && fragment->originalBytes);
    QVERIFY(fragment->originalHeadersOnly);

    // v3 as a base64 attachment beside the human text and the message/rfc822 evidence.
    const QByteArray attached =
        readFile(DataDir + QStringLiteral("/mail/xarf-v3-json-attachment.eml"));
    const std::optional<Report> v3 = recogniseBytes(recogniser, attached);
    QVERIFY(v3);
    QCOMPARE(v3->formatVersion, QStringLiteral("3"));
    QCOMPARE(v3->feedbackType, QStringLiteral("Spam"));
    QCOMPARE(v3->sourceIp, QStringLiteral("203.0.113.77"));
    QCOMPARE(v3->sourcePort, 54321);
    QCOMPARE(v3->reporter, QStringLiteral("ExampleOrg <reports@example.com>"));
    QCOMPARE(v3->arrivalDate, QDateTime(QDate(2018, 2, 5), QTime(14, 17, 10), Qt::UTC));
    QVERIFY(v3->description.startsWith(QLatin1String("Dear abuse team")));
    QVERIFY2(v3->schemaViolations.isEmpty(), qPrintable(violationsText(*v3)));
    QVERIFY(v3->originalBytes);
    QCOMPARE(*v3->originalBytes,
             embeddedSlice(attached, "filename=\"evidence.eml\"\n\n", "xarf-test-b1"));
}

void TestXarfRecogniser::jsonSchemaBreaks()
{
    const XarfRecogniser recogniser(SchemaDir);
    const std::optional<Report> report = recogniseBytes(
        recogniser, readFile(DataDir + QStringLiteral("/mail/xarf-v4-schema-breaks.eml")));
    QVERIFY(report);
    QCOMPARE(report->format, ReportFormat::Xarf);
    QCOMPARE(report->sourceIp, QStringLiteral("203.0.113.77")); // still imported
    QVERIFY(!report->arrivalDate.isValid());
    QVERIFY2(
        hasViolation(*report, QStringLiteral("format: date-time"), QStringLiteral("/timestamp")),
        qPrintable(violationsText(*report)));
    QVERIFY2(hasViolation(*report, QStringLiteral("required"), QStringLiteral("/smtp_from")),
             qPrintable(violationsText(*report)));

    // A v3 sample of the v4 specification: recognised, with the rule it breaks named.
    const std::optional<Report> v3 = recogniseBytes(
        recogniser, jsonMail(readFile(DataDir + QStringLiteral("/v4/v3/spam_v3_sample.json"))));
    QVERIFY(v3);
    QCOMPARE(v3->sourceIp, QStringLiteral("192.168.1.100"));
    QCOMPARE(v3->sourcePort, 25);
    QVERIFY(v3->originalBytes);
    QVERIFY(hasViolation(*v3, QStringLiteral("const"), QStringLiteral("/Version")));
}

void TestXarfRecogniser::notXarf_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("plain message")
        << QByteArray("From: a@example.org\nTo: b@example.org\nSubject: hi\n\nHello.\n");
    QTest::newRow("json that is no report") << jsonMail(R"({"hello": "world"})");
    QTest::newRow("broken json body") << jsonMail(R"({"xarf_version": )");
    QTest::newRow("text/plain that is no json")
        << QByteArray("From: a@example.org\nSubject: x\nContent-Type: text/plain\n\n{not json\n");
}

void TestXarfRecogniser::notXarf()
{
    QFETCH(QByteArray, bytes);
    const XarfRecogniser recogniser(SchemaDir);
    QVERIFY(!recogniseBytes(recogniser, bytes));
}

void TestXarfRecogniser::withoutSchemas()
{
    const XarfRecogniser recogniser(QStringLiteral("/nonexistent/xarf-schemas"));
    QVERIFY(!recogniser.schemas());
    QVERIFY(!recogniser.schemaLoadError().isEmpty());
    const std::optional<Report> report = recogniseBytes(
        recogniser, jsonMail(readFile(DataDir + QStringLiteral("/v4/v4/connection-ddos.json"))));
    QVERIFY(report);
    QCOMPARE(report->sourceIp, QStringLiteral("192.0.2.155"));
    QVERIFY(report->schemaViolations.isEmpty());
    QVERIFY(report->problems.join('\n').contains(QLatin1String("not validated")));
}

void TestXarfRecogniser::defaultSchemaLocation()
{
    // Without a directory the recogniser finds the schemas through dataDirectory(), which in
    // a build tree is the source tree's resources/.
    const XarfRecogniser recogniser;
    QVERIFY2(recogniser.schemas(), qPrintable(recogniser.schemaLoadError()));
    QVERIFY(recogniser.schemas()->loadProblems().isEmpty());
}

void TestXarfRecogniser::registration()
{
    QList<const ReportRecogniser *> list;
    appendXarfRecognisers(list);
    QCOMPARE(list.size(), 1);
    QVERIFY(list.first()->name().startsWith(QLatin1String("X-ARF")));
    const Result<MailMessage> demo = MailMessage::parse(readFile(DemoReport));
    QVERIFY(demo);
    QVERIFY(list.first()->recognise(*demo));
}

QTEST_GUILESS_MAIN(TestXarfRecogniser)
#include "tst_xarf_recogniser.moc"
