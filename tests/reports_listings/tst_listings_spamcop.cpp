#include "listing_test_support.h"

#include "reports/listings/spamcop_recogniser.h"

#include <QTest>

using namespace Awb;

namespace {

struct SpamCopRow
{
    QString input;
    bool claimed = true;
    QString feedbackType;
    QString reportId;
    QString sourceIp;
    QString arrivalUtc;  // ISO 8601, empty when there is none
    QString arrivalText; // as written, with its zone
    bool hasOriginal = false;
    bool recipientsMunged = false;
    QStringList reportedUris;
    int sourceFields = 0; // "Source-IP" fields read from the body (summary rows)
    int incidents = 1;
    QStringList problems; // fragments, each found in some problem; empty: no problems
    int completeness = 0;
};

} // namespace

Q_DECLARE_METATYPE(SpamCopRow)

class TestListingsSpamCop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognise_data();
    void recognise();
    void originalIsTheSpam();
    void descriptionIsTheExplanation();
};

void TestListingsSpamCop::recognise_data()
{
    QTest::addColumn<SpamCopRow>("row");
    auto row = [](const char *name, const SpamCopRow &r) { QTest::newRow(name) << r; };

    row("demo 03, attached original", {"demo:03-spamcop-northwind.eml",
                                       true,
                                       "abuse",
                                       "7012345678",
                                       "203.0.113.12",
                                       "2026-11-03T01:41:10Z",
                                       "Tue, 3 Nov 2026 01:41:10 +0000",
                                       true,
                                       true,
                                       {},
                                       0,
                                       1,
                                       {},
                                       4});
    row("mbox 2, same bytes as demo 03", {"mbox:2",
                                          true,
                                          "abuse",
                                          "7012345678",
                                          "203.0.113.12",
                                          "2026-11-03T01:41:10Z",
                                          "Tue, 3 Nov 2026 01:41:10 +0000",
                                          true,
                                          true,
                                          {},
                                          0,
                                          1,
                                          {},
                                          4});
    row("inline offending message, zone kept", {"data:spamcop-inline.eml",
                                                true,
                                                "abuse",
                                                "7100000001",
                                                "198.51.100.23",
                                                "2026-03-12T13:58:44Z",
                                                "Thu, 12 Mar 2026 09:58:44 -0400",
                                                true,
                                                true,
                                                {},
                                                0,
                                                1,
                                                {},
                                                4});
    row("attached offending message, IPv6 source", {"data:spamcop-attached.eml",
                                                    true,
                                                    "abuse",
                                                    "7100000002",
                                                    "2001:db8:1c:9::25",
                                                    "2026-03-12T22:47:31Z",
                                                    "Thu, 12 Mar 2026 22:47:31 +0000",
                                                    true,
                                                    true,
                                                    {},
                                                    0,
                                                    1,
                                                    {},
                                                    4});
    row("spamvertised web site", {"data:spamcop-spamvertised.eml",
                                  true,
                                  "spamvertised",
                                  "7100000003",
                                  "203.0.113.77",
                                  "",
                                  "",
                                  true,
                                  true,
                                  {"http://pills.shop.example/buy/"},
                                  0,
                                  1,
                                  {},
                                  3});
    row("summary of three sources", {"data:spamcop-summary.eml",
                                     true,
                                     "abuse",
                                     "",
                                     "203.0.113.12",
                                     "",
                                     "",
                                     false,
                                     false,
                                     {},
                                     3,
                                     8,
                                     {"summary names 3 sources"},
                                     1});
    row("subject id but no body", {"data:spamcop-subject-only.eml",
                                   true,
                                   "abuse",
                                   "7100000005",
                                   "198.51.100.31",
                                   "",
                                   "",
                                   false,
                                   false,
                                   {},
                                   0,
                                   1,
                                   {"no text", "no copy of the offending message"},
                                   1});
    row("bad address 999.1.1.1",
        {"data:spamcop-bad-ip.eml",
         true,
         "abuse",
         "7100000006",
         "",
         "2026-03-19T04:51:09Z",
         "Thu, 19 Mar 2026 04:51:09 +0000",
         true,
         true,
         {},
         0,
         1,
         {"\"999.1.1.1\" in the subject", "\"999.1.1.1\" in the \"Email from\" line"},
         4});
    row("normal message mentioning SpamCop", {"data:not-report-mentions-spamcop.eml", false});
    row("Spamhaus notice", {"demo:07-spamhaus-sbl-harbour.eml", false});
    row("ARF report", {"demo:01-arf-fbl-northwind.eml", false});
    row("mbox 0, inline forward", {"mbox:0", false});
    row("mbox 3, sales inquiry", {"mbox:3", false});
}

