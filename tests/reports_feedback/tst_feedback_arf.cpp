// ARF: the sisimai real-world reports, the demo reports and malformed variants, run through the
// family in its order (ARF, JMRP, forwards) so that each row also says who claims the message.
#include "feedback_test_support.h"

using namespace Awb;
using namespace AwbFeedbackTest;

namespace {

struct Row
{
    QByteArray bytes;
    std::optional<ReportFormat> format; // nullopt: no recogniser of the family claims it
    QString feedbackType;
    QString sourceIp;
    QString arrivalUtc; // ISO 8601 UTC, empty when no receipt time is known
    bool original = true;
    bool headersOnly = false;
    int completeness = 4;
    QString problem; // a fragment one of the problems must contain; empty: no problems at all
};

const QString original =
    QStringLiteral("Received: from mx.spam.example (mx.spam.example [192.0.2.44])\n"
                   "\tby mx.example.net with ESMTP id 1; Mon, 2 Nov 2026 10:02:51 +0000\n"
                   "From: <spammer@spam.example>\n"
                   "To: <pat@example.net>\n"
                   "Subject: Offer\n"
                   "Date: Mon, 2 Nov 2026 10:02:40 +0000\n"
                   "\n"
                   "Buy now.\n");

// An RFC 5965 report assembled from its parts; an empty feedback or original leaves it out.
QByteArray arf(const QString &feedback,
               const QString &originalPart = QStringLiteral("Content-Type: message/rfc822\n\n") +
                                             original,
               bool closed = true,
               const QString &human = QStringLiteral("A user of example.net reported spam.\n"))
{
    QString bytes = QStringLiteral("From: FBL <fbl@example.net>\n"
                                   "To: abuse@ix.cm\n"
                                   "Subject: FW: Offer\n"
                                   "Date: Mon, 2 Nov 2026 10:05:00 +0000\n"
                                   "MIME-Version: 1.0\n"
                                   "Content-Type: multipart/report; report-type=feedback-report;\n"
                                   " boundary=\"BB\"\n\n"
                                   "--BB\nContent-Type: text/plain\n\n") +
                    human;
    if (!feedback.isNull())
        bytes += QStringLiteral("\n--BB\nContent-Type: message/feedback-report\n\n") + feedback;
    if (!originalPart.isEmpty())
        bytes += QStringLiteral("\n--BB\n") + originalPart;
    if (closed)
        bytes += QStringLiteral("\n--BB--\n");
    return bytes.toUtf8();
}

const QString basicFeedback = QStringLiteral("Feedback-Type: abuse\n"
                                             "User-Agent: Test/1.0\n"
                                             "Version: 1\n"
                                             "Arrival-Date: Mon, 2 Nov 2026 10:02:51 +0000\n"
                                             "Source-IP: 192.0.2.44\n");

} // namespace

Q_DECLARE_METATYPE(Row)

class TestFeedbackArf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognise_data();
    void recognise();
    void fieldsCarrySources();
    void demoQuirks();
    void garbageNeverCrashes();
};

