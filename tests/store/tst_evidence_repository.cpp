#include "store_test_support.h"

#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/import_run_repository.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

// One message of a duplicates scenario: which bytes, from where.
struct Item
{
    QByteArray key;
    QString path;
    int index;
};

struct DuplicateCase
{
    QList<QList<Item>> batches;
    QList<QList<bool>> duplicate;      // expected per item, per batch
    QList<QList<QByteArray>> sameIdAs; // key whose first id each item must get
    int evidence;
    int sources;
};

QList<EvidenceInput> inputs(const QList<Item> &items)
{
    QList<EvidenceInput> result;
    for (const Item &item : items)
        result << makeEvidence(makeMessage(item.key, 300), item.path, item.index);
    return result;
}

} // namespace

Q_DECLARE_METATYPE(DuplicateCase)

class TestEvidenceRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); }

    void insertsNewEvidence();
    void duplicates_data();
    void duplicates();
    void bytesRoundTrip_data();
    void bytesRoundTrip();
    void textIsData_data();
    void textIsData();
    void datesAreUtcWithMilliseconds();
    void summariesAfterId();
    void unknownIdIsAnError();
    void failedBatchLeavesNothing_data();
    void failedBatchLeavesNothing();
    void batchInsideCallerTransaction();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    int m_counter = 0;
};

void TestEvidenceRepository::init()
{
    QVERIFY(m_dir.isValid());
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("case%1.awb").arg(++m_counter)));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(store).value();
}

void TestEvidenceRepository::insertsNewEvidence()
{
    EvidenceRepository evidence(*m_store);
    const QList<EvidenceInput> batch = {makeEvidence(makeMessage("a"), "box.mbox", 0),
                                        makeEvidence(makeMessage("b"), "box.mbox", 1),
                                        makeEvidence(makeMessage("c"), "single.eml", -1)};
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    auto outcomes = evidence.insertBatch(batch, 0);
    QVERIFY2(outcomes, qPrintable(outcomes.error()));
    QCOMPARE(outcomes->size(), 3);
    QCOMPARE(evidence.count().value(), 3);
    for (int i = 0; i < batch.size(); ++i) {
        const EvidenceInsertOutcome &outcome = outcomes->at(i);
        QVERIFY(!outcome.duplicate);
        QVERIFY(outcome.evidenceId > (i ? outcomes->at(i - 1).evidenceId : 0));
        QCOMPARE(evidence.contains(batch[i].sha256Hex).value(), true);
        auto summary = evidence.summary(outcome.evidenceId);
        QVERIFY2(summary, qPrintable(summary.error()));
        QCOMPARE(summary->id, outcome.evidenceId);
        QCOMPARE(summary->sha256Hex, batch[i].sha256Hex);
        QCOMPARE(summary->size, batch[i].bytes.size());
        QCOMPARE(summary->messageId, batch[i].messageId);
        QCOMPARE(summary->subject, batch[i].subject);
        QCOMPARE(summary->from, batch[i].from);
        QCOMPARE(summary->dateText, batch[i].dateText);
        QCOMPARE(summary->date, batch[i].date);
        QCOMPARE(summary->sourcePath, batch[i].sourcePath);
        QCOMPARE(summary->sourceIndex, batch[i].sourceIndex);
        QCOMPARE(summary->importedAt.timeSpec(), Qt::UTC);
        QVERIFY(summary->importedAt >= before);
        QVERIFY(summary->importedAt <= QDateTime::currentDateTimeUtc());
    }
    QCOMPARE(evidence.contains(QByteArray(64, 'f')).value(), false);
    QCOMPARE(scalarText(*m_store, "SELECT envelope_from FROM evidence_sources LIMIT 1"),
             QStringLiteral("bounce@sender.example"));
}

