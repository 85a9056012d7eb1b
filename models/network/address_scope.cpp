#include "address_scope.h"

#include <QCoreApplication>

#include <vector>

namespace Awb {

namespace {

struct Entry
{
    const char *network;
    AddressScope scope;
    const char *name;
    const char *reference;
};

// The IANA special-purpose registries (IPv4 and IPv6), multicast, and the IPv6 space outside
// global unicast. Sub-blocks that the registry marks globally reachable (anycast services, AMT,
// AS112, ORCHIDv2, DETs) are Public inside their Reserved parents; the most specific entry wins.
// ::ffff:0:0/96 is absent on purpose: such addresses are IPv4 by the time they get here.
constexpr Entry Entries[] = {
    {"0.0.0.0/8", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "\"this network\""), "RFC 791"},
    {"0.0.0.0/32", AddressScope::Unspecified,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "this host on this network"), "RFC 1122"},
    {"10.0.0.0/8", AddressScope::Private, QT_TRANSLATE_NOOP("Awb::AddressScope", "private-use"),
     "RFC 1918"},
    {"100.64.0.0/10", AddressScope::SharedAddress,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "shared address space"), "RFC 6598"},
    {"127.0.0.0/8", AddressScope::Loopback, QT_TRANSLATE_NOOP("Awb::AddressScope", "loopback"),
     "RFC 1122"},
    {"169.254.0.0/16", AddressScope::LinkLocal,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "link-local"), "RFC 3927"},
    {"172.16.0.0/12", AddressScope::Private, QT_TRANSLATE_NOOP("Awb::AddressScope", "private-use"),
     "RFC 1918"},
    {"192.0.0.0/24", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "IETF protocol assignments"), "RFC 6890"},
    {"192.0.0.9/32", AddressScope::Public,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "Port Control Protocol anycast"), "RFC 7723"},
    {"192.0.0.10/32", AddressScope::Public, QT_TRANSLATE_NOOP("Awb::AddressScope", "TURN anycast"),
     "RFC 8155"},
    {"192.0.2.0/24", AddressScope::Documentation,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "documentation (TEST-NET-1)"), "RFC 5737"},
    {"192.88.99.0/24", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "deprecated 6to4 relay anycast"), "RFC 7526"},
    {"192.168.0.0/16", AddressScope::Private, QT_TRANSLATE_NOOP("Awb::AddressScope", "private-use"),
     "RFC 1918"},
    {"198.18.0.0/15", AddressScope::Benchmarking,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "benchmarking"), "RFC 2544"},
    {"198.51.100.0/24", AddressScope::Documentation,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "documentation (TEST-NET-2)"), "RFC 5737"},
    {"203.0.113.0/24", AddressScope::Documentation,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "documentation (TEST-NET-3)"), "RFC 5737"},
    {"224.0.0.0/4", AddressScope::Multicast, QT_TRANSLATE_NOOP("Awb::AddressScope", "multicast"),
     "RFC 5771"},
    {"240.0.0.0/4", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "reserved for future use"), "RFC 1112"},
    {"255.255.255.255/32", AddressScope::Broadcast,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "limited broadcast"), "RFC 919"},

    {"::/0", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "outside global unicast, reserved by the IETF"),
     "RFC 4291"},
    {"2000::/3", AddressScope::Public, QT_TRANSLATE_NOOP("Awb::AddressScope", "global unicast"),
     "RFC 4291"},
    {"::/128", AddressScope::Unspecified, QT_TRANSLATE_NOOP("Awb::AddressScope", "unspecified"),
     "RFC 4291"},
    {"::1/128", AddressScope::Loopback, QT_TRANSLATE_NOOP("Awb::AddressScope", "loopback"),
     "RFC 4291"},
    {"::/96", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "deprecated IPv4-compatible"), "RFC 4291"},
    {"64:ff9b::/96", AddressScope::Transition,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "IPv4/IPv6 translation (NAT64)"), "RFC 6052"},
    {"64:ff9b:1::/48", AddressScope::Private,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "local-use IPv4/IPv6 translation"), "RFC 8215"},
    {"100::/64", AddressScope::Reserved, QT_TRANSLATE_NOOP("Awb::AddressScope", "discard-only"),
     "RFC 6666"},
    {"100:0:0:1::/64", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "dummy IPv6 prefix"), "RFC 9780"},
    {"2001::/23", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "IETF protocol assignments"), "RFC 2928"},
    {"2001::/32", AddressScope::Transition, QT_TRANSLATE_NOOP("Awb::AddressScope", "Teredo"),
     "RFC 4380"},
    {"2001:1::1/128", AddressScope::Public,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "Port Control Protocol anycast"), "RFC 7723"},
    {"2001:1::2/128", AddressScope::Public, QT_TRANSLATE_NOOP("Awb::AddressScope", "TURN anycast"),
     "RFC 8155"},
    {"2001:1::3/128", AddressScope::Public,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "DNS-SD service registration anycast"), "RFC 9665"},
    {"2001:2::/48", AddressScope::Benchmarking,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "benchmarking"), "RFC 5180"},
    {"2001:3::/32", AddressScope::Public,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "automatic multicast tunneling"), "RFC 7450"},
    {"2001:4:112::/48", AddressScope::Public, QT_TRANSLATE_NOOP("Awb::AddressScope", "AS112-v6"),
     "RFC 7535"},
    {"2001:10::/28", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "deprecated ORCHID"), "RFC 4843"},
    {"2001:20::/28", AddressScope::Public, QT_TRANSLATE_NOOP("Awb::AddressScope", "ORCHIDv2"),
     "RFC 7343"},
    {"2001:30::/28", AddressScope::Public,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "drone remote ID entity tags"), "RFC 9374"},
    {"2001:db8::/32", AddressScope::Documentation,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "documentation"), "RFC 3849"},
    {"2002::/16", AddressScope::Transition, QT_TRANSLATE_NOOP("Awb::AddressScope", "6to4"),
     "RFC 3056"},
    {"3fff::/20", AddressScope::Documentation,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "documentation"), "RFC 9637"},
    {"5f00::/16", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "segment routing SIDs"), "RFC 9602"},
    {"fc00::/7", AddressScope::Private, QT_TRANSLATE_NOOP("Awb::AddressScope", "unique local"),
     "RFC 4193"},
    {"fe80::/10", AddressScope::LinkLocal, QT_TRANSLATE_NOOP("Awb::AddressScope", "link-local"),
     "RFC 4291"},
    {"fec0::/10", AddressScope::Reserved,
     QT_TRANSLATE_NOOP("Awb::AddressScope", "deprecated site-local"), "RFC 3879"},
    {"ff00::/8", AddressScope::Multicast, QT_TRANSLATE_NOOP("Awb::AddressScope", "multicast"),
     "RFC 4291"},
};

