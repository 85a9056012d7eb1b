// The list data and how return codes read: ZEN's sublists, PBL as policy, 127.255.255.x as
// errors, undocumented codes, non-DNSBL answers, defunct lists.
#include "blacklist/dnsbl_zones.h"
#include "network/ip_address.h"

#include <QSet>
#include <QTest>

using Awb::DnsblCodeKind;
using Awb::DnsblZone;

Q_DECLARE_METATYPE(Awb::DnsblCodeKind)

class TestDnsblZones : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void knownListsAreConsistent();
    void sorbsIsDefunct();
    void findByZoneOrName();
    void customZone();
    void readCode_data();
    void readCode();
    void defunctCodeIsNotEvidence();
};

void TestDnsblZones::defaults()
{
    const QList<DnsblZone> zones = Awb::defaultDnsblZones();
    QCOMPARE(zones.size(), 2);
    QCOMPARE(zones.at(0).zone, QStringLiteral("zen.spamhaus.org"));
    QCOMPARE(zones.at(1).zone, QStringLiteral("bl.spamcop.net"));
    for (const DnsblZone &zone : zones) {
        QVERIFY(!zone.defunct);
        QCOMPARE(zone.kind, DnsblZone::Kind::Ip);
        QVERIFY(!zone.codes.isEmpty());
    }
}

void TestDnsblZones::knownListsAreConsistent()
{
    QSet<QString> seen;
    for (const DnsblZone &zone : Awb::knownDnsblZones()) {
        QVERIFY2(!zone.name.isEmpty(), qPrintable(zone.zone));
        QCOMPARE(zone.zone, Awb::normaliseDnsblZone(zone.zone));
        QVERIFY2(!seen.contains(zone.zone), qPrintable(zone.zone));
        seen.insert(zone.zone);
        QVERIFY2(!zone.defunct || !zone.note.isEmpty(), qPrintable(zone.zone));
        for (const Awb::DnsblCode &code : zone.codes) {
            QVERIFY(code.first <= code.last);
            QCOMPARE(code.first >> 24, 127u);
        }
    }
}

void TestDnsblZones::sorbsIsDefunct()
{
    const std::optional<DnsblZone> sorbs = Awb::findDnsblZone(u"dnsbl.sorbs.net");
    QVERIFY(sorbs);
    QVERIFY(sorbs->defunct);
    QVERIFY(sorbs->note.contains(QStringLiteral("2024")));
}

void TestDnsblZones::findByZoneOrName()
{
    QCOMPARE(Awb::findDnsblZone(u"ZEN.spamhaus.org.")->name, QStringLiteral("Spamhaus ZEN"));
    QCOMPARE(Awb::findDnsblZone(u"spamhaus zen")->zone, QStringLiteral("zen.spamhaus.org"));
    QVERIFY(!Awb::findDnsblZone(u"dnsbl.example.test"));
}

void TestDnsblZones::customZone()
{
    const DnsblZone zone = Awb::dnsblZoneFor(QStringLiteral("DNSBL.Example.test."));
    QCOMPARE(zone.zone, QStringLiteral("dnsbl.example.test"));
    QCOMPARE(zone.name, zone.zone);
    QVERIFY(!zone.defunct);
    QVERIFY(zone.codes.isEmpty());
    const Awb::DnsblCodeReading reading =
        Awb::readDnsblCode(zone, *Awb::IpAddress::parse(u"127.0.0.2"));
    QCOMPARE(reading.kind, DnsblCodeKind::Unknown);
}

