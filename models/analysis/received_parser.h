#pragma once

#include "analysis/received_hop.h"

#include <QByteArray>
#include <QList>

namespace Awb {

// Reads one Received header value (the bytes after "Received:", folded or not, CRLF or LF).
// Never fails and never throws: an unknown format yields whatever could be read (any IP
// literal, a date after the last ';') with Completeness::Partial, and text with nothing
// recognisable yields Completeness::None. Linear in the input size; pure QtCore, no shared
// state, safe to call from any thread.
ReceivedHop parseReceived(const QByteArray &rawValue);

// Reads the Received headers of one message, given top first as they stand in the header
// (index 0 is the newest hop, written by the final receiver), and fills in the delays.
QList<ReceivedHop> parseReceivedChain(const QList<QByteArray> &rawValues);

// Sets delaySeconds/delayValid/delayNegative of every hop: hop i gets date[i] - date[i+1].
// The last (oldest) hop and hops with an invalid date on either side get delayValid = false.
void computeHopDelays(QList<ReceivedHop> &hops);

} // namespace Awb
