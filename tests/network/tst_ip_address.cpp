#include "network/ip_address.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using Awb::IpAddress;

namespace {

struct ValidCase
{
    QString text;
    QString canonical;
    IpAddress::Family family;
    bool mapped;
    QString zone;
};

} // namespace

namespace Awb {
// Found by QTest through argument-dependent lookup, so that failures print the address.
char *toString(const IpAddress &address)
{
    return qstrdup(qPrintable(address.toString()));
}
} // namespace Awb

Q_DECLARE_METATYPE(ValidCase)

class TestIpAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void rfc5952_data();
    void rfc5952();
    void nullAddress();
    void integerViews();
    void wordsRoundTrip_data();
    void wordsRoundTrip();
    void ordering();
    void equalityAndHash();
};

void TestIpAddress::parseValid_data()
{
    using F = IpAddress::Family;
    QTest::addColumn<ValidCase>("c");
    const auto row = [](const char *name, ValidCase c) { QTest::newRow(name) << c; };
    row("ipv4", {"192.0.2.1", "192.0.2.1", F::V4, false, {}});
    row("ipv4 zero", {"0.0.0.0", "0.0.0.0", F::V4, false, {}});
    row("ipv4 all ones", {"255.255.255.255", "255.255.255.255", F::V4, false, {}});
    row("ipv4 bracketed", {"[192.0.2.1]", "192.0.2.1", F::V4, false, {}});
    row("ipv6 loopback", {"::1", "::1", F::V6, false, {}});
    row("ipv6 unspecified", {"::", "::", F::V6, false, {}});
    row("ipv6 upper case and zero group", {"2001:DB8::0:1", "2001:db8::1", F::V6, false, {}});
    row("ipv6 full form",
        {"2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1", F::V6, false, {}});
    row("ipv6 bracketed", {"[2001:db8::1]", "2001:db8::1", F::V6, false, {}});
    row("rfc 5321 tag", {"IPv6:2001:db8::1", "2001:db8::1", F::V6, false, {}});
    row("rfc 5321 tag lower case", {"ipv6:2001:db8::1", "2001:db8::1", F::V6, false, {}});
    row("rfc 5321 literal", {"[IPv6:2001:db8::1]", "2001:db8::1", F::V6, false, {}});
    row("mapped dotted", {"::ffff:192.0.2.1", "192.0.2.1", F::V4, true, {}});
    row("mapped hex", {"::ffff:c000:201", "192.0.2.1", F::V4, true, {}});
    row("mapped upper case", {"::FFFF:192.0.2.1", "192.0.2.1", F::V4, true, {}});
    row("mapped full form", {"0:0:0:0:0:ffff:192.0.2.1", "192.0.2.1", F::V4, true, {}});
    row("mapped literal", {"[IPv6:::ffff:192.0.2.1]", "192.0.2.1", F::V4, true, {}});
    row("zone", {"fe80::1%eth0", "fe80::1%eth0", F::V6, false, "eth0"});
    row("numeric zone", {"fe80::1%2", "fe80::1%2", F::V6, false, "2"});
    row("zone in literal", {"[IPv6:fe80::1%eth0]", "fe80::1%eth0", F::V6, false, "eth0"});
    row("embedded ipv4 tail", {"64:ff9b::192.0.2.33", "64:ff9b::c000:221", F::V6, false, {}});
    row("eight parts with tail", {"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304", F::V6, false, {}});
    row("trailing double colon", {"1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0", F::V6, false, {}});
    row("leading double colon", {"::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8", F::V6, false, {}});
    row("ipv4-compatible", {"::192.0.2.1", "::c000:201", F::V6, false, {}});
    row("ipv4-compatible short", {"::2:3", "::2:3", F::V6, false, {}});
    row("ipv4-translated", {"::ffff:0:1.2.3.4", "::ffff:0:102:304", F::V6, false, {}});
}

void TestIpAddress::parseValid()
{
    QFETCH(ValidCase, c);
    const std::optional<IpAddress> address = IpAddress::parse(c.text);
    QVERIFY2(address, qPrintable(c.text));
    QCOMPARE(address->toString(), c.canonical);
    QCOMPARE(address->family(), c.family);
    QCOMPARE(address->wasMapped(), c.mapped);
    QCOMPARE(address->zone(), c.zone);
    // The canonical text reads back as the same address.
    const std::optional<IpAddress> again = IpAddress::parse(address->toString());
    QVERIFY(again);
    QCOMPARE(*again, *address);
}

