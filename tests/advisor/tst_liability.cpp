// The liability statement of policy 6.2 and 6.3: incidents (one per list and address, or per
// campaign), the USD 15 minimum, the analyst's charges, the forfeitures kept apart from the total
// due, exact totals, overflow refused, text for notices and JSON for the store.
#include "policy/liability.h"
#include "policy/money.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Awb;

namespace {

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
}

AdvisorListing listing(qint64 id, const char *list, const char *address, const char *verdict,
                       const QDateTime &when, const char *source = "dnsbl")
{
    AdvisorListing l;
    l.id = id;
    l.listName = QLatin1String(list);
    l.addressOrRange = QLatin1String(address);
    l.verdict = QLatin1String(verdict);
    l.checkedAt = when;
    l.source = QLatin1String(source);
    return l;
}

// The Harbour Street Bakery's listings as the desk observed them: SBL000123 from the Spamhaus
// notice, then daily DNSBL checks of ZEN and SpamCop, with the PBL listing of a neighbour.
QList<AdvisorListing> bakeryListings()
{
    return {
        listing(17, "Spamhaus SBL", "203.0.113.40", "listed", at(10, 3, 12), "report"),
        listing(21, "Spamhaus ZEN", "203.0.113.40", "listed", at(10, 9)),
        listing(22, "SpamCop Blocking List", "203.0.113.40", "not-listed", at(10, 9)),
        listing(23, "Spamhaus ZEN", "203.0.113.41", "policy-listed", at(10, 9)),
        listing(31, "Spamhaus ZEN", "203.0.113.40", "listed", at(11, 9)),
        listing(32, "SpamCop Blocking List", "203.0.113.40", "listed", at(11, 9)),
        listing(41, "spamhaus zen", "203.0.113.40", "listed", at(12, 9)),
        listing(42, "SpamCop Blocking List", "203.0.113.40", "timeout", at(12, 9)),
    };
}

// prepaid_usd of an account in the demo's billing export (the last column of customers.csv).
qint64 demoPrepaidCents(const QString &accountId)
{
    QFile file(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/accounts/customers.csv"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(accountId.toUtf8() + ',')) {
            const Result<qint64> cents =
                parseMoney(QString::fromUtf8(line.mid(line.lastIndexOf(',') + 1)).trimmed());
            return cents.ok() ? *cents : -2;
        }
    }
    return -3;
}

LiabilityStatement build(const QList<LiabilityIncident> &incidents, qint64 perIncident,
                         const QList<LiabilityCharge> &charges, const LiabilityForfeitures &f)
{
    Result<LiabilityStatement> s = buildLiabilityStatement(incidents, perIncident, charges, f);
    if (!s.ok())
        qWarning("%s", qPrintable(s.error()));
    return s.ok() ? *s : LiabilityStatement();
}

} // namespace

class TestLiability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void definitionIsStated();
    void repeatedObservationsAreOneIncident();
    void combinedZoneIsTheListingItReports();
    void campaignsAreIncidents();
    void perIncidentMinimum_data();
    void perIncidentMinimum();
    void noIncidentNoStatement();
    void totalsExactToTheCent();
    void forfeituresAreSeparate();
    void refusesBadCharges_data();
    void refusesBadCharges();
    void largeValuesAndOverflow();
    void textForNotices();
    void jsonRoundTrip();
    void jsonRefusesTotalsThatDoNotAddUp_data();
    void jsonRefusesTotalsThatDoNotAddUp();
};

void TestLiability::definitionIsStated()
{
    QCOMPARE(liabilityIncidentDefinition(),
             QStringLiteral("An incident is one listing of one address or range on one blocklist, "
                            "or one complaint campaign (policy 6.2). An answer of a combined zone "
                            "counts as the listing it reports (Spamhaus ZEN 127.0.0.2 is the SBL "
                            "listing)."));
    const LiabilityStatement s =
        build(incidentsFromListings(bakeryListings()), kMinimumIncidentCents, {}, {});
    QCOMPARE(s.incidentDefinition, liabilityIncidentDefinition());
    QVERIFY(liabilityStatementLines(s).contains(liabilityIncidentDefinition()));
}

