#include "listing_test_support.h"

#include "reports/listings/listing_recognisers.h"
#include "reports/report_recogniser.h"

#include <QDir>
#include <QTest>

using namespace Awb;

namespace {

// The family as the registry runs it: the first recogniser that claims a message wins.
Report recogniseWithFamily(const MailMessage &message)
{
    QList<const ReportRecogniser *> family;
    appendListingRecognisers(family);
    for (const ReportRecogniser *recogniser : family) {
        if (std::optional<Report> report = recogniser->recognise(message))
            return std::move(*report);
    }
    return Report{};
}

struct CorpusRow
{
    QString input;
    QString format; // reportFormatKey of the result: "spamcop", "spamhaus" or "message"
    int listings = 0;
    QString completeness; // ReportCompleteness::summary(); empty for plain messages
};

} // namespace

Q_DECLARE_METATYPE(CorpusRow)

class TestListingsCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void family();
    void corpus_data();
    void corpus();
    void damagedInputsNeverCrash_data();
    void damagedInputsNeverCrash();
};

void TestListingsCorpus::family()
{
    QList<const ReportRecogniser *> family;
    appendListingRecognisers(family);
    QCOMPARE(family.size(), 2);
    QCOMPARE(family.at(0)->name(), QStringLiteral("SpamCop"));
    QCOMPARE(family.at(1)->name(), QStringLiteral("Spamhaus"));
    QList<const ReportRecogniser *> again;
    appendListingRecognisers(again);
    QCOMPARE(again, family); // one stateless instance each, shared
}

void TestListingsCorpus::corpus_data()
{
    QTest::addColumn<CorpusRow>("row");
    auto row = [](const char *name, const CorpusRow &r) { QTest::newRow(name) << r; };
    const QString none;
    row("demo 01 ARF", {"demo:01-arf-fbl-northwind.eml", "message", 0, none});
    row("demo 02 ARF quirks", {"demo:02-arf-quirks-northwind.eml", "message", 0, none});
    row("demo 03 SpamCop", {"demo:03-spamcop-northwind.eml", "spamcop", 0, "4 of 4"});
    row("demo 04 X-ARF", {"demo:04-xarf-northwind.eml", "message", 0, none});
    row("demo 05 JMRP", {"demo:05-jmrp-northwind.eml", "message", 0, none});
    row("demo 06 forward", {"demo:06-forward-harbour-phish.eml", "message", 0, none});
    row("demo 07 Spamhaus", {"demo:07-spamhaus-sbl-harbour.eml", "spamhaus", 1,
                             "2 of 4: no full headers, no complete copy of the message"});
    row("demo 08 ARF", {"demo:08-arf-lumen-newsletter.eml", "message", 0, none});
    row("demo 09 ARF opt-out", {"demo:09-arf-optout-lumen.eml", "message", 0, none});
    row("demo 10 raw spam", {"demo:10-spam-non-customer.eml", "message", 0, none});
    row("mbox 0", {"mbox:0", "message", 0, none});
    row("mbox 1", {"mbox:1", "message", 0, none});
    row("mbox 2", {"mbox:2", "spamcop", 0, "4 of 4"});
    row("mbox 3", {"mbox:3", "message", 0, none});
    row("mbox 4",
        {"mbox:4", "spamhaus", 1, "2 of 4: no full headers, no complete copy of the message"});
    row("data inline", {"data:spamcop-inline.eml", "spamcop", 0, "4 of 4"});
    row("data attached", {"data:spamcop-attached.eml", "spamcop", 0, "4 of 4"});
    row("data spamvertised",
        {"data:spamcop-spamvertised.eml", "spamcop", 0, "3 of 4: no receipt timestamp"});
    row("data summary",
        {"data:spamcop-summary.eml", "spamcop", 0,
         "1 of 4: no full headers, no complete copy of the message, no receipt timestamp"});
    row("data subject only",
        {"data:spamcop-subject-only.eml", "spamcop", 0,
         "1 of 4: no full headers, no complete copy of the message, no receipt timestamp"});
    row("data bad ip", {"data:spamcop-bad-ip.eml", "spamcop", 0, "4 of 4"});
    row("data /24", {"data:spamhaus-sbl-range24.eml", "spamhaus", 1,
                     "2 of 4: no full headers, no complete copy of the message"});
    row("data notification", {"data:spamhaus-notification.eml", "spamhaus", 1,
                              "2 of 4: no full headers, no complete copy of the message"});
    row("data ipv6", {"data:spamhaus-sbl-ipv6.eml", "spamhaus", 1,
                      "2 of 4: no full headers, no complete copy of the message"});
    row("data bad range", {"data:spamhaus-bad-range.eml", "spamhaus", 1,
                           "2 of 4: no full headers, no complete copy of the message"});
    row("data no date",
        {"data:spamhaus-no-date.eml", "spamhaus", 1,
         "1 of 4: no full headers, no complete copy of the message, no receipt timestamp"});
    row("data html only", {"data:spamhaus-html-only.eml", "spamhaus", 1,
                           "2 of 4: no full headers, no complete copy of the message"});
    row("data not a report", {"data:not-report-mentions-spamcop.eml", "message", 0, none});
}

void TestListingsCorpus::corpus()
{
    QFETCH(CorpusRow, row);
    const std::optional<MailMessage> message = ListingTest::load(row.input);
    if (!message)
        return;
    const Report report = recogniseWithFamily(*message);
    QCOMPARE(reportFormatKey(report.format), row.format);
    QCOMPARE(report.listings.size(), row.listings);
    if (report.format == ReportFormat::Message)
        return;
    QCOMPARE(assessCompleteness(report).summary(), row.completeness);
    QVERIFY(!report.description.isEmpty() || !report.problems.isEmpty());
    for (const ReportField &field : report.fields)
        QVERIFY2(!field.source.isEmpty(), qPrintable(field.name));
}

void TestListingsCorpus::damagedInputsNeverCrash_data()
{
    QTest::addColumn<QString>("input");
    const QDir data(QStringLiteral(AWB_TEST_DATA "/reports_listings"));
    for (const QString &name : data.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << QStringLiteral("data:") + name;
    QTest::newRow("demo 03") << QStringLiteral("demo:03-spamcop-northwind.eml");
    QTest::newRow("demo 07") << QStringLiteral("demo:07-spamhaus-sbl-harbour.eml");
}

void TestListingsCorpus::damagedInputsNeverCrash()
{
    // Every prefix cut at a line boundary (a report truncated in transit) and every CRLF
    // conversion must give a Report, a plain message or a parse error: never a crash.
    QFETCH(QString, input);
    const QByteArray bytes = ListingTest::readBytes(input);
    QVERIFY(!bytes.isEmpty());
    int reports = 0;
    for (qsizetype cut = bytes.indexOf('\n'); cut >= 0; cut = bytes.indexOf('\n', cut + 1)) {
        for (const QByteArray &variant :
             {bytes.left(cut + 1), QByteArray(bytes.left(cut + 1)).replace("\n", "\r\n")}) {
            const Result<MailMessage> message = MailMessage::parse(variant);
            if (!message)
                continue;
            const Report report = recogniseWithFamily(*message);
            reports += report.format != ReportFormat::Message;
            (void)assessCompleteness(report).summary();
        }
    }
    const Result<MailMessage> whole = MailMessage::parse(bytes);
    QVERIFY(whole);
    if (recogniseWithFamily(*whole).format != ReportFormat::Message)
        QVERIFY(reports > 0);
}

QTEST_GUILESS_MAIN(TestListingsCorpus)
#include "tst_listings_corpus.moc"