void TestEvidenceRepository::duplicates_data()
{
    QTest::addColumn<DuplicateCase>("scenario");
    const QString box = QStringLiteral("box.mbox");
    const QString other = QStringLiteral("other.mbox");
    QTest::newRow("same bytes from the same place again") << DuplicateCase{
        {{{"a", box, 0}}, {{"a", box, 0}}}, {{false}, {true}}, {{"a"}, {"a"}}, 1, 1};
    QTest::newRow("same bytes from another file") << DuplicateCase{
        {{{"a", box, 0}}, {{"a", other, 0}}}, {{false}, {true}}, {{"a"}, {"a"}}, 1, 2};
    QTest::newRow("same bytes at another mbox position") << DuplicateCase{
        {{{"a", box, 0}}, {{"a", box, 5}}}, {{false}, {true}}, {{"a"}, {"a"}}, 1, 2};
    QTest::newRow("repeated within one batch")
        << DuplicateCase{{{{"a", box, 0}, {"b", box, 1}, {"a", box, 2}}},
                         {{false, false, true}},
                         {{"a", "b", "a"}},
                         2,
                         3};
    QTest::newRow("same place twice within one batch")
        << DuplicateCase{{{{"a", box, 0}, {"a", box, 0}}}, {{false, true}}, {{"a", "a"}}, 1, 1};
    QTest::newRow("known and new mixed")
        << DuplicateCase{{{{"a", box, 0}}, {{"b", box, 1}, {"a", other, 0}, {"c", box, 2}}},
                         {{false}, {false, true, false}},
                         {{"a"}, {"b", "a", "c"}},
                         3,
                         4};
}

void TestEvidenceRepository::duplicates()
{
    QFETCH(DuplicateCase, scenario);
    EvidenceRepository evidence(*m_store);
    QHash<QByteArray, qint64> firstId;
    for (int b = 0; b < scenario.batches.size(); ++b) {
        auto outcomes = evidence.insertBatch(inputs(scenario.batches[b]), 0);
        QVERIFY2(outcomes, qPrintable(outcomes.error()));
        QCOMPARE(outcomes->size(), scenario.batches[b].size());
        for (int i = 0; i < outcomes->size(); ++i) {
            QCOMPARE(outcomes->at(i).duplicate, scenario.duplicate[b][i]);
            const QByteArray key = scenario.sameIdAs[b][i];
            if (!firstId.contains(key))
                firstId.insert(key, outcomes->at(i).evidenceId);
            QCOMPARE(outcomes->at(i).evidenceId, firstId.value(key));
        }
    }
    QCOMPARE(evidence.count().value(), scenario.evidence);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM evidence_blobs"), scenario.evidence);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM evidence_sources"), scenario.sources);
    // The summary names the place the bytes were first imported from.
    auto first = evidence.summary(firstId.value("a"));
    QVERIFY(first);
    QCOMPARE(first->sourcePath, scenario.batches[0][0].path);
    QCOMPARE(first->sourceIndex, scenario.batches[0][0].index);
}

void TestEvidenceRepository::bytesRoundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("NUL and CRLF") << QByteArrayLiteral(
        "From: a@b.example\r\nSubject: x\r\n\r\nbody\0with\0NUL\r\n\r\n");
    QTest::newRow("bare CR and LF") << QByteArray("Subject: x\rstray\n\nbody\r");
    QTest::newRow("invalid UTF-8") << QByteArray("Subject: \xff\xfe\xc3(\r\n\r\n\x80");
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte += char(i);
    QTest::newRow("every byte value") << everyByte.repeated(4);
    QTest::newRow("empty message") << QByteArray("");
    QTest::newRow("five megabytes") << makeMessage("big", 5 * 1024 * 1024);
}

void TestEvidenceRepository::bytesRoundTrip()
{
    QFETCH(QByteArray, bytes);
    EvidenceRepository evidence(*m_store);
    auto outcomes = evidence.insertBatch({makeEvidence(bytes)}, 0);
    QVERIFY2(outcomes, qPrintable(outcomes.error()));
    const qint64 id = outcomes->at(0).evidenceId;
    auto stored = evidence.bytes(id);
    QVERIFY2(stored, qPrintable(stored.error()));
    QCOMPARE(stored->size(), bytes.size());
    QVERIFY(*stored == bytes);
    QCOMPARE(evidence.summary(id)->size, bytes.size());
    QCOMPARE(scalarText(*m_store, "SELECT typeof(bytes) FROM evidence_blobs"),
             QStringLiteral("blob"));
}