void TestIpAddress::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    const char *const texts[][2] = {
        {"empty", ""},
        {"space", " "},
        {"three parts", "1.2.3"},
        {"five parts", "1.2.3.4.5"},
        {"octet 256", "256.1.1.1"},
        {"negative octet", "1.2.3.-1"},
        {"octal-looking leading zero", "010.1.1.1"},
        {"leading zero in last octet", "1.2.3.04"},
        {"hex octet", "0x7f.0.0.1"},
        {"integer", "2130706433"},
        {"trailing space", "192.0.2.1 "},
        {"leading space", " 192.0.2.1"},
        {"trailing newline", "192.0.2.1\n"},
        {"with prefix", "192.0.2.1/24"},
        {"with port", "192.0.2.1:25"},
        {"unclosed bracket", "[192.0.2.1"},
        {"unopened bracket", "192.0.2.1]"},
        {"double brackets", "[[192.0.2.1]]"},
        {"empty brackets", "[]"},
        {"tag on ipv4", "IPv6:192.0.2.1"},
        {"tag on ipv4 literal", "[IPv6:192.0.2.1]"},
        {"tag alone", "IPv6:"},
        {"tag twice", "IPv6:IPv6:::1"},
        {"tag outside brackets", "IPv6:[::1]"},
        {"ipv4 tag", "IPv4:192.0.2.1"},
        {"nine groups", "1:2:3:4:5:6:7:8:9"},
        {"seven groups", "1:2:3:4:5:6:7"},
        {"double colon after eight groups", "1:2:3:4:5:6:7:8::"},
        {"two double colons", "1::2::3"},
        {"five hex digits", "12345::1"},
        {"non-hex digit", "g::1"},
        {"triple colon", ":::"},
        {"short ipv4 tail", "::1.2.3"},
        {"ipv4 tail out of range", "::256.1.1.1"},
        {"ipv4 tail leading zero", "::1.2.3.04"},
        {"empty zone", "fe80::1%"},
        {"two zones", "fe80::1%eth0%1"},
        {"zone on ipv4", "192.0.2.1%eth0"},
        {"zone on mapped", "::ffff:192.0.2.1%eth0"},
        {"space in zone", "fe80::1%eth 0"},
        {"bracket in zone", "fe80::1%e[0"},
        {"slash in zone", "fe80::1%eth0/64"},
        {"host name", "localhost"},
        {"domain", "mail.example.com"},
        {"unknown placeholder", "?.?.?.?"},
    };
    for (const auto &t : texts)
        QTest::newRow(t[0]) << QString::fromLatin1(t[1]);
    QTest::newRow("zone too long") << QStringLiteral("fe80::1%") + QString(65, u'x');
    QTest::newRow("fullwidth digits") << QStringLiteral("\uFF11.\uFF12.\uFF13.\uFF14");
    QTest::newRow("non-ascii zone") << QStringLiteral("fe80::1%\u00E9th0");
    QTest::newRow("nul inside") << QString::fromLatin1("192.0.2.1\0garbage", 17);
    QTest::newRow("nul at end") << QString::fromLatin1("192.0.2.1\0", 10);
    QTest::newRow("nul at start") << QString::fromLatin1("\0::1", 4);
    QTest::newRow("nul in zone") << QString::fromLatin1("fe80::1%et\0h0", 13);
    QTest::newRow("129 characters") << QStringLiteral("fe80::1%") + QString(121, u'x');
    QTest::newRow("very long digits") << QString(100000, u'1');
    QTest::newRow("very long groups")
        << QStringLiteral("::") + QStringLiteral("0:").repeated(50000);
}

void TestIpAddress::parseInvalid()
{
    QFETCH(QString, text);
    QVERIFY(!IpAddress::parse(text));
}

// RFC 5952 section 4 through glibc's inet_ntop(): the examples of the RFC and its tie rules.
void TestIpAddress::rfc5952_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    const char *const rows[][3] = {
        {"4.1 leading zeros dropped", "2001:0db8::0001", "2001:db8::1"},
        {"4.2.1 longest possible", "2001:db8:0:0:0:0:2:1", "2001:db8::2:1"},
        {"4.2.1 no trailing zero group", "2001:db8::0:1", "2001:db8::1"},
        {"4.2.2 single zero group kept", "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
        {"4.2.3 longest run", "2001:0:0:1:0:0:0:1", "2001:0:0:1::1"},
        {"4.2.3 first of equal runs", "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
        {"4.2.3 run at the end", "2001:db8:0:0:1:0:0:0", "2001:db8:0:0:1::"},
        {"4.3 lower case", "2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF",
         "2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff"},
        {"all zeros", "0:0:0:0:0:0:0:0", "::"},
        {"link-local", "FE80:0000:0000:0000:0202:B3FF:FE1E:8329", "fe80::202:b3ff:fe1e:8329"},
        {"no dotted tail for ::/96", "0:0:0:0:0:0:0102:0304", "::102:304"},
        {"no dotted tail for NAT64", "64:ff9b::1.2.3.4", "64:ff9b::102:304"},
    };
    for (const auto &r : rows)
        QTest::newRow(r[0]) << QString::fromLatin1(r[1]) << QString::fromLatin1(r[2]);
}

void TestIpAddress::rfc5952()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const std::optional<IpAddress> address = IpAddress::parse(text);
    QVERIFY(address);
    QCOMPARE(address->toString(), canonical);
}

