// A report's original is the exact byte range of the embedded message inside the report, for
// LF and CRLF reports alike: its SHA-256 is that of the bytes the reporter sent, and the
// findings of its analysis point, moved by Report::originalOffset, at the same header text in
// the report's own bytes (which is what the source view marks). An original that was decoded
// or pasted claims no place.
#include "crlf_test_support.h"

#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "mail/sha256.h"
#include "overview/source_view_data.h"
#include "reports/report_analysis.h"
#include "reports/report_json.h"
#include "reports/report_recogniser.h"

#include <QJsonObject>

using namespace Awb;
using namespace AwbCrlfTest;

class TestCrlfReportOriginal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void originalIsSliceOfReport_data();
    void originalIsSliceOfReport();
    void findingsPointAtTheSameHeaderText_data();
    void findingsPointAtTheSameHeaderText();
    void messageIdFindingInRfcExample();
    void decodedOriginalHasNoPlace();
    void pastedOriginalFoundVerbatim();
    void malformedReports_data();
    void malformedReports();
};

namespace {

const QDateTime importTime(QDate(2026, 11, 10), QTime(9, 0), Qt::UTC);

struct Analysed
{
    QByteArray bytes;
    ReportAnalysis analysis;
};

Analysed analyse(const QByteArray &bytes)
{
    auto message = MailMessage::parse(bytes);
    if (!message)
        qFatal("test input is not a message");
    return {bytes, analyzeReport(*message, TrustSettings{}, importTime)};
}

// Real reports that carry the original as a message/rfc822 or text/rfc822-headers part.
void addRealReportRows()
{
    QTest::addColumn<QByteArray>("bytes");
    const QStringList files = {
        QStringLiteral("reports_feedback/rfc-examples/001.eml"),
        QStringLiteral("reports_feedback/rfc-examples/002.eml"),
        QStringLiteral("reports_feedback/rfc-examples/003.eml"),
        QStringLiteral("reports_feedback/rfc-examples/004.eml"),
        QStringLiteral("reports_feedback/rfc-examples/005.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-01.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-02.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-11.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-12.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-14.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-16.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-19.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-22.eml"),
        QStringLiteral("reports_feedback/sisimai/arf-24.eml"),
        QStringLiteral("reports_listings/spamcop-attached.eml"),
        QStringLiteral("reports_xarf/mail/xarf-0.2-headers-only.eml"),
        QStringLiteral("reports_xarf/mail/xarf-0.2-rule-breaks.eml"),
        QStringLiteral("reports_xarf/mail/xarf-v3-json-attachment.eml"),
        QStringLiteral("demo/reports/01-arf-fbl-northwind.eml"),
        QStringLiteral("demo/reports/02-arf-quirks-northwind.eml"),
        QStringLiteral("demo/reports/03-spamcop-northwind.eml"),
        QStringLiteral("demo/reports/04-xarf-northwind.eml"),
        QStringLiteral("demo/reports/05-jmrp-northwind.eml"),
        QStringLiteral("demo/reports/06-forward-harbour-phish.eml"),
        QStringLiteral("demo/reports/08-arf-lumen-newsletter.eml"),
        QStringLiteral("demo/reports/09-arf-optout-lumen.eml"),
    };
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << sample(file);
    QTest::newRow("demo mailbox #1 (ARF)") << demoMboxMessage(1);
    QTest::newRow("demo mailbox #2 (SpamCop)") << demoMboxMessage(2);
}

} // namespace

void TestCrlfReportOriginal::originalIsSliceOfReport_data()
{
    addRealReportRows();
}

void TestCrlfReportOriginal::originalIsSliceOfReport()
{
    QFETCH(QByteArray, bytes);
    const QByteArray lf = toLf(bytes);
    const QByteArray crlf = toCrlf(lf);
    QByteArray lfOriginal;
    for (const bool isCrlf : {false, true}) {
        const QByteArray &report = isCrlf ? crlf : lf;
        auto message = MailMessage::parse(report);
        QVERIFY(message);
        const Report recognised = recogniseReport(*message);
        QVERIFY(recognised.format != ReportFormat::Message);
        QVERIFY(recognised.originalBytes);
        const QByteArray &original = *recognised.originalBytes;
        QVERIFY(recognised.originalOffset >= 0);
        const QByteArray slice = report.mid(recognised.originalOffset, original.size());
        QCOMPARE(original, slice);
        QCOMPARE(sha256Hex(original), sha256Hex(slice));

        // The hash the analysis reports (and the import stores) is the hash of that slice.
        const ReportAnalysis analysis = analyzeReport(*message, TrustSettings{}, importTime);
        const QJsonObject json = reportAnalysisToJson({}, *message, analysis);
        const QJsonObject originalJson = json.value(QLatin1String("report"))
                                             .toObject()
                                             .value(QLatin1String("original"))
                                             .toObject();
        QCOMPARE(originalJson.value(QLatin1String("sha256")).toString(),
                 QString::fromLatin1(sha256Hex(slice)));
        QCOMPARE(originalJson.value(QLatin1String("size")).toInteger(), slice.size());

        if (!isCrlf) {
            lfOriginal = original;
        } else {
            // The same message as in the LF form, with the report's line ends.
            QCOMPARE(original, toCrlf(lfOriginal));
            QVERIFY(!hasBareLf(original));
        }
    }
}

