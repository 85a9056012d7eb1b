#include "network/ip_network.h"

#include <QSet>
#include <QTest>

using Awb::IpAddress;
using Awb::IpNetwork;
using Awb::IpRange;

namespace {

struct NetworkCase
{
    QString text;
    QString canonical;
    int prefixLength;
    bool v4;
    bool hadHostBits;
};

IpAddress address(const char *text)
{
    return *IpAddress::parse(QString::fromLatin1(text));
}

IpNetwork network(const char *text)
{
    return *IpNetwork::parse(QString::fromLatin1(text));
}

} // namespace

Q_DECLARE_METATYPE(NetworkCase)

class TestIpNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void constructor();
    void firstAndLast_data();
    void firstAndLast();
    void containsAddress_data();
    void containsAddress();
    void containsNetwork_data();
    void containsNetwork();
    void ranges();
    void orderingAndHash();
};

void TestIpNetwork::parseValid_data()
{
    QTest::addColumn<NetworkCase>("c");
    const auto row = [](const char *name, NetworkCase c) { QTest::newRow(name) << c; };
    row("ipv4 /24", {"203.0.113.0/24", "203.0.113.0/24", 24, true, false});
    row("ipv4 host bits", {"203.0.113.5/24", "203.0.113.0/24", 24, true, true});
    row("ipv4 /0", {"0.0.0.0/0", "0.0.0.0/0", 0, true, false});
    row("ipv4 /0 host bits", {"192.0.2.1/0", "0.0.0.0/0", 0, true, true});
    row("ipv4 /32", {"192.0.2.1/32", "192.0.2.1/32", 32, true, false});
    row("ipv4 /31", {"192.0.2.1/31", "192.0.2.0/31", 31, true, true});
    row("ipv4 bare", {"192.0.2.1", "192.0.2.1/32", 32, true, false});
    row("ipv6 /48", {"2001:db8:1c::/48", "2001:db8:1c::/48", 48, false, false});
    row("ipv6 host bits", {"2001:db8:1c::1/48", "2001:db8:1c::/48", 48, false, true});
    row("ipv6 /64 boundary", {"2001:db8::1:0:0:0:1/64", "2001:db8:0:1::/64", 64, false, true});
    row("ipv6 /65",
        {"2001:db8::ffff:ffff:ffff:ffff/65", "2001:db8:0:0:8000::/65", 65, false, true});
    row("ipv6 /0", {"::/0", "::/0", 0, false, false});
    row("ipv6 /128", {"2001:db8::1/128", "2001:db8::1/128", 128, false, false});
    row("ipv6 bare", {"2001:DB8::1", "2001:db8::1/128", 128, false, false});
    row("ipv6 bracketed", {"[2001:db8::]/32", "2001:db8::/32", 32, false, false});
    row("mapped /120", {"::ffff:192.0.2.0/120", "192.0.2.0/24", 24, true, false});
    row("mapped /96", {"::ffff:0:0/96", "0.0.0.0/0", 0, true, false});
    row("mapped /128", {"::ffff:192.0.2.1/128", "192.0.2.1/32", 32, true, false});
    row("mapped bare", {"::ffff:192.0.2.1", "192.0.2.1/32", 32, true, false});
    row("mapped short prefix", {"::ffff:192.0.2.0/80", "::/80", 80, false, true});
    row("prefix zero", {"10.0.0.0/0", "0.0.0.0/0", 0, true, true});
}

void TestIpNetwork::parseValid()
{
    QFETCH(NetworkCase, c);
    const std::optional<IpNetwork> network = IpNetwork::parse(c.text);
    QVERIFY2(network, qPrintable(c.text));
    QCOMPARE(network->toString(), c.canonical);
    QCOMPARE(network->prefixLength(), c.prefixLength);
    QCOMPARE(network->isV4(), c.v4);
    QCOMPARE(network->isV6(), !c.v4);
    QCOMPARE(network->hadHostBits(), c.hadHostBits);
    const std::optional<IpNetwork> again = IpNetwork::parse(network->toString());
    QVERIFY(again);
    QVERIFY(*again == *network);
    QVERIFY(!again->hadHostBits());
}

void TestIpNetwork::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    const char *const texts[][2] = {
        {"empty", ""},
        {"slash only", "/"},
        {"no prefix digits", "192.0.2.0/"},
        {"no address", "/24"},
        {"ipv4 /33", "192.0.2.0/33"},
        {"ipv6 /129", "2001:db8::/129"},
        {"mapped /129", "::ffff:192.0.2.0/129"},
        {"negative", "192.0.2.0/-1"},
        {"plus sign", "192.0.2.0/+24"},
        {"leading zero", "192.0.2.0/024"},
        {"four digits", "2001:db8::/1000"},
        {"two slashes", "192.0.2.0/24/8"},
        {"space", "192.0.2.0 /24"},
        {"trailing space", "192.0.2.0/24 "},
        {"abbreviated ipv4", "10/8"},
        {"short ipv4", "10.0/16"},
        {"zone", "fe80::%eth0/64"},
        {"zone bare", "fe80::1%eth0"},
        {"netmask form", "192.0.2.0/255.255.255.0"},
        {"garbage", "not a network"},
    };
    for (const auto &t : texts)
        QTest::newRow(t[0]) << QString::fromLatin1(t[1]);
    QTest::newRow("nul") << QString::fromLatin1("192.0.2.0/2\0"
                                                "4",
                                                12);
}

