#include "ip_network.h"

#include "uint128_p.h"

namespace Awb {

namespace {

using detail::Uint128;

Uint128 wordsOf(const IpAddress &address)
{
    return {address.hi(), address.lo()};
}

// The prefix in bits of the 128-bit number: IPv4 sits behind the 96 bits of ::ffff:0:0/96.
int fullPrefix(const IpAddress &address, int prefixLength)
{
    return address.isV4() ? prefixLength + 96 : prefixLength;
}

// "0" or 1-3 digits without a leading zero; -1 for anything else.
int parsePrefixLength(QStringView text)
{
    if (text.isEmpty() || text.size() > 3 || (text.size() > 1 && text.front() == u'0'))
        return -1;
    int value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace

IpNetwork::IpNetwork(const IpAddress &address, int prefixLength)
{
    if (address.isNull() || prefixLength < 0 || prefixLength > address.bitLength())
        return;
    const Uint128 value = wordsOf(address);
    const Uint128 masked = value & detail::prefixMask(fullPrefix(address, prefixLength));
    m_address = IpAddress::fromWords(masked.hi, masked.lo);
    m_prefixLength = prefixLength;
    m_hadHostBits = masked != value;
}

std::optional<IpNetwork> IpNetwork::parse(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    const std::optional<IpAddress> address = IpAddress::parse(slash < 0 ? text : text.left(slash));
    if (!address || !address->zone().isEmpty())
        return std::nullopt;
    if (slash < 0)
        return IpNetwork(*address, address->bitLength());

    const int length = parsePrefixLength(text.mid(slash + 1));
    if (length < 0)
        return std::nullopt;
    if (!address->wasMapped())
        return length <= address->bitLength() ? std::optional(IpNetwork(*address, length))
                                              : std::nullopt;

    // Written as ::ffff:a.b.c.d/N, so N counts all 128 bits. From /96 on the block stays inside
    // the mapped range and is IPv4; a shorter prefix reaches outside it and is an IPv6 block.
    if (length > 128)
        return std::nullopt;
    if (length >= 96)
        return IpNetwork(*address, length - 96);
    const Uint128 value = wordsOf(*address);
    const Uint128 masked = value & detail::prefixMask(length);
    IpNetwork network;
    network.m_address = IpAddress::fromWords(masked.hi, masked.lo);
    network.m_prefixLength = length;
    network.m_hadHostBits = masked != value;
    return network;
}

IpAddress IpNetwork::last() const
{
    if (isNull())
        return {};
    const Uint128 hostBits = ~detail::prefixMask(fullPrefix(m_address, m_prefixLength));
    Uint128 value = wordsOf(m_address) | hostBits;
    // An IPv6 block that ends inside ::ffff:0:0/96 (::/80, ::8000:0:0/81, ... ::fffe:0:0/95)
    // ends there with IPv4 addresses, which it does not hold: its last IPv6 address is the one
    // just before the mapped block.
    if (m_address.isV6() && value.hi == 0 && (value.lo >> 32) == 0xffff)
        value.lo = 0xfffeffffffffull;
    return IpAddress::fromWords(value.hi, value.lo);
}

bool IpNetwork::contains(const IpAddress &address) const
{
    if (isNull() || address.family() != m_address.family())
        return false;
    const Uint128 mask = detail::prefixMask(fullPrefix(m_address, m_prefixLength));
    return (wordsOf(address) & mask) == wordsOf(m_address);
}

bool IpNetwork::contains(const IpNetwork &other) const
{
    return !other.isNull() && other.m_prefixLength >= m_prefixLength && contains(other.m_address);
}

bool IpNetwork::overlaps(const IpNetwork &other) const
{
    // CIDR blocks either nest or are disjoint.
    return contains(other) || other.contains(*this);
}

QString IpNetwork::toString() const
{
    if (isNull())
        return {};
    return m_address.toString() + u'/' + QString::number(m_prefixLength);
}

size_t qHash(const IpNetwork &network, size_t seed) noexcept
{
    return qHashMulti(seed, network.address(), network.prefixLength());
}

} // namespace Awb