void TestLiability::repeatedObservationsAreOneIncident()
{
    const QList<LiabilityIncident> incidents = incidentsFromListings(bakeryListings());
    // SBL once; ZEN three times (one spelt in lower case); SpamCop once. The PBL listing, the
    // clean answer and the timeout are no incidents.
    QCOMPARE(incidents.size(), 3);
    QCOMPARE(incidents.at(0).listName, QStringLiteral("Spamhaus SBL"));
    QCOMPARE(incidents.at(0).sourceIds, QList<qint64>({17}));
    QCOMPARE(incidents.at(0).description,
             QStringLiteral("203.0.113.40 listed on Spamhaus SBL, seen 2026-11-10 03:12 UTC"));
    QCOMPARE(incidents.at(1).listName, QStringLiteral("Spamhaus ZEN"));
    QCOMPARE(incidents.at(1).kind, QStringLiteral("listing"));
    QCOMPARE(incidents.at(1).firstSeen, at(10, 9));
    QCOMPARE(incidents.at(1).sourceIds, QList<qint64>({21, 31, 41}));
    QCOMPARE(incidents.at(1).description,
             QStringLiteral("203.0.113.40 listed on Spamhaus ZEN, seen 3 times from 2026-11-10 "
                            "09:00 UTC to 2026-11-12 09:00 UTC (one incident)"));
    QCOMPARE(incidents.at(2).listName, QStringLiteral("SpamCop Blocking List"));
    QCOMPARE(incidents.at(2).firstSeen, at(11, 9));

    // Observations out of order: the earliest is the first sighting.
    QList<AdvisorListing> reversed = bakeryListings();
    std::reverse(reversed.begin(), reversed.end());
    const QList<LiabilityIncident> again = incidentsFromListings(reversed);
    QCOMPARE(again.size(), 3);
    QCOMPARE(again.at(1).firstSeen, at(10, 9));
    QCOMPARE(again.at(1).sourceIds, QList<qint64>({21, 31, 41}));

    // IPv6 text in another case is the same address; another range is another incident.
    const QList<LiabilityIncident> v6 = incidentsFromListings(
        {listing(1, "Spamhaus ZEN", "2001:DB8:1C:2::25", "listed", at(3, 1)),
         listing(2, "Spamhaus ZEN", "2001:db8:1c:2::25", "listed", at(4, 1)),
         listing(3, "Spamhaus ZEN", "2001:db8:1c:2::/64", "listed", at(4, 1))});
    QCOMPARE(v6.size(), 2);
}

// The same bakery observations with the blocklists each shows (as listedBlocklists() names them
// from the zone and return codes): ZEN's 127.0.0.2 is the SBL listing the notice reported, so
// the notice and the three ZEN answers are one incident; a ZEN answer with 127.0.0.2 and
// 127.0.0.4 also shows an XBL listing, a second blocklist and a second incident.
void TestLiability::combinedZoneIsTheListingItReports()
{
    QList<AdvisorListing> listings = bakeryListings();
    for (AdvisorListing &l : listings) {
        if (l.listName.compare(QLatin1String("Spamhaus ZEN"), Qt::CaseInsensitive) == 0)
            l.blocklists = {QStringLiteral("Spamhaus SBL")};
    }
    const QList<LiabilityIncident> incidents = incidentsFromListings(listings);
    QCOMPARE(incidents.size(), 2);
    QCOMPARE(incidents.at(0).listName, QStringLiteral("Spamhaus SBL"));
    QCOMPARE(incidents.at(0).sourceIds, QList<qint64>({17, 21, 31, 41}));
    QCOMPARE(incidents.at(0).firstSeen, at(10, 3, 12));
    QCOMPARE(incidents.at(0).description,
             QStringLiteral("203.0.113.40 listed on Spamhaus SBL, seen 4 times from 2026-11-10 "
                            "03:12 UTC to 2026-11-12 09:00 UTC (one incident)"));
    QCOMPARE(incidents.at(1).listName, QStringLiteral("SpamCop Blocking List"));

    AdvisorListing both = listing(51, "Spamhaus ZEN", "203.0.113.40", "listed", at(13, 9));
    both.blocklists = {QStringLiteral("Spamhaus SBL"), QStringLiteral("Spamhaus XBL")};
    const QList<LiabilityIncident> withXbl = incidentsFromListings(listings + QList{both});
    QCOMPARE(withXbl.size(), 3);
    QCOMPARE(withXbl.at(0).sourceIds, QList<qint64>({17, 21, 31, 41, 51}));
    QCOMPARE(withXbl.at(2).listName, QStringLiteral("Spamhaus XBL"));
    QCOMPARE(withXbl.at(2).sourceIds, QList<qint64>({51}));
}

