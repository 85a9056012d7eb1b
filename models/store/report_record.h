#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Awb {

// What the analysis concluded about one stored message, as the store keeps it (plain data: the
// store knows nothing of the analysis types). Written once, when the message is imported.
struct ReportRecord
{
    QString format; // "arf", "xarf", ..., "message" when it is not a report
    QString formatVersion;
    QString reporter;
    QString feedbackType;
    QString claimedSourceIp;  // what the reporter names
    QDateTime claimedArrival; // what the reporter says, UTC
    QString originIp;         // what the chain shows (the original's, for a report)
    bool originOurs = false;
    QDateTime receivedAt;  // section V receipt, UTC
    QString receiptSource; // "our-server" or "import"
    QString receiptExplanation;
    QDateTime responseDue;    // receivedAt + 72 hours
    int completenessMask = 0; // 1 full headers, 2 complete copy, 4 receipt time, 8 description
    QString completenessSummary;
    int findingCount = 0;
    QString topSeverity;     // "high"..., empty when there are no findings
    QByteArray analysisJson; // the `awb analyze --json` object, compact
};

} // namespace Awb
