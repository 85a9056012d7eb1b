#include "dkim_test_signer.h"

#include "analysis/auth/dkim_signature.h"
#include "analysis/auth/dkim_verifier.h"
#include "mail/mail_message.h"

#include <QRegularExpression>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace AwbTest {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct MdContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

} // namespace

struct DkimTestKey::Private
{
    std::unique_ptr<EVP_PKEY, PkeyDeleter> key;
    bool ed25519 = false;
};

DkimTestKey::DkimTestKey(Type type)
    : d(std::make_unique<Private>())
{
    d->ed25519 = type == Type::Ed25519;
    const unsigned bits = type == Type::Rsa2048 ? 2048 : type == Type::Rsa1024 ? 1024 : 512;
    d->key.reset(d->ed25519 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
                            : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits)));
}

DkimTestKey::~DkimTestKey() = default;

bool DkimTestKey::isValid() const
{
    return d->key != nullptr;
}

QByteArray DkimTestKey::publicKeyBase64() const
{
    if (d->ed25519) {
        QByteArray raw(32, Qt::Uninitialized);
        size_t length = 32;
        EVP_PKEY_get_raw_public_key(d->key.get(), reinterpret_cast<unsigned char *>(raw.data()),
                                    &length);
        return raw.left(qsizetype(length)).toBase64();
    }
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(d->key.get(), &der);
    const QByteArray out = QByteArray(reinterpret_cast<const char *>(der), length).toBase64();
    OPENSSL_free(der);
    return out;
}

QByteArray DkimTestKey::zoneRecord(const QString &selector, const QString &domain) const
{
    return QStringLiteral("%1._domainkey.%2. 300 IN TXT ( \"v=DKIM1; k=%3; \" \"p=%4\" )\n")
        .arg(selector, domain, d->ed25519 ? QStringLiteral("ed25519") : QStringLiteral("rsa"),
             QString::fromLatin1(publicKeyBase64()))
        .toLatin1();
}

QByteArray DkimTestKey::sign(const QByteArray &data, bool sha1) const
{
    std::unique_ptr<EVP_MD_CTX, MdContextDeleter> context(EVP_MD_CTX_new());
    QByteArray input = data;
    if (d->ed25519) {
        QByteArray hash(32, Qt::Uninitialized);
        unsigned int length = 0;
        EVP_Digest(data.constData(), size_t(data.size()),
                   reinterpret_cast<unsigned char *>(hash.data()), &length, EVP_sha256(), nullptr);
        input = hash;
    }
    const EVP_MD *md = d->ed25519 ? nullptr : sha1 ? EVP_sha1() : EVP_sha256();
    if (EVP_DigestSignInit(context.get(), nullptr, md, nullptr, d->key.get()) != 1)
        return {};
    size_t length = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
    if (EVP_DigestSign(context.get(), nullptr, &length, in, size_t(input.size())) != 1)
        return {};
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       in, size_t(input.size())) != 1)
        return {};
    signature.resize(qsizetype(length));
    return signature;
}

QByteArray signMessage(const QByteArray &message, const DkimTestKey &key,
                       const SignOptions &options)
{
    // The body: after the first empty line (LF or CRLF).
    qsizetype split = message.indexOf("\n\n");
    qsizetype bodyStart = split + 2;
    const qsizetype crlf = message.indexOf("\r\n\r\n");
    if (crlf >= 0 && (split < 0 || crlf < split)) {
        split = crlf;
        bodyStart = crlf + 4;
    }
    const QByteArray body = split < 0 ? QByteArray() : message.mid(bodyStart);

    QByteArray field = QStringLiteral("DKIM-Signature: v=1; a=%1; c=%2; d=%3; s=%4;\n\th=%5;")
                           .arg(options.algorithm, options.canonicalization, options.domain,
                                options.selector, options.headers)
                           .toLatin1();
    if (options.bodyLength >= 0)
        field += " l=" + QByteArray::number(options.bodyLength) + ";";
    Awb::DkimSignature draft = Awb::parseDkimSignature(field.mid(15) + " bh=AA==; b=AA==");
    const QByteArray bodyHash = Awb::dkimBodyHash(draft, body).toBase64();
    field += "\n\tbh=" + bodyHash + ";\n\tb=";

    const qsizetype from = message.startsWith("From:") ? 0 : message.indexOf("\nFrom:") + 1;
    QByteArray unsignedMessage = message;
    unsignedMessage.insert(from, field + "\n");
    auto parsed = Awb::MailMessage::parse(unsignedMessage);
    if (!parsed)
        return {};
    const QList<Awb::RawHeaderField> headers = parsed->rawHeaders();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (headers.at(i).name != "DKIM-Signature")
            continue;
        const Awb::DkimSignature signature = Awb::parseDkimSignature(headers.at(i).rawValue);
        const QByteArray data = Awb::dkimSignedData(signature, headers, i);
        const QByteArray b = key.sign(data, options.algorithm == QLatin1String("rsa-sha1"));
        if (b.isEmpty())
            return {};
        QByteArray signedMessage = message;
        signedMessage.insert(from, field + b.toBase64() + "\n");
        return signedMessage;
    }
    return {};
}

QByteArray embeddedMessage(const QByteArray &report, const QByteArray &type)
{
    static const QRegularExpression boundary(QStringLiteral("boundary=\"?([^\";\\r\\n]+)\"?"));
    const QString b = boundary.match(QString::fromLatin1(report)).captured(1);
    const qsizetype part = report.indexOf("Content-Type: " + type);
    if (b.isEmpty() || part < 0)
        return {};
    qsizetype start = report.indexOf("\n\n", part);
    start = start < 0 ? -1 : start + 2;
    const qsizetype crlf = report.indexOf("\r\n\r\n", part);
    if (crlf >= 0 && (start < 0 || crlf + 4 < start))
        start = crlf + 4;
    qsizetype end = report.indexOf("\n--" + b.toLatin1(), start);
    if (end > 0 && report.at(end - 1) == '\r')
        --end;
    return report.mid(start, end - start);
}

} // namespace AwbTest
