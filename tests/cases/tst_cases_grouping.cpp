// The campaign signature and the grouping rule (models/cases), without a database.
#include "cases/case_grouper.h"
#include "cases/case_key.h"
#include "cases/report_facts.h"

#include "network/ip_address.h"

#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace Awb;

namespace {

const QDateTime kStart(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

struct R
{
    qint64 id;
    double day; // days after kStart
    QString account;
    QString sender;
    QString subject;
    QStringList links;
    QString origin;
    ReportKind kind = ReportKind::Complaint;
};

ReportFacts facts(const R &r)
{
    ReportFacts f;
    f.evidenceId = r.id;
    f.receivedAt = kStart.addSecs(qint64(r.day * 86400));
    f.key.accountId = r.account;
    f.key.senderDomain = r.sender;
    f.key.subject = normaliseSubject(r.subject);
    f.key.linkDomains = r.links;
    f.key.kind = r.kind;
    if (auto address = IpAddress::parse(r.origin)) {
        f.key.originIp = address->toString();
        f.key.originNetwork = originNetworkKey(*address);
    }
    f.severity = QStringLiteral("medium");
    return f;
}

// The cases as sorted lists of evidence ids, the cases in order of their first id.
QList<QList<qint64>> partition(const CaseGrouping &grouping)
{
    QList<QList<qint64>> cases;
    for (const ProposedCase &c : grouping.newCases) {
        QList<qint64> ids = c.evidenceIds;
        std::sort(ids.begin(), ids.end());
        cases.append(ids);
    }
    std::sort(cases.begin(), cases.end());
    return cases;
}

const QString nw = QStringLiteral("IXC-10042");
const QString nwDomain = QStringLiteral("northwind-deals.example");
const QString refund = QStringLiteral("RE: Your order #48213 - refund approved");

} // namespace

struct GroupingRow
{
    QList<R> reports;
    int windowDays;
    QList<QList<qint64>> cases;
};
Q_DECLARE_METATYPE(GroupingRow)

class TestCasesGrouping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalisesSubject_data();
    void normalisesSubject();
    void originNetwork_data();
    void originNetwork();
    void groups_data();
    void groups();
    void reasonNamesAccountSignalAndWindow();
    void orderOfInputDoesNotMatter();
    void joinsExistingCase();
    void readsFactsFromStoredAnalysis();
    void plainMessagesWithoutFindingsAreNotCases();
};

void TestCasesGrouping::normalisesSubject_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("expected");
    const QString order = QStringLiteral("your order - refund approved");
    QTest::newRow("reply prefix and order number") << refund << order;
    QTest::newRow("SpamCop tag glued to RE:")
        << QStringLiteral("[SpamCop (203.0.113.12) id:7012345678]RE: Your order #48502 - refund "
                          "approved")
        << order;
    QTest::newRow("stacked prefixes, odd case")
        << QStringLiteral("Fwd: FW: re: Hello   World") << QStringLiteral("hello world");
    QTest::newRow("counted reply and a date")
        << QStringLiteral("Re[2]: Invoice 2026-11-05 overdue") << QStringLiteral("invoice overdue");
    QTest::newRow("tags between prefixes")
        << QStringLiteral("[list-tag] Re: [EXT] Weekly \t news") << QStringLiteral("weekly news");
    QTest::newRow("percentages and hours")
        << QStringLiteral("\u26a0 Mailbox storage 98% full \u2013 verify within 24 hours")
        << QStringLiteral("\u26a0 mailbox storage full \u2013 verify within hours");
    QTest::newRow("amount with a comma")
        << QStringLiteral("Your vault earned $38,912 \u2014 withdraw today")
        << QStringLiteral("your vault earned \u2014 withdraw today");
    QTest::newRow("full-width reply prefix")
        << QStringLiteral("\uff32\uff25\uff1a\uff28\uff45\uff4c\uff4c\uff4f")
        << QStringLiteral("hello");
    QTest::newRow("Chinese reply prefix")
        << QStringLiteral("\u56de\u590d\uff1a\u4f1a\u8bae\u901a\u77e5")
        << QStringLiteral("\u4f1a\u8bae\u901a\u77e5");
    QTest::newRow("mixed id token")
        << QStringLiteral("Order ID:ABC123 confirmed") << QStringLiteral("order confirmed");
    QTest::newRow("bracket emptied of its number")
        << QStringLiteral("Refund (ref 88231) sent") << QStringLiteral("refund (ref) sent");
    QTest::newRow("only numbers") << QStringLiteral("RE: 12345") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("reply word inside the subject stays")
        << QStringLiteral("Your RE: question") << QStringLiteral("your re: question");
}

