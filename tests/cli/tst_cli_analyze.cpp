// awb analyze and awb checks: the JSON Lines contract of DESIGN.md and the exit codes.
#include "cli_runner.h"
#include "test_mail_factory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Our customer's server (203.0.113.12) handed the message to the reporter's MX, and its own
// stamp below claims a bank's server.
const QByteArray forgedMessage =
    "Received: from mx-in.example.net (mx-in.example.net [198.51.100.5])\n"
    "\tby store.example.net (Postfix) with ESMTP id 1A2B;\n"
    "\tMon, 2 Nov 2026 09:00:05 +0000\n"
    "Received: from mail.northwind-deals.example (mail.northwind-deals.example [203.0.113.12])\n"
    "\tby mx-in.example.net (Postfix) with ESMTP id 3C4D;\n"
    "\tMon, 2 Nov 2026 09:00:03 +0000\n"
    "Received: from mail.bigbank.example (mail.bigbank.example [192.0.2.77])\n"
    "\tby mail.northwind-deals.example with SMTP id 9Z;\n"
    "\tMon, 2 Nov 2026 09:20:00 +0000\n"
    "From: Big Bank <security@bigbank.example>\n"
    "To: someone@example.net\n"
    "Subject: Account alert\n"
    "Date: Mon, 2 Nov 2026 09:00:00 +0000\n"
    "Message-ID: <1@northwind-deals.example>\n"
    "\n"
    "Please log in.\n";

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            objects << QJsonDocument::fromJson(line).object();
    }
    return objects;
}

} // namespace

class TestCliAnalyze : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void jsonCarriesHopsOriginAndFindings();
    void textShowsTheBoundary();
    void mboxMessagesHaveTheirIndex();
    void rejectedInputIsAnErrorLine();
    void badNetworkIsUsageError();
    void checksCatalogue();
    void checksDocumentationIsCurrent();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliAnalyze::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCliAnalyze::jsonCarriesHopsOriginAndFindings()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("forged.eml")), forgedMessage));
    const CliRun run =
        runAwb({QStringLiteral("analyze"), QStringLiteral("--json"), QStringLiteral("--ours"),
                QStringLiteral("203.0.113.0/24"), path(QStringLiteral("forged.eml"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QJsonObject> lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 1);
    const QJsonObject m = lines.first();
    for (const char *key : {"file", "index", "sha256", "size", "message_id", "date", "from",
                            "subject", "hops", "origin", "findings"})
        QVERIFY2(m.contains(QLatin1String(key)), key);
    QCOMPARE(m.value(QStringLiteral("sha256")).toString().size(), 64);
    QCOMPARE(m.value(QStringLiteral("index")), QJsonValue(QJsonValue::Null));

    const QJsonArray hops = m.value(QStringLiteral("hops")).toArray();
    QCOMPARE(hops.size(), 3);
    const QJsonObject boundary = hops.at(1).toObject();
    QCOMPARE(boundary.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(boundary.value(QStringLiteral("from_ip")).toString(), QStringLiteral("203.0.113.12"));
    QCOMPARE(boundary.value(QStringLiteral("by")).toString(), QStringLiteral("mx-in.example.net"));
    QCOMPARE(boundary.value(QStringLiteral("date")).toString(),
             QStringLiteral("2026-11-02T09:00:03Z"));
    QCOMPARE(boundary.value(QStringLiteral("parsed")).toString(), QStringLiteral("full"));
    QCOMPARE(boundary.value(QStringLiteral("trusted")).toBool(), true);
    QCOMPARE(hops.at(2).toObject().value(QStringLiteral("trusted")).toBool(), false);
    QCOMPARE(hops.at(1).toObject().value(QStringLiteral("delay_seconds")).toInt(), -1197);

    const QJsonObject origin = m.value(QStringLiteral("origin")).toObject();
    QCOMPARE(origin.value(QStringLiteral("ip")).toString(), QStringLiteral("203.0.113.12"));
    QCOMPARE(origin.value(QStringLiteral("hop")).toInt(), 1);
    QVERIFY(!origin.value(QStringLiteral("reason")).toString().isEmpty());

    // Every finding has the DESIGN.md fields; the forged hop below the boundary is found.
    QSet<QString> checks;
    for (const QJsonValue &value : m.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = value.toObject();
        for (const char *key : {"check", "severity", "clause", "title", "evidence", "hop"})
            QVERIFY2(f.contains(QLatin1String(key)), key);
        checks << f.value(QStringLiteral("check")).toString();
    }
    QVERIFY2(checks.contains(QStringLiteral("received.origin-ours")),
             qPrintable(QStringList(checks.values()).join(u',')));
    QVERIFY(checks.contains(QStringLiteral("received.broken-handoff")) ||
            checks.contains(QStringLiteral("received.time-reversal")));
}

void TestCliAnalyze::textShowsTheBoundary()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("forged.eml")), forgedMessage));
    const CliRun run =
        runAwb({QStringLiteral("analyze"), QStringLiteral("--ours"),
                QStringLiteral("203.0.113.0/24"), path(QStringLiteral("forged.eml"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("trust boundary"));
    QVERIFY(run.out.contains("Origin:  203.0.113.12 (our network)"));
}

void TestCliAnalyze::mboxMessagesHaveTheirIndex()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("box.mbox")), AwbTest::mbox(3)));
    const CliRun run = runAwb(
        {QStringLiteral("analyze"), QStringLiteral("--json"), path(QStringLiteral("box.mbox"))});
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(lines.at(i).value(QStringLiteral("index")).toInt(), i);
}

