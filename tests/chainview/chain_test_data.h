#pragma once

// A hand-built chain and findings for the chain view tests, shaped like
// resources/demo/reports/10-spam-non-customer.eml: hop 0 the recipient's LMTP store, hop 1 the
// boundary (the recipient's MX saw 198.51.100.77 connect), hops 2 and 3 claimed by the sender,
// hop 2 naming one of our addresses and dated 28 minutes after hop 1.

#include "analysis/chain_analysis.h"
#include "analysis/finding.h"
#include "network/address_scope.h"

#include <QDateTime>

namespace Awb::TestData {

inline ChainHop hop(const QString &fromName, const QString &rdns, const QString &ip,
                    const QString &by, const QString &protocol, const QString &date, HopTrust trust)
{
    ChainHop h;
    h.parsed.fromName = fromName;
    h.parsed.fromRdns = rdns;
    h.parsed.fromIp = ip;
    h.parsed.by = by;
    h.parsed.protocol = protocol;
    h.parsed.with = protocol.toLower();
    h.parsed.date = QDateTime::fromString(date, Qt::ISODate);
    h.parsed.dateValid = h.parsed.date.isValid();
    h.parsed.dateText = date;
    h.parsed.completeness = ReceivedHop::Completeness::Full;
    h.parsed.raw = QStringLiteral("from %1 ([%2]) by %3 with %4; %5")
                       .arg(fromName, ip, by, protocol, date)
                       .toUtf8();
    h.ip = IpAddress::parse(ip);
    if (h.ip)
        h.scope = scopeOf(*h.ip);
    h.trust = trust;
    return h;
}

inline ChainAnalysis forgedChain()
{
    ChainAnalysis chain;
    chain.hops << hop(QStringLiteral("mx.example.net"), QString(), QStringLiteral("198.51.100.25"),
                      QStringLiteral("mbox2.example.net"), QStringLiteral("LMTP"),
                      QStringLiteral("2026-11-12T13:19:10Z"), HopTrust::Receiver)
               << hop(QStringLiteral("smtp.crypto-yield.test"),
                      QStringLiteral("198-51-100-77.dyn.pool.example.net"),
                      QStringLiteral("198.51.100.77"), QStringLiteral("mx.example.net"),
                      QStringLiteral("ESMTP"), QStringLiteral("2026-11-12T13:19:09Z"),
                      HopTrust::Boundary)
               << hop(QStringLiteral("mx.northwind-deals.example"), QString(),
                      QStringLiteral("203.0.113.11"), QStringLiteral("smtp.crypto-yield.test"),
                      QStringLiteral("ESMTP"), QStringLiteral("2026-11-12T13:47:55Z"),
                      HopTrust::Claimed)
               << hop(QStringLiteral("10.13.0.23"), QString(), QStringLiteral("10.13.0.23"),
                      QStringLiteral("mx.northwind-deals.example"), QStringLiteral("ESMTPA"),
                      QStringLiteral("2026-11-12T13:47:51Z"), HopTrust::Claimed);
    chain.hops[2].inOurs = true;
    chain.hops[3].parsed.fromHelo = QStringLiteral("yieldbox");
    chain.hops[3].parsed.heloCommand = QStringLiteral("HELO");
    chain.hops[3].parsed.authenticated = true;
    chain.hops[3].parsed.authMechanism = QStringLiteral("PLAIN");
    chain.hops[1].parsed.tls = true;
    chain.hops[1].parsed.tlsVersion = QStringLiteral("TLSv1.3");
    // Delays: this hop's date minus the next older hop's.
    for (int i = 0; i + 1 < chain.hops.size(); ++i) {
        ReceivedHop &p = chain.hops[i].parsed;
        p.delaySeconds = chain.hops.at(i + 1).parsed.date.secsTo(p.date);
        p.delayValid = true;
        p.delayNegative = p.delaySeconds < 0;
    }
    chain.boundaryHop = 1;
    chain.origin.ip = QStringLiteral("198.51.100.77");
    chain.origin.hop = 1;
    chain.origin.reason = QStringLiteral("Hop 1 is the first public, untrusted connection.");
    return chain;
}

inline Finding finding(const char *check, Severity severity, int hop, const QString &title,
                       const QString &evidence = {})
{
    return Finding{
        QString::fromLatin1(check), severity, QStringLiteral("3.2"), title, evidence, hop};
}

// Time reversal and a broken hand-off on hop 2, a private address on hop 3, one finding about
// the whole message and one naming a hop the chain does not have.
inline QList<Finding> forgedFindings()
{
    return {
        finding("received.time-reversal", Severity::High, 2, QStringLiteral("Time runs backwards"),
                QStringLiteral("13:47:55 > 13:19:09")),
        finding("received.broken-handoff", Severity::Medium, 2,
                QStringLiteral("Received chain does not connect")),
        finding("received.private-ip-untrusted", Severity::Medium, 3,
                QStringLiteral("Private address below the boundary"), QStringLiteral("10.13.0.23")),
        finding("date.invalid", Severity::Low, -1, QStringLiteral("Date has no zone")),
        finding("received.dynamic-rdns", Severity::Info, 1, QStringLiteral("Dynamic reverse DNS"),
                QStringLiteral("198-51-100-77.dyn.pool.example.net")),
        finding("test.out-of-range", Severity::Critical, 9, QStringLiteral("No such hop"))};
}

} // namespace Awb::TestData
