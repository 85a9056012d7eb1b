#include "listing_test_support.h"

#include "reports/listings/spamhaus_recogniser.h"

#include <QTest>

using namespace Awb;

namespace {

struct SpamhausRow
{
    QString input;
    bool claimed = true;
    QString list;
    QString listingId;
    QString range;       // as listed
    QString sourceIp;    // the listed address or the range's first address
    QString listedAtUtc; // ISO 8601, empty when not stated
    QString reasonStart;
    QString arrivalUtc;
    QStringList problems; // fragments, each found in some problem; empty: no problems
    int completeness = 0;
};

} // namespace

Q_DECLARE_METATYPE(SpamhausRow)

class TestListingsSpamhaus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognise_data();
    void recognise();
    void demoNoticeKeepsEvidenceApart();
    void domainListing();
};

void TestListingsSpamhaus::recognise_data()
{
    QTest::addColumn<SpamhausRow>("row");
    auto row = [](const char *name, const SpamhausRow &r) { QTest::newRow(name) << r; };

    row("demo 07, SBL /32 with evidence", {"demo:07-spamhaus-sbl-harbour.eml",
                                           true,
                                           "SBL",
                                           "SBL000123",
                                           "203.0.113.40/32",
                                           "203.0.113.40",
                                           "2026-11-10T06:40:11Z",
                                           "Phishing spam source. Compromised website",
                                           "2026-11-10T05:58:31Z",
                                           {},
                                           2});
    row("mbox 4, same bytes as demo 07", {"mbox:4",
                                          true,
                                          "SBL",
                                          "SBL000123",
                                          "203.0.113.40/32",
                                          "203.0.113.40",
                                          "2026-11-10T06:40:11Z",
                                          "Phishing spam source.",
                                          "2026-11-10T05:58:31Z",
                                          {},
                                          2});
    row("SBL notice for a /24", {"data:spamhaus-sbl-range24.eml",
                                 true,
                                 "SBL",
                                 "SBL654321",
                                 "198.51.100.0/24",
                                 "198.51.100.0",
                                 "2026-03-16T12:55:00Z",
                                 "Snowshoe spam range. Rotating hostnames",
                                 "2026-03-16T12:55:00Z",
                                 {},
                                 2});
    row("newer notification format, CSS", {"data:spamhaus-notification.eml",
                                           true,
                                           "CSS",
                                           "CSS-2026-0317-77",
                                           "192.0.2.77",
                                           "192.0.2.77",
                                           "2026-03-17T02:12:40Z",
                                           "Low-reputation bulk mail sent to spam traps from",
                                           "2026-03-17T02:12:40Z",
                                           {},
                                           2});
    row("SBL notice for an IPv6 /64", {"data:spamhaus-sbl-ipv6.eml",
                                       true,
                                       "SBL",
                                       "SBL700001",
                                       "2001:db8:1c:9::/64",
                                       "2001:db8:1c:9::",
                                       "2026-03-17T19:20:03Z",
                                       "Spam source: bulk mail from rotating IPv6",
                                       "2026-03-17T18:58:12Z",
                                       {},
                                       2});
    row("bad range 999.1.1.1", {"data:spamhaus-bad-range.eml",
                                true,
                                "SBL",
                                "SBL700002",
                                "999.1.1.1",
                                "",
                                "2026-03-19T05:40:00Z",
                                "Spam source.",
                                "2026-03-19T05:40:00Z",
                                {"\"999.1.1.1\" is not an address"},
                                2});
    row("missing listing date", {"data:spamhaus-no-date.eml",
                                 true,
                                 "SBL",
                                 "SBL700003",
                                 "203.0.113.99/32",
                                 "203.0.113.99",
                                 "",
                                 "Spam source: direct-to-MX",
                                 "",
                                 {"without a listing date"},
                                 1});
    row("HTML-only notice", {"data:spamhaus-html-only.eml",
                             true,
                             "SBL",
                             "SBL700004",
                             "192.0.2.128/25",
                             "192.0.2.128",
                             "2026-03-19T07:41:00Z",
                             "Spam & phishing source",
                             "2026-03-19T07:41:00Z",
                             {"HTML part"},
                             2});
    row("normal message mentioning Spamhaus", {"data:not-report-mentions-spamcop.eml", false});
    row("SpamCop report", {"demo:03-spamcop-northwind.eml", false});
    row("forwarded phish", {"demo:06-forward-harbour-phish.eml", false});
    row("mbox 0, inline forward", {"mbox:0", false});
    row("mbox 3, sales inquiry", {"mbox:3", false});
}

