#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb {

enum class DkimAlgorithm { Unknown, RsaSha1, RsaSha256, Ed25519Sha256 };
enum class DkimCanonicalization { Simple, Relaxed };

// Why a DKIM-Signature (or an ARC-Message-Signature, which shares its tags) cannot be used.
// The names are stable, for evidence and tests.
enum class DkimSignatureError {
    TagSyntax,             // the tag-list itself is broken: "tag-syntax"
    MissingTag,            // a required tag is absent: "missing-tag"
    BadVersion,            // v= is not 1: "bad-version"
    UnknownAlgorithm,      // a= is not one we know: "unknown-algorithm"
    BadBase64,             // b= or bh= is not base64: "bad-base64"
    BadCanonicalization,   // c= is not simple/relaxed: "bad-canonicalization"
    FromNotSigned,         // h= lacks From (RFC 6376 5.4): "from-not-signed"
    IdentityOutsideDomain, // i= is not d= or a subdomain of it: "identity-outside-domain"
    BadNumber,             // l=, t= or x= is not a number: "bad-number"
    ExpiryBeforeTimestamp, // x= is not after t=: "expiry-before-timestamp"
    BadQueryMethod,        // q= names no method we can use (dns/txt): "bad-query-method"
    BadDomain,             // d= or s= is not a domain name: "bad-domain"
};

QString dkimSignatureErrorName(DkimSignatureError error);

struct DkimSignatureProblem
{
    DkimSignatureError error;
    QString detail; // a sentence naming the tag and what is wrong with it
};

// The tags of a DKIM-Signature field (RFC 6376 3.5). Values are as written unless said
// otherwise; a tag that is absent stays empty (or std::nullopt).
struct DkimSignature
{
    QString version;       // v=
    QString algorithmName; // a=, as written
    DkimAlgorithm algorithm = DkimAlgorithm::Unknown;
    QByteArray signature; // b=, decoded
    QByteArray bodyHash;  // bh=, decoded
    QString bodyHashText; // bh= as written, white space removed
    DkimCanonicalization headerCanonicalization = DkimCanonicalization::Simple; // c=
    DkimCanonicalization bodyCanonicalization = DkimCanonicalization::Simple;
    QString domain;                   // d=, lower case, without a trailing dot
    QStringList signedHeaders;        // h=, lower case, in order (repeats kept)
    QString identity;                 // i=; default "@" + d=
    std::optional<qint64> bodyLength; // l=
    QString queryMethods;             // q=; default "dns/txt"
    QString selector;                 // s=, lower case
    std::optional<qint64> timestamp;  // t=
    std::optional<qint64> expiry;     // x=
    // Where the b= value stands in the raw field value: [bValueStart, bValueEnd) is what a
    // verifier empties (RFC 6376 3.7); -1 when there is no b= tag.
    qsizetype bValueStart = -1;
    qsizetype bValueEnd = -1;
    QList<DkimSignatureProblem> problems;

    bool isUsable() const { return problems.isEmpty(); }
    bool hasError(DkimSignatureError error) const;
    QString problemText() const; // the details joined by "; "
};

// Parses the raw value of a DKIM-Signature field (folds kept; positions are byte offsets in
// it). Never fails: every violation of RFC 6376 3.5 and 6.1.1 that makes the signature
// unusable is a named problem. With `arc` the i= tag is an ARC instance number (RFC 8617
// 4.1.2) and From need not be signed.
DkimSignature parseDkimSignature(const QByteArray &rawValue, bool arc = false);

// True when `host` is `domain` or under it (case-insensitive, trailing dots ignored).
bool isSameOrSubdomain(const QString &host, const QString &domain);

} // namespace Awb
