// The advisor's weights and settings (from an INI file too), the analyst's decision against the
// proposal (an override needs a reason), the rule descriptions, and the advice as JSON.
#include "advisor_fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace AdvisorTest;

class TestAdvisorDecisions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weights_data();
    void weights();
    void weightsAreSettings();
    void overrideValidation_data();
    void overrideValidation();
    void settingsFromIniFile();
    void settingsFallBackToAccountsWindow();
    void ruleDescriptionsShowSettings();
    void jsonRoundTrip();
    void jsonRejectsBadAdvice_data();
    void jsonRejectsBadAdvice();
};

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

void TestAdvisorDecisions::weights_data()
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

void TestAdvisorDecisions::weights()
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

void TestAdvisorDecisions::weightsAreSettings()
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

struct DecisionRow
{
    QString proposed; // "northwind" (R2 termination), "moderate" (suspension 10), "unattributed"
    AnalystDecision decision;
    bool valid = false;
    bool override = false;
    QString error;
};
Q_DECLARE_METATYPE(DecisionRow)

void TestAdvisorDecisions::overrideValidation_data()
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

void TestAdvisorDecisions::overrideValidation()
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

void TestAdvisorDecisions::settingsFromIniFile()
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

void TestAdvisorDecisions::settingsFallBackToAccountsWindow()
{
    QTemporaryDir dir;
    QSettings ini(dir.filePath(QStringLiteral("awb.ini")), QSettings::IniFormat);
    QCOMPARE(AdvisorSettings::fromSettings(ini), AdvisorSettings());
    ini.setValue(QStringLiteral("accounts/lookBackMonths"), 18);
    const AdvisorSettings s = AdvisorSettings::fromSettings(ini);
    QCOMPARE(s.lookBackMonths, 18);
    QVERIFY(s.adjustments.isEmpty());
}

void TestAdvisorDecisions::ruleDescriptionsShowSettings()
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

void TestAdvisorDecisions::jsonRoundTrip()
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

void TestAdvisorDecisions::jsonRejectsBadAdvice_data()
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

void TestAdvisorDecisions::jsonRejectsBadAdvice()
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

QTEST_GUILESS_MAIN(TestAdvisorDecisions)
#include "tst_advisor_decisions.moc"