void TestCliAnalyze::rejectedInputIsAnErrorLine()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("good.eml")), AwbTest::plainMessage(1)));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("garbage.eml")), QByteArray(64, '\x01')));
    const CliRun run =
        runAwb({QStringLiteral("analyze"), QStringLiteral("--json"),
                path(QStringLiteral("garbage.eml")), path(QStringLiteral("good.eml"))});
    QCOMPARE(run.exitCode, 1);
    const QList<QJsonObject> lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).value(QStringLiteral("error")).toString().size() > 0);
    QVERIFY(lines.at(0).value(QStringLiteral("file")).toString().endsWith(u"garbage.eml"));
    QVERIFY(!lines.at(1).contains(QStringLiteral("error")));
    QVERIFY(run.err.contains("garbage.eml"));
}

void TestCliAnalyze::badNetworkIsUsageError()
{
    const CliRun run = runAwb({QStringLiteral("analyze"), QStringLiteral("--ours"),
                               QStringLiteral("203.0.113.0/33"), QStringLiteral("x.eml")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("203.0.113.0/33"));
}

void TestCliAnalyze::checksCatalogue()
{
    const CliRun run = runAwb({QStringLiteral("checks"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(run.out);
    QVERIFY(lines.size() >= 16);
    QSet<QString> ids;
    for (const QJsonObject &check : lines) {
        for (const char *key : {"check", "severity", "clause", "title", "description"})
            QVERIFY2(!check.value(QLatin1String(key)).toString().isEmpty(), key);
        ids << check.value(QStringLiteral("check")).toString();
    }
    QCOMPARE(ids.size(), lines.size()); // ids are unique
    for (const char *id : {"received.unparsed", "received.broken-handoff", "received.time-reversal",
                           "received.origin-ours", "received.authenticated-submission"})
        QVERIFY2(ids.contains(QLatin1String(id)), id);

    const CliRun text = runAwb({QStringLiteral("checks")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("received.broken-handoff"));
}

void TestCliAnalyze::checksDocumentationIsCurrent()
{
    // resources/doc/checks.md is generated; tests/update-reference-data.sh refreshes it.
    const CliRun run = runAwb({QStringLiteral("checks"), QStringLiteral("--markdown")});
    QCOMPARE(run.exitCode, 0);
    QFile reference(QStringLiteral(AWB_SOURCE_DIR "/resources/doc/checks.md"));
    QVERIFY(reference.open(QIODevice::ReadOnly));
    QVERIFY2(run.out == reference.readAll(),
             "resources/doc/checks.md is out of date: run tests/update-reference-data.sh");
}

QTEST_GUILESS_MAIN(TestCliAnalyze)
#include "tst_cli_analyze.moc"
