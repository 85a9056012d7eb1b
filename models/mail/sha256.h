#pragma once

#include <QByteArray>

namespace Awb {

// SHA-256 through OpenSSL's EVP interface (uses the CPU's SHA instructions; several times
// faster than QCryptographicHash in Qt 6.4). Returns the 32 raw bytes.
QByteArray sha256(const QByteArray &data);
QByteArray sha256Hex(const QByteArray &data);

} // namespace Awb
