// DkimKeyConfig, the DKIM key settings the window and `awb` share: the [dkim] group of an INI
// file read back as written, errors that name the input and the reason, and the built chain
// answering from the demo's key file and from a DNS server this test starts on loopback (only
// reserved names, always that nameserver, so nothing here reaches the internet). The server
// runs on a thread of its own, so that a lookup can also be asked from inside this thread's
// running event loop, as the window asks it.
#include "analysis/auth/auth_checks.h"
#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "blacklist/dkim_key_config.h"
#include "blacklist/dns_dkim_key_provider.h"
#include "loopback_dns_server.h"
#include "mail/mail_message.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace Awb;

namespace {

const QString demoKeys = QStringLiteral(AWB_SOURCE_DIR "/resources/demo/dkim/demo-dkim-keys.zone");
const QString garbledKeys = QStringLiteral(AWB_TEST_DATA "/dkim_settings/garbled.zone");
const QString handKeys = QStringLiteral(AWB_TEST_DATA "/dkim_settings/hand-keys.zone");

// Resets the program's key provider when a test is done, whatever happens in it.
struct KeyProviderScope
{
    ~KeyProviderScope() { setDkimKeyProvider(nullptr); }
};

// Demo report 01 is signed by fbl2026._domainkey.example.net, whose key the demo file holds.
bool demoSignatureVerifies()
{
    QFile file(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/01-arf-fbl-northwind.eml"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    auto message = MailMessage::parse(file.readAll());
    if (!message)
        return false;
    QList<const Check *> checks;
    appendAuthChecks(checks);
    const MessageAnalysis analysis = analyzeMessage(*message, TrustSettings(), QDateTime(), checks);
    return std::any_of(analysis.findings.cbegin(), analysis.findings.cend(), [](const Finding &f) {
        return f.check == QLatin1String("dkim.signature-valid-info");
    });
}

QByteArray ed25519Record(char fill)
{
    return "v=DKIM1; k=ed25519; p=" + QByteArray(32, fill).toBase64();
}

struct ErrorRow
{
    DkimKeyConfig config;
    QStringList mentions; // what the message must name
};

} // namespace

Q_DECLARE_METATYPE(DkimKeyConfig)
Q_DECLARE_METATYPE(ErrorRow)

class TestDkimKeyConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void roundTripThroughIni_data();
    void roundTripThroughIni();
    void handWrittenIni();
    void errorsNameInputAndReason_data();
    void errorsNameInputAndReason();
    void failedApplyKeepsTheProvider();
    void emptyKeyFileAcceptedWhereAsked();
    void emptyConfigTurnsVerificationOff();
    void zoneFileVerifiesDemoSignature();
    void keyFileIsAskedBeforeDns();
    void dnsVerifiesDemoSignature();
    void lookupInRunningEventLoopDoesNotReenterIt();

private:
    DkimKeyConfig dnsConfig(const QString &keyFile = {}) const;

    QThread m_serverThread;
    LoopbackDnsServer *m_server = nullptr;
    QHostAddress m_serverAddress;
};

void TestDkimKeyConfig::initTestCase()
{
    auto demo = ZoneFileDkimKeyProvider::load(demoKeys);
    QVERIFY(demo);
    const auto record = demo->txtRecord(QStringLiteral("fbl2026"), QStringLiteral("example.net"));
    QVERIFY(record);

    m_server = new LoopbackDnsServer;
    m_server->addTxt(QStringLiteral("fbl2026._domainkey.example.net"),
                     QString::fromLatin1(*record));
    m_server->addTxt(QStringLiteral("s1._domainkey.example.test"),
                     QString::fromLatin1(ed25519Record('d')));
    for (int i = 0; i < 4; ++i)
        m_server->addTxt(QStringLiteral("loop%1._domainkey.example.test").arg(i),
                         QString::fromLatin1(ed25519Record(char('a' + i))));
    m_server->moveToThread(&m_serverThread);
    m_serverThread.start();
    bool started = false;
    QMetaObject::invokeMethod(
        m_server, [this] { return m_server->start(); }, Qt::BlockingQueuedConnection, &started);
    // Not a skip: without the server the DNS half is untested, and that must show as a failure.
    QVERIFY2(started, qPrintable(m_server->errorString()));
    m_serverAddress = m_server->address();
}

void TestDkimKeyConfig::cleanupTestCase()
{
    if (m_server)
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_serverThread.quit();
    m_serverThread.wait();
}

DkimKeyConfig TestDkimKeyConfig::dnsConfig(const QString &keyFile) const
{
    DkimKeyConfig config;
    config.keyFile = keyFile;
    config.dnsLookups = true;
    config.nameserver = m_serverAddress.toString();
    return config;
}

