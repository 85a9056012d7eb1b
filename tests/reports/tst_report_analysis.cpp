// analyzeReport() on the demo reports and on hand-made messages.
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "reports/report_analysis.h"
#include "reports/report_json.h"

#include <QFile>
#include <QJsonArray>
#include <QSettings>
#include <QTest>

using namespace Awb;

namespace {

const QString demo = QStringLiteral(AWB_SOURCE_DIR "/resources/demo");
const QDateTime importTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);

TrustSettings demoTrust()
{
    return TrustSettings::fromSettings(
        QSettings(demo + QStringLiteral("/analysis.ini"), QSettings::IniFormat));
}

ReportAnalysis analyseFile(const QString &name, const TrustSettings &trust)
{
    QFile file(demo + QStringLiteral("/reports/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    auto message = MailMessage::parse(file.readAll());
    if (!message)
        qFatal("cannot parse %s", qPrintable(name));
    return analyzeReport(*message, trust, importTime);
}

QStringList checksOf(const QList<Finding> &findings)
{
    QStringList ids;
    for (const Finding &f : findings)
        ids << f.check;
    return ids;
}

} // namespace

class TestReportAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoReports_data();
    void demoReports();
    void claimsAgainstTheChain();
    void plainMessageReceiptIsImportTime();
    void unrecognisedReport_data();
    void unrecognisedReport();
    void completenessSummary_data();
    void completenessSummary();
    void jsonCarriesReportAndOriginal();
};

void TestReportAnalysis::demoReports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("originIp");
    QTest::addColumn<QStringList>("reportChecks");
    QTest::newRow("ARF") << QStringLiteral("01-arf-fbl-northwind.eml") << QStringLiteral("arf")
                         << QStringLiteral("203.0.113.12") << QStringList{};
    QTest::newRow("ARF, reporter's clock in the wrong zone")
        << QStringLiteral("02-arf-quirks-northwind.eml") << QStringLiteral("arf")
        << QStringLiteral("203.0.113.12")
        << QStringList{QStringLiteral("report.arrival-date-mismatch")};
    QTest::newRow("SpamCop") << QStringLiteral("03-spamcop-northwind.eml")
                             << QStringLiteral("spamcop") << QStringLiteral("203.0.113.12")
                             << QStringList{};
    QTest::newRow("X-ARF") << QStringLiteral("04-xarf-northwind.eml") << QStringLiteral("xarf")
                           << QStringLiteral("203.0.113.14") << QStringList{};
    QTest::newRow("JMRP") << QStringLiteral("05-jmrp-northwind.eml") << QStringLiteral("jmrp")
                          << QStringLiteral("203.0.113.13") << QStringList{};
    QTest::newRow("forward") << QStringLiteral("06-forward-harbour-phish.eml")
                             << QStringLiteral("forward") << QStringLiteral("203.0.113.40")
                             << QStringList{};
    QTest::newRow("Spamhaus listing, no original")
        << QStringLiteral("07-spamhaus-sbl-harbour.eml") << QStringLiteral("spamhaus") << QString()
        << QStringList{QStringLiteral("report.incomplete"), QStringLiteral("report.blacklisting")};
    QTest::newRow("opt-out, headers only")
        << QStringLiteral("09-arf-optout-lumen.eml") << QStringLiteral("arf")
        << QStringLiteral("2001:db8:1c:4::25") << QStringList{QStringLiteral("report.incomplete")};
}

void TestReportAnalysis::demoReports()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(QString, originIp);
    QFETCH(QStringList, reportChecks);
    const ReportAnalysis a = analyseFile(file, demoTrust());
    QCOMPARE(reportFormatKey(a.report.format), format);
    QCOMPARE(a.original.has_value(), !originIp.isEmpty());
    if (a.original) {
        QCOMPARE(a.original->chain.origin.ip, originIp);
        QVERIFY(a.original->chain.origin.ours);
    }
    QCOMPARE(checksOf(a.reportFindings), reportChecks);
    // Every demo report reached mx1.ix.cm, one of our servers: that stamp starts the clock.
    QCOMPARE(a.receipt.source, Receipt::Source::OurServer);
    QCOMPARE(a.responseDeadline, a.receipt.at.addSecs(72 * 3600));
    QVERIFY(a.receipt.explanation.contains(QStringLiteral("ix.cm")));
}

void TestReportAnalysis::claimsAgainstTheChain()
{
    // Without the Microsoft receiver's relays in the trusted set, the original's chain stops at
    // one of them: the reporter's Source-IP then disagrees with it, and the finding says so.
    TrustSettings trust = demoTrust();
    trust.trusted = IpNetworkSet();
    const ReportAnalysis a = analyseFile(QStringLiteral("05-jmrp-northwind.eml"), trust);
    QVERIFY(checksOf(a.reportFindings).contains(QStringLiteral("report.source-ip-mismatch")));
    const Finding &f = a.reportFindings.first();
    QVERIFY(f.evidence.contains(QStringLiteral("203.0.113.13")));
    QVERIFY(f.evidence.contains(a.original->chain.origin.ip));
}

