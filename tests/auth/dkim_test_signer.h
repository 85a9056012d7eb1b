#pragma once

// Signs test messages with keys made at test time (OpenSSL), so that no private key is ever
// committed. Used by the DKIM and the whole-message check tests.

#include <QByteArray>
#include <QString>

#include <memory>

namespace AwbTest {

class DkimTestKey
{
public:
    enum class Type { Rsa2048, Rsa1024, Rsa512, Ed25519 };

    explicit DkimTestKey(Type type);
    ~DkimTestKey();
    DkimTestKey(const DkimTestKey &) = delete;
    DkimTestKey &operator=(const DkimTestKey &) = delete;

    bool isValid() const;
    // The p= value: base64 SubjectPublicKeyInfo (RSA) or the raw 32-byte key (Ed25519).
    QByteArray publicKeyBase64() const;
    // A zone-file line publishing the key as selector._domainkey.domain.
    QByteArray zoneRecord(const QString &selector, const QString &domain) const;
    // Signs `data` as DKIM does: RSA PKCS#1 v1.5 with SHA-256 (or SHA-1), Ed25519 over the
    // SHA-256 of `data` (RFC 8463).
    QByteArray sign(const QByteArray &data, bool sha1 = false) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

struct SignOptions
{
    QString domain = QStringLiteral("shop.example");
    QString selector = QStringLiteral("s2026");
    QString canonicalization = QStringLiteral("relaxed/relaxed");
    QString headers = QStringLiteral("from:to:subject:date:message-id");
    QString algorithm = QStringLiteral("rsa-sha256");
    qint64 bodyLength = -1; // l= when >= 0
};

// Returns `message` with a DKIM-Signature field prepended before its first "From:" field (or at
// the top), signed with `key`; empty on failure.
QByteArray signMessage(const QByteArray &message, const DkimTestKey &key,
                       const SignOptions &options = {});

// The embedded message of a report: the part after "Content-Type: <type>" up to the closing
// delimiter of the enclosing multipart (whose boundary is the report's first). Enough for the
// demo reports; the report recognisers do this properly elsewhere.
QByteArray embeddedMessage(const QByteArray &report, const QByteArray &type);

} // namespace AwbTest
