// The import pipeline end to end against a real case store: counts, order, duplicates, batches,
// cancellation, and the bad inputs of the foundation issue.
#include "pipeline/import_pipeline.h"
#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/import_run_repository.h"
#include "test_mail_factory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

class TestImportPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsFilesAndMboxInInputOrder();
    void reimportIsDuplicateOnly();
    void batchesAndCallbacks_data();
    void batchesAndCallbacks();
    void rejectsBadInputsAndKeepsTheRest();
    void hostileInputsNeverCrash();
    void cancelKeepsCommittedBatches();
    void runRecordIsWritten();

private:
    std::unique_ptr<CaseStore> openStore();
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestImportPipeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<CaseStore> TestImportPipeline::openStore()
{
    auto store = CaseStore::open(path(QStringLiteral("case.awbcase")));
    if (!store)
        qWarning() << store.error();
    return store ? std::move(store.value()) : nullptr;
}

void TestImportPipeline::importsFilesAndMboxInInputOrder()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/a.eml")), AwbTest::plainMessage(1)));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/b.mbox")), AwbTest::mbox(5, 100, 10)));
    auto store = openStore();
    QVERIFY(store);

    auto summary = ImportPipeline().run(*store, {path(QStringLiteral("in"))});
    QVERIFY2(summary.ok(), qPrintable(summary.error()));
    QCOMPARE(summary->imported, 6);
    QCOMPARE(summary->duplicates, 0);
    QVERIFY(summary->rejected.isEmpty());

    auto rows = EvidenceRepository(*store).summaries();
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 6);
    // Directory walk is sorted by path, mbox messages in file order.
    QCOMPARE(rows->at(0).subject, QStringLiteral("Test message 1"));
    QCOMPARE(rows->at(0).sourceIndex, -1);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(rows->at(i + 1).subject, QStringLiteral("Test message %1").arg(10 + i));
        QCOMPARE(rows->at(i + 1).sourceIndex, i);
        QVERIFY(rows->at(i + 1).sourcePath.endsWith(QStringLiteral("b.mbox")));
    }
    QCOMPARE(rows->at(0).from, QStringLiteral("Sender 1 <sender1@example.com>"));
    QCOMPARE(rows->at(0).messageId, QStringLiteral("1.test@example.com"));
    QVERIFY(rows->at(0).date.isValid());
}

void TestImportPipeline::reimportIsDuplicateOnly()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("box.mbox")), AwbTest::mbox(30)));
    auto store = openStore();
    QVERIFY(store);
    auto first = ImportPipeline().run(*store, {path(QStringLiteral("box.mbox"))});
    QVERIFY(first.ok());
    QCOMPARE(first->imported, 30);

    auto second = ImportPipeline().run(*store, {path(QStringLiteral("box.mbox"))});
    QVERIFY(second.ok());
    QCOMPARE(second->imported, 0);
    QCOMPARE(second->duplicates, 30);
    QCOMPARE(EvidenceRepository(*store).count().value(), qint64(30));
    QVERIFY((*store).checkIntegrity().ok());
}

void TestImportPipeline::batchesAndCallbacks_data()
{
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("parserThreads");
    QTest::newRow("one batch") << 10 << 1000 << 0;
    QTest::newRow("exact multiple") << 40 << 10 << 2;
    QTest::newRow("remainder") << 43 << 10 << 3;
    QTest::newRow("batch of one, single parser") << 7 << 1 << 1;
}

void TestImportPipeline::batchesAndCallbacks()
{
    QFETCH(int, messages);
    QFETCH(int, batchSize);
    QFETCH(int, parserThreads);
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("box.mbox")), AwbTest::mbox(messages)));
    auto store = openStore();
    QVERIFY(store);

    ImportPipeline::Options options;
    options.batchSize = batchSize;
    options.parserThreads = parserThreads;
    ImportPipeline pipeline(options);
    int committedRows = 0;
    int committedCalls = 0;
    QList<qint64> ids;
    ImportProgress last;
    pipeline.setCommittedCallback([&](const QList<MessageSummary> &rows) {
        ++committedCalls;
        committedRows += rows.size();
        for (const MessageSummary &row : rows)
            ids << row.id;
    });
    pipeline.setProgressCallback([&](const ImportProgress &p) { last = p; });
    auto summary = pipeline.run(*store, {path(QStringLiteral("box.mbox"))});
    QVERIFY(summary.ok());
    QCOMPARE(summary->imported, messages);
    QCOMPARE(committedRows, messages);
    QCOMPARE(committedCalls, (messages + batchSize - 1) / batchSize);
    QCOMPARE(last.imported, messages);
    QCOMPARE(last.bytesRead, last.totalBytes);
    // Ids are handed out in input order, whatever order the parsers finished in.
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(ids, sorted);
}

