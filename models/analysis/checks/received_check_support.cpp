#include "received_check_support.h"

#include "mail_host_data.h"

#include "mail/mail_message.h"
#include "network/ip_address.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Awb::ReceivedChecks {

bool isClaimed(const ChainAnalysis &chain, int hop)
{
    return hop >= 0 && hop < chain.hops.size() && chain.hops.at(hop).trust == HopTrust::Claimed;
}

bool isSenderSpeaking(const ChainAnalysis &chain, int hop)
{
    return hop >= 0 && hop < chain.hops.size() && chain.hops.at(hop).trust != HopTrust::Receiver;
}

bool looksLikeAddressLiteral(const QString &name)
{
    // Digits and dots only, or anything with a colon: what a HELO address literal looks like,
    // valid or not (an invalid literal is still not a host name).
    static const QRegularExpression literal(
        QStringLiteral("^\\[?(?:IPv6:)?(?:[0-9.]+|[0-9A-Fa-f:.%]*:[0-9A-Fa-f:.%]*)\\]?$"),
        QRegularExpression::CaseInsensitiveOption);
    return !name.isEmpty() && literal.match(name).hasMatch();
}

QString describeSender(const ReceivedHop &hop)
{
    const QString helo = hop.claimedName();
    QString name = !hop.fromRdns.isEmpty() ? hop.fromRdns : helo;
    if (name == hop.fromIp || (hop.fromRdns.isEmpty() && looksLikeAddressLiteral(helo)))
        name.clear(); // an address literal is not a name: "[ip] (HELO [literal])
    QString text = name;
    if (!hop.fromIp.isEmpty())
        text = name.isEmpty() ? QStringLiteral("[%1]").arg(hop.fromIp)
                              : QStringLiteral("%1 [%2]").arg(name, hop.fromIp);
    if (!helo.isEmpty() && !sameHost(helo, name) && helo != hop.fromIp)
        text = Tr::tr("%1 (HELO %2)").arg(text, helo);
    return text.isEmpty() ? Tr::tr("an unnamed sender") : text;
}

QString describeReceiver(const ReceivedHop &hop)
{
    return hop.by.isEmpty() ? Tr::tr("an unnamed server") : hop.by;
}

QString describeHop(const ChainAnalysis &chain, int hop)
{
    if (hop < 0 || hop >= chain.hops.size())
        return {};
    switch (chain.hops.at(hop).trust) {
    case HopTrust::Receiver:
        return Tr::tr("Hop %1 (written by a receiving server)").arg(hop);
    case HopTrust::Boundary:
        return Tr::tr("Hop %1 (the trust boundary: the receiver's record of the sender)").arg(hop);
    case HopTrust::Claimed:
        return Tr::tr("Hop %1 (claimed by the sending side, not witnessed)").arg(hop);
    }
    return {};
}

QString describeDate(const ReceivedHop &hop)
{
    if (!hop.dateValid)
        return Tr::tr("no readable date");
    const QString utc = hop.date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return Tr::tr("%1 UTC (written as \"%2\")").arg(utc, hop.dateText);
}

QString describeDuration(qint64 seconds)
{
    const qint64 s = seconds < 0 ? -seconds : seconds;
    const qint64 days = s / 86400;
    const qint64 hours = (s % 86400) / 3600;
    const qint64 minutes = (s % 3600) / 60;
    const qint64 secs = s % 60;
    if (days > 0)
        return Tr::tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return Tr::tr("%1 h %2 min %3 s").arg(hours).arg(minutes).arg(secs);
    if (minutes > 0)
        return Tr::tr("%1 min %2 s").arg(minutes).arg(secs);
    return Tr::tr("%1 s").arg(secs);
}

RdnsState rdnsState(const ReceivedHop &hop)
{
    // Sendmail appends "(may be forged)" when the PTR name does not resolve back to the client.
    static const QRegularExpression mayBeForged(QStringLiteral("\\bmay\\s+be\\s+forged\\b"),
                                                QRegularExpression::CaseInsensitiveOption);
    // Postfix writes "(unknown [ip])" and qmail "from unknown (HELO x)" when the lookup found no
    // name (Postfix also when the name did not resolve back).
    static const QRegularExpression unknownName(
        QStringLiteral("(?:^|\\s)from\\s+unknown\\s*\\(|\\(\\s*unknown\\s*\\["),
        QRegularExpression::CaseInsensitiveOption);

    const QString raw = QString::fromLatin1(hop.raw);
    if (!hop.fromRdns.isEmpty())
        return mayBeForged.match(raw).hasMatch() ? RdnsState::Unverified : RdnsState::Recorded;
    if (unknownName.match(raw).hasMatch())
        return RdnsState::Absent;
    // Exim writes "from [ip] (helo=x)" and CommuniGate "from [ip] (... HELO x)" exactly when the
    // client has no name; with a name they write "name ([ip] helo=x)".
    if (hop.fromIpFromName && !hop.fromHelo.isEmpty())
        return RdnsState::Absent;
    return RdnsState::Unrecorded;
}

// Does the lower (older) hop's receiving host name the machine that the upper hop saw
// connecting? The upper hop's from side offers several names (HELO, rDNS, the name as written,
// the address); any one of them matching is a connection. Same organisational domain counts:
// a server's HELO, rDNS and own host name often differ inside one domain or one provider
// (mta3.example.com stamps "by mta3", connects as mx.example.com), and forgery worth the name
// invents another organisation's servers.
bool handoffConnects(const ReceivedHop &upper, const ReceivedHop &lower)
{
    if (!lower.byIp.isEmpty() && lower.byIp == upper.fromIp)
        return true;
    const QStringList names = {upper.fromHelo, upper.fromName, upper.fromRdns, upper.fromIp};
    const QString by = normalizedHost(lower.by);
    const QString byDomain = organisationalDomain(by);
    for (const QString &candidate : names) {
        const QString name = normalizedHost(candidate);
        if (name.isEmpty())
            continue;
        if (name == by)
            return true;
        // Exchange and others stamp short host names: "by EXCH01" for EXCH01.corp.example.com.
        const QString nameLabel = name.section(QLatin1Char('.'), 0, 0);
        const QString byLabel = by.section(QLatin1Char('.'), 0, 0);
        if ((!by.contains(QLatin1Char('.')) && byLabel == nameLabel) ||
            (!name.contains(QLatin1Char('.')) && nameLabel == byLabel))
            return true;
        if (!byDomain.isEmpty() && organisationalDomain(name) == byDomain)
            return true;
        // One operator, several domains: Gmail's submission server smtp.gmail.com hands over
        // to mail-*.google.com.
        const MailProvider *provider = providerForHost(name);
        if (provider && isProviderHost(*provider, by))
            return true;
    }
    return false;
}

QString fromAddressDomain(const MailMessage &message)
{
    // The address in angle brackets when there is one (a display name may itself contain '@',
    // "support@bigbank.example" <x@y>), else the last bare address in the field.
    static const QRegularExpression angle(QStringLiteral("<\\s*[^<>@\\s]+@([^<>\\s]+)\\s*>"));
    static const QRegularExpression bare(QStringLiteral("[^\\s<>\"(),;:]+@([A-Za-z0-9.-]+)"));
    const QString from = message.from();
    QRegularExpressionMatch match = angle.match(from);
    if (!match.hasMatch()) {
        QRegularExpressionMatchIterator it = bare.globalMatch(from);
        while (it.hasNext())
            match = it.next();
    }
    return match.hasMatch() ? normalizedHost(match.captured(1)) : QString();
}

} // namespace Awb::ReceivedChecks
