// `awb audit verify|list` end to end, and --analyst: who the commands that write record.
#include "audit_test_support.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb::Test;

namespace {

const QString kDemo = QStringLiteral(AWB_SOURCE_DIR "/resources/demo");

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

// awb with a clean environment: USER as given, and no window settings of this machine.
CliRun runAs(const QStringList &arguments, const QString &user, const QString &configHome)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("USER", user);
    env.insert("XDG_CONFIG_HOME", configHome);
    process.setProcessEnvironment(env);
    process.start(awbPath(), arguments);
    process.waitForFinished(120000);
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestAuditCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifyIntact();
    void verifyBroken();
    void verifyJson();
    void listAll();
    void listOneCase();
    void usageAndMissingDatabase_data();
    void usageAndMissingDatabase();
    void analystOfTheWrites();

private:
    CliRun awb(const QStringList &arguments) { return runAs(arguments, "osuser", m_config); }
    QList<QJsonObject> entries(const QString &db, const QStringList &extra = {});

    QTemporaryDir m_dir;
    QString m_config;
    QString m_db;
};

QList<QJsonObject> TestAuditCli::entries(const QString &db, const QStringList &extra)
{
    const CliRun list = awb(QStringList{"audit", "list", "--db", db, "--json"} + extra);
    return list.exitCode == 0 ? jsonLines(list.out) : QList<QJsonObject>();
}

void TestAuditCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath("config");
    QVERIFY(QDir().mkpath(m_config));
    m_db = m_dir.filePath("demo.awbcase");
    QStringList csv;
    for (const QString &name : QDir(kDemo + "/accounts").entryList({"*.csv"}, QDir::Files))
        csv << kDemo + "/accounts/" + name;
    CliRun accounts = awb(QStringList{"accounts", "import", "--db", m_db} + csv);
    QVERIFY2(accounts.exitCode == 0, accounts.err.constData());
    CliRun import = awb({"import", "--db", m_db, "--settings", kDemo + "/analysis.ini", "--analyst",
                         "Ana Lim", kDemo + "/reports"});
    QVERIFY2(import.exitCode == 0, import.err.constData());
    CliRun group = awb({"cases", "--db", m_db, "group", "--settings", kDemo + "/analysis.ini"});
    QVERIFY2(group.exitCode == 0, group.err.constData());
}

void TestAuditCli::verifyIntact()
{
    const CliRun verify = awb({"audit", "verify", "--db", m_db});
    QCOMPARE(verify.exitCode, 0);
    const QRegularExpression line("^intact: (\\d+) entries, head ([0-9a-f]{64})\n");
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(verify.out));
    QVERIFY2(match.hasMatch(), verify.out.constData());
    const QList<QJsonObject> all = entries(m_db);
    QCOMPARE(match.captured(1).toLongLong(), all.size());
    QCOMPARE(match.captured(2), all.last().value("hash").toString());
    // The limit of a chain read from inside, said where the head is printed.
    QVERIFY(verify.out.contains("removing the newest entries cannot be seen from inside the "
                                "database alone"));
    QVERIFY(verify.err.isEmpty());
}

void TestAuditCli::verifyBroken()
{
    const QString copy = m_dir.filePath("broken.awbcase");
    QVERIFY(copyDatabase(m_db, copy));
    {
        auto store = Awb::CaseStore::open(copy);
        QVERIFY(store);
        QCOMPARE(dropAuditTriggers(**store), QString());
        QCOMPARE(execRaw(**store, "UPDATE audit_log SET why = 'because' WHERE id = 2"), QString());
    }
    CliRun verify = awb({"audit", "verify", "--db", copy});
    QCOMPARE(verify.exitCode, 1);
    QCOMPARE(verify.out, QByteArray("broken: entry 2: hash does not match its contents (edited)\n"
                                    "(1 entries before it are intact)\n"));

    {
        auto store = Awb::CaseStore::open(copy);
        QVERIFY(store);
        QCOMPARE(execRaw(**store, "DELETE FROM audit_log WHERE id = 2"), QString());
    }
    verify = awb({"audit", "verify", "--db", copy});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.out.startsWith("broken: entry 3: previous-hash does not match entry 1 (an "
                                   "entry was deleted"),
             verify.out.constData());
}

void TestAuditCli::verifyJson()
{
    const CliRun verify = awb({"audit", "verify", "--db", m_db, "--json"});
    QCOMPARE(verify.exitCode, 0);
    const QJsonObject result = jsonLines(verify.out).value(0);
    QCOMPARE(result.value("intact").toBool(), true);
    QCOMPARE(result.value("entries").toInteger(), entries(m_db).size());
    QCOMPARE(result.value("first_broken_id").toInteger(), 0);
    QCOMPARE(result.value("head").toString().size(), 64);
}

