#pragma once

#include "analysis/chain_analysis.h"
#include "analysis/finding.h"
#include "analysis/trust_settings.h"
#include "common/result.h"
#include "enforcement/case_deadlines.h"
#include "policy/enforcement_advisor.h"
#include "policy/liability.h"
#include "store/audit_log.h"
#include "store/case_repository.h"
#include "store/decision_repository.h"
#include "store/notice_repository.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb {

class CaseStore;

// Who the case report is for and as of when.
struct CaseReportOptions
{
    QDateTime now; // the report's "as of"; invalid: the current time
    // True: the desk's own reader (reporters named). False: anyone outside the desk (a customer,
    // their lawyer): every reporter and complainant identity is replaced by the desk's stable
    // tokens, as in notices, in every text of the report including the chain diagram.
    bool internalReader = true;
    int lookBackMonths = 12;
    // The trust settings the chain diagrams are drawn with (the report re-analyses each stored
    // original, since the stored analysis keeps no trust boundary the renderer could draw).
    TrustSettings trust;
};

// A policy clause as the report quotes it, from the pack of the case's policy version.
struct CaseReportClause
{
    QString id;       // "3.2"
    QString title;    // "Deceptive Practices"
    QString text;     // the policy's words
    QString citation; // "Anti-Spam Policy, section 3.2 (Deceptive Practices), version of ..."
};

// One authentication result of a report's original (an Authentication-Results resinfo).
struct CaseReportAuthResult
{
    QString authservId; // who stamped it
    bool trustedStamp = false;
    QString method; // "spf", "dkim", "dmarc", ...
    QString result; // "pass", "fail", ...
    QString detail; // the properties as written ("header.d=example.net")
};

// One report of the case as the report shows it. Texts are already redacted for an external
// reader.
struct CaseReportEntry
{
    qint64 evidenceId = 0;
    QString format;
    QString reporter; // the reporter, or its token for an external reader
    QString subject;
    QString messageId;
    QDateTime receivedAt;
    QDateTime responseDue;
    QString completeness; // "3 of 4: full headers, complete copy, receipt time"
    int completenessCount = 0;
    QByteArray sha256Hex;         // of the stored bytes, recomputed from them
    QByteArray originalSha256Hex; // of the reported original, when the report carried one
    qint64 size = 0;
    QString originIp;
    bool originOurs = false;
    QString originReason;
    QString accountMatch; // how the origin was matched to the case's account
    QList<Finding> findings;
    QList<CaseReportAuthResult> authResults;
    // The re-analysed path (the original's, for a report); empty hops when the bytes no
    // longer parse. Host names are redacted for an external reader.
    ChainAnalysis chain;
    QList<Finding> chainFindings; // the findings of that message, for the diagram's glyphs
};

// One line of the timeline, in time order.
struct CaseReportTimelineItem
{
    QDateTime at;
    QString kind; // "received", "acknowledged", "notice", "customer-response", "decision", ...
    QString text; // one sentence
    QString who;
};

// One day of the account history chart: reports received and account events on that day.
struct CaseReportHistoryDay
{
    QDate day; // UTC
    int reports = 0;
    int events = 0;
};

struct CaseReportHistoryRow
{
    QDateTime at;
    QString kind; // accountEventKindLabel()
    QString reference;
    QString detail;
    bool counted = false; // a confirmed offence inside the window
};

// The decision in force with what the advisor proposed.
struct CaseReportDecision
{
    DecisionRecord record;
    std::optional<Recommendation> recommendation; // nullopt when the advice JSON is unreadable
    std::optional<LiabilityStatement> liability;
    QList<DecisionRecord> earlier; // superseded decisions, oldest first
};

// Everything the printable case report shows, gathered once (QtCore only: the drawing is in
// views/render/case_report.h). Plain data, copyable to another thread.
struct CaseReportData
{
    CaseReportOptions options;
    QDateTime generatedAt;
    CaseRecord record; // without its events (they are in the timeline)
    QString accountName;
    QString accountStatus;
    QString policyTitle; // "Anti-Spam Policy"
    QString policyVersionLabel;
    QByteArray policySha256Hex;
    QList<CaseReportEntry> reports;
    QList<CaseReportClause> clauses; // every clause the findings and the decision engage
    QList<CaseReportTimelineItem> timeline;
    QList<CaseDeadline> deadlines;
    std::optional<CaseReportDecision> decision;
    QList<NoticeRecord> notices; // without their bytes; recipients redacted for outsiders
    QList<CaseReportHistoryDay> historyDays; // every day of the window, oldest first
    QList<CaseReportHistoryRow> historyRows;
    QDateTime windowStart;
    int confirmedOffences = 0; // prior ones: in the window, not this case's own decision
    QString offenceRule;
    QList<AuditEntry> audit;    // the entries of the case
    qint64 auditEntryCount = 0; // of the whole log, when the report was made
    QByteArray auditHeadHash;   // its head hash then
    bool auditIntact = false;
    QString auditProblem;
    QStringList summary; // the executive summary, one sentence each
};

// Loads the case, its reports (stored analyses, re-analysed originals for the diagrams), the
// account history, decisions, notices, deadlines and audit entries, quoting clauses from the
// pack of the case's policy version. An error names the case (or the part that cannot be read).
Result<CaseReportData> loadCaseReportData(CaseStore &store, qint64 caseId,
                                          const CaseReportOptions &options);

// The executive summary in plain sentences, from the gathered data (used by the loader).
QStringList caseReportSummary(const CaseReportData &data);

} // namespace Awb