void TestCasesGrouping::normalisesSubject()
{
    QFETCH(QString, subject);
    QFETCH(QString, expected);
    QCOMPARE(normaliseSubject(subject), expected);
}

void TestCasesGrouping::originNetwork_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("network");
    QTest::newRow("IPv4 /24") << "198.51.100.77"
                              << "198.51.100.0/24";
    QTest::newRow("IPv6 /48") << "2001:db8:1c:4::25"
                              << "2001:db8:1c::/48";
    QTest::newRow("IPv4-mapped is IPv4") << "::ffff:192.0.2.9"
                                         << "192.0.2.0/24";
    QTest::newRow("null") << ""
                          << "";
}

void TestCasesGrouping::originNetwork()
{
    QFETCH(QString, address);
    QFETCH(QString, network);
    const std::optional<IpAddress> parsed = IpAddress::parse(address);
    QCOMPARE(originNetworkKey(parsed.value_or(IpAddress())), network);
}

void TestCasesGrouping::groups_data()
{
    QTest::addColumn<GroupingRow>("row");
    const QString v4a = QStringLiteral("203.0.113.12");
    const QString v4b = QStringLiteral("203.0.113.14");
    const QString v6 = QStringLiteral("2001:db8:1c:2::5");
    QTest::newRow("same account, same campaign") << GroupingRow{
        {{1, 0, nw, nwDomain, refund, {}, v4a}, {2, 2, nw, nwDomain, refund, {}, v4b}},
        14,
        {{1, 2}}};
    QTest::newRow("same account, different campaign")
        << GroupingRow{{{1, 0, nw, nwDomain, refund, {}, v4a},
                        {2,
                         1,
                         nw,
                         QStringLiteral("nw-mailers.example"),
                         QStringLiteral("Spring sale"),
                         {QStringLiteral("nw-mailers.example")},
                         v6}},
                       14,
                       {{1}, {2}}};
    QTest::newRow("same campaign, different accounts")
        << GroupingRow{{{1, 0, nw, nwDomain, refund, {}, v4a},
                        {2, 0.5, QStringLiteral("IXC-10077"), nwDomain, refund, {}, v4a}},
                       14,
                       {{1}, {2}}};
    QTest::newRow("same campaign outside the window") << GroupingRow{
        {{1, 0, nw, nwDomain, refund, {}, v4a}, {2, 14.5, nw, nwDomain, refund, {}, v4a}},
        14,
        {{1}, {2}}};
    QTest::newRow("a longer window setting joins them") << GroupingRow{
        {{1, 0, nw, nwDomain, refund, {}, v4a}, {2, 14.5, nw, nwDomain, refund, {}, v4a}},
        30,
        {{1, 2}}};
    QTest::newRow("a campaign that keeps going keeps its case")
        << GroupingRow{{{1, 0, nw, nwDomain, refund, {}, v4a},
                        {2, 10, nw, nwDomain, refund, {}, v4a},
                        {3, 20, nw, nwDomain, refund, {}, v4a}},
                       14,
                       {{1, 2, 3}}};
    QTest::newRow("normalised subject alone") << GroupingRow{
        {{1, 0, nw, QString(), refund, {}, v4a},
         {2, 1, nw, QString(), QStringLiteral("Re: Your order #9 - refund approved"), {}, v6}},
        14,
        {{1, 2}}};
    QTest::newRow("overlapping link domains alone") << GroupingRow{
        {{1,
          0,
          nw,
          QString(),
          QStringLiteral("a"),
          {QStringLiteral("a.example"), QStringLiteral("deals.example")},
          v4a},
         {2, 1, nw, QString(), QStringLiteral("b"), {QStringLiteral("deals.example")}, v6}},
        14,
        {{1, 2}}};
    QTest::newRow("unattributed by origin network")
        << GroupingRow{{{1,
                         0,
                         QString(),
                         QStringLiteral("crypto-yield.test"),
                         QStringLiteral("x"),
                         {},
                         QStringLiteral("198.51.100.77")},
                        {2,
                         1,
                         QString(),
                         QStringLiteral("other.test"),
                         QStringLiteral("y"),
                         {},
                         QStringLiteral("198.51.100.200")},
                        {3,
                         1,
                         QString(),
                         QStringLiteral("crypto-yield.test"),
                         QStringLiteral("x"),
                         {},
                         QStringLiteral("192.0.2.77")}},
                       14,
                       {{1, 2}, {3}}};
    QTest::newRow("unattributed IPv6 by /48") << GroupingRow{
        {{1, 0, QString(), QString(), QString(), {}, QStringLiteral("2001:db8:aaaa:1::1")},
         {2, 1, QString(), QString(), QString(), {}, QStringLiteral("2001:db8:aaaa:ff::9")},
         {3, 1, QString(), QString(), QString(), {}, QStringLiteral("2001:db8:aaab::1")}},
        14,
        {{1, 2}, {3}}};
    QTest::newRow("an account's report never joins an unattributed case") << GroupingRow{
        {{1, 0, QString(), nwDomain, refund, {}, v4a}, {2, 1, nw, nwDomain, refund, {}, v4a}},
        14,
        {{1}, {2}}};
    QTest::newRow("an opt-out is not a complaint")
        << GroupingRow{{{1, 0, nw, nwDomain, refund, {}, v4a},
                        {2, 1, nw, nwDomain, refund, {}, v4a, ReportKind::OptOut},
                        {3, 2, nw, nwDomain, refund, {}, v4a, ReportKind::OptOut}},
                       14,
                       {{1}, {2, 3}}};
}

