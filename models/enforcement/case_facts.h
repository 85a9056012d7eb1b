#pragma once

#include "accounts/account_history.h"
#include "analysis/finding.h"
#include "common/result.h"
#include "store/case_repository.h"
#include "store/listing_repository.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb {

class CaseStore;

// A finding as the stored analysis recorded it, with the report it came from.
struct CaseFinding
{
    Finding finding;
    qint64 evidenceId = 0;
    bool aboutOriginal = false; // found in the reported original (not in the report around it)
};

// One report of a case, read back from its stored analysis (the `awb analyze --json` object):
// what the reporter said, what the chain showed, and who must never be named to the customer.
struct CaseReportFacts
{
    qint64 evidenceId = 0;
    QByteArray sha256Hex;
    QByteArray originalSha256Hex; // of the reported original, when the report carried one
    QString format;               // "arf", ..., "message"
    QString messageId;            // of the report
    QString originalMessageId;
    QString subject;          // of the original when there is one, else of the report
    QString originalFrom;     // the From of the original (the customer's message)
    QString originalDate;     // RFC 3339 text as stored
    QString reporter;         // the reporter field (a host, an organisation)
    QString reportFrom;       // the From of the report (a person or a feedback loop)
    QStringList complainants; // recipients of the original (original_rcpt_to) and the report
    QString originIp;
    int originHop = -1;
    QString originReason;
    QStringList receivedFields; // the original's Received fields, top first, as recorded
    // The original's header block exactly as received (the report's own when it carried no
    // original): the source of the redacted excerpt in notices. Empty when unreadable.
    QByteArray originalHeaderBlock;
    QDateTime receivedAt; // section V receipt
    QDateTime responseDue;
    // Section V completeness: full headers, complete copy, receipt time, description.
    bool fullHeaders = false;
    bool completeMessage = false;
    bool receiptTimestamp = false;
    bool description = false;
    int incidents = 0;           // what the report counts (an ARF Incidents field), 0 when unsaid
    QList<CaseFinding> findings; // the original's first, then the report's own
};

// Everything the advisor, the notices and the case report need to know of one case, loaded once.
struct CaseFacts
{
    CaseRecord record;                     // with reports and events
    QList<CaseReportFacts> reports;        // in the case's report order
    std::optional<AccountHistory> history; // nullopt for an unattributed case
    QList<StoredListing> listings;         // of the case's account, oldest first
    QDateTime now;

    // Every distinct reporter and complainant address or name, and the domains of those
    // addresses, for redaction.
    QStringList personalTerms() const;
    int distinctReporters() const;
};

// Loads a case with its reports' stored analyses, the account's history as of `now` over the
// look-back window, and the account's listings. An error names the case or the evidence whose
// stored analysis cannot be read.
Result<CaseFacts> loadCaseFacts(CaseStore &store, qint64 caseId, const QDateTime &now,
                                int lookBackMonths);

// Reads one stored analysis (exposed for tests and the case report).
Result<CaseReportFacts> reportFactsFromAnalysis(qint64 evidenceId, const QByteArray &analysisJson);

} // namespace Awb
