// awb's command-line contract: exit codes, the import summary (text and JSON), rejections named
// with their reasons, idempotent re-import, listing and exact bytes out.
#include "cli_runner.h"
#include "test_mail_factory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void usageErrors_data();
    void usageErrors();
    void importJsonAndIdempotence();
    void rejectionsExitOneAndKeepTheRest();
    void unreadableInputIsNamed();
    void messagesListAndShow();
    void demoRunsEndToEnd();
    void accountNetworksAreOurNetworks();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("import without --db")
        << QStringList{QStringLiteral("import"), QStringLiteral("x.eml")};
    QTest::newRow("import without paths")
        << QStringList{QStringLiteral("import"), QStringLiteral("--db"), QStringLiteral("x.db")};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("import"), QStringLiteral("--bogus")};
    QTest::newRow("messages bad action")
        << QStringList{QStringLiteral("messages"), QStringLiteral("--db"), QStringLiteral("x.db"),
                       QStringLiteral("explode")};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = runAwb(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
}

void TestCli::importJsonAndIdempotence()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/a.eml")), AwbTest::plainMessage(1)));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/box.mbox")), AwbTest::mbox(4, 50, 10)));
    const QString db = path(QStringLiteral("case.awbcase"));

    CliRun run = runAwb({QStringLiteral("import"), QStringLiteral("--db"), db,
                         QStringLiteral("--json"), path(QStringLiteral("in"))});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject first = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(first.value(QStringLiteral("imported")).toInt(), 5);
    QCOMPARE(first.value(QStringLiteral("duplicates")).toInt(), 0);
    QVERIFY(first.value(QStringLiteral("rejected")).isArray());
    QCOMPARE(first.value(QStringLiteral("rejected")).toArray().size(), 0);

    run = runAwb({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--json"),
                  path(QStringLiteral("in"))});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject second = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(second.value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(second.value(QStringLiteral("duplicates")).toInt(), 5);

    // The text summary says the same in words.
    run = runAwb(
        {QStringLiteral("import"), QStringLiteral("--db"), db, path(QStringLiteral("in/a.eml"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Imported 0 new messages"), run.out.constData());
    QVERIFY(run.out.contains("1 duplicates"));
}

void TestCli::rejectionsExitOneAndKeepTheRest()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/good.eml")), AwbTest::plainMessage(1)));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/empty.eml")), QByteArray()));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/garbage.bin")),
                               QByteArray("\x00\x01\x02\xff\xfe binary", 13).repeated(100)));
    const QString db = path(QStringLiteral("case.awbcase"));
    const CliRun run = runAwb({QStringLiteral("import"), QStringLiteral("--db"), db,
                               QStringLiteral("--json"), path(QStringLiteral("in"))});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(summary.value(QStringLiteral("imported")).toInt(), 1);
    const QJsonArray rejected = summary.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 2);
    for (const QJsonValue &value : rejected) {
        const QJsonObject r = value.toObject();
        QVERIFY(r.contains(QStringLiteral("index")));
        QVERIFY(!r.value(QStringLiteral("reason")).toString().isEmpty());
        // Each rejection is also named on stderr, with its reason.
        QVERIFY2(run.err.contains(r.value(QStringLiteral("path")).toString().toUtf8()),
                 run.err.constData());
    }
}

