#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Awb {

// An IP address as text, normalised so that two spellings of one address compare equal.
struct IpText
{
    QString address;     // IPv4 dotted quad, or IPv6 lower case compressed as RFC 5952 says
    bool v6 = false;     // address is IPv6
    bool mapped = false; // written as ::ffff:a.b.c.d (or hex); address holds the IPv4 a.b.c.d
    QString zone;        // IPv6 zone id ("eth0" of fe80::1%eth0), without the '%'
    int port = -1;       // a port written after the address (":25", or a fifth ".25" part)
};

// Reads one address as Received headers write it: bare, in brackets or parentheses, with an
// "IPv6:" prefix (RFC 5321 address literal), a zone id, or a trailing port. Returns nullopt when
// the text is not an address (host names, "[unix socket]", "?.?.?.?", out-of-range octets).
// IPv4 octets must be 0-255 and exactly four; leading zeros are read as decimal.
std::optional<IpText> normaliseIp(QStringView text);

} // namespace Awb