struct ParsedEntry
{
    IpNetwork network;
    const Entry *entry;
};

// Parsed once; the table is small enough (under fifty blocks) that a linear longest-prefix scan
// costs less than building anything cleverer.
const std::vector<ParsedEntry> &table()
{
    static const std::vector<ParsedEntry> parsed = [] {
        std::vector<ParsedEntry> result;
        for (const Entry &entry : Entries)
            result.push_back({*IpNetwork::parse(QString::fromLatin1(entry.network)), &entry});
        return result;
    }();
    return parsed;
}

const ParsedEntry *findEntry(const IpAddress &address)
{
    const ParsedEntry *best = nullptr;
    for (const ParsedEntry &candidate : table()) {
        if (candidate.network.contains(address) &&
            (!best || candidate.network.prefixLength() > best->network.prefixLength()))
            best = &candidate;
    }
    return best;
}

AddressBlock toBlock(const ParsedEntry &parsed)
{
    return {parsed.network, parsed.entry->scope,
            QCoreApplication::translate("Awb::AddressScope", parsed.entry->name),
            QString::fromLatin1(parsed.entry->reference)};
}

} // namespace

AddressScope scopeOf(const IpAddress &address)
{
    if (address.isNull())
        return AddressScope::Reserved;
    const ParsedEntry *entry = findEntry(address);
    return entry ? entry->entry->scope : AddressScope::Public;
}

AnalysisClass analysisClassOf(AddressScope scope)
{
    switch (scope) {
    case AddressScope::Public:
    case AddressScope::Documentation:
    case AddressScope::Transition:
        return AnalysisClass::Public;
    case AddressScope::Private:
    case AddressScope::SharedAddress:
    case AddressScope::Loopback:
    case AddressScope::LinkLocal:
    case AddressScope::Unspecified:
        return AnalysisClass::PrivateLike;
    case AddressScope::Multicast:
    case AddressScope::Broadcast:
    case AddressScope::Benchmarking:
    case AddressScope::Reserved:
        break;
    }
    return AnalysisClass::Reserved;
}

QString scopeDescription(AddressScope scope)
{
    switch (scope) {
    case AddressScope::Public:
        return QCoreApplication::translate("Awb::AddressScope", "public");
    case AddressScope::Documentation:
        return QCoreApplication::translate("Awb::AddressScope",
                                           "documentation (RFC 5737, RFC 3849, RFC 9637)");
    case AddressScope::Transition:
        return QCoreApplication::translate("Awb::AddressScope",
                                           "IPv4/IPv6 transition (6to4, Teredo, NAT64)");
    case AddressScope::Private:
        return QCoreApplication::translate("Awb::AddressScope", "private (RFC 1918, RFC 4193)");
    case AddressScope::SharedAddress:
        return QCoreApplication::translate("Awb::AddressScope",
                                           "shared address space, carrier-grade NAT (RFC 6598)");
    case AddressScope::Loopback:
        return QCoreApplication::translate("Awb::AddressScope", "loopback");
    case AddressScope::LinkLocal:
        return QCoreApplication::translate("Awb::AddressScope", "link-local");
    case AddressScope::Unspecified:
        return QCoreApplication::translate("Awb::AddressScope", "unspecified");
    case AddressScope::Multicast:
        return QCoreApplication::translate("Awb::AddressScope", "multicast");
    case AddressScope::Broadcast:
        return QCoreApplication::translate("Awb::AddressScope", "limited broadcast");
    case AddressScope::Benchmarking:
        return QCoreApplication::translate("Awb::AddressScope",
                                           "benchmarking (RFC 2544, RFC 5180)");
    case AddressScope::Reserved:
        break;
    }
    return QCoreApplication::translate("Awb::AddressScope", "reserved (IANA special-purpose)");
}

std::optional<AddressBlock> addressBlockOf(const IpAddress &address)
{
    const ParsedEntry *entry = findEntry(address);
    if (!entry)
        return std::nullopt;
    return toBlock(*entry);
}

QList<AddressBlock> addressBlocks()
{
    QList<AddressBlock> blocks;
    for (const ParsedEntry &entry : table())
        blocks.append(toBlock(entry));
    return blocks;
}

} // namespace Awb
