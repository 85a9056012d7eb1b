#pragma once

#include "ip_address.h"

namespace Awb {

// An inclusive range of addresses of one family, first <= last. This is how the account directory
// stores an assignment: first().hi()/lo() and last().hi()/lo() as integer columns, so that "which
// assignment holds this address" is an indexed range query. Because IPv4 is stored mapped, one
// pair of columns serves both families. An IPv6 range numerically covers IPv4 addresses only if
// it spans ::ffff:0:0/96 (::/64 does), which no real assignment does; a query that must be exact
// also compares a family column.
class IpRange
{
public:
    IpRange() = default;
    // Null unless both addresses are of one family and first <= last. Zones are dropped.
    IpRange(const IpAddress &first, const IpAddress &last);

    bool isNull() const { return m_first.isNull(); }
    bool isV4() const { return m_first.isV4(); }
    const IpAddress &first() const { return m_first; }
    const IpAddress &last() const { return m_last; }

    // Same family and between first and last inclusive; the address's zone is ignored.
    bool contains(const IpAddress &address) const;
    bool contains(const IpRange &other) const;
    bool overlaps(const IpRange &other) const;

    // "first-last", e.g. "192.0.2.0-192.0.2.255"; empty for a null range.
    QString toString() const;

    friend bool operator==(const IpRange &a, const IpRange &b)
    {
        return a.m_first == b.m_first && a.m_last == b.m_last;
    }
    friend bool operator!=(const IpRange &a, const IpRange &b) { return !(a == b); }

private:
    IpAddress m_first;
    IpAddress m_last;
};

} // namespace Awb

Q_DECLARE_TYPEINFO(Awb::IpRange, Q_RELOCATABLE_TYPE);
