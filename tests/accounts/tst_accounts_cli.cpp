// `awb accounts import|list|show`, driven as a user or a script would: exit codes, JSON.
#include "accounts_test_support.h"
#include "cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Awb::Test;

class TestAccountsCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageErrors_data();
    void usageErrors();
    void importsDemoThenNothingChanges();
    void reportsFirstThenAccounts();
    void badRowsExitOne();
    void listAndShow();

private:
    QTemporaryDir m_dir;
};

static QJsonObject jsonObject(const QByteArray &line)
{
    return QJsonDocument::fromJson(line.trimmed()).object();
}

void TestAccountsCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString db = QStringLiteral("--db=") + m_dir.filePath(QStringLiteral("usage.db"));
    QTest::newRow("no subcommand") << QStringList{"accounts", db};
    QTest::newRow("unknown subcommand") << QStringList{"accounts", "merge", db};
    QTest::newRow("import without files") << QStringList{"accounts", "import", db};
    QTest::newRow("import without --db") << QStringList{"accounts", "import", "x.csv"};
    QTest::newRow("show without id") << QStringList{"accounts", "show", db};
    QTest::newRow("list with an argument") << QStringList{"accounts", "list", db, "x"};
    QTest::newRow("unknown option") << QStringList{"accounts", "list", db, "--frobnicate"};
}

void TestAccountsCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = runAwb(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("awb accounts"));
}

void TestAccountsCli::importsDemoThenNothingChanges()
{
    const QString db = m_dir.filePath(QStringLiteral("demo.db"));
    const QStringList import =
        QStringList{"accounts", "import", "--db", db, "--json"} + demoAccountFiles();
    CliRun run = runAwb(import);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QJsonObject summary = jsonObject(run.out);
    QCOMPARE(summary.value("imported").toInt(), 29);
    QCOMPARE(summary.value("unchanged").toInt(), 0);
    QCOMPARE(summary.value("rejected").toArray().size(), 0);
    QCOMPARE(summary.value("data_errors").toArray().size(), 0);
    QCOMPARE(summary.value("files").toArray().size(), 4);

    run = runAwb(import);
    QCOMPARE(run.exitCode, 0);
    summary = jsonObject(run.out);
    QCOMPARE(summary.value("imported").toInt(), 0);
    QCOMPARE(summary.value("unchanged").toInt(), 29);

    run = runAwb(QStringList{"accounts", "import", "--db", db} + demoAccountFiles());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("Imported 0 rows"));
    QVERIFY(run.out.contains("29 unchanged"));
}

// The desk imports and groups the reports before the customer directory: the Spamhaus SBL
// notice's listing is recorded without an account, and the accounts import says it gave it to
// the account that held the address then.
void TestAccountsCli::reportsFirstThenAccounts()
{
    const QString db = m_dir.filePath(QStringLiteral("reports-first.db"));
    const QString notice = QStringLiteral(AWB_SOURCE_DIR) +
                           QStringLiteral("/resources/demo/reports/07-spamhaus-sbl-harbour.eml");
    QCOMPARE(runAwb({"import", "--db", db, notice}).exitCode, 0);
    QCOMPARE(runAwb({"cases", "group", "--db", db}).exitCode, 0);
    CliRun run = runAwb(QStringList{"accounts", "import", "--db", db} + demoAccountFiles());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Attributed 1 blocklist observation(s) recorded earlier"),
             run.out.constData());
    run = runAwb(QStringList{"accounts", "import", "--db", db, "--json"} + demoAccountFiles());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(jsonObject(run.out).value("listings_attributed").toInt(), 0); // already done
    // The notice's case was grouped without an account: the next grouping gives it one.
    run = runAwb({"cases", "group", "--db", db});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("-000001 to account IXC-10077: every report of it is the "
                              "account's") &&
                 run.out.startsWith("Grouped 0 reports"),
             run.out.constData());
    run = runAwb({"cases", "group", "--db", db, "--json"});
    QCOMPARE(jsonObject(run.out).value("attributed").toArray().size(), 0);
    run = runAwb({"accounts", "show", "--db", db, "IXC-10077"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Blocklist observations:\n  2026-11-10 06:40  203.0.113.40  "
                              "Spamhaus SBL  listed  (report)\n      attributed "),
             run.out.constData());
    run = runAwb({"accounts", "show", "--db", db, "--json", "IXC-10077"});
    const QJsonArray listings = jsonObject(run.out).value("listings").toArray();
    QCOMPARE(listings.size(), 1);
    QCOMPARE(listings.first().toObject().value("verdict").toString(), QStringLiteral("listed"));
    QVERIFY(!listings.first().toObject().value("attribution").toString().isEmpty());
}