void TestLiability::campaignsAreIncidents()
{
    const QList<LiabilityIncident> incidents = incidentsFromCampaigns({
        {QStringLiteral("IXCM-ABUSE-2026-000001"),
         QStringLiteral("\"refund approved\" campaign"),
         at(2, 9, 20),
         {1, 2, 3}},
        {QStringLiteral("IXCM-ABUSE-2026-000009"), QString(), at(12, 13), {10}},
        {QStringLiteral("IXCM-ABUSE-2026-000001"), QString(), at(5, 15), {5, 3}},
    });
    QCOMPARE(incidents.size(), 2);
    QCOMPARE(incidents.at(0).kind, QStringLiteral("campaign"));
    QCOMPARE(incidents.at(0).reference, QStringLiteral("IXCM-ABUSE-2026-000001"));
    QCOMPARE(incidents.at(0).sourceIds, QList<qint64>({1, 2, 3, 5}));
    QCOMPARE(incidents.at(0).description,
             QStringLiteral("Complaint campaign, case IXCM-ABUSE-2026-000001: \"refund approved\" "
                            "campaign"));
    QCOMPARE(incidents.at(1).description,
             QStringLiteral("Complaint campaign, case IXCM-ABUSE-2026-000009"));
}

void TestLiability::perIncidentMinimum_data()
{
    QTest::addColumn<qint64>("perIncident");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("USD 0") << qint64(0) << false;
    QTest::newRow("USD 14.99") << qint64(1499) << false;
    QTest::newRow("USD 15.00") << qint64(1500) << true;
    QTest::newRow("USD 15.01") << qint64(1501) << true;
    QTest::newRow("negative") << qint64(-1500) << false;
}

void TestLiability::perIncidentMinimum()
{
    QFETCH(qint64, perIncident);
    QFETCH(bool, accepted);
    const Result<LiabilityStatement> s =
        buildLiabilityStatement(incidentsFromListings(bakeryListings()), perIncident, {}, {});
    QCOMPARE(s.ok(), accepted);
    if (!accepted) {
        QCOMPARE(s.error(), QStringLiteral("Liability statement: %1 per incident is below the "
                                           "minimum penalty of USD 15.00 per incident of policy "
                                           "6.2.")
                                .arg(formatMoney(perIncident)));
    } else {
        QCOMPARE(s->incidentTotalCents, 3 * perIncident);
    }
}

void TestLiability::noIncidentNoStatement()
{
    const Result<LiabilityStatement> s =
        buildLiabilityStatement(incidentsFromListings({listing(23, "Spamhaus ZEN", "203.0.113.41",
                                                               "policy-listed", at(10, 9))}),
                                1500, {}, {});
    QVERIFY(!s.ok());
    QVERIFY(s.error().contains(QStringLiteral("no incident")));
}

