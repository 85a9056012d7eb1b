#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb {

class CaseStore;

// The policy version in force when a case is opened, unless the settings name another: the
// IX.CM Anti-Spam Policy of 10 December 2025 (policy section IX: a case keeps its version).
inline constexpr char kDefaultPolicyVersion[] = "2025-12-10";
// Public case ids: PREFIX-YEAR-SEQUENCE, "IXCM-ABUSE-2026-000123" (the subject tag of notices).
inline constexpr char kDefaultCaseIdPrefix[] = "IXCM-ABUSE";

// A case's life: open -> awaiting-customer -> actioned -> closed, in any order the desk needs.
QStringList caseStatusKeys(); // "open", "awaiting-customer", "actioned", "closed"

// One report of a case, with what the lists show of it.
struct CaseReportRecord
{
    qint64 evidenceId = 0;
    QByteArray sha256Hex;
    QString messageId;
    QString subject;
    QString format;   // "arf", "spamcop", ..., "message"
    QString originIp; // the origin the analysis found (the original's, for a report)
    QDateTime receivedAt;
    QDateTime addedAt;
    QString reason; // why it is in this case
};

// One entry of a case's append-only history.
struct CaseEventRecord
{
    qint64 id = 0;
    // "opened", "report-added", "merge", "split", "move", "status", and from schema 7 "owner",
    // "notes", "decision", "notice", "customer-response"; from schema 9 "attributed" (new value:
    // the account).
    QString kind;
    qint64 evidenceId = 0; // the report concerned, 0 when none
    QString otherCaseId;   // public id of the other case of a merge, split or move
    // status, owner, notes: the old and the new value. decision: the proposed and the chosen
    // action ("termination", "suspension of 14 days"; old empty when nothing was proposed).
    // notice: new = the notice type, old = the recipient role. customer-response: new = the
    // summary.
    QString oldValue;
    QString newValue;
    QString who;
    QDateTime at;
    QString why;
};

struct CaseRecord
{
    qint64 id = 0;
    QString publicId;  // "IXCM-ABUSE-2026-000123"
    QString accountId; // empty when unattributed
    QString originKey; // the origin network that keys an unattributed case (also kept otherwise)
    QString kind;      // "complaint", "opt-out"
    QString status;
    QString severity; // "info".."critical"
    QString owner;
    QString policyVersion; // "2025-12-10"
    QDateTime openedAt;
    QDateTime responseDue; // the earliest report's receipt + 72 hours; invalid when empty
    QString notes;
    QString mergedInto; // public id of the case this one was merged into, empty otherwise
    QList<CaseReportRecord> reports; // by receipt time, then evidence id
    QList<CaseEventRecord> events;   // in order; filled by caseById() only
};

// A case to open, as grouping proposes it.
struct NewCaseInput
{
    QString accountId; // empty when unattributed
    QString originKey;
    QString kind = QStringLiteral("complaint");
    QString severity = QStringLiteral("info");
    QString policyVersion = QString::fromLatin1(kDefaultPolicyVersion);
    struct Report
    {
        qint64 evidenceId = 0;
        QString reason;
    };
    QList<Report> reports;
};

// What one grouping run writes: reports joining existing cases, and new cases.
struct CaseAssignmentPlan
{
    struct Addition
    {
        qint64 caseId = 0;
        qint64 evidenceId = 0;
        QString reason;
        QString severity; // the report's; raises the case's severity, never lowers it
    };
    QList<Addition> additions;
    QList<NewCaseInput> newCases;
};

// A report of a case that is still open to new reports.
struct CaseMember
{
    qint64 caseId = 0;
    qint64 evidenceId = 0;
    QString accountId; // the case's, which an analyst's move or merge may have made the report's
    QString kind;      // the case's: "complaint", "opt-out"
};