void TestFeedbackArf::recognise_data()
{
    QTest::addColumn<Row>("row");
    const auto arfRow = [](const QByteArray &bytes, const char *type, const char *ip,
                           const char *arrival, int completeness, bool headersOnly = false,
                           const char *problem = "") {
        return Row{bytes,
                   ReportFormat::Arf,
                   QLatin1String(type),
                   QLatin1String(ip),
                   QLatin1String(arrival),
                   true,
                   headersOnly,
                   completeness,
                   QLatin1String(problem)};
    };
    const auto s = [](const char *name) {
        return sample(QStringLiteral("sisimai/") + QLatin1String(name));
    };

    // Sisimai: real feedback loops.
    QTest::newRow("sisimai arf-01 Received-Date, Version 1.0")
        << arfRow(s("arf-01.eml"), "abuse", "192.0.2.89", "2009-04-29T00:00:00Z", 4, false,
                  "closing boundary");
    QTest::newRow("sisimai arf-02 Yahoo, Version 0.1, host in prose")
        << arfRow(s("arf-02.eml"), "abuse", "", "2013-04-30T07:45:50Z", 4);
    QTest::newRow("sisimai arf-11 IP and date from the human part")
        << arfRow(s("arf-11.eml"), "abuse", "192.0.2.2", "2006-04-09T14:34:45Z", 4);
    QTest::newRow("sisimai arf-12 opt-out, text/rfc822-header")
        << arfRow(s("arf-12.eml"), "opt-out", "192.0.2.89", "2006-04-09T14:34:45Z", 3, true);
    QTest::newRow("sisimai arf-14 Amazon SES via Yahoo")
        << arfRow(s("arf-14.eml"), "abuse", "", "2017-04-29T23:34:45Z", 4);
    QTest::newRow("sisimai arf-15 ReturnPath, unclosed multipart")
        << arfRow(s("arf-15.eml"), "abuse", "192.0.2.222", "2015-04-29T23:34:45Z", 4, false,
                  "closing boundary");
    QTest::newRow("sisimai arf-16 seven Original-Rcpt-To")
        << arfRow(s("arf-16.eml"), "abuse", "192.0.2.1", "2015-04-29T23:34:45Z", 4, false,
                  "closing boundary");
    QTest::newRow("sisimai arf-17 abusix")
        << arfRow(s("arf-17.eml"), "abuse", "192.0.2.3", "2016-04-29T23:34:45Z", 4);
    QTest::newRow("sisimai arf-18 DMARC auth-failure")
        << arfRow(s("arf-18.eml"), "auth-failure", "192.0.2.222", "2015-04-29T23:34:45Z", 4);
    QTest::newRow("sisimai arf-19 NetEase headers only")
        << arfRow(s("arf-19.eml"), "auth-failure", "203.0.113.2", "2015-04-29T14:34:45Z", 3, true);
    QTest::newRow("sisimai arf-20 OpenDMARC, date from the human part")
        << arfRow(s("arf-20.eml"), "auth-failure", "203.0.113.2", "2015-04-29T23:34:45Z", 3, true);
    QTest::newRow("sisimai arf-21 ReturnPath")
        << arfRow(s("arf-21.eml"), "abuse", "198.51.100.224", "2015-04-29T23:34:45Z", 4, false,
                  "closing boundary");
    for (const char *name : {"arf-22.eml", "arf-23.eml", "arf-24.eml"}) {
        QTest::addRow("sisimai %s no feedback part", name)
            << arfRow(s(name), "", "192.0.2.222", "", 3, false, "no message/feedback-report");
    }
    Row redacted = arfRow(s("arf-25.eml"), "abuse", "10.0.0.1", "2020-10-31T18:02:57Z", 2, false,
                          "not a readable message");
    redacted.original = false;
    QTest::newRow("sisimai arf-25 Source-Ip, original REDACTED") << redacted;
    QTest::newRow("sisimai arf-26 unsubscribe mail, not a report")
        << Row{s("arf-26.eml"), std::nullopt};

    // The demo mailbox.
    QTest::newRow("demo 01 FBL") << arfRow(demoReport(QStringLiteral("01-arf-fbl-northwind.eml")),
                                           "abuse", "203.0.113.12", "2026-11-02T09:14:22Z", 4);
    QTest::newRow("demo 02 quirks")
        << arfRow(demoReport(QStringLiteral("02-arf-quirks-northwind.eml")), "abuse",
                  "203.0.113.12", "2026-11-02T10:02:51Z", 4);
    QTest::newRow("demo 08 IPv6 newsletter")
        << arfRow(demoReport(QStringLiteral("08-arf-lumen-newsletter.eml")), "abuse",
                  "2001:db8:1c:4::25", "2026-11-10T02:00:14Z", 4);
    QTest::newRow("demo 09 opt-out, headers only")
        << arfRow(demoReport(QStringLiteral("09-arf-optout-lumen.eml")), "opt-out",
                  "2001:db8:1c:4::25", "2026-09-29T02:00:12Z", 3, true);

    // Malformed variants.
    QTest::newRow("well formed") << arfRow(arf(basicFeedback), "abuse", "192.0.2.44",
                                           "2026-11-02T10:02:51Z", 4);
    QTest::newRow("no feedback part")
        << arfRow(arf(QString()), "", "", "", 3, false, "no message/feedback-report");
    QTest::newRow("YAML-styled part")
        << arfRow(arf(QStringLiteral("---\nFeedback-Type: \"abuse\"\nUser-Agent: 'Yaml/1.0'\n"
                                     "Version: \"1\"\nSource-IP: \"192.0.2.44\"\n"
                                     "Arrival-Date: \"2026-11-02 10:02:51 +0000\"\n...\n")),
                  "abuse", "192.0.2.44", "2026-11-02T10:02:51Z", 4);
    QTest::newRow("quoted version, ::ffff: address, Source-Ip")
        << arfRow(arf(QStringLiteral("feedback-type: Abuse\nuser-agent: T/1\nversion: \"0.1\"\n"
                                     "Source-Ip: ::ffff:192.0.2.44\n"
                                     "Arrival-Date: Mon, 2 Nov 2026 10:02:51 +0000\n")),
                  "abuse", "192.0.2.44", "2026-11-02T10:02:51Z", 4);
    QTest::newRow("(hostname) comment after the address")
        << arfRow(arf(QString(basicFeedback)
                          .replace(QStringLiteral("192.0.2.44\n"),
                                   QStringLiteral("192.0.2.44 (mx.spam.example)\n"))),
                  "abuse", "192.0.2.44", "2026-11-02T10:02:51Z", 4);
    QTest::newRow(">From line before the original") << arfRow(
        arf(basicFeedback, QStringLiteral("Content-Type: message/rfc822\n\n"
                                          ">From spammer@spam.example Mon Nov  2 10:02:51 2026\n") +
                               original),
        "abuse", "192.0.2.44", "2026-11-02T10:02:51Z", 4);
    Row missing = arfRow(arf(basicFeedback, QString()), "abuse", "192.0.2.44",
                         "2026-11-02T10:02:51Z", 2, false, "no copy of the reported message");
    missing.original = false;
    QTest::newRow("missing original") << missing;
    QTest::newRow("truncated multipart")
        << arfRow(arf(basicFeedback,
                      QStringLiteral("Content-Type: message/rfc822\n\n") +
                          original.left(original.indexOf(QStringLiteral("Buy"))),
                      false),
                  "abuse", "192.0.2.44", "2026-11-02T10:02:51Z", 4, false, "closing boundary");
    QTest::newRow("broken Arrival-Date")
        << arfRow(arf(QString(basicFeedback)
                          .replace(QStringLiteral("Mon, 2 Nov 2026 10:02:51 +0000"),
                                   QStringLiteral("yesterday evening"))),
                  "abuse", "192.0.2.44", "", 3, false, "not a readable date");
    QTest::newRow("ISO Arrival-Date")
        << arfRow(arf(QString(basicFeedback)
                          .replace(QStringLiteral("Mon, 2 Nov 2026 10:02:51 +0000"),
                                   QStringLiteral("2026-11-02T10:02:51Z"))),
                  "abuse", "192.0.2.44", "2026-11-02T10:02:51Z", 4);
    QTest::newRow("empty feedback part")
        << arfRow(arf(QStringLiteral("\n")), "", "", "", 3, false, "holds no fields");
    QTest::newRow("Source-IP not an address") << arfRow(
        arf(QString(basicFeedback)
                .replace(QStringLiteral("192.0.2.44\n"), QStringLiteral("mx.spam.example\n"))),
        "abuse", "", "2026-11-02T10:02:51Z", 4, false, "not an IP address");
}