void TestDnsblZones::readCode_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("code");
    QTest::addColumn<DnsblCodeKind>("kind");
    QTest::addColumn<QString>("meaning");
    const auto row = [](const char *name, const char *zone, const char *code, DnsblCodeKind kind,
                        const char *meaning) {
        QTest::newRow(name) << QString::fromLatin1(zone) << QString::fromLatin1(code) << kind
                            << QString::fromUtf8(meaning);
    };
    const char *zen = "zen.spamhaus.org";
    row("zen sbl", zen, "127.0.0.2", DnsblCodeKind::Listing,
        "127.0.0.2: listed on SBL (Spamhaus Block List)");
    row("zen css", zen, "127.0.0.3", DnsblCodeKind::Listing,
        "127.0.0.3: listed on CSS (Spamhaus CSS, snowshoe spam sources)");
    for (const char *xbl : {"127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"}) {
        QTest::newRow(qPrintable(QStringLiteral("zen xbl %1").arg(QLatin1String(xbl))))
            << QString::fromLatin1(zen) << QString::fromLatin1(xbl) << DnsblCodeKind::Listing
            << QStringLiteral("%1: listed on XBL (Exploits Block List, compromised or infected "
                              "hosts)")
                   .arg(QLatin1String(xbl));
    }
    row("zen drop", zen, "127.0.0.9", DnsblCodeKind::Listing,
        "127.0.0.9: listed on DROP (Spamhaus Don't Route Or Peer, hijacked or criminal ranges)");
    row("zen pbl isp", zen, "127.0.0.10", DnsblCodeKind::Policy,
        "127.0.0.10: on PBL (Policy Block List, ISP-maintained), a policy listing, not evidence "
        "of abuse");
    row("zen pbl spamhaus", zen, "127.0.0.11", DnsblCodeKind::Policy,
        "127.0.0.11: on PBL (Policy Block List, Spamhaus-maintained), a policy listing, not "
        "evidence of abuse");
    row("zen open resolver", zen, "127.255.255.254", DnsblCodeKind::Error,
        "127.255.255.254: error reply from Spamhaus ZEN (query via a public or open resolver, "
        "refused), not a listing");
    row("zen excessive", zen, "127.255.255.255", DnsblCodeKind::Error,
        "127.255.255.255: error reply from Spamhaus ZEN (excessive number of queries), not a "
        "listing");
    row("zen typo", zen, "127.255.255.252", DnsblCodeKind::Error,
        "127.255.255.252: error reply from Spamhaus ZEN (typing error in the DNSBL name), not a "
        "listing");
    row("zen other error", zen, "127.255.255.1", DnsblCodeKind::Error,
        "127.255.255.1: error reply from Spamhaus ZEN (error reply), not a listing");
    row("zen unknown 127.0.0.8", zen, "127.0.0.8", DnsblCodeKind::Unknown,
        "127.0.0.8: listed on Spamhaus ZEN, with a return code not documented for this list");
    row("zen not dnsbl", zen, "198.51.100.7", DnsblCodeKind::NotDnsbl,
        "198.51.100.7: not a DNSBL answer (outside 127.0.0.0/8), not a listing");
    row("spamcop listed", "bl.spamcop.net", "127.0.0.2", DnsblCodeKind::Listing,
        "127.0.0.2: listed on SpamCop Blocking List");
    row("spamcop unknown", "bl.spamcop.net", "127.0.0.3", DnsblCodeKind::Unknown,
        "127.0.0.3: listed on SpamCop Blocking List, with a return code not documented for this "
        "list");
}

void TestDnsblZones::readCode()
{
    QFETCH(QString, zone);
    QFETCH(QString, code);
    QFETCH(DnsblCodeKind, kind);
    QFETCH(QString, meaning);
    const std::optional<DnsblZone> list = Awb::findDnsblZone(zone);
    QVERIFY(list);
    const Awb::DnsblCodeReading reading = Awb::readDnsblCode(*list, *Awb::IpAddress::parse(code));
    QCOMPARE(reading.kind, kind);
    QCOMPARE(reading.meaning, meaning);
}

void TestDnsblZones::defunctCodeIsNotEvidence()
{
    const Awb::DnsblCodeReading reading = Awb::readDnsblCode(
        *Awb::findDnsblZone(u"dnsbl.sorbs.net"), *Awb::IpAddress::parse(u"127.0.0.2"));
    QVERIFY2(reading.meaning.endsWith(
                 QStringLiteral("SORBS is defunct (closed in 2024), so this is not evidence")),
             qPrintable(reading.meaning));
}

QTEST_GUILESS_MAIN(TestDnsblZones)
#include "tst_dnsbl_zones.moc"
