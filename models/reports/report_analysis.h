#pragma once

#include "analysis/finding.h"
#include "analysis/message_analysis.h"
#include "reports/report.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace Awb {

class MailMessage;
struct CheckInfo;
struct TrustSettings;

// When a report reached the abuse mailbox: section V's 72-hour clock starts here.
struct Receipt
{
    enum class Source {
        OurServer, // the topmost Received stamp written by one of our mail servers
        Import,    // no such stamp: the time the report was imported
    };
    QDateTime at; // UTC
    Source source = Source::Import;
    int hop = -1;        // the stamp, for Source::OurServer
    QString explanation; // "stamped by mx1.ix.cm (hop 0)", "import time: no stamp by our servers"
};

QString receiptSourceKey(Receipt::Source source); // "our-server", "import"

// Everything the analysis says about one imported message that may be a report.
struct ReportAnalysis
{
    Report report; // format Message when it is not a report
    ReportCompleteness completeness;
    MessageAnalysis message; // the message itself (for a report: the reporter's mail)
    std::optional<MessageAnalysis> original; // the reported message, when the report has one
    QList<Finding> reportFindings; // report.*: what the reporter claims against what it shows
    Receipt receipt;
    QDateTime responseDeadline; // receipt + 72 hours (section V)
};

// The response time of section V.
constexpr int ResponseHours = 72;

// Recognises the report, analyses the report mail and its original, compares the reporter's
// claims (Source-IP, Arrival-Date) with the original's chain, and dates the receipt. `importTime`
// is the fallback receipt time. Never fails.
ReportAnalysis analyzeReport(const MailMessage &message, const TrustSettings &trust,
                             const QDateTime &importTime);

// The report.* checks, for the catalogue (`awb checks`).
const QList<CheckInfo> &reportCheckCatalogue();

} // namespace Awb
