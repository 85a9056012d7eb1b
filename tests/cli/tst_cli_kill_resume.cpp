// SIGKILL in the middle of an import: the database passes integrity_check, holds whole batches
// only, and a second import completes the set without duplicating anything.
#include "cli_runner.h"
#include "test_mail_factory.h"

#include "store/case_store.h"
#include "store/evidence_repository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Awb;

class TestCliKillResume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killMidImportThenResume();
};

void TestCliKillResume::killMidImportThenResume()
{
    constexpr int total = 30000;
    constexpr int batchSize = 1000; // ImportPipeline's default batch
    QTemporaryDir dir;
    const QString mboxPath = dir.filePath(QStringLiteral("big.mbox"));
    QVERIFY(AwbTest::writeFile(mboxPath, AwbTest::mbox(total, 600)));
    const QString db = dir.filePath(QStringLiteral("case.awbcase"));

    QProcess import;
    import.start(awbPath(), {QStringLiteral("import"), QStringLiteral("--db"), db, mboxPath});
    QVERIFY(import.waitForStarted());

    // Wait until some batches are committed, then kill without warning.
    qint64 seen = 0;
    for (int i = 0; i < 3000 && seen < 3 * batchSize; ++i) {
        QTest::qWait(10);
        if (auto store = CaseStore::open(db)) {
            if (auto count = EvidenceRepository(**store).count())
                seen = *count;
        }
    }
    QVERIFY2(import.state() == QProcess::Running,
             "the import finished before it could be killed; make the mailbox larger");
    ::kill(pid_t(import.processId()), SIGKILL);
    QVERIFY(import.waitForFinished());
    QCOMPARE(import.exitStatus(), QProcess::CrashExit);

    qint64 afterKill = 0;
    {
        auto store = CaseStore::open(db);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        const Status integrity = (*store)->checkIntegrity();
        QVERIFY2(integrity.ok(), qPrintable(integrity.error()));
        afterKill = EvidenceRepository(**store).count().value();
    }
    QVERIFY(afterKill >= seen);
    QVERIFY2(afterKill < total, "nothing was left to resume");
    QCOMPARE(afterKill % batchSize, 0); // batches land whole or not at all

    const CliRun resume = runAwb(
        {QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--json"), mboxPath});
    QVERIFY2(resume.exitCode == 0, resume.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(resume.out).object();
    QCOMPARE(summary.value(QStringLiteral("duplicates")).toInt(), int(afterKill));
    QCOMPARE(summary.value(QStringLiteral("imported")).toInt(), int(total - afterKill));

    auto store = CaseStore::open(db);
    QVERIFY(store.ok());
    QCOMPARE(EvidenceRepository(**store).count().value(), qint64(total));
    QVERIFY((*store)->checkIntegrity().ok());
}

QTEST_GUILESS_MAIN(TestCliKillResume)
#include "tst_cli_kill_resume.moc"
