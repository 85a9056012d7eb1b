#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <array>
#include <optional>

namespace Awb {

// An IPv4 or IPv6 address as a value: 16 bytes in network order, a family, and for IPv6 an
// optional zone id ("eth0" of fe80::1%eth0).
//
// IPv4 is stored IPv4-mapped (::ffff:a.b.c.d), so every address is one 128-bit number and the
// bytes, the (hi, lo) words and the ordering are the same for both families: IPv4 sorts as the
// block ::ffff:0:0/96. The converse also holds: an address in that block is always IPv4, whether
// it came from "192.0.2.1", "::ffff:192.0.2.1" or fromWords(); an IPv6 address is never mapped.
// Only parse() records that the text was written mapped (wasMapped()), so that a finding can say
// "written as ::ffff:192.0.2.1".
//
// A default-constructed address is null: no family, toString() empty, sorting before all others.
class IpAddress
{
public:
    enum class Family : quint8 { None, V4, V6 };
    using Bytes = std::array<quint8, 16>;

    // The longest text parse() looks at; longer input is refused without further work.
    static constexpr int MaxTextLength = 128;

    IpAddress() = default;

    // Reads one address, strictly; nullopt when the text is anything else. Accepted:
    // - IPv4 dotted quad: exactly four decimal parts of 0-255. Leading zeros ("010.1.1.1") are
    //   refused: inet_aton() and BSD tools read them as octal, others as decimal, and an address
    //   that two programs read differently is no evidence. "1.2.3", hex and integer forms are
    //   refused for the same reason.
    // - IPv6 in every RFC 4291 text form, with an embedded IPv4 tail, and an optional zone id
    //   "%zone" (1-64 printable ASCII characters, none of "%[]/"). Zones are refused on addresses
    //   that turn out to be IPv4.
    // - Either inside brackets "[...]", and IPv6 behind the RFC 5321 address-literal tag "IPv6:"
    //   (any case), with or without brackets: "[IPv6:2001:db8::1]". "IPv6:" before an IPv4 address
    //   is refused, as RFC 5321 allows only an IPv6 address there.
    // No whitespace, no port, no embedded NUL or other control character: callers trim.
    // The conversion itself is libc's inet_pton(); this function only peels the decorations.
    static std::optional<IpAddress> parse(QStringView text);

    // IPv4 from its number in host byte order (0xC0000201 is 192.0.2.1).
    static IpAddress fromV4(quint32 address);
    // From the 16 bytes / the two big-endian words; the IPv4-mapped block gives IPv4. These are
    // the inverses of bytes() and hi()/lo(), for addresses read back from a database.
    static IpAddress fromBytes(const Bytes &bytes);
    static IpAddress fromWords(quint64 hi, quint64 lo);

    bool isNull() const { return m_family == Family::None; }
    Family family() const { return m_family; }
    bool isV4() const { return m_family == Family::V4; }
    bool isV6() const { return m_family == Family::V6; }
    // 32 for IPv4, 128 for IPv6, 0 for null.
    int bitLength() const;

    // True when parse() read an IPv4 address written IPv4-mapped ("::ffff:192.0.2.1").
    bool wasMapped() const { return m_wasMapped; }
    // The IPv6 zone id without '%', empty when there is none.
    const QString &zone() const { return m_zone; }
    IpAddress withoutZone() const;

    // IPv4 in host byte order; 0 for IPv6 and null addresses.
    quint32 toV4() const;
    // All 16 bytes in network order (IPv4 mapped).
    const Bytes &bytes() const { return m_bytes; }
    // The 128-bit number as two words, for range columns in a database: (0, 0xffffc0000201) for
    // 192.0.2.1. Compare pairs as unsigned; SQLite's signed INTEGER needs the sign bit flipped.
    quint64 hi() const;
    quint64 lo() const;

    // Canonical text: IPv4 dotted quad, IPv6 as RFC 5952 section 4 says (lower case, leading
    // zeros dropped, the longest run of two or more zero groups as "::", the first on a tie, no
    // dotted tail), then "%zone" when there is one. Empty for a null address.
    QString toString() const;

    // Ordered by the 128-bit number, then family (null before ::), then zone. wasMapped() is
    // how the text was written, not part of the value, and does not take part.
    friend bool operator==(const IpAddress &a, const IpAddress &b)
    {
        return a.m_bytes == b.m_bytes && a.m_family == b.m_family && a.m_zone == b.m_zone;
    }
    friend bool operator!=(const IpAddress &a, const IpAddress &b) { return !(a == b); }
    friend bool operator<(const IpAddress &a, const IpAddress &b);
    friend bool operator>(const IpAddress &a, const IpAddress &b) { return b < a; }
    friend bool operator<=(const IpAddress &a, const IpAddress &b) { return !(b < a); }
    friend bool operator>=(const IpAddress &a, const IpAddress &b) { return !(a < b); }

private:
    Bytes m_bytes{};
    Family m_family = Family::None;
    bool m_wasMapped = false;
    QString m_zone;
};

size_t qHash(const IpAddress &address, size_t seed = 0) noexcept;

} // namespace Awb

Q_DECLARE_TYPEINFO(Awb::IpAddress, Q_RELOCATABLE_TYPE);