void TestLiability::totalsExactToTheCent()
{
    // 3 incidents at USD 15.00, and charges whose sum in binary floating point is not exact.
    const LiabilityStatement s =
        build(incidentsFromListings(bakeryListings()), kMinimumIncidentCents,
              {{QStringLiteral("delisting-fee"), QStringLiteral("SBL000123 removal request"), 10},
               {QStringLiteral("reputation-remediation"), QString(), 20},
               {QStringLiteral("administrative-overhead"), QStringLiteral("4.5 hours at USD 80.00"),
                36000},
               {QStringLiteral("legal-fees"), QString(), 0}},
              {});
    QCOMPARE(s.incidentTotalCents, qint64(4500));
    QCOMPARE(s.chargesTotalCents, qint64(36030));
    QCOMPARE(s.totalDueCents, qint64(40530));
    QCOMPARE(s.forfeitTotalCents, qint64(0));
    QCOMPARE(s.lines.size(), 5);
    QCOMPARE(s.lines.at(0).kind, QStringLiteral("incident"));
    QCOMPARE(s.lines.at(0).quantity, qint64(3));
    QCOMPARE(s.lines.at(0).unitCents, qint64(1500));
    QCOMPARE(s.lines.at(0).amountCents, qint64(4500));
    QCOMPARE(s.lines.at(1).description, QStringLiteral("Delisting fee: SBL000123 removal request"));
    QCOMPARE(s.lines.at(2).description, QStringLiteral("IP reputation remediation"));
    QCOMPARE(s.notes.first(), QStringLiteral("Total due = incidents USD 45.00 + charges USD 360.30 "
                                             "= USD 405.30."));
    QVERIFY(s.notes.contains(QStringLiteral("USD 15.00 per incident is the minimum penalty of "
                                            "policy 6.2.")));
    QVERIFY(s.notes.contains(QStringLiteral(
        "Nothing is forfeited under policy 6.3: the account holds no prepaid fees, setup charges "
        "or credits.")));
}

void TestLiability::forfeituresAreSeparate()
{
    const qint64 prepaid = demoPrepaidCents(QStringLiteral("IXC-10077"));
    QCOMPARE(prepaid, qint64(12000)); // Harbour Street Bakery, prepaid_usd 120.00
    const LiabilityStatement s =
        build(incidentsFromListings(bakeryListings()), 2000,
              {{QStringLiteral("delisting-fee"), QString(), 25000}}, {prepaid, 4999, 1});
    QCOMPARE(s.totalDueCents, qint64(3 * 2000 + 25000));
    QCOMPARE(s.forfeitTotalCents, qint64(12000 + 4999 + 1));
    QStringList kinds;
    for (const LiabilityLine &line : s.lines)
        kinds << line.kind;
    QCOMPARE(kinds, QStringList({"incident", "delisting-fee", "forfeit-prepaid", "forfeit-setup",
                                 "forfeit-credits"}));
    QVERIFY(s.notes.contains(QStringLiteral(
        "Forfeited under policy 6.3 (Terms of Service, section 2.3): USD 170.00. The provider "
        "retains these amounts; they are not billed and are not part of the total due.")));
    QVERIFY(s.notes.contains(
        QStringLiteral("USD 20.00 per incident; the minimum penalty of policy 6.2 is USD 15.00.")));
    // A zero forfeiture is no line.
    const LiabilityStatement none =
        build(incidentsFromListings(bakeryListings()), 1500, {}, {0, 0, 500});
    QCOMPARE(none.lines.size(), 2);
    QCOMPARE(none.lines.last().kind, QStringLiteral("forfeit-credits"));
}

void TestLiability::refusesBadCharges_data()
{
    QTest::addColumn<LiabilityCharge>("charge");
    QTest::addColumn<LiabilityForfeitures>("forfeitures");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown kind") << LiabilityCharge{QStringLiteral("penalty"), QString(), 100}
                                  << LiabilityForfeitures{}
                                  << "\"penalty\" is not a charge of policy 6.2";
    QTest::newRow("negative charge")
        << LiabilityCharge{QStringLiteral("legal-fees"), QStringLiteral("refund"), -100}
        << LiabilityForfeitures{} << "Legal fees: refund: a charge cannot be negative (USD -1.00)";
    QTest::newRow("negative forfeiture")
        << LiabilityCharge{QStringLiteral("legal-fees"), QString(), 0}
        << LiabilityForfeitures{-1, 0, 0} << "Prepaid fees: a forfeiture cannot be negative";
}

