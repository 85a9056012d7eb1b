#include "policy/advisor_explanation_p.h"

#include "policy/advisor_text_p.h"

#include <QCoreApplication>
#include <QMap>

namespace Awb {

namespace {

constexpr char kContext[] = "Awb::EnforcementAdvisor";

QString tr(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

QString count(int n, const char *one, const char *many)
{
    return advisorCount(kContext, n, one, many);
}

QString day(const QDateTime &at)
{
    return advisorDay(kContext, at);
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
        tr("%1 from %2")
            .arg(count(in.reportCount, "%1 report", "%1 reports"),
                 count(in.distinctReporters, "%1 distinct reporter", "%1 distinct reporters"));
    const QString kind = in.caseKind.isEmpty() ? tr("complaint") : in.caseKind;
    const QString asOf = in.now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    if (e.recommendation.accountId.isEmpty())
        return tr("Case %1 (%2) is tied to no customer account: %3, as of %4.")
            .arg(in.caseId, kind, reports, asOf);
    return tr("Case %1 (%2) concerns account %3: %4, as of %5.")
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
            belowParts << tr("clause %1 (%2)").arg(clause, checks.join(QStringLiteral(", ")));
            continue;
        }
        QStringList by;
        if (findings > 0)
            by << tr("%1 (%2)").arg(count(findings, "%1 finding", "%1 findings"),
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
            by << count(listings, "%1 blocklist listing", "%1 blocklist listings");
        if (optOuts > 0)
            by << count(optOuts, "%1 missed opt-out deadline", "%1 missed opt-out deadlines");
        const QString what = by.join(tr(" and "));
        if (f.counted)
            lines << tr("Clause %1 is engaged by %2: %3.")
                         .arg(clause, what, count(f.weight, "%1 point", "%1 points"));
        else
            lines << tr("Clause %1 is named by %2, but it concerns the report or the provider, not "
                        "what the customer did: not scored.")
                         .arg(clause, what);
    }
    if (!belowParts.isEmpty())
        lines << tr("Findings below severity %1 engage no clause and are not counted: %2.")
                     .arg(severityName(s.minimumSeverity), belowParts.join(QStringLiteral("; ")));
    if (e.facts.engagedClauses.isEmpty())
        lines << tr("No clause of sections III or IV is engaged.");
    return lines;
}

QStringList otherFactorSentences(const AdvisorExplanationInput &e)
{
    QStringList lines;
    for (const AdvisorFactor &f : e.recommendation.factors) {
        if (f.id == u"volume" || f.id == u"volume-high" || f.id == u"distinct-reporters") {
            lines << (f.counted
                          ? tr("%1: %2.").arg(f.label, count(f.weight, "%1 point", "%1 points"))
                          : f.label + QLatin1Char('.'));
        } else if (f.id == u"missed-deadline") {
            lines << tr("%1 (%2): %3.")
                         .arg(f.label, f.detail, count(f.weight, "%1 point", "%1 points"));
        }
    }
    const AdvisorSettings &s = e.recommendation.settingsUsed;
    const QString sum =
        e.scoreTerms.isEmpty() ? QStringLiteral("0") : e.scoreTerms.join(QStringLiteral(" + "));
    lines << tr("Score: %1 = %2; a suspension is proposed from %3 points, termination from %4.")
                 .arg(sum, count(e.facts.score, "%1 point", "%1 points"),
                      QString::number(s.moderateThreshold), QString::number(s.severeThreshold));
    return lines;
}

QStringList listingAndPriorSentences(const AdvisorExplanationInput &e)
{
    QStringList lines;
    QStringList counted;
    for (const AdvisorFactor &f : e.recommendation.factors) {
        if (f.id == u"listing")
            lines << (f.counted ? tr("Blacklist impact: %1, %2.") : tr("%1, %2."))
                         .arg(f.label, f.source);
        if (f.id == u"prior-offence" && f.counted)
            counted << f.label;
    }
    lines << tr("Prior confirmed offences within the %1 from %2 to %3: %4.")
                 .arg(count(e.lookBackMonths, "%1 month", "%1 months"), day(e.windowStart),
                      day(e.input.now),
                      counted.isEmpty() ? tr("none") : counted.join(QStringLiteral(", ")));
    for (const AdvisorFactor &f : e.recommendation.factors) {
        if (f.id == u"prior-offence" && !f.counted)
            lines << tr("Not counted: prior %1. %2").arg(f.label, f.detail);
    }
    const int settingMonths = e.recommendation.settingsUsed.lookBackMonths;
    if (e.input.lookBackMonths > 0 && e.input.lookBackMonths != settingMonths)
        lines << tr("The account history counted prior offences over %1, while the advisor setting "
                    "lookBackMonths is %2; the history's window is used.")
                     .arg(count(e.input.lookBackMonths, "%1 month", "%1 months"),
                          QString::number(settingMonths));
    return lines;
}

QStringList ruleSentences(const AdvisorExplanationInput &e)
{
    const Recommendation &r = e.recommendation;
    const AdvisorSettings &s = r.settingsUsed;
    QStringList lines;
    lines << tr("Rule applied: %1.").arg(r.ruleApplied);
    if (r.action == u"suspension") {
        lines << tr("Suspension length: %1 + %2 for each of the %3 above %4, at most %5: %6.")
                     .arg(
                         count(s.suspensionBaseDays, "%1 day", "%1 days"),
                         count(s.suspensionDaysPerPoint, "%1 day", "%1 days"),
                         count(std::max(0, r.score - s.moderateThreshold), "%1 point", "%1 points"),
                         QString::number(s.moderateThreshold),
                         count(s.suspensionMaxDays, "%1 day", "%1 days"),
                         count(r.suspensionDays, "%1 day", "%1 days"));
    } else if (r.action == u"warning") {
        lines << tr("A warning notice requires immediate correction (policy 6.1).");
    } else if (r.action == u"termination-liability") {
        lines << tr("Termination is immediate and permanent. The customer is liable under policy "
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
            lines << tr("Rule %1 (%2) would also apply: %3.")
                         .arg(rule.id, rule.name, rule.because(e.facts, s));
    }
    lines << tr("Settings used: %1.").arg(s.describe().join(QStringLiteral(", ")));
    for (const QString &adjustment : s.adjustments)
        lines << tr("Settings: %1").arg(adjustment);
    lines << tr("The analyst decides; a decision other than this proposal needs a reason.");
    return lines;
}

} // namespace

QStringList advisorExplanation(const AdvisorExplanationInput &e)
{
    QStringList lines;
    lines << caseSentence(e);
    if (e.input.caseKind == u"opt-out")
        lines << tr("An opt-out request is no offence in itself: only the findings, listings and "
                    "missed deadlines below count.");
    lines << clauseSentences(e) << otherFactorSentences(e) << listingAndPriorSentences(e)
          << ruleSentences(e);
    return lines;
}

} // namespace Awb
