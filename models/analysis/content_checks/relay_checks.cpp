// Relay abuse and forged mail-client headers.
//
// relay.unauthenticated-through-ours is clause 3.1 ("Using IX.CM mail servers as unauthorized
// relays"): a server in our network took mail from an outside machine that did not log in, for
// a sender and a recipient that are both foreign, and passed it on. That is what an open relay
// does, and an open relay on our address space is our customer's responsibility.
//
// mailer.forged-mua is clause 3.2 ("Forging email headers"): the X-Mailer or User-Agent names
// a well-known mail program, but the Message-ID or MIME boundary that program always writes is
// not there, so the header was written by something else to look like personal mail.

#include "content_data.h"
#include "content_support.h"

#include "analysis/chain_analysis.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "network/address_scope.h"

#include <QRegularExpression>
#include <QSet>

namespace Awb::ContentChecks {

namespace {

bool sameOrganisation(const QString &a, const QString &b)
{
    const QString x = organisationalDomain(a);
    return !x.isEmpty() && x == organisationalDomain(b);
}

// Is the receiving server of hop i ours? Either the stamp writes its address beside the "by"
// name and that address is in our networks, or the hop above it records our address
// connecting onward, and that connection was witnessed (not claimed) and hands off from this
// hop's "by" host (same name or same organisation), so that this stamp is our server's own.
QString ourReceiverReason(const ChainAnalysis &chain, const TrustSettings &trust, int i)
{
    const ReceivedHop &hop = chain.hops.at(i).parsed;
    if (const auto byIp = IpAddress::parse(hop.byIp); byIp && trust.ours.contains(*byIp))
        return Tr::tr("its address %1 is in our networks").arg(byIp->toString());
    if (i == 0)
        return {};
    const ChainHop &above = chain.hops.at(i - 1);
    if (!above.inOurs || above.trust == HopTrust::Claimed || hop.by.isEmpty())
        return {};
    const ReceivedHop &a = above.parsed;
    for (const QString &name : {a.fromRdns, a.fromHelo, a.fromName}) {
        if (!name.isEmpty() &&
            (name.compare(hop.by, Qt::CaseInsensitive) == 0 || sameOrganisation(name, hop.by)))
            return Tr::tr("hop %1 records it connecting from %2, which is in our networks")
                .arg(i - 1)
                .arg(above.ip ? above.ip->toString() : a.fromIp);
    }
    return {};
}

// Without the account directory, the domains "of ours" are those whose servers this message
// shows at our addresses: the names recorded for every witnessed hop from our networks, and
// the "by" names of the stamps our servers wrote.
QSet<QString> ourDomains(const ChainAnalysis &chain)
{
    QSet<QString> domains;
    for (const ChainHop &hop : chain.hops) {
        if (!hop.inOurs || hop.trust == HopTrust::Claimed)
            continue;
        for (const QString &name :
             {hop.parsed.fromRdns, hop.parsed.fromHelo, hop.parsed.fromName}) {
            const QString org = organisationalDomain(name);
            if (!org.isEmpty())
                domains.insert(org);
        }
    }
    return domains;
}

// High, clause 3.1. See the file comment.
class UnauthenticatedRelayCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("relay.unauthenticated-through-ours"), Severity::High,
                QStringLiteral("3.1"), Tr::tr("Our server relayed mail for outsiders"),
                Tr::tr("A server in our networks accepted mail from an outside machine without "
                       "authentication, for a sender and recipients in foreign domains, and passed "
                       "it on: an open relay.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        const MailMessage &message = context.message;
        for (int i = 0; i < chain.hops.size(); ++i) {
            const ChainHop &hop = chain.hops.at(i);
            const ReceivedHop &p = hop.parsed;
            if (!hop.ip || !isPubliclyRoutableForAnalysis(hop.scope) || hop.inOurs ||
                hop.inTrusted || p.authenticated)
                continue;
            const QString receiver = ourReceiverReason(chain, context.trust, i);
            if (receiver.isEmpty())
                continue;

            QString sender = p.envelopeFrom;
            for (int j = i - 1; sender.isEmpty() && j >= 0; --j)
                sender = chain.hops.at(j).parsed.envelopeFrom;
            const QList<HeaderField> returnPath = headerFields(message, "Return-Path");
            if (sender.isEmpty() && !returnPath.isEmpty())
                sender = firstAddress(returnPath.first().value);
            sender = firstAddress(sender.contains(QLatin1Char('<'))
                                      ? sender
                                      : QLatin1Char('<') + sender + QLatin1Char('>'));
            QStringList recipients;
            QString recipientSource = Tr::tr("the stamp's \"for\" clause");
            if (!p.for_.isEmpty()) {
                recipients << firstAddress(QLatin1Char('<') + p.for_ + QLatin1Char('>'));
            } else {
                recipientSource = Tr::tr("the To and Cc headers (the stamp names no recipient)");
                for (const char *name : {"To", "Cc"}) {
                    static const QRegularExpression address(
                        QStringLiteral("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"));
                    for (const HeaderField &f : headerFields(message, name)) {
                        auto it = address.globalMatch(f.value);
                        while (it.hasNext())
                            recipients << it.next().captured(0).toLower();
                    }
                }
            }
            // Without both ends known, "foreign" cannot be shown: no finding.
            if (domainOf(sender).isEmpty() || recipients.isEmpty())
                continue;
            const QSet<QString> ours = ourDomains(chain);
            bool anyOurs = ours.contains(organisationalDomain(domainOf(sender)));
            for (const QString &r : recipients)
                anyOurs = anyOurs || ours.contains(organisationalDomain(domainOf(r)));
            if (anyOurs)
                continue;
            QStringList ourList = ours.values();
            ourList.sort();
            sink.add(
                i,
                Tr::tr("Hop %1: our server %2 (%3) accepted the message from %4 without "
                       "authentication and passed it on, for the envelope sender %5 and the "
                       "recipient %6 (from %7). Neither is in a domain of ours, that is a domain "
                       "whose servers this message shows at our addresses (%8). Without the "
                       "account directory, \"ours\" means the networks configured as ours.")
                    .arg(i)
                    .arg(p.by.isEmpty() ? Tr::tr("an unnamed server") : p.by, receiver,
                         p.fromRdns.isEmpty() ? p.fromIp
                                              : Tr::tr("%1 [%2]").arg(p.fromRdns, p.fromIp),
                         sender, recipients.join(QStringLiteral(", ")), recipientSource,
                         ourList.isEmpty() ? Tr::tr("none") : ourList.join(QStringLiteral(", "))));
        }
    }
};

QString topBoundary(const MailMessage &message)
{
    static const QRegularExpression boundary(QStringLiteral("boundary\\s*=\\s*\"?([^\";]+)\"?"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QList<HeaderField> type = headerFields(message, "Content-Type");
    if (type.isEmpty() ||
        !type.first().value.trimmed().startsWith(QLatin1String("multipart/"), Qt::CaseInsensitive))
        return {};
    const QRegularExpressionMatch m = boundary.match(type.first().value);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

bool matchesAny(const QList<QRegularExpression> &patterns, const QString &text)
{
    return std::any_of(patterns.cbegin(), patterns.cend(),
                       [&](const QRegularExpression &re) { return re.match(text).hasMatch(); });
}

// Medium, clause 3.2. See the file comment. Message-IDs that Outlook.com and Exchange Online
// rewrite on submission are not held against any client.
class ForgedMuaCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("mailer.forged-mua"), Severity::Medium, QStringLiteral("3.2"),
            Tr::tr("Mail program header is forged"),
            Tr::tr("X-Mailer or User-Agent claims a well-known mail program (Outlook, "
                   "Thunderbird, Apple Mail, Gmail), but the Message-ID or MIME boundary is not "
                   "in the format that program writes.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const MailMessage &message = context.message;
        QList<HeaderField> claims = headerFields(message, "X-Mailer");
        claims += headerFields(message, "User-Agent");
        for (const HeaderField &claim : claims) {
            for (const MuaFormat &mua : muaFormats()) {
                if (!mua.claim.match(claim.value).hasMatch())
                    continue;
                const QList<HeaderField> ids = headerFields(message, "Message-ID");
                const QString id = message.messageId().trimmed();
                if (!ids.isEmpty() && !id.isEmpty() && !matchesAny(mua.ids, id) &&
                    !providerRewrittenIdPattern().match(id).hasMatch())
                    sink.add(-1,
                             Tr::tr("\"%1\" claims %2, whose Message-IDs look like %3, but this "
                                    "message has \"%4\".")
                                 .arg(elide(claim.written), mua.name,
                                      mua.idExamples.join(Tr::tr(" or ")),
                                      elide(ids.first().written)),
                             Severity::Medium, ids.first().location);
                const QString boundary = topBoundary(message);
                if (!boundary.isEmpty() && !mua.boundaries.isEmpty() &&
                    !matchesAny(mua.boundaries, boundary))
                    sink.add(
                        -1,
                        Tr::tr("\"%1\" claims %2, whose MIME boundaries look like %3, but this "
                               "message's boundary is \"%4\".")
                            .arg(elide(claim.written), mua.name,
                                 mua.boundaryExamples.join(Tr::tr(" or ")), boundary),
                        Severity::Medium, headerFields(message, "Content-Type").first().location);
                break; // one client per claim
            }
        }
    }
};

} // namespace

void appendRelayChecks(QList<const Check *> &list)
{
    static const UnauthenticatedRelayCheck unauthenticatedRelay;
    static const ForgedMuaCheck forgedMua;
    list << &unauthenticatedRelay << &forgedMua;
}

} // namespace Awb::ContentChecks