void TestLiability::refusesBadCharges()
{
    QFETCH(LiabilityCharge, charge);
    QFETCH(LiabilityForfeitures, forfeitures);
    QFETCH(QString, error);
    const Result<LiabilityStatement> s = buildLiabilityStatement(
        incidentsFromListings(bakeryListings()), 1500, {charge}, forfeitures);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(error), qPrintable(s.error()));
}

void TestLiability::largeValuesAndOverflow()
{
    const QList<LiabilityIncident> three = incidentsFromListings(bakeryListings());
    const QList<LiabilityIncident> one = three.mid(0, 1);
    // The largest amounts that still fit are exact.
    const LiabilityStatement big =
        build(one, kMaxMoneyCents - 1, {{QStringLiteral("legal-fees"), QString(), 1}}, {});
    QCOMPARE(big.totalDueCents, kMaxMoneyCents);
    QCOMPARE(formatMoney(big.totalDueCents), QStringLiteral("USD 92,233,720,368,547,758.07"));

    const auto refused = [](const Result<LiabilityStatement> &s, const char *where) {
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QLatin1String(where)), qPrintable(s.error()));
        QVERIFY2(s.error().contains(QStringLiteral("does not fit")), qPrintable(s.error()));
    };
    refused(buildLiabilityStatement(three, kMaxMoneyCents / 2, {}, {}),
            "Incidents under policy 6.2");
    refused(buildLiabilityStatement(one, 1500,
                                    {{QStringLiteral("legal-fees"), QString(), kMaxMoneyCents},
                                     {QStringLiteral("delisting-fee"), QString(), 1}},
                                    {}),
            "charges");
    refused(buildLiabilityStatement(
                one, 1500, {{QStringLiteral("legal-fees"), QString(), kMaxMoneyCents}}, {}),
            "total due");
    refused(buildLiabilityStatement(one, 1500, {}, {kMaxMoneyCents, 1, 0}), "forfeitures");
}

void TestLiability::textForNotices()
{
    const LiabilityStatement s =
        build(incidentsFromListings(bakeryListings()), kMinimumIncidentCents,
              {{QStringLiteral("delisting-fee"), QStringLiteral("SBL000123"), 25000},
               {QStringLiteral("administrative-overhead"), QString(), 123456}},
              {12000, 0, 250});
    // Amounts end in one column, totals included; forfeitures stand under their own heading.
    const QStringList expected = {
        "Liability statement (Anti-Spam Policy, sections 6.2 and 6.3)",
        "An incident is one listing of one address or range on one blocklist, or one complaint "
        "campaign (policy 6.2). An answer of a combined zone counts as the listing it reports "
        "(Spamhaus ZEN 127.0.0.2 is the SBL listing).",
        "Incidents: 3",
        "  1. 203.0.113.40 listed on Spamhaus SBL, seen 2026-11-10 03:12 UTC",
        "  2. 203.0.113.40 listed on Spamhaus ZEN, seen 3 times from 2026-11-10 09:00 UTC to "
        "2026-11-12 09:00 UTC (one incident)",
        "  3. 203.0.113.40 listed on SpamCop Blocking List, seen 2026-11-11 09:00 UTC",
        "",
        "Billed under policy 6.2:",
        "Description                                  Qty          Unit        Amount",
        "Incidents under policy 6.2 (USD 15.00 each)    3     USD 15.00     USD 45.00",
        "Delisting fee: SBL000123                       1    USD 250.00    USD 250.00",
        "Administrative overhead                        1  USD 1,234.56  USD 1,234.56",
        "----------------------------------------------------------------------------",
        "Total due                                                       USD 1,529.56",
        "",
        "Forfeited under policy 6.3 (retained by the provider, not billed, not part of the total "
        "due):",
        "Prepaid fees                                                      USD 120.00",
        "Account credits                                                     USD 2.50",
        "----------------------------------------------------------------------------",
        "Total forfeited                                                   USD 122.50",
        "",
        "Notes:",
        "- Total due = incidents USD 45.00 + charges USD 1,484.56 = USD 1,529.56.",
        "- Forfeited under policy 6.3 (Terms of Service, section 2.3): USD 122.50. The provider "
        "retains these amounts; they are not billed and are not part of the total due.",
        "- USD 15.00 per incident is the minimum penalty of policy 6.2.",
        "- Amounts in US dollars, exact to the cent.",
    };
    QCOMPARE(liabilityStatementLines(s), expected);
}

