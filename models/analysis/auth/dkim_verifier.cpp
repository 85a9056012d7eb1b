#include "dkim_verifier.h"

#include "dkim_canonical.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace Awb {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct MdContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using MdContextPtr = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;

const unsigned char *bytesOf(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

QByteArray digest(const EVP_MD *md, const QByteArray &data)
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()),
                   reinterpret_cast<unsigned char *>(out.data()), &length, md, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    out.resize(length);
    return out;
}

// RSA keys are SubjectPublicKeyInfo by RFC 6376 3.6.1; some signers publish the bare PKCS#1
// RSAPublicKey, which verifiers commonly accept, and so do we.
PkeyPtr rsaKey(const QByteArray &der)
{
    const unsigned char *p = bytesOf(der);
    PkeyPtr key(d2i_PUBKEY(nullptr, &p, long(der.size())));
    if (!key) {
        p = bytesOf(der);
        key.reset(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, long(der.size())));
    }
    ERR_clear_error();
    if (key && EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        key.reset();
    return key;
}

bool isHeaderName(const QByteArray &a, const QString &lowerName)
{
    return QString::fromLatin1(a).trimmed().compare(lowerName, Qt::CaseInsensitive) == 0;
}

} // namespace

QByteArray dkimBodyHash(const DkimSignature &signature, const QByteArray &body, QString *problem)
{
    const EVP_MD *md = signature.algorithm == DkimAlgorithm::RsaSha1   ? EVP_sha1()
                       : signature.algorithm == DkimAlgorithm::Unknown ? nullptr
                                                                       : EVP_sha256();
    if (!md) {
        if (problem)
            *problem = QStringLiteral("unknown algorithm");
        return {};
    }
    QByteArray canonical = canonicalizeBody(body, signature.bodyCanonicalization);
    if (signature.bodyLength) {
        // RFC 6376 6.1.3: a body shorter than l= cannot be the signed one.
        if (*signature.bodyLength > canonical.size()) {
            if (problem)
                *problem = QStringLiteral("l=%1 is longer than the body (%2 canonical octets)")
                               .arg(*signature.bodyLength)
                               .arg(canonical.size());
            return {};
        }
        canonical.truncate(qsizetype(*signature.bodyLength));
    }
    return digest(md, canonical);
}

QByteArray dkimSignedData(const DkimSignature &signature, const QList<RawHeaderField> &headers,
                          qsizetype signatureIndex)
{
    QByteArray data;
    QList<bool> used(headers.size(), false);
    if (signatureIndex >= 0 && signatureIndex < headers.size())
        used[signatureIndex] = true;
    for (const QString &name : signature.signedHeaders) {
        for (qsizetype i = headers.size() - 1; i >= 0; --i) {
            if (used.at(i) || !isHeaderName(headers.at(i).name, name))
                continue;
            used[i] = true;
            data += canonicalizeHeader(headers.at(i).name, headers.at(i).rawValue,
                                       signature.headerCanonicalization);
            break;
        }
    }
    if (signatureIndex < 0 || signatureIndex >= headers.size())
        return data;
    const RawHeaderField &field = headers.at(signatureIndex);
    QByteArray value = field.rawValue;
    if (signature.bValueStart >= 0 && signature.bValueEnd <= value.size() &&
        signature.bValueStart <= signature.bValueEnd)
        value.remove(signature.bValueStart, signature.bValueEnd - signature.bValueStart);
    QByteArray own = canonicalizeHeader(field.name, value, signature.headerCanonicalization);
    own.chop(2); // the signature field is hashed without its final CRLF
    return data + own;
}

