#pragma once

#include <QString>
#include <QStringList>

namespace Awb {

// The "format" values of JSON Schema that the bundled XARF schemas use, checked as assertions
// (the XARF samples rely on that: an invalid date or address must fail). Each check follows the
// RFC the JSON Schema specification names for it:
//   date-time, date  RFC 3339 section 5.6 ("T" or "t" between date and time, real calendar
//                    dates, offsets within a day, second 60 for a leap second)
//   email            RFC 5321 Mailbox, simplified: a non-empty local part without spaces or
//                    controls, "@", and a hostname or an address literal
//   hostname         RFC 1123: labels of 1-63 letters, digits and hyphens, not starting or
//                    ending with a hyphen, 253 characters at most (a trailing dot allowed)
//   ipv4, ipv6       RFC 2673 dotted quad without leading zeros / RFC 4291 text forms, no zone
//   uri              RFC 3986 absolute URI: a scheme, then only URI characters, valid %HH
//   uuid             RFC 4122 8-4-4-4-12 hex digits
QStringList supportedSchemaFormats();

// True when `text` has the format; *known is false for a format not in the list above.
bool matchesSchemaFormat(const QString &format, const QString &text, bool *known);

} // namespace Awb
