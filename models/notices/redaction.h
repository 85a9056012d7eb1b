#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// One replacement, for the desk's internal records (never for the customer: `original` is
// exactly what had to be hidden).
struct Redaction
{
    QString original; // the text that was replaced, as it stood
    QString token;    // what stands there now
    QString where;    // "To", "Received for", "reporter identity", "link parameter u", ...
};

struct RedactedText
{
    QString text;
    // Each (original, token) pair once, in the order it was first replaced.
    QList<Redaction> redactions;
};

// Replaces the reporter's and the complainant's identity with stable opaque tokens before
// evidence is shown to a customer, in the manner of RFC 6590:
//   token(v)          = "redacted-" + the first 16 hex digits of HMAC-SHA256(key, normalised v)
//   redactAddress(a)  = token(a) + "@redacted.invalid"
// The same value gives the same token everywhere (so a customer can still see that two reports
// came from the same complainant) and, without the key, nobody can check a guessed address
// against a token. Values are normalised before hashing: addresses lower-cased without angle
// brackets, other values with blanks collapsed and case folded.
//
// The input is never changed: every function returns new text and the list of replacements.
// Redaction is a safety net for text whose origin we know (header blocks, evidence lines); it
// cannot recognise a complainant in prose it was not told about, which is why the caller gives
// every identity it knows (addIdentity) and why redactHeaders() learns the recipients it finds.
class Redactor
{
public:
    explicit Redactor(QByteArray key);

    // A name, an address or any other string (an IP address, a domain) that must not reach a
    // customer. Values containing '@' are addresses; everything else is matched as whole words.
    void addIdentity(const QString &value);
    QStringList identities() const;
    // A value that is never learned as an identity nor replaced as one by redactText(): the
    // desk's own address, the customer's own address. (Inside a recipient field of a header
    // block it is still replaced: the field is replaced whole, whoever it names.)
    void keepVisible(const QString &value);

    QString token(const QString &value) const;
    QString redactAddress(const QString &address) const;

    // A header block (fields with their folds, as in a message). Replaces the addresses and
    // display names of the recipient fields (To, Cc, Bcc, Delivered-To, X-Original-To,
    // Envelope-To, Original-Rcpt-To, Original-Recipient, Final-Recipient, Removal-Recipient and
    // the like), the address of "for <...>" in Received, the reporter IP of X-Reporter-IP,
    // then, everywhere, what redactText() replaces. Every identity found in those fields is
    // learned, so that later calls to redactText() replace it too.
    RedactedText redactHeaders(const QString &headerBlock);

    // Any text: every known identity in plain, percent-encoded, VERP (local=domain) and base64
    // form; in links, the values of query parameters, long opaque path segments and fragments;
    // and any base64 run that decodes to text holding an address.
    RedactedText redactText(const QString &text) const;

private:
    QByteArray m_key;
    QStringList m_addresses; // normalised
    QStringList m_words;     // names and other values, as given (simplified)
    QStringList m_visible;   // normalised like addresses, compared case-insensitively
};

} // namespace Awb
