#include "policy/enforcement_advisor.h"

#include "policy/advisor_explanation_p.h"
#include "policy/advisor_text_p.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>

#include <algorithm>

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

QString minute(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                        : Tr::tr("(no date)");
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

const AdvisorFactorRule *factorRule(const QString &id)
{
    for (const AdvisorFactorRule &rule : advisorFactorRules()) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

QString reportName(const AdvisorFinding &f)
{
    if (!f.reportMessageId.isEmpty())
        return QLatin1Char('<') + f.reportMessageId + QLatin1Char('>');
    if (!f.reportSha256.isEmpty())
        return QStringLiteral("sha256 ") + f.reportSha256.left(12);
    return Tr::tr("(unnamed report)");
}

// "subject.deceptive x4, from.display-name-spoof x3; reports <a@b>, <c@d>", checks in the order
// they first appear.
QString findingSources(const QList<AdvisorFinding> &findings)
{
    QStringList checks;
    QMap<QString, int> perCheck;
    QStringList reports;
    for (const AdvisorFinding &f : findings) {
        if (!perCheck.contains(f.check))
            checks << f.check;
        ++perCheck[f.check];
        const QString report = reportName(f);
        if (!reports.contains(report))
            reports << report;
    }
    for (QString &check : checks)
        check += QStringLiteral(" x%1").arg(perCheck.value(check));
    return Tr::tr("%1; %2: %3")
        .arg(checks.join(QStringLiteral(", ")),
             count(int(reports.size()), Tr::tr("%1 report"), Tr::tr("%1 reports")),
             reports.join(QStringLiteral(", ")));
}

// One example of each check's evidence, so the reader sees what the check saw.
QString findingDetail(const QList<AdvisorFinding> &findings)
{
    QStringList lines;
    QSet<QString> seen;
    for (const AdvisorFinding &f : findings) {
        if (seen.contains(f.check))
            continue;
        seen.insert(f.check);
        lines << QStringLiteral("%1 (%2, %3): %4")
                     .arg(f.check, severityName(f.severity), f.title, f.evidence);
    }
    return lines.join(QLatin1Char('\n'));
}

// What engages one clause: findings at or above the minimum, listings, missed deadlines; and
// the findings below the minimum, shown apart.
struct ClauseEvidence
{
    QList<AdvisorFinding> engaging;
    QList<AdvisorFinding> below;
    QStringList listings;
    QStringList deadlines;
    bool engaged() const
    {
        return !engaging.isEmpty() || !listings.isEmpty() || !deadlines.isEmpty();
    }
};

QString listingWhere(const AdvisorListing &l)
{
    return Tr::tr("%1 on %2").arg(l.addressOrRange, l.listName);
}

QString listingSource(const AdvisorListing &l)
{
    QStringList parts;
    parts << Tr::tr("source %1").arg(l.source);
    if (!l.zone.isEmpty())
        parts << Tr::tr("zone %1").arg(l.zone);
    parts << Tr::tr("checked %1").arg(minute(l.checkedAt));
    if (l.evidenceId)
        parts << Tr::tr("evidence %1").arg(*l.evidenceId);
    return Tr::tr("listing row %1 (%2)")
        .arg(QString::number(l.id), parts.join(QStringLiteral(", ")));
}

struct Assessment
{
    QMap<QString, ClauseEvidence> clauses;
    AdvisorFacts facts;
    QList<AdvisorFactor> factors;
    QStringList scoreTerms; // "3 (clause-3.2)"
    QDateTime windowStart;
    int months = 12;
};

void add(Assessment &a, AdvisorFactor factor)
{
    if (!factor.counted)
        factor.weight = 0;
    if (factor.counted && factor.weight > 0) {
        a.facts.score += factor.weight;
        a.scoreTerms << QStringLiteral("%1 (%2)").arg(factor.weight).arg(factor.id);
    }
    a.factors.append(std::move(factor));
}

void collectEvidence(const AdvisorInput &in, const AdvisorSettings &s, Assessment &a)
{
    for (const AdvisorFinding &f : in.findings) {
        ClauseEvidence &e = a.clauses[f.clause.trimmed()];
        const bool engages = f.severity != Severity::Info && f.severity >= s.minimumSeverity;
        (engages ? e.engaging : e.below).append(f);
    }
    QSet<QString> where;
    for (const AdvisorListing &l : in.listings) {
        if (l.verdict != u"listed")
            continue;
        ++a.facts.listedCount;
        a.clauses[QStringLiteral("3.3")].listings << listingSource(l);
        if (!where.contains(listingWhere(l))) {
            where.insert(listingWhere(l));
            a.facts.listedWhere << listingWhere(l);
        }
    }
    for (const MissedDeadline &d : in.missedDeadlines) {
        if (d.kind == u"opt-out")
            a.clauses[QStringLiteral("4.2")].deadlines
                << Tr::tr("opt-out deadline %1").arg(minute(d.due));
    }
}

void addClauseFactors(const AdvisorSettings &s, Assessment &a)
{
    QStringList ids = a.clauses.keys();
    sortClausesInPolicyOrder(ids);
    for (const QString &clause : std::as_const(ids)) {
        const ClauseEvidence &e = a.clauses.value(clause);
        const AdvisorFactorRule *rule = factorRule(QStringLiteral("clause-") + clause);
        if (e.engaged()) {
            AdvisorFactor f;
            f.id = QStringLiteral("clause-") + clause;
            QStringList sources;
            if (!e.engaging.isEmpty())
                sources << findingSources(e.engaging);
            sources << e.listings << e.deadlines;
            f.source = sources.join(QStringLiteral("; "));
            f.detail = findingDetail(e.engaging);
            f.counted = rule != nullptr;
            if (rule) {
                f.label = capitalised(rule->text);
                f.weight = s.weight(rule->id);
                f.source += Tr::tr("; setting %1 = %2").arg(rule->settingsKey).arg(f.weight);
                a.facts.engagedClauses << clause;
            } else {
                f.label = Tr::tr("Clause %1: not scored").arg(clause);
                f.detail.prepend(
                    Tr::tr("Clause %1 concerns the report or the provider, not what the "
                           "customer did: shown, not scored.\n")
                        .arg(clause));
            }
            add(a, f);
        }
        if (!e.below.isEmpty()) {
            AdvisorFactor f;
            f.id = QStringLiteral("below-minimum-") + clause;
            f.label = Tr::tr("Clause %1: findings below %2, not counted")
                          .arg(clause, severityName(s.minimumSeverity));
            f.source =
                findingSources(e.below) +
                Tr::tr("; setting minimumSeverity = %1").arg(severityName(s.minimumSeverity));
            f.detail = findingDetail(e.below);
            add(a, f);
        }
    }
}

void addThresholdFactor(Assessment &a, const AdvisorSettings &s, const QString &id, int value,
                        int threshold, const char *thresholdKey, const QString &what)
{
    AdvisorFactor f;
    f.id = id;
    f.counted = value >= threshold;
    f.weight = s.weight(id);
    f.label = f.counted ? Tr::tr("%1, at least %2").arg(what).arg(threshold)
                        : Tr::tr("%1, fewer than %2: no points").arg(what).arg(threshold);
    f.source = Tr::tr("the case's reports; settings %1 = %2, %3 = %4")
                   .arg(QLatin1String(thresholdKey))
                   .arg(threshold)
                   .arg(factorRule(id)->settingsKey)
                   .arg(f.weight);
    add(a, f);
}

void addVolumeFactors(const AdvisorInput &in, const AdvisorSettings &s, Assessment &a)
{
    const QString reports = count(in.reportCount, Tr::tr("%1 report"), Tr::tr("%1 reports"));
    if (in.reportCount >= s.highVolumeThreshold)
        addThresholdFactor(a, s, QStringLiteral("volume-high"), in.reportCount,
                           s.highVolumeThreshold, "highVolumeThreshold", reports);
    else
        addThresholdFactor(a, s, QStringLiteral("volume"), in.reportCount, s.volumeThreshold,
                           "volumeThreshold", reports);
    addThresholdFactor(a, s, QStringLiteral("distinct-reporters"), in.distinctReporters,
                       s.distinctReportersThreshold, "distinctReportersThreshold",
                       count(in.distinctReporters, Tr::tr("%1 distinct reporter"),
                             Tr::tr("%1 distinct reporters")));
}

void addDeadlineFactors(const AdvisorInput &in, const AdvisorSettings &s, Assessment &a)
{
    for (const MissedDeadline &d : in.missedDeadlines) {
        ++a.facts.missedDeadlines;
        AdvisorFactor f;
        f.id = QStringLiteral("missed-deadline");
        f.label = Tr::tr("Missed %1 deadline of %2").arg(d.kind, minute(d.due));
        f.weight = s.weight(f.id);
        f.source = Tr::tr("deadline %1 due %2; setting weightMissedDeadline = %3")
                       .arg(d.kind, minute(d.due), QString::number(f.weight));
        f.detail = d.description;
        f.counted = true;
        add(a, f);
    }
}

void addListingFactors(const AdvisorInput &in, Assessment &a)
{
    for (const AdvisorListing &l : in.listings) {
        AdvisorFactor f;
        f.id = QStringLiteral("listing");
        f.source = listingSource(l);
        f.counted = l.verdict == u"listed";
        if (f.counted) {
            f.label = Tr::tr("%1 listed on %2").arg(l.addressOrRange, l.listName);
            f.detail = Tr::tr("Blacklist impact on an address of the account: rule R1, clauses 3.3 "
                              "and 6.2.");
        } else if (l.verdict == u"policy-listed") {
            f.label =
                Tr::tr("%1 on %2: policy listing, not counted").arg(l.addressOrRange, l.listName);
            f.detail =
                Tr::tr("A policy listing (Spamhaus PBL) marks addresses that should not send "
                       "mail straight to recipients. It says nothing about abuse and is not "
                       "counted as blacklist impact.");
        } else {
            f.label =
                Tr::tr("%1 on %2: %3, not counted").arg(l.addressOrRange, l.listName, l.verdict);
            f.detail = Tr::tr("This check did not show the address listed.");
        }
        add(a, f);
    }
}

void addPriorFactors(const AdvisorInput &in, Assessment &a)
{
    for (const PriorOffence &p : in.priorOffences) {
        AdvisorFactor f;
        f.id = QStringLiteral("prior-offence");
        f.label = Tr::tr("%1 %2 of %3").arg(p.kind, p.reference, day(p.at));
        f.source = p.kind == u"case" ? Tr::tr("case %1").arg(p.reference)
                                     : Tr::tr("account history: %1").arg(p.reference);
        const bool inWindow = p.at.isValid() && p.at >= a.windowStart && p.at <= in.now;
        if (!in.caseId.isEmpty() && p.reference == in.caseId) {
            f.detail = Tr::tr("This case itself: not a prior offence.");
        } else if (!inWindow) {
            f.detail = Tr::tr("Dated %1, outside the window %2 to %3: not counted.")
                           .arg(day(p.at), day(a.windowStart), day(in.now));
        } else if (!p.counted) {
            f.detail =
                Tr::tr("Within the window, but not a confirmed offence (an open case, an opt-out "
                       "request or a third party's blacklisting): not counted.");
        } else {
            f.counted = true;
            ++a.facts.priorOffences;
            f.detail =
                Tr::tr("Confirmed offence within the window %1 to %2: counts towards rule R2 "
                       "(repeated), not towards the score.")
                    .arg(day(a.windowStart), day(in.now));
        }
        add(a, f);
    }
}

} // namespace

Recommendation adviseEnforcement(const AdvisorInput &in, const AdvisorSettings &s)
{
    Assessment a;
    a.months = in.lookBackMonths > 0 ? in.lookBackMonths : s.lookBackMonths;
    a.windowStart = in.windowStart.isValid() ? in.windowStart : in.now.addMonths(-a.months);
    a.facts.attributed = !in.accountId.trimmed().isEmpty();
    a.facts.lookBackMonths = a.months;

    collectEvidence(in, s, a);
    addClauseFactors(s, a);
    addVolumeFactors(in, s, a);
    addDeadlineFactors(in, s, a);
    addListingFactors(in, a);
    addPriorFactors(in, a);

    Recommendation r;
    r.caseId = in.caseId;
    r.accountId = in.accountId.trimmed();
    r.at = in.now;
    r.score = a.facts.score;
    r.factors = a.factors;
    r.clauses = a.facts.engagedClauses;
    r.settingsUsed = s;
    for (const EnforcementRule &rule : enforcementRules()) {
        if (!rule.applies(a.facts, s))
            continue;
        r.ruleId = rule.id;
        r.action = rule.action;
        QString outcome = rule.action.isEmpty() ? Tr::tr("no action proposed") : rule.action;
        if (rule.action == u"suspension") {
            r.suspensionDays = suspensionDaysFor(r.score, s);
            outcome = Tr::tr("suspension of %1")
                          .arg(count(r.suspensionDays, Tr::tr("%1 day"), Tr::tr("%1 days")));
        }
        r.ruleApplied = QStringLiteral("%1 %2: %3 -> %4, %5")
                            .arg(rule.id, rule.name, rule.because(a.facts, s), outcome, rule.basis);
        break;
    }
    r.explanation = advisorExplanation({in, r, a.facts, a.scoreTerms, a.windowStart, a.months});
    return r;
}

} // namespace Awb
