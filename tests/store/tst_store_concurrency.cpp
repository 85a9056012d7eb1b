#include "store_test_support.h"

#include "store/case_store.h"
#include "store/evidence_repository.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Awb;
using namespace Awb::Test;

// Two connections on two threads, as the GUI and the import writer use the store, and the
// writer's speed.
class TestStoreConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerWhileWriterCommits();
    void insertRate();

private:
    QTemporaryDir m_dir;
};

void TestStoreConcurrency::readerWhileWriterCommits()
{
    constexpr int kBatches = 40;
    constexpr int kBatchSize = 100;
    const QString path = m_dir.filePath(QStringLiteral("shared.awb"));
    auto reader = CaseStore::open(path);
    QVERIFY2(reader, qPrintable(reader.error()));

    std::atomic<bool> writerDone{false};
    QString writerError;
    std::unique_ptr<QThread> writer(QThread::create([&] {
        auto store = CaseStore::open(path);
        if (!store) {
            writerError = store.error();
        } else {
            EvidenceRepository evidence(**store);
            for (int b = 0; b < kBatches && writerError.isEmpty(); ++b) {
                QList<EvidenceInput> batch;
                for (int i = 0; i < kBatchSize; ++i) {
                    const QByteArray key = QByteArray::number(b * kBatchSize + i);
                    batch << makeEvidence(makeMessage(key), QStringLiteral("box.mbox"), i);
                }
                auto outcomes = evidence.insertBatch(batch, 0);
                if (!outcomes)
                    writerError = outcomes.error();
            }
        }
        writerDone = true;
    }));
    writer->start();

    // The reader never waits for the writer and never sees half a batch.
    EvidenceRepository evidence(**reader);
    qint64 lastCount = 0;
    qint64 lastId = 0;
    int reads = 0;
    int seen = 0;
    int sawPartial = 0;
    while (!writerDone) {
        auto count = evidence.count();
        QVERIFY2(count, qPrintable(count.error()));
        QVERIFY(*count >= lastCount);
        if (*count % kBatchSize != 0)
            ++sawPartial;
        lastCount = *count;
        auto fresh = evidence.summaries(lastId);
        QVERIFY2(fresh, qPrintable(fresh.error()));
        if (!fresh->isEmpty())
            lastId = fresh->last().id;
        seen += int(fresh->size());
        ++reads;
    }
    QVERIFY(writer->wait(60000));
    QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
    QCOMPARE(sawPartial, 0);
    QCOMPARE(evidence.count().value(), kBatches * kBatchSize);
    // Fetching only what is new (afterId) adds up to everything, each row once.
    seen += int(evidence.summaries(lastId)->size());
    QCOMPARE(seen, kBatches * kBatchSize);
    qInfo("reader made %d reads while the writer committed %d batches", reads, kBatches);
    QVERIFY((*reader)->checkIntegrity());
}

// Not an assertion: the line printed shows what the import writer can sustain on this machine.
void TestStoreConcurrency::insertRate()
{
    constexpr int kMessages = 10000;
    constexpr int kBatchSize = 1000;
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("rate.awb")));
    QVERIFY2(store, qPrintable(store.error()));
    QList<EvidenceInput> all;
    for (int i = 0; i < kMessages; ++i)
        all << makeEvidence(makeMessage("rate " + QByteArray::number(i), 4096),
                            QStringLiteral("big.mbox"), i);

    EvidenceRepository evidence(**store);
    QElapsedTimer timer;
    timer.start();
    for (int start = 0; start < kMessages; start += kBatchSize) {
        auto outcomes = evidence.insertBatch(all.mid(start, kBatchSize), 0);
        QVERIFY2(outcomes, qPrintable(outcomes.error()));
    }
    const qint64 ms = std::max<qint64>(1, timer.elapsed());
    QCOMPARE(evidence.count().value(), kMessages);
    qInfo("store insert rate: %d messages of 4 KB in batches of %d took %lld ms = %lld rows/s",
          kMessages, kBatchSize, ms, kMessages * 1000 / ms);

    timer.restart();
    auto duplicates = evidence.insertBatch(all.mid(0, kBatchSize), 0);
    QVERIFY(duplicates);
    qInfo("store duplicate rate: %d known messages took %lld ms", kBatchSize, timer.elapsed());
}

QTEST_GUILESS_MAIN(TestStoreConcurrency)
#include "tst_store_concurrency.moc"
