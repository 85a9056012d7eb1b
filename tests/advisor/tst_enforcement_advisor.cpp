// The enforcement advisor of policy 6.1: each rule, each weight, the thresholds at their
// boundaries, what is shown but not counted, the analyst's override, settings and JSON. Inputs
// follow the demo story (resources/demo/README.md) with the check ids, severities and evidence
// that `awb analyze` reports for the demo messages.
#include "policy/enforcement_advisor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

namespace {

const QDateTime kNow(QDate(2026, 11, 12), QTime(10, 0), Qt::UTC);

AdvisorFinding finding(const char *check, const char *clause, Severity severity,
                       const char *evidence = "", const char *messageId = "")
{
    AdvisorFinding f;
    f.check = QLatin1String(check);
    f.clause = QLatin1String(clause);
    f.severity = severity;
    f.title = QStringLiteral("title of ") + f.check;
    f.evidence = QString::fromUtf8(evidence);
    f.reportMessageId = QLatin1String(messageId);
    f.reportSha256 =
        QStringLiteral("0362b7afbe0941c5aa11bb22cc33dd44ee55ff6600112233445566778899aabb");
    return f;
}

AdvisorListing listing(qint64 id, const char *list, const char *zone, const char *address,
                       const char *verdict, const QDateTime &at, const char *source = "dnsbl")
{
    AdvisorListing l;
    l.id = id;
    l.listName = QLatin1String(list);
    l.zone = QLatin1String(zone);
    l.addressOrRange = QLatin1String(address);
    l.verdict = QLatin1String(verdict);
    l.checkedAt = at;
    l.source = QLatin1String(source);
    return l;
}

PriorOffence prior(const char *kind, const char *reference, QDate date, bool counted)
{
    return {QDateTime(date, QTime(0, 0), Qt::UTC), QLatin1String(kind), QLatin1String(reference),
            counted};
}

MissedDeadline missed(const char *kind, const QDateTime &due)
{
    return {QLatin1String(kind), due,
            QStringLiteral("No answer to notice IXCM-ABUSE-2026-000002 by %1")
                .arg(due.toString(Qt::ISODate))};
}

// An attributed complaint with one report and nothing against it yet.
AdvisorInput base(const char *account = "IXC-10042")
{
    AdvisorInput in;
    in.caseId = QStringLiteral("IXCM-ABUSE-2026-000001");
    in.accountId = QLatin1String(account);
    in.caseKind = QStringLiteral("complaint");
    in.now = kNow;
    in.reportCount = 1;
    in.distinctReporters = 1;
    in.windowStart = kNow.addMonths(-12);
    in.lookBackMonths = 12;
    return in;
}

// Northwind Mailers (IXC-10042): the "refund approved" campaign of 2-5 November 2026, five
// reports from five reporters, after the warning LEGACY-2026-0311 of 2026-05-14.
AdvisorInput northwind()
{
    AdvisorInput in = base();
    in.reportCount = 5;
    in.distinctReporters = 5;
    const char *fbl = "fbl.20261102092005.8c41d7@fbl.example.net";
    const char *spamcop = "7012345678@msgid.spamcop.example";
    const char *jmrp = "JMRP-20261105151040-8f2c1e4a9b@hotmail.example";
    in.findings = {
        finding("from.display-name-spoof", "3.2", Severity::High,
                "\"From: \"support@bigbank.example\" <deals@northwind-deals.example>\"", fbl),
        finding("received.broken-handoff", "3.2", Severity::High,
                "Hop 2 claims to have been written by relay7.bigbank.example", fbl),
        finding("received.helo-not-fqdn", "3.3", Severity::Low,
                "the sender said HELO \"WIN-7Q2LK0B3\"", fbl),
        finding("received.origin-ours", "3.1", Severity::Info,
                "Hop 1 was written by mx.example.net", fbl),
        finding("standards.no-unsubscribe", "4.2", Severity::Medium,
                "The message has no List-Unsubscribe header", fbl),
        finding("subject.deceptive", "3.2", Severity::Medium,
                "\"Subject: RE: Your order #48213 - refund approved\"", fbl),
        finding("subject.fake-reply", "3.2", Severity::Medium,
                "\"Subject: RE: Your order #48502 - refund approved\"", spamcop),
        finding("received.authenticated-submission", "3.3", Severity::Info,
                "mta3.northwind-deals.example accepted the message after SMTP AUTH", spamcop),
        finding("message-id.domain-mismatch", "4.2", Severity::Low,
                "\"Message-ID: <20261105140208.48790.3301@blaster-07.cheapsend.test>\"", jmrp),
    };
    in.priorOffences = {prior("warning", "LEGACY-2026-0311", QDate(2026, 5, 14), true)};
    return in;
}

// Harbour Street Bakery (IXC-10077): the phishing of 9-10 November and the Spamhaus SBL listing
// of 203.0.113.40, with the PBL listing of its neighbour that must not count.
AdvisorInput bakery()
{
    AdvisorInput in = base("IXC-10077");
    in.caseId = QStringLiteral("IXCM-ABUSE-2026-000002");
    in.reportCount = 2;
    in.distinctReporters = 2;
    const char *forward = "LO2P265MB0412A7C3E1F0B9D2@EXCH-02.ad.lakeside.example.org";
    in.findings = {
        finding("auth.dmarc-fail", "3.2", Severity::High, "dmarc=fail (p=none dis=none)", forward),
        finding("content.link-text-mismatch", "3.2", Severity::High,
                "The link text \"https://mail.lakeside.example.org/owa/verify\"", forward),
        finding("reply-to.divergent", "4.2", Severity::Low,
                "\"Reply-To: helpdesk.verify@webmail-box.example\"", forward),
        finding("report.blacklisting", "3.3", Severity::High, "SBL000123 lists 203.0.113.40",
                "SBL000123.1794293462.notify@spamhaus.example"),
    };
    AdvisorListing sbl = listing(17, "Spamhaus SBL", "sbl.spamhaus.org", "203.0.113.40", "listed",
                                 QDateTime(QDate(2026, 11, 10), QTime(3, 12), Qt::UTC), "report");
    sbl.evidenceId = 7;
    in.listings = {sbl,
                   listing(18, "Spamhaus ZEN", "zen.spamhaus.org", "203.0.113.41", "policy-listed",
                           QDateTime(QDate(2026, 11, 11), QTime(8, 0), Qt::UTC))};
    return in;
}

// Findings that engage 3.1, 4.2 and 4.3: one point each with the default weights.
QList<AdvisorFinding> onePointFindings(int points)
{
    const QList<AdvisorFinding> all = {
        finding("relay.unauthenticated-through-ours", "3.1", Severity::High),
        finding("standards.no-postal-address", "4.2", Severity::Medium),
        finding("bounce.rate-exceeded", "4.3", Severity::Medium),
    };
    return all.mid(0, points);
}

const AdvisorFactor *factor(const Recommendation &r, const QString &id)
{
    for (const AdvisorFactor &f : r.factors) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

// What every proposal must satisfy: the score is the sum of the counted points, and a factor
// that is not counted adds none.
void checkScoreAddsUp(const Recommendation &r)
{
    int sum = 0;
    for (const AdvisorFactor &f : r.factors) {
        if (!f.counted)
            QCOMPARE(f.weight, 0);
        sum += f.counted ? f.weight : 0;
    }
    QCOMPARE(r.score, sum);
}

// The rule tests use the lowest minimum severity, so that every finding of a fixture engages its
// clause; the default (medium) is tested on its own in minimumSeverityIsASetting().
AdvisorSettings lowMinimum()
{
    AdvisorSettings s;
    s.minimumSeverity = Severity::Low;
    return s;
}

Recommendation advise(const AdvisorInput &in, const AdvisorSettings &s = lowMinimum())
{
    const Recommendation r = adviseEnforcement(in, s);
    checkScoreAddsUp(r);
    return r;
}

} // namespace

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
    void weights_data();
    void weights();
    void weightsAreSettings();
    void clauseCountsOnce();
    void clausesInPolicyOrder();
    void messageTextIsNotAFormat();
    void infoFindingsNeverEngage();
    void minimumSeverityIsASetting();
    void clauseOfTheReportIsNotScored();
    void missedOptOutEngages42();
    void priorOffencesOutsideTheWindow();
    void windowFromSettingsWhenNotGiven();
    void overrideValidation_data();
    void overrideValidation();
    void settingsFromIniFile();
    void settingsFallBackToAccountsWindow();
    void ruleDescriptionsShowSettings();
    void jsonRoundTrip();
    void jsonRejectsBadAdvice_data();
    void jsonRejectsBadAdvice();
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

struct WeightRow
{
    QList<AdvisorFinding> findings;
    int reports = 1;
    int reporters = 1;
    int missedDeadlines = 0;
    QString factorId;
    int score = 0;
};
Q_DECLARE_METATYPE(WeightRow)

void TestEnforcementAdvisor::weights_data()
{
    QTest::addColumn<WeightRow>("row");
    const auto one = [](AdvisorFinding f, const char *id, int score) {
        WeightRow row;
        row.findings = {f};
        row.factorId = QLatin1String(id);
        row.score = score;
        return row;
    };
    QTest::newRow("3.1 open relay") << one(
        finding("relay.unauthenticated-through-ours", "3.1", Severity::High), "clause-3.1", 1);
    QTest::newRow("3.2 impersonation")
        << one(finding("from.display-name-spoof", "3.2", Severity::High), "clause-3.2", 3);
    QTest::newRow("3.3 dynamic address")
        << one(finding("received.dynamic-rdns", "3.3", Severity::Medium), "clause-3.3", 5);
    // No catalogue check engages 4.1 or 4.3 yet; an import or a later check will.
    QTest::newRow("4.1 consent") << one(finding("consent.no-record", "4.1", Severity::Medium),
                                        "clause-4.1", 1);
    QTest::newRow("4.2 no unsubscribe")
        << one(finding("standards.no-unsubscribe", "4.2", Severity::Medium), "clause-4.2", 1);
    QTest::newRow("4.3 bounce rate")
        << one(finding("bounce.rate-exceeded", "4.3", Severity::Medium), "clause-4.3", 1);
    WeightRow volume;
    volume.reports = 10;
    volume.factorId = QStringLiteral("volume");
    volume.score = 2;
    QTest::newRow("10 reports") << volume;
    volume.reports = 49;
    QTest::newRow("49 reports") << volume;
    volume.reports = 50;
    volume.factorId = QStringLiteral("volume-high");
    volume.score = 5; // the higher only, not 2 + 5
    QTest::newRow("50 reports") << volume;
    WeightRow reporters;
    reporters.reporters = 3;
    reporters.factorId = QStringLiteral("distinct-reporters");
    reporters.score = 1;
    QTest::newRow("3 reporters") << reporters;
    WeightRow deadlines;
    deadlines.missedDeadlines = 2;
    deadlines.factorId = QStringLiteral("missed-deadline");
    deadlines.score = 6;
    QTest::newRow("2 missed deadlines") << deadlines;
}

void TestEnforcementAdvisor::weights()
{
    QFETCH(WeightRow, row);
    AdvisorInput in = base();
    in.findings = row.findings;
    in.reportCount = row.reports;
    in.distinctReporters = row.reporters;
    for (int i = 0; i < row.missedDeadlines; ++i)
        in.missedDeadlines << missed("response", kNow.addDays(-3 - i));
    const Recommendation r = advise(in);
    QCOMPARE(r.score, row.score);
    const AdvisorFactor *f = factor(r, row.factorId);
    QVERIFY(f);
    QVERIFY(f->counted);
    int counted = 0;
    for (const AdvisorFactor &each : r.factors)
        counted += each.counted ? 1 : 0;
    QCOMPARE(counted, row.factorId == u"missed-deadline" ? row.missedDeadlines : 1);
}

void TestEnforcementAdvisor::weightsAreSettings()
{
    AdvisorInput in = base();
    in.findings = {finding("from.display-name-spoof", "3.2", Severity::High)};
    in.reportCount = 2; // below volumeThreshold: shown, no points
    AdvisorSettings s;
    s.weights[QStringLiteral("clause-3.2")] = 0;
    const Recommendation r = advise(in, s);
    QCOMPARE(r.score, 0);
    // A clause engaged with no points is still a violation: a warning, not "nothing".
    QCOMPARE(r.clauses, QStringList({"3.2"}));
    QCOMPARE(r.ruleId, QStringLiteral("R5"));
    const AdvisorFactor *volume = factor(r, QStringLiteral("volume"));
    QVERIFY(!volume->counted);
    QCOMPARE(volume->label, QStringLiteral("2 reports, fewer than 10: no points"));
    QCOMPARE(volume->source, QStringLiteral("the case's reports; settings volumeThreshold = 10, "
                                            "weightVolume = 2"));
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

struct DecisionRow
{
    QString proposed; // "northwind" (R2 termination), "moderate" (suspension 10), "unattributed"
    AnalystDecision decision;
    bool valid = false;
    bool override = false;
    QString error;
};
Q_DECLARE_METATYPE(DecisionRow)

void TestEnforcementAdvisor::overrideValidation_data()
{
    QTest::addColumn<DecisionRow>("row");
    const auto row = [](const char *proposed, const char *action, int days, const char *reason,
                        bool valid, bool override, const char *error = "") {
        return DecisionRow{QLatin1String(proposed),
                           {QLatin1String(action), days, QLatin1String(reason)},
                           valid,
                           override,
                           QLatin1String(error)};
    };
    QTest::newRow("accepted") << row("moderate", "suspension", 10, "", true, false);
    QTest::newRow("other length without reason")
        << row("moderate", "suspension", 14, "", false, true, "needs a reason");
    QTest::newRow("other length, reason of spaces")
        << row("moderate", "suspension", 14, "   ", false, true, "needs a reason");
    QTest::newRow("other length with reason")
        << row("moderate", "suspension", 14, "Second campaign found", true, true);
    QTest::newRow("6 days") << row("moderate", "suspension", 6, "Short", false, true,
                                   "suspension of 6 days is outside the 7 to 30 days");
    QTest::newRow("7 days") << row("moderate", "suspension", 7, "Cooperative", true, true);
    QTest::newRow("30 days") << row("moderate", "suspension", 30, "Long", true, true);
    QTest::newRow("31 days") << row("moderate", "suspension", 31, "Long", false, true,
                                    "suspension of 31 days is outside the 7 to 30 days");
    QTest::newRow("unknown action") << row("moderate", "ban", 0, "Because", false, true,
                                           "\"ban\" is not an enforcement action");
    QTest::newRow("action key in capitals")
        << row("moderate", "Warning", 0, "Because", false, true, "not an enforcement action");
    QTest::newRow("days on a warning")
        << row("moderate", "warning", 5, "Because", false, true, "days are only for a suspension");
    QTest::newRow("lighter than R2 without reason")
        << row("northwind", "suspension", 30, "", false, true,
               "suspension of 30 days departs from the proposal (termination, rule R2)");
    QTest::newRow("lighter than R2 with reason")
        << row("northwind", "suspension", 30, "Customer removed the purchased list", true, true);
    QTest::newRow("heavier with reason")
        << row("moderate", "termination", 0, "Phishing kit on the server", true, true);
    QTest::newRow("no action without reason")
        << row("moderate", "", 0, "", false, true, "no action departs from the proposal");
    QTest::newRow("no action with reason")
        << row("moderate", "", 0, "Reporter's own subscription", true, true);
    QTest::newRow("action on an unattributed case")
        << row("unattributed", "warning", 0, "Because", false, true, "tied to no customer account");
    QTest::newRow("nothing on an unattributed case") << row("unattributed", "", 0, "", true, false);
}

void TestEnforcementAdvisor::overrideValidation()
{
    QFETCH(DecisionRow, row);
    AdvisorInput in = base();
    if (row.proposed == u"northwind") {
        in = northwind();
    } else {
        in.findings = onePointFindings(3);
        in.reportCount = 10; // + 2: score 5, 13 days
        in.distinctReporters = 1;
        if (row.proposed == u"unattributed")
            in.accountId.clear();
    }
    Recommendation r = advise(in);
    if (row.proposed == u"moderate") {
        QCOMPARE(r.action, QStringLiteral("suspension"));
        QCOMPARE(r.suspensionDays, 13);
        r.suspensionDays = 10; // as if proposed with other settings; validation reads the proposal
    }
    QCOMPARE(isOverride(r, row.decision), row.override);
    const Status status = validateDecision(r, row.decision);
    QCOMPARE(status.ok(), row.valid);
    if (!row.valid) {
        QVERIFY2(status.error().contains(row.error), qPrintable(status.error()));
        QVERIFY2(status.error().contains(r.caseId), qPrintable(status.error()));
    }
}

void TestEnforcementAdvisor::settingsFromIniFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("awb.ini"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[accounts]\nlookBackMonths=6\n"
                   "[advisor]\n"
                   "lookBackMonths=200\n"
                   "repeatedAfter=2\n"
                   "moderateThreshold=4\n"
                   "severeThreshold=3\n"
                   "volumeThreshold=20\n"
                   "highVolumeThreshold=100\n"
                   "suspensionBaseDays=5\n"
                   "suspensionDaysPerPoint=abc\n"
                   "suspensionMaxDays=21\n"
                   "minimumSeverity=Medium\n"
                   "weightClause3_2=4\n"
                   "weightMissedDeadline=-1\n");
    }
    const QSettings ini(path, QSettings::IniFormat);
    const AdvisorSettings s = AdvisorSettings::fromSettings(ini);
    QCOMPARE(s.lookBackMonths, 120); // clamped; [advisor] wins over [accounts]
    QCOMPARE(s.repeatedAfter, 2);
    QCOMPARE(s.moderateThreshold, 4);
    QCOMPARE(s.severeThreshold, 4); // raised to moderateThreshold
    QCOMPARE(s.volumeThreshold, 20);
    QCOMPARE(s.highVolumeThreshold, 100);
    QCOMPARE(s.distinctReportersThreshold, 3);
    QCOMPARE(s.suspensionBaseDays, 7);     // clamped to policy 6.1's 7 days
    QCOMPARE(s.suspensionDaysPerPoint, 3); // unreadable: default
    QCOMPARE(s.suspensionMaxDays, 21);
    QCOMPARE(s.minimumSeverity, Severity::Medium);
    QCOMPARE(s.weight(QStringLiteral("clause-3.2")), 4);
    QCOMPARE(s.weight(QStringLiteral("clause-3.3")), 5);
    QCOMPARE(s.weight(QStringLiteral("missed-deadline")), 0);
    QCOMPARE(s.adjustments,
             QStringList({"advisor/lookBackMonths = 200 is outside 1..120; used 120.",
                          "advisor/suspensionBaseDays = 5 is outside 7..30; used 7.",
                          "advisor/suspensionDaysPerPoint = \"abc\" is not a whole number; used 3.",
                          "advisor/severeThreshold = 3 is below moderateThreshold = 4; used 4.",
                          "advisor/weightMissedDeadline = -1 is outside 0..100; used 0."}));

