// The addresses and reverse DNS names of the hops: addresses that cannot have connected over
// the Internet, and sending hosts that look like consumer address pools rather than mail
// servers.

#include "mail_host_data.h"
#include "received_check_support.h"

#include "network/address_scope.h"

#include <QRegularExpression>

namespace Awb::ReceivedChecks {

namespace {

// "10.13.0.23, in 10.0.0.0/8 (private-use, RFC 1918)".
QString describeAddress(const IpAddress &ip)
{
    const auto block = addressBlockOf(ip);
    if (!block)
        return ip.toString();
    return Tr::tr("%1, in %2 (%3, %4)")
        .arg(ip.toString(), block->network.toString(), block->name, block->reference);
}

// Low, clause 3.2: in the sender's own stamps a private address is unverifiable routing
// information, and it is also what a sender's internal relays and NAT'd clients honestly write.
// So it is reported, but weighed low; it matters as part of a pattern.
class PrivateIpUntrustedCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.private-ip-untrusted"), Severity::Low,
                QStringLiteral("3.2"), Tr::tr("Private address in the sender's stamps"),
                Tr::tr("A hop below the trust boundary records a private, loopback or link-local "
                       "address, which no outside server can have seen.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return;
        for (int i = chain.boundaryHop + 1; i < chain.hops.size(); ++i) {
            const ChainHop &hop = chain.hops.at(i);
            if (!hop.ip || !isPrivateLike(hop.scope))
                continue;
            // A content filter re-injecting over loopback (amavis, rspamd proxies) writes a
            // 127.0.0.1 stamp on the very machine that then hands the message on: when the
            // stamp above names that machine as its sender, the loopback hop is ordinary.
            if (hop.scope == AddressScope::Loopback &&
                handoffConnects(chain.hops.at(i - 1).parsed, hop.parsed))
                continue;
            sink.add(i, Tr::tr("%1 says %2 received the message from %3, address %4.")
                            .arg(describeHop(chain, i), describeReceiver(hop.parsed),
                                 describeSender(hop.parsed), describeAddress(*hop.ip)));
        }
    }
};

// Medium, clause 3.2: a reserved, multicast or malformed address can never be the source of a
// TCP connection, so a stamp that records one was not written by a server that saw it.
class ReservedIpCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.reserved-ip"), Severity::Medium, QStringLiteral("3.2"),
                Tr::tr("Impossible address in a Received header"),
                Tr::tr("A hop records a reserved, multicast, broadcast or malformed address (0/8, "
                       "224/4, 240/4, octets over 255), which no SMTP client can connect from.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        // Dotted quads in brackets, where stamps write connecting addresses and HELO literals.
        // Parentheses are left out on purpose: Microsoft writes version numbers there
        // ("SMTPSVC(10.0.17763.1)").
        static const QRegularExpression bracketedQuad(
            QStringLiteral("\\[\\s*(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s*\\]"));
        const ChainAnalysis &chain = context.chain;
        for (int i = 0; i < chain.hops.size(); ++i) {
            const ChainHop &hop = chain.hops.at(i);
            // The receivers' relays above the boundary are not the sender's doing: a reserved
            // address there is a receiver's misrecording, reported at Low.
            const Severity severity = isClaimed(chain, i) ? Severity::Medium : Severity::Low;
            if (hop.ip && isReservedForAnalysis(hop.scope)) {
                sink.add(i,
                         Tr::tr("%1 records a connection from %2.")
                             .arg(describeHop(chain, i), describeAddress(*hop.ip)),
                         severity);
            }
            const QString helo = hop.parsed.claimedName();
            if (isSenderSpeaking(chain, i) && looksLikeAddressLiteral(helo)) {
                const auto heloIp = IpAddress::parse(helo);
                if (heloIp && isReservedForAnalysis(scopeOf(*heloIp)) &&
                    (!hop.ip || *heloIp != *hop.ip)) {
                    sink.add(i,
                             Tr::tr("%1: the sender introduced itself as %2.")
                                 .arg(describeHop(chain, i), describeAddress(*heloIp)),
                             Severity::Medium);
                }
            }
            QStringList invalid;
            QRegularExpressionMatchIterator it =
                bracketedQuad.globalMatch(QString::fromLatin1(hop.parsed.raw));
            while (it.hasNext()) {
                const QString quad = it.next().captured(1);
                if (!IpAddress::parse(quad) && !invalid.contains(quad))
                    invalid.append(quad);
            }
            for (const QString &quad : invalid) {
                sink.add(
                    i,
                    Tr::tr("%1 contains the address literal [%2], which is not a valid IPv4 "
                           "address (each part must be a number from 0 to 255, written without "
                           "leading zeros).")
                        .arg(describeHop(chain, i), quad),
                    isSenderSpeaking(chain, i) ? Severity::Medium : Severity::Low);
            }
        }
    }
};

