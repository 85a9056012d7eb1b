#pragma once

#include "ip_address.h"
#include "ip_range.h"

#include <optional>

namespace Awb {

// A CIDR block: an address and a prefix length, with the host bits always zero.
//
// IPv4 and IPv6 never mix: an IPv6 network contains no IPv4 address, even ::/0. IPv4 written
// mapped is IPv4: "::ffff:192.0.2.0/120" is 192.0.2.0/24 (prefixes of /96 and longer; a shorter
// prefix leaves the mapped block and is IPv6). Zones are not part of a network.
class IpNetwork
{
public:
    IpNetwork() = default;
    // The block of `prefixLength` leading bits of `address`, host bits cleared (hadHostBits() says
    // whether there were any). Null when the address is null or the length is outside
    // 0..address.bitLength().
    IpNetwork(const IpAddress &address, int prefixLength);

    // "203.0.113.0/24", "2001:db8:1c::/48", or a bare address as /32 or /128; the address part
    // is read by IpAddress::parse() (brackets and the "IPv6:" tag allowed, zones refused). The
    // length is 1-3 decimal digits, at most 32 for IPv4 and 128 for IPv6. Host bits are accepted
    // and cleared ("203.0.113.5/24" is 203.0.113.0/24 with hadHostBits()), so that an importer
    // can take the block and still warn about the row. Abbreviated IPv4 ("10/8") is refused.
    static std::optional<IpNetwork> parse(QStringView text);

    bool isNull() const { return m_address.isNull(); }
    bool isV4() const { return m_address.isV4(); }
    bool isV6() const { return m_address.isV6(); }
    // The network address, equal to first().
    const IpAddress &address() const { return m_address; }
    // In the family's own bits: 24 for 192.0.2.0/24, also when it was written ::ffff:.../120.
    int prefixLength() const { return m_prefixLength; }
    // True when the address given to the constructor or parse() had bits set after the prefix.
    bool hadHostBits() const { return m_hadHostBits; }

    IpAddress first() const { return m_address; }
    // The highest address of the family in the block. For IPv6 blocks that end inside
    // ::ffff:0:0/96 (::/80 and its upper halves down to ::fffe:0:0/95) that is ::fffe:ffff:ffff,
    // the addresses above it being IPv4.
    IpAddress last() const;
    IpRange toRange() const { return IpRange(first(), last()); }

    // Same family and inside the block; the address's zone is ignored.
    bool contains(const IpAddress &address) const;
    // True when `other` is of the same family and lies wholly inside this block (or equals it).
    bool contains(const IpNetwork &other) const;
    bool overlaps(const IpNetwork &other) const;

    // "192.0.2.0/24", "2001:db8::/32"; empty for a null network.
    QString toString() const;

    // By address, then prefix length (a block before the smaller blocks it holds).
    friend bool operator==(const IpNetwork &a, const IpNetwork &b)
    {
        return a.m_address == b.m_address && a.m_prefixLength == b.m_prefixLength;
    }
    friend bool operator!=(const IpNetwork &a, const IpNetwork &b) { return !(a == b); }
    friend bool operator<(const IpNetwork &a, const IpNetwork &b)
    {
        if (a.m_address != b.m_address)
            return a.m_address < b.m_address;
        return a.m_prefixLength < b.m_prefixLength;
    }

private:
    IpAddress m_address;
    int m_prefixLength = 0;
    bool m_hadHostBits = false;
};

size_t qHash(const IpNetwork &network, size_t seed = 0) noexcept;

} // namespace Awb

Q_DECLARE_TYPEINFO(Awb::IpNetwork, Q_RELOCATABLE_TYPE);

// IpNetworkSet, the longest-prefix set of networks, is part of this header's interface; it has
// its own file by the one-class-per-file rule. (ip_network_set.h includes this header; #pragma
// once makes either order work.)
#include "ip_network_set.h"
