// Where the message came from: our network, someone claiming our network, a logged-in account,
// or a mailbox provider that the path never touched.

#include "mail_host_data.h"
#include "received_check_support.h"

#include "analysis/trust_settings.h"

namespace Awb::ReceivedChecks {

namespace {

// Info, clause 3.1: that a message left our network is not itself a violation, but it is the
// fact that makes the complaint ours. If the complaint is confirmed, the customer who holds the
// address "sent spam, UCE or UBE" through our infrastructure, which is section 3.1; every other
// finding on this message is then weighed against that customer.
class OriginOursCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.origin-ours"), Severity::Info, QStringLiteral("3.1"),
                Tr::tr("Message sent from our network"),
                Tr::tr("The trust boundary hop records a connection from an address in our own "
                       "networks: the message was sent by one of our customers' hosts.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (!chain.origin.ours || chain.origin.hop < 0)
            return;
        sink.add(chain.origin.hop, chain.origin.reason);
    }
};

// Info, clause 3.2: a stamp written by the sender that names our address is forged routing
// information (3.2) aimed at us: it would make an analysis that takes "the first address of
// ours anywhere in the chain" blame an innocent customer. Info, because it is a warning to the
// analyst, not a charge against anyone we can name.
class ClaimedOursCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.claimed-ours"), Severity::Info, QStringLiteral("3.2"),
                Tr::tr("Sender's own stamp names our network"),
                Tr::tr("A hop below the trust boundary names an address in our networks, but the "
                       "boundary shows the message came from elsewhere: do not blame that "
                       "customer on this evidence.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0 || chain.origin.ours)
            return;
        for (int i = chain.boundaryHop + 1; i < chain.hops.size(); ++i) {
            const ChainHop &hop = chain.hops.at(i);
            if (!hop.inOurs)
                continue;
            const auto network = context.trust.ours.bestMatch(*hop.ip);
            sink.add(i, Tr::tr("%1 names %2, an address in our network %3, but hop %4, written by "
                               "%5, shows that the message came from %6, outside our networks.")
                            .arg(describeHop(chain, i), describeSender(hop.parsed),
                                 network ? network->toString() : QString(),
                                 QString::number(chain.boundaryHop),
                                 describeReceiver(chain.hops.at(chain.boundaryHop).parsed),
                                 chain.origin.ip));
        }
    }
};

// Low, clause 3.3: a message submitted with a password (SMTP AUTH) or through a web login was
// sent by whoever held that account. For spam that is the sign of a stolen or compromised
// account, which section 3.3 names ("compromised systems"). A witnessed login is evidence; one
// in the sender's own stamps is only a claim, and is shown at Info.
class AuthenticatedSubmissionCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.authenticated-submission"), Severity::Low,
                QStringLiteral("3.3"), Tr::tr("Sent through a logged-in account"),
                Tr::tr("A hop records SMTP AUTH or a webmail/API submission: the message was sent "
                       "with an account's credentials, a sign of a compromised account when it is "
                       "spam.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        for (int i = 0; i < chain.hops.size(); ++i) {
            const ReceivedHop &hop = chain.hops.at(i).parsed;
            const bool web = hop.protocol == QLatin1String("HTTP");
            if (!hop.authenticated && !web)
                continue;
            QString how = hop.with.isEmpty() ? hop.protocol : hop.with;
            if (!hop.auth.isEmpty())
                how = Tr::tr("%1, \"%2\"").arg(how, hop.auth);
            else if (!hop.authUser.isEmpty())
                how = Tr::tr("%1, user \"%2\"").arg(how, hop.authUser);
            const QString evidence =
                Tr::tr("%1 says %2 accepted the message from %3 with %4 (%5).")
                    .arg(describeHop(chain, i), describeReceiver(hop), describeSender(hop),
                         web ? Tr::tr("a web or API login") : Tr::tr("SMTP authentication"), how);
            sink.add(i, evidence, isClaimed(chain, i) ? Severity::Info : Severity::Low);
        }
    }
};

// Medium, clause 3.2: a From address at a large mailbox provider on a message that never passed
// through that provider's servers is a forged sender address ("forging ... sender addresses").
// Messages forwarded by a third party keep the From and lose the provider at the boundary, so
// this is Medium, not High.
class ProviderPathMissingCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.provider-path-missing"), Severity::Medium,
                QStringLiteral("3.2"), Tr::tr("Mailbox provider's servers not in the path"),
                Tr::tr("The From address is at a large mailbox provider, but the host that handed "
                       "the message to the receivers is not one of that provider's servers.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return; // no witnessed sender: nothing to compare with
        const QString domain = fromAddressDomain(context.message);
        const MailProvider *provider = providerForUserDomain(domain);
        if (!provider)
            return;
        // The provider took part if it handed the message over at the boundary (its server's
        // rDNS, as the receiver recorded it), or if one of the receivers' own hops is a login
        // at the provider (a webmail or SMTP AUTH submission that the walk passed over). The
        // receivers' other relays say nothing: they are the recipient's servers, which are the
        // provider's own when the recipient is its user.
        for (int i = 0; i < chain.boundaryHop; ++i) {
            const ReceivedHop &hop = chain.hops.at(i).parsed;
            if ((hop.authenticated || hop.protocol == QLatin1String("HTTP")) &&
                isProviderHost(*provider, hop.by))
                return;
        }
        const ReceivedHop &boundary = chain.hops.at(chain.boundaryHop).parsed;
        const RdnsState rdns = rdnsState(boundary);
        if (rdns == RdnsState::Unrecorded)
            return; // the receiver's stamp does not say who the host was: no judgement
        if (rdns == RdnsState::Recorded && isProviderHost(*provider, boundary.fromRdns))
            return;
        const QString host =
            rdns == RdnsState::Recorded
                ? Tr::tr("%1, which is not %2's").arg(describeSender(boundary), provider->name)
                : Tr::tr("%1, which has no verified "
                         "reverse DNS name")
                      .arg(describeSender(boundary));
        sink.add(chain.boundaryHop,
                 Tr::tr("The From address is at %1, a %2 mailbox, but hop %3, written by %4, shows "
                        "that the message was handed over by %5; the path never touches %2's "
                        "servers (%6).")
                     .arg(domain, provider->name, QString::number(chain.boundaryHop),
                          describeReceiver(boundary), host,
                          provider->hostDomains.join(QStringLiteral(", "))));
    }
};

} // namespace

void appendOriginChecks(QList<const Check *> &list)
{
    static const OriginOursCheck originOurs;
    static const ClaimedOursCheck claimedOurs;
    static const AuthenticatedSubmissionCheck authenticatedSubmission;
    static const ProviderPathMissingCheck providerPathMissing;
    list << &originOurs << &claimedOurs << &authenticatedSubmission << &providerPathMissing;
}

} // namespace Awb::ReceivedChecks