void TestImportPipeline::rejectsBadInputsAndKeepsTheRest()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/1-good.eml")), AwbTest::plainMessage(1)));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/2-empty.eml")), QByteArray()));
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage += char((i * 7919) % 256);
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/3-garbage.bin")), garbage));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/4-good.eml")), AwbTest::plainMessage(4)));
    auto store = openStore();
    QVERIFY(store);

    auto summary = ImportPipeline().run(
        *store, {path(QStringLiteral("in")), path(QStringLiteral("does-not-exist.eml"))});
    QVERIFY(summary.ok());
    QCOMPARE(summary->imported, 2);
    QCOMPARE(summary->rejected.size(), 3);
    QStringList rejectedNames;
    for (const RejectionRecord &r : summary->rejected) {
        QVERIFY2(!r.reason.isEmpty(), qPrintable(r.path));
        rejectedNames << QFileInfo(r.path).fileName();
    }
    rejectedNames.sort();
    QCOMPARE(rejectedNames,
             (QStringList{QStringLiteral("2-empty.eml"), QStringLiteral("3-garbage.bin"),
                          QStringLiteral("does-not-exist.eml")}));
    // The rejections are in the store too, with the run.
    auto rejections = ImportRunRepository(*store).rejections(summary->runId);
    QVERIFY(rejections.ok());
    QCOMPARE(rejections->size(), 3);
}

void TestImportPipeline::hostileInputsNeverCrash()
{
    // Each of these is either imported (bytes kept exactly) or rejected with a reason.
    QByteArray noSeparator = "From: a@example.com\nSubject: no body separator\nX-Last: yes";
    QByteArray eightBit =
        "From: \xC4\xE3\xBA\xC3 <a@example.com>\nSubject: \xB7\xA2\xC6\xB1\n\nbody\n";
    QByteArray longLine =
        "From: a@example.com\nSubject: long\nX-Long: " + QByteArray(1 << 20, 'L') + "\n\nbody\n";
    QByteArray nested = "From: a@example.com\nSubject: nested\nMIME-Version: 1.0\n";
    for (int depth = 0; depth < 100; ++depth)
        nested += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(depth) +
                  "\"\n\n--b" + QByteArray::number(depth) + "\n";
    nested += "Content-Type: text/plain\n\ninnermost\n";
    QByteArray truncatedMbox = AwbTest::mbox(3);
    truncatedMbox.chop(truncatedMbox.size() - truncatedMbox.lastIndexOf("Subject:") - 12);

    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/no-separator.eml")), noSeparator));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/eight-bit.eml")), eightBit));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/long-line.eml")), longLine));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/nested.eml")), nested));
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("in/truncated.mbox")), truncatedMbox));
    auto store = openStore();
    QVERIFY(store);

    auto summary = ImportPipeline().run(*store, {path(QStringLiteral("in"))});
    QVERIFY(summary.ok());
    QCOMPARE(summary->imported + int(summary->rejected.size()), 4 + 3);
    QCOMPARE(summary->imported, 7); // all of them are mail, however odd
    QVERIFY((*store).checkIntegrity().ok());

    // The bytes are kept exactly.
    auto rows = EvidenceRepository(*store).summaries();
    QVERIFY(rows.ok());
    for (const MessageSummary &row : *rows) {
        if (row.sourcePath.endsWith(QStringLiteral("long-line.eml")))
            QCOMPARE(EvidenceRepository(*store).bytes(row.id).value(), longLine);
        if (row.sourcePath.endsWith(QStringLiteral("eight-bit.eml")))
            QCOMPARE(EvidenceRepository(*store).bytes(row.id).value(), eightBit);
    }
}

void TestImportPipeline::cancelKeepsCommittedBatches()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("box.mbox")), AwbTest::mbox(3000)));
    auto store = openStore();
    QVERIFY(store);
    ImportPipeline::Options options;
    options.batchSize = 100;
    ImportPipeline pipeline(options);
    std::atomic_bool cancel{false};
    // Cancel from inside the writer after the first commit: a deterministic point mid-import.
    pipeline.setCommittedCallback([&](const QList<MessageSummary> &) { cancel = true; });
    auto summary = pipeline.run(*store, {path(QStringLiteral("box.mbox"))}, &cancel);
    QVERIFY(summary.ok());
    QVERIFY(summary->cancelled);
    QVERIFY(summary->imported >= 100);
    QVERIFY(summary->imported < 3000);
    QCOMPARE(EvidenceRepository(*store).count().value(), qint64(summary->imported));
    QVERIFY((*store).checkIntegrity().ok());

    // Importing again completes the set.
    auto again = ImportPipeline().run(*store, {path(QStringLiteral("box.mbox"))});
    QVERIFY(again.ok());
    QCOMPARE(again->imported + again->duplicates, 3000);
    QCOMPARE(again->duplicates, summary->imported);
    QCOMPARE(EvidenceRepository(*store).count().value(), qint64(3000));
}

void TestImportPipeline::runRecordIsWritten()
{
    QVERIFY(AwbTest::writeFile(path(QStringLiteral("a.eml")), AwbTest::plainMessage(1)));
    auto store = openStore();
    QVERIFY(store);
    auto summary = ImportPipeline().run(*store, {path(QStringLiteral("a.eml"))});
    QVERIFY(summary.ok());
    auto runs = ImportRunRepository(*store).runs();
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->first().id, summary->runId);
    QCOMPARE(runs->first().imported, 1);
    QVERIFY(runs->first().finishedAt.isValid());
    QCOMPARE(runs->first().paths, QStringList{path(QStringLiteral("a.eml"))});
}

QTEST_GUILESS_MAIN(TestImportPipeline)
#include "tst_import_pipeline.moc"
