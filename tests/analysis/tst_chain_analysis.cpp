// The trust boundary and the origin: which stamps are the record, which are the sender's claims.
#include "analysis/chain_analysis.h"
#include "analysis/client_ip_headers.h"
#include "analysis/message_analysis.h"
#include "analysis/received_parser.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"

#include <QTest>

using namespace Awb;

namespace {

QList<ReceivedHop> chainOf(const QList<QByteArray> &stamps)
{
    return parseReceivedChain(stamps);
}

// A receiver-internal hop, the hop that saw the customer's server, and a forged hop below it.
const QByteArray internalHop =
    "from mx-in.example.net (mx-in.example.net [198.51.100.5]) by store.example.net "
    "(Postfix) with ESMTP id 1A2B; Mon, 2 Nov 2026 09:00:05 +0000";
const QByteArray oursHop =
    "from mail.northwind-deals.example (mail.northwind-deals.example [203.0.113.12]) by "
    "mx-in.example.net (Postfix) with ESMTP id 3C4D; Mon, 2 Nov 2026 09:00:03 +0000";
const QByteArray forgedHop =
    "from mail.bigbank.example (mail.bigbank.example [192.0.2.77]) by "
    "mail.northwind-deals.example with SMTP id 9Z; Mon, 2 Nov 2026 09:10:00 +0000";
const QByteArray strangerHop =
    "from 77.100.51.198.dyn.example.org (77.100.51.198.dyn.example.org [198.51.100.77]) by "
    "mx.example.net (Postfix) with ESMTP id 5E6F; Thu, 12 Nov 2026 21:19:00 +0000";
const QByteArray forgedOursHop =
    "from mail.northwind-deals.example ([203.0.113.11]) by 77.100.51.198.dyn.example.org "
    "with SMTP id 1; Thu, 12 Nov 2026 21:18:00 +0000";
const QByteArray privateHop =
    "from relay1.internal (relay1.internal [10.1.2.3]) by mx.example.net with ESMTP id 7; "
    "Thu, 12 Nov 2026 21:19:30 +0000";
const QByteArray authenticatedHop =
    "from laptop (dsl-192-0-2-9.example.com [192.0.2.9]) (Authenticated sender: "
    "alice@example.org) by smtp.example.org (Postfix) with ESMTPSA id 8; "
    "Thu, 12 Nov 2026 21:19:40 +0000";

TrustSettings ours(const QString &network)
{
    return TrustSettings::fromText({}, {network});
}

} // namespace

class TestChainAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oursHopIsTheBoundary();
    void strangerAboveForgedOursHopIsTheOrigin();
    void relaysAreWalkedPast_data();
    void relaysAreWalkedPast();
    void trustedNetworksAreWalkedPast();
    void authenticatedSubmissionIsTheLastResort();
    void noOrigin_data();
    void noOrigin();
    void organisationalDomain_data();
    void organisationalDomain();
    void claimedClientIps();
    void hostileChainsFinish_data();
    void hostileChainsFinish();
};

void TestChainAnalysis::oursHopIsTheBoundary()
{
    const ChainAnalysis chain = analyzeChain(chainOf({internalHop, oursHop, forgedHop}),
                                             ours(QStringLiteral("203.0.113.0/24")));
    QCOMPARE(chain.boundaryHop, 1);
    QCOMPARE(chain.origin.ip, QStringLiteral("203.0.113.12"));
    QCOMPARE(chain.origin.hop, 1);
    QVERIFY(chain.origin.ours);
    QVERIFY(chain.origin.reason.contains(QStringLiteral("203.0.113.0/24")));
    QCOMPARE(chain.hops.at(0).trust, HopTrust::Receiver);
    QCOMPARE(chain.hops.at(1).trust, HopTrust::Boundary);
    QCOMPARE(chain.hops.at(2).trust, HopTrust::Claimed);
    QVERIFY(chain.hops.at(1).inOurs);
}

void TestChainAnalysis::strangerAboveForgedOursHopIsTheOrigin()
{
    // A stranger forged a hop that claims our address below the real receiving stamp: the walk
    // stops at the stranger, so our customer is not blamed for it.
    const ChainAnalysis chain =
        analyzeChain(chainOf({strangerHop, forgedOursHop}), ours(QStringLiteral("203.0.113.0/24")));
    QCOMPARE(chain.boundaryHop, 0);
    QCOMPARE(chain.origin.ip, QStringLiteral("198.51.100.77"));
    QVERIFY(!chain.origin.ours);
    QCOMPARE(chain.hops.at(1).trust, HopTrust::Claimed);
    QVERIFY(chain.hops.at(1).inOurs); // what it claims, not what it is
}

