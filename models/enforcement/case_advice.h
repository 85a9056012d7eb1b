#pragma once

#include "common/result.h"
#include "enforcement/case_facts.h"
#include "policy/enforcement_advisor.h"
#include "policy/liability.h"
#include "store/decision_repository.h"
#include "store/notice_repository.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace Awb {

class CaseStore;

// A case, what the advisor was told about it, and what it proposes (policy section 6.1).
struct CaseAdvice
{
    CaseFacts facts;
    AdvisorInput input;
    Recommendation recommendation;
};

// The advisor's input from a case's facts and notices. The case itself never counts as its own
// prior offence (once decided, it is "actioned" and would otherwise count against itself); nor
// does a case merged into it. A notice whose response deadline passed without a customer
// response recorded after it is a missed deadline.
AdvisorInput advisorInputFromFacts(const CaseFacts &facts, const QList<NoticeRecord> &notices);

// Loads the case and asks the advisor. `now` fixes the clock (invalid: the current time).
Result<CaseAdvice> adviseCase(CaseStore &store, qint64 caseId, const AdvisorSettings &settings,
                              const QDateTime &now = {});

// What the analyst decided, with what a liability statement needs (policy 6.2, 6.3).
struct DecisionRequest
{
    AnalystDecision decision;
    QString who;               // empty: the store's actor
    QDateTime suspensionStart; // invalid: now
    qint64 perIncidentCents = kMinimumIncidentCents;
    QList<LiabilityCharge> charges;
    qint64 setupCents = 0;   // setup charges forfeited (6.3)
    qint64 creditsCents = 0; // account credits forfeited (6.3)
    // The case's complaint campaign is an incident of its own besides the listings (6.2's
    // definition); the analyst may leave it out when only the listings are to be charged.
    bool campaignIsIncident = true;
};

struct RecordedDecision
{
    qint64 decisionId = 0;
    DecisionRecord record;
    std::optional<LiabilityStatement> liability; // for termination-liability only
};

// Validates the decision against the advice (an override needs a reason), builds the liability
// statement for a termination with liability, and records the decision with the advice and the
// statement as JSON, in one transaction with the case's move to "actioned" (a confirmed
// offence: the desk has acted on it). Errors name the case and the reason.
Result<RecordedDecision> decideCase(CaseStore &store, const CaseAdvice &advice,
                                    const DecisionRequest &request, const QDateTime &now = {});

// The statement of a recorded decision (from its stored advice JSON); nullopt when it has none.
std::optional<LiabilityStatement> liabilityOfDecision(const DecisionRecord &decision);

} // namespace Awb
