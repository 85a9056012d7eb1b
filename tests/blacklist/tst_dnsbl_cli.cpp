// awb dnsbl end to end, against a DNS server this test starts on loopback. Every run that
// queries passes --nameserver with that server and zones under the reserved .test TLD, so
// nothing here reaches the internet.
#include "cli_runner.h"
#include "loopback_dns_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

class TestDnsblCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonLines();
    void text();
    void uncheckedExitsOne_data();
    void uncheckedExitsOne();
    void badAddressIsNamed();
    void usageErrors_data();
    void usageErrors();
    void listZones();

private:
    // Like runAwb(), but keeps this thread's event loop turning so that the server answers.
    CliRun run(const QStringList &arguments);
    QStringList serverArguments() const;

    LoopbackDnsServer m_server;
};

void TestDnsblCli::initTestCase()
{
    QVERIFY2(QFileInfo::exists(awbPath()), qPrintable(awbPath()));
    // Not a skip: without the server the command is untested, and that must show as a failure.
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_server.addA(QStringLiteral("2.2.0.192.cli.dnsbl.test"), QStringLiteral("127.0.0.2"));
    m_server.addTxt(QStringLiteral("2.2.0.192.cli.dnsbl.test"),
                    QStringLiteral("Listed for the test"));
    m_server.addA(QStringLiteral("99.2.0.192.cli.dnsbl.test"), QStringLiteral("198.51.100.7"));
    m_server.addSilentZone(QStringLiteral("silent.dnsbl.test"));
}

CliRun TestDnsblCli::run(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(awbPath(), arguments);
    CliRun result;
    if (!process.waitForStarted(5000) || !finished.wait(9000)) {
        process.kill();
        process.waitForFinished(1000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList TestDnsblCli::serverArguments() const
{
    return {QStringLiteral("dnsbl"), QStringLiteral("--nameserver"), m_server.address().toString(),
            QStringLiteral("--timeout"), QStringLiteral("2000")};
}

void TestDnsblCli::jsonLines()
{
    const CliRun result = run(
        serverArguments() + QStringList{QStringLiteral("--zone"), QStringLiteral("cli.dnsbl.test"),
                                        QStringLiteral("--json"), QStringLiteral("192.0.2.2"),
                                        QStringLiteral("192.0.2.1")});
    QCOMPARE(result.exitCode, 0);
    const QList<QByteArray> lines = result.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject listed = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(listed.value(u"address").toString(), QStringLiteral("192.0.2.2"));
    QCOMPARE(listed.value(u"zone").toString(), QStringLiteral("cli.dnsbl.test"));
    QCOMPARE(listed.value(u"verdict").toString(), QStringLiteral("listed"));
    QCOMPARE(listed.value(u"return_codes").toArray().at(0).toString(), QStringLiteral("127.0.0.2"));
    QCOMPARE(listed.value(u"meaning").toString(),
             QStringLiteral("127.0.0.2: listed on cli.dnsbl.test, with a return code not "
                            "documented for this list"));
    QCOMPARE(listed.value(u"txt").toString(), QStringLiteral("Listed for the test"));
    QVERIFY(listed.value(u"checked_at").toString().endsWith(QLatin1Char('Z')));
    const QJsonObject clean = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(clean.value(u"address").toString(), QStringLiteral("192.0.2.1"));
    QCOMPARE(clean.value(u"verdict").toString(), QStringLiteral("not-listed"));
}

void TestDnsblCli::text()
{
    const CliRun result = run(serverArguments() + QStringList{QStringLiteral("--zone"),
                                                              QStringLiteral("cli.dnsbl.test"),
                                                              QStringLiteral("192.0.2.2")});
    QCOMPARE(result.exitCode, 0);
    const QString output = QString::fromUtf8(result.out);
    QVERIFY2(output.contains(QStringLiteral("192.0.2.2")), qPrintable(output));
    QVERIFY(output.contains(QStringLiteral(" listed ")));
    QVERIFY(output.contains(QStringLiteral("    TXT: Listed for the test\n")));
}

void TestDnsblCli::uncheckedExitsOne_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("timeout") << QStringLiteral("silent.dnsbl.test") << QStringLiteral("192.0.2.2")
                             << QStringLiteral("timeout");
    QTest::newRow("answer outside 127/8")
        << QStringLiteral("cli.dnsbl.test") << QStringLiteral("192.0.2.99")
        << QStringLiteral("error-reply");
}

void TestDnsblCli::uncheckedExitsOne()
{
    QFETCH(QString, zone);
    QFETCH(QString, address);
    QFETCH(QString, verdict);
    const CliRun result =
        run({QStringLiteral("dnsbl"), QStringLiteral("--nameserver"), m_server.address().toString(),
             QStringLiteral("--timeout"), QStringLiteral("300"), QStringLiteral("--json"),
             QStringLiteral("--zone"), zone, address});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject object = QJsonDocument::fromJson(result.out.trimmed()).object();
    QCOMPARE(object.value(u"verdict").toString(), verdict);
}

void TestDnsblCli::badAddressIsNamed()
{
    const CliRun result =
        run(serverArguments() +
            QStringList{QStringLiteral("--zone"), QStringLiteral("cli.dnsbl.test"),
                        QStringLiteral("192.0.2.300"), QStringLiteral("192.0.2.1")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("192.0.2.300: not an IPv4 or IPv6 address"), result.err);
    QVERIFY(result.out.contains("not-listed")); // the rest was still checked
}

void TestDnsblCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no address") << QStringList{} << QStringLiteral("no address given");
    QTest::newRow("defunct zone") << QStringList{QStringLiteral("--zone"),
                                                 QStringLiteral("dnsbl.sorbs.net"),
                                                 QStringLiteral("192.0.2.1")}
                                  << QStringLiteral(
                                         "dnsbl.sorbs.net: SORBS is defunct (closed in 2024)");
    QTest::newRow("domain list") << QStringList{QStringLiteral("--zone"),
                                                QStringLiteral("dbl.spamhaus.org"),
                                                QStringLiteral("192.0.2.1")}
                                 << QStringLiteral("lists domains, not addresses");
    QTest::newRow("bad timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("x"),
                                                QStringLiteral("192.0.2.1")}
                                 << QStringLiteral("--timeout");
    QTest::newRow("bad nameserver")
        << QStringList{QStringLiteral("--nameserver"), QStringLiteral("dns.example"),
                       QStringLiteral("192.0.2.1")}
        << QStringLiteral("--nameserver: not an IP address");
}

void TestDnsblCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const int before = m_server.queries().size();
    const CliRun result = run(QStringList{QStringLiteral("dnsbl")} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_server.queries().size(), before);
}

void TestDnsblCli::listZones()
{
    const CliRun result = run({QStringLiteral("dnsbl"), QStringLiteral("--list-zones")});
    QCOMPARE(result.exitCode, 0);
    const QString output = QString::fromUtf8(result.out);
    QVERIFY(output.contains(QStringLiteral("zen.spamhaus.org")));
    QVERIFY(output.contains(QStringLiteral("bl.spamcop.net")));
    QVERIFY2(output.contains(QStringLiteral("dnsbl.sorbs.net          SORBS (defunct, closed in "
                                            "2024)")),
             qPrintable(output));
}

QTEST_GUILESS_MAIN(TestDnsblCli)
#include "tst_dnsbl_cli.moc"
