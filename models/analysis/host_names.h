#pragma once

#include <QString>

namespace Awb {

// Host names as DNS compares them: lower case, surrounding brackets of an address literal and
// trailing dots removed. Shared by the chain analysis and every check group.
QString normalizedHost(const QString &host);
bool sameHost(const QString &a, const QString &b);
// True when host is domain or a name under it ("a.b.example" is under "b.example").
bool isUnderDomain(const QString &host, const QString &domain);

// The registrable part of a host name as far as it can be told without the Public Suffix List:
// the last two labels, or three under well-known two-level suffixes ("co.uk", "com.hk"). Lower
// case, without a trailing dot; empty for IP literals and single labels.
QString organisationalDomain(const QString &host);

} // namespace Awb
