#include "ip_range.h"

namespace Awb {

IpRange::IpRange(const IpAddress &first, const IpAddress &last)
{
    if (first.isNull() || first.family() != last.family())
        return;
    const IpAddress a = first.withoutZone();
    const IpAddress b = last.withoutZone();
    if (b < a)
        return;
    m_first = a;
    m_last = b;
}

bool IpRange::contains(const IpAddress &address) const
{
    if (isNull() || address.family() != m_first.family())
        return false;
    // Compare the numbers only: the zone takes part in IpAddress ordering, not in membership.
    return m_first.bytes() <= address.bytes() && address.bytes() <= m_last.bytes();
}

bool IpRange::contains(const IpRange &other) const
{
    return !other.isNull() && contains(other.m_first) && contains(other.m_last);
}

bool IpRange::overlaps(const IpRange &other) const
{
    if (isNull() || other.isNull() || m_first.family() != other.m_first.family())
        return false;
    return m_first.bytes() <= other.m_last.bytes() && other.m_first.bytes() <= m_last.bytes();
}

QString IpRange::toString() const
{
    if (isNull())
        return {};
    return m_first.toString() + u'-' + m_last.toString();
}

} // namespace Awb