void TestCli::unreadableInputIsNamed()
{
    // As root, file permissions do not stop reading; run awb as an unprivileged user then.
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/good.eml")), AwbTest::plainMessage(1)));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/secret.eml")), AwbTest::plainMessage(2)));
    QVERIFY(QDir().mkpath(path(QStringLiteral("in/locked"))));
    QVERIFY(
        AwbTest::writeFile(path(QStringLiteral("in/locked/hidden.eml")), AwbTest::plainMessage(3)));
    QFile::setPermissions(path(QStringLiteral("in/secret.eml")), QFileDevice::WriteOwner);
    QFile::setPermissions(path(QStringLiteral("in/locked")), QFileDevice::WriteOwner);
    // The temporary folder and the database must be reachable by that user.
    QFile::setPermissions(m_dir->path(), QFileDevice::Permissions(0x7777));
    QFile::setPermissions(path(QStringLiteral("in")), QFileDevice::Permissions(0x7777));
    QFile::setPermissions(path(QStringLiteral("in/good.eml")), QFileDevice::Permissions(0x6666));

    QStringList prefix;
    if (::geteuid() == 0) {
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        QVERIFY2(!setpriv.isEmpty(), "setpriv (util-linux) is needed to drop root for this test");
        prefix = {setpriv, QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                  QStringLiteral("--clear-groups")};
    }
    // awb must be reachable by that user wherever the build tree is (under /root, say): run a
    // copy from the temporary folder. It links the project's libraries statically.
    const QString program = path(QStringLiteral("awb"));
    QVERIFY(QFile::copy(awbPath(), program));
    QFile::setPermissions(program, QFileDevice::Permissions(0x7555));
    const QString db = path(QStringLiteral("case.awbcase"));
    const CliRun run = runAwb({QStringLiteral("import"), QStringLiteral("--db"), db,
                               QStringLiteral("--json"), path(QStringLiteral("in"))},
                              program, prefix);
    QVERIFY2(run.exitCode == 1, run.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(summary.value(QStringLiteral("imported")).toInt(), 1);
    QStringList reasons;
    for (const QJsonValue &value : summary.value(QStringLiteral("rejected")).toArray())
        reasons << value.toObject().value(QStringLiteral("path")).toString();
    reasons.sort();
    QCOMPARE(reasons, (QStringList{path(QStringLiteral("in/locked")),
                                   path(QStringLiteral("in/secret.eml"))}));
    QVERIFY(run.err.contains("secret.eml"));
}

void TestCli::messagesListAndShow()
{
    const QByteArray original = AwbTest::plainMessage(42).replace("\n", "\r\n");
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("crlf.eml")), original));
    const QString db = path(QStringLiteral("case.awbcase"));
    QCOMPARE(runAwb({QStringLiteral("import"), QStringLiteral("--db"), db,
                     path(QStringLiteral("crlf.eml"))})
                 .exitCode,
             0);

    CliRun run =
        runAwb({QStringLiteral("messages"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QJsonObject row = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(row.value(QStringLiteral("subject")).toString(), QStringLiteral("Test message 42"));
    QCOMPARE(row.value(QStringLiteral("size")).toInt(), original.size());
    QCOMPARE(row.value(QStringLiteral("index")), QJsonValue(QJsonValue::Null));
    const QString id = QString::number(row.value(QStringLiteral("id")).toInteger());

    run = runAwb(
        {QStringLiteral("messages"), QStringLiteral("--db"), db, QStringLiteral("show"), id});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, original); // the evidence, byte for byte

    run = runAwb({QStringLiteral("messages"), QStringLiteral("--db"), db});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("Test message 42"));

    run = runAwb({QStringLiteral("messages"), QStringLiteral("--db"),
                  path(QStringLiteral("missing.awbcase"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("missing.awbcase"));
}

void TestCli::demoRunsEndToEnd()
{
    const CliRun run =
        runAwb({QStringLiteral("demo"), QStringLiteral("--out"), path(QStringLiteral("demo"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(QFile::exists(path(QStringLiteral("demo/demo.awbcase"))));
    QVERIFY(run.out.contains("Case database:"));
    QVERIFY(run.out.contains("Imported"));
}

void TestCli::accountNetworksAreOurNetworks()
{
    // With no settings at all, the IP assignments of the account directory tell the trust
    // boundary which addresses are ours.
    const QString db = path(QStringLiteral("case.awbcase"));
    const QString demo = QStringLiteral(AWB_SOURCE_DIR "/resources/demo");
    QStringList accounts{QStringLiteral("accounts"), QStringLiteral("import"),
                         QStringLiteral("--db"), db};
    for (const char *file : {"customers.csv", "ip_assignments.csv", "domains.csv", "history.csv"})
        accounts << demo + QStringLiteral("/accounts/") + QLatin1String(file);
    CliRun run = runAwb(accounts);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runAwb({QStringLiteral("import"), QStringLiteral("--db"), db,
                  demo + QStringLiteral("/reports/01-arf-fbl-northwind.eml")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run =
        runAwb({QStringLiteral("messages"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    const QJsonObject row = QJsonDocument::fromJson(run.out.trimmed()).object();
    QCOMPARE(row.value(QStringLiteral("origin_ip")).toString(), QStringLiteral("203.0.113.12"));
    QCOMPARE(row.value(QStringLiteral("origin_ours")).toBool(), true);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
