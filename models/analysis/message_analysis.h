#pragma once

#include "analysis/chain_analysis.h"
#include "analysis/finding.h"

#include <QDateTime>
#include <QList>

namespace Awb {

class Check;
class MailMessage;
struct TrustSettings;

// Everything the analysis says about one message.
struct MessageAnalysis
{
    ChainAnalysis chain;
    QList<Finding> findings; // in registry order, then hop order
    QDateTime referenceTime; // what "now" was for the checks (UTC)
};

// Parses the Received chain, finds the trust boundary and origin, and runs every registered
// check. `referenceTime` is when the message was received (the report's receipt, the import
// time); when invalid, the top hop's date is used, else the current time.
MessageAnalysis analyzeMessage(const MailMessage &message, const TrustSettings &trust,
                               const QDateTime &referenceTime = {});

// The same with a chosen set of checks instead of the registry (for tests of one group).
MessageAnalysis analyzeMessage(const MailMessage &message, const TrustSettings &trust,
                               const QDateTime &referenceTime, const QList<const Check *> &checks);

} // namespace Awb
