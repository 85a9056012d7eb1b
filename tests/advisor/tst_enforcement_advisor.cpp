// The enforcement advisor of policy 6.1: each rule, each weight, the thresholds at their
// boundaries, and what is shown but not counted. The weights, the analyst's override, the
// settings and the JSON are tested in tst_advisor_decisions.cpp.
#include "advisor_fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace AdvisorTest;

class TestEnforcementAdvisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void northwindIsRepeated();
    void r0UnattributedProposesNothing();
    void r1BlacklistImpact();
    void r1PolicyListingIsNotCounted();
    void r2RepeatedNeedsAViolation();
    void r2RepeatedAfterIsASetting();
    void r3SevereBoundary_data();
    void r3SevereBoundary();
    void r4ModerateBoundary_data();
    void r4ModerateBoundary();
    void r5FirstOffence();
    void r6NoViolation();
    void suspensionDaysGrowAndCap_data();
    void suspensionDaysGrowAndCap();
    void clauseCountsOnce();
    void clausesInPolicyOrder();
    void messageTextIsNotAFormat();
    void infoFindingsNeverEngage();
    void minimumSeverityIsASetting();
    void clauseOfTheReportIsNotScored();
    void missedOptOutEngages42();
    void priorOffencesOutsideTheWindow();
    void windowFromSettingsWhenNotGiven();
};

void TestEnforcementAdvisor::northwindIsRepeated()
{
    const Recommendation r = advise(northwind());
    QCOMPARE(r.action, QStringLiteral("termination"));
    QCOMPARE(r.ruleId, QStringLiteral("R2"));
    QCOMPARE(r.ruleApplied,
             QStringLiteral("R2 repeated: 1 prior confirmed offence within 12 "
                            "months (repeatedAfter = 1) -> termination, policy 6.1"));
    QCOMPARE(r.suspensionDays, 0);
    // 3.2 (3) + 3.3 (5, the bare HELO) + 4.2 (1) + five distinct reporters (1).
    QCOMPARE(r.score, 10);
    QCOMPARE(r.clauses, QStringList({"3.2", "3.3", "4.2"}));
    const AdvisorFactor *deception = factor(r, QStringLiteral("clause-3.2"));
    QVERIFY(deception);
    QVERIFY(deception->counted);
    QCOMPARE(deception->weight, 3);
    QVERIFY2(deception->source.startsWith(QStringLiteral(
                 "from.display-name-spoof x1, received.broken-handoff x1, subject.deceptive x1, "
                 "subject.fake-reply x1; 2 reports: <fbl.20261102092005.8c41d7@fbl.example.net>, "
                 "<7012345678@msgid.spamcop.example>")),
             qPrintable(deception->source));
    QVERIFY(deception->source.endsWith(QStringLiteral("setting weightClause3_2 = 3")));
    QVERIFY(deception->detail.contains(QStringLiteral("refund approved")));
    const AdvisorFactor *info = factor(r, QStringLiteral("below-minimum-3.1"));
    QVERIFY(info);
    QVERIFY(!info->counted);
    QVERIFY(!factor(r, QStringLiteral("below-minimum-3.3"))->counted);
    const AdvisorFactor *warning = factor(r, QStringLiteral("prior-offence"));
    QVERIFY(warning->counted);
    QCOMPARE(warning->label, QStringLiteral("warning LEGACY-2026-0311 of 2026-05-14"));

    const QString text = r.explanation.join(QLatin1Char('\n'));
    QVERIFY2(
        text.contains(QStringLiteral("Case IXCM-ABUSE-2026-000001 (complaint) concerns account "
                                     "IXC-10042: 5 reports from 5 distinct reporters")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Clause 3.2 is engaged by 4 findings "
                                          "(from.display-name-spoof, received.broken-handoff, "
                                          "subject.deceptive, subject.fake-reply): 3 points.")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral(
        "Score: 3 (clause-3.2) + 5 (clause-3.3) + 1 (clause-4.2) + 1 (distinct-reporters) = 10 "
        "points")));
    QVERIFY(text.contains(QStringLiteral("Prior confirmed offences within the 12 months from "
                                         "2025-11-12 to 2026-11-12: warning LEGACY-2026-0311 of "
                                         "2026-05-14.")));
    QVERIFY(text.contains(QStringLiteral("Rule R3 (severe) would also apply: score 10 >= "
                                         "severeThreshold 10.")));
    QCOMPARE(text.count(QStringLiteral("would also apply")), 1);
    QVERIFY(text.contains(QStringLiteral("Findings below severity low engage no clause and are "
                                         "not counted: clause 3.1 (received.origin-ours); clause "
                                         "3.3 (received.authenticated-submission).")));
}

