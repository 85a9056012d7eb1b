#pragma once

// Private to the authentication checks: who wrote an authentication stamp, how evidence quotes
// header fields, and the message parts the DKIM checks need. Nothing outside
// models/analysis/auth/ includes this.

#include "analysis/auth/authentication_results.h"
#include "analysis/auth/dkim_verifier.h"
#include "analysis/auth/received_spf.h"
#include "analysis/check.h"
#include "mail/mail_message.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Awb::AuthChecks {

// Every visible string of the authentication checks is translated in this one context.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::AuthChecks)
};

// The groups, one per source file; auth_checks.cpp joins them.
void appendResultChecks(QList<const Check *> &list);
void appendDkimChecks(QList<const Check *> &list);

// "Name: value" unfolded, white space simplified, cut at `limit` characters: the field as a
// person reads it in the evidence.
QString fieldText(const RawHeaderField &field, int limit = 600);
// The field's bytes in the message: from its name to the end of its value (folds included).
SourceLocation fieldLocation(const RawHeaderField &field);

// Who wrote a stamp (an Authentication-Results or Received-SPF field), judged by where it
// stands among the Received fields and, for Authentication-Results, by its authserv-id:
//
// - Above the trust boundary hop's Received field: written by the receivers above the
//   boundary. Trusted when TrustSettings::trustedAuthservIds is empty (the default: position
//   alone decides), or when it lists the field's authserv-id.
// - Between the boundary's Received field and the next Received field below it: where Gmail
//   and many milters put the boundary receiver's own results. Trusted only when the
//   authserv-id is listed (or, with an empty list, names the boundary receiver's organisation)
//   and no field above the boundary already carries that authserv-id: a receiver stamps once,
//   and RFC 8601 section 5 has it delete incoming stamps in its own name, so a second one is
//   the sender's copy.
// - Anywhere lower: written by the sending side, a claim however it is worded.
// Without any Received field nothing is trusted; when every hop is the receivers' own, the
// bottom hop stands in for the boundary.
struct StampTrust
{
    bool trusted = false;
    // Below the receivers' place, yet in the name of a trusted authserv-id or a receiving host:
    // the sending side impersonating a receiver.
    bool namesReceiver = false;
    QString reason; // why it is or is not believed, a sentence for the evidence
};

struct ResultsField
{
    RawHeaderField field;
    AuthenticationResults results;
    StampTrust trust;
};

struct SpfField
{
    RawHeaderField field;
    ReceivedSpf spf;
    StampTrust trust;
};

QList<ResultsField> resultsFields(const AnalysisContext &context);
QList<SpfField> receivedSpfFields(const AnalysisContext &context);

// The domain of the first From address, lower case; empty when there is none.
QString fromDomain(const MailMessage &message);
// DMARC relaxed alignment (RFC 7489 3.1): the same organisational domain.
bool alignedRelaxed(const QString &a, const QString &b);

// The bytes after the header/body separator; std::nullopt when the message has no separator.
std::optional<QByteArray> messageBody(const MailMessage &message);

// One DKIM-Signature of the message with what verifying it found.
struct SignatureReport
{
    RawHeaderField field;
    DkimSignature signature;
    DkimVerification verification;
};
// Parses and verifies every DKIM-Signature, with the program's key provider (dkim_key.h).
QList<SignatureReport> dkimSignatures(const MailMessage &message);
// "d=example.net s=fbl2026 a=rsa-sha256 c=relaxed/relaxed".
QString describeSignature(const DkimSignature &signature);

} // namespace Awb::AuthChecks