bool verifyDkimData(DkimAlgorithm algorithm, const DkimKeyRecord &key, const QByteArray &data,
                    const QByteArray &signature, QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        ERR_clear_error();
        return false;
    };
    if (key.revoked)
        return fail(QStringLiteral("the key has been revoked (empty p=)"));
    if (!key.problems.isEmpty())
        return fail(QStringLiteral("the key record is unusable: %1")
                        .arg(key.problems.join(QStringLiteral("; "))));
    const bool ed25519 = algorithm == DkimAlgorithm::Ed25519Sha256;
    if (algorithm == DkimAlgorithm::Unknown)
        return fail(QStringLiteral("unknown algorithm"));
    if ((key.keyType == QLatin1String("ed25519")) != ed25519)
        return fail(
            QStringLiteral("the key type k=%1 does not fit the algorithm").arg(key.keyType));
    const QString hash =
        algorithm == DkimAlgorithm::RsaSha1 ? QStringLiteral("sha1") : QStringLiteral("sha256");
    if (!key.hashAlgorithms.isEmpty() && !key.hashAlgorithms.contains(hash))
        return fail(QStringLiteral("the key does not allow %1 (h=%2)")
                        .arg(hash, key.hashAlgorithms.join(QLatin1Char(':'))));

    PkeyPtr pkey;
    if (ed25519) {
        if (key.publicKey.size() != 32)
            return fail(QStringLiteral("an Ed25519 key must be 32 bytes"));
        pkey.reset(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytesOf(key.publicKey),
                                               size_t(key.publicKey.size())));
    } else {
        pkey = rsaKey(key.publicKey);
        if (pkey && EVP_PKEY_get_bits(pkey.get()) < 1024)
            return fail(QStringLiteral("the RSA key has %1 bits, fewer than 1024 (RFC 8301)")
                            .arg(EVP_PKEY_get_bits(pkey.get())));
    }
    if (!pkey)
        return fail(QStringLiteral("the public key cannot be read"));

    MdContextPtr context(EVP_MD_CTX_new());
    if (!context)
        return fail(QStringLiteral("out of memory"));
    // RFC 8463: Ed25519 signs the SHA-256 of the header data ("pure" Ed25519, no digest in
    // the verify context); RSA signs the data with PKCS#1 v1.5 and the algorithm's digest.
    const EVP_MD *md = ed25519                               ? nullptr
                       : algorithm == DkimAlgorithm::RsaSha1 ? EVP_sha1()
                                                             : EVP_sha256();
    const QByteArray message = ed25519 ? digest(EVP_sha256(), data) : data;
    if (EVP_DigestVerifyInit(context.get(), nullptr, md, nullptr, pkey.get()) != 1)
        return fail(QStringLiteral("the key cannot verify this algorithm"));
    if (EVP_DigestVerify(context.get(), bytesOf(signature), size_t(signature.size()),
                         bytesOf(message), size_t(message.size())) != 1)
        return fail(QStringLiteral("the signature does not match the signed headers"));
    return true;
}

DkimVerification verifyDkimSignature(const DkimSignature &signature,
                                     const QList<RawHeaderField> &headers, qsizetype signatureIndex,
                                     const std::optional<QByteArray> &body,
                                     const DkimKeyProvider *keys)
{
    DkimVerification v;
    if (!signature.isUsable()) {
        v.bodyHashProblem = v.signatureProblem =
            QStringLiteral("the signature is malformed: %1").arg(signature.problemText());
        return v;
    }
    const QByteArray bodyBytes = body.value_or(QByteArray());
    v.computedBodyHash = dkimBodyHash(signature, bodyBytes, &v.bodyHashProblem);
    const bool noBody = !body || body->isEmpty();
    if (v.computedBodyHash == signature.bodyHash)
        v.bodyHash = DkimBodyHashStatus::Match;
    else if (noBody)
        v.bodyHash = DkimBodyHashStatus::BodyNotIncluded; // also when l= exceeds "no body"
    else if (!v.computedBodyHash.isEmpty())
        v.bodyHash = DkimBodyHashStatus::Mismatch;

    if (!keys) {
        v.signatureProblem = QStringLiteral("no key source is configured");
        return v;
    }
    const std::optional<QByteArray> record = keys->txtRecord(signature.selector, signature.domain);
    if (!record) {
        v.signatureProblem = QStringLiteral("%1 has no key record for %2._domainkey.%3")
                                 .arg(keys->describe(), signature.selector, signature.domain);
        return v;
    }
    const DkimKeyRecord key = parseDkimKeyRecord(*record);
    v.keySource = keys->describe();
    if (key.flags.contains(QLatin1String("s"))) {
        // t=s: the identity must be in d= itself, not a subdomain (RFC 6376 3.6.1).
        const QString idDomain = signature.identity.mid(signature.identity.lastIndexOf(u'@') + 1);
        if (idDomain.compare(signature.domain, Qt::CaseInsensitive) != 0) {
            v.signature = DkimSignatureStatus::Invalid;
            v.signatureProblem = QStringLiteral("the key is strict (t=s) but i= is a subdomain");
            return v;
        }
    }
    if (key.revoked || !key.problems.isEmpty()) {
        verifyDkimData(signature.algorithm, key, {}, {}, &v.signatureProblem);
        v.signature = key.revoked ? DkimSignatureStatus::Invalid : DkimSignatureStatus::NotChecked;
        return v;
    }
    const QByteArray data = dkimSignedData(signature, headers, signatureIndex);
    v.signature =
        verifyDkimData(signature.algorithm, key, data, signature.signature, &v.signatureProblem)
            ? DkimSignatureStatus::Valid
            : DkimSignatureStatus::Invalid;
    return v;
}

} // namespace Awb
