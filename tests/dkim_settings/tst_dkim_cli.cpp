// awb analyze --dkim-keys / --dkim-dns / --dkim-nameserver, which build their key source through
// DkimKeyConfig: the usage errors keep naming the options, a key file without records is still
// accepted, and the key file is asked before DNS. DNS runs against the blacklist tests' loopback
// server (on a thread of its own, since runAwb() blocks this one), with reserved names only.
#include "cli_runner.h"
#include "loopback_dns_server.h"

#include "analysis/auth/dkim_key.h"

#include <QFileInfo>
#include <QTest>
#include <QThread>

namespace {

const QString demoKeys = QStringLiteral(AWB_SOURCE_DIR "/resources/demo/dkim/demo-dkim-keys.zone");
const QString demoReport =
    QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/01-arf-fbl-northwind.eml");

struct UsageRow
{
    QStringList arguments;
    QString message; // the whole line after "awb analyze: "
};

} // namespace

Q_DECLARE_METATYPE(UsageRow)

class TestDkimCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void usageErrorsNameTheOption_data();
    void usageErrorsNameTheOption();
    void keyFileVerifies_data();
    void keyFileVerifies();
    void keyFileBeforeDns();

private:
    QThread m_serverThread;
    LoopbackDnsServer *m_server = nullptr;
};

void TestDkimCli::initTestCase()
{
    QVERIFY2(QFileInfo::exists(awbPath()), qPrintable(awbPath()));
    auto demo = Awb::ZoneFileDkimKeyProvider::load(demoKeys);
    QVERIFY(demo);
    const auto record = demo->txtRecord(QStringLiteral("fbl2026"), QStringLiteral("example.net"));
    QVERIFY(record);
    m_server = new LoopbackDnsServer;
    m_server->addTxt(QStringLiteral("fbl2026._domainkey.example.net"),
                     QString::fromLatin1(*record));
    m_server->moveToThread(&m_serverThread);
    m_serverThread.start();
    bool started = false;
    QMetaObject::invokeMethod(
        m_server, [this] { return m_server->start(); }, Qt::BlockingQueuedConnection, &started);
    QVERIFY2(started, qPrintable(m_server->errorString()));
}

void TestDkimCli::cleanupTestCase()
{
    if (m_server)
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_serverThread.quit();
    m_serverThread.wait();
}

void TestDkimCli::usageErrorsNameTheOption_data()
{
    QTest::addColumn<UsageRow>("row");
    const QString missing = QStringLiteral(AWB_TEST_DATA "/dkim_settings/no-such.zone");
    const QString dir = QStringLiteral(AWB_TEST_DATA "/dkim_settings");
    QTest::newRow("nameserver without dns")
        << UsageRow{{QStringLiteral("--dkim-nameserver"), QStringLiteral("192.0.2.53")},
                    QStringLiteral("--dkim-nameserver needs --dkim-dns")};
    QTest::newRow("nameserver not an address")
        << UsageRow{{QStringLiteral("--dkim-dns"), QStringLiteral("--dkim-nameserver"),
                     QStringLiteral("ns1.example.test")},
                    QStringLiteral("not an IP address for --dkim-nameserver: ns1.example.test")};
    QTest::newRow("empty nameserver")
        << UsageRow{{QStringLiteral("--dkim-dns"), QStringLiteral("--dkim-nameserver"), QString()},
                    QStringLiteral("not an IP address for --dkim-nameserver: ")};
    QTest::newRow("missing key file")
        << UsageRow{{QStringLiteral("--dkim-keys"), missing},
                    missing + QStringLiteral(": No such file or directory")};
    QTest::newRow("missing key file with dns")
        << UsageRow{{QStringLiteral("--dkim-keys"), missing, QStringLiteral("--dkim-dns")},
                    missing + QStringLiteral(": No such file or directory")};
    QTest::newRow("key file is a directory")
        << UsageRow{{QStringLiteral("--dkim-keys"), dir},
                    dir + QStringLiteral(": file to open is a directory")};
}

void TestDkimCli::usageErrorsNameTheOption()
{
    QFETCH(UsageRow, row);
    const CliRun run =
        runAwb(QStringList{QStringLiteral("analyze")} + row.arguments + QStringList{demoReport});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("awb analyze: " + row.message.toUtf8() + '\n'),
             run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestDkimCli::keyFileVerifies_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("verified");
    QTest::newRow("no key source") << QStringList() << false;
    QTest::newRow("demo keys") << QStringList{QStringLiteral("--dkim-keys"), demoKeys} << true;
    // No TXT record in it: accepted as before, and nothing verifies.
    QTest::newRow("garbled key file")
        << QStringList{QStringLiteral("--dkim-keys"),
                       QStringLiteral(AWB_TEST_DATA "/dkim_settings/garbled.zone")}
        << false;
}

void TestDkimCli::keyFileVerifies()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, verified);
    const CliRun run = runAwb(QStringList{QStringLiteral("analyze"), QStringLiteral("--json")} +
                              arguments + QStringList{demoReport});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out.contains("\"dkim.signature-valid-info\""), verified);
}

void TestDkimCli::keyFileBeforeDns()
{
    // hand-keys.zone lacks the demo signer's key: the chain goes on to DNS for it, and the
    // evidence names both sources in order.
    const CliRun run =
        runAwb({QStringLiteral("analyze"), QStringLiteral("--json"), QStringLiteral("--dkim-keys"),
                QStringLiteral(AWB_TEST_DATA "/dkim_settings/hand-keys.zone"),
                QStringLiteral("--dkim-dns"), QStringLiteral("--dkim-nameserver"),
                m_server->address().toString(), demoReport});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("\"dkim.signature-valid-info\""), run.out.constData());
    const QByteArray sources =
        QStringLiteral("the key file hand-keys.zone, then DNS (nameserver %1)")
            .arg(m_server->address().toString())
            .toUtf8();
    QVERIFY2(run.out.contains(sources), run.out.constData());
}

QTEST_GUILESS_MAIN(TestDkimCli)
#include "tst_dkim_cli.moc"
