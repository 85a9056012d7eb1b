#include "policy/enforcement_rules.h"

#include "policy/advisor_text_p.h"

#include <QCoreApplication>

#include <algorithm>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::EnforcementRules)
};

QString count(int n, const QString &one, const QString &many)
{
    return advisorCount(n, one, many);
}

QString months(int n)
{
    return count(n, Tr::tr("%1 month"), Tr::tr("%1 months"));
}

QString rulePrefix(const EnforcementRule &rule)
{
    return rule.id + QLatin1Char(' ') + rule.name + QStringLiteral(": ");
}

// The rule table of policy 6.1. The first rule that applies decides:
//   R0 unattributed       no account                                   -> no action
//   R1 blacklist impact   a "listed" row for one of the account's       -> termination-liability
//                         addresses (6.1 last row, 6.2, 6.3)
//   R2 repeated           a violation, and prior confirmed offences     -> termination
//                         in the window >= repeatedAfter
//   R3 severe             score >= severeThreshold                      -> termination
//   R4 moderate           score >= moderateThreshold                    -> suspension of
//                         min(max, base + daysPerPoint x (score - moderateThreshold)) days
//   R5 first offence      a violation (clause engaged, deadline missed, -> warning, immediate
//                         or points scored)                                correction required
//   R6 no violation       otherwise                                     -> no action
// R6 is not in the policy's table: 6.1 acts on offences, and a case in which nothing was found
// (a clean newsletter that one recipient marked as spam) must not be proposed a warning. R2 asks
// for a violation for the same reason: a prior offence is not a new one.
QList<EnforcementRule> buildRules()
{
    using F = const AdvisorFacts &;
    using S = const AdvisorSettings &;
    QList<EnforcementRule> rules;
    rules.append({QStringLiteral("R0"), Tr::tr("unattributed"), QString(),
                  QStringLiteral("policy 6.1"), [](F f, S) { return !f.attributed; },
                  [](F, S) {
                      return Tr::tr("the case is tied to no customer account, and an enforcement "
                                    "action needs an account to act on");
                  },
                  [](S) {
                      return Tr::tr(
                          "a case tied to no customer account gets no sanction: attribute it "
                          "to an account first.");
                  }});
    rules.append(
        {QStringLiteral("R1"), Tr::tr("blacklist impact"), QStringLiteral("termination-liability"),
         QStringLiteral("policy 6.1, 6.2, 6.3"), [](F f, S) { return f.listedCount > 0; },
         [](F f, S) {
             return count(f.listedCount,
                          Tr::tr("%1 blocklist row with verdict \"listed\" for the account's "
                                 "addresses"),
                          Tr::tr("%1 blocklist rows with verdict \"listed\" for the account's "
                                 "addresses")) +
                    QStringLiteral(" (%1)").arg(f.listedWhere.join(QStringLiteral("; ")));
         },
         [](S) {
             return Tr::tr("any blocklist row with verdict \"listed\" for one of the account's "
                           "addresses -> immediate termination with liability (policy 6.1, "
                           "last row; 6.2; 6.3). A policy listing (Spamhaus PBL, verdict "
                           "\"policy-listed\") is not evidence of abuse and does not count.");
         }});
    rules.append(
        {QStringLiteral("R2"), Tr::tr("repeated"), QStringLiteral("termination"),
         QStringLiteral("policy 6.1"),
         [](F f, S s) { return f.violationEstablished() && f.priorOffences >= s.repeatedAfter; },
         [](F f, S s) {
             return Tr::tr("%1 within %2 (repeatedAfter = %3)")
                 .arg(count(f.priorOffences, Tr::tr("%1 prior confirmed offence"),
                            Tr::tr("%1 prior confirmed offences")),
                      months(f.lookBackMonths))
                 .arg(s.repeatedAfter);
         },
         [](S s) {
             return Tr::tr("a violation in this case after at least %1 within the last "
                           "%2 -> termination (policy 6.1).")
                 .arg(count(s.repeatedAfter, Tr::tr("%1 prior confirmed offence"),
                            Tr::tr("%1 prior confirmed offences")),
                      months(s.lookBackMonths));
         }});
    rules.append(
        {QStringLiteral("R3"), Tr::tr("severe"), QStringLiteral("termination"),
         QStringLiteral("policy 6.1"), [](F f, S s) { return f.score >= s.severeThreshold; },
         [](F f, S s) {
             return Tr::tr("score %1 >= severeThreshold %2").arg(f.score).arg(s.severeThreshold);
         },
         [](S s) {
             return Tr::tr("a score of %1 points or more -> termination (policy 6.1).")
                 .arg(s.severeThreshold);
         }});
    rules.append(
        {QStringLiteral("R4"), Tr::tr("moderate"), QStringLiteral("suspension"),
         QStringLiteral("policy 6.1"), [](F f, S s) { return f.score >= s.moderateThreshold; },
         [](F f, S s) {
             return Tr::tr("score %1 >= moderateThreshold %2 and below severeThreshold %3")
                 .arg(f.score)
                 .arg(s.moderateThreshold)
                 .arg(s.severeThreshold);
         },
         [](S s) {
             return Tr::tr("a score of %1 points or more -> suspension of %2 days plus %3 "
                           "days for each point above %1, at most %4 days (policy 6.1: 7 to "
                           "30 days).")
                 .arg(s.moderateThreshold)
                 .arg(s.suspensionBaseDays)
                 .arg(s.suspensionDaysPerPoint)
                 .arg(s.suspensionMaxDays);
         }});
    rules.append({QStringLiteral("R5"), Tr::tr("first offence"), QStringLiteral("warning"),
                  QStringLiteral("policy 6.1"), [](F f, S) { return f.violationEstablished(); },
                  [](F f, S s) {
                      return Tr::tr("score %1 is below moderateThreshold %2, and the account has "
                                    "%3 within %4 (repeatedAfter = %5)")
                          .arg(f.score)
                          .arg(s.moderateThreshold)
                          .arg(count(f.priorOffences, Tr::tr("%1 prior confirmed offence"),
                                     Tr::tr("%1 prior confirmed offences")),
                               months(f.lookBackMonths))
                          .arg(s.repeatedAfter);
                  },
                  [](S) {
                      return Tr::tr("any other violation -> warning notice, immediate correction "
                                    "required (policy 6.1).");
                  }});
    rules.append(
        {QStringLiteral("R6"), Tr::tr("no violation established"), QString(),
         QStringLiteral("policy 6.1"), [](F, S) { return true; },
         [](F, S s) {
             return Tr::tr("no finding at or above %1 engages a clause of sections III or IV, "
                           "no blocklist listing counts, no deadline was missed and the "
                           "score is 0")
                 .arg(severityName(s.minimumSeverity));
         },
         [](S) {
             return Tr::tr("nothing in the case shows a violation (no clause engaged, no "
                           "deadline missed, score 0) -> no sanction; policy 6.1 acts on "
                           "offences.");
         }});
    return rules;
}

