#include "policy/advisor_explanation_p.h"

#include "policy/advisor_text_p.h"

#include <QCoreApplication>
#include <QMap>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::EnforcementAdvisor)
};

QString count(int n, const QString &one, const QString &many)
{
    return advisorCount(n, one, many);
}

QString day(const QDateTime &at)
{
    return advisorDay(at, Tr::tr("(no date)"));
}

bool engages(const AdvisorFinding &f, const AdvisorSettings &s)
{
    return f.severity != Severity::Info && f.severity >= s.minimumSeverity;
}

// "subject.deceptive, subject.fake-reply" for the findings of one clause that do (or do not)
// engage it.
QStringList checksOf(const QList<AdvisorFinding> &findings, const QString &clause, bool engaging,
                     const AdvisorSettings &s, int *findingCount)
{
    QStringList checks;
    *findingCount = 0;
    for (const AdvisorFinding &f : findings) {
        if (f.clause.trimmed() != clause || engages(f, s) != engaging)
            continue;
        ++*findingCount;
        if (!checks.contains(f.check))
            checks << f.check;
    }
    return checks;
}

QString caseSentence(const AdvisorExplanationInput &e)
{
    const AdvisorInput &in = e.input;
    const QString reports =
        Tr::tr("%1 from %2")
            .arg(count(in.reportCount, Tr::tr("%1 report"), Tr::tr("%1 reports")),
                 count(in.distinctReporters, Tr::tr("%1 distinct reporter"),
                       Tr::tr("%1 distinct reporters")));
    const QString kind = in.caseKind.isEmpty() ? Tr::tr("complaint") : in.caseKind;
    const QString asOf = in.now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    if (e.recommendation.accountId.isEmpty())
        return Tr::tr("Case %1 (%2) is tied to no customer account: %3, as of %4.")
            .arg(in.caseId, kind, reports, asOf);
    return Tr::tr("Case %1 (%2) concerns account %3: %4, as of %5.")
        .arg(in.caseId, kind, e.recommendation.accountId, reports, asOf);
}

QStringList clauseSentences(const AdvisorExplanationInput &e)
{
    const QLatin1String kClause("clause-");
    const QLatin1String kBelow("below-minimum-");
    const AdvisorSettings &s = e.recommendation.settingsUsed;
    QStringList lines;
    QStringList belowParts;
    for (const AdvisorFactor &f : e.recommendation.factors) {
        const bool below = f.id.startsWith(kBelow);
        if (!f.id.startsWith(kClause) && !below)
            continue;
        const QString clause = f.id.mid(below ? kBelow.size() : kClause.size());
        int findings = 0;
        const QStringList checks = checksOf(e.input.findings, clause, !below, s, &findings);
        if (below) {
            belowParts << Tr::tr("clause %1 (%2)").arg(clause, checks.join(QStringLiteral(", ")));
            continue;
        }
        QStringList by;
        if (findings > 0)
            by << Tr::tr("%1 (%2)").arg(
                count(findings, Tr::tr("%1 finding"), Tr::tr("%1 findings")),
                checks.join(QStringLiteral(", ")));
        int listings = 0;
        int optOuts = 0;
        if (clause == u"3.3")
            listings = e.facts.listedCount;
        if (clause == u"4.2") {
            for (const MissedDeadline &d : e.input.missedDeadlines)
                optOuts += d.kind == u"opt-out" ? 1 : 0;
        }
        if (listings > 0)
            by << count(listings, Tr::tr("%1 blocklist listing"), Tr::tr("%1 blocklist listings"));
        if (optOuts > 0)
            by << count(optOuts, Tr::tr("%1 missed opt-out deadline"),
                        Tr::tr("%1 missed opt-out deadlines"));
        const QString what = by.join(Tr::tr(" and "));
        if (f.counted)
            lines << Tr::tr("Clause %1 is engaged by %2: %3.")
                         .arg(clause, what,
                              count(f.weight, Tr::tr("%1 point"), Tr::tr("%1 points")));
        else
            lines
                << Tr::tr(
                       "Clause %1 is named by %2, but it concerns the report or the provider, not "
                       "what the customer did: not scored.")
                       .arg(clause, what);
    }
    if (!belowParts.isEmpty())
        lines << Tr::tr("Findings below severity %1 engage no clause and are not counted: %2.")
                     .arg(severityName(s.minimumSeverity), belowParts.join(QStringLiteral("; ")));
    if (e.facts.engagedClauses.isEmpty())
        lines << Tr::tr("No clause of sections III or IV is engaged.");
    return lines;
}

