// standards.sender-inaccurate: policy 4.2 asks for "accurate sender information in all
// headers". The From, Sender and Return-Path fields must name the one who really sends; this
// check states, for bulk and commercial mail, each way in which they demonstrably do not.

#include "analysis/message_facts.h"
#include "bulk_detection.h"
#include "content_support.h"

#include "analysis/chain_analysis.h"
#include "analysis/checks/mail_host_data.h"
#include "mail/mail_message.h"

#include <QRegularExpression>
#include <QSet>

namespace Awb::ContentChecks {

namespace {

using ReceivedChecks::MailProvider;

// Organisational domains that the message itself ties to its sender: the names of the origin
// host (its reverse DNS as the receiver recorded it, its HELO), the envelope sender and the
// DKIM signing domains.
QSet<QString> senderDomains(const MailMessage &message, const ChainAnalysis &chain)
{
    QSet<QString> domains;
    auto add = [&](const QString &host) {
        const QString org = organisationalDomain(host);
        if (!org.isEmpty())
            domains.insert(org);
    };
    if (chain.origin.hop >= 0 && chain.origin.hop < chain.hops.size()) {
        const ReceivedHop &hop = chain.hops.at(chain.origin.hop).parsed;
        add(hop.fromRdns);
        add(hop.claimedName());
        add(hop.fromName);
    }
    for (const HeaderField &f : headerFields(message, "Return-Path"))
        add(domainOf(firstAddress(f.value)));
    for (const HeaderField &f : headerFields(message, "Sender"))
        add(domainOf(firstAddress(f.value)));
    static const QRegularExpression dkimDomain(QStringLiteral("(?:^|;)\\s*d\\s*=\\s*([^;\\s]+)"));
    for (const HeaderField &f : headerFields(message, "DKIM-Signature")) {
        const QRegularExpressionMatch m = dkimDomain.match(f.value);
        if (m.hasMatch())
            add(m.captured(1));
    }
    return domains;
}

// Medium, clause 4.2. Three findings, each a fact the customer can check in the quoted field:
// - the From display name shows another address or domain than the one the message is from
//   (the reader is told it comes from someone else);
// - the message left our network, yet From, Sender or Return-Path names a mailbox at a large
//   freemail provider that it never passed through (the provider is not the sender);
// - the message left our network and nothing in it (the origin host's names, envelope sender,
//   Sender, DKIM signature) belongs to the From domain: Low, as a hosted sender may be
//   authorised without saying so in the headers.
class SenderInaccurateCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("standards.sender-inaccurate"), Severity::Medium,
                QStringLiteral("4.2"), Tr::tr("Sender information does not identify the sender"),
                Tr::tr("In bulk or commercial mail, From, Sender or Return-Path name someone else "
                       "than the real sender: another address in the display name, a freemail "
                       "mailbox on mail sent from our network, or a From domain that nothing ties "
                       "to the sending server.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const MailMessage &message = context.message;
        const QList<HeaderField> from = headerFields(message, "From");
        if (from.isEmpty())
            return;
        const BulkVerdict &verdict = bulkOf(context);
        if (!verdict.isBulk)
            return;
        const QString fromAddress = firstAddress(from.first().value);
        const QString fromDomain = domainOf(fromAddress);
        const QString fromOrg = organisationalDomain(fromDomain);

        // A mailbox or a domain written into the display name.
        static const QRegularExpression nameAddress(
            QStringLiteral("[\\w.+-]+@((?:[\\w-]+\\.)+[A-Za-z]{2,})|"
                           "\\b((?:[A-Za-z0-9-]+\\.)+(?:com|net|org|example|[a-z]{2}))\\b"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch shown = nameAddress.match(displayName(from.first().value));
        if (shown.hasMatch() && !fromOrg.isEmpty()) {
            const QString shownDomain =
                normalizedHost(shown.captured(1).isEmpty() ? shown.captured(2) : shown.captured(1));
            if (organisationalDomain(shownDomain) != fromOrg)
                sink.add(-1,
                         Tr::tr("\"%1\": the display name shows %2, but the message is from %3. %4")
                             .arg(elide(from.first().written, 240), shown.captured(0), fromAddress,
                                  verdict.reason()),
                         Severity::Medium, from.first().location);
        }

        const Origin &origin = context.chain.origin;
        if (!origin.ours || origin.hop < 0 || origin.hop >= context.chain.hops.size())
            return;
        const ReceivedHop &hop = context.chain.hops.at(origin.hop).parsed;
        const QString originHost = !hop.fromRdns.isEmpty() ? hop.fromRdns : hop.claimedName();
        const QString originText =
            originHost.isEmpty() ? origin.ip : Tr::tr("%1 (%2)").arg(origin.ip, originHost);

        for (const char *name : {"From", "Sender", "Return-Path"}) {
            for (const HeaderField &field : headerFields(message, name)) {
                const QString domain = domainOf(firstAddress(field.value));
                const MailProvider *provider = ReceivedChecks::providerForUserDomain(domain);
                if (!provider || ReceivedChecks::isProviderHost(*provider, originHost))
                    continue;
                sink.add(-1,
                         Tr::tr("\"%1\" names a %2 mailbox, but the message was sent from our "
                                "network at %3, not through %2's servers. %4")
                             .arg(elide(field.written, 240), provider->name, originText,
                                  verdict.reason()),
                         Severity::Medium, field.location);
            }
        }

        if (fromOrg.isEmpty() || ReceivedChecks::providerForUserDomain(fromDomain))
            return;
        const QSet<QString> tied = senderDomains(message, context.chain);
        if (tied.contains(fromOrg))
            return;
        QStringList seen = tied.values();
        seen.sort();
        sink.add(
            -1,
            Tr::tr("\"%1\": the message was sent from our network at %2, and nothing in it ties "
                   "%3 to that server: the origin host's names, the envelope sender, Sender and "
                   "DKIM signatures belong to %4. %5")
                .arg(elide(from.first().written, 240), originText, fromOrg,
                     seen.isEmpty() ? Tr::tr("no domain") : seen.join(QStringLiteral(", ")),
                     verdict.reason()),
            Severity::Low, from.first().location);
    }
};

} // namespace

void appendSenderChecks(QList<const Check *> &list)
{
    static const SenderInaccurateCheck senderInaccurate;
    list << &senderInaccurate;
}

} // namespace Awb::ContentChecks