void TestEnforcementAdvisor::r0UnattributedProposesNothing()
{
    // The crypto scam from 198.51.100.77 that forges a hop claiming 203.0.113.11: no account.
    AdvisorInput in = northwind();
    in.accountId.clear();
    in.listings = {listing(3, "Spamhaus ZEN", "zen.spamhaus.org", "198.51.100.77", "listed", kNow)};
    const Recommendation r = advise(in);
    QCOMPARE(r.action, QString());
    QVERIFY(!r.proposesAction());
    QCOMPARE(r.ruleId, QStringLiteral("R0"));
    QCOMPARE(r.ruleApplied,
             QStringLiteral("R0 unattributed: the case is tied to no customer account, and an "
                            "enforcement action needs an account to act on -> no action proposed, "
                            "policy 6.1"));
    QVERIFY(r.score > 0); // the factors are still worked out and shown
    QVERIFY(r.explanation.first().contains(QStringLiteral("is tied to no customer account")));
}

void TestEnforcementAdvisor::r1BlacklistImpact()
{
    const Recommendation r = advise(bakery());
    QCOMPARE(r.action, QStringLiteral("termination-liability"));
    QCOMPARE(r.ruleId, QStringLiteral("R1"));
    QCOMPARE(r.ruleApplied,
             QStringLiteral("R1 blacklist impact: 1 blocklist row with verdict \"listed\" for the "
                            "account's addresses (203.0.113.40 on Spamhaus SBL) -> "
                            "termination-liability, policy 6.1, 6.2, 6.3"));
    QCOMPARE(r.clauses, QStringList({"3.2", "3.3", "4.2"}));
    const AdvisorFactor *impact = factor(r, QStringLiteral("clause-3.3"));
    QVERIFY(impact->source.contains(QStringLiteral(
        "listing row 17 (source report, zone sbl.spamhaus.org, checked 2026-11-10 03:12 UTC, "
        "evidence 7)")));
    const QString text = r.explanation.join(QLatin1Char('\n'));
    QVERIFY(text.contains(QStringLiteral("forfeits prepaid fees, setup charges and account "
                                         "credits under policy 6.3")));
    QVERIFY2(text.contains(QStringLiteral(
                 "Blacklist impact: 203.0.113.40 listed on Spamhaus SBL, listing row 17 (source "
                 "report, zone sbl.spamhaus.org, checked 2026-11-10 03:12 UTC, evidence 7).")),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("would also apply")));
    QCOMPARE(enforcementActionBasis(r.action), QStringList({"6.1", "6.2", "6.3"}));

    // A listing alone is blacklist impact, without any finding.
    AdvisorInput only = base("IXC-10077");
    only.listings = {
        listing(17, "Spamhaus ZEN", "zen.spamhaus.org", "203.0.113.40", "listed", kNow)};
    QCOMPARE(advise(only).action, QStringLiteral("termination-liability"));
    QCOMPARE(advise(only).clauses, QStringList({"3.3"}));
}

void TestEnforcementAdvisor::r1PolicyListingIsNotCounted()
{
    AdvisorInput in = base("IXC-10077");
    in.findings = {finding("standards.no-unsubscribe", "4.2", Severity::Medium)};
    in.listings = {
        listing(18, "Spamhaus ZEN", "zen.spamhaus.org", "203.0.113.41", "policy-listed", kNow),
        listing(19, "SpamCop Blocking List", "bl.spamcop.net", "203.0.113.41", "not-listed", kNow),
        listing(20, "Spamhaus ZEN", "zen.spamhaus.org", "203.0.113.42", "timeout", kNow)};
    const Recommendation r = advise(in);
    QCOMPARE(r.ruleId, QStringLiteral("R5"));
    QCOMPARE(r.action, QStringLiteral("warning"));
    QCOMPARE(r.clauses, QStringList({"4.2"}));
    int listings = 0;
    for (const AdvisorFactor &f : r.factors) {
        if (f.id != u"listing")
            continue;
        ++listings;
        QVERIFY(!f.counted);
    }
    QCOMPARE(listings, 3);
    const AdvisorFactor *pbl = factor(r, QStringLiteral("listing"));
    QCOMPARE(pbl->label,
             QStringLiteral("203.0.113.41 on Spamhaus ZEN: policy listing, not counted"));
    QVERIFY(pbl->detail.contains(QStringLiteral("not counted as blacklist impact")));
}

