#pragma once

#include "ip_address.h"
#include "ip_network.h"

#include <QList>
#include <QString>

#include <optional>

namespace Awb {

// What kind of address this is, from the IANA IPv4 and IPv6 special-purpose address registries
// (RFC 6890 and its updates, as of 2025), the multicast blocks and the IPv6 address-space
// registry (outside 2000::/3 and the blocks below, IPv6 is reserved by the IETF).
enum class AddressScope {
    Public,        // global unicast with no special purpose
    Documentation, // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20
    Transition,    // 6to4 2002::/16, Teredo 2001::/32, NAT64 64:ff9b::/96: a real host behind
    Private,       // 10/8, 172.16/12, 192.168/16, unique local fc00::/7, 64:ff9b:1::/48
    SharedAddress, // 100.64/10, carrier-grade NAT
    Loopback,      // 127/8, ::1
    LinkLocal,     // 169.254/16, fe80::/10
    Unspecified,   // 0.0.0.0, ::
    Multicast,     // 224/4, ff00::/8
    Broadcast,     // 255.255.255.255
    Benchmarking,  // 198.18/15, 2001:2::/48
    Reserved,      // 0/8, 240/4, 192.0.0/24, 192.88.99/24, ::/96, 100::/64, 2001::/23, ...
};

// The most specific registry entry for the address; Public when none applies. Null: Reserved.
AddressScope scopeOf(const IpAddress &address);

// How the Received-chain analysis treats a scope.
//
// The documentation ranges count as public. They exist to stand in for real public addresses in
// examples, and that is exactly how this project uses them: the demo data, the test messages and
// the notices in the manual all use 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and
// 2001:db8::/32 for the spammer, the customer and the relays, because a real address would name
// a real party. Were they "reserved", every demo and test would raise received.reserved-ip and
// find no origin. The cost is that a forged header that happens to use them is not flagged; that
// is acceptable, since documentation addresses are never routed and cannot have connected.
// Transition addresses (6to4, Teredo, NAT64) carry real hosts and count as public too.
//
// PrivateLike (Private, SharedAddress, Loopback, LinkLocal, Unspecified) are addresses that
// are fine inside one site and meaningless outside it: on a public hop they are the
// received.private-ip-untrusted finding. Reserved (Reserved, Multicast, Broadcast,
// Benchmarking) can never be the source of an SMTP connection: received.reserved-ip.
enum class AnalysisClass { Public, PrivateLike, Reserved };

AnalysisClass analysisClassOf(AddressScope scope);
inline bool isPubliclyRoutableForAnalysis(AddressScope scope)
{
    return analysisClassOf(scope) == AnalysisClass::Public;
}
inline bool isPrivateLike(AddressScope scope)
{
    return analysisClassOf(scope) == AnalysisClass::PrivateLike;
}
inline bool isReservedForAnalysis(AddressScope scope)
{
    return analysisClassOf(scope) == AnalysisClass::Reserved;
}

// For people: "private (RFC 1918, RFC 4193)", translated in the "Awb::AddressScope" context.
QString scopeDescription(AddressScope scope);

// One entry of the registry table behind scopeOf(), for evidence that names the exact block:
// "10.1.2.3 is in 10.0.0.0/8, private-use (RFC 1918)".
struct AddressBlock
{
    IpNetwork network;
    AddressScope scope = AddressScope::Public;
    QString name;      // translated, e.g. "documentation (TEST-NET-1)"
    QString reference; // the defining RFC, e.g. "RFC 5737"
};

// The most specific block holding the address; nullopt for ordinary public IPv4.
std::optional<AddressBlock> addressBlockOf(const IpAddress &address);
// The whole table in registry order (IPv4, then IPv6), for tests and a settings page.
QList<AddressBlock> addressBlocks();

} // namespace Awb