void TestListingsSpamhaus::recognise()
{
    QFETCH(SpamhausRow, row);
    const std::optional<MailMessage> message = ListingTest::load(row.input);
    if (!message)
        return;
    const std::optional<Report> report = SpamhausRecogniser().recognise(*message);
    QCOMPARE(report.has_value(), row.claimed);
    if (!report)
        return;
    QCOMPARE(report->format, ReportFormat::Spamhaus);
    QCOMPARE(report->reporter, QStringLiteral("Spamhaus"));
    QCOMPARE(report->feedbackType, QStringLiteral("blacklisting"));
    QCOMPARE(report->listings.size(), 1);
    const ListingRecord &listing = report->listings.first();
    QCOMPARE(listing.list, row.list);
    QCOMPARE(listing.listingId, row.listingId);
    QCOMPARE(report->reportId, row.listingId);
    QCOMPARE(listing.range, row.range);
    QCOMPARE(report->sourceIp, row.sourceIp);
    QCOMPARE(listing.listedAt.isValid() ? listing.listedAt.toString(Qt::ISODate) : QString(),
             row.listedAtUtc);
    QVERIFY2(listing.reason.startsWith(row.reasonStart), qPrintable(listing.reason));
    QCOMPARE(report->arrivalDate.isValid() ? report->arrivalDate.toString(Qt::ISODate) : QString(),
             row.arrivalUtc);
    QVERIFY(!report->originalBytes);
    QVERIFY2(ListingTest::problemsMatch(report->problems, row.problems),
             qPrintable(report->problems.join(QStringLiteral(" | "))));
    const ReportCompleteness completeness = assessCompleteness(*report);
    QVERIFY2(completeness.count() == row.completeness, qPrintable(completeness.summary()));
}

void TestListingsSpamhaus::demoNoticeKeepsEvidenceApart()
{
    const std::optional<MailMessage> message =
        ListingTest::load(QStringLiteral("demo:07-spamhaus-sbl-harbour.eml"));
    QVERIFY(message);
    const std::optional<Report> report = SpamhausRecogniser().recognise(*message);
    QVERIFY(report);
    // The wrapped reason is read whole, and stops before the evidence.
    QVERIFY(report->listings.first().reason.endsWith(QLatin1String("/.sync/owa/")));
    const QStringList evidence = ListingTest::fieldValues(*report, QStringLiteral("Evidence"));
    QCOMPARE(evidence.size(), 1);
    QVERIFY(evidence.first().contains(QLatin1String("X-PHP-Originating-Script")));
    QVERIFY(!evidence.first().contains(QLatin1String("What to do")));
    QCOMPARE(report->arrivalDateText, QStringLiteral("Tue, 10 Nov 2026 05:58:31 +0000 (UTC)"));
    // The evidence's own header fields are not read as the notice's labels.
    QCOMPARE(ListingTest::fieldValues(*report, QStringLiteral("Listed")),
             QStringList{QStringLiteral("2026-11-10 06:40:11 UTC")});
    QVERIFY(ListingTest::fieldValues(*report, QStringLiteral("From")).size() == 1);
    QVERIFY(report->description.contains(QLatin1String("Listing ID:     SBL000123")));
    QVERIFY(!report->description.contains(QLatin1String("Evidence")));
}

void TestListingsSpamhaus::domainListing()
{
    // A DBL notice names a domain, not an address: no sourceIp, the domain is reported.
    const QByteArray bytes = "From: Spamhaus DBL <dbl-notify@spamhaus.org>\n"
                             "To: abuse@ix.cm\n"
                             "Subject: Spamhaus DBL listing: shop.example\n"
                             "Date: Sat, 21 Mar 2026 10:00:00 +0000\n"
                             "\n"
                             "Listed domain: shop.example\n"
                             "Blocklist: DBL\n"
                             "Listed: 2026-03-21 09:30:00 UTC\n"
                             "Reason: spamvertised in snowshoe campaigns\n";
    const Result<MailMessage> message = MailMessage::parse(bytes);
    QVERIFY(message);
    const std::optional<Report> report = SpamhausRecogniser().recognise(*message);
    QVERIFY(report);
    QCOMPARE(report->listings.size(), 1);
    QCOMPARE(report->listings.first().list, QStringLiteral("DBL"));
    QCOMPARE(report->listings.first().range, QStringLiteral("shop.example"));
    QCOMPARE(report->reportedDomain, QStringLiteral("shop.example"));
    QVERIFY(report->sourceIp.isEmpty());
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('|'))));
}

QTEST_GUILESS_MAIN(TestListingsSpamhaus)
#include "tst_listings_spamhaus.moc"