void TestEnforcementAdvisor::r2RepeatedNeedsAViolation()
{
    AdvisorInput in = base();
    in.priorOffences = {prior("warning", "LEGACY-2026-0311", QDate(2026, 5, 14), true)};
    in.findings = onePointFindings(1);
    const Recommendation repeated = advise(in);
    QCOMPARE(repeated.ruleId, QStringLiteral("R2"));
    QCOMPARE(repeated.action, QStringLiteral("termination"));
    QCOMPARE(repeated.score, 1);

    // A prior offence is not a new one: a case that shows nothing gets nothing.
    in.findings.clear();
    const Recommendation clean = advise(in);
    QCOMPARE(clean.ruleId, QStringLiteral("R6"));
    QCOMPARE(clean.action, QString());
}

void TestEnforcementAdvisor::r2RepeatedAfterIsASetting()
{
    AdvisorInput in = base();
    in.findings = onePointFindings(1);
    in.priorOffences = {prior("warning", "LEGACY-2026-0311", QDate(2026, 5, 14), true)};
    AdvisorSettings s;
    s.repeatedAfter = 2;
    const Recommendation once = advise(in, s);
    QCOMPARE(once.ruleId, QStringLiteral("R5"));
    QCOMPARE(once.ruleApplied,
             QStringLiteral("R5 first offence: score 1 is below moderateThreshold 3, and the "
                            "account has 1 prior confirmed offence within 12 months "
                            "(repeatedAfter = 2) -> warning, policy 6.1"));
    in.priorOffences << prior("case", "IXCM-ABUSE-2026-000045", QDate(2026, 9, 1), true);
    const Recommendation twice = advise(in, s);
    QCOMPARE(twice.ruleId, QStringLiteral("R2"));
    QCOMPARE(twice.ruleApplied,
             QStringLiteral("R2 repeated: 2 prior confirmed offences within 12 months "
                            "(repeatedAfter = 2) -> termination, policy 6.1"));
    QCOMPARE(factor(twice, QStringLiteral("prior-offence"))->source,
             QStringLiteral("account history: LEGACY-2026-0311"));
    QCOMPARE(twice.factors.last().source, QStringLiteral("case IXCM-ABUSE-2026-000045"));
}

void TestEnforcementAdvisor::r3SevereBoundary_data()
{
    QTest::addColumn<int>("extraPoints");
    QTest::addColumn<int>("score");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("action");
    // 3.3 (5) + 3.2 (3) = 8, plus one-point clauses.
    QTest::newRow("9: moderate") << 1 << 9 << "R4"
                                 << "suspension";
    QTest::newRow("10: severe") << 2 << 10 << "R3"
                                << "termination";
    QTest::newRow("11: severe") << 3 << 11 << "R3"
                                << "termination";
}

void TestEnforcementAdvisor::r3SevereBoundary()
{
    QFETCH(int, extraPoints);
    QFETCH(int, score);
    QFETCH(QString, rule);
    QFETCH(QString, action);
    AdvisorInput in = base();
    in.findings = {finding("received.dynamic-rdns", "3.3", Severity::Medium),
                   finding("subject.deceptive", "3.2", Severity::Medium)};
    in.findings << onePointFindings(extraPoints);
    const Recommendation r = advise(in);
    QCOMPARE(r.score, score);
    QCOMPARE(r.ruleId, rule);
    QCOMPARE(r.action, action);
    if (rule == u"R3")
        QCOMPARE(r.ruleApplied, QStringLiteral("R3 severe: score %1 >= severeThreshold 10 -> "
                                               "termination, policy 6.1")
                                    .arg(score));
}

void TestEnforcementAdvisor::r4ModerateBoundary_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("days");
    QTest::newRow("2: first offence") << 2 << "R5"
                                      << "warning" << 0;
    QTest::newRow("3: moderate") << 3 << "R4"
                                 << "suspension" << 7;
}