void TestFeedbackArf::recognise()
{
    QFETCH(Row, row);
    const Result<MailMessage> message = MailMessage::parse(row.bytes);
    QVERIFY2(message.ok(), qPrintable(message.error()));
    const std::optional<Report> report = recogniseWithFamily(*message);
    QCOMPARE(report.has_value(), row.format.has_value());
    if (!report)
        return;
    QCOMPARE(report->format, *row.format);
    QCOMPARE(report->feedbackType, row.feedbackType);
    QCOMPARE(report->sourceIp, row.sourceIp);
    QCOMPARE(report->arrivalDate.isValid() ? report->arrivalDate.toString(Qt::ISODate) : QString(),
             row.arrivalUtc);
    QCOMPARE(report->originalBytes.has_value(), row.original);
    QCOMPARE(report->originalHeadersOnly, row.headersOnly);
    if (report->originalBytes)
        QVERIFY(MailMessage::parse(*report->originalBytes).ok());
    if (row.problem.isEmpty())
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('|'))));
    else
        QVERIFY2(hasProblem(*report, row.problem),
                 qPrintable(report->problems.join(QLatin1Char('|'))));
    const ReportCompleteness completeness = assessCompleteness(*report);
    QVERIFY2(completeness.count() == row.completeness, qPrintable(completeness.summary()));
}