void TestDkimKeyConfig::roundTripThroughIni_data()
{
    QTest::addColumn<DkimKeyConfig>("config");
    QTest::newRow("nothing") << DkimKeyConfig();
    QTest::newRow("key file") << DkimKeyConfig{demoKeys, false, {}};
    QTest::newRow("system resolver") << DkimKeyConfig{{}, true, {}};
    QTest::newRow("file, then DNS at an IPv6 nameserver") << DkimKeyConfig{
        QStringLiteral("/srv/keys, with a comma.zone"), true, QStringLiteral("2001:db8::53")};
}

void TestDkimKeyConfig::roundTripThroughIni()
{
    QFETCH(DkimKeyConfig, config);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("awb.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(QStringLiteral("analysis/ourMailDomains"), QStringLiteral("ix.cm"));
        config.store(settings);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("[dkim]") && text.contains("dnsLookups="), text.constData());

    const DkimKeyConfig read = DkimKeyConfig::fromSettings(QSettings(path, QSettings::IniFormat));
    QCOMPARE(read.keyFile, config.keyFile);
    QCOMPARE(read.dnsLookups, config.dnsLookups);
    QCOMPARE(read.nameserver, config.nameserver);
    QCOMPARE(read.isEmpty(), config.isEmpty());
}

void TestDkimKeyConfig::handWrittenIni()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hand.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[analysis]\nourMailDomains=ix.cm\n\n[dkim]\nkeyFile = " + demoKeys.toUtf8() +
               "\ndnsLookups = true\nnameserver = 127.0.0.1 \n");
    file.close();
    const DkimKeyConfig read = DkimKeyConfig::fromSettings(QSettings(path, QSettings::IniFormat));
    QCOMPARE(read.keyFile, demoKeys);
    QVERIFY(read.dnsLookups);
    QCOMPARE(read.nameserver, QStringLiteral("127.0.0.1"));
    QVERIFY(read.check());

    // A settings file without the group: no key file, no DNS.
    const DkimKeyConfig none = DkimKeyConfig::fromSettings(QSettings(
        QStringLiteral(AWB_SOURCE_DIR "/resources/demo/analysis.ini"), QSettings::IniFormat));
    QVERIFY(none.isEmpty());
    QVERIFY(none.nameserver.isEmpty());
}

void TestDkimKeyConfig::errorsNameInputAndReason_data()
{
    QTest::addColumn<ErrorRow>("row");
    const QString missing = QStringLiteral(AWB_TEST_DATA "/dkim_settings/no-such.zone");
    QTest::newRow("missing key file")
        << ErrorRow{{missing, false, {}}, {missing, QStringLiteral("No such file")}};
    QTest::newRow("garbled key file")
        << ErrorRow{{garbledKeys, false, {}}, {garbledKeys, QStringLiteral("no DKIM key")}};
    QTest::newRow("a directory") << ErrorRow{
        {QStringLiteral(AWB_TEST_DATA "/dkim_settings"), false, {}},
        {QStringLiteral(AWB_TEST_DATA "/dkim_settings"), QStringLiteral("directory")}};
    QTest::newRow("garbled key file with DNS")
        << ErrorRow{{garbledKeys, true, {}}, {garbledKeys, QStringLiteral("no DKIM key")}};
    QTest::newRow("nameserver is a host name")
        << ErrorRow{{{}, true, QStringLiteral("ns1.example.test")},
                    {QStringLiteral("ns1.example.test"), QStringLiteral("not an IP address")}};
    QTest::newRow("nameserver with a port")
        << ErrorRow{{{}, true, QStringLiteral("192.0.2.53:53")},
                    {QStringLiteral("192.0.2.53:53"), QStringLiteral("not an IP address")}};
    QTest::newRow("nameserver without DNS")
        << ErrorRow{{demoKeys, false, QStringLiteral("192.0.2.53")},
                    {QStringLiteral("192.0.2.53"), QStringLiteral("DNS lookups")}};
}

void TestDkimKeyConfig::errorsNameInputAndReason()
{
    QFETCH(ErrorRow, row);
    const auto provider = buildDkimKeyProvider(row.config);
    QVERIFY(!provider);
    for (const QString &mention : row.mentions)
        QVERIFY2(provider.error().contains(mention), qPrintable(provider.error()));
    const bool fieldsOnly = row.config.keyFile.isEmpty() || !row.config.nameserver.isEmpty();
    QCOMPARE(!row.config.check(), fieldsOnly); // check() reads no file
}

void TestDkimKeyConfig::failedApplyKeepsTheProvider()
{
    KeyProviderScope scope;
    QVERIFY(applyDkimKeyConfig(DkimKeyConfig{demoKeys, false, {}}));
    const auto before = dkimKeyProvider();
    QVERIFY(before);
    const Status failed = applyDkimKeyConfig(DkimKeyConfig{garbledKeys, true, {}});
    QVERIFY(!failed);
    QCOMPARE(dkimKeyProvider(), before);
}