void TestEnforcementAdvisor::r4ModerateBoundary()
{
    QFETCH(int, points);
    QFETCH(QString, rule);
    QFETCH(QString, action);
    QFETCH(int, days);
    AdvisorInput in = base();
    in.findings = onePointFindings(points);
    const Recommendation r = advise(in);
    QCOMPARE(r.score, points);
    QCOMPARE(r.ruleId, rule);
    QCOMPARE(r.action, action);
    QCOMPARE(r.suspensionDays, days);
    if (rule == u"R4")
        QCOMPARE(r.ruleApplied,
                 QStringLiteral("R4 moderate: score 3 >= moderateThreshold 3 and below "
                                "severeThreshold 10 -> suspension of 7 days, policy 6.1"));
}

void TestEnforcementAdvisor::r5FirstOffence()
{
    AdvisorInput in = base();
    in.findings = {finding("standards.no-unsubscribe", "4.2", Severity::Medium)};
    const Recommendation r = advise(in);
    QCOMPARE(r.ruleId, QStringLiteral("R5"));
    QCOMPARE(r.action, QStringLiteral("warning"));
    QCOMPARE(r.ruleApplied,
             QStringLiteral("R5 first offence: score 1 is below moderateThreshold 3, and the "
                            "account has 0 prior confirmed offences within 12 months "
                            "(repeatedAfter = 1) -> warning, policy 6.1"));
    QVERIFY(r.explanation.contains(
        QStringLiteral("A warning notice requires immediate correction (policy 6.1).")));
}

void TestEnforcementAdvisor::r6NoViolation()
{
    // Lumen Analytics: a clean double-opt-in newsletter, one "this is spam" click.
    AdvisorInput in = base("IXC-10101");
    in.findings = {finding("received.origin-ours", "3.1", Severity::Info,
                           "Hop 1 was written by mx.example.net",
                           "fbl.20261110070240.1b93e0@fbl.example.net")};
    const Recommendation r = advise(in);
    QCOMPARE(r.ruleId, QStringLiteral("R6"));
    QCOMPARE(r.action, QString());
    QCOMPARE(r.score, 0);
    QVERIFY(r.clauses.isEmpty());
    QVERIFY(r.ruleApplied.startsWith(QStringLiteral("R6 no violation established: no finding at "
                                                    "or above low engages a clause")));
    QVERIFY(r.ruleApplied.endsWith(QStringLiteral("-> no action proposed, policy 6.1")));
}

void TestEnforcementAdvisor::suspensionDaysGrowAndCap_data()
{
    QTest::addColumn<int>("score");
    QTest::addColumn<int>("days");
    // 7 + 3 x (score - 3), at most 30; severeThreshold raised to 100 to reach the cap.
    QTest::newRow("3") << 3 << 7;
    QTest::newRow("4") << 4 << 10;
    QTest::newRow("5") << 5 << 13;
    QTest::newRow("9") << 9 << 25;
    QTest::newRow("10") << 10 << 28;
    QTest::newRow("11: 31 capped") << 11 << 30;
    QTest::newRow("40") << 40 << 30;
}

void TestEnforcementAdvisor::suspensionDaysGrowAndCap()
{
    QFETCH(int, score);
    QFETCH(int, days);
    AdvisorSettings s;
    s.severeThreshold = 100;
    s.weights[QStringLiteral("missed-deadline")] = 1;
    AdvisorInput in = base();
    for (int i = 0; i < score; ++i)
        in.missedDeadlines << missed("response", kNow.addDays(-i - 1));
    const Recommendation r = advise(in, s);
    QCOMPARE(r.score, score);
    QCOMPARE(r.action, QStringLiteral("suspension"));
    QCOMPARE(r.suspensionDays, days);
    QCOMPARE(suspensionDaysFor(score, s), days);
    QVERIFY(r.ruleApplied.contains(QStringLiteral("-> suspension of %1 days").arg(days)));
}

void TestEnforcementAdvisor::clauseCountsOnce()
{
    AdvisorInput in = base();
    for (int i = 0; i < 12; ++i)
        in.findings << finding("subject.fake-reply", "3.2", Severity::Medium);
    const Recommendation r = advise(in);
    QCOMPARE(r.score, 3);
    QVERIFY(factor(r, QStringLiteral("clause-3.2"))
                ->source.startsWith(QStringLiteral("subject.fake-reply x12; 1 report: ")));
}

