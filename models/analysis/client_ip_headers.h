#pragma once

#include "analysis/chain_analysis.h"

namespace Awb {

class MailMessage;

// The originating-client fields that webmail and submission servers add (X-Originating-IP,
// X-Sender-IP, X-Client-IP...), in message order. They are the sending side's claims.
QList<ClaimedClientIp> claimedClientIps(const MailMessage &message);

} // namespace Awb
