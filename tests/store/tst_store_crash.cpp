#include "store_test_support.h"

#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/import_run_repository.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Awb;
using namespace Awb::Test;

// A writer process killed with SIGKILL at any moment leaves a database that passes its
// integrity check and holds a whole number of batches: every batch it reported committed, and
// at most the one it was reporting when it died.
class TestStoreCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLeavesWholeBatches_data();
    void killedWriterLeavesWholeBatches();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr int kBatchSize = 150;
constexpr int kRounds = 3;

// Batches the writer reported committed in its output ("committed N" lines).
qint64 lastReported(const QByteArray &output)
{
    qint64 last = 0;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("committed "))
            last = line.mid(10).toLongLong();
    }
    return last;
}

} // namespace

void TestStoreCrash::killedWriterLeavesWholeBatches_data()
{
    QTest::addColumn<int>("delayMs");
    QTest::newRow("right after the first commit") << 0;
    QTest::newRow("a few milliseconds later") << 3;
    QTest::newRow("mid-stream") << 17;
    QTest::newRow("after many batches") << 120;
}

void TestStoreCrash::killedWriterLeavesWholeBatches()
{
    QFETCH(int, delayMs);
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("crash-%1.awb").arg(delayMs));

    qint64 expectedAtLeast = 0;
    for (int round = 1; round <= kRounds; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(AWB_STORE_CRASH_WRITER), {path, QString::number(kBatchSize)});
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
        QByteArray output;
        while (!output.contains("committed ")) {
            QVERIFY2(writer.waitForReadyRead(20000), writer.readAllStandardError().constData());
            output += writer.readAllStandardOutput();
        }
        // Vary the moment within each row too, so kills land in different phases of a batch.
        QThread::msleep(ulong(delayMs + round * 2));
        writer.kill(); // SIGKILL: no destructors, no rollback, no checkpoint
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        output += writer.readAllStandardOutput();
        const qint64 reported = lastReported(output);
        QVERIFY(reported >= 1);

        auto store = CaseStore::open(path);
        QVERIFY2(store, qPrintable(store.error()));
        const Status integrity = (*store)->checkIntegrity();
        QVERIFY2(integrity, qPrintable(integrity.error()));

        const qint64 evidence = EvidenceRepository(**store).count().value();
        QCOMPARE(evidence % kBatchSize, 0);
        QCOMPARE(scalar(**store, "SELECT count(*) FROM evidence_blobs"), evidence);
        QCOMPARE(scalar(**store, "SELECT count(*) FROM evidence_sources"), evidence);
        const qint64 batches = evidence / kBatchSize;
        QVERIFY2(batches >= expectedAtLeast + reported && batches <= expectedAtLeast + reported + 1,
                 qPrintable(QStringLiteral("%1 batches stored, %2 before this round, %3 reported")
                                .arg(batches)
                                .arg(expectedAtLeast)
                                .arg(reported)));
        expectedAtLeast = batches;

        // Every killed writer left its run behind, unfinished: the record of an interrupted
        // import survives the process.
        auto runs = ImportRunRepository(**store).runs();
        QVERIFY2(runs, qPrintable(runs.error()));
        QCOMPARE(runs->size(), round);
        QVERIFY(!runs->last().finishedAt.isValid());
    }
    qInfo("%lld batches of %d survived %d kills", expectedAtLeast, kBatchSize, kRounds);
}

QTEST_GUILESS_MAIN(TestStoreCrash)
#include "tst_store_crash.moc"