void TestAccountsCli::badRowsExitOne()
{
    const QString db = m_dir.filePath(QStringLiteral("bad.db"));
    const QString customers = writeFile(m_dir, QStringLiteral("c.csv"),
                                        "account_id,name,status\nA-1,Alpha,active\n"
                                        "B-2,Beta,gone\n");
    const QString overlap = writeFile(m_dir, QStringLiteral("o.csv"),
                                      "account_id,prefix,valid_from\n"
                                      "A-1,192.0.2.0/24,2025-01-01\n");
    CliRun run = runAwb({"accounts", "import", "--db", db, "--json", customers, overlap});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(
        run.err.contains(QStringLiteral("rejected: %1:3: status “gone”").arg(customers).toUtf8()),
        run.err.constData());
    const QJsonObject summary = jsonObject(run.out);
    QCOMPARE(summary.value("imported").toInt(), 2);
    const QJsonObject rejected = summary.value("rejected").toArray().first().toObject();
    QCOMPARE(rejected.value("file").toString(), customers);
    QCOMPARE(rejected.value("line").toInt(), 3);

    // Data errors (both rows stored) also give status 1.
    const QString second =
        writeFile(m_dir, QStringLiteral("c2.csv"), "account_id,name,status\nB-2,Beta,active\n");
    const QString clash = writeFile(m_dir, QStringLiteral("o2.csv"),
                                    "account_id,prefix,valid_from\nB-2,192.0.2.7,2025-06-01\n");
    run = runAwb({"accounts", "import", "--db", db, second, clash});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("data error: 192.0.2.7/32 is assigned to two accounts"),
             run.err.constData());
    QVERIFY(run.out.contains("1 data errors"));

    // A missing file is a rejected input, not a usage error.
    run = runAwb({"accounts", "import", "--db", db, m_dir.filePath(QStringLiteral("none.csv"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("cannot read the file"));
}

void TestAccountsCli::listAndShow()
{
    const QString db = m_dir.filePath(QStringLiteral("show.db"));
    QCOMPARE(runAwb(QStringList{"accounts", "import", "--db", db} + demoAccountFiles()).exitCode,
             0);
    CliRun run = runAwb({"accounts", "list", "--db", db, "--json"});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 7);
    QCOMPARE(jsonObject(lines.first()).value("account_id").toString(), QStringLiteral("IXC-10015"));
    QCOMPARE(jsonObject(lines.at(3)).value("prepaid_cents").toInt(), 4550);

    run = runAwb({"accounts", "show", "--db", db, "--json", "IXC-10042"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject northwind = jsonObject(run.out);
    QCOMPARE(northwind.value("name").toString(), QStringLiteral("Northwind Mailers Ltd"));
    QCOMPARE(northwind.value("assignments").toArray().size(), 2);
    QCOMPARE(northwind.value("domains").toArray().size(), 2);
    const QJsonObject warning = northwind.value("history").toArray().first().toObject();
    QCOMPARE(warning.value("action").toString(), QStringLiteral("warning"));
    QCOMPARE(warning.value("date").toString(), QStringLiteral("2026-05-14T00:00:00Z"));

    run = runAwb({"accounts", "show", "--db", db, "IXC-10077"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("Harbour Street Bakery"));
    QVERIFY(run.out.contains("203.0.113.40/32"));
    QVERIFY(run.out.contains("2026-06-01 to now"));
    QVERIFY(run.out.contains("prepaid: USD 120.00"));
    QVERIFY(!run.out.contains("LEGACY-2026-0298")); // the old holder's termination

    run = runAwb({"accounts", "show", "--db", db, "IXC-99999"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("no account IXC-99999"));
}

QTEST_GUILESS_MAIN(TestAccountsCli)
#include "tst_accounts_cli.moc"