// Low, clause 3.3: a host that sends mail straight to the receivers without a reverse DNS name
// is not set up as a mail server; that is typical of botnet drones and compromised machines
// (3.3). Only the boundary hop is judged: it is the one connection a receiver we believe
// witnessed, and rDNS in the sender's own stamps proves nothing either way.
class NoRdnsCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.no-rdns"), Severity::Low, QStringLiteral("3.3"),
            Tr::tr("Sending host has no reverse DNS"),
            Tr::tr("The receiver at the trust boundary recorded that the sending address has no "
                   "(or no verified) reverse DNS name.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return;
        const ReceivedHop &hop = chain.hops.at(chain.boundaryHop).parsed;
        const RdnsState state = rdnsState(hop);
        if (state == RdnsState::Absent) {
            sink.add(chain.boundaryHop,
                     Tr::tr("%1, written by %2, records the sender as %3 with no reverse DNS name.")
                         .arg(describeHop(chain, chain.boundaryHop), describeReceiver(hop),
                              describeSender(hop)));
        } else if (state == RdnsState::Unverified) {
            sink.add(chain.boundaryHop,
                     Tr::tr("%1, written by %2, marks the reverse DNS name of %3 as \"may be "
                            "forged\": the name does not resolve back to the address.")
                         .arg(describeHop(chain, chain.boundaryHop), describeReceiver(hop),
                              describeSender(hop)));
        }
    }
};

// Medium, clause 3.3: a consumer or dynamic address sending straight to a receiving MX is how
// botnets send; legitimate senders use a mail server or their provider's submission service.
// Boundary hop only, as for received.no-rdns.
class DynamicRdnsCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.dynamic-rdns"), Severity::Medium, QStringLiteral("3.3"),
            Tr::tr("Sent from a dynamic or generic address"),
            Tr::tr("The reverse DNS name of the sending host at the trust boundary looks like a "
                   "consumer address pool (dyn, dsl, pool, the address spelt out in the name).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return;
        const ChainHop &hop = chain.hops.at(chain.boundaryHop);
        const auto reason = dynamicRdnsReason(hop.parsed.fromRdns, hop.ip);
        if (!reason)
            return;
        sink.add(chain.boundaryHop,
                 Tr::tr("%1, written by %2, records the sender as %3; the name %4 is generic (%5).")
                     .arg(describeHop(chain, chain.boundaryHop), describeReceiver(hop.parsed),
                          describeSender(hop.parsed), hop.parsed.fromRdns, *reason));
    }
};

} // namespace

void appendAddressChecks(QList<const Check *> &list)
{
    static const PrivateIpUntrustedCheck privateIp;
    static const ReservedIpCheck reservedIp;
    static const NoRdnsCheck noRdns;
    static const DynamicRdnsCheck dynamicRdns;
    list << &privateIp << &reservedIp << &noRdns << &dynamicRdns;
}

} // namespace Awb::ReceivedChecks