    // Every setting is shown, and the adjustments reach the proposal's explanation.
    const QStringList described = s.describe();
    QCOMPARE(described.size(), 10 + 1 + 10);
    QCOMPARE(described.first(), QStringLiteral("lookBackMonths = 120"));
    QVERIFY(described.contains(QStringLiteral("minimumSeverity = medium")));
    QVERIFY(described.contains(QStringLiteral("weightClause3_2 = 4")));
    AdvisorInput in = base();
    in.findings = onePointFindings(1);
    const Recommendation r = advise(in, s);
    QCOMPARE(r.settingsUsed, s);
    QVERIFY(r.explanation.contains(
        QStringLiteral("Settings: advisor/lookBackMonths = 200 is outside 1..120; used 120.")));
    QVERIFY(r.explanation.contains(QStringLiteral("Settings used: ") +
                                   described.join(QStringLiteral(", ")) + QLatin1Char('.')));

    // A severity that cannot be the minimum is said, and the default is kept.
    QSettings bad(dir.filePath(QStringLiteral("bad.ini")), QSettings::IniFormat);
    bad.setValue(QStringLiteral("advisor/minimumSeverity"), QStringLiteral("info"));
    const AdvisorSettings fallback = AdvisorSettings::fromSettings(bad);
    QCOMPARE(fallback.minimumSeverity, AdvisorSettings().minimumSeverity);
    QCOMPARE(fallback.adjustments.size(), 1);
}