void TestCrlfReportOriginal::findingsPointAtTheSameHeaderText_data()
{
    addRealReportRows();
}

// The original's located findings, moved into the report, cover the same text in the LF and
// the CRLF report (up to the line ends); those in the header block start where a field starts.
void TestCrlfReportOriginal::findingsPointAtTheSameHeaderText()
{
    QFETCH(QByteArray, bytes);
    const Analysed lf = analyse(toLf(bytes));
    const Analysed crlf = analyse(toCrlf(bytes));
    QVERIFY(lf.analysis.original && crlf.analysis.original);
    const QList<Finding> &lfFindings = lf.analysis.original->findings;
    const QList<Finding> &crlfFindings = crlf.analysis.original->findings;
    QCOMPARE(crlfFindings.size(), lfFindings.size());
    const QList<SourceMark> lfMarks =
        sourceMarksForOriginal(lfFindings, lf.analysis.report, lf.bytes);
    const QList<SourceMark> crlfMarks =
        sourceMarksForOriginal(crlfFindings, crlf.analysis.report, crlf.bytes);
    QCOMPARE(crlfMarks.size(), lfMarks.size());
    QCOMPARE(lfMarks.size(), sourceMarksFromFindings(lfFindings).size());
    for (qsizetype i = 0; i < lfMarks.size(); ++i) {
        const QByteArray lfText = lf.bytes.mid(lfMarks.at(i).offset, lfMarks.at(i).length);
        const QByteArray crlfText = crlf.bytes.mid(crlfMarks.at(i).offset, crlfMarks.at(i).length);
        QVERIFY2(!lfText.isEmpty(), qPrintable(lfMarks.at(i).title));
        QCOMPARE(toLf(crlfText), lfText);
        // In the header block, a finding marks whole header fields.
        const qsizetype at = crlfMarks.at(i).offset;
        const qsizetype start = crlf.analysis.report.originalOffset;
        const qsizetype headerEnd = crlf.analysis.report.originalBytes->indexOf("\r\n\r\n");
        if (headerEnd < 0 || at < start + headerEnd)
            QVERIFY2(at == start || crlf.bytes.at(at - 1) == '\n', crlfText.left(60).constData());
    }
}

void TestCrlfReportOriginal::messageIdFindingInRfcExample()
{
    const QByteArray example = sample(QStringLiteral("reports_feedback/rfc-examples/001.eml"));
    for (const QByteArray &bytes : {toLf(example), toCrlf(example)}) {
        const Analysed report = analyse(bytes);
        QVERIFY(report.analysis.original);
        const QList<SourceMark> marks = sourceMarksForOriginal(
            report.analysis.original->findings, report.analysis.report, report.bytes);
        qsizetype found = -1;
        for (const Finding &f : report.analysis.original->findings) {
            if (f.check == QLatin1String("message-id.invalid"))
                found = report.analysis.report.originalOffset + f.location.offset;
        }
        QVERIFY(found > 0);
        QVERIFY(bytes.mid(found).startsWith("Message-ID: 8787KJKJ3K4J3K4J3K4J3.mail@example.net"));
        bool marked = false;
        for (const SourceMark &mark : marks)
            marked = marked || mark.offset == found;
        QVERIFY(marked);
    }
}

// A base64 message/rfc822 (illegal, but sent): decoded as before, and it claims no place in
// the report, so none of its findings is marked there.
void TestCrlfReportOriginal::decodedOriginalHasNoPlace()
{
    const QByteArray report =
        toCrlf(sample(QStringLiteral("demo/reports/01-arf-fbl-northwind.eml")));
    auto plain = MailMessage::parse(report);
    QVERIFY(plain);
    const Report asSent = recogniseReport(*plain);
    QVERIFY(asSent.originalBytes && asSent.originalOffset > 0);
    const QByteArray original = *asSent.originalBytes;

    QByteArray encoded = report;
    const QByteArray partHeader = "Content-Type: message/rfc822\r\n";
    const qsizetype header = encoded.indexOf(partHeader);
    QVERIFY(header > 0);
    QByteArray base64;
    const QByteArray text = original.toBase64();
    for (qsizetype at = 0; at < text.size(); at += 76)
        base64 += text.mid(at, 76) + "\r\n";
    base64.chop(2);
    encoded.replace(asSent.originalOffset, original.size(), base64);
    encoded.insert(header + partHeader.size(), "Content-Transfer-Encoding: base64\r\n");
    const Analysed decoded = analyse(encoded);
    QCOMPARE(decoded.analysis.report.format, ReportFormat::Arf);
    QVERIFY(decoded.analysis.report.originalBytes);
    QCOMPARE(decoded.analysis.report.originalOffset, qsizetype(-1));
    QCOMPARE(*decoded.analysis.report.originalBytes, original);
    QVERIFY(decoded.analysis.original);
    QVERIFY(!decoded.analysis.original->findings.isEmpty());
    QVERIFY(sourceMarksForOriginal(decoded.analysis.original->findings, decoded.analysis.report,
                                   decoded.bytes)
                .isEmpty());
}