void TestCasesGrouping::groups()
{
    QFETCH(GroupingRow, row);
    QList<ReportFacts> reports;
    for (const R &r : row.reports)
        reports.append(facts(r));
    const CaseGrouping grouping = CaseGrouper({row.windowDays}).group({}, reports);
    QCOMPARE(partition(grouping), row.cases);
    QCOMPARE(grouping.placements.size(), reports.size());
    for (const CasePlacement &p : grouping.placements) {
        QVERIFY(!p.reason.isEmpty());
        QCOMPARE(p.caseId, 0);
    }
}

void TestCasesGrouping::reasonNamesAccountSignalAndWindow()
{
    const CaseGrouping grouping = CaseGrouper().group(
        {}, {facts({1, 0, nw, nwDomain, QStringLiteral("one"), {}, QStringLiteral("203.0.113.12")}),
             facts({2, 1, nw, nwDomain, QStringLiteral("two"), {}, QStringLiteral("2001:db8::1")}),
             facts({3, 2, nw, nwDomain, refund, {}, QStringLiteral("203.0.113.13")})});
    QCOMPARE(grouping.placements.at(0).reason,
             QStringLiteral("opened the case: account IXC-10042, complaint"));
    QCOMPARE(grouping.placements.at(1).reason,
             QStringLiteral("same account IXC-10042 and same sender domain northwind-deals.example "
                            "within 14 days (as evidence 1)"));
    QCOMPARE(
        grouping.placements.at(2).reason,
        QStringLiteral("same account IXC-10042 and same sender domain northwind-deals.example "
                       "and same origin network 203.0.113.0/24 within 14 days (as evidence 1)"));
    const CaseGrouping unattributed = CaseGrouper({7}).group(
        {}, {facts({5, 0, QString(), QString(), QString(), {}, QStringLiteral("198.51.100.77")}),
             facts({6, 1, QString(), QString(), QString(), {}, QStringLiteral("198.51.100.9")})});
    QCOMPARE(unattributed.placements.at(0).reason,
             QStringLiteral("opened the case: unattributed, origin network 198.51.100.0/24, "
                            "complaint"));
    QCOMPARE(unattributed.placements.at(1).reason,
             QStringLiteral("unattributed and same origin network 198.51.100.0/24 within 7 days "
                            "(as evidence 5)"));
}