// The factor table: default weights of the score. Each clause counts once however many findings
// engage it, so that one message with ten header defects does not outweigh a listing.
QList<AdvisorFactorRule> buildFactorRules()
{
    const auto clause = [](const char *id, const char *key, int weight, const QString &what) {
        return AdvisorFactorRule{QStringLiteral("clause-") + QLatin1String(id), QLatin1String(key),
                                 weight,
                                 Tr::tr("clause %1 engaged (%2)").arg(QLatin1String(id), what)};
    };
    return {
        clause("3.1", "weightClause3_1", 1,
               Tr::tr("email abuse: spam, harvesting, bombing, relaying")),
        clause("3.2", "weightClause3_2", 3,
               Tr::tr("deception: forged headers, misleading subject, impersonation")),
        clause("3.3", "weightClause3_3", 5,
               Tr::tr("infrastructure impact: blacklisting, botnets, excessive rates")),
        clause("4.1", "weightClause4_1", 1, Tr::tr("consent")),
        clause("4.2", "weightClause4_2", 1,
               Tr::tr("message standards: sender, subject, postal address, unsubscribe, opt-out")),
        clause("4.3", "weightClause4_3", 1, Tr::tr("technical limits: bounces, rate limiting")),
        {QStringLiteral("volume"), QStringLiteral("weightVolume"), 2,
         Tr::tr("at least volumeThreshold reports in the case (not with volume-high)")},
        {QStringLiteral("volume-high"), QStringLiteral("weightHighVolume"), 5,
         Tr::tr("at least highVolumeThreshold reports in the case")},
        {QStringLiteral("distinct-reporters"), QStringLiteral("weightDistinctReporters"), 1,
         Tr::tr("at least distinctReportersThreshold distinct reporters")},
        {QStringLiteral("missed-deadline"), QStringLiteral("weightMissedDeadline"), 3,
         Tr::tr(
             "each deadline the customer let pass (a response to an earlier notice, an opt-out)")},
    };
}

