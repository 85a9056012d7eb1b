#pragma once

#include "analysis/finding.h"
#include "common/result.h"
#include "policy/enforcement_rules.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb {

// The enforcement advisor of policy section 6.1: from plain facts about one case (no store
// access; the enforcement room loads them), a proposed action with every factor, clause, prior
// offence and listing it rests on, the rule that decided, and sentences a customer's lawyer can
// follow. The rules and weights are in enforcement_rules.h. The analyst decides; the advisor
// proposes.

// A finding of one of the case's reports.
struct AdvisorFinding
{
    QString check;  // "subject.deceptive"
    QString clause; // "3.2"
    Severity severity = Severity::Info;
    QString title;
    QString evidence;
    QString reportSha256;    // hex, of the report the finding is in
    QString reportMessageId; // of that report; may be empty
};

// An entry of the account's history (AccountEvent of models/accounts).
struct PriorOffence
{
    QDateTime at;
    QString kind;      // "warning", "suspension", "termination", "liability", "case"
    QString reference; // "LEGACY-2026-0311", or a case's public id
    bool counted =
        false; // confirmed and within the window (AccountEvent confirmedOffence && inWindow)
};

// A blocklist observation of one of the account's addresses (StoredListing of models/store).
struct AdvisorListing
{
    qint64 id = 0; // the listing row
    QString listName;
    QString zone;
    QString addressOrRange;
    // The blocklists it shows the address on, as incidents are counted (listedBlocklists() of
    // the blacklist room: a ZEN answer 127.0.0.2 is "Spamhaus SBL"); empty: listName alone.
    QStringList blocklists;
    QString verdict; // only "listed" is blacklist impact; "policy-listed" (PBL) is not abuse
    QDateTime checkedAt;
    QString source; // "dnsbl", "report", "history"
    std::optional<qint64> evidenceId;
};

// A deadline the customer let pass.
struct MissedDeadline
{
    // "response" (to an earlier notice), or "opt-out" (policy 4.2, 10 business days), which
    // also engages clause 4.2.
    QString kind;
    QDateTime due;
    QString description;
};

struct AdvisorInput
{
    // The public id ("IXCM-ABUSE-2026-000123"): a prior offence with this reference is the case
    // itself and never counts.
    QString caseId;
    QString accountId; // empty: the case is unattributed
    QString caseKind;  // "complaint", "opt-out"
    QDateTime now;
    int reportCount = 0;
    int distinctReporters = 0;
    QList<AdvisorFinding> findings;
    QList<PriorOffence> priorOffences;
    // The window the prior offences were counted in: [windowStart, now]. An invalid windowStart
    // is now minus the settings' lookBackMonths. An offence marked counted but dated outside the
    // window is not counted.
    QDateTime windowStart;
    int lookBackMonths = 0; // 0: the settings' lookBackMonths
    QList<AdvisorListing> listings;
    QList<MissedDeadline> missedDeadlines;
};

// One thing the proposal rests on, or was shown and set aside.
struct AdvisorFactor
{
    // "clause-3.2" (engaged), "below-minimum-3.1" (findings under minimumSeverity), "volume",
    // "volume-high", "distinct-reporters", "missed-deadline", "listing", "prior-offence"
    QString id;
    QString label;  // one line
    int weight = 0; // points added to the score (0 for what acts through a rule: listings, priors)
    QString source; // where it came from: check ids and reports, listing rows, references, settings
    QString detail;
    bool counted = false; // false: shown for completeness, not part of the decision
};

struct Recommendation
{
    QString caseId;
    QString accountId;
    QDateTime at; // the input's now
    // "warning", "suspension", "termination", "termination-liability"; empty when no sanction
    // is proposed (rule R0, unattributed; or R6, no violation established).
    QString action;
    int suspensionDays = 0; // 7..30 for a suspension, 0 otherwise
    int score = 0;
    QList<AdvisorFactor> factors;
    QStringList clauses; // clauses of sections III and IV engaged, in policy order
    QString ruleId;      // "R2"
    // "R2 repeated: 1 prior confirmed offence within 12 months (repeatedAfter = 1) ->
    // termination, policy 6.1"
    QString ruleApplied;
    QStringList explanation;
    AdvisorSettings settingsUsed;

    bool proposesAction() const { return !action.isEmpty(); }
};

Recommendation adviseEnforcement(const AdvisorInput &input, const AdvisorSettings &settings);

// What the analyst decided. action as Recommendation::action ("" for no sanction).
struct AnalystDecision
{
    QString action;
    int suspensionDays = 0;
    QString reason;
};

// Whether the decision departs from the proposal (another action, or another suspension length).
bool isOverride(const Recommendation &recommendation, const AnalystDecision &decision);
// An error naming the problem when the decision cannot be recorded: an unknown action, a
// suspension outside 7..30 days (or days given for another action), an action on an unattributed
// case, or an override without a reason. A lighter action than the proposal (even than R1 or R2)
// is allowed with a reason.
Status validateDecision(const Recommendation &recommendation, const AnalystDecision &decision);

// The advice as the store keeps it and the case report shows it (snake_case keys, amounts and
// times as in the rest of the JSON of this program). fromJson names the first field it cannot
// read; fields it does not know are ignored.
QJsonObject recommendationToJson(const Recommendation &recommendation);
Result<Recommendation> recommendationFromJson(const QJsonObject &json);
QJsonObject advisorSettingsToJson(const AdvisorSettings &settings);
Result<AdvisorSettings> advisorSettingsFromJson(const QJsonObject &json);

} // namespace Awb
