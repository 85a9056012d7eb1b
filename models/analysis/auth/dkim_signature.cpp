#include "dkim_signature.h"

#include "auth_text.h"

#include <QRegularExpression>

namespace Awb {

namespace {

QString normalizedDomain(const QString &name)
{
    QString d = name.trimmed().toLower();
    while (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    return d;
}

const QRegularExpression &domainPattern()
{
    // Labels of letters, digits, '-' and '_' (selectors use '_' in practice), dot-separated.
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,"
                       "62}))*$"));
    return pattern;
}

std::optional<qint64> readNumber(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    return text.toLongLong();
}

class Reader
{
public:
    Reader(DkimSignature &signature, const AuthText::TagList &tags)
        : m_signature(signature)
        , m_tags(tags)
    {}

    void fail(DkimSignatureError error, const QString &detail)
    {
        m_signature.problems.append({error, detail});
    }

    const AuthText::Tag *require(const char *name)
    {
        const AuthText::Tag *tag = m_tags.find(QLatin1String(name));
        if (!tag)
            fail(DkimSignatureError::MissingTag,
                 QStringLiteral("no %1= tag").arg(QLatin1String(name)));
        return tag;
    }

    QString value(const char *name) const
    {
        const AuthText::Tag *tag = m_tags.find(QLatin1String(name));
        return tag ? tag->value : QString();
    }

    std::optional<qint64> number(const char *name)
    {
        const AuthText::Tag *tag = m_tags.find(QLatin1String(name));
        if (!tag)
            return std::nullopt;
        const auto n = readNumber(AuthText::withoutWhitespace(tag->value));
        if (!n)
            fail(DkimSignatureError::BadNumber, QStringLiteral("%1=%2 is not a number")
                                                    .arg(QLatin1String(name), tag->value.left(40)));
        return n;
    }

private:
    DkimSignature &m_signature;
    const AuthText::TagList &m_tags;
};

DkimAlgorithm algorithmOf(const QString &name)
{
    const QString a = name.toLower();
    if (a == QLatin1String("rsa-sha256"))
        return DkimAlgorithm::RsaSha256;
    if (a == QLatin1String("rsa-sha1"))
        return DkimAlgorithm::RsaSha1;
    if (a == QLatin1String("ed25519-sha256"))
        return DkimAlgorithm::Ed25519Sha256;
    return DkimAlgorithm::Unknown;
}

bool readCanonicalization(const QString &text, DkimCanonicalization &out)
{
    const QString c = text.toLower();
    if (c == QLatin1String("simple"))
        out = DkimCanonicalization::Simple;
    else if (c == QLatin1String("relaxed"))
        out = DkimCanonicalization::Relaxed;
    else
        return false;
    return true;
}

} // namespace

QString dkimSignatureErrorName(DkimSignatureError error)
{
    switch (error) {
    case DkimSignatureError::TagSyntax:
        return QStringLiteral("tag-syntax");
    case DkimSignatureError::MissingTag:
        return QStringLiteral("missing-tag");
    case DkimSignatureError::BadVersion:
        return QStringLiteral("bad-version");
    case DkimSignatureError::UnknownAlgorithm:
        return QStringLiteral("unknown-algorithm");
    case DkimSignatureError::BadBase64:
        return QStringLiteral("bad-base64");
    case DkimSignatureError::BadCanonicalization:
        return QStringLiteral("bad-canonicalization");
    case DkimSignatureError::FromNotSigned:
        return QStringLiteral("from-not-signed");
    case DkimSignatureError::IdentityOutsideDomain:
        return QStringLiteral("identity-outside-domain");
    case DkimSignatureError::BadNumber:
        return QStringLiteral("bad-number");
    case DkimSignatureError::ExpiryBeforeTimestamp:
        return QStringLiteral("expiry-before-timestamp");
    case DkimSignatureError::BadQueryMethod:
        return QStringLiteral("bad-query-method");
    case DkimSignatureError::BadDomain:
        return QStringLiteral("bad-domain");
    }
    return {};
}

bool DkimSignature::hasError(DkimSignatureError error) const
{
    for (const DkimSignatureProblem &p : problems) {
        if (p.error == error)
            return true;
    }
    return false;
}

QString DkimSignature::problemText() const
{
    QStringList parts;
    for (const DkimSignatureProblem &p : problems)
        parts.append(p.detail);
    return parts.join(QStringLiteral("; "));
}

bool isSameOrSubdomain(const QString &host, const QString &domain)
{
    const QString h = normalizedDomain(host);
    const QString d = normalizedDomain(domain);
    if (h.isEmpty() || d.isEmpty())
        return false;
    return h == d || (h.endsWith(d) && h.at(h.size() - d.size() - 1) == QLatin1Char('.'));
}