const QStringList &clauseOrder()
{
    static const QStringList order = {
        QStringLiteral("I"),    QStringLiteral("II"),  QStringLiteral("III"), QStringLiteral("3.1"),
        QStringLiteral("3.2"),  QStringLiteral("3.3"), QStringLiteral("IV"),  QStringLiteral("4.1"),
        QStringLiteral("4.2"),  QStringLiteral("4.3"), QStringLiteral("V"),   QStringLiteral("VI"),
        QStringLiteral("6.1"),  QStringLiteral("6.2"), QStringLiteral("6.3"), QStringLiteral("VII"),
        QStringLiteral("VIII"), QStringLiteral("IX"),  QStringLiteral("X"),   QStringLiteral("XI")};
    return order;
}

} // namespace

const QList<AdvisorFactorRule> &advisorFactorRules()
{
    static const QList<AdvisorFactorRule> rules = buildFactorRules();
    return rules;
}

const QList<EnforcementRule> &enforcementRules()
{
    static const QList<EnforcementRule> rules = buildRules();
    return rules;
}

QStringList advisorRuleDescriptions(const AdvisorSettings &settings)
{
    QStringList lines;
    lines << Tr::tr("The first rule that applies gives the proposed action (policy 6.1):");
    for (const EnforcementRule &rule : enforcementRules())
        lines << rulePrefix(rule) + rule.describe(settings);
    lines << Tr::tr("Score: the points of every factor that counts:");
    for (const AdvisorFactorRule &factor : advisorFactorRules()) {
        QString text = factor.text;
        text.replace(QStringLiteral("highVolumeThreshold"),
                     QString::number(settings.highVolumeThreshold));
        text.replace(QStringLiteral("volumeThreshold"), QString::number(settings.volumeThreshold));
        text.replace(QStringLiteral("distinctReportersThreshold"),
                     QString::number(settings.distinctReportersThreshold));
        lines << Tr::tr("%1: %2 for %3 (%4).")
                     .arg(
                         factor.id,
                         count(settings.weight(factor.id), Tr::tr("%1 point"), Tr::tr("%1 points")),
                         text, factor.settingsKey);
    }
    lines << Tr::tr(
                 "A finding engages its clause from severity %1 up; info findings never do. Each "
                 "clause counts once, however many findings engage it. A blocklist row with "
                 "verdict \"listed\" engages clause 3.3; a missed opt-out deadline engages 4.2.")
                 .arg(severityName(settings.minimumSeverity));
    lines << Tr::tr(
                 "Prior offences count when the account history marks them confirmed and they lie "
                 "within the last %1; others are shown but not counted.")
                 .arg(months(settings.lookBackMonths));
    return lines;
}

QStringList enforcementActionKeys()
{
    return {QStringLiteral("warning"), QStringLiteral("suspension"), QStringLiteral("termination"),
            QStringLiteral("termination-liability")};
}

int enforcementActionRank(const QString &action)
{
    if (action.isEmpty())
        return 0;
    const qsizetype i = enforcementActionKeys().indexOf(action);
    return i < 0 ? -1 : int(i) + 1;
}

QStringList enforcementActionBasis(const QString &action)
{
    if (action == u"termination-liability")
        return {QStringLiteral("6.1"), QStringLiteral("6.2"), QStringLiteral("6.3")};
    return {QStringLiteral("6.1")};
}

int suspensionDaysFor(int score, const AdvisorSettings &s)
{
    const qint64 above = std::max(0, score - s.moderateThreshold);
    const qint64 days = s.suspensionBaseDays + qint64(s.suspensionDaysPerPoint) * above;
    return int(std::min<qint64>(days, s.suspensionMaxDays));
}

int policyClauseRank(const QString &clause)
{
    const qsizetype i = clauseOrder().indexOf(clause);
    return i < 0 ? int(clauseOrder().size()) : int(i);
}

void sortClausesInPolicyOrder(QStringList &clauses)
{
    std::stable_sort(clauses.begin(), clauses.end(), [](const QString &a, const QString &b) {
        const int ra = policyClauseRank(a);
        const int rb = policyClauseRank(b);
        return ra != rb ? ra < rb : a < b;
    });
}

} // namespace Awb