// SpamCop pastes the spam into the report's text: the recogniser gives it no offset (it did not
// cut it from a MIME part). Where its bytes stand verbatim in the report (the LF file as sent),
// the window still finds them and its findings mark the report's own bytes; where they do not
// (the text part's CRLF became LF in the reading), there is no place and no mark.
void TestCrlfReportOriginal::pastedOriginalFoundVerbatim()
{
    const QByteArray inline_ = sample(QStringLiteral("reports_listings/spamcop-inline.eml"));
    for (const QByteArray &bytes : {toLf(inline_), toCrlf(inline_)}) {
        const Analysed pasted = analyse(bytes);
        QVERIFY(pasted.analysis.report.originalBytes && pasted.analysis.original);
        QCOMPARE(pasted.analysis.report.originalOffset, qsizetype(-1));
        const QByteArray &original = *pasted.analysis.report.originalBytes;
        const qsizetype offset = originalOffsetInReport(pasted.analysis.report, bytes);
        const QList<Finding> &findings = pasted.analysis.original->findings;
        const QList<SourceMark> marks =
            sourceMarksForOriginal(findings, pasted.analysis.report, bytes);
        if (bytes == toCrlf(inline_) && !bytes.contains(original)) {
            QCOMPARE(offset, qsizetype(-1));
            QVERIFY(marks.isEmpty());
            continue;
        }
        QVERIFY(offset > 0);
        QCOMPARE(bytes.mid(offset, original.size()), original);
        QCOMPARE(marks.size(), sourceMarksFromFindings(findings).size());
        for (const SourceMark &mark : marks)
            QCOMPARE(bytes.mid(mark.offset, mark.length),
                     original.mid(mark.offset - offset, mark.length));
    }
    // Bytes that are not in the report give no place at all.
    Report rebuilt;
    rebuilt.originalBytes = QByteArray("Subject: not in the report\r\n\r\nbody\r\n");
    QCOMPARE(originalOffsetInReport(rebuilt, inline_), qsizetype(-1));
    QVERIFY(sourceMarksForOriginal({}, rebuilt, inline_).isEmpty());
}

void TestCrlfReportOriginal::malformedReports_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("hasOriginal");
    QTest::addColumn<QString>("problem"); // a fragment one problem must contain

    const QByteArray report =
        toCrlf(sample(QStringLiteral("demo/reports/01-arf-fbl-northwind.eml")));
    const qsizetype closing = report.lastIndexOf("\r\n------=_FBL_8c41d7_20261102--");
    QVERIFY(closing > 0);
    const qsizetype original = report.indexOf("Return-Path: <bounce-48213");
    const qsizetype separator = report.indexOf("\r\n\r\n", original);
    QTest::newRow("boundary never closed")
        << report.left(closing) << true << QStringLiteral("no closing boundary");
    QTest::newRow("cut in the original's body")
        << report.left(separator + 30) << true << QStringLiteral("no closing boundary");
    QTest::newRow("cut in the original's headers")
        << report.left(original + 300) << true << QStringLiteral("no closing boundary");
    QTest::newRow("cut after the part's headers")
        << report.left(original) << false << QStringLiteral("readable message");
}

// A damaged report still gives a clear result: the original it has (with its place), or a
// problem saying why there is none; never a crash.
void TestCrlfReportOriginal::malformedReports()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, hasOriginal);
    QFETCH(QString, problem);
    const Analysed cut = analyse(bytes);
    const Report &report = cut.analysis.report;
    QCOMPARE(report.format, ReportFormat::Arf);
    QVERIFY2(report.problems.join(u'|').contains(problem), qPrintable(report.problems.join(u'|')));
    QCOMPARE(report.originalBytes.has_value(), hasOriginal);
    if (!hasOriginal) {
        QCOMPARE(report.originalOffset, qsizetype(-1));
        return;
    }
    QVERIFY(report.originalOffset > 0);
    QCOMPARE(bytes.mid(report.originalOffset), *report.originalBytes);
    QVERIFY(cut.analysis.original);
    for (const SourceMark &mark :
         sourceMarksForOriginal(cut.analysis.original->findings, report, bytes))
        QVERIFY(mark.offset + mark.length <= bytes.size());
}

QTEST_GUILESS_MAIN(TestCrlfReportOriginal)
#include "tst_crlf_report_original.moc"
