#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace Awb {

class IpAddress;

// What one A record of a DNSBL answer means, as the list's operator documents it.
enum class DnsblCodeKind {
    Listing, // the address is listed as a source of abuse: evidence
    Policy,  // a policy list (Spamhaus PBL: "this range should not send mail directly"), which
             // says nothing about abuse and must never be cited as evidence of it
    Error,   // the list refused or could not answer the query; never a listing
    Unknown, // in 127.0.0.0/8 but not described in the list's data: listed (RFC 5782 2.1),
             // with a meaning nobody has documented here
    NotDnsbl // outside 127.0.0.0/8: not a DNSBL answer (a resolver rewriting NXDOMAIN, say)
};

// One documented return code or range of codes (IPv4, host byte order, inclusive).
struct DnsblCode
{
    quint32 first = 0;
    quint32 last = 0;
    DnsblCodeKind kind = DnsblCodeKind::Listing;
    QString sublist;     // "SBL", "XBL", "PBL"; empty when the list has no sublists
    QString description; // "Spamhaus Block List", "excessive number of queries"
};

// One DNS blocklist: names, zone, and how to read its answers. The table of known lists is data
// (knownDnsblZones()), so that a list that closes is marked, not deleted: old evidence keeps
// naming it, and a check against it is refused or flagged rather than silently trusted.
struct DnsblZone
{
    enum class Kind {
        Ip,    // queried with reversed IPv4 octets / IPv6 nibbles (RFC 5782 2.1, 2.4)
        Domain // queried with a domain name (RFC 5782 2.3): not for address checks
    };

    QString name; // "Spamhaus ZEN"
    QString zone; // "zen.spamhaus.org", lower case, no trailing dot
    Kind kind = Kind::Ip;
    bool supportsIpv6 = false; // answers for IPv6 nibble names at all
    // A closed list. Its zone may be gone, parked or answer "listed" for every address, so its
    // answers are never evidence.
    bool defunct = false;
    QString note; // "closed in 2024"; shown with defunct lists and in help texts
    QList<DnsblCode> codes;
};

// How one return code reads for one list.
struct DnsblCodeReading
{
    DnsblCodeKind kind = DnsblCodeKind::Unknown;
    // Evidence-grade, one clause, starting with the code:
    // "127.0.0.2: listed on SBL (Spamhaus Block List)".
    QString meaning;
    QString sublist; // the documented code's sublist ("SBL"); empty when none or undocumented
};

// Every list the program knows, defunct ones included, in a stable order.
const QList<DnsblZone> &knownDnsblZones();
// The lists checked when nothing else is configured: zen.spamhaus.org and bl.spamcop.net.
QList<DnsblZone> defaultDnsblZones();
// A known list by zone (case-insensitive, trailing dot ignored) or by name.
std::optional<DnsblZone> findDnsblZone(QStringView zoneOrName);
// The known list for the zone, else a custom IP list that reads every 127/8 code as Unknown.
DnsblZone dnsblZoneFor(const QString &zone);

// Reads one A record of an answer from this list.
DnsblCodeReading readDnsblCode(const DnsblZone &zone, const IpAddress &code);

// "zen.spamhaus.org" from " ZEN.Spamhaus.org. ": trimmed, lower case, no trailing dot.
QString normaliseDnsblZone(QStringView zone);

} // namespace Awb
