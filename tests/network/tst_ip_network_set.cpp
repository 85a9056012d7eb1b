#include "network/ip_network_set.h"

#include <QTest>

#include <random>
#include <thread>
#include <vector>

using Awb::IpAddress;
using Awb::IpNetwork;
using Awb::IpNetworkSet;

namespace {

IpAddress address(const char *text)
{
    return *IpAddress::parse(QString::fromLatin1(text));
}

IpNetwork network(const char *text)
{
    return *IpNetwork::parse(QString::fromLatin1(text));
}

// The reference the index is checked against: every network, longest prefix, first added.
qsizetype naiveBestMatch(const QList<IpNetwork> &networks, const IpAddress &address)
{
    qsizetype best = -1;
    for (qsizetype i = 0; i < networks.size(); ++i) {
        if (networks[i].contains(address) &&
            (best < 0 || networks[i].prefixLength() > networks[best].prefixLength()))
            best = i;
    }
    return best;
}

QString bestText(const IpNetworkSet &set, const QString &address)
{
    const std::optional<IpNetwork> match = set.bestMatch(*IpAddress::parse(address));
    return match ? match->toString() : QString();
}

} // namespace

class TestIpNetworkSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptySet();
    void bestMatch_data();
    void bestMatch();
    void duplicatesAndIndices();
    void familiesNeverMix();
    void addAfterLookup();
    void copies();
    void randomAgainstNaive_data();
    void randomAgainstNaive();
    void concurrentLookups();
};

void TestIpNetworkSet::emptySet()
{
    IpNetworkSet set;
    QVERIFY(set.isEmpty());
    QVERIFY(!set.contains(address("192.0.2.1")));
    QVERIFY(!set.bestMatch(address("2001:db8::1")));
    QCOMPARE(set.bestMatchIndex(address("::")), -1);
    set.add(IpNetwork());
    QVERIFY(set.isEmpty());
    QVERIFY(!set.contains(IpAddress()));
}

// Overlapping prefixes, nested and ending together, and the edges of both address spaces.
void TestIpNetworkSet::bestMatch_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    const char *const rows[][2] = {
        {"9.255.255.255", "0.0.0.0/1"},
        {"10.0.0.0", "10.0.0.0/8"},
        {"10.1.0.0", "10.1.0.0/16"},
        {"10.1.2.0", "10.1.2.0/24"},
        {"10.1.2.255", "10.1.2.0/24"},
        {"10.1.3.0", "10.1.0.0/16"},
        {"10.1.255.255", "10.1.255.255/32"},
        {"10.2.0.0", "10.0.0.0/8"},
        {"10.255.255.255", "10.255.255.255/32"},
        {"11.0.0.0", "0.0.0.0/1"},
        {"127.255.255.255", "0.0.0.0/1"},
        {"128.0.0.0", ""},
        {"255.255.255.254", ""},
        {"255.255.255.255", "255.255.255.255/32"},
        {"0.0.0.0", "0.0.0.0/1"},
        {"::", "::/128"},
        {"::1", ""},
        {"2001:db8::1", "2001:db8::/32"},
        {"2001:db8:1c::", "2001:db8:1c::/48"},
        {"2001:db8:1c:ffff:ffff:ffff:ffff:ffff", "2001:db8:1c::/48"},
        {"2001:db8:1d::", "2001:db8::/32"},
        {"2001:db8:1c:1::1", "2001:db8:1c:1::/64"},
        {"2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db8::/32"},
        {"2001:db9::", ""},
        {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", "ff00::/8"},
        {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"},
        {"fe80::1%eth0", "fe80::/10"},
    };
    for (const auto &r : rows)
        QTest::newRow(r[0]) << QString::fromLatin1(r[0]) << QString::fromLatin1(r[1]);
}

void TestIpNetworkSet::bestMatch()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    // Added in no particular order; the set does not depend on it.
    const IpNetworkSet set(
        {network("10.1.2.0/24"), network("0.0.0.0/1"), network("10.0.0.0/8"),
         network("10.255.255.255/32"), network("10.1.0.0/16"), network("10.1.255.255/32"),
         network("255.255.255.255/32"), network("2001:db8:1c:1::/64"), network("2001:db8::/32"),
         network("2001:db8:1c::/48"), network("::/128"), network("ff00::/8"),
         network("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"), network("fe80::/10")});
    QCOMPARE(bestText(set, address), expected);
    QCOMPARE(set.contains(*IpAddress::parse(address)), !expected.isEmpty());
}

void TestIpNetworkSet::duplicatesAndIndices()
{
    IpNetworkSet set;
    set.add(network("192.0.2.0/24"));
    set.add(network("192.0.2.0/25"));
    set.add(network("192.0.2.77/24")); // the same block again, written with host bits
    QCOMPARE(set.size(), 3);
    QCOMPARE(set.bestMatchIndex(address("192.0.2.200")), 0);
    QCOMPARE(set.bestMatchIndex(address("192.0.2.100")), 1);
    QCOMPARE(set.networks().at(2), network("192.0.2.0/24"));
}