void TestFeedbackArf::fieldsCarrySources()
{
    const MailMessage message = parse(sample(QStringLiteral("sisimai/arf-16.eml")));
    const std::optional<Report> report = recogniseWithFamily(message);
    QVERIFY(report);
    QCOMPARE(report->originalRcptTo.size(), 7);
    QCOMPARE(
        fieldValues(*report, QStringLiteral("Reported-Domain"), QStringLiteral("feedback-report")),
        (QStringList{QStringLiteral("example.com"), QStringLiteral("example.org")}));
    QCOMPARE(fieldValues(*report, QStringLiteral("Abuse-Type"), QStringLiteral("feedback-report")),
             QStringList{QStringLiteral("complaint")});
    QCOMPARE(report->reporter, QStringLiteral("feedbackloop@feedback.example.com"));

    // arf-22: the address comes from the subject and is tagged so.
    const std::optional<Report> noPart =
        recogniseWithFamily(parse(sample(QStringLiteral("sisimai/arf-22.eml"))));
    QVERIFY(noPart);
    QCOMPARE(fieldValues(*noPart, QStringLiteral("Source-IP"), QStringLiteral("subject")),
             QStringList{QStringLiteral("192.0.2.222")});
    QCOMPARE(assessCompleteness(*noPart).summary(), QStringLiteral("3 of 4: no receipt timestamp"));

    // 001: the prose claims are tagged human-part, not feedback-report.
    const std::optional<Report> minimal =
        recogniseWithFamily(parse(sample(QStringLiteral("rfc-examples/001.eml"))));
    QVERIFY(minimal);
    QCOMPARE(fieldValues(*minimal, QStringLiteral("Source-IP"), QStringLiteral("human-part")),
             QStringList{QStringLiteral("192.0.2.1")});
}

void TestFeedbackArf::demoQuirks()
{
    const std::optional<Report> report =
        recogniseWithFamily(parse(demoReport(QStringLiteral("02-arf-quirks-northwind.eml"))));
    QVERIFY(report);
    QCOMPARE(report->formatVersion, QStringLiteral("1.0"));
    QCOMPARE(report->userAgent, QStringLiteral("OrgMail-FBL/3.2"));
    QCOMPARE(report->sourcePort, 51234);
    QCOMPARE(report->incidents, 3);
    QCOMPARE(report->reporter, QStringLiteral("mx2.example.org"));
    QCOMPARE(report->originalMailFrom, QStringLiteral("bounce-48377@northwind-deals.example"));
    QCOMPARE(report->originalRcptTo, QStringList{QStringLiteral("sam.inbox@example.org")});
    QCOMPARE(report->reportedDomain, QStringLiteral("northwind-deals.example"));
    QCOMPARE(fieldValues(*report, QStringLiteral("source-ip"), QStringLiteral("feedback-report")),
             QStringList{QStringLiteral("203.0.113.12 (mx.northwind-deals.example)")});
    QVERIFY(report->description.contains(QLatin1String("3 complaints")));

    const std::optional<Report> fbl =
        recogniseWithFamily(parse(demoReport(QStringLiteral("01-arf-fbl-northwind.eml"))));
    QVERIFY(fbl);
    QCOMPARE(fbl->reporter, QStringLiteral("mx.example.net"));
    QCOMPARE(fbl->reportedUris,
             QStringList{QStringLiteral("https://deals.northwind-deals.example/r/48213?c=bf26")});
    QVERIFY(fbl->originalBytes->contains("mx.northwind-deals.example"));
}

void TestFeedbackArf::garbageNeverCrashes()
{
    // Every prefix of a report: each parse either fails cleanly or yields a report or nothing.
    const QByteArray full = sample(QStringLiteral("rfc-examples/002.eml"));
    for (qsizetype length = 1; length <= full.size(); length += 37) {
        const Result<MailMessage> message = MailMessage::parse(full.left(length));
        if (!message)
            continue;
        if (std::optional<Report> report = recogniseWithFamily(*message))
            assessCompleteness(*report);
    }
    const QByteArray binary =
        QByteArray(
            "Content-Type: multipart/report; report-type=feedback-report; boundary=x\n\n--x\n"
            "Content-Type: message/feedback-report\n\n") +
        QByteArray(2048, '\xff') + QByteArray(64, '\0') + "\n--x--\n";
    const std::optional<Report> report = recogniseWithFamily(parse(binary));
    QVERIFY(report);
    QVERIFY(!report->problems.isEmpty());
}

QTEST_GUILESS_MAIN(TestFeedbackArf)
#include "tst_feedback_arf.moc"