void TestIpNetwork::parseInvalid()
{
    QFETCH(QString, text);
    QVERIFY(!IpNetwork::parse(text));
}

void TestIpNetwork::constructor()
{
    QVERIFY(IpNetwork().isNull());
    QCOMPARE(IpNetwork().toString(), QString());
    QVERIFY(IpNetwork(IpAddress(), 0).isNull());
    QVERIFY(IpNetwork(address("192.0.2.1"), 33).isNull());
    QVERIFY(IpNetwork(address("192.0.2.1"), -1).isNull());
    QVERIFY(IpNetwork(address("2001:db8::1"), 129).isNull());
    const IpNetwork fromZone(address("fe80::1%eth0"), 64);
    QCOMPARE(fromZone.toString(), QStringLiteral("fe80::/64"));
    QVERIFY(fromZone.address().zone().isEmpty());
    QVERIFY(fromZone.hadHostBits());
}

void TestIpNetwork::firstAndLast_data()
{
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("ipv4 /24") << "203.0.113.0/24"
                              << "203.0.113.0"
                              << "203.0.113.255";
    QTest::newRow("ipv4 /0") << "0.0.0.0/0"
                             << "0.0.0.0"
                             << "255.255.255.255";
    QTest::newRow("ipv4 /32") << "192.0.2.7/32"
                              << "192.0.2.7"
                              << "192.0.2.7";
    QTest::newRow("ipv4 /10") << "100.64.0.0/10"
                              << "100.64.0.0"
                              << "100.127.255.255";
    QTest::newRow("ipv6 /48") << "2001:db8:1c::/48"
                              << "2001:db8:1c::"
                              << "2001:db8:1c:ffff:ffff:ffff:ffff:ffff";
    QTest::newRow("ipv6 /64") << "2001:db8::/64"
                              << "2001:db8::"
                              << "2001:db8::ffff:ffff:ffff:ffff";
    QTest::newRow("ipv6 /0") << "::/0"
                             << "::"
                             << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    QTest::newRow("ipv6 /127") << "2001:db8::/127"
                               << "2001:db8::"
                               << "2001:db8::1";
    QTest::newRow("ipv6 /80 ends before mapped") << "::/80"
                                                 << "::"
                                                 << "::fffe:ffff:ffff";
    QTest::newRow("ipv6 /81 ends before mapped") << "::8000:0:0/81"
                                                 << "::8000:0:0"
                                                 << "::fffe:ffff:ffff";
    QTest::newRow("ipv6 /95 ends before mapped") << "::fffe:0:0/95"
                                                 << "::fffe:0:0"
                                                 << "::fffe:ffff:ffff";
    QTest::newRow("ipv6 /79 spans mapped") << "::/79"
                                           << "::"
                                           << "::1:ffff:ffff:ffff";
}

void TestIpNetwork::firstAndLast()
{
    QFETCH(QString, network);
    QFETCH(QString, first);
    QFETCH(QString, last);
    const IpNetwork parsed = *IpNetwork::parse(network);
    QCOMPARE(parsed.first().toString(), first);
    QCOMPARE(parsed.last().toString(), last);
    QCOMPARE(parsed.first().family(), parsed.address().family());
    QCOMPARE(parsed.last().family(), parsed.address().family());
    QVERIFY(parsed.contains(parsed.first()));
    QVERIFY(parsed.contains(parsed.last()));
}