void TestCasesGrouping::orderOfInputDoesNotMatter()
{
    QList<ReportFacts> reports;
    for (qint64 id = 1; id <= 8; ++id)
        reports.append(facts({id,
                              double(id % 3) * 8,
                              id % 2 ? nw : QString(),
                              nwDomain,
                              refund,
                              {},
                              QStringLiteral("203.0.113.12")}));
    const CaseGrouping first = CaseGrouper().group({}, reports);
    std::reverse(reports.begin(), reports.end());
    const CaseGrouping second = CaseGrouper().group({}, reports);
    QCOMPARE(partition(first), partition(second));
    QCOMPARE(first.placements.size(), second.placements.size());
    for (qsizetype i = 0; i < first.placements.size(); ++i) {
        QCOMPARE(first.placements.at(i).evidenceId, second.placements.at(i).evidenceId);
        QCOMPARE(first.placements.at(i).reason, second.placements.at(i).reason);
    }
    // Receipt time first, then evidence id.
    QCOMPARE(first.placements.first().evidenceId, 3);
}

void TestCasesGrouping::joinsExistingCase()
{
    const ExistingCase existing{
        42, {facts({1, 0, nw, nwDomain, refund, {}, QStringLiteral("203.0.113.12")})}};
    const CaseGrouping grouping =
        CaseGrouper().group({existing}, {facts({7, 3, nw, nwDomain, refund, {}, QString()}),
                                         facts({8, 40, nw, nwDomain, refund, {}, QString()})});
    QCOMPARE(grouping.placements.size(), 2);
    QCOMPARE(grouping.placements.at(0).caseId, 42);
    QCOMPARE(grouping.placements.at(0).newCaseIndex, -1);
    QCOMPARE(grouping.placements.at(1).caseId, 0);
    QCOMPARE(grouping.placements.at(1).newCaseIndex, 0);
    QCOMPARE(grouping.newCases.size(), 1);
    QCOMPARE(grouping.newCases.at(0).evidenceIds, QList<qint64>{8});
}