void TestEvidenceRepository::textIsData_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("SQL in the subject") << QStringLiteral("x'); DROP TABLE evidence; --");
    QTest::newRow("quotes and percent") << QStringLiteral("\"100%\" ' ` ?1 :name @p $v");
    QTest::newRow("non-Latin and emoji") << QStringLiteral("Привет, 世界 😀");
    QTest::newRow("empty") << QStringLiteral("");
}

void TestEvidenceRepository::textIsData()
{
    QFETCH(QString, text);
    EvidenceRepository evidence(*m_store);
    EvidenceInput input = makeEvidence(makeMessage("text"), text, 0);
    input.subject = text;
    input.from = text;
    input.messageId = text;
    input.dateText = text;
    auto outcomes = evidence.insertBatch({input}, 0);
    QVERIFY2(outcomes, qPrintable(outcomes.error()));
    auto summary = evidence.summary(outcomes->at(0).evidenceId);
    QVERIFY(summary);
    QCOMPARE(summary->subject, text);
    QCOMPARE(summary->from, text);
    QCOMPARE(summary->messageId, text);
    QCOMPARE(summary->dateText, text);
    QCOMPARE(summary->sourcePath, text);
    QCOMPARE(evidence.count().value(), 1);
}

void TestEvidenceRepository::datesAreUtcWithMilliseconds()
{
    EvidenceRepository evidence(*m_store);
    EvidenceInput dated = makeEvidence("dated");
    dated.date = QDateTime(QDate(2026, 11, 27), QTime(2, 35, 3, 123), Qt::OffsetFromUTC, 3600);
    EvidenceInput undated = makeEvidence("undated");
    undated.date = QDateTime();
    auto outcomes = evidence.insertBatch({dated, undated}, 0);
    QVERIFY2(outcomes, qPrintable(outcomes.error()));
    QCOMPARE(scalarText(*m_store, "SELECT date_utc FROM evidence ORDER BY id LIMIT 1"),
             QStringLiteral("2026-11-27T01:35:03.123Z"));
    auto summary = evidence.summary(outcomes->at(0).evidenceId);
    QCOMPARE(summary->date, dated.date);
    QCOMPARE(summary->date.timeSpec(), Qt::UTC);
    QVERIFY(!evidence.summary(outcomes->at(1).evidenceId)->date.isValid());
    const QString importedAt =
        scalarText(*m_store, "SELECT imported_at FROM evidence ORDER BY id LIMIT 1");
    QVERIFY2(
        QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
            .match(importedAt)
            .hasMatch(),
        qPrintable(importedAt));
}

void TestEvidenceRepository::summariesAfterId()
{
    EvidenceRepository evidence(*m_store);
    QList<EvidenceInput> batch;
    for (int i = 0; i < 5; ++i)
        batch << makeEvidence(makeMessage(QByteArray::number(i)), "box.mbox", i);
    auto outcomes = evidence.insertBatch(batch, 0);
    QVERIFY(outcomes);
    QCOMPARE(evidence.summaries()->size(), 5);
    auto later = evidence.summaries(outcomes->at(2).evidenceId);
    QVERIFY2(later, qPrintable(later.error()));
    QCOMPARE(later->size(), 2);
    QCOMPARE(later->at(0).id, outcomes->at(3).evidenceId);
    QCOMPARE(later->at(1).sourceIndex, 4);
    QVERIFY(evidence.summaries(outcomes->at(4).evidenceId)->isEmpty());
}

