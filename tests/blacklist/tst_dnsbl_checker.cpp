// DnsblChecker end to end against a DNS server this test starts on loopback. The zones are
// copies of the real lists' data under the reserved .test TLD, and the checker is always given
// the loopback nameserver, so nothing here can reach the internet.
#include "blacklist/dnsbl_query.h"
#include "loopback_dns_server.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using Awb::DnsblChecker;
using Awb::DnsblResult;
using Awb::DnsblZone;
using Awb::IpAddress;
using Verdict = Awb::DnsblResult::Verdict;

namespace {

DnsblZone renamed(const char *known, const char *zone)
{
    DnsblZone copy = *Awb::findDnsblZone(QString::fromLatin1(known));
    copy.zone = QString::fromLatin1(zone);
    return copy;
}

QList<IpAddress> addresses(std::initializer_list<const char *> texts)
{
    QList<IpAddress> list;
    for (const char *text : texts)
        list << *IpAddress::parse(QString::fromLatin1(text));
    return list;
}

const DnsblResult *find(const QList<DnsblResult> &results, const char *address, const char *zone)
{
    for (const DnsblResult &result : results) {
        if (result.address == QLatin1String(address) && result.zone == QLatin1String(zone))
            return &result;
    }
    return nullptr;
}

} // namespace

class TestDnsblChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdicts();
    void timeout();
    void defunctAndDomainListsAreNotQueried();
    void parallelLimitAndOrder();
    void emptyInput();

private:
    QList<DnsblResult> run(DnsblChecker &checker, const QList<IpAddress> &list,
                           const QList<DnsblZone> &zones);

    LoopbackDnsServer m_server;
};

void TestDnsblChecker::initTestCase()
{
    // A timed-out lookup keeps a resolver thread until glibc gives up; one short attempt keeps
    // the timeout test and the process exit quick.
    qputenv("RES_OPTIONS", "timeout:1 attempts:1");
    // Not a skip: without the server the DNSBL check is untested, and that must show as a failure.
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

    m_server.addA(QStringLiteral("2.2.0.192.zen.dnsbl.test"), QStringLiteral("127.0.0.2"));
    m_server.addTxt(QStringLiteral("2.2.0.192.zen.dnsbl.test"),
                    QStringLiteral("https://check.spamhaus.org/sbl/query/SBL000001"));
    m_server.addA(QStringLiteral("10.2.0.192.zen.dnsbl.test"), QStringLiteral("127.0.0.10"));
    m_server.addA(QStringLiteral("4.2.0.192.zen.dnsbl.test"), QStringLiteral("127.0.0.10"));
    m_server.addA(QStringLiteral("4.2.0.192.zen.dnsbl.test"), QStringLiteral("127.0.0.4"));
    m_server.addA(QStringLiteral("254.2.0.192.zen.dnsbl.test"), QStringLiteral("127.255.255.254"));
    m_server.addA(QStringLiteral("42.2.0.192.zen.dnsbl.test"), QStringLiteral("127.0.0.42"));
    m_server.addA(QStringLiteral("2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2."
                                 "zen.dnsbl.test"),
                  QStringLiteral("127.0.0.3"));
    m_server.addA(QStringLiteral("2.2.0.192.spamcop.dnsbl.test"), QStringLiteral("127.0.0.2"));
    m_server.addSilentZone(QStringLiteral("silent.dnsbl.test"));
}

QList<DnsblResult> TestDnsblChecker::run(DnsblChecker &checker, const QList<IpAddress> &list,
                                         const QList<DnsblZone> &zones)
{
    checker.setNameserver(m_server.address());
    QSignalSpy finished(&checker, &DnsblChecker::finished);
    QSignalSpy ready(&checker, &DnsblChecker::resultReady);
    if (!checker.start(list, zones))
        return {};
    if (finished.isEmpty() && !finished.wait(9000))
        return {};
    if (ready.size() != list.size() * zones.size())
        return {};
    return checker.results();
}