void TestChainAnalysis::relaysAreWalkedPast_data()
{
    QTest::addColumn<QList<QByteArray>>("stamps");
    QTest::addColumn<int>("boundary");
    QTest::addColumn<QString>("origin");
    QTest::newRow("internal hand-off inside example.net")
        << QList<QByteArray>{internalHop, strangerHop} << 1 << QStringLiteral("198.51.100.77");
    QTest::newRow("private relay")
        << QList<QByteArray>{privateHop, strangerHop} << 1 << QStringLiteral("198.51.100.77");
    QTest::newRow("authenticated submission")
        << QList<QByteArray>{authenticatedHop, strangerHop} << 1 << QStringLiteral("198.51.100.77");
    QTest::newRow("LMTP from the receiver's front end")
        << QList<QByteArray>{"from mx.example.net ([198.51.100.25]) by mbox2.example.net with "
                             "LMTP id kJ3n; Thu, 12 Nov 2026 21:19:10 +0000",
                             strangerHop}
        << 1 << QStringLiteral("198.51.100.77");
    QTest::newRow("dynamic client in the receiver's own domain is outside")
        << QList<QByteArray>{"from smtp.crypto-yield.test (198-51-100-77.dyn.pool.example.net "
                             "[198.51.100.77]) by mx.example.net (Postfix) with ESMTP id 4R; "
                             "Thu, 12 Nov 2026 13:19:09 +0000",
                             internalHop}
        << 0 << QStringLiteral("198.51.100.77");
    QTest::newRow("first public untrusted at the top")
        << QList<QByteArray>{strangerHop, internalHop} << 0 << QStringLiteral("198.51.100.77");
}

void TestChainAnalysis::relaysAreWalkedPast()
{
    QFETCH(QList<QByteArray>, stamps);
    QFETCH(int, boundary);
    QFETCH(QString, origin);
    const ChainAnalysis chain = analyzeChain(chainOf(stamps), TrustSettings{});
    QCOMPARE(chain.boundaryHop, boundary);
    QCOMPARE(chain.origin.ip, origin);
    QVERIFY(!chain.origin.ours);
    QVERIFY(chain.origin.reason.contains(origin));
    for (int i = 0; i < chain.hops.size(); ++i) {
        const HopTrust expected = i < boundary    ? HopTrust::Receiver
                                  : i == boundary ? HopTrust::Boundary
                                                  : HopTrust::Claimed;
        QCOMPARE(chain.hops.at(i).trust, expected);
    }
}

void TestChainAnalysis::trustedNetworksAreWalkedPast()
{
    const QByteArray trustedRelay = "from gw.example.org (gw.example.org [192.0.2.200]) by "
                                    "mx.example.net with ESMTP id 1; Thu, 12 Nov 2026 21:19:50 "
                                    "+0000";
    const QList<ReceivedHop> hops = chainOf({trustedRelay, strangerHop});
    QCOMPARE(analyzeChain(hops, TrustSettings{}).boundaryHop, 0);
    const TrustSettings trust = TrustSettings::fromText({QStringLiteral("192.0.2.192/26")}, {});
    const ChainAnalysis chain = analyzeChain(hops, trust);
    QCOMPARE(chain.boundaryHop, 1);
    QVERIFY(chain.hops.at(0).inTrusted);
}

void TestChainAnalysis::authenticatedSubmissionIsTheLastResort()
{
    // A stolen account used at a provider: the only public hop is the authenticated client.
    const ChainAnalysis chain = analyzeChain(chainOf({privateHop, authenticatedHop}), {});
    QCOMPARE(chain.boundaryHop, 1);
    QCOMPARE(chain.origin.ip, QStringLiteral("192.0.2.9"));
    QVERIFY(chain.origin.reason.contains(QStringLiteral("authenticated submission")));
    QVERIFY(chain.origin.reason.contains(QStringLiteral("alice@example.org")));
    QCOMPARE(chain.hops.at(0).trust, HopTrust::Receiver);
    QCOMPARE(chain.hops.at(1).trust, HopTrust::Boundary);
}

