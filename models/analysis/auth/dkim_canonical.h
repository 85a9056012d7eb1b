#pragma once

#include "analysis/auth/dkim_signature.h"

#include <QByteArray>

namespace Awb {

// Line breaks as on the wire: every LF not preceded by CR becomes CRLF. Messages are often
// stored with LF only; DKIM signs the CRLF form (RFC 6376 5.3).
QByteArray toCrlf(const QByteArray &bytes);

// The body (the bytes after the header/body separator line) canonicalised per RFC 6376 3.4.3
// (simple) or 3.4.4 (relaxed), after toCrlf(). Simple: trailing empty lines removed, and an
// empty body becomes one CRLF. Relaxed: white space at line ends removed, runs of white space
// made one space, trailing empty lines removed, and an empty body stays empty. The l= limit is
// applied by the caller (it counts canonical octets).
QByteArray canonicalizeBody(const QByteArray &body, DkimCanonicalization canonicalization);

// One header field canonicalised per RFC 6376 3.4.1 (simple: as written) or 3.4.2 (relaxed:
// name lower case, unfolded, white space runs made one space, none at the end or around the
// colon), followed by CRLF. `rawValue` is what follows the colon, folds kept, without the
// field's final line break.
QByteArray canonicalizeHeader(const QByteArray &name, const QByteArray &rawValue,
                              DkimCanonicalization canonicalization);

} // namespace Awb
