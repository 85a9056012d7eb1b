// DnsDkimKeyProvider against a DNS server this test starts on loopback: a demo key served as a
// TXT record verifies demo report 01's signature through analyzeMessage; a name without a
// record and a zone that never answers are cached like a found key; four threads asking at once
// cause one query per name. The provider is always given the loopback nameserver and only
// reserved names (.test, example.*) are asked, so nothing here can reach the internet.
#include "analysis/auth/auth_checks.h"
#include "analysis/auth/dkim_key.h"
#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "blacklist/dns_dkim_key_provider.h"
#include "loopback_dns_server.h"
#include "mail/mail_message.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <thread>
#include <vector>

using namespace Awb;
using Outcome = DnsDkimKeyProvider::Outcome;

namespace {

// Resets the program's key provider when a test is done, whatever happens in it.
struct KeyProviderScope
{
    explicit KeyProviderScope(std::shared_ptr<const DkimKeyProvider> provider)
    {
        setDkimKeyProvider(std::move(provider));
    }
    ~KeyProviderScope() { setDkimKeyProvider(nullptr); }
};

int queriesFor(const LoopbackDnsServer &server, const QString &name)
{
    return int(server.queries().count(name + QStringLiteral(" TXT")));
}

} // namespace

class TestDkimDns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoSignatureVerifiesWithKeyFromDns();
    void noRecordIsCached();
    void zoneFileIsAskedBeforeDns();
    void invalidNameIsNotQueried();
    void concurrentCallersShareOneLookup();
    void timeoutIsCached(); // last: the unanswered query keeps a resolver thread for a while

private:
    LoopbackDnsServer m_server;
    QByteArray m_demoRecord; // fbl2026._domainkey.example.net from the demo key file
};