void TestDnsblChecker::verdicts()
{
    DnsblChecker checker;
    checker.setTimeout(3000);
    const QList<DnsblZone> zones{renamed("zen.spamhaus.org", "zen.dnsbl.test"),
                                 renamed("bl.spamcop.net", "spamcop.dnsbl.test")};
    const QList<DnsblResult> results =
        run(checker,
            addresses({"192.0.2.2", "192.0.2.10", "192.0.2.4", "192.0.2.254", "192.0.2.42",
                       "192.0.2.1", "2001:db8::2"}),
            zones);
    QCOMPARE(results.size(), 14);

    const DnsblResult *sbl = find(results, "192.0.2.2", "zen.dnsbl.test");
    QVERIFY(sbl);
    QCOMPARE(sbl->verdict, Verdict::Listed);
    QCOMPARE(sbl->listName, QStringLiteral("Spamhaus ZEN"));
    QCOMPARE(sbl->returnCodes, QStringList{QStringLiteral("127.0.0.2")});
    QCOMPARE(sbl->meaning, QStringLiteral("127.0.0.2: listed on SBL (Spamhaus Block List)"));
    QCOMPARE(sbl->txt, QStringLiteral("https://check.spamhaus.org/sbl/query/SBL000001"));
    QVERIFY(sbl->checkedAt.isValid());
    QCOMPARE(sbl->checkedAt.timeSpec(), Qt::UTC);

    const DnsblResult *pbl = find(results, "192.0.2.10", "zen.dnsbl.test");
    QCOMPARE(pbl->verdict, Verdict::PolicyListed);
    QVERIFY(pbl->meaning.contains(QStringLiteral("not evidence of abuse")));
    QVERIFY(Awb::dnsblCheckCompleted(*pbl));

    const DnsblResult *both = find(results, "192.0.2.4", "zen.dnsbl.test");
    QCOMPARE(both->verdict, Verdict::Listed);
    QCOMPARE(both->returnCodes,
             (QStringList{QStringLiteral("127.0.0.4"), QStringLiteral("127.0.0.10")}));
    QVERIFY(both->meaning.startsWith(QStringLiteral("127.0.0.4: listed on XBL")));
    QVERIFY(both->meaning.contains(QStringLiteral("; 127.0.0.10: on PBL")));
    QVERIFY(both->txt.isEmpty()); // NOERROR without TXT records

    const DnsblResult *refused = find(results, "192.0.2.254", "zen.dnsbl.test");
    QCOMPARE(refused->verdict, Verdict::ErrorReply);
    QVERIFY(refused->meaning.contains(QStringLiteral("not a listing")));
    QVERIFY(!Awb::dnsblCheckCompleted(*refused));

    const DnsblResult *unknown = find(results, "192.0.2.42", "zen.dnsbl.test");
    QCOMPARE(unknown->verdict, Verdict::Listed);
    QVERIFY(unknown->meaning.contains(QStringLiteral("not documented")));

    const DnsblResult *clean = find(results, "192.0.2.1", "zen.dnsbl.test");
    QCOMPARE(clean->verdict, Verdict::NotListed);
    QVERIFY(clean->returnCodes.isEmpty());
    QCOMPARE(clean->meaning, QStringLiteral("not listed on Spamhaus ZEN"));

    const DnsblResult *v6 = find(results, "2001:db8::2", "zen.dnsbl.test");
    QCOMPARE(v6->verdict, Verdict::Listed);
    QCOMPARE(v6->returnCodes, QStringList{QStringLiteral("127.0.0.3")});
    const DnsblResult *v6SpamCop = find(results, "2001:db8::2", "spamcop.dnsbl.test");
    QCOMPARE(v6SpamCop->verdict, Verdict::NotListed);
    QVERIFY(v6SpamCop->meaning.contains(QStringLiteral("does not cover IPv6")));

    QCOMPARE(find(results, "192.0.2.2", "spamcop.dnsbl.test")->verdict, Verdict::Listed);
    QCOMPARE(find(results, "192.0.2.10", "spamcop.dnsbl.test")->verdict, Verdict::NotListed);

    // TXT only for listed addresses; nothing for error replies or clean ones.
    const QStringList queries = m_server.queries();
    QVERIFY(queries.contains(QStringLiteral("2.2.0.192.zen.dnsbl.test TXT")));
    QVERIFY(!queries.contains(QStringLiteral("254.2.0.192.zen.dnsbl.test TXT")));
    QVERIFY(!queries.contains(QStringLiteral("1.2.0.192.zen.dnsbl.test TXT")));
}

