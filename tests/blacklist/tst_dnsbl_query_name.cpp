// dnsblQueryName(): the RFC 5782 names asked of a DNSBL.
#include "blacklist/dnsbl_query.h"

#include <QTest>

using Awb::IpAddress;

class TestDnsblQueryName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queryName_data();
    void queryName();
    void ipv6HasThirtyTwoNibbles();
    void nullAddressOrZone();
};

void TestDnsblQueryName::queryName_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *address, const char *zone,
                        const char *expected) {
        QTest::newRow(name) << QString::fromLatin1(address) << QString::fromLatin1(zone)
                            << QString::fromLatin1(expected);
    };
    row("ipv4", "192.0.2.1", "zen.spamhaus.org", "1.2.0.192.zen.spamhaus.org");
    row("ipv4 rfc 5782 test point", "127.0.0.2", "bl.spamcop.net", "2.0.0.127.bl.spamcop.net");
    row("ipv4 zeros and 255", "10.0.255.0", "zen.spamhaus.org", "0.255.0.10.zen.spamhaus.org");
    row("ipv4 written mapped", "::ffff:198.51.100.7", "zen.spamhaus.org",
        "7.100.51.198.zen.spamhaus.org");
    row("zone normalised", "192.0.2.1", " ZEN.Spamhaus.ORG. ", "1.2.0.192.zen.spamhaus.org");
    // RFC 5782 section 2.4 gives this very example.
    row("ipv6 rfc 5782 example", "2001:db8:1:2:3:4:567:89ab", "ugly.example.com",
        "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ugly.example.com");
    row("ipv6 compressed", "2001:db8::1", "zen.spamhaus.org",
        "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org");
    row("ipv6 zone id dropped", "fe80::1%eth0", "zen.spamhaus.org",
        "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.e.f.zen.spamhaus.org");
}

void TestDnsblQueryName::queryName()
{
    QFETCH(QString, address);
    QFETCH(QString, zone);
    QFETCH(QString, expected);
    const std::optional<IpAddress> parsed = IpAddress::parse(address);
    QVERIFY2(parsed, qPrintable(address));
    QCOMPARE(Awb::dnsblQueryName(*parsed, zone), expected);
}

void TestDnsblQueryName::ipv6HasThirtyTwoNibbles()
{
    const QString name = Awb::dnsblQueryName(*IpAddress::parse(u"2001:db8::ff"), u"z.test");
    const QStringList labels = name.split(QLatin1Char('.'));
    QCOMPARE(labels.size(), 32 + 2);
    for (int i = 0; i < 32; ++i)
        QCOMPARE(labels.at(i).size(), 1);
    QCOMPARE(labels.mid(0, 2), (QStringList{QStringLiteral("f"), QStringLiteral("f")}));
}

void TestDnsblQueryName::nullAddressOrZone()
{
    QVERIFY(Awb::dnsblQueryName(IpAddress(), u"zen.spamhaus.org").isEmpty());
    QVERIFY(Awb::dnsblQueryName(*IpAddress::parse(u"192.0.2.1"), u"").isEmpty());
    QVERIFY(Awb::dnsblQueryName(*IpAddress::parse(u"192.0.2.1"), u" . ").isEmpty());
}

QTEST_GUILESS_MAIN(TestDnsblQueryName)
#include "tst_dnsbl_query_name.moc"
