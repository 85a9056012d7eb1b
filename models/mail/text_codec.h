#pragma once

// Private to models/mail: turning bytes of uncertain charset into Unicode without ever failing.

#include <QByteArray>
#include <QString>

namespace Awb {

bool isValidUtf8(const QByteArray &bytes);

// Windows-1252 to UTF-8. Every byte maps to a character: the five bytes that Windows-1252
// leaves undefined become the C1 controls of the same value, as the WHATWG encoding standard
// does, so no input byte is lost.
QByteArray windows1252ToUtf8(const QByteArray &bytes);

// The fallback for text whose charset is unknown or absent: the bytes as UTF-8 when they are
// valid UTF-8 (plain ASCII is), else as Windows-1252 (a superset of ISO-8859-1 for printable
// text, and what undeclared 8-bit mail most often is).
QByteArray utf8OrWindows1252ToUtf8(const QByteArray &bytes);
QString decodeWithFallback(const QByteArray &bytes);

// Bytes in a declared MIME charset (any name iconv knows, through GMime's alias table).
// An unknown, missing or ASCII charset uses decodeWithFallback(); ISO-8859-1 is read as
// Windows-1252, as browsers and mail readers do, since senders routinely mislabel it.
QString decodeWithCharset(const QByteArray &bytes, const QByteArray &charset);

} // namespace Awb