void TestEnforcementAdvisor::clausesInPolicyOrder()
{
    AdvisorInput in = base();
    in.findings = {finding("standards.no-unsubscribe", "4.2", Severity::Medium),
                   finding("received.no-rdns", "3.3", Severity::Low),
                   finding("bounce.rate-exceeded", "4.3", Severity::Medium),
                   finding("relay.unauthenticated-through-ours", "3.1", Severity::High),
                   finding("subject.deceptive", "3.2", Severity::Medium)};
    const Recommendation r = advise(in);
    QCOMPARE(r.clauses, QStringList({"3.1", "3.2", "3.3", "4.2", "4.3"}));
    QStringList ids;
    for (const AdvisorFactor &f : r.factors) {
        if (f.id.startsWith(QStringLiteral("clause-")))
            ids << f.id;
    }
    QCOMPARE(ids,
             QStringList({"clause-3.1", "clause-3.2", "clause-3.3", "clause-4.2", "clause-4.3"}));
    QStringList mixed = {"XI", "6.2", "V", "4.1", "3.3", "II", "unknown", "3.1"};
    sortClausesInPolicyOrder(mixed);
    QCOMPARE(mixed, QStringList({"II", "3.1", "3.3", "4.1", "V", "6.2", "XI", "unknown"}));
}

void TestEnforcementAdvisor::messageTextIsNotAFormat()
{
    // Evidence and ids come from the message: a "%1" in them must reach the reader as written.
    AdvisorInput in = base();
    in.caseId = QStringLiteral("IXCM-ABUSE-2026-%1");
    in.findings = {finding("subject.deceptive", "3.2", Severity::Medium,
                           "\"Subject: Win %1 %2 %3 today\"", "%2@spam.example")};
    in.missedDeadlines = {{QStringLiteral("response"), kNow.addDays(-1), QStringLiteral("%1 %2")}};
    const Recommendation r = advise(in);
    const AdvisorFactor *deception = factor(r, QStringLiteral("clause-3.2"));
    QVERIFY(deception->detail.endsWith(QStringLiteral("\"Subject: Win %1 %2 %3 today\"")));
    QVERIFY(deception->source.contains(QStringLiteral("<%2@spam.example>")));
    QCOMPARE(factor(r, QStringLiteral("missed-deadline"))->detail, QStringLiteral("%1 %2"));
    QVERIFY(
        r.explanation.first().startsWith(QStringLiteral("Case IXCM-ABUSE-2026-%1 (complaint)")));
}

void TestEnforcementAdvisor::infoFindingsNeverEngage()
{
    AdvisorInput in = base();
    in.findings = {finding("received.origin-ours", "3.1", Severity::Info),
                   finding("dkim.body-hash-mismatch", "3.2", Severity::Info),
                   finding("received.authenticated-submission", "3.3", Severity::Info)};
    AdvisorSettings s;
    // Even a settings object that asks for it: Info never engages a clause.
    s.minimumSeverity = Severity::Info;
    const Recommendation r = advise(in, s);
    QVERIFY(r.clauses.isEmpty());
    QCOMPARE(r.score, 0);
    QCOMPARE(r.ruleId, QStringLiteral("R6"));
    QVERIFY(!factor(r, QStringLiteral("below-minimum-3.3"))->counted);
}

void TestEnforcementAdvisor::minimumSeverityIsASetting()
{
    AdvisorInput in = base();
    in.findings = {finding("received.helo-not-fqdn", "3.3", Severity::Low),
                   finding("standards.no-unsubscribe", "4.2", Severity::Medium)};
    QCOMPARE(advise(in).score, 6);
    // The default: a low finding (the bare HELO) engages nothing.
    QCOMPARE(AdvisorSettings().minimumSeverity, Severity::Medium);
    AdvisorSettings s;
    const Recommendation r = advise(in, s);
    QCOMPARE(r.score, 1);
    QCOMPARE(r.clauses, QStringList({"4.2"}));
    QCOMPARE(factor(r, QStringLiteral("below-minimum-3.3"))->label,
             QStringLiteral("Clause 3.3: findings below medium, not counted"));
}

