#pragma once

#include "analysis/auth/dkim_key.h"
#include "analysis/auth/dkim_signature.h"
#include "mail/mail_message.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Awb {

enum class DkimBodyHashStatus {
    Match,
    Mismatch,        // the body we hold is not the body that was signed
    BodyNotIncluded, // no body (headers only, as in text/rfc822-headers): nothing to compare
    NotComputed,     // the signature is unusable, or l= is longer than the body
};

enum class DkimSignatureStatus {
    NotChecked, // no key provider, no key record, or the signature is unusable: see keyProblem
    Valid,      // the signature over the headers verifies with the published key
    Invalid,    // it does not: the signed headers (or the signature) are not what was signed
};

// What verifying one DKIM-Signature found. The body hash and the header signature are judged
// separately: a valid header signature with a body hash mismatch shows that the headers are
// as signed and only the body changed after signing.
struct DkimVerification
{
    DkimBodyHashStatus bodyHash = DkimBodyHashStatus::NotComputed;
    QByteArray computedBodyHash; // raw digest; empty when not computed
    QString bodyHashProblem;     // why NotComputed
    DkimSignatureStatus signature = DkimSignatureStatus::NotChecked;
    QString signatureProblem; // why NotChecked or Invalid ("no key record for ...")
    QString keySource;        // the provider's describe(), when a key was used

    bool passes() const
    {
        return bodyHash == DkimBodyHashStatus::Match && signature == DkimSignatureStatus::Valid;
    }
};

// The body hash of RFC 6376 3.7: canonicalised body, cut to l= when given, hashed with the
// algorithm's digest (SHA-1 for rsa-sha1, SHA-256 otherwise). Empty when the algorithm is
// unknown or l= exceeds the canonical body (`problem` says which).
QByteArray dkimBodyHash(const DkimSignature &signature, const QByteArray &body,
                        QString *problem = nullptr);

// The data the header signature covers (RFC 6376 3.7, 5.4.2): the fields named in h=, each
// instance taken from the bottom up, canonicalised; then the signature field itself
// (headers[signatureIndex]) with the b= value emptied and no final CRLF. Names in h= without a
// (further) field contribute nothing.
QByteArray dkimSignedData(const DkimSignature &signature, const QList<RawHeaderField> &headers,
                          qsizetype signatureIndex);

// Checks `signature` over `data` with a key record's public key; false with `error` saying why
// (unusable key, wrong key type or hash for the algorithm, RSA key under 1024 bits (RFC 8301),
// or a signature that does not verify).
bool verifyDkimData(DkimAlgorithm algorithm, const DkimKeyRecord &key, const QByteArray &data,
                    const QByteArray &signature, QString *error);

// Verifies the DKIM-Signature at headers[signatureIndex]. `body` is the bytes after the
// header/body separator, std::nullopt when the message has none. `keys` may be null: then only
// the body hash is checked.
DkimVerification verifyDkimSignature(const DkimSignature &signature,
                                     const QList<RawHeaderField> &headers, qsizetype signatureIndex,
                                     const std::optional<QByteArray> &body,
                                     const DkimKeyProvider *keys);

} // namespace Awb
