#include "ip_address.h"

#include <QtEndian>

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace Awb {

namespace {

constexpr int MaxZoneLength = 64;

bool isMappedBlock(const IpAddress::Bytes &bytes)
{
    static constexpr quint8 prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return std::memcmp(bytes.data(), prefix, sizeof prefix) == 0;
}

bool startsWithTag(QStringView text)
{
    return text.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive);
}

bool isValidZone(QStringView zone)
{
    if (zone.isEmpty() || zone.size() > MaxZoneLength)
        return false;
    return std::all_of(zone.begin(), zone.end(),
                       [](QChar c) { return c != u'%' && c != u'[' && c != u']' && c != u'/'; });
}

// The IPv6 text glibc's inet_ntop() gives for ::/96 (other than :: and ::1) is the deprecated
// IPv4-compatible dotted form ("::0.2.0.3" for ::2:3), which RFC 5952 section 4 does not allow.
// Those two groups are written here instead; everything else is inet_ntop()'s, which follows
// RFC 5952 (checked by tst_ip_address).
QString formatV6(const IpAddress::Bytes &bytes)
{
    static constexpr quint8 zeros[12] = {};
    if (std::memcmp(bytes.data(), zeros, sizeof zeros) == 0 && (bytes[12] | bytes[13]) != 0) {
        const auto group = [&](int i) {
            return QString::number((bytes[i] << 8) | bytes[i + 1], 16);
        };
        return QLatin1String("::") + group(12) + u':' + group(14);
    }
    char text[INET6_ADDRSTRLEN];
    if (inet_ntop(AF_INET6, bytes.data(), text, sizeof text) == nullptr)
        return {};
    return QString::fromLatin1(text);
}

} // namespace

std::optional<IpAddress> IpAddress::parse(QStringView text)
{
    if (text.isEmpty() || text.size() > MaxTextLength)
        return std::nullopt;
    // Printable ASCII only: this also refuses embedded NULs, which would otherwise cut the text
    // short for inet_pton() and let "192.0.2.1\0garbage" through.
    for (QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return std::nullopt;
    }

    QStringView body = text;
    if (body.startsWith(u'[')) {
        if (!body.endsWith(u']'))
            return std::nullopt;
        body = body.mid(1, body.size() - 2);
    }
    bool tagged = false;
    if (startsWithTag(body)) {
        tagged = true;
        body = body.mid(5);
    }
    if (body.contains(u'[') || body.contains(u']'))
        return std::nullopt;

    QStringView zone;
    if (const qsizetype percent = body.indexOf(u'%'); percent >= 0) {
        zone = body.mid(percent + 1);
        body = body.left(percent);
        if (!isValidZone(zone))
            return std::nullopt;
    }
    const bool v6 = body.contains(u':');
    if (body.isEmpty() || (tagged && !v6) || (!zone.isEmpty() && !v6))
        return std::nullopt;

    // All characters are ASCII (checked above), so Latin-1 is the exact byte copy.
    const QByteArray ascii = body.toLatin1();
    IpAddress address;
    if (v6) {
        if (inet_pton(AF_INET6, ascii.constData(), address.m_bytes.data()) != 1)
            return std::nullopt;
        if (isMappedBlock(address.m_bytes)) {
            if (!zone.isEmpty())
                return std::nullopt;
            address.m_family = Family::V4;
            address.m_wasMapped = true;
        } else {
            address.m_family = Family::V6;
            address.m_zone = zone.toString();
        }
    } else {
        if (inet_pton(AF_INET, ascii.constData(), address.m_bytes.data() + 12) != 1)
            return std::nullopt;
        address.m_bytes[10] = address.m_bytes[11] = 0xff;
        address.m_family = Family::V4;
    }
    return address;
}

IpAddress IpAddress::fromV4(quint32 value)
{
    IpAddress address;
    address.m_bytes[10] = address.m_bytes[11] = 0xff;
    qToBigEndian(value, address.m_bytes.data() + 12);
    address.m_family = Family::V4;
    return address;
}

IpAddress IpAddress::fromBytes(const Bytes &bytes)
{
    IpAddress address;
    address.m_bytes = bytes;
    address.m_family = isMappedBlock(bytes) ? Family::V4 : Family::V6;
    return address;
}

IpAddress IpAddress::fromWords(quint64 hi, quint64 lo)
{
    Bytes bytes;
    qToBigEndian(hi, bytes.data());
    qToBigEndian(lo, bytes.data() + 8);
    return fromBytes(bytes);
}

int IpAddress::bitLength() const
{
    switch (m_family) {
    case Family::V4:
        return 32;
    case Family::V6:
        return 128;
    case Family::None:
        break;
    }
    return 0;
}

IpAddress IpAddress::withoutZone() const
{
    IpAddress copy = *this;
    copy.m_zone.clear();
    return copy;
}

quint32 IpAddress::toV4() const
{
    return isV4() ? qFromBigEndian<quint32>(m_bytes.data() + 12) : 0;
}

quint64 IpAddress::hi() const
{
    return qFromBigEndian<quint64>(m_bytes.data());
}

quint64 IpAddress::lo() const
{
    return qFromBigEndian<quint64>(m_bytes.data() + 8);
}

QString IpAddress::toString() const
{
    switch (m_family) {
    case Family::V4: {
        char text[INET_ADDRSTRLEN];
        if (inet_ntop(AF_INET, m_bytes.data() + 12, text, sizeof text) == nullptr)
            return {};
        return QString::fromLatin1(text);
    }
    case Family::V6: {
        QString text = formatV6(m_bytes);
        if (!m_zone.isEmpty())
            text += u'%' + m_zone;
        return text;
    }
    case Family::None:
        break;
    }
    return {};
}

bool operator<(const IpAddress &a, const IpAddress &b)
{
    if (a.m_bytes != b.m_bytes)
        return a.m_bytes < b.m_bytes;
    if (a.m_family != b.m_family)
        return a.m_family < b.m_family;
    return a.m_zone < b.m_zone;
}

size_t qHash(const IpAddress &address, size_t seed) noexcept
{
    const auto &bytes = address.bytes();
    seed = qHashBits(bytes.data(), bytes.size(), seed);
    return qHashMulti(seed, int(address.family()), address.zone());
}

} // namespace Awb
