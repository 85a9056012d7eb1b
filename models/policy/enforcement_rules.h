#pragma once

#include "analysis/finding.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

class QSettings;

namespace Awb {

// The rules of policy section 6.1 as the enforcement advisor applies them, in one place: the
// settings ([advisor] group), the score factors with their weights, and the rule table. The code
// that applies them (enforcement_advisor.cpp) only computes the facts and takes the first rule
// of the table that applies.

// One score factor: what earns points, and how many by default.
struct AdvisorFactorRule
{
    QString id;          // "clause-3.2", "volume", ...
    QString settingsKey; // its weight's key in [advisor]: "weightClause3_2"
    int defaultWeight = 0;
    QString text; // what earns the points, for the rule descriptions
};

// The factor table: each clause of sections III and IV once, complaint volume, distinct
// reporters and missed deadlines. Clauses outside it (V, the Roman sections) are shown but score
// nothing: they concern the report or the provider, not what the customer did.
const QList<AdvisorFactorRule> &advisorFactorRules();

// The advisor's settings, with the defaults the house uses. Every one is shown in each proposal.
struct AdvisorSettings
{
    int lookBackMonths = 12;      // 1..120; the window in which prior offences count
    int repeatedAfter = 1;        // "repeated" from this many prior confirmed offences (1..100)
    int moderateThreshold = 3;    // score from which a suspension is proposed (1..1000)
    int severeThreshold = 10;     // score from which termination is proposed (>= moderate)
    int volumeThreshold = 10;     // reports from which the "volume" factor counts
    int highVolumeThreshold = 50; // reports from which "volume-high" counts instead (>= volume)
    int distinctReportersThreshold = 3;
    int suspensionBaseDays = 7;     // 7..30
    int suspensionDaysPerPoint = 3; // 0..30, for each point above moderateThreshold
    int suspensionMaxDays = 30;     // base..30
    // Findings below this severity engage no clause; Info never does, so Low is the least.
    // Medium by default: a low finding (a HELO that is not a full host name, a Message-ID made on
    // another host) is a sign worth showing, not proof of a breach a sanction can rest on.
    Severity minimumSeverity = Severity::Medium;
    QMap<QString, int> weights; // by factor id: every id of advisorFactorRules(), 0..100
    // What fromSettings() could not use as written, and what it used instead (shown too).
    QStringList adjustments;

    AdvisorSettings(); // the defaults, weights included

    // Reads group [advisor]: lookBackMonths (else [accounts] lookBackMonths, the window of the
    // account history), repeatedAfter, moderateThreshold, severeThreshold, volumeThreshold,
    // highVolumeThreshold, distinctReportersThreshold, suspensionBaseDays,
    // suspensionDaysPerPoint, suspensionMaxDays, minimumSeverity ("low".."critical") and one
    // weight per factor (advisorFactorRules()). A value that is unreadable or out of range is
    // replaced by the default or clamped, and said so in adjustments.
    static AdvisorSettings fromSettings(const QSettings &settings);

    int weight(const QString &factorId) const { return weights.value(factorId, 0); }
    // Every whole-number setting (the weights under their keys) as key and value, in the order
    // of describe(); setInteger() writes one by key without a range check (false: unknown key).
    QList<std::pair<QString, int>> integers() const;
    bool setInteger(const QString &key, int value);
    // "lookBackMonths = 12", ... every setting in the order above, then the weights.
    QStringList describe() const;
};

bool operator==(const AdvisorSettings &a, const AdvisorSettings &b);

// What the advisor established about a case; the rules decide from this alone.
struct AdvisorFacts
{
    bool attributed = false;
    int score = 0;
    QStringList engagedClauses; // in policy order
    int missedDeadlines = 0;
    int listedCount = 0;     // "listed" rows of the account's addresses
    QStringList listedWhere; // "203.0.113.40 on Spamhaus ZEN", one per address and list
    int priorOffences = 0;   // confirmed and within the window
    int lookBackMonths = 12; // the window the prior offences were counted in
    // Anything in this case that the policy forbids: a clause engaged, a deadline missed, a point
    // scored. Without it, no sanction is proposed (not even a warning).
    bool violationEstablished() const
    {
        return !engagedClauses.isEmpty() || missedDeadlines > 0 || score > 0;
    }
};

// One rule of the table. The first rule (in table order) that applies gives the proposal.
struct EnforcementRule
{
    QString id;     // "R2"
    QString name;   // "repeated"
    QString action; // "termination"; empty: no action is proposed
    QString basis;  // "policy 6.1"
    std::function<bool(const AdvisorFacts &, const AdvisorSettings &)> applies;
    // The facts that made it apply, for ruleApplied: "1 prior confirmed offence within ...".
    std::function<QString(const AdvisorFacts &, const AdvisorSettings &)> because;
    // The rule in words with the settings filled in, for advisorRuleDescriptions().
    std::function<QString(const AdvisorSettings &)> describe;
};

// R0 unattributed, R1 blacklist impact, R2 repeated, R3 severe, R4 moderate, R5 first offence,
// R6 no violation established.
const QList<EnforcementRule> &enforcementRules();

// The rule table and the factor table in words, with the settings in force: for the CLI, the
// GUI and the case report.
QStringList advisorRuleDescriptions(const AdvisorSettings &settings);

// "warning", "suspension", "termination", "termination-liability" (lightest first).
QStringList enforcementActionKeys();
// 0 for no action, 1 for a warning ... 4 for termination with liability; -1 for an unknown key.
int enforcementActionRank(const QString &action);
// The policy clauses an action rests on: {"6.1"}, or {"6.1", "6.2", "6.3"} with liability.
QStringList enforcementActionBasis(const QString &action);
// The length of a suspension for a score of at least moderateThreshold:
// min(max, base + daysPerPoint * (score - moderateThreshold)).
int suspensionDaysFor(int score, const AdvisorSettings &settings);

// The position of a clause id in the policy: I, II, 3.1, 3.2, 3.3, 4.1, 4.2, 4.3, V, 6.1, 6.2,
// 6.3, VII ... XI; unknown ids after all of them.
int policyClauseRank(const QString &clause);
void sortClausesInPolicyOrder(QStringList &clauses);

} // namespace Awb
