#pragma once

#include "analysis/host_names.h"
#include "analysis/received_hop.h"
#include "network/address_scope.h"
#include "network/ip_address.h"

#include <QList>
#include <QString>

#include <optional>

namespace Awb {

struct TrustSettings;

// Who wrote a Received stamp, as far as the analysis can tell.
enum class HopTrust {
    Receiver, // written by a receiving server we believe (above the boundary): the record
    Boundary, // the receiver's stamp that witnessed the origin connecting: the last record
    Claimed,  // below the boundary: written by the sender side, claimed and not witnessed
};

QString hopTrustName(HopTrust trust); // "receiver", "boundary", "claimed"

// One Received hop with what the analysis knows about its connecting address.
struct ChainHop
{
    ReceivedHop parsed;
    std::optional<IpAddress> ip; // the connecting IP, when one was read and is valid
    AddressScope scope = AddressScope::Unspecified;
    bool inTrusted = false; // ip is in TrustSettings::trusted
    bool inOurs = false;    // ip is in TrustSettings::ours
    HopTrust trust = HopTrust::Claimed;
};

// Where the message came from, and why the analysis says so.
struct Origin
{
    QString ip;   // empty when no origin could be named
    int hop = -1; // the boundary hop that recorded it
    bool ours = false;
    QString reason; // a sentence for the analyst (and the customer's lawyer)
};

// An originating-client header (X-Originating-IP and the like): the client address a webmail or
// submission server says it saw. Shown as a claim, never used as the origin.
struct ClaimedClientIp
{
    QString header; // the field name as written
    QString value;  // the value as written
    QString ip;     // canonical, empty when the value holds no valid address
};

struct ChainAnalysis
{
    QList<ChainHop> hops; // index 0 = the top (newest) Received header
    int boundaryHop = -1; // index of the HopTrust::Boundary hop, -1 when there is none
    Origin origin;
    QList<ClaimedClientIp> claimedClientIps;
};

// Walks the chain from the top. A hop from our networks is the boundary (the origin is ours).
// Otherwise a hop is the receivers' own (and the walk goes on) when its connecting IP is
// trusted, private-like or SMTP-authenticated, or when it is a hand-off inside the receiving
// organisation (LMTP, or a non-dynamic rDNS in the receiving host's domain). The first hop that
// is none of these is the boundary and its connecting IP the origin, so a hop below it that
// claims one of our addresses never makes the origin ours. Everything below the boundary is
// claimed.
ChainAnalysis analyzeChain(const QList<ReceivedHop> &hops, const TrustSettings &trust);

} // namespace Awb