void TestReportAnalysis::plainMessageReceiptIsImportTime()
{
    auto message = MailMessage::parse("Received: from a.example.org ([192.0.2.9]) by "
                                      "mx.example.net; Mon, 2 Nov 2026 09:00:00 +0000\n"
                                      "From: a@example.org\nSubject: hello\n\nbody\n");
    QVERIFY(message.ok());
    const ReportAnalysis a = analyzeReport(*message, demoTrust(), importTime);
    QCOMPARE(a.report.format, ReportFormat::Message);
    QCOMPARE(a.receipt.source, Receipt::Source::Import);
    QCOMPARE(a.receipt.at, importTime);
    QVERIFY(!a.original);
    QVERIFY(a.reportFindings.isEmpty());
}

void TestReportAnalysis::unrecognisedReport_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("report subject") << QByteArray("From: a@example.org\nSubject: Spam complaint "
                                                  "about your customer\n\nplease act\n")
                                    << true;
    QTest::newRow("X-ARF header, no parts")
        << QByteArray("From: a@example.org\nX-ARF: YES\nSubject: x\n\nno report.txt\n") << true;
    QTest::newRow("feedback report type, nothing inside")
        << QByteArray("From: a@example.org\nSubject: x\nContent-Type: multipart/report; "
                      "report-type=feedback-report; boundary=zz\n\n--zz--\n")
        << true;
    QTest::newRow("ordinary mail") << QByteArray("From: a@example.org\nSubject: lunch on "
                                                 "friday?\n\nsee you\n")
                                   << false;
}

void TestReportAnalysis::unrecognisedReport()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, flagged);
    auto message = MailMessage::parse(bytes);
    QVERIFY(message.ok());
    const ReportAnalysis a = analyzeReport(*message, TrustSettings{}, importTime);
    const QStringList checks = checksOf(a.reportFindings);
    if (a.report.format != ReportFormat::Message) {
        // A recogniser claimed it after all; then it must say what it could not read.
        QVERIFY2(flagged && !a.report.problems.isEmpty(), qPrintable(checks.join(u',')));
        return;
    }
    QCOMPARE(checks.contains(QStringLiteral("report.unrecognised")), flagged);
}

void TestReportAnalysis::completenessSummary_data()
{
    QTest::addColumn<bool>("headers");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<bool>("receipt");
    QTest::addColumn<bool>("description");
    QTest::addColumn<QString>("summary");
    QTest::newRow("all") << true << true << true << true << QStringLiteral("4 of 4");
    QTest::newRow("no receipt") << true << true << false << true
                                << QStringLiteral("3 of 4: no receipt timestamp");
    QTest::newRow("none") << false << false << false << false
                          << QStringLiteral("0 of 4: no full headers, no complete copy of the "
                                            "message, no receipt timestamp, no description of "
                                            "the violation");
}

void TestReportAnalysis::completenessSummary()
{
    QFETCH(bool, headers);
    QFETCH(bool, complete);
    QFETCH(bool, receipt);
    QFETCH(bool, description);
    QFETCH(QString, summary);
    ReportCompleteness c;
    c.fullHeaders = headers;
    c.completeMessage = complete;
    c.receiptTimestamp = receipt;
    c.description = description;
    QCOMPARE(c.summary(), summary);
}

void TestReportAnalysis::jsonCarriesReportAndOriginal()
{
    QFile file(demo + QStringLiteral("/reports/01-arf-fbl-northwind.eml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto message = MailMessage::parse(file.readAll());
    QVERIFY(message.ok());
    const ReportAnalysis a = analyzeReport(*message, demoTrust(), importTime);
    const QJsonObject json =
        reportAnalysisToJson({QStringLiteral("01.eml"), -1, "00"}, *message, a);
    const QJsonObject report = json.value(QStringLiteral("report")).toObject();
    QCOMPARE(report.value(QStringLiteral("format")).toString(), QStringLiteral("arf"));
    QCOMPARE(report.value(QStringLiteral("source_ip")).toString(), QStringLiteral("203.0.113.12"));
    QCOMPARE(report.value(QStringLiteral("completeness")).toObject().value(QStringLiteral("count")),
             4);
    QVERIFY(report.value(QStringLiteral("fields")).toArray().size() > 3);
    const QJsonObject original = report.value(QStringLiteral("original")).toObject();
    QCOMPARE(original.value(QStringLiteral("origin")).toObject().value(QStringLiteral("ip")),
             QStringLiteral("203.0.113.12"));
    QVERIFY(original.value(QStringLiteral("hops")).toArray().size() >= 3);
    QCOMPARE(json.value(QStringLiteral("receipt")).toObject().value(QStringLiteral("source")),
             QStringLiteral("our-server"));
    QVERIFY(json.contains(QStringLiteral("response_deadline")));
}

QTEST_GUILESS_MAIN(TestReportAnalysis)
#include "tst_report_analysis.moc"