void TestChainAnalysis::noOrigin_data()
{
    QTest::addColumn<QList<QByteArray>>("stamps");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("no Received headers") << QList<QByteArray>{} << QStringLiteral("no Received");
    QTest::newRow("only private relays")
        << QList<QByteArray>{privateHop} << QStringLiteral("No hop records");
    QTest::newRow("unreadable stamps")
        << QList<QByteArray>{"garbage ((( [[["} << QStringLiteral("No hop records");
}

void TestChainAnalysis::noOrigin()
{
    QFETCH(QList<QByteArray>, stamps);
    QFETCH(QString, reasonPart);
    const ChainAnalysis chain = analyzeChain(chainOf(stamps), TrustSettings{});
    QCOMPARE(chain.boundaryHop, -1);
    QVERIFY(chain.origin.ip.isEmpty());
    QCOMPARE(chain.origin.hop, -1);
    QVERIFY2(chain.origin.reason.contains(reasonPart), qPrintable(chain.origin.reason));
    for (const ChainHop &hop : chain.hops)
        QCOMPARE(hop.trust, HopTrust::Receiver);
}

void TestChainAnalysis::organisationalDomain_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("mx-in.example.net") << QStringLiteral("example.net");
    QTest::newRow("trailing dot, upper case")
        << QStringLiteral("MX.Example.NET.") << QStringLiteral("example.net");
    QTest::newRow("two-level suffix")
        << QStringLiteral("mail.shop.example.co.uk") << QStringLiteral("example.co.uk");
    QTest::newRow("hong kong") << QStringLiteral("smtp.example.com.hk")
                               << QStringLiteral("example.com.hk");
    QTest::newRow("bare domain") << QStringLiteral("example.com") << QStringLiteral("example.com");
    QTest::newRow("single label") << QStringLiteral("localhost") << QString();
    QTest::newRow("ip literal") << QStringLiteral("192.0.2.1") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestChainAnalysis::organisationalDomain()
{
    QFETCH(QString, host);
    QFETCH(QString, expected);
    QCOMPARE(Awb::organisationalDomain(host), expected);
}

void TestChainAnalysis::claimedClientIps()
{
    auto message = MailMessage::parse("From: a@example.com\n"
                                      "X-Originating-IP: [192.0.2.55]\n"
                                      "X-Forwarded-For: 2001:DB8::7, 10.0.0.1\n"
                                      "X-Sender-IP: not an address\n"
                                      "Subject: x\n\nbody\n");
    QVERIFY(message.ok());
    const QList<ClaimedClientIp> claimed = Awb::claimedClientIps(*message);
    QCOMPARE(claimed.size(), 3);
    QCOMPARE(claimed.at(0).header, QStringLiteral("X-Originating-IP"));
    QCOMPARE(claimed.at(0).ip, QStringLiteral("192.0.2.55"));
    QCOMPARE(claimed.at(1).ip, QStringLiteral("2001:db8::7"));
    QCOMPARE(claimed.at(2).ip, QString());
    QCOMPARE(claimed.at(2).value, QStringLiteral("not an address"));
}

void TestChainAnalysis::hostileChainsFinish_data()
{
    QTest::addColumn<QByteArray>("stamp");
    QTest::addColumn<int>("copies");
    QTest::newRow("10,000 ordinary stamps") << QByteArray(strangerHop) << 10000;
    QTest::newRow("unbalanced brackets") << QByteArray("from x ((((((([[[[<<<< by y ;;; (") << 2000;
    QTest::newRow("control bytes")
        << QByteArray("from \x01\x02host\x7f [192.0.2.1\x00] by \x1b[31m; Mon, 2 Nov 2026", 60)
        << 2000;
    QTest::newRow("one 1 MB stamp") << QByteArray("from ") + QByteArray(1 << 20, '(') << 1;
}

void TestChainAnalysis::hostileChainsFinish()
{
    // Every check runs over every hop; this must end, without a crash, in a usable analysis.
    QFETCH(QByteArray, stamp);
    QFETCH(int, copies);
    QByteArray bytes;
    for (int i = 0; i < copies; ++i)
        bytes += "Received: " + stamp + "\n";
    bytes += "From: a@example.com\nSubject: hostile\n\nbody\n";
    auto message = MailMessage::parse(bytes);
    QVERIFY2(message.ok(), qPrintable(message.error()));
    const MessageAnalysis analysis = analyzeMessage(*message, TrustSettings{});
    QCOMPARE(analysis.chain.hops.size(), copies);
}

QTEST_GUILESS_MAIN(TestChainAnalysis)
#include "tst_chain_analysis.moc"