void TestDkimDns::initTestCase()
{
    auto demo = ZoneFileDkimKeyProvider::load(
        QStringLiteral(AWB_SOURCE_DIR "/resources/demo/dkim/demo-dkim-keys.zone"));
    QVERIFY(demo);
    const auto record = demo->txtRecord(QStringLiteral("fbl2026"), QStringLiteral("example.net"));
    QVERIFY(record);
    QVERIFY(parseDkimKeyRecord(*record).isUsable());
    m_demoRecord = *record;

    m_server.addTxt(QStringLiteral("fbl2026._domainkey.example.net"),
                    QString::fromLatin1(m_demoRecord));
    m_server.addTxt(QStringLiteral("s1._domainkey.example.test"),
                    QString::fromLatin1(m_demoRecord));
    for (int i = 0; i < 4; ++i)
        m_server.addTxt(QStringLiteral("t%1._domainkey.example.test").arg(i),
                        QStringLiteral("v=DKIM1; k=ed25519; p=") +
                            QString::fromLatin1(QByteArray(32, char('a' + i)).toBase64()));
    m_server.addSilentZone(QStringLiteral("silent.test"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestDkimDns::demoSignatureVerifiesWithKeyFromDns()
{
    QFile file(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/01-arf-fbl-northwind.eml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto message = MailMessage::parse(file.readAll());
    QVERIFY(message);
    QList<const Check *> checks;
    appendAuthChecks(checks);
    const auto verified = [&] {
        const MessageAnalysis analysis =
            analyzeMessage(*message, TrustSettings(), QDateTime(), checks);
        return std::any_of(
            analysis.findings.cbegin(), analysis.findings.cend(),
            [](const Finding &f) { return f.check == QLatin1String("dkim.signature-valid-info"); });
    };
    {
        const KeyProviderScope none(nullptr);
        QVERIFY(!verified()); // without a key nothing is verified: the DNS key makes the change
    }

    auto provider = std::make_shared<DnsDkimKeyProvider>(m_server.address());
    QCOMPARE(provider->timeoutMs(), DnsDkimKeyProvider::DefaultTimeoutMs);
    QCOMPARE(provider->describe(),
             QStringLiteral("DNS (nameserver %1)").arg(m_server.address().toString()));
    const KeyProviderScope scope(provider);
    QVERIFY(verified());
    const DnsDkimKeyProvider::Answer answer =
        provider->answer(QStringLiteral("fbl2026"), QStringLiteral("example.net."));
    QCOMPARE(answer.outcome, Outcome::Found);
    QCOMPARE(answer.record, std::optional<QByteArray>(m_demoRecord)); // 255-byte parts joined
    QCOMPARE(queriesFor(m_server, QStringLiteral("fbl2026._domainkey.example.net")), 1);
    QCOMPARE(provider->lookupCount(), 1);
}

void TestDkimDns::noRecordIsCached()
{
    DnsDkimKeyProvider provider(m_server.address());
    const QString name = QStringLiteral("none._domainkey.example.test");
    QCOMPARE(provider.txtRecord(QStringLiteral("none"), QStringLiteral("example.test")),
             std::nullopt);
    QCOMPARE(provider.answer(QStringLiteral("NONE"), QStringLiteral("Example.Test")).outcome,
             Outcome::NoRecord);
    QCOMPARE(queriesFor(m_server, name), 1);
    QCOMPARE(provider.lookupCount(), 1);

    provider.clearCache();
    QCOMPARE(provider.txtRecord(QStringLiteral("none"), QStringLiteral("example.test")),
             std::nullopt);
    QCOMPARE(queriesFor(m_server, name), 2);
}

void TestDkimDns::zoneFileIsAskedBeforeDns()
{
    const QByteArray fileRecord = "v=DKIM1; k=ed25519; p=" + QByteArray(32, 'z').toBase64();
    auto file = std::make_shared<ZoneFileDkimKeyProvider>(ZoneFileDkimKeyProvider::fromText(
        "s1._domainkey.example.test. IN TXT \"" + fileRecord + "\"\n", QStringLiteral("t.zone")));
    auto dns = std::make_shared<DnsDkimKeyProvider>(m_server.address());
    const DkimKeyProviderChain chain({file, dns});
    QCOMPARE(chain.describe(), file->describe() + QStringLiteral(", then ") + dns->describe());
    QCOMPARE(chain.txtRecord(QStringLiteral("s1"), QStringLiteral("example.test")),
             std::optional<QByteArray>(fileRecord));
    QCOMPARE(dns->lookupCount(), 0); // the file had it: DNS was not asked
    QCOMPARE(chain.txtRecord(QStringLiteral("t0"), QStringLiteral("example.test")),
             dns->txtRecord(QStringLiteral("t0"), QStringLiteral("example.test")));
    QCOMPARE(dns->lookupCount(), 1);
    QVERIFY(chain.txtRecord(QStringLiteral("t0"), QStringLiteral("example.test")).has_value());
}

void TestDkimDns::invalidNameIsNotQueried()
{
    DnsDkimKeyProvider provider(m_server.address());
    const QStringList before = m_server.queries();
    QCOMPARE(provider.answer(QString(), QStringLiteral("example.test")).outcome, Outcome::Failed);
    QCOMPARE(provider.answer(QStringLiteral("a b"), QStringLiteral("example.test")).outcome,
             Outcome::Failed);
    QCOMPARE(provider.answer(QStringLiteral("s1"), QStringLiteral("example..test")).outcome,
             Outcome::Failed);
    QCOMPARE(provider.lookupCount(), 0);
    QCOMPARE(m_server.queries(), before);
}

// Four std::threads (no Qt event loop of their own) ask at once; the main thread keeps running
// the server meanwhile. All four share one lookup of the same name; then each asks its own
// name, and those run in parallel.
void TestDkimDns::concurrentCallersShareOneLookup()
{
    DnsDkimKeyProvider provider(m_server.address());
    const QString shared = QStringLiteral("s1._domainkey.example.test");
    const int sharedBefore = queriesFor(m_server, shared);
    std::optional<QByteArray> sharedResults[4];
    std::optional<QByteArray> ownResults[4];
    QAtomicInt done = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            sharedResults[i] =
                provider.txtRecord(QStringLiteral("s1"), QStringLiteral("example.test"));
            ownResults[i] =
                provider.txtRecord(QStringLiteral("t%1").arg(i), QStringLiteral("example.test"));
            done.fetchAndAddOrdered(1);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.loadAcquire(), 4, 20000);
    for (std::thread &thread : threads)
        thread.join();

    for (int i = 0; i < 4; ++i) {
        QCOMPARE(sharedResults[i], std::optional<QByteArray>(m_demoRecord));
        QVERIFY(ownResults[i].has_value());
        const DkimKeyRecord key = parseDkimKeyRecord(*ownResults[i]);
        QVERIFY2(key.isUsable(), qPrintable(key.problems.join(QLatin1String("; "))));
        QCOMPARE(key.publicKey, QByteArray(32, char('a' + i)));
    }
    QCOMPARE(queriesFor(m_server, shared) - sharedBefore, 1);
    QCOMPARE(provider.lookupCount(), 5);
}

void TestDkimDns::timeoutIsCached()
{
    DnsDkimKeyProvider provider(m_server.address(), 400);
    QElapsedTimer timer;
    timer.start();
    const DnsDkimKeyProvider::Answer first =
        provider.answer(QStringLiteral("s1"), QStringLiteral("silent.test"));
    QCOMPARE(first.outcome, Outcome::Timeout);
    QVERIFY(!first.record);
    QVERIFY2(timer.elapsed() >= 350 && timer.elapsed() < 3000,
             qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE(queriesFor(m_server, QStringLiteral("s1._domainkey.silent.test")) > 0, true);

    timer.restart();
    QCOMPARE(provider.txtRecord(QStringLiteral("s1"), QStringLiteral("silent.test")), std::nullopt);
    QVERIFY(timer.elapsed() < 100);
    QCOMPARE(provider.lookupCount(), 1);
}

QTEST_GUILESS_MAIN(TestDkimDns)
#include "tst_dkim_dns.moc"
