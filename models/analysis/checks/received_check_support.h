#pragma once

// Private to the Received checks: how they word evidence and read hops. Not part of the core's
// interface; nothing outside models/analysis/checks/ includes this.

#include "analysis/chain_analysis.h"
#include "analysis/check.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include "analysis/host_names.h"

namespace Awb {

class MailMessage;

namespace ReceivedChecks {

// Every visible string of the Received checks is translated in this one context.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ReceivedChecks)
};

// The groups, one per source file; received_checks.cpp joins them.
void appendPathChecks(QList<const Check *> &list);
void appendTimeChecks(QList<const Check *> &list);
void appendAddressChecks(QList<const Check *> &list);
void appendOriginChecks(QList<const Check *> &list);
void appendIdentityChecks(QList<const Check *> &list);

// Who wrote the "from" part of hop i. Receiver hops above the boundary are the record; the
// boundary hop's rDNS and IP were witnessed by the receiver, but its HELO is what the sender
// said; claimed hops below the boundary are the sender's own text from end to end.
bool isClaimed(const ChainAnalysis &chain, int hop);
// The HELO and name of this hop are the sender's words: the boundary hop or a claimed hop.
bool isSenderSpeaking(const ChainAnalysis &chain, int hop);

// "mx.northwind-deals.example [203.0.113.12]", with " (HELO x)" when the HELO is another name;
// "an unnamed sender" when the stamp names nobody.
QString describeSender(const ReceivedHop &hop);
// The receiving host as written, or "an unnamed server".
QString describeReceiver(const ReceivedHop &hop);
// "Hop 2 (claimed by the sending side, not witnessed)" and the like, to start a sentence.
QString describeHop(const ChainAnalysis &chain, int hop);

// "2026-11-02 09:14:22 UTC (written as Mon, 2 Nov 2026 11:31:07 +0200)".
QString describeDate(const ReceivedHop &hop);
// "16 min 45 s", "1 h 17 min 2 s", "2 d 3 h".
QString describeDuration(qint64 seconds);

using Awb::isUnderDomain; // analysis/host_names.h
using Awb::normalizedHost;
using Awb::sameHost;
// True for "[192.0.2.1]", "192.0.2.1", "IPv6:2001:db8::1" and other address literals.
bool looksLikeAddressLiteral(const QString &name);

// What the receiver recorded about the client's reverse DNS.
enum class RdnsState {
    Recorded,   // a name, and nothing says it failed verification
    Unverified, // a name that the receiver says did not resolve back (Sendmail's "may be forged")
    Absent,     // the receiver shows that it found no name (Postfix/qmail "unknown", Exim "[ip]")
    Unrecorded, // this stamp format does not record rDNS (Microsoft, Lotus...): nothing known
};
RdnsState rdnsState(const ReceivedHop &hop);

// Does the older hop's receiving host (`lower.by`) name the machine that the newer hop saw
// connecting (`upper`'s HELO, name, rDNS or address)? Same host, a short name for it, the same
// organisational domain, or the same large mail provider all count as connected.
bool handoffConnects(const ReceivedHop &upper, const ReceivedHop &lower);

// The address part of the first From field, lower case; empty when there is none.
QString fromAddressDomain(const MailMessage &message);

} // namespace ReceivedChecks
} // namespace Awb
