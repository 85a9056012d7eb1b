// The name the sender gave in HELO/EHLO: an address that is not its own, a big provider's name,
// no proper host name, or a name unrelated to the one its address resolves to.
//
// The HELO is the sender's own word also in the boundary stamp (the receiver only wrote down
// what it was told), so these checks judge the boundary hop and every hop below it, never the
// receivers' relays above it.

#include "mail_host_data.h"
#include "received_check_support.h"

#include "network/address_scope.h"

namespace Awb::ReceivedChecks {

namespace {

// Medium, clause 3.2: announcing another machine's address as one's own identity in the SMTP
// dialogue is false routing information.
class HeloIpMismatchCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.helo-ip-mismatch"), Severity::Medium, QStringLiteral("3.2"),
            Tr::tr("HELO names another address"),
            Tr::tr("The sender introduced itself with an address literal that is not the address "
                   "it connected from.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        for (int i = 0; i < chain.hops.size(); ++i) {
            const ChainHop &hop = chain.hops.at(i);
            const QString helo = hop.parsed.claimedName();
            if (!isSenderSpeaking(chain, i) || !hop.ip || !looksLikeAddressLiteral(helo))
                continue;
            const auto heloIp = IpAddress::parse(helo);
            // A client behind NAT honestly says its LAN address ("EHLO [192.168.1.5]"), and
            // a reserved literal is received.reserved-ip: only public literals are judged.
            if (!heloIp || !isPubliclyRoutableForAnalysis(scopeOf(*heloIp)) ||
                heloIp->withoutZone() == hop.ip->withoutZone())
                continue;
            sink.add(i, Tr::tr("%1: the sender said HELO %2 but connected from %3.")
                            .arg(describeHop(chain, i), helo, hop.ip->toString()));
        }
    }
};

// High, clause 3.2: a HELO in a big provider's name from a host that is not theirs is
// impersonating a legitimate entity ("Impersonating legitimate entities in email
// communications") at the protocol level. In a stamp below the boundary both the name and the
// rDNS are the sender's text, so it is weighed Medium there.
class HeloClaimsProviderCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.helo-claims-provider"), Severity::High, QStringLiteral("3.2"),
            Tr::tr("HELO claims a large mail provider"),
            Tr::tr("The sender introduced itself with the name of a large mail provider (Gmail, "
                   "Outlook.com, Yahoo...) from an address whose reverse DNS is not theirs.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        for (int i = 0; i < chain.hops.size(); ++i) {
            if (!isSenderSpeaking(chain, i))
                continue;
            const ReceivedHop &hop = chain.hops.at(i).parsed;
            const QString helo = hop.claimedName();
            const MailProvider *provider = providerForHost(helo);
            if (!provider)
                continue;
            const RdnsState state = rdnsState(hop);
            if (state == RdnsState::Unrecorded)
                continue; // the stamp does not record rDNS: nothing to hold the name against
            if (state == RdnsState::Recorded && isProviderHost(*provider, hop.fromRdns))
                continue;
            const QString rdns =
                state == RdnsState::Recorded ? Tr::tr("reverse DNS %1").arg(hop.fromRdns)
                : state == RdnsState::Unverified
                    ? Tr::tr("reverse DNS %1, marked \"may be forged\"").arg(hop.fromRdns)
                    : Tr::tr("no reverse DNS name");
            sink.add(
                i,
                Tr::tr("%1: the sender said HELO %2, a %3 name, but connected from %4 with %5.")
                    .arg(describeHop(chain, i), helo, provider->name, hop.fromIp, rdns),
                isClaimed(chain, i) ? Severity::Medium : Severity::High);
        }
    }
};

bool isLocalhostName(const QString &name)
{
    const QString n = normalizedHost(name);
    return n == QLatin1String("localhost") || n.startsWith(QLatin1String("localhost."));
}

// Medium, clause 3.3: RFC 5321 (4.1.1.1) requires the client's fully qualified domain name or
// an address literal. A bare machine name ("WIN-7Q2LK0B3", "yieldbox") or "localhost" sent to
// another organisation's server is the mark of a desktop or a compromised machine mailing
// directly: botnets and compromised systems are section 3.3. Below the boundary, where a
// sender's own desktop clients and internal relays write such names too, it is weighed Low.
class HeloNotFqdnCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.helo-not-fqdn"), Severity::Medium, QStringLiteral("3.3"),
            Tr::tr("HELO is not a fully qualified name"),
            Tr::tr("The sender introduced itself with a bare machine name or localhost instead of "
                   "a fully qualified domain name or address literal.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        for (int i = 0; i < chain.hops.size(); ++i) {
            const ChainHop &hop = chain.hops.at(i);
            if (!isSenderSpeaking(chain, i))
                continue;
            // A content filter re-injecting over loopback rightly calls itself localhost.
            if (hop.ip && hop.scope == AddressScope::Loopback)
                continue;
            const QString helo = hop.parsed.claimedName();
            if (helo.isEmpty() || looksLikeAddressLiteral(helo) ||
                helo.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0)
                continue;
            const bool bare = !normalizedHost(helo).contains(QLatin1Char('.'));
            if (!bare && !isLocalhostName(helo))
                continue;
            sink.add(i,
                     Tr::tr("%1: the sender said HELO \"%2\" when connecting from %3 to %4.")
                         .arg(describeHop(chain, i), helo,
                              hop.parsed.fromIp.isEmpty() ? Tr::tr("an unrecorded address")
                                                          : hop.parsed.fromIp,
                              describeReceiver(hop.parsed)),
                     isClaimed(chain, i) ? Severity::Low : Severity::Medium);
        }
    }
};

// Info, clause 3.2: the HELO is the sender's statement of identity; when it names another
// organisation than the one the address resolves to, that statement is at best unverified. Very
// common for hosted servers (a customer's name on a VPS with the provider's generic rDNS), so
// it is information that supports other findings, not a charge by itself.
class HeloRdnsMismatchCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.helo-rdns-mismatch"), Severity::Info, QStringLiteral("3.2"),
            Tr::tr("HELO and reverse DNS disagree"),
            Tr::tr("At the trust boundary, the name the sender gave in HELO and the reverse DNS "
                   "name of its address belong to different domains.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return;
        const ReceivedHop &hop = chain.hops.at(chain.boundaryHop).parsed;
        const QString helo = hop.claimedName();
        if (rdnsState(hop) != RdnsState::Recorded || helo.isEmpty() ||
            looksLikeAddressLiteral(helo) || providerForHost(helo))
            return; // no name to compare, or judged by another check
        const QString heloDomain = organisationalDomain(helo);
        if (heloDomain.isEmpty() || sameHost(helo, hop.fromRdns) ||
            heloDomain == organisationalDomain(hop.fromRdns))
            return;
        sink.add(
            chain.boundaryHop,
            Tr::tr("%1, written by %2: the sender said HELO %3, but its address %4 resolves to "
                   "%5.")
                .arg(describeHop(chain, chain.boundaryHop), describeReceiver(hop), helo, hop.fromIp,
                     hop.fromRdns));
    }
};

} // namespace

void appendIdentityChecks(QList<const Check *> &list)
{
    static const HeloIpMismatchCheck heloIpMismatch;
    static const HeloClaimsProviderCheck heloClaimsProvider;
    static const HeloNotFqdnCheck heloNotFqdn;
    static const HeloRdnsMismatchCheck heloRdnsMismatch;
    list << &heloIpMismatch << &heloClaimsProvider << &heloNotFqdn << &heloRdnsMismatch;
}

} // namespace Awb::ReceivedChecks