void TestCasesGrouping::readsFactsFromStoredAnalysis()
{
    const QByteArray arf = R"({"from":"FBL <fbl@example.net>","subject":"Abuse report",
        "origin":{"ip":"198.51.100.31"},"receipt":{"at":"2026-11-02T09:20:09Z"},"findings":[],
        "report":{"format":"arf","feedback_type":"abuse","source_ip":"203.0.113.12",
          "reported_uris":["https://deals.northwind-deals.example/r/1?c=x","not a url"],
          "findings":[{"severity":"low"}],
          "original":{"from":"\"support@bigbank.example\" <deals@Northwind-Deals.example>",
            "subject":"RE: Your order #48213 - refund approved","origin":{"ip":"203.0.113.12"},
            "findings":[{"severity":"high"},{"severity":"info"}]}}})";
    const ReportReading reading = readReportFacts(1, QJsonDocument::fromJson(arf).object());
    QVERIFY(reading.groupable);
    QCOMPARE(reading.facts.receivedAt, QDateTime(QDate(2026, 11, 2), QTime(9, 20, 9), Qt::UTC));
    QCOMPARE(reading.facts.severity, QStringLiteral("high"));
    QCOMPARE(reading.facts.key.senderDomain, nwDomain);
    QCOMPARE(reading.facts.key.subject, QStringLiteral("your order - refund approved"));
    QCOMPARE(reading.facts.key.originIp, QStringLiteral("203.0.113.12"));
    QCOMPARE(reading.facts.key.originNetwork, QStringLiteral("203.0.113.0/24"));
    QCOMPARE(reading.facts.key.linkDomains, QStringList{nwDomain});
    QCOMPARE(reading.facts.key.kind, ReportKind::Complaint);
    QVERIFY(reading.facts.key.accountId.isEmpty());

    // A listing notice: no original; the reporter's From and subject are not the campaign's.
    const QByteArray listing = R"({"from":"Spamhaus <sbl@spamhaus.example>",
        "subject":"[SBL000123] 203.0.113.40/32 listed","origin":{"ip":"192.0.2.45"},
        "receipt":{"at":"2026-11-10T06:51:06Z"},"findings":[],
        "report":{"format":"spamhaus","feedback_type":"blacklisting","source_ip":null,
          "listings":[{"range":"203.0.113.40/32",
            "reason":"kit at hxxps://harbourbakery.example/wp-content/x/ and more"}]}})";
    const ReportFacts sbl = readReportFacts(7, QJsonDocument::fromJson(listing).object()).facts;
    QCOMPARE(sbl.key.originIp, QStringLiteral("203.0.113.40"));
    QVERIFY(sbl.key.senderDomain.isEmpty());
    QVERIFY(sbl.key.subject.isEmpty());
    QCOMPARE(sbl.key.linkDomains, QStringList{QStringLiteral("harbourbakery.example")});

    const QByteArray optOut = R"({"receipt":{"at":"2026-09-30T02:41:27Z"},
        "report":{"format":"arf","feedback_type":"opt-out","reported_domain":"Lumen-Analytics.example",
          "original":{"origin":{"ip":"2001:db8:1c:4::25"},"headers_only":true}}})";
    const ReportFacts lumen = readReportFacts(9, QJsonDocument::fromJson(optOut).object()).facts;
    QCOMPARE(lumen.key.kind, ReportKind::OptOut);
    QCOMPARE(lumen.key.senderDomain, QStringLiteral("lumen-analytics.example"));
    QCOMPARE(lumen.key.originNetwork, QStringLiteral("2001:db8:1c::/48"));
}

void TestCasesGrouping::plainMessagesWithoutFindingsAreNotCases()
{
    const QByteArray inquiry = R"({"from":"Chan <chan@example.com>","origin":{"ip":"192.0.2.35"},
        "receipt":{"at":"2026-11-05T02:22:44Z"},"findings":[{"severity":"info"}],
        "report":{"format":"message"}})";
    const ReportReading quiet = readReportFacts(12, QJsonDocument::fromJson(inquiry).object());
    QVERIFY(!quiet.groupable);
    QVERIFY(!quiet.notGroupedReason.isEmpty());
    QVERIFY(!readReportFacts(3, QJsonObject()).groupable);

    const QByteArray spam = R"({"from":"Yield <payouts@crypto-yield.test>",
        "subject":"Your vault earned $38,912","origin":{"ip":"198.51.100.77"},
        "receipt":{"at":"2026-11-27T02:31:23.493Z"},"findings":[{"severity":"medium"}],
        "report":{"format":"message"}})";
    const ReportReading loud = readReportFacts(10, QJsonDocument::fromJson(spam).object());
    QVERIFY(loud.groupable);
    QCOMPARE(loud.facts.key.senderDomain, QStringLiteral("crypto-yield.test"));
    QCOMPARE(loud.facts.key.originNetwork, QStringLiteral("198.51.100.0/24"));
    QCOMPARE(loud.facts.key.accountKey(), QStringLiteral("unattributed 198.51.100.0/24"));
}

QTEST_GUILESS_MAIN(TestCasesGrouping)
#include "tst_cases_grouping.moc"
