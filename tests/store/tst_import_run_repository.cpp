#include "store_test_support.h"

#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/import_run_repository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

Q_DECLARE_METATYPE(QList<Awb::RejectionRecord>)

class TestImportRunRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); }

    void roundTrip_data();
    void roundTrip();
    void runningRunHasNoFinish();
    void evidenceNamesItsRun();
    void unknownRunIsAnError();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    int m_counter = 0;
};

void TestImportRunRepository::init()
{
    QVERIFY(m_dir.isValid());
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("runs%1.awb").arg(++m_counter)));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(store).value();
}

void TestImportRunRepository::roundTrip_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QList<RejectionRecord>>("rejections");
    QTest::addColumn<bool>("cancelled");
    QTest::newRow("completed, nothing rejected")
        << QStringList{QStringLiteral("/home/abuse/export.mbox")} << QList<RejectionRecord>()
        << false;
    QTest::newRow("odd paths, rejections, cancelled")
        << QStringList{QStringLiteral("/tmp/a, b.eml"), QStringLiteral("/tmp/line\nbreak.eml"),
                       QStringLiteral("/tmp/\"quoted\" [x].mbox"), QStringLiteral("/tmp/Почта")}
        << QList<RejectionRecord>{{QStringLiteral("/tmp/a, b.eml"), -1,
                                   QStringLiteral("The file is empty.")},
                                  {QStringLiteral("/tmp/\"quoted\" [x].mbox"), 17,
                                   QStringLiteral("No header block ('; DROP TABLE x; --).")}}
        << true;
}

void TestImportRunRepository::roundTrip()
{
    QFETCH(QStringList, paths);
    QFETCH(QList<RejectionRecord>, rejections);
    QFETCH(bool, cancelled);
    ImportRunRepository runs(*m_store);
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    auto runId = runs.start(paths);
    QVERIFY2(runId, qPrintable(runId.error()));
    QVERIFY(runs.addRejections(*runId, rejections));
    QVERIFY(runs.finish(*runId, 40, 2, int(rejections.size()), cancelled));

    auto all = runs.runs();
    QVERIFY2(all, qPrintable(all.error()));
    QCOMPARE(all->size(), 1);
    const ImportRunRecord &run = all->first();
    QCOMPARE(run.id, *runId);
    QCOMPARE(run.paths, paths);
    QCOMPARE(run.imported, 40);
    QCOMPARE(run.duplicates, 2);
    QCOMPARE(run.rejected, rejections.size());
    QCOMPARE(run.cancelled, cancelled);
    QVERIFY(run.startedAt >= before);
    QCOMPARE(run.startedAt.timeSpec(), Qt::UTC);
    QVERIFY(run.finishedAt >= run.startedAt);
    QVERIFY(run.finishedAt <= QDateTime::currentDateTimeUtc());

    auto stored = runs.rejections(*runId);
    QVERIFY2(stored, qPrintable(stored.error()));
    QCOMPARE(stored->size(), rejections.size());
    for (int i = 0; i < rejections.size(); ++i) {
        QCOMPARE(stored->at(i).path, rejections[i].path);
        QCOMPARE(stored->at(i).index, rejections[i].index);
        QCOMPARE(stored->at(i).reason, rejections[i].reason);
    }
}

void TestImportRunRepository::runningRunHasNoFinish()
{
    ImportRunRepository runs(*m_store);
    QVERIFY(runs.runs()->isEmpty());
    auto first = runs.start({QStringLiteral("a.eml")});
    auto second = runs.start({});
    QVERIFY(first && second);
    QVERIFY(*second > *first);
    auto all = runs.runs();
    QCOMPARE(all->size(), 2);
    QVERIFY(!all->at(0).finishedAt.isValid());
    QVERIFY(all->at(1).paths.isEmpty());
    QVERIFY(runs.rejections(*first)->isEmpty());
}

void TestImportRunRepository::evidenceNamesItsRun()
{
    ImportRunRepository runs(*m_store);
    auto runId = runs.start({QStringLiteral("box.mbox")});
    QVERIFY(runId);
    QVERIFY(EvidenceRepository(*m_store).insertBatch({makeEvidence("m")}, *runId));
    QCOMPARE(scalar(*m_store, "SELECT import_run_id FROM evidence_sources"), *runId);
}

void TestImportRunRepository::unknownRunIsAnError()
{
    ImportRunRepository runs(*m_store);
    auto runId = runs.start({QStringLiteral("box.mbox")});
    QVERIFY(runId);
    const QList<RejectionRecord> rejections = {{QStringLiteral("a"), 1, QStringLiteral("bad")},
                                               {QStringLiteral("b"), 2, QStringLiteral("bad")}};
    const Status added = runs.addRejections(*runId + 5, rejections);
    QVERIFY(!added);
    QVERIFY2(added.error().contains(m_store->path()), qPrintable(added.error()));
    QVERIFY2(added.error().contains(QLatin1String("FOREIGN KEY")), qPrintable(added.error()));
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM import_rejections"), 0);

    const Status finished = runs.finish(*runId + 5, 1, 0, 0, false);
    QVERIFY(!finished);
    QVERIFY2(finished.error().contains(QStringLiteral("no import run with id %1").arg(*runId + 5)),
             qPrintable(finished.error()));
}

QTEST_GUILESS_MAIN(TestImportRunRepository)
#include "tst_import_run_repository.moc"