void TestIpNetwork::containsAddress_data()
{
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contained");
    const auto row = [](const char *network, const char *address, bool contained) {
        QTest::addRow("%s has %s", network, address)
            << QString::fromLatin1(network) << QString::fromLatin1(address) << contained;
    };
    row("203.0.113.0/24", "203.0.112.255", false);
    row("203.0.113.0/24", "203.0.113.0", true);
    row("203.0.113.0/24", "203.0.113.255", true);
    row("203.0.113.0/24", "203.0.114.0", false);
    row("203.0.113.0/24", "::ffff:203.0.113.9", true);
    row("0.0.0.0/0", "255.255.255.255", true);
    row("0.0.0.0/0", "::1", false);
    row("0.0.0.0/0", "::ffff:0:0:1", false);
    row("192.0.2.1/32", "192.0.2.1", true);
    row("192.0.2.1/32", "192.0.2.2", false);
    row("2001:db8::/32", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", false);
    row("2001:db8::/32", "2001:db8::", true);
    row("2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true);
    row("2001:db8::/32", "2001:db9::", false);
    row("2001:db8::/64", "2001:db8::ffff:ffff:ffff:ffff", true);
    row("2001:db8::/64", "2001:db8:0:1::", false);
    row("fe80::/10", "fe80::1%eth0", true);
    row("::/0", "2001:db8::1", true);
    row("::/0", "192.0.2.1", false);
    row("::/0", "::ffff:192.0.2.1", false);
    row("::/80", "0.0.0.0", false);
    row("::ffff:0:0/96", "192.0.2.1", true);
}

void TestIpNetwork::containsAddress()
{
    QFETCH(QString, network);
    QFETCH(QString, address);
    QFETCH(bool, contained);
    QCOMPARE(IpNetwork::parse(network)->contains(*IpAddress::parse(address)), contained);
    QCOMPARE(IpNetwork::parse(network)->toRange().contains(*IpAddress::parse(address)), contained);
}

void TestIpNetwork::containsNetwork_data()
{
    QTest::addColumn<QString>("outer");
    QTest::addColumn<QString>("inner");
    QTest::addColumn<bool>("contained");
    const auto row = [](const char *outer, const char *inner, bool contained) {
        QTest::addRow("%s has %s", outer, inner)
            << QString::fromLatin1(outer) << QString::fromLatin1(inner) << contained;
    };
    row("10.0.0.0/8", "10.0.0.0/8", true);
    row("10.0.0.0/8", "10.255.0.0/16", true);
    row("10.0.0.0/8", "10.255.255.255/32", true);
    row("10.0.0.0/8", "0.0.0.0/0", false);
    row("10.0.0.0/8", "11.0.0.0/8", false);
    row("10.0.0.0/16", "10.0.0.0/8", false);
    row("2001:db8::/32", "2001:db8:1c::/48", true);
    row("2001:db8:1c::/48", "2001:db8::/32", false);
    row("::/0", "0.0.0.0/0", false);
    row("0.0.0.0/0", "::/0", false);
    row("::/0", "::/0", true);
}

void TestIpNetwork::containsNetwork()
{
    QFETCH(QString, outer);
    QFETCH(QString, inner);
    QFETCH(bool, contained);
    const IpNetwork a = *IpNetwork::parse(outer);
    const IpNetwork b = *IpNetwork::parse(inner);
    QCOMPARE(a.contains(b), contained);
    QCOMPARE(a.toRange().contains(b.toRange()), contained);
    QCOMPARE(a.overlaps(b), a.contains(b) || b.contains(a));
    QCOMPARE(a.toRange().overlaps(b.toRange()), a.overlaps(b));
    QVERIFY(!a.contains(IpNetwork()));
}

void TestIpNetwork::ranges()
{
    const IpRange range = network("198.51.100.0/24").toRange();
    QCOMPARE(range.toString(), QStringLiteral("198.51.100.0-198.51.100.255"));
    QVERIFY(range.isV4());
    QCOMPARE(range.first().hi(), 0ull);
    QCOMPARE(range.first().lo(), 0xffffc6336400ull);
    QCOMPARE(range.last().lo(), 0xffffc63364ffull);

    const IpRange v6 = network("2001:db8:1c::/48").toRange();
    QCOMPARE(v6.first().hi(), 0x20010db8001c0000ull);
    QCOMPARE(v6.first().lo(), 0ull);
    QCOMPARE(v6.last().hi(), 0x20010db8001cffffull);
    QCOMPARE(v6.last().lo(), ~0ull);

    QVERIFY(IpRange(address("192.0.2.9"), address("192.0.2.1")).isNull());
    QVERIFY(IpRange(address("192.0.2.1"), address("2001:db8::1")).isNull());
    QVERIFY(IpRange().toString().isEmpty());
    const IpRange odd(address("192.0.2.3"), address("192.0.2.250"));
    QVERIFY(odd.contains(address("192.0.2.3")));
    QVERIFY(odd.contains(address("192.0.2.250")));
    QVERIFY(!odd.contains(address("192.0.2.2")));
    QVERIFY(!odd.contains(address("192.0.2.251")));
    QVERIFY(odd.overlaps(network("192.0.2.0/30").toRange()));
    QVERIFY(!odd.overlaps(network("192.0.2.0/31").toRange()));
}

void TestIpNetwork::orderingAndHash()
{
    QVERIFY(network("10.0.0.0/8") < network("10.0.0.0/16"));
    QVERIFY(network("10.0.0.0/16") < network("10.1.0.0/16"));
    QVERIFY(network("::/0") < network("0.0.0.0/0")); // IPv4 sorts as ::ffff:0:0/96
    QVERIFY(network("10.0.0.5/8") == network("10.0.0.0/8"));
    QVERIFY(network("10.0.0.0/8") != network("10.0.0.0/9"));
    const QSet<IpNetwork> set{network("10.0.0.0/8"), network("10.1.2.3/8"),
                              network("::ffff:10.0.0.0/104"), network("10.0.0.0/9")};
    QCOMPARE(set.size(), 2);
}

QTEST_GUILESS_MAIN(TestIpNetwork)
#include "tst_ip_network.moc"