void TestEnforcementAdvisor::clauseOfTheReportIsNotScored()
{
    AdvisorInput in = base();
    in.findings = {finding("received.chain-missing", "V", Severity::Low),
                   finding("report.source-ip-mismatch", "V", Severity::Medium)};
    const Recommendation r = advise(in);
    QVERIFY(r.clauses.isEmpty());
    const AdvisorFactor *v = factor(r, QStringLiteral("clause-V"));
    QVERIFY(v);
    QVERIFY(!v->counted);
    QCOMPARE(r.ruleId, QStringLiteral("R6"));
}

void TestEnforcementAdvisor::missedOptOutEngages42()
{
    // Lumen's opt-out request (ARF feedback-type opt-out), not processed within 10 business days.
    AdvisorInput in = base("IXC-10101");
    in.caseKind = QStringLiteral("opt-out");
    in.missedDeadlines = {missed("opt-out", QDateTime(QDate(2026, 11, 11), QTime(16, 0), Qt::UTC))};
    const Recommendation r = advise(in);
    QCOMPARE(r.clauses, QStringList({"4.2"}));
    QCOMPARE(r.score, 4); // 4.2 (1) + the missed deadline (3)
    QCOMPARE(r.action, QStringLiteral("suspension"));
    QCOMPARE(r.suspensionDays, 10);
    QVERIFY(factor(r, QStringLiteral("clause-4.2"))
                ->source.startsWith(QStringLiteral("opt-out deadline 2026-11-11 16:00 UTC")));
    QVERIFY(r.explanation.at(1).startsWith(QStringLiteral("An opt-out request is no offence")));
}

void TestEnforcementAdvisor::priorOffencesOutsideTheWindow()
{
    AdvisorInput in = base("IXC-10015");
    in.findings = onePointFindings(1);
    in.priorOffences = {
        // Quayside's warning of 2025-08-19: older than 12 months on 2026-11-12.
        prior("warning", "LEGACY-2025-0147", QDate(2025, 8, 19), false),
        // Marked counted by a caller with another window: the date decides.
        prior("termination", "LEGACY-2025-0001", QDate(2025, 11, 11), true),
        // In the window but never confirmed (an open case).
        prior("case", "IXCM-ABUSE-2026-000031", QDate(2026, 10, 1), false),
        // The case being advised on is not its own prior offence.
        prior("case", "IXCM-ABUSE-2026-000001", QDate(2026, 11, 2), true),
    };
    const Recommendation r = advise(in);
    QCOMPARE(r.ruleId, QStringLiteral("R5"));
    int shown = 0;
    for (const AdvisorFactor &f : r.factors) {
        if (f.id == u"prior-offence") {
            ++shown;
            QVERIFY2(!f.counted, qPrintable(f.label));
        }
    }
    QCOMPARE(shown, 4);
    QCOMPARE(r.factors.at(r.factors.size() - 4).detail,
             QStringLiteral("Dated 2025-08-19, outside the window 2025-11-12 to 2026-11-12: not "
                            "counted."));
    QVERIFY(r.factors.last().detail.contains(QStringLiteral("This case itself")));
    QVERIFY(r.explanation.join(QLatin1Char('\n'))
                .contains(QStringLiteral("Not counted: prior warning LEGACY-2025-0147 of "
                                         "2025-08-19.")));
}

void TestEnforcementAdvisor::windowFromSettingsWhenNotGiven()
{
    AdvisorInput in = base();
    in.findings = onePointFindings(1);
    in.windowStart = QDateTime();
    in.lookBackMonths = 0;
    in.priorOffences = {prior("warning", "LEGACY-2026-0311", QDate(2026, 5, 14), true)};
    AdvisorSettings s;
    s.lookBackMonths = 3;
    const Recommendation r = advise(in, s);
    QCOMPARE(r.ruleId, QStringLiteral("R5"));
    QVERIFY(r.ruleApplied.contains(QStringLiteral("within 3 months")));

    // The history counted over 12 months while the settings say 3: said so in the explanation.
    in.windowStart = kNow.addMonths(-12);
    in.lookBackMonths = 12;
    const Recommendation mismatch = advise(in, s);
    QCOMPARE(mismatch.ruleId, QStringLiteral("R2"));
    QVERIFY(mismatch.explanation.join(QLatin1Char('\n'))
                .contains(QStringLiteral("the history's window is used")));
}

QTEST_GUILESS_MAIN(TestEnforcementAdvisor)
#include "tst_enforcement_advisor.moc"