void TestEnforcementAdvisor::settingsFallBackToAccountsWindow()
{
    QTemporaryDir dir;
    QSettings ini(dir.filePath(QStringLiteral("awb.ini")), QSettings::IniFormat);
    QCOMPARE(AdvisorSettings::fromSettings(ini), AdvisorSettings());
    ini.setValue(QStringLiteral("accounts/lookBackMonths"), 18);
    const AdvisorSettings s = AdvisorSettings::fromSettings(ini);
    QCOMPARE(s.lookBackMonths, 18);
    QVERIFY(s.adjustments.isEmpty());
}

void TestEnforcementAdvisor::ruleDescriptionsShowSettings()
{
    AdvisorSettings s;
    s.repeatedAfter = 2;
    s.moderateThreshold = 4;
    const QStringList lines = advisorRuleDescriptions(s);
    for (const char *id : {"R0 ", "R1 ", "R2 ", "R3 ", "R4 ", "R5 ", "R6 "}) {
        QVERIFY2(std::any_of(lines.begin(), lines.end(),
                             [id](const QString &l) { return l.startsWith(QLatin1String(id)); }),
                 id);
    }
    const QString text = lines.join(QLatin1Char('\n'));
    QVERIFY(text.contains(QStringLiteral("R2 repeated: a violation in this case after at least 2 "
                                         "prior confirmed offences within the last 12 months -> "
                                         "termination (policy 6.1).")));
    QVERIFY(
        text.contains(QStringLiteral("R4 moderate: a score of 4 points or more -> suspension of "
                                     "7 days plus 3 days for each point above 4, at most 30 "
                                     "days")));
    QVERIFY(
        text.contains(QStringLiteral("volume-high: 5 points for at least 50 reports in the case "
                                     "(weightHighVolume).")));
    QVERIFY(text.contains(QStringLiteral("\"policy-listed\") is not evidence of abuse")));
}