void TestDnsblChecker::timeout()
{
    DnsblChecker checker;
    checker.setTimeout(300);
    QElapsedTimer clock;
    clock.start();
    const QList<DnsblResult> results = run(checker, addresses({"192.0.2.2", "192.0.2.3"}),
                                           {renamed("zen.spamhaus.org", "silent.dnsbl.test"),
                                            renamed("zen.spamhaus.org", "zen.dnsbl.test")});
    QCOMPARE(results.size(), 4);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    for (const DnsblResult &result : results) {
        if (result.zone == u"silent.dnsbl.test") {
            QCOMPARE(result.verdict, Verdict::Timeout);
            QCOMPARE(result.meaning,
                     QStringLiteral("no answer from the nameserver within 300 ms, not checked"));
            QVERIFY(!Awb::dnsblCheckCompleted(result));
        } else {
            QVERIFY(Awb::dnsblCheckCompleted(result));
        }
    }
}

void TestDnsblChecker::defunctAndDomainListsAreNotQueried()
{
    const int before = m_server.queries().size();
    DnsblChecker checker;
    const QList<DnsblResult> results = run(checker, addresses({"192.0.2.2"}),
                                           {renamed("dnsbl.sorbs.net", "sorbs.dnsbl.test"),
                                            renamed("dbl.spamhaus.org", "dbl.dnsbl.test")});
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).verdict, Verdict::LookupFailed);
    QCOMPARE(results.at(0).meaning,
             QStringLiteral("not queried: SORBS is defunct (closed in 2024), its answers are not "
                            "evidence"));
    QCOMPARE(results.at(1).verdict, Verdict::LookupFailed);
    QVERIFY(results.at(1).meaning.contains(QStringLiteral("lists domains, not addresses")));
    QCOMPARE(m_server.queries().size(), before);
}

void TestDnsblChecker::parallelLimitAndOrder()
{
    DnsblChecker checker;
    checker.setParallelLimit(100);
    QCOMPARE(checker.parallelLimit(), DnsblChecker::MaxParallel);
    checker.setParallelLimit(1);
    QCOMPARE(checker.parallelLimit(), 1);
    const QList<IpAddress> list = addresses({"192.0.2.1", "192.0.2.2", "192.0.2.4", "192.0.2.10"});
    const QList<DnsblResult> results =
        run(checker, list, {renamed("zen.spamhaus.org", "zen.dnsbl.test")});
    QCOMPARE(results.size(), 4);
    for (int i = 0; i < list.size(); ++i)
        QCOMPARE(results.at(i).address, list.at(i).toString());
    QVERIFY(!checker.isRunning());
}

void TestDnsblChecker::emptyInput()
{
    DnsblChecker checker;
    QSignalSpy finished(&checker, &DnsblChecker::finished);
    QVERIFY(checker.start({}, Awb::defaultDnsblZones()));
    QVERIFY(!checker.start({}, {})); // one check at a time
    QVERIFY(finished.isEmpty());     // queued: never before start() returned
    QVERIFY(finished.wait(1000));
    QVERIFY(checker.results().isEmpty());
}

QTEST_GUILESS_MAIN(TestDnsblChecker)
#include "tst_dnsbl_checker.moc"