void TestIpNetworkSet::familiesNeverMix()
{
    const IpNetworkSet v6Everything({network("::/0")});
    QVERIFY(v6Everything.contains(address("2001:db8::1")));
    QVERIFY(!v6Everything.contains(address("192.0.2.1")));
    QVERIFY(!v6Everything.contains(address("::ffff:192.0.2.1")));
    const IpNetworkSet v4Everything({network("0.0.0.0/0")});
    QVERIFY(v4Everything.contains(address("::ffff:192.0.2.1")));
    QVERIFY(!v4Everything.contains(address("::1")));
    QVERIFY(!v4Everything.contains(address("::ffff:0:0:1")));
}

void TestIpNetworkSet::addAfterLookup()
{
    IpNetworkSet set({network("10.0.0.0/8")});
    QCOMPARE(bestText(set, "10.1.1.1"), QStringLiteral("10.0.0.0/8"));
    set.add(network("10.1.0.0/16"));
    QCOMPARE(bestText(set, "10.1.1.1"), QStringLiteral("10.1.0.0/16"));
}

void TestIpNetworkSet::copies()
{
    IpNetworkSet original({network("10.0.0.0/8")});
    QVERIFY(original.contains(address("10.0.0.1"))); // builds the index, then shares it
    IpNetworkSet copy = original;
    copy.add(network("192.0.2.0/24"));
    QVERIFY(copy.contains(address("192.0.2.1")));
    QVERIFY(!original.contains(address("192.0.2.1")));
    QVERIFY(copy.contains(address("10.0.0.1")));

    IpNetworkSet moved = std::move(copy);
    QVERIFY(moved.contains(address("192.0.2.1")));
    original = moved;
    QVERIFY(original.contains(address("192.0.2.1")));
    QCOMPARE(original.size(), 2);
}

void TestIpNetworkSet::randomAgainstNaive_data()
{
    QTest::addColumn<bool>("v4");
    QTest::addColumn<int>("minPrefix");
    QTest::addColumn<int>("maxPrefix");
    QTest::addColumn<int>("topBits"); // addresses drawn from a small space so that blocks nest
    QTest::newRow("ipv4 dense") << true << 4 << 32 << 12;
    QTest::newRow("ipv4 wide") << true << 0 << 32 << 32;
    QTest::newRow("ipv6 dense") << false << 100 << 128 << 20;
    QTest::newRow("ipv6 nested /8-/64") << false << 8 << 64 << 40;
    QTest::newRow("ipv6 wide") << false << 0 << 128 << 128;
}

void TestIpNetworkSet::randomAgainstNaive()
{
    QFETCH(bool, v4);
    QFETCH(int, minPrefix);
    QFETCH(int, maxPrefix);
    QFETCH(int, topBits);
    std::mt19937_64 random(20251210);
    // Random low `topBits` bits, shifted to the top of the address: a dense corner of the space.
    const auto randomAddress = [&] {
        const quint64 a = random(), b = random();
        if (v4)
            return IpAddress::fromV4(quint32(a) >> (32 - topBits) << (32 - topBits));
        if (topBits <= 64)
            return IpAddress::fromWords(topBits == 0 ? 0 : a >> (64 - topBits) << (64 - topBits),
                                        0);
        return IpAddress::fromWords(a,
                                    topBits == 128 ? b : b >> (128 - topBits) << (128 - topBits));
    };
    QList<IpNetwork> networks;
    std::uniform_int_distribution<int> prefix(minPrefix, maxPrefix);
    for (int i = 0; i < 1000; ++i) {
        const IpAddress base = randomAddress();
        if (!v4 && base.isV4())
            continue;
        networks.append(IpNetwork(base, prefix(random)));
    }
    const IpNetworkSet set(networks);
    int hits = 0;
    for (int i = 0; i < 10000; ++i) {
        IpAddress probe = randomAddress();
        if (!v4 && probe.isV4())
            continue;
        if (i % 3 == 0) // also the exact edges of a block
            probe = i % 2 ? networks[i % networks.size()].first()
                          : networks[i % networks.size()].last();
        const qsizetype expected = naiveBestMatch(networks, probe);
        QCOMPARE(set.bestMatchIndex(probe), expected);
        hits += expected >= 0;
    }
    QVERIFY2(hits > 3000, "too few probes inside a network to test anything");
}

void TestIpNetworkSet::concurrentLookups()
{
    QList<IpNetwork> networks;
    for (int i = 0; i < 4096; ++i)
        networks.append(IpNetwork(IpAddress::fromV4(quint32(i) << 20), 12 + i % 8));
    const IpNetworkSet set(networks);
    // No lookup has built the index yet: the threads race to build it.
    std::vector<int> failures(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 4096; ++i) {
                const IpAddress probe = IpAddress::fromV4((quint32(i) << 20) | quint32(t));
                if (set.bestMatchIndex(probe) != i)
                    ++failures[size_t(t)];
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures, std::vector<int>(4, 0));
}

QTEST_GUILESS_MAIN(TestIpNetworkSet)
#include "tst_ip_network_set.moc"
