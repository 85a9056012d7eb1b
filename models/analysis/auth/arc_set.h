#pragma once

#include "analysis/auth/authentication_results.h"
#include "analysis/auth/dkim_signature.h"
#include "mail/mail_message.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// One ARC header field of a set (RFC 8617 4.1), as found in the message.
struct ArcField
{
    int instance = 0;           // i=; 0 when missing or unreadable
    qsizetype headerIndex = -1; // index in the message's raw header list
    qsizetype offset = -1;      // byte offset of the field in the message
    QString text;               // "Name: value", unfolded and simplified, for evidence
};

// One instance: the three fields an intermediary adds together.
struct ArcInstance
{
    int instance = 0;
    QList<ArcField> seals;             // ARC-Seal fields with this i= (one when valid)
    QList<ArcField> messageSignatures; // ARC-Message-Signature fields
    QList<ArcField> authResults;       // ARC-Authentication-Results fields
    QString chainValidation;           // cv= of the (first) seal, lower case: none/pass/fail
    QString sealDomain;                // d= of the seal
    DkimSignature messageSignature;    // the (first) AMS, parsed with ARC rules
    AuthenticationResults results;     // the (first) AAR after its i= tag
};

// The ARC sets of a message and whether they form a structurally valid chain (RFC 8617 5.1.1
// and 5.2): at most 50 instances, numbered contiguously from 1, exactly one seal, message
// signature and results per instance, cv=none at i=1 only and cv=pass above it, and no
// cv=fail anywhere (a fail ends the chain: whoever added it found it broken). Cryptographic
// verification of seals is not done here.
struct ArcChain
{
    QList<ArcInstance> instances; // by instance number, ascending
    QList<ArcField> unnumbered;   // fields without a readable i=
    QStringList problems;         // named, in the words a report can quote

    bool isPresent() const { return !instances.isEmpty() || !unnumbered.isEmpty(); }
    bool isStructurallyValid() const { return isPresent() && problems.isEmpty(); }
    // cv= of the highest instance; empty when there is none.
    QString latestChainValidation() const;
};

// Reads every ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results field among
// `headers`. Never fails.
ArcChain parseArcChain(const QList<RawHeaderField> &headers);

} // namespace Awb
