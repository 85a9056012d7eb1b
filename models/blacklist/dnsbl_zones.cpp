#include "blacklist/dnsbl_zones.h"

#include "network/ip_address.h"

namespace Awb {

namespace {

constexpr quint32 code(quint8 b, quint8 c, quint8 d)
{
    return (127u << 24) | (quint32(b) << 16) | (quint32(c) << 8) | d;
}

DnsblCode listing(quint32 first, quint32 last, const char *sublist, const char *description)
{
    return {first, last, DnsblCodeKind::Listing, QString::fromUtf8(sublist),
            QString::fromUtf8(description)};
}

DnsblCode policy(quint32 first, quint32 last, const char *sublist, const char *description)
{
    return {first, last, DnsblCodeKind::Policy, QString::fromUtf8(sublist),
            QString::fromUtf8(description)};
}

DnsblCode error(quint32 first, quint32 last, const char *description)
{
    return {first, last, DnsblCodeKind::Error, {}, QString::fromUtf8(description)};
}

// Spamhaus answers 127.255.255.x when it refuses a query; the specific codes come first because
// readDnsblCode() takes the first match.
QList<DnsblCode> spamhausErrors()
{
    return {error(code(255, 255, 252), code(255, 255, 252), "typing error in the DNSBL name"),
            error(code(255, 255, 254), code(255, 255, 254),
                  "query via a public or open resolver, refused"),
            error(code(255, 255, 255), code(255, 255, 255), "excessive number of queries"),
            error(code(255, 255, 0), code(255, 255, 255), "error reply")};
}

DnsblZone ipList(const char *name, const char *zone, bool ipv6, QList<DnsblCode> codes)
{
    DnsblZone z;
    z.name = QString::fromUtf8(name);
    z.zone = QString::fromUtf8(zone);
    z.kind = DnsblZone::Kind::Ip;
    z.supportsIpv6 = ipv6;
    z.codes = std::move(codes);
    return z;
}

DnsblZone closedList(const char *name, const char *zone, const char *note)
{
    DnsblZone z = ipList(name, zone, false, {});
    z.defunct = true;
    z.note = QString::fromUtf8(note);
    return z;
}

QList<DnsblZone> buildKnownZones()
{
    const DnsblCode sbl = listing(code(0, 0, 2), code(0, 0, 2), "SBL", "Spamhaus Block List");
    const DnsblCode css = listing(code(0, 0, 3), code(0, 0, 3), "CSS",
                                  "Spamhaus CSS, "
                                  "snowshoe spam sources");
    const DnsblCode xbl = listing(code(0, 0, 4), code(0, 0, 7), "XBL",
                                  "Exploits Block List, compromised or infected hosts");
    const DnsblCode drop = listing(code(0, 0, 9), code(0, 0, 9), "DROP",
                                   "Spamhaus Don't Route Or Peer, hijacked or criminal ranges");
    const DnsblCode pblIsp =
        policy(code(0, 0, 10), code(0, 0, 10), "PBL", "Policy Block List, ISP-maintained");
    const DnsblCode pblSpamhaus =
        policy(code(0, 0, 11), code(0, 0, 11), "PBL", "Policy Block List, Spamhaus-maintained");

    QList<DnsblZone> zones;
    zones << ipList("Spamhaus ZEN", "zen.spamhaus.org", true,
                    QList<DnsblCode>{sbl, css, xbl, drop, pblIsp, pblSpamhaus} + spamhausErrors());
    zones << ipList("SpamCop Blocking List", "bl.spamcop.net", false,
                    {listing(code(0, 0, 2), code(0, 0, 2), "", "")});
    zones << ipList("Spamhaus SBL", "sbl.spamhaus.org", true,
                    QList<DnsblCode>{sbl, css, drop} + spamhausErrors());
    zones << ipList("Spamhaus XBL", "xbl.spamhaus.org", true,
                    QList<DnsblCode>{xbl} + spamhausErrors());
    zones << ipList("Spamhaus PBL", "pbl.spamhaus.org", true,
                    QList<DnsblCode>{pblIsp, pblSpamhaus} + spamhausErrors());

    DnsblZone dbl =
        ipList("Spamhaus DBL", "dbl.spamhaus.org", false,
               QList<DnsblCode>{
                   listing(code(0, 1, 2), code(0, 1, 2), "DBL", "spam domain"),
                   listing(code(0, 1, 4), code(0, 1, 4), "DBL", "phishing domain"),
                   listing(code(0, 1, 5), code(0, 1, 5), "DBL", "malware domain"),
                   listing(code(0, 1, 6), code(0, 1, 6), "DBL", "botnet C&C domain"),
                   listing(code(0, 1, 102), code(0, 1, 106), "DBL", "abused legitimate domain"),
               } + spamhausErrors());
    dbl.kind = DnsblZone::Kind::Domain;
    dbl.note = QStringLiteral("lists domains, not addresses");
    zones << dbl;

    DnsblZone barracuda = ipList("Barracuda Reputation Block List", "b.barracudacentral.org", false,
                                 {listing(code(0, 0, 2), code(0, 0, 2), "", "")});
    barracuda.note = QStringLiteral("answers only resolvers registered with Barracuda");
    zones << barracuda;
    zones << ipList("Passive Spam Block List", "psbl.surriel.com", false,
                    {listing(code(0, 0, 2), code(0, 0, 2), "", "")});
    zones << ipList("UCEPROTECT Level 1", "dnsbl-1.uceprotect.net", false,
                    {listing(code(0, 0, 2), code(0, 0, 2), "", "")});

    zones << closedList("SORBS", "dnsbl.sorbs.net", "closed in 2024");
    zones << closedList("NJABL", "dnsbl.njabl.org", "closed in 2013");
    zones << closedList("AHBL", "dnsbl.ahbl.org", "closed in 2015");
    return zones;
}

QString codeText(quint32 value)
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg(value >> 24)
        .arg((value >> 16) & 0xff)
        .arg((value >> 8) & 0xff)
        .arg(value & 0xff);
}

// "SBL (Spamhaus Block List)", or the list's own name when it has no sublists.
QString whichList(const DnsblZone &zone, const DnsblCode &entry)
{
    if (entry.sublist.isEmpty())
        return zone.name;
    if (entry.description.isEmpty())
        return entry.sublist;
    return QStringLiteral("%1 (%2)").arg(entry.sublist, entry.description);
}

} // namespace