QStringList otherFactorSentences(const AdvisorExplanationInput &e)
{
    QStringList lines;
    for (const AdvisorFactor &f : e.recommendation.factors) {
        if (f.id == u"volume" || f.id == u"volume-high" || f.id == u"distinct-reporters") {
            lines << (f.counted ? Tr::tr("%1: %2.").arg(f.label, count(f.weight, Tr::tr("%1 point"),
                                                                       Tr::tr("%1 points")))
                                : f.label + QLatin1Char('.'));
        } else if (f.id == u"missed-deadline") {
            lines << Tr::tr("%1 (%2): %3.")
                         .arg(f.label, f.detail,
                              count(f.weight, Tr::tr("%1 point"), Tr::tr("%1 points")));
        }
    }
    const AdvisorSettings &s = e.recommendation.settingsUsed;
    const QString sum =
        e.scoreTerms.isEmpty() ? QStringLiteral("0") : e.scoreTerms.join(QStringLiteral(" + "));
    lines << Tr::tr("Score: %1 = %2; a suspension is proposed from %3 points, termination from %4.")
                 .arg(sum, count(e.facts.score, Tr::tr("%1 point"), Tr::tr("%1 points")),
                      QString::number(s.moderateThreshold), QString::number(s.severeThreshold));
    return lines;
}

QStringList listingAndPriorSentences(const AdvisorExplanationInput &e)
{
    QStringList lines;
    QStringList counted;
    for (const AdvisorFactor &f : e.recommendation.factors) {
        if (f.id == u"listing")
            lines << (f.counted ? Tr::tr("Blacklist impact: %1, %2.") : Tr::tr("%1, %2."))
                         .arg(f.label, f.source);
        if (f.id == u"prior-offence" && f.counted)
            counted << f.label;
    }
    lines << Tr::tr("Prior confirmed offences within the %1 from %2 to %3: %4.")
                 .arg(count(e.lookBackMonths, Tr::tr("%1 month"), Tr::tr("%1 months")),
                      day(e.windowStart), day(e.input.now),
                      counted.isEmpty() ? Tr::tr("none") : counted.join(QStringLiteral(", ")));
    for (const AdvisorFactor &f : e.recommendation.factors) {
        if (f.id == u"prior-offence" && !f.counted)
            lines << Tr::tr("Not counted: prior %1. %2").arg(f.label, f.detail);
    }
    const int settingMonths = e.recommendation.settingsUsed.lookBackMonths;
    if (e.input.lookBackMonths > 0 && e.input.lookBackMonths != settingMonths)
        lines
            << Tr::tr(
                   "The account history counted prior offences over %1, while the advisor setting "
                   "lookBackMonths is %2; the history's window is used.")
                   .arg(count(e.input.lookBackMonths, Tr::tr("%1 month"), Tr::tr("%1 months")),
                        QString::number(settingMonths));
    return lines;
}

QStringList ruleSentences(const AdvisorExplanationInput &e)
{
    const Recommendation &r = e.recommendation;
    const AdvisorSettings &s = r.settingsUsed;
    QStringList lines;
    lines << Tr::tr("Rule applied: %1.").arg(r.ruleApplied);
    if (r.action == u"suspension") {
        lines << Tr::tr("Suspension length: %1 + %2 for each of the %3 above %4, at most %5: %6.")
                     .arg(count(s.suspensionBaseDays, Tr::tr("%1 day"), Tr::tr("%1 days")),
                          count(s.suspensionDaysPerPoint, Tr::tr("%1 day"), Tr::tr("%1 days")),
                          count(std::max(0, r.score - s.moderateThreshold), Tr::tr("%1 point"),
                                Tr::tr("%1 points")),
                          QString::number(s.moderateThreshold),
                          count(s.suspensionMaxDays, Tr::tr("%1 day"), Tr::tr("%1 days")),
                          count(r.suspensionDays, Tr::tr("%1 day"), Tr::tr("%1 days")));
    } else if (r.action == u"warning") {
        lines << Tr::tr("A warning notice requires immediate correction (policy 6.1).");
    } else if (r.action == u"termination-liability") {
        lines << Tr::tr(
            "Termination is immediate and permanent. The customer is liable under policy "
            "6.2 for at least USD 15 per incident plus delisting fees, IP reputation "
            "remediation, administrative overhead and legal fees, and forfeits prepaid "
            "fees, setup charges and account credits under policy 6.3.");
    }
    bool after = false;
    for (const EnforcementRule &rule : enforcementRules()) {
        if (rule.id == r.ruleId) {
            after = true;
            continue;
        }
        // Only rules that would have proposed as much: R3 behind R2, never the milder rules that
        // any heavier case also meets.
        if (after && !rule.action.isEmpty() &&
            enforcementActionRank(rule.action) >= enforcementActionRank(r.action) &&
            rule.applies(e.facts, s))
            lines << Tr::tr("Rule %1 (%2) would also apply: %3.")
                         .arg(rule.id, rule.name, rule.because(e.facts, s));
    }
    lines << Tr::tr("Settings used: %1.").arg(s.describe().join(QStringLiteral(", ")));
    for (const QString &adjustment : s.adjustments)
        lines << Tr::tr("Settings: %1").arg(adjustment);
    lines << Tr::tr("The analyst decides; a decision other than this proposal needs a reason.");
    return lines;
}

} // namespace

QStringList advisorExplanation(const AdvisorExplanationInput &e)
{
    QStringList lines;
    lines << caseSentence(e);
    if (e.input.caseKind == u"opt-out")
        lines << Tr::tr(
            "An opt-out request is no offence in itself: only the findings, listings and "
            "missed deadlines below count.");
    lines << clauseSentences(e) << otherFactorSentences(e) << listingAndPriorSentences(e)
          << ruleSentences(e);
    return lines;
}

} // namespace Awb
