// The analysis stored with the evidence (schema version 3): written in the batch's transaction,
// shown in the summaries, kept as first written, and added to evidence stored before it existed.
#include "store_test_support.h"

#include "store/case_store.h"
#include "store/evidence_repository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

ReportRecord record(const QString &format, int mask)
{
    ReportRecord r;
    r.format = format;
    r.reporter = QStringLiteral("fbl.example.net");
    r.feedbackType = QStringLiteral("abuse");
    r.claimedSourceIp = QStringLiteral("203.0.113.12");
    r.originIp = QStringLiteral("203.0.113.12");
    r.originOurs = true;
    r.receivedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 20, 9), Qt::UTC);
    r.receiptSource = QStringLiteral("our-server");
    r.receiptExplanation = QStringLiteral("stamped by our server mx1.ix.cm (hop 0)");
    r.responseDue = r.receivedAt.addSecs(72 * 3600);
    r.completenessMask = mask;
    r.completenessSummary = QStringLiteral("summary");
    r.findingCount = 3;
    r.topSeverity = QStringLiteral("high");
    r.analysisJson = R"({"format":")" + format.toUtf8() + R"("})";
    return r;
}

} // namespace

class TestReportRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedAndSummarised_data();
    void storedAndSummarised();
    void firstAnalysisIsKept();
    void evidenceWithoutAnalysisGetsItOnReimport();
};

void TestReportRecords::storedAndSummarised_data()
{
    QTest::addColumn<int>("mask");
    QTest::addColumn<int>("count");
    QTest::newRow("nothing") << 0 << 0;
    QTest::newRow("headers only") << 1 << 1;
    QTest::newRow("no receipt time") << (1 | 2 | 8) << 3;
    QTest::newRow("all four") << 15 << 4;
}

void TestReportRecords::storedAndSummarised()
{
    QFETCH(int, mask);
    QFETCH(int, count);
    QTemporaryDir dir;
    auto store = CaseStore::open(dir.filePath(QStringLiteral("c.awb")));
    QVERIFY2(store, qPrintable(store.error()));
    EvidenceInput input = makeEvidence(makeMessage("one"));
    input.report = record(QStringLiteral("arf"), mask);
    auto outcomes = EvidenceRepository(**store).insertBatch({input}, 0);
    QVERIFY2(outcomes, qPrintable(outcomes.error()));
    const qint64 id = outcomes->first().evidenceId;

    auto summary = EvidenceRepository(**store).summary(id);
    QVERIFY(summary);
    QCOMPARE(summary->reportFormat, QStringLiteral("arf"));
    QCOMPARE(summary->reporter, QStringLiteral("fbl.example.net"));
    QCOMPARE(summary->completenessCount, count);
    QCOMPARE(summary->responseDue, QDateTime(QDate(2026, 11, 5), QTime(9, 20, 9), Qt::UTC));
    QCOMPARE(summary->originIp, QStringLiteral("203.0.113.12"));
    QVERIFY(summary->originOurs);
    QCOMPARE(summary->findingCount, 3);
    QCOMPARE(summary->topSeverity, QStringLiteral("high"));
    QCOMPARE(EvidenceRepository(**store).analysisJson(id).value(),
             QByteArray(R"({"format":"arf"})"));
}

void TestReportRecords::firstAnalysisIsKept()
{
    QTemporaryDir dir;
    auto store = CaseStore::open(dir.filePath(QStringLiteral("c.awb")));
    QVERIFY(store);
    EvidenceInput input = makeEvidence(makeMessage("one"));
    input.report = record(QStringLiteral("arf"), 15);
    QVERIFY(EvidenceRepository(**store).insertBatch({input}, 0));
    input.report = record(QStringLiteral("spamcop"), 1);
    input.sourcePath = QStringLiteral("again.eml");
    auto again = EvidenceRepository(**store).insertBatch({input}, 0);
    QVERIFY(again);
    QVERIFY(again->first().duplicate);
    auto summary = EvidenceRepository(**store).summary(again->first().evidenceId);
    QCOMPARE(summary->reportFormat, QStringLiteral("arf"));
}

void TestReportRecords::evidenceWithoutAnalysisGetsItOnReimport()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.awb"));
    qint64 id = 0;
    {
        auto old = CaseStore::openAtVersion(path, 2);
        QVERIFY2(old, qPrintable(old.error()));
        auto outcomes = EvidenceRepository(**old).insertBatch({makeEvidence(makeMessage("x"))}, 0);
        QVERIFY2(outcomes, qPrintable(outcomes.error()));
        id = outcomes->first().evidenceId;
    }
    auto store = CaseStore::open(path);
    QVERIFY(store);
    QVERIFY(EvidenceRepository(**store).summary(id)->reportFormat.isEmpty());
    EvidenceInput input = makeEvidence(makeMessage("x"));
    input.report = record(QStringLiteral("message"), 1);
    auto outcomes = EvidenceRepository(**store).insertBatch({input}, 0);
    QVERIFY(outcomes);
    QVERIFY(outcomes->first().duplicate);
    QCOMPARE(EvidenceRepository(**store).summary(id)->reportFormat, QStringLiteral("message"));
    QVERIFY((*store)->checkIntegrity());
}

QTEST_GUILESS_MAIN(TestReportRecords)
#include "tst_report_records.moc"