const QList<DnsblZone> &knownDnsblZones()
{
    static const QList<DnsblZone> zones = buildKnownZones();
    return zones;
}

QList<DnsblZone> defaultDnsblZones()
{
    return {*findDnsblZone(u"zen.spamhaus.org"), *findDnsblZone(u"bl.spamcop.net")};
}

QString normaliseDnsblZone(QStringView zone)
{
    QString text = zone.trimmed().toString().toLower();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

std::optional<DnsblZone> findDnsblZone(QStringView zoneOrName)
{
    const QString zone = normaliseDnsblZone(zoneOrName);
    for (const DnsblZone &known : knownDnsblZones()) {
        if (known.zone == zone ||
            known.name.compare(zoneOrName.trimmed(), Qt::CaseInsensitive) == 0)
            return known;
    }
    return std::nullopt;
}

DnsblZone dnsblZoneFor(const QString &zone)
{
    if (std::optional<DnsblZone> known = findDnsblZone(zone))
        return *known;
    // A zone the program has no data for: RFC 5782 says any 127/8 answer is a listing, and the
    // meaning of the code stays unknown (readDnsblCode() says so).
    DnsblZone custom;
    custom.zone = normaliseDnsblZone(zone);
    custom.name = custom.zone;
    custom.supportsIpv6 = true;
    return custom;
}

DnsblCodeReading readDnsblCode(const DnsblZone &zone, const IpAddress &address)
{
    DnsblCodeReading reading;
    const quint32 value = address.isV4() ? address.toV4() : 0;
    const QString text = address.toString();
    if (!address.isV4() || (value >> 24) != 127) {
        reading.kind = DnsblCodeKind::NotDnsbl;
        reading.meaning = QStringLiteral("%1: not a DNSBL answer (outside 127.0.0.0/8), not a "
                                         "listing")
                              .arg(text);
        return reading;
    }

    const DnsblCode *match = nullptr;
    for (const DnsblCode &entry : zone.codes) {
        if (value >= entry.first && value <= entry.last) {
            match = &entry;
            break;
        }
    }
    if (!match) {
        reading.kind = DnsblCodeKind::Unknown;
        reading.meaning = QStringLiteral("%1: listed on %2, with a return code not documented "
                                         "for this list")
                              .arg(codeText(value), zone.name);
    } else {
        reading.kind = match->kind;
        reading.sublist = match->sublist;
        switch (match->kind) {
        case DnsblCodeKind::Listing:
            reading.meaning = QStringLiteral("%1: listed on %2").arg(text, whichList(zone, *match));
            break;
        case DnsblCodeKind::Policy:
            reading.meaning = QStringLiteral("%1: on %2, a policy listing, not evidence of abuse")
                                  .arg(text, whichList(zone, *match));
            break;
        case DnsblCodeKind::Error:
            reading.meaning = QStringLiteral("%1: error reply from %2 (%3), not a listing")
                                  .arg(text, zone.name, match->description);
            break;
        case DnsblCodeKind::Unknown:
        case DnsblCodeKind::NotDnsbl:
            reading.meaning = QStringLiteral("%1: %2").arg(text, match->description);
            break;
        }
    }
    if (zone.defunct) {
        reading.meaning += QStringLiteral("; %1 is defunct (%2), so this is not evidence")
                               .arg(zone.name, zone.note);
    }
    return reading;
}

} // namespace Awb
