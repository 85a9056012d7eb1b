#include "analysis/chain_analysis.h"

#include "analysis/checks/mail_host_data.h"
#include "analysis/host_names.h"
#include "analysis/trust_settings.h"

#include <QCoreApplication>
#include <QStringList>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ChainAnalysis)
};

QString hostOf(const ChainHop &hop)
{
    const ReceivedHop &p = hop.parsed;
    if (!p.fromRdns.isEmpty())
        return QStringLiteral("%1 [%2]").arg(p.fromRdns, p.fromIp);
    return p.fromIp;
}

// A hand-off inside the receiving organisation, which the walk passes like a trusted relay:
// - LMTP (RFC 2033) and local pickup never cross the internet: a mail store receiving from its
//   own front end ("from mx.example.net by mbox2.example.net with LMTP");
// - the receiver recorded a reverse DNS name for the client in its own organisation
//   (mx-in.example.net handing to store.example.net), unless that name looks like an address
//   pool: an ISP's dynamic customers (198-51-100-77.dyn.pool.example.net) share the ISP's
//   domain but are the outside world to its mail servers.
// The HELO name is not used: the client chooses it. Configured trusted networks make this guess
// unnecessary, and the reason text says which hops were passed.
QString receiverInternalReason(const ChainHop &hop)
{
    const ReceivedHop &p = hop.parsed;
    if (p.protocol == u"LMTP" || p.protocol == u"LOCAL")
        return Tr::tr("%1 delivery inside the receiver").arg(p.protocol);
    const QString client = organisationalDomain(p.fromRdns);
    if (!client.isEmpty() && client == organisationalDomain(p.by) &&
        !ReceivedChecks::dynamicRdnsReason(p.fromRdns, hop.ip))
        return Tr::tr("hand-off inside %1").arg(client);
    return {};
}

// Why the walk passes this hop as the receivers' own, or empty when it does not.
QString passReason(const ChainHop &hop)
{
    if (hop.inTrusted)
        return Tr::tr("trusted network");
    if (!isPubliclyRoutableForAnalysis(hop.scope))
        return Tr::tr("%1 address").arg(scopeDescription(hop.scope));
    if (hop.parsed.authenticated)
        return Tr::tr("authenticated client");
    return receiverInternalReason(hop);
}

} // namespace

QString hopTrustName(HopTrust trust)
{
    switch (trust) {
    case HopTrust::Receiver:
        return QStringLiteral("receiver");
    case HopTrust::Boundary:
        return QStringLiteral("boundary");
    case HopTrust::Claimed:
        return QStringLiteral("claimed");
    }
    return {};
}

ChainAnalysis analyzeChain(const QList<ReceivedHop> &hops, const TrustSettings &trust)
{
    ChainAnalysis chain;
    chain.hops.reserve(hops.size());
    for (const ReceivedHop &parsed : hops) {
        ChainHop hop;
        hop.parsed = parsed;
        hop.ip = IpAddress::parse(parsed.fromIp);
        if (hop.ip) {
            hop.scope = scopeOf(*hop.ip);
            hop.inTrusted = trust.trusted.contains(*hop.ip);
            hop.inOurs = trust.ours.contains(*hop.ip);
        }
        chain.hops.append(hop);
    }

    // Walk from the top (the final receiver) towards the sender, past the receivers' own relays.
    QList<std::pair<int, QString>> passed; // hop index, why it was passed
    for (int i = 0; i < chain.hops.size(); ++i) {
        const ChainHop &hop = chain.hops.at(i);
        const QString by = hop.parsed.by.isEmpty() ? Tr::tr("an unnamed server") : hop.parsed.by;
        if (!hop.ip) { // a local hand-off, or a stamp without a readable address
            passed.append({i, Tr::tr("hop %1 (no connecting address)").arg(i)});
            continue;
        }
        if (hop.inOurs) {
            chain.boundaryHop = i;
            chain.origin.ours = true;
            const auto network = trust.ours.bestMatch(*hop.ip);
            chain.origin.reason =
                Tr::tr(
                    "Hop %1 was written by %2, which recorded a connection from %3, an address in "
                    "our network %4. The stamps below it were written by the sending side.")
                    .arg(i)
                    .arg(by, hostOf(hop), network ? network->toString() : QString());
            break;
        }
        if (const QString why = passReason(hop); !why.isEmpty()) {
            passed.append({i, Tr::tr("hop %1 (%2)").arg(i).arg(why)});
            continue;
        }
        chain.boundaryHop = i;
        chain.origin.reason =
            Tr::tr("Hop %1 is the first from the top whose connecting IP, %2, is public, not "
                   "authenticated and not trusted; it was recorded by %3. The stamps below it were "
                   "written by the sending side.")
                .arg(i)
                .arg(hostOf(hop), by);
        break;
    }

    if (chain.boundaryHop < 0) {
        // Nothing but receivers' own hops: a message submitted through a logged-in account comes
        // from the client that logged in, the lowest authenticated hop from a public address.
        for (int i = int(chain.hops.size()) - 1; i >= 0; --i) {
            const ChainHop &hop = chain.hops.at(i);
            if (hop.parsed.authenticated && hop.ip && !hop.inTrusted &&
                isPubliclyRoutableForAnalysis(hop.scope)) {
                chain.boundaryHop = i;
                chain.origin.reason =
                    Tr::tr("No hop records an unauthenticated connection from a public, untrusted "
                           "address; hop %1 records an authenticated submission by %2 from %3, the "
                           "client that logged in, recorded by %4.")
                        .arg(i)
                        .arg(hop.parsed.authUser.isEmpty() ? Tr::tr("an unnamed user")
                                                           : hop.parsed.authUser,
                             hostOf(hop),
                             hop.parsed.by.isEmpty() ? Tr::tr("an unnamed server") : hop.parsed.by);
                break;
            }
        }
    }
    if (chain.boundaryHop < 0) {
        for (ChainHop &hop : chain.hops)
            hop.trust = HopTrust::Receiver;
        chain.origin.reason =
            chain.hops.isEmpty()
                ? Tr::tr("The message has no Received headers, so no origin can be named.")
                : Tr::tr(
                      "No hop records a connection from a public, untrusted address: the message "
                      "was submitted inside the receiving network, or its stamps are unreadable.");
        return chain;
    }
    QStringList passedAbove;
    for (const auto &[hop, why] : passed) {
        if (hop < chain.boundaryHop)
            passedAbove << why;
    }
    if (!passedAbove.isEmpty()) {
        chain.origin.reason +=
            QLatin1Char(' ') +
            Tr::tr("Passed as the receivers' own: %1.").arg(passedAbove.join(QStringLiteral(", ")));
    }
    for (int i = 0; i < chain.hops.size(); ++i) {
        chain.hops[i].trust = i < chain.boundaryHop    ? HopTrust::Receiver
                              : i == chain.boundaryHop ? HopTrust::Boundary
                                                       : HopTrust::Claimed;
    }
    chain.origin.hop = chain.boundaryHop;
    chain.origin.ip = chain.hops.at(chain.boundaryHop).ip->toString();
    return chain;
}

} // namespace Awb