void TestEnforcementAdvisor::jsonRoundTrip()
{
    AdvisorSettings s;
    s.adjustments << QStringLiteral("advisor/lookBackMonths = 200 is outside 1..120; used 120.");
    s.weights[QStringLiteral("clause-4.2")] = 2;
    s.minimumSeverity = Severity::Medium;
    for (const AdvisorInput &in : {northwind(), bakery(), base()}) {
        const Recommendation r = adviseEnforcement(in, s);
        const QJsonObject json = recommendationToJson(r);
        const QByteArray text = QJsonDocument(json).toJson();
        const Result<Recommendation> back =
            recommendationFromJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->caseId, r.caseId);
        QCOMPARE(back->accountId, r.accountId);
        QCOMPARE(back->at, r.at);
        QCOMPARE(back->action, r.action);
        QCOMPARE(back->suspensionDays, r.suspensionDays);
        QCOMPARE(back->score, r.score);
        QCOMPARE(back->clauses, r.clauses);
        QCOMPARE(back->ruleId, r.ruleId);
        QCOMPARE(back->ruleApplied, r.ruleApplied);
        QCOMPARE(back->explanation, r.explanation);
        QCOMPARE(back->settingsUsed, r.settingsUsed);
        QCOMPARE(back->factors.size(), r.factors.size());
        for (qsizetype i = 0; i < r.factors.size(); ++i) {
            QCOMPARE(back->factors.at(i).id, r.factors.at(i).id);
            QCOMPARE(back->factors.at(i).label, r.factors.at(i).label);
            QCOMPARE(back->factors.at(i).weight, r.factors.at(i).weight);
            QCOMPARE(back->factors.at(i).source, r.factors.at(i).source);
            QCOMPARE(back->factors.at(i).detail, r.factors.at(i).detail);
            QCOMPARE(back->factors.at(i).counted, r.factors.at(i).counted);
        }
        QCOMPARE(recommendationToJson(*back), json);
    }
    const QJsonObject json = recommendationToJson(adviseEnforcement(northwind(), {}));
    QCOMPARE(json.value(QStringLiteral("action")).toString(), QStringLiteral("termination"));
    QCOMPARE(json.value(QStringLiteral("settings"))
                 .toObject()
                 .value(QStringLiteral("repeatedAfter"))
                 .toInt(),
             1);
    QCOMPARE(json.value(QStringLiteral("at")).toString(),
             QStringLiteral("2026-11-12T10:00:00.000Z"));
}

