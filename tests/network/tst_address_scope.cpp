#include "network/address_scope.h"

#include <QSet>
#include <QTest>

using Awb::AddressScope;
using Awb::AnalysisClass;
using Awb::IpAddress;

Q_DECLARE_METATYPE(AddressScope)
Q_DECLARE_METATYPE(AnalysisClass)

class TestAddressScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scope_data();
    void scope();
    void block_data();
    void block();
    void analysisClass_data();
    void analysisClass();
    void documentationCountsAsPublic();
    void descriptions();
    void tableIsWellFormed();
};

// Every block of the registries: its first and last address and the neighbours just outside.
void TestAddressScope::scope_data()
{
    using S = AddressScope;
    QTest::addColumn<QString>("address");
    QTest::addColumn<AddressScope>("scope");
    const auto row = [](const char *address, AddressScope scope) {
        QTest::newRow(address) << QString::fromLatin1(address) << scope;
    };
    row("0.0.0.0", S::Unspecified);
    row("0.0.0.1", S::Reserved);
    row("0.255.255.255", S::Reserved);
    row("1.0.0.0", S::Public);
    row("8.8.8.8", S::Public);
    row("9.255.255.255", S::Public);
    row("10.0.0.0", S::Private);
    row("10.255.255.255", S::Private);
    row("11.0.0.0", S::Public);
    row("100.63.255.255", S::Public);
    row("100.64.0.0", S::SharedAddress);
    row("100.127.255.255", S::SharedAddress);
    row("100.128.0.0", S::Public);
    row("126.255.255.255", S::Public);
    row("127.0.0.0", S::Loopback);
    row("127.255.255.255", S::Loopback);
    row("128.0.0.0", S::Public);
    row("169.253.255.255", S::Public);
    row("169.254.0.0", S::LinkLocal);
    row("169.254.255.255", S::LinkLocal);
    row("169.255.0.0", S::Public);
    row("172.15.255.255", S::Public);
    row("172.16.0.0", S::Private);
    row("172.31.255.255", S::Private);
    row("172.32.0.0", S::Public);
    row("191.255.255.255", S::Public);
    row("192.0.0.0", S::Reserved);
    row("192.0.0.8", S::Reserved);
    row("192.0.0.9", S::Public);
    row("192.0.0.10", S::Public);
    row("192.0.0.11", S::Reserved);
    row("192.0.0.255", S::Reserved);
    row("192.0.1.255", S::Public);
    row("192.0.2.0", S::Documentation);
    row("192.0.2.255", S::Documentation);
    row("192.0.3.0", S::Public);
    row("192.88.98.255", S::Public);
    row("192.88.99.0", S::Reserved);
    row("192.88.99.255", S::Reserved);
    row("192.88.100.0", S::Public);
    row("192.167.255.255", S::Public);
    row("192.168.0.0", S::Private);
    row("192.168.255.255", S::Private);
    row("192.169.0.0", S::Public);
    row("198.17.255.255", S::Public);
    row("198.18.0.0", S::Benchmarking);
    row("198.19.255.255", S::Benchmarking);
    row("198.20.0.0", S::Public);
    row("198.51.99.255", S::Public);
    row("198.51.100.0", S::Documentation);
    row("198.51.100.255", S::Documentation);
    row("198.51.101.0", S::Public);
    row("203.0.112.255", S::Public);
    row("203.0.113.0", S::Documentation);
    row("203.0.113.255", S::Documentation);
    row("203.0.114.0", S::Public);
    row("223.255.255.255", S::Public);
    row("224.0.0.0", S::Multicast);
    row("239.255.255.255", S::Multicast);
    row("240.0.0.0", S::Reserved);
    row("255.255.255.254", S::Reserved);
    row("255.255.255.255", S::Broadcast);
    row("::ffff:10.0.0.1", S::Private); // mapped is judged as the IPv4 address it is
    row("::ffff:192.0.2.1", S::Documentation);
    row("::ffff:0.0.0.0", S::Unspecified);

    row("::", S::Unspecified);
    row("::1", S::Loopback);
    row("::2", S::Reserved);
    row("::ffff:ffff", S::Reserved);
    row("::1:0:0", S::Reserved);
    row("63:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Reserved);
    row("64:ff9b::", S::Transition);
    row("64:ff9b::ffff:ffff", S::Transition);
    row("64:ff9b::1:0:0", S::Reserved);
    row("64:ff9b:1::", S::Private);
    row("64:ff9b:1:ffff:ffff:ffff:ffff:ffff", S::Private);
    row("64:ff9b:2::", S::Reserved);
    row("100::", S::Reserved);
    row("1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Reserved);
    row("2000::", S::Public);
    row("2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("2001::", S::Transition);
    row("2001:0:ffff:ffff:ffff:ffff:ffff:ffff", S::Transition);
    row("2001:1::", S::Reserved);
    row("2001:1::1", S::Public);
    row("2001:1::2", S::Public);
    row("2001:1::3", S::Public);
    row("2001:1::4", S::Reserved);
    row("2001:2::", S::Benchmarking);
    row("2001:2:0:ffff:ffff:ffff:ffff:ffff", S::Benchmarking);
    row("2001:2:1::", S::Reserved);
    row("2001:3::", S::Public);
    row("2001:3:ffff:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("2001:4::", S::Reserved);
    row("2001:4:112::", S::Public);
    row("2001:4:112:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("2001:4:113::", S::Reserved);
    row("2001:10::", S::Reserved);
    row("2001:1f:ffff:ffff:ffff:ffff:ffff:ffff", S::Reserved);
    row("2001:20::", S::Public);
    row("2001:2f:ffff:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("2001:30::", S::Public);
    row("2001:3f:ffff:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("2001:40::", S::Reserved);
    row("2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", S::Reserved);
    row("2001:200::", S::Public);
    row("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("2001:db8::", S::Documentation);
    row("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", S::Documentation);
    row("2001:db9::", S::Public);
    row("2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("2002::", S::Transition);
    row("2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Transition);
    row("2003::", S::Public);
    row("2a00:1450:4001:81c::200e", S::Public);
    row("3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("3fff::", S::Documentation);
    row("3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", S::Documentation);
    row("3fff:1000::", S::Public);
    row("3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Public);
    row("4000::", S::Reserved);
    row("5f00::", S::Reserved);
    row("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Reserved);
    row("fc00::", S::Private);
    row("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Private);
    row("fe00::", S::Reserved);
    row("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Reserved);
    row("fe80::", S::LinkLocal);
    row("fe80::1%eth0", S::LinkLocal);
    row("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::LinkLocal);
    row("fec0::", S::Reserved);
    row("feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Reserved);
    row("ff00::", S::Multicast);
    row("ff02::1", S::Multicast);
    row("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", S::Multicast);
}

void TestAddressScope::scope()
{
    QFETCH(QString, address);
    QFETCH(AddressScope, scope);
    const std::optional<IpAddress> parsed = IpAddress::parse(address);
    QVERIFY(parsed);
    QCOMPARE(Awb::scopeOf(*parsed), scope);
}

// Where scopes alone cannot tell blocks apart, the block does (empty: no block applies).
void TestAddressScope::block_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("reference");
    const char *const rows[][3] = {
        {"8.8.8.8", "", ""},
        {"10.1.2.3", "10.0.0.0/8", "RFC 1918"},
        {"0.0.0.0", "0.0.0.0/32", "RFC 1122"},
        {"0.1.2.3", "0.0.0.0/8", "RFC 791"},
        {"192.0.0.8", "192.0.0.0/24", "RFC 6890"},
        {"192.0.0.9", "192.0.0.9/32", "RFC 7723"},
        {"198.51.100.7", "198.51.100.0/24", "RFC 5737"},
        {"2a00:1450::1", "2000::/3", "RFC 4291"},
        {"::2", "::/96", "RFC 4291"},
        {"::1:0:0", "::/0", "RFC 4291"},
        {"100::1", "100::/64", "RFC 6666"},
        {"100:0:0:1::1", "100:0:0:1::/64", "RFC 9780"},
        {"100:0:0:2::", "::/0", "RFC 4291"},
        {"2001:10::1", "2001:10::/28", "RFC 4843"},
        {"2001:5::", "2001::/23", "RFC 2928"},
        {"5f00::1", "5f00::/16", "RFC 9602"},
        {"fec0::1", "fec0::/10", "RFC 3879"},
        {"3fff::1", "3fff::/20", "RFC 9637"},
    };
    for (const auto &r : rows)
        QTest::newRow(r[0]) << QString::fromLatin1(r[0]) << QString::fromLatin1(r[1])
                            << QString::fromLatin1(r[2]);
}

void TestAddressScope::block()
{
    QFETCH(QString, address);
    QFETCH(QString, network);
    QFETCH(QString, reference);
    const std::optional<Awb::AddressBlock> block = Awb::addressBlockOf(*IpAddress::parse(address));
    QCOMPARE(block ? block->network.toString() : QString(), network);
    QCOMPARE(block ? block->reference : QString(), reference);
    if (block) {
        QVERIFY(!block->name.isEmpty());
        QCOMPARE(block->scope, Awb::scopeOf(*IpAddress::parse(address)));
    }
}

void TestAddressScope::analysisClass_data()
{
    using S = AddressScope;
    using C = AnalysisClass;
    QTest::addColumn<AddressScope>("scope");
    QTest::addColumn<AnalysisClass>("expected");
    QTest::newRow("public") << S::Public << C::Public;
    QTest::newRow("documentation") << S::Documentation << C::Public;
    QTest::newRow("transition") << S::Transition << C::Public;
    QTest::newRow("private") << S::Private << C::PrivateLike;
    QTest::newRow("shared") << S::SharedAddress << C::PrivateLike;
    QTest::newRow("loopback") << S::Loopback << C::PrivateLike;
    QTest::newRow("link-local") << S::LinkLocal << C::PrivateLike;
    QTest::newRow("unspecified") << S::Unspecified << C::PrivateLike;
    QTest::newRow("multicast") << S::Multicast << C::Reserved;
    QTest::newRow("broadcast") << S::Broadcast << C::Reserved;
    QTest::newRow("benchmarking") << S::Benchmarking << C::Reserved;
    QTest::newRow("reserved") << S::Reserved << C::Reserved;
}

void TestAddressScope::analysisClass()
{
    QFETCH(AddressScope, scope);
    QFETCH(AnalysisClass, expected);
    QCOMPARE(Awb::analysisClassOf(scope), expected);
    QCOMPARE(Awb::isPubliclyRoutableForAnalysis(scope), expected == AnalysisClass::Public);
    QCOMPARE(Awb::isPrivateLike(scope), expected == AnalysisClass::PrivateLike);
    QCOMPARE(Awb::isReservedForAnalysis(scope), expected == AnalysisClass::Reserved);
}

// The demo data and the test messages depend on this: see the header.
void TestAddressScope::documentationCountsAsPublic()
{
    for (const char *text : {"192.0.2.1", "198.51.100.25", "203.0.113.9", "2001:db8::25"}) {
        const AddressScope scope = Awb::scopeOf(*IpAddress::parse(QString::fromLatin1(text)));
        QCOMPARE(scope, AddressScope::Documentation);
        QVERIFY2(Awb::isPubliclyRoutableForAnalysis(scope), text);
    }
    QVERIFY(Awb::isPrivateLike(Awb::scopeOf(*IpAddress::parse(u"192.168.1.1"))));
    QVERIFY(Awb::isReservedForAnalysis(Awb::scopeOf(*IpAddress::parse(u"240.0.0.1"))));
    QCOMPARE(Awb::scopeOf(IpAddress()), AddressScope::Reserved);
}

void TestAddressScope::descriptions()
{
    QSet<QString> seen;
    for (int i = int(AddressScope::Public); i <= int(AddressScope::Reserved); ++i) {
        const QString text = Awb::scopeDescription(AddressScope(i));
        QVERIFY(!text.isEmpty());
        QVERIFY2(!seen.contains(text), qPrintable(text));
        seen.insert(text);
    }
    QVERIFY(Awb::scopeDescription(AddressScope::Private).contains(u"RFC 1918"));
}

void TestAddressScope::tableIsWellFormed()
{
    const QList<Awb::AddressBlock> blocks = Awb::addressBlocks();
    QVERIFY(blocks.size() > 40);
    QSet<QString> networks;
    for (const Awb::AddressBlock &block : blocks) {
        QVERIFY(!block.network.isNull());
        QVERIFY2(!block.network.hadHostBits(), qPrintable(block.network.toString()));
        QVERIFY(!block.name.isEmpty());
        QVERIFY(block.reference.startsWith(u"RFC "));
        QVERIFY2(!networks.contains(block.network.toString()),
                 qPrintable(block.network.toString()));
        networks.insert(block.network.toString());
        // Each block's own first and last addresses resolve to itself or a more specific block.
        QVERIFY(Awb::addressBlockOf(block.network.first())->network.prefixLength() >=
                block.network.prefixLength());
        QVERIFY(Awb::addressBlockOf(block.network.last())->network.prefixLength() >=
                block.network.prefixLength());
    }
}

QTEST_GUILESS_MAIN(TestAddressScope)
#include "tst_address_scope.moc"