// Cases (schema 5): reports grouped by account and campaign, with status, severity, owner,
// policy version, the section V deadline, notes, and an append-only history of every merge,
// split, move and status change with who, when and why.
//
// Each write is one transaction (a savepoint inside CaseStore::begin()): it lands whole or not
// at all, together with its entries in the audit log (audit_log.h, schema 7). A report is in at
// most one case (case_reports.evidence_id is UNIQUE). Cases are never deleted: a merged case is
// closed and points at the case it went into, so its public id, which may already stand in sent
// notices, still leads somewhere. `now` is the clock (invalid: the current time), fixed by tests so
// that ids and times are stable.
//
// Borrows the CaseStore, which must outlive it; same threading rules as the CaseStore.
class CaseRepository
{
public:
    explicit CaseRepository(CaseStore &store,
                            QString casePrefix = QString::fromLatin1(kDefaultCaseIdPrefix));

    // Stored reports (evidence with an analysis) in no case, by evidence id.
    Result<QList<qint64>> unassignedReports() const;
    // The reports of cases that can still take new reports (not closed, not merged) and hold a
    // report received at or after `since` (invalid: any time), by case id then evidence id.
    Result<QList<CaseMember>> openCaseMembers(const QDateTime &since) const;

    // Writes a grouping run; returns the ids of the new cases in plan order. Each new case is
    // numbered in the year of `now`, records an "opened" event and one "report-added" event per
    // report (with its reason); additions record "report-added" on their case.
    Result<QList<qint64>> assign(const CaseAssignmentPlan &plan, const QString &who,
                                 const QDateTime &now = {});

    // Moves every report of `from` into `into`; `from` is closed and records merged_into. Both
    // cases record a "merge" event. Fails when they are the same case or either was merged.
    Status merge(qint64 into, qint64 from, const QString &who, const QString &why,
                 const QDateTime &now = {});
    // Opens a new case for `evidenceIds` (reports of `caseId`) with the same account, origin,
    // kind, severity and policy version; both cases record a "split" event. Fails unless every
    // id is a report of the case and at least one report stays behind.
    Result<qint64> split(qint64 caseId, const QList<qint64> &evidenceIds, const QString &who,
                         const QString &why, const QDateTime &now = {});
    // Moves one report to another case; both cases record a "move" event. The case left
    // behind keeps its (possibly now empty) record.
    Status move(qint64 evidenceId, qint64 toCase, const QString &who, const QString &why,
                const QDateTime &now = {});
    Status setStatus(qint64 caseId, const QString &status, const QString &who, const QString &why,
                     const QDateTime &now = {});

    // The analyst who owns the case (empty: nobody) and the case's notes. Each change records an
    // "owner" or "notes" event with the old and new values, and an audit entry; setting the
    // value the case already has records nothing. `who` empty: the store's actor.
    Status setOwner(qint64 caseId, const QString &owner, const QString &who,
                    const QDateTime &now = {});
    Status setNotes(qint64 caseId, const QString &notes, const QString &who,
                    const QDateTime &now = {});
    // Gives an unattributed open case (open or awaiting the customer, not merged) its account:
    // an "attributed" event with `why` and an audit entry. For reports grouped before the account
    // directory knew their addresses (cases/case_attribution.h). Fails for a case that has an
    // account, is closed, actioned or merged, and without a reason.
    Status attributeToAccount(qint64 caseId, const QString &accountId, const QString &who,
                              const QString &why, const QDateTime &now = {});
    // What the customer answered (a summary; the message itself, when it came by mail, is
    // evidence of its own), at `at` (invalid: now): a "customer-response" event and an audit
    // entry. Fails on an empty summary.
    Status recordCustomerResponse(qint64 caseId, const QString &summary, const QString &who,
                                  const QDateTime &at = {});

    // All cases by id, with their reports (not their events).
    Result<QList<CaseRecord>> cases() const;
    // One case with reports and events; an error naming the id when there is none.
    Result<CaseRecord> caseById(qint64 caseId) const;
    // Accepts a public id ("IXCM-ABUSE-2026-000123") or the numeric row id.
    Result<qint64> resolve(const QString &idText) const;
    // The case holding a report, nullopt when none does.
    Result<std::optional<qint64>> caseOfReport(qint64 evidenceId) const;

private:
    CaseStore &m_store;
    QString m_prefix;
};

} // namespace Awb