void TestDkimKeyConfig::emptyKeyFileAcceptedWhereAsked()
{
    const auto provider =
        buildDkimKeyProvider(DkimKeyConfig{garbledKeys, false, {}}, EmptyKeyFile::Accept);
    QVERIFY2(provider, qPrintable(provider.error()));
    QCOMPARE((*provider)->describe(), QStringLiteral("the key file garbled.zone"));
    QCOMPARE((*provider)->txtRecord(QStringLiteral("fbl2026"), QStringLiteral("example.net")),
             std::nullopt);
}

void TestDkimKeyConfig::emptyConfigTurnsVerificationOff()
{
    KeyProviderScope scope;
    QVERIFY(applyDkimKeyConfig(DkimKeyConfig{demoKeys, false, {}}));
    QVERIFY(demoSignatureVerifies());
    QVERIFY(applyDkimKeyConfig(DkimKeyConfig()));
    QCOMPARE(dkimKeyProvider(), nullptr);
    QVERIFY(!demoSignatureVerifies());
}

void TestDkimKeyConfig::zoneFileVerifiesDemoSignature()
{
    KeyProviderScope scope;
    QVERIFY(!demoSignatureVerifies());
    const Status applied = applyDkimKeyConfig(DkimKeyConfig{demoKeys, false, {}});
    QVERIFY2(applied, qPrintable(applied.error()));
    QCOMPARE(dkimKeyProvider()->describe(), QStringLiteral("the key file demo-dkim-keys.zone"));
    QVERIFY(demoSignatureVerifies());
}

void TestDkimKeyConfig::keyFileIsAskedBeforeDns()
{
    const auto provider = buildDkimKeyProvider(dnsConfig(handKeys));
    QVERIFY2(provider, qPrintable(provider.error()));
    QCOMPARE((*provider)->describe(),
             QStringLiteral("the key file hand-keys.zone, then DNS (nameserver %1)")
                 .arg(m_serverAddress.toString()));
    // The server has another key for s1: the file's is the answer.
    QCOMPARE((*provider)->txtRecord(QStringLiteral("s1"), QStringLiteral("example.test")),
             std::optional<QByteArray>("v=DKIM1; k=ed25519; p=" +
                                       QByteArray("filefilefilefilefilefilefilefile").toBase64()));
    // A name the file does not hold comes from the server.
    QCOMPARE((*provider)->txtRecord(QStringLiteral("loop0"), QStringLiteral("example.test")),
             std::optional<QByteArray>(ed25519Record('a')));
    QCOMPARE((*provider)->txtRecord(QStringLiteral("none"), QStringLiteral("example.test")),
             std::nullopt);
}

void TestDkimKeyConfig::dnsVerifiesDemoSignature()
{
    KeyProviderScope scope;
    const Status applied = applyDkimKeyConfig(dnsConfig());
    QVERIFY2(applied, qPrintable(applied.error()));
    QCOMPARE(dkimKeyProvider()->describe(),
             QStringLiteral("DNS (nameserver %1)").arg(m_serverAddress.toString()));
    QVERIFY(demoSignatureVerifies());
}

// The window re-analyses the shown message on its own thread, inside the running event loop. A
// lookup there must not deliver that loop's events before it returns (the window would re-enter
// itself); the bare DnsDkimKeyProvider does, which is what the built provider guards against.
void TestDkimKeyConfig::lookupInRunningEventLoopDoesNotReenterIt()
{
    const auto built = buildDkimKeyProvider(dnsConfig());
    QVERIFY2(built, qPrintable(built.error()));
    const auto bare = std::make_shared<DnsDkimKeyProvider>(m_serverAddress);
    const auto askInLoop = [](const DkimKeyProvider &provider, const QString &selector,
                              bool *eventDelivered) {
        std::optional<QByteArray> record;
        QEventLoop loop;
        bool fired = false;
        QTimer::singleShot(0, &loop, [&] {
            QTimer::singleShot(0, &loop, [&] { fired = true; });
            record = provider.txtRecord(selector, QStringLiteral("example.test"));
            *eventDelivered = fired; // during the lookup, not after it
            loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        return record;
    };

    bool delivered = false;
    QCOMPARE(askInLoop(**built, QStringLiteral("loop1"), &delivered),
             std::optional<QByteArray>(ed25519Record('b')));
    QVERIFY(!delivered);

    delivered = false;
    QCOMPARE(askInLoop(*bare, QStringLiteral("loop2"), &delivered),
             std::optional<QByteArray>(ed25519Record('c')));
    QVERIFY(delivered); // the hazard is real: without the guard the loop runs on

    // Answered from the cache the second time, still without running the loop.
    delivered = false;
    QCOMPARE(askInLoop(**built, QStringLiteral("loop1"), &delivered),
             std::optional<QByteArray>(ed25519Record('b')));
    QVERIFY(!delivered);
}

QTEST_GUILESS_MAIN(TestDkimKeyConfig)
#include "tst_dkim_key_config.moc"