void TestListingsSpamCop::recognise()
{
    QFETCH(SpamCopRow, row);
    const std::optional<MailMessage> message = ListingTest::load(row.input);
    if (!message)
        return;
    const std::optional<Report> report = SpamCopRecogniser().recognise(*message);
    QCOMPARE(report.has_value(), row.claimed);
    if (!report)
        return;
    QCOMPARE(report->format, ReportFormat::SpamCop);
    QCOMPARE(report->reporter, QStringLiteral("SpamCop"));
    QCOMPARE(report->feedbackType, row.feedbackType);
    QCOMPARE(report->reportId, row.reportId);
    QCOMPARE(report->sourceIp, row.sourceIp);
    QCOMPARE(report->arrivalDate.isValid() ? report->arrivalDate.toString(Qt::ISODate) : QString(),
             row.arrivalUtc);
    QCOMPARE(report->arrivalDateText, row.arrivalText);
    QCOMPARE(report->originalBytes.has_value(), row.hasOriginal);
    QCOMPARE(!ListingTest::fieldValues(*report, QStringLiteral("Recipients")).isEmpty(),
             row.recipientsMunged);
    QCOMPARE(report->reportedUris, row.reportedUris);
    int bodySources = 0;
    for (const ReportField &field : report->fields)
        bodySources +=
            field.name == QLatin1String("Source-IP") && field.source == QLatin1String("body");
    QCOMPARE(bodySources, row.sourceFields);
    QCOMPARE(report->incidents, row.incidents);
    QVERIFY2(ListingTest::problemsMatch(report->problems, row.problems),
             qPrintable(report->problems.join(QStringLiteral(" | "))));
    const ReportCompleteness completeness = assessCompleteness(*report);
    QVERIFY2(completeness.count() == row.completeness, qPrintable(completeness.summary()));
}

void TestListingsSpamCop::originalIsTheSpam()
{
    // The attached original is the exact bytes of the message/rfc822 part; the inline one
    // starts at its first header field, not at the marker line.
    for (const char *input : {"demo:03-spamcop-northwind.eml", "data:spamcop-inline.eml"}) {
        const std::optional<MailMessage> message = ListingTest::load(QLatin1String(input));
        QVERIFY(message);
        const std::optional<Report> report = SpamCopRecogniser().recognise(*message);
        QVERIFY(report && report->originalBytes);
        QVERIFY2(report->originalBytes->startsWith("Return-Path: <"), input);
        QVERIFY(!report->originalBytes->contains("[ Offending message ]"));
        QVERIFY(!report->originalBytes->contains("------------=_1793671940"));
        const Result<MailMessage> original = MailMessage::parse(*report->originalBytes);
        QVERIFY(original);
        QVERIFY(!original->subject().isEmpty());
        QVERIFY(original->textBody().contains(QLatin1String("http")));
    }
    const std::optional<MailMessage> demo =
        ListingTest::load(QStringLiteral("demo:03-spamcop-northwind.eml"));
    QVERIFY(demo);
    const std::optional<Report> report = SpamCopRecogniser().recognise(*demo);
    QVERIFY(report);
    QVERIFY(report->originalBytes->endsWith("Customer Care\n"));
    QCOMPARE(ListingTest::fieldValues(*report, QStringLiteral("Recipients")),
             QStringList{QStringLiteral(
                 "munged by SpamCop to \"x\" in: Delivered-To, To, Received (for <x>)")});
    QCOMPARE(ListingTest::fieldValues(*report, QStringLiteral("Tracking-URL")).size(), 1);
    QCOMPARE(report->formatVersion, QStringLiteral("5.4.0"));
}

void TestListingsSpamCop::descriptionIsTheExplanation()
{
    const std::optional<MailMessage> message =
        ListingTest::load(QStringLiteral("data:spamcop-inline.eml"));
    QVERIFY(message);
    const std::optional<Report> report = SpamCopRecogniser().recognise(*message);
    QVERIFY(report);
    QVERIFY(report->description.startsWith(QLatin1String("[ SpamCop V5.4.0 ]")));
    QVERIFY(report->description.contains(QLatin1String("Email from 198.51.100.23")));
    QVERIFY(!report->description.contains(QLatin1String("Offending message")));
    // Every typed value is also a field with where it was read.
    bool subjectSource = false;
    for (const ReportField &field : report->fields)
        subjectSource = subjectSource || (field.name == QLatin1String("Source-IP") &&
                                          field.source == QLatin1String("subject"));
    QVERIFY(subjectSource);
}

QTEST_GUILESS_MAIN(TestListingsSpamCop)
#include "tst_listings_spamcop.moc"
