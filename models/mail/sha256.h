#pragma once

#include <QByteArray>

namespace Awb {

// SHA-256 through OpenSSL's EVP interface (uses the CPU's SHA instructions; several times
// faster than QCryptographicHash in Qt 6.4). Returns the 32 raw bytes.
QByteArray sha256(const QByteArray &data);
QByteArray sha256Hex(const QByteArray &data);

// Incremental SHA-256 for content that arrives in pieces (a decoded MIME part read through a
// stream), so that hashing never needs the whole content in memory. Not copyable.
class Sha256Hasher
{
public:
    Sha256Hasher();
    ~Sha256Hasher();
    Sha256Hasher(const Sha256Hasher &) = delete;
    Sha256Hasher &operator=(const Sha256Hasher &) = delete;

    void addData(const char *data, qsizetype length);
    void addData(const QByteArray &data) { addData(data.constData(), data.size()); }
    // The 32 raw bytes of the digest of everything added. Ends the hasher: call once.
    QByteArray result();

private:
    void *m_context; // EVP_MD_CTX, kept opaque so no OpenSSL header leaks out
};

} // namespace Awb