void TestAuditCli::listAll()
{
    const QList<QJsonObject> all = entries(m_db);
    QVERIFY(all.size() >= 6); // four account files, one import run, the cases opened
    QStringList actions;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QJsonObject &e = all.at(i);
        QCOMPARE(e.value("id").toInteger(), i + 1);
        for (const char *key : {"at", "who", "action", "case", "subject", "what", "why", "details",
                                "prev_hash", "hash"})
            QVERIFY2(e.contains(key), key);
        QCOMPARE(e.value("prev_hash").toString(),
                 i == 0 ? QString(64, '0') : all.at(i - 1).value("hash").toString());
        actions << e.value("action").toString();
    }
    QCOMPARE(actions.count("accounts-import"), 4);
    QCOMPARE(actions.count("import"), 1);
    QVERIFY(actions.contains("case-opened"));

    const CliRun text = awb({"audit", "list", "--db", m_db});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("  Ana Lim  import\n    Import run 1 finished: "),
             text.out.constData());
}

void TestAuditCli::listOneCase()
{
    const QList<QJsonObject> all = entries(m_db);
    QString publicId;
    for (const QJsonObject &e : all) {
        if (e.value("action").toString() == u"case-opened" && publicId.isEmpty())
            publicId = e.value("case").toString();
    }
    QVERIFY(publicId.startsWith("IXCM-ABUSE-"));
    CliRun status = awb({"cases", "--db", m_db, "status", publicId, "closed", "--why", "resolved",
                         "--analyst", "Ben"});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    const QList<QJsonObject> own = entries(m_db, {"--case", publicId});
    QCOMPARE(own.size(), 2);
    QCOMPARE(own.at(0).value("action").toString(), QStringLiteral("case-opened"));
    QCOMPARE(own.at(1).value("action").toString(), QStringLiteral("case-status"));
    QCOMPARE(own.at(1).value("who").toString(), QStringLiteral("Ben"));
    QCOMPARE(own.at(1).value("why").toString(), QStringLiteral("resolved"));
    for (const QJsonObject &e : own)
        QCOMPARE(e.value("case").toString(), publicId);
    const CliRun unknown = awb({"audit", "list", "--db", m_db, "--case", "IXCM-ABUSE-1999-000001"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains("There is no case"));
}

void TestAuditCli::usageAndMissingDatabase_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no action") << QStringList{"audit", "--db", "x.awbcase"} << 2;
    QTest::newRow("unknown action") << QStringList{"audit", "fix", "--db", "x.awbcase"} << 2;
    QTest::newRow("no database") << QStringList{"audit", "verify"} << 2;
    QTest::newRow("verify of one case")
        << QStringList{"audit", "verify", "--db", "x.awbcase", "--case", "1"} << 2;
    QTest::newRow("missing database") << QStringList{"audit", "verify", "--db", "MISSING"} << 1;
}

void TestAuditCli::usageAndMissingDatabase()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const QString missing = m_dir.filePath("missing.awbcase");
    arguments.replaceInStrings("MISSING", missing);
    const CliRun run = awb(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(!run.err.isEmpty());
    // Verifying never creates the database it was asked about.
    QVERIFY(!QFile::exists(missing));
}

void TestAuditCli::analystOfTheWrites()
{
    const QString db = m_dir.filePath("analysts.awbcase");
    const QString csv = kDemo + "/accounts/customers.csv";
    // Nobody named anywhere: the OS user.
    CliRun run = awb({"accounts", "import", "--db", db, csv});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // The settings file's [desk] analystName.
    const QString ini = m_dir.filePath("desk.ini");
    {
        QSettings settings(ini, QSettings::IniFormat);
        settings.setValue("desk/analystName", "Settings Person");
    }
    run = awb({"import", "--db", db, "--settings", ini, kDemo + "/reports"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // The window's settings, when the command takes no settings file.
    {
        QSettings window(m_config + "/Abuse Workbench/abuse-workbench.conf", QSettings::IniFormat);
        window.setValue("desk/analystName", "Window Person");
    }
    run = awb({"accounts", "import", "--db", db, kDemo + "/accounts/ip_assignments.csv"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // --analyst before all of them; and `cases --who` still names the case history's analyst.
    run = awb({"cases", "--db", db, "group", "--settings", ini, "--analyst", "Given Name"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QJsonObject> opened = entries(db);
    QString publicId;
    for (const QJsonObject &e : opened) {
        if (e.value("action").toString() == u"case-opened" && publicId.isEmpty())
            publicId = e.value("case").toString();
    }
    QVERIFY(!publicId.isEmpty());
    run = awb({"cases", "--db", db, "status", publicId, "actioned", "--why", "warned", "--who",
               "Old Flag"});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    QStringList who;
    for (const QJsonObject &e : entries(db))
        who << e.value("action").toString() + "=" + e.value("who").toString();
    who.removeDuplicates();
    // (The grouping records the listing a Spamhaus notice among the reports states.)
    QCOMPARE(who, QStringList({"accounts-import=osuser", "import=Settings Person",
                               "accounts-import=Window Person", "listings=Given Name",
                               "case-opened=Given Name", "case-status=Old Flag"}));
}

QTEST_GUILESS_MAIN(TestAuditCli)
#include "tst_audit_cli.moc"