void TestEvidenceRepository::unknownIdIsAnError()
{
    EvidenceRepository evidence(*m_store);
    auto summary = evidence.summary(12345);
    QVERIFY(!summary);
    QVERIFY2(summary.error().contains(m_store->path()), qPrintable(summary.error()));
    QVERIFY2(summary.error().contains(QLatin1String("no evidence with id 12345")),
             qPrintable(summary.error()));
    QVERIFY(!evidence.bytes(12345));
}

void TestEvidenceRepository::failedBatchLeavesNothing_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown import run") << "run"
                                        << "FOREIGN KEY constraint failed";
    QTest::newRow("store fails at the third message") << "trigger"
                                                      << "forced failure";
    QTest::newRow("malformed hash") << "hash"
                                    << "is not 64 lower-case hex digits";
}

void TestEvidenceRepository::failedBatchLeavesNothing()
{
    QFETCH(QString, failure);
    QFETCH(QString, reason);
    EvidenceRepository evidence(*m_store);
    ImportRunRepository runs(*m_store);
    auto runId = runs.start({QStringLiteral("box.mbox")});
    QVERIFY(runId);
    QVERIFY(evidence.insertBatch({makeEvidence("kept 1"), makeEvidence("kept 2", "x", 1)}, *runId));

    QList<EvidenceInput> batch;
    for (int i = 0; i < 5; ++i)
        batch << makeEvidence(makeMessage(QByteArray::number(i)), "new.mbox", i);
    qint64 batchRun = *runId;
    if (failure == QLatin1String("run")) {
        batchRun = *runId + 1000;
    } else if (failure == QLatin1String("trigger")) {
        batch[2].subject = QStringLiteral("boom");
        QCOMPARE(execRaw(*m_store, "CREATE TEMP TRIGGER fail BEFORE INSERT ON evidence"
                                   " WHEN NEW.subject = 'boom'"
                                   " BEGIN SELECT RAISE(ABORT, 'forced failure'); END"),
                 QString());
    } else {
        batch[2].sha256Hex = batch[2].sha256Hex.toUpper();
    }

    auto failed = evidence.insertBatch(batch, batchRun);
    QVERIFY(!failed);
    QVERIFY2(failed.error().contains(m_store->path()), qPrintable(failed.error()));
    QVERIFY2(failed.error().contains(reason), qPrintable(failed.error()));

    QCOMPARE(evidence.count().value(), 2);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM evidence_blobs"), 2);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM evidence_sources"), 2);
    QVERIFY(!evidence.contains(batch[0].sha256Hex).value());
    QCOMPARE(scalar(*m_store, "SELECT 1"), 1);
    QVERIFY(sqlite3_get_autocommit(static_cast<sqlite3 *>(m_store->nativeHandle())));

    // The connection is usable afterwards; the same batch goes in once the cause is gone.
    execRaw(*m_store, "DROP TRIGGER IF EXISTS temp.fail");
    batch[2].sha256Hex = batch[2].sha256Hex.toLower();
    auto retried = evidence.insertBatch(batch, *runId);
    QVERIFY2(retried, qPrintable(retried.error()));
    QCOMPARE(evidence.count().value(), 7);
}

void TestEvidenceRepository::batchInsideCallerTransaction()
{
    EvidenceRepository evidence(*m_store);
    QVERIFY(m_store->begin());
    QVERIFY(evidence.insertBatch({makeEvidence("first")}, 0));
    // A failing batch inside the caller's transaction undoes only itself (a savepoint).
    QVERIFY(!evidence.insertBatch({makeEvidence("second")}, 999));
    QCOMPARE(evidence.count().value(), 1);
    QVERIFY(m_store->commit());
    QCOMPARE(evidence.count().value(), 1);

    QVERIFY(m_store->begin());
    QVERIFY(evidence.insertBatch({makeEvidence("third")}, 0));
    QVERIFY(m_store->rollback());
    QCOMPARE(evidence.count().value(), 1);
    QVERIFY(m_store->rollback()); // nothing open: succeeds, does nothing
}

QTEST_GUILESS_MAIN(TestEvidenceRepository)
#include "tst_evidence_repository.moc"
