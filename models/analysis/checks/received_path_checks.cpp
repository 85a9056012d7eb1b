// The shape of the path: stamps that cannot be read, hand-offs that do not connect, an address
// that passes the message to itself, a chain too long to be a real one, or no chain at all.

#include "received_check_support.h"

#include "mail/mail_message.h"

namespace Awb::ReceivedChecks {

namespace {

// Exim refuses a message carrying more than 30 Received headers (received_headers_max) as a
// mail loop, and Postfix's hopcount_limit is 50. A legitimate message, even forwarded and sent
// through a mailing list, carries fewer than 20. More than 30 means a loop or a chain padded
// with invented hops to bury the real origin.
constexpr int MaxPlausibleHops = 30;

// Clause 3.2 throughout this file: the Received headers are the message's routing information,
// and a chain that is unreadable, does not connect, or was padded is routing information that
// the sender made up ("forging email headers ... or routing information"). received.chain-missing
// is the exception, see there.

class UnparsedCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.unparsed"), Severity::Medium, QStringLiteral("3.2"),
                Tr::tr("Received header cannot be read"),
                Tr::tr("A Received header in which no part of a stamp (from, by, date) is "
                       "recognisable; below the trust boundary, a sign of hand-made headers.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        for (int i = 0; i < chain.hops.size(); ++i) {
            const ReceivedHop &hop = chain.hops.at(i).parsed;
            if (hop.completeness != ReceivedHop::Completeness::None)
                continue;
            const QString evidence =
                Tr::tr("%1 reads \"%2\": no sender, receiving host or date could be recognised.")
                    .arg(describeHop(chain, i), QString::fromUtf8(hop.raw).simplified().left(300));
            // A receiver's stamp we cannot read is our parser's gap, not the sender's doing.
            sink.add(i, evidence, isClaimed(chain, i) ? Severity::Medium : Severity::Info);
        }
    }
};

class BrokenHandoffCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.broken-handoff"), Severity::High, QStringLiteral("3.2"),
            Tr::tr("Received chain does not connect"),
            Tr::tr("A stamp below the trust boundary says it was written by a server other than "
                   "the one the next receiver recorded as the sender: an invented hop.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return;
        // Pairs (upper, lower) where the lower stamp is the sender's own: it starts at the pair
        // (boundary, boundary + 1).
        for (int upper = chain.boundaryHop; upper + 1 < chain.hops.size(); ++upper) {
            const int lowerIndex = upper + 1;
            const ChainHop &u = chain.hops.at(upper);
            const ReceivedHop &lower = chain.hops.at(lowerIndex).parsed;
            if (lower.by.isEmpty() && lower.byIp.isEmpty())
                continue; // nothing to compare: the stamp does not say who wrote it
            // A hand-off over loopback (a content filter re-injecting the message) happens on
            // the machine that wrote the upper stamp: the lower stamp must name that machine.
            const bool loopback = u.ip && u.scope == AddressScope::Loopback;
            const ReceivedHop &upperHop = u.parsed;
            if (loopback) {
                ReceivedHop self;
                self.fromName = upperHop.by;
                self.fromIp = upperHop.byIp;
                if (self.fromName.isEmpty() || handoffConnects(self, lower))
                    continue;
            } else {
                if (upperHop.fromName.isEmpty() && upperHop.fromHelo.isEmpty() &&
                    upperHop.fromRdns.isEmpty() && upperHop.fromIp.isEmpty())
                    continue; // the upper stamp names no sender ("qmail invoked from network")
                if (handoffConnects(upperHop, lower))
                    continue;
            }
            const QString lowerBy = lower.byIp.isEmpty()
                                        ? lower.by
                                        : QStringLiteral("%1 (%2)").arg(lower.by, lower.byIp);
            const QString evidence =
                Tr::tr("Hop %1 claims to have been written by %2 (receiving from %3), but hop %4, "
                       "written by %5, recorded the connection from %6.")
                    .arg(QString::number(lowerIndex), lowerBy, describeSender(lower),
                         QString::number(upper), describeReceiver(upperHop),
                         loopback ? Tr::tr("the same machine over loopback")
                                  : describeSender(upperHop));
            sink.add(lowerIndex, evidence);
        }
    }
};

class RepeatedIpCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.repeated-ip"), Severity::Low, QStringLiteral("3.2"),
            Tr::tr("Same address on consecutive hops"),
            Tr::tr("Two consecutive hops at or below the trust boundary record a connection from "
                   "the same public address: a host handing the message to itself, or a copied "
                   "stamp.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return;
        for (int upper = chain.boundaryHop; upper + 1 < chain.hops.size(); ++upper) {
            const ChainHop &u = chain.hops.at(upper);
            const ChainHop &l = chain.hops.at(upper + 1);
            // Private-like repeats are a site's own re-injection (content filters on
            // 127.0.0.1, one internal relay): normal, and judged by the private-address check.
            if (!u.ip || !l.ip || *u.ip != *l.ip || !isPubliclyRoutableForAnalysis(u.scope))
                continue;
            sink.add(upper + 1,
                     Tr::tr("Hop %1 records a connection from %2, and hop %3, which supposedly "
                            "passed the message on to that host, says it received it from the same "
                            "address (%4).")
                         .arg(QString::number(upper), u.ip->toString(), QString::number(upper + 1),
                              describeSender(l.parsed)));
        }
    }
};

class HopCountExcessiveCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.hop-count-excessive"), Severity::Low,
                QStringLiteral("3.2"), Tr::tr("Implausibly many Received headers"),
                Tr::tr("More Received headers than any mail server lets a message collect (Exim's "
                       "limit is 30): a mail loop or a chain padded with invented hops.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.hops.size() <= MaxPlausibleHops)
            return;
        int claimed = 0;
        for (const ChainHop &hop : chain.hops)
            claimed += hop.trust == HopTrust::Claimed ? 1 : 0;
        sink.add(-1, Tr::tr("The message carries %1 Received headers (%2 of them below the trust "
                            "boundary); mail servers treat more than %3 as a loop.")
                         .arg(chain.hops.size())
                         .arg(claimed)
                         .arg(MaxPlausibleHops));
    }
};

// Not 3.2: a message without any Received header was never handed from one server to another,
// or someone removed the headers before it reached us. Either way the report lacks the "full
// email headers" that policy section V asks a reporter to supply, and nothing can be attributed
// from the chain.
class ChainMissingCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.chain-missing"), Severity::Low, QStringLiteral("V"),
                Tr::tr("No Received headers"),
                Tr::tr("The message carries no Received header at all, so its path and origin "
                       "cannot be traced from the headers.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        if (!context.chain.hops.isEmpty())
            return;
        sink.add(-1, Tr::tr("The message (Message-ID \"%1\") has no Received header; every server "
                            "that relays a message must add one (RFC 5321, section 4.4).")
                         .arg(context.message.messageId()));
    }
};

} // namespace

void appendPathChecks(QList<const Check *> &list)
{
    static const UnparsedCheck unparsed;
    static const BrokenHandoffCheck brokenHandoff;
    static const RepeatedIpCheck repeatedIp;
    static const HopCountExcessiveCheck hopCount;
    static const ChainMissingCheck chainMissing;
    list << &unparsed << &brokenHandoff << &repeatedIp << &hopCount << &chainMissing;
}

} // namespace Awb::ReceivedChecks