void TestIpAddress::nullAddress()
{
    const IpAddress null;
    QVERIFY(null.isNull());
    QCOMPARE(null.family(), IpAddress::Family::None);
    QCOMPARE(null.bitLength(), 0);
    QCOMPARE(null.toString(), QString());
    QCOMPARE(null.toV4(), 0u);
    QVERIFY(null != *IpAddress::parse(u"::"));
    QVERIFY(null < *IpAddress::parse(u"::"));
}

void TestIpAddress::integerViews()
{
    const IpAddress v4 = *IpAddress::parse(u"192.0.2.1");
    QCOMPARE(v4.toV4(), 0xC0000201u);
    QCOMPARE(v4.bitLength(), 32);
    QCOMPARE(v4.hi(), 0ull);
    QCOMPARE(v4.lo(), 0x0000ffffC0000201ull);
    const IpAddress::Bytes mapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1};
    QCOMPARE(v4.bytes(), mapped);
    QCOMPARE(IpAddress::fromV4(0xC0000201u), v4);

    const IpAddress v6 = *IpAddress::parse(u"2001:db8::8:800:200c:417a");
    QCOMPARE(v6.bitLength(), 128);
    QCOMPARE(v6.toV4(), 0u);
    QCOMPARE(v6.hi(), 0x20010db800000000ull);
    QCOMPARE(v6.lo(), 0x00080800200c417aull);
    QCOMPARE(v6.bytes()[0], quint8(0x20));
    QCOMPARE(v6.bytes()[15], quint8(0x7a));
}

void TestIpAddress::wordsRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ipv4") << "203.0.113.200";
    QTest::newRow("ipv4 zero") << "0.0.0.0";
    QTest::newRow("ipv4 max") << "255.255.255.255";
    QTest::newRow("ipv6") << "2001:db8:1c::42";
    QTest::newRow("ipv6 max") << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    QTest::newRow("ipv6 just below mapped") << "::fffe:ffff:ffff";
    QTest::newRow("ipv6 just above mapped") << "::1:0:0:0";
}

void TestIpAddress::wordsRoundTrip()
{
    QFETCH(QString, text);
    const IpAddress address = *IpAddress::parse(text);
    const IpAddress back = IpAddress::fromWords(address.hi(), address.lo());
    QCOMPARE(back, address);
    QCOMPARE(back.family(), address.family());
    QCOMPARE(back.toString(), text);
    QCOMPARE(IpAddress::fromBytes(address.bytes()), address);
    QVERIFY(!back.wasMapped());
}

void TestIpAddress::ordering()
{
    const QStringList sorted = {
        "::",          "::1",     "0.0.0.0",      "192.0.2.1",   "255.255.255.255",
        "2001:db8::1", "fe80::1", "fe80::1%eth0", "fe80::1%eth1"};
    QList<IpAddress> addresses;
    for (auto it = sorted.rbegin(); it != sorted.rend(); ++it)
        addresses.append(*IpAddress::parse(*it));
    addresses.prepend(IpAddress());
    std::sort(addresses.begin(), addresses.end());
    QVERIFY(addresses.takeFirst().isNull());
    QStringList texts;
    for (const IpAddress &address : addresses)
        texts.append(address.toString());
    QCOMPARE(texts, sorted);
    QVERIFY(*IpAddress::parse(u"10.0.0.1") > *IpAddress::parse(u"9.255.255.255"));
    QVERIFY(*IpAddress::parse(u"10.0.0.1") >= *IpAddress::parse(u"10.0.0.1"));
    QVERIFY(*IpAddress::parse(u"10.0.0.1") <= *IpAddress::parse(u"10.0.0.2"));
}

void TestIpAddress::equalityAndHash()
{
    const IpAddress plain = *IpAddress::parse(u"192.0.2.1");
    const IpAddress mapped = *IpAddress::parse(u"::ffff:192.0.2.1");
    QCOMPARE(mapped, plain); // how it was written is not part of the value
    QCOMPARE(qHash(mapped), qHash(plain));
    const IpAddress eth0 = *IpAddress::parse(u"fe80::1%eth0");
    const IpAddress bare = *IpAddress::parse(u"fe80::1");
    QVERIFY(eth0 != bare);
    QCOMPARE(eth0.withoutZone(), bare);
    QCOMPARE(qHash(eth0.withoutZone(), 7), qHash(bare, 7));

    QSet<IpAddress> set{plain, mapped, eth0, bare, *IpAddress::parse(u"FE80::1")};
    QCOMPARE(set.size(), 3);
    QVERIFY(set.contains(*IpAddress::parse(u"[192.0.2.1]")));
}

QTEST_GUILESS_MAIN(TestIpAddress)
#include "tst_ip_address.moc"
