// JMRP: the demo complaint (CRLF throughout) and variants of the wording.
#include "feedback_test_support.h"

#include "reports/feedback/jmrp_recogniser.h"

using namespace Awb;
using namespace AwbFeedbackTest;

namespace {

struct Row
{
    QByteArray bytes;
    bool claimed = true;
    QString sourceIp;
    QString arrivalUtc;
    bool original = true;
    QString problem; // fragment of a problem; empty: no problems
};

QByteArray jmrp(const QString &sentence,
                const QString &subject = QStringLiteral("complaint about message from 192.0.2.13"),
                bool withOriginal = true, bool withFeedbackPart = false)
{
    QString bytes = QStringLiteral("From: staff@hotmail.example\nTo: abuse@ix.cm\nSubject: ") +
                    subject +
                    QStringLiteral("\nMIME-Version: 1.0\n"
                                   "Content-Type: multipart/report; report-type=feedback-report; "
                                   "boundary=\"J\"\n\n--J\nContent-Type: text/plain\n\n") +
                    sentence + QLatin1Char('\n');
    if (withFeedbackPart)
        bytes += QStringLiteral("--J\nContent-Type: message/feedback-report\n\n"
                                "Feedback-Type: abuse\nUser-Agent: X/1\nVersion: 1\n");
    if (withOriginal)
        bytes += QStringLiteral("--J\nContent-Type: message/rfc822\n\n"
                                "X-HmXmrOriginalRecipient: <lee@hotmail.example>\n"
                                "Received: from mx.spam.example (192.0.2.13) by mx.hotmail.example;"
                                " Thu, 5 Nov 2026 14:02:11 +0000\n"
                                "From: s@spam.example\nSubject: hi\n\nbody\n");
    bytes += QStringLiteral("--J--\n");
    return bytes.toUtf8();
}

const QString sentence = QStringLiteral(
    "This is an email abuse report for an email message received from IP 192.0.2.13 on Thu, 05 "
    "Nov 2026 06:02:11 -0800.");

} // namespace

Q_DECLARE_METATYPE(Row)

class TestFeedbackJmrp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognise_data();
    void recognise();
    void demoComplaint();
};

void TestFeedbackJmrp::recognise_data()
{
    QTest::addColumn<Row>("row");
    QTest::newRow("demo 05 CRLF") << Row{demoReport(QStringLiteral("05-jmrp-northwind.eml")), true,
                                         QStringLiteral("203.0.113.13"),
                                         QStringLiteral("2026-11-05T14:02:11Z")};
    QTest::newRow("wording") << Row{jmrp(sentence), true, QStringLiteral("192.0.2.13"),
                                    QStringLiteral("2026-11-05T14:02:11Z")};
    QTest::newRow("wording wrapped over lines")
        << Row{jmrp(QString(sentence).replace(QStringLiteral(" IP "), QStringLiteral("\nIP\n"))),
               true, QStringLiteral("192.0.2.13"), QStringLiteral("2026-11-05T14:02:11Z")};
    QTest::newRow("IPv6 source") << Row{
        jmrp(QString(sentence).replace(QStringLiteral("192.0.2.13"),
                                       QStringLiteral("2001:db8:1c::25")),
             QStringLiteral("complaint about message from 2001:db8:1c::25")),
        true, QStringLiteral("2001:db8:1c::25"), QStringLiteral("2026-11-05T14:02:11Z")};
    QTest::newRow("subject names another address")
        << Row{jmrp(sentence, QStringLiteral("complaint about message from 192.0.2.99")),
               true,
               QStringLiteral("192.0.2.13"),
               QStringLiteral("2026-11-05T14:02:11Z"),
               true,
               QStringLiteral("subject names 192.0.2.99")};
    QTest::newRow("unreadable date")
        << Row{jmrp(QString(sentence).replace(QStringLiteral("Thu, 05 Nov 2026 06:02:11 -0800"),
                                              QStringLiteral("some day"))),
               true,
               QStringLiteral("192.0.2.13"),
               QString(),
               true,
               QStringLiteral("not a readable date")};
    QTest::newRow("missing original")
        << Row{jmrp(sentence, QStringLiteral("complaint about message from 192.0.2.13"), false),
               true,
               QStringLiteral("192.0.2.13"),
               QStringLiteral("2026-11-05T14:02:11Z"),
               false,
               QStringLiteral("no copy")};
    QTest::newRow("with a feedback part it is ARF")
        << Row{jmrp(sentence, QStringLiteral("FW: spam"), true, true), false};
    QTest::newRow("sisimai arf-22 without the wording")
        << Row{sample(QStringLiteral("sisimai/arf-22.eml")), false};
    QTest::newRow("RFC 5965 example 001 has a feedback part")
        << Row{sample(QStringLiteral("rfc-examples/001.eml")), false};
}

void TestFeedbackJmrp::recognise()
{
    QFETCH(Row, row);
    const std::optional<Report> report = JmrpRecogniser().recognise(parse(row.bytes));
    QCOMPARE(report.has_value(), row.claimed);
    if (!report)
        return;
    QCOMPARE(report->format, ReportFormat::Jmrp);
    QCOMPARE(report->feedbackType, QStringLiteral("abuse"));
    QCOMPARE(report->sourceIp, row.sourceIp);
    QCOMPARE(report->arrivalDate.isValid() ? report->arrivalDate.toString(Qt::ISODate) : QString(),
             row.arrivalUtc);
    QCOMPARE(report->originalBytes.has_value(), row.original);
    if (row.problem.isEmpty())
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('|'))));
    else
        QVERIFY2(hasProblem(*report, row.problem),
                 qPrintable(report->problems.join(QLatin1Char('|'))));
}

void TestFeedbackJmrp::demoComplaint()
{
    const MailMessage message = parse(demoReport(QStringLiteral("05-jmrp-northwind.eml")));
    const std::optional<Report> report = recogniseWithFamily(message);
    QVERIFY(report);
    QCOMPARE(report->format, ReportFormat::Jmrp); // the ARF recogniser leaves it alone
    QCOMPARE(report->reporter, QStringLiteral("staff@hotmail.example"));
    QCOMPARE(report->originalRcptTo, QStringList{QStringLiteral("lee.mailbox@hotmail.example")});
    QCOMPARE(fieldValues(*report, QStringLiteral("Source-IP"), QStringLiteral("human-part")),
             QStringList{QStringLiteral("203.0.113.13")});
    QCOMPARE(fieldValues(*report, QStringLiteral("Source-IP"), QStringLiteral("subject")),
             QStringList{QStringLiteral("203.0.113.13")});
    QCOMPARE(report->arrivalDateText, QStringLiteral("Thu, 05 Nov 2026 06:02:11 -0800"));
    QVERIFY(report->originalBytes->contains("BN1PEPF00004683.mail.protection.outlook.example"));
    QCOMPARE(assessCompleteness(*report).summary(), QStringLiteral("4 of 4"));
}

QTEST_GUILESS_MAIN(TestFeedbackJmrp)
#include "tst_feedback_jmrp.moc"