DkimSignature parseDkimSignature(const QByteArray &rawValue, bool arc)
{
    DkimSignature sig;
    // Latin-1: one character per byte, so tag positions are byte offsets in rawValue.
    const AuthText::TagList tags = AuthText::parseTagList(QString::fromLatin1(rawValue));
    Reader reader(sig, tags);
    for (const QString &error : tags.errors)
        reader.fail(DkimSignatureError::TagSyntax, error);

    if (!arc && reader.require("v")) {
        sig.version = reader.value("v");
        if (sig.version != QLatin1String("1"))
            reader.fail(DkimSignatureError::BadVersion,
                        QStringLiteral("v=%1 is not 1").arg(sig.version.left(20)));
    }
    if (reader.require("a")) {
        sig.algorithmName = reader.value("a");
        sig.algorithm = algorithmOf(sig.algorithmName);
        if (sig.algorithm == DkimAlgorithm::Unknown)
            reader.fail(
                DkimSignatureError::UnknownAlgorithm,
                QStringLiteral("a=%1 is not a known algorithm").arg(sig.algorithmName.left(40)));
    }
    if (const AuthText::Tag *b = reader.require("b")) {
        bool ok = false;
        sig.signature = AuthText::decodeBase64(b->value, &ok);
        sig.bValueStart = b->valueStart;
        sig.bValueEnd = b->valueEnd;
        if (!ok || sig.signature.isEmpty())
            reader.fail(DkimSignatureError::BadBase64, QStringLiteral("b= is not base64"));
    }
    if (const AuthText::Tag *bh = reader.require("bh")) {
        bool ok = false;
        sig.bodyHashText = AuthText::withoutWhitespace(bh->value);
        sig.bodyHash = AuthText::decodeBase64(bh->value, &ok);
        if (!ok || sig.bodyHash.isEmpty())
            reader.fail(DkimSignatureError::BadBase64, QStringLiteral("bh= is not base64"));
    }
    const QString c = AuthText::withoutWhitespace(reader.value("c"));
    if (!c.isEmpty()) {
        const QStringList parts = c.split(QLatin1Char('/'));
        // "relaxed" alone is relaxed headers and simple body (RFC 6376 3.5, c=).
        if (parts.size() > 2 || !readCanonicalization(parts.first(), sig.headerCanonicalization) ||
            (parts.size() == 2 && !readCanonicalization(parts.at(1), sig.bodyCanonicalization)))
            reader.fail(DkimSignatureError::BadCanonicalization,
                        QStringLiteral("c=%1 is not simple or relaxed").arg(c.left(40)));
    }
    if (reader.require("d")) {
        sig.domain = normalizedDomain(reader.value("d"));
        if (!domainPattern().match(sig.domain).hasMatch())
            reader.fail(DkimSignatureError::BadDomain,
                        QStringLiteral("d=%1 is not a domain name").arg(sig.domain.left(80)));
    }
    if (reader.require("s")) {
        sig.selector = normalizedDomain(reader.value("s"));
        if (!domainPattern().match(sig.selector).hasMatch())
            reader.fail(DkimSignatureError::BadDomain,
                        QStringLiteral("s=%1 is not a selector").arg(sig.selector.left(80)));
    }
    if (reader.require("h")) {
        for (const QString &name : reader.value("h").split(QLatin1Char(':'))) {
            const QString n = AuthText::withoutWhitespace(name).toLower();
            if (!n.isEmpty())
                sig.signedHeaders.append(n);
        }
        if (!arc && !sig.signedHeaders.contains(QLatin1String("from")))
            reader.fail(DkimSignatureError::FromNotSigned, QStringLiteral("h= does not list From"));
    }
    if (!arc) {
        sig.identity = reader.value("i");
        if (sig.identity.isEmpty() && !sig.domain.isEmpty())
            sig.identity = QLatin1Char('@') + sig.domain;
        const qsizetype at = sig.identity.lastIndexOf(QLatin1Char('@'));
        if (!sig.domain.isEmpty() &&
            (at < 0 || !isSameOrSubdomain(sig.identity.mid(at + 1), sig.domain)))
            reader.fail(
                DkimSignatureError::IdentityOutsideDomain,
                QStringLiteral("i=%1 is not in d=%2").arg(sig.identity.left(80), sig.domain));
    }
    sig.bodyLength = reader.number("l");
    sig.timestamp = reader.number("t");
    sig.expiry = reader.number("x");
    if (sig.timestamp && sig.expiry && *sig.expiry <= *sig.timestamp)
        reader.fail(DkimSignatureError::ExpiryBeforeTimestamp,
                    QStringLiteral("x=%1 is not after t=%2").arg(*sig.expiry).arg(*sig.timestamp));
    sig.queryMethods = AuthText::withoutWhitespace(reader.value("q"));
    if (sig.queryMethods.isEmpty())
        sig.queryMethods = QStringLiteral("dns/txt");
    if (!sig.queryMethods.split(QLatin1Char(':'))
             .contains(QLatin1String("dns/txt"), Qt::CaseInsensitive))
        reader.fail(DkimSignatureError::BadQueryMethod,
                    QStringLiteral("q=%1 does not include dns/txt").arg(sig.queryMethods.left(40)));
    return sig;
}

} // namespace Awb