void TestEnforcementAdvisor::jsonRejectsBadAdvice_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("no action") << "action" << QJsonValue(QJsonValue::Undefined)
                               << "advice: \"action\" is missing.";
    QTest::newRow("unknown action") << "action" << QJsonValue(QStringLiteral("ban"))
                                    << "advice: \"action\" is \"ban\", not an enforcement action.";
    QTest::newRow("score as text") << "score" << QJsonValue(QStringLiteral("10"))
                                   << "advice: \"score\" is not a whole number.";
    QTest::newRow("fractional score")
        << "score" << QJsonValue(2.5) << "advice: \"score\" is not a whole number.";
    QTest::newRow("factors not a list")
        << "factors" << QJsonValue(QJsonObject()) << "advice: \"factors\" is not an array.";
    QTest::newRow("factor without id") << "factors" << QJsonValue(QJsonArray{QJsonObject{}})
                                       << "advice, factor 0: \"id\" is missing.";
    QTest::newRow("bad time") << "at" << QJsonValue(QStringLiteral("yesterday"))
                              << "advice: \"at\" is \"yesterday\", not an ISO 8601 time.";
    QTest::newRow("newer version")
        << "version" << QJsonValue(2) << "advice: version 2 is newer than this program reads (1).";
    QTest::newRow("bad setting")
        << "settings" << QJsonValue(QJsonObject{{QStringLiteral("repeatedAfter"), true}})
        << "advice: advisor settings: \"repeatedAfter\" is not a whole number.";
}

void TestEnforcementAdvisor::jsonRejectsBadAdvice()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QJsonObject json = recommendationToJson(adviseEnforcement(northwind(), {}));
    if (value.isUndefined())
        json.remove(key);
    else
        json.insert(key, value);
    const Result<Recommendation> r = recommendationFromJson(json);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), error);
}

QTEST_GUILESS_MAIN(TestEnforcementAdvisor)
#include "tst_enforcement_advisor.moc"
