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

// One line of a decision's liability statement (policy sections 6.2, 6.3), in integer cents:
// amountCents must be exactly quantity * unitCents.
struct LiabilityLineRecord
{
    qint64 id = 0;    // 0 until stored
    int position = 0; // 1, 2, ...; 0 in a record to store: its place in the list
    QString kind;     // "incident", "delisting", "remediation", "administration", "legal", ...
    QString description;
    qint64 quantity = 0;
    qint64 unitCents = 0;
    qint64 amountCents = 0;
};

// The analyst's decision on a case (policy section 6.1), next to what the advisor proposed.
struct DecisionRecord
{
    qint64 id = 0; // 0 until stored
    qint64 caseId = 0;
    QString proposedAction;  // an action key, empty when no proposal was made
    int proposedDays = 0;    // a proposed suspension's length; 0 when none
    QByteArray adviceJson;   // the advisor's recommendation as JSON, kept as given
    QString chosenAction;    // "warning", "suspension", "termination", "termination-liability"
    int chosenDays = 0;      // the suspension's length; 0 when none
    bool overridden = false; // the analyst departed from the proposal; needs a reason
    QString reason;
    QString who;               // empty: the store's actor
    QDateTime decidedAt;       // UTC; invalid: now
    QString policyVersion;     // empty: the case's policy version
    QDateTime suspensionStart; // only for a suspension; invalid when not set
    QDateTime suspensionEnd;
    QList<LiabilityLineRecord> lines;

    qint64 totalCents() const;
};

// Decisions of cases (schema 7, case_decisions and liability_lines). Append-only: a new
// decision supersedes the earlier ones and the latest is the one in force, so the record shows
// every change of mind. record() writes the decision, its lines, a "decision" event of the case
// and an audit entry ("decision", or "override" with the reason) in one transaction. It does not
// change the case's status: the caller does that, with its own event.
//
// Borrows the CaseStore, which must outlive it; same threading rules as the CaseStore.
class DecisionRepository
{
public:
    explicit DecisionRepository(CaseStore &store);

    // "warning", "suspension", "termination", "termination-liability".
    static QStringList actionKeys();

    // Refused, with a sentence naming the case and the reason: an unknown case or action, an
    // override without a reason, a chosen action other than the proposed one not marked as an
    // override, suspension dates on anything but a suspension (or ending before they start), a
    // liability line whose amount is not quantity times unit price.
    Result<qint64> record(const DecisionRecord &decision);

    // Oldest first, each with its lines.
    Result<QList<DecisionRecord>> forCase(qint64 caseId) const;
    // The decision in force; nullopt when the case has none.
    Result<std::optional<DecisionRecord>> latest(qint64 caseId) const;

private:
    CaseStore &m_store;
};

} // namespace Awb