void TestLiability::jsonRoundTrip()
{
    for (qint64 perIncident : {kMinimumIncidentCents, qint64(1999), kMaxMoneyCents / 8}) {
        const LiabilityStatement s =
            build(incidentsFromListings(bakeryListings()) +
                      incidentsFromCampaigns({{QStringLiteral("IXCM-ABUSE-2026-000002"),
                                               QStringLiteral("phishing"),
                                               at(9, 22),
                                               {6, 7}}}),
                  perIncident,
                  {{QStringLiteral("delisting-fee"), QStringLiteral("SBL000123"), 25000},
                   {QStringLiteral("legal-fees"), QString(), 9007199254740993}},
                  {12000, 5000, 1});
        QVERIFY(s.totalDueCents > 0);
        const QJsonObject json = liabilityStatementToJson(s);
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        const Result<LiabilityStatement> back =
            liabilityStatementFromJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->totalDueCents, s.totalDueCents);
        QCOMPARE(back->forfeitTotalCents, s.forfeitTotalCents);
        QCOMPARE(back->perIncidentCents, s.perIncidentCents);
        QCOMPARE(back->incidents.size(), 4);
        QCOMPARE(back->incidents.at(1).firstSeen, s.incidents.at(1).firstSeen);
        QCOMPARE(back->incidents.at(1).sourceIds, s.incidents.at(1).sourceIds);
        QCOMPARE(back->lines.at(2).amountCents, qint64(9007199254740993)); // 2^53 + 1, exact
        QCOMPARE(liabilityStatementToJson(*back), json);
        QCOMPARE(liabilityStatementLines(*back), liabilityStatementLines(s));
    }
}

void TestLiability::jsonRefusesTotalsThatDoNotAddUp_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error");
    QTest::newRow("total due") << "total_due_cents"
                               << "liability statement: \"total_due_cents\" is USD 4,765.01, not "
                                  "incidents plus charges.";
    QTest::newRow("forfeit total") << "forfeit_total_cents"
                                   << "liability statement: \"forfeit_total_cents\" is USD "
                                      "120.01, but its lines add up to USD 120.00.";
    QTest::newRow("line amount") << "lines"
                                 << "liability statement, line 0: 3 x USD 15.00 is not USD 45.01.";
    QTest::newRow("missing total") << "charges_total_cents"
                                   << "liability statement: \"charges_total_cents\" is missing.";
}

void TestLiability::jsonRefusesTotalsThatDoNotAddUp()
{
    QFETCH(QString, key);
    QFETCH(QString, error);
    const LiabilityStatement s =
        build(incidentsFromListings(bakeryListings()), 1500,
              {{QStringLiteral("administrative-overhead"), QString(), 472000}}, {12000, 0, 0});
    QJsonObject json = liabilityStatementToJson(s);
    if (key == u"lines") {
        QJsonArray lines = json.value(key).toArray();
        QJsonObject first = lines.at(0).toObject();
        first.insert(QStringLiteral("amount_cents"), 4501);
        lines.replace(0, first);
        json.insert(key, lines);
    } else if (key == u"charges_total_cents") {
        json.remove(key);
    } else {
        json.insert(key, json.value(key).toInteger() + 1);
    }
    const Result<LiabilityStatement> back = liabilityStatementFromJson(json);
    QVERIFY(!back.ok());
    QCOMPARE(back.error(), error);
}

QTEST_GUILESS_MAIN(TestLiability)
#include "tst_liability.moc"
