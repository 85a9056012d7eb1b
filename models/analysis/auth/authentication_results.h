#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// One "ptype.property=value" of a result: "smtp.mailfrom=bounce@example.net",
// "header.d=example.net". Type and property are lower case; the value is as written.
struct AuthResultProperty
{
    QString type;
    QString property;
    QString value;
};

// One resinfo of an Authentication-Results field (RFC 8601 2.2): "dkim=pass header.d=...".
struct AuthResult
{
    QString method;        // lower case: "spf", "dkim", "dmarc", "arc", "iprev", "auth"...
    QString methodVersion; // "1" in "dkim/1=pass"; usually empty
    QString result;        // lower case: "pass", "fail", "softfail", "none"...
    QString reason;        // the reason= value, unquoted
    QList<AuthResultProperty> properties;
    QStringList comments; // the comments of this resinfo, as written
    QString text;         // the resinfo as written (white space simplified), for evidence

    // The value of "type.property" ("header.d"), case-insensitive; empty when absent.
    QString property(const QString &typeDotProperty) const;
};

// An Authentication-Results field. Parsing is lenient (real receivers bend the grammar: the
// Microsoft style without an authserv-id is common) and records what it had to bend in
// `problems`, so that a check can tell a well-formed stamp from a sloppy or hostile one.
struct AuthenticationResults
{
    QString authservId;    // as written; empty when the field has none
    QString version;       // the optional authres-version after the authserv-id; empty if absent
    bool noResult = false; // "; none": the receiver evaluated nothing
    QList<AuthResult> results;
    // Named deviations: "no authserv-id", "resinfo without method=result: \"...\"",
    // "unexpected words after the authserv-id: \"...\"", "empty field".
    QStringList problems;

    // The results of one method (lower case), in field order.
    QList<AuthResult> resultsFor(const QString &method) const;
};

// RFC 8601 section 2.2. Never fails: the worst input gives an empty result with problems.
// Comments are removed before reading values (and kept per resinfo for the evidence).
AuthenticationResults parseAuthenticationResults(const QByteArray &rawValue);

} // namespace Awb
