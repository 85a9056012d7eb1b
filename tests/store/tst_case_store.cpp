#include "store_test_support.h"

#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/import_run_repository.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Makes a database the way another program would: plain SQLite, its own tables.
bool makeForeignDatabase(const QString &path)
{
    sqlite3 *db = nullptr;
    const bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
                                 nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestCaseStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void migratesEmptyFile_data();
    void migratesEmptyFile();
    void connectionSettings();
    void migratesVersion1Data();
    void failedMigrationKeepsPreviousVersion();
    void refusesNewerSchema();
    void refusesNonDatabase_data();
    void refusesNonDatabase();
    void refusesBadVersionRequest();
    void integrityCheckPasses();
    void integrityCheckNamesDanglingRow();

private:
    QString dbPath(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QTemporaryDir m_dir;
};

void TestCaseStore::migratesEmptyFile_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("tables");
    QTest::newRow("version 0: nothing") << 0 << QString();
    QTest::newRow("version 1: evidence")
        << 1 << QStringLiteral("evidence evidence_blobs evidence_sources");
    QTest::newRow("version 2: import runs")
        << 2
        << QStringLiteral("evidence evidence_blobs evidence_sources import_rejections import_runs");
    QTest::newRow("version 3: analysis at import")
        << 3
        << QStringLiteral("evidence evidence_blobs evidence_sources import_rejections import_runs "
                          "reports");
    QTest::newRow("version 4: account directory")
        << 4
        << QStringLiteral("account_imports customers enforcement_history evidence evidence_blobs "
                          "evidence_sources hosted_domains import_rejections import_runs "
                          "ip_assignments reports");
    QTest::newRow("version 5: cases")
        << 5
        << QStringLiteral("account_imports case_events case_reports cases customers "
                          "enforcement_history evidence evidence_blobs evidence_sources "
                          "hosted_domains import_rejections import_runs ip_assignments reports");
    QTest::newRow("version 6: listings")
        << 6
        << QStringLiteral("account_imports case_events case_reports cases customers "
                          "enforcement_history evidence evidence_blobs evidence_sources "
                          "hosted_domains import_rejections import_runs ip_assignments listings "
                          "reports");
    QTest::newRow("version 7: enforcement and audit")
        << 7
        << QStringLiteral("account_imports audit_log case_decisions case_events case_reports "
                          "cases customers desk_secrets enforcement_history evidence "
                          "evidence_blobs evidence_sources hosted_domains import_rejections "
                          "import_runs ip_assignments liability_lines listings notices reports");
    QTest::newRow("version 8: listing attributions and backfill")
        << 8
        << QStringLiteral("account_imports audit_log case_decisions case_events case_reports "
                          "cases customers desk_secrets enforcement_history evidence "
                          "evidence_blobs evidence_sources hosted_domains import_rejections "
                          "import_runs ip_assignments liability_lines listing_accounts "
                          "listing_backfill listings notices reports");
    QTest::newRow("version 9: case attribution events")
        << 9
        << QStringLiteral("account_imports audit_log case_decisions case_events case_reports "
                          "cases customers desk_secrets enforcement_history evidence "
                          "evidence_blobs evidence_sources hosted_domains import_rejections "
                          "import_runs ip_assignments liability_lines listing_accounts "
                          "listing_backfill listings notices reports");
}

void TestCaseStore::migratesEmptyFile()
{
    QFETCH(int, version);
    QFETCH(QString, tables);
    const QString path = dbPath(QTest::currentDataTag());
    auto store = CaseStore::openAtVersion(path, version);
    QVERIFY2(store, qPrintable(store.error()));
    QCOMPARE((*store)->schemaVersion(), version);
    QCOMPARE((*store)->path(), path);
    QCOMPARE(scalar(**store, "PRAGMA user_version"), version);
    QCOMPARE(scalarText(**store, "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                                 "sqlite_schema WHERE type = 'table' ORDER BY name)"),
             tables.isEmpty() ? QStringLiteral("<null>") : tables);
    QVERIFY2((*store)->checkIntegrity(), qPrintable((*store)->checkIntegrity().error()));
}

void TestCaseStore::connectionSettings()
{
    auto store = CaseStore::open(dbPath("settings.awb"));
    QVERIFY2(store, qPrintable(store.error()));
    QCOMPARE((*store)->schemaVersion(), CaseStore::latestSchemaVersion());
    QCOMPARE(scalarText(**store, "PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(scalar(**store, "PRAGMA foreign_keys"), 1);
    QCOMPARE(scalar(**store, "PRAGMA synchronous"), 1); // NORMAL
    QCOMPARE(scalar(**store, "PRAGMA busy_timeout"), 5000);
    // Foreign keys are enforced, not just switched on: a blob for no evidence is refused.
    const QString error =
        execRaw(**store, "INSERT INTO evidence_blobs (evidence_id, bytes) VALUES (999, x'00')");
    QVERIFY2(error.contains(QLatin1String("FOREIGN KEY")), qPrintable(error));
}

void TestCaseStore::migratesVersion1Data()
{
    const QString path = dbPath("v1.awb");
    const QByteArray first = QByteArrayLiteral("From: a@example.org\r\n\r\nfirst\0message\r\n");
    const QByteArray second = makeMessage("second");
    qint64 firstId = 0;
    {
        auto store = CaseStore::openAtVersion(path, 1);
        QVERIFY2(store, qPrintable(store.error()));
        EvidenceRepository evidence(**store);
        // Version 1 stored the run number as a plain integer; 7 named no row anywhere.
        auto outcomes = evidence.insertBatch(
            {makeEvidence(first, "a.eml", -1), makeEvidence(second, "box.mbox", 3)}, 7);
        QVERIFY2(outcomes, qPrintable(outcomes.error()));
        firstId = outcomes->at(0).evidenceId;
        QCOMPARE(execRaw(**store, "INSERT INTO evidence_sources (evidence_id, path, mbox_index,"
                                  " import_run_id, imported_at) SELECT id, 'copy.eml', -1, 8,"
                                  " imported_at FROM evidence WHERE id = 1"),
                 QString());
    }

    auto store = CaseStore::open(path);
    QVERIFY2(store, qPrintable(store.error()));
    QCOMPARE((*store)->schemaVersion(), CaseStore::latestSchemaVersion());
    QCOMPARE(scalar(**store, "PRAGMA user_version"), CaseStore::latestSchemaVersion());
    EvidenceRepository evidence(**store);
    QCOMPARE(evidence.count().value(), 2);
    QCOMPARE(evidence.bytes(firstId).value(), first);
    auto summary = evidence.summary(firstId);
    QVERIFY2(summary, qPrintable(summary.error()));
    QCOMPARE(summary->sourcePath, QStringLiteral("a.eml"));
    QCOMPARE(summary->sourceIndex, -1);
    QCOMPARE(summary->size, first.size());
    // Evidence from before version 3 has no analysis until it is imported again.
    QVERIFY(summary->reportFormat.isEmpty());
    QCOMPARE(summary->completenessCount, -1);
    QVERIFY(evidence.analysisJson(firstId).value().isEmpty());
    QCOMPARE(scalar(**store, "SELECT count(*) FROM evidence_sources"), 3);
    // The v1 run numbers pointed nowhere; migrated rows keep NULL, not a dangling reference.
    QCOMPARE(scalar(**store, "SELECT count(*) FROM evidence_sources WHERE import_run_id IS NULL"),
             3);
    QCOMPARE(scalarText(**store, "SELECT \"table\" FROM pragma_foreign_key_list("
                                 "'evidence_sources') WHERE \"from\" = 'import_run_id'"),
             QStringLiteral("import_runs"));
    QCOMPARE(scalar(**store, "SELECT count(*) FROM sqlite_schema WHERE name = 'evidence_date_utc'"),
             1);
    QVERIFY2((*store)->checkIntegrity(), qPrintable((*store)->checkIntegrity().error()));

    // The migrated file takes new runs and their evidence.
    ImportRunRepository runs(**store);
    auto runId = runs.start({QStringLiteral("more.eml")});
    QVERIFY2(runId, qPrintable(runId.error()));
    auto more = evidence.insertBatch({makeEvidence(makeMessage("third"), "more.eml", -1)}, *runId);
    QVERIFY2(more, qPrintable(more.error()));
    QCOMPARE(evidence.count().value(), 3);
}

void TestCaseStore::failedMigrationKeepsPreviousVersion()
{
    const QString path = dbPath("blocked.awb");
    {
        auto store = CaseStore::openAtVersion(path, 1);
        QVERIFY2(store, qPrintable(store.error()));
        QVERIFY(EvidenceRepository(**store).insertBatch({makeEvidence("kept")}, 0));
        // A table in the way makes migration 2 fail halfway, after its first statements.
        QCOMPARE(execRaw(**store, "CREATE TABLE import_rejections (x)"), QString());
    }
    auto failed = CaseStore::open(path);
    QVERIFY(!failed);
    QVERIFY2(failed.error().contains(path), qPrintable(failed.error()));
    QVERIFY2(failed.error().contains(QLatin1String("schema version 2")),
             qPrintable(failed.error()));

    auto store = CaseStore::openAtVersion(path, 1);
    QVERIFY2(store, qPrintable(store.error()));
    QCOMPARE(scalar(**store, "PRAGMA user_version"), 1);
    QCOMPARE(scalar(**store, "SELECT count(*) FROM sqlite_schema WHERE name = 'import_runs'"), 0);
    QCOMPARE(EvidenceRepository(**store).count().value(), 1);
}

void TestCaseStore::refusesNewerSchema()
{
    const QString path = dbPath("newer.awb");
    {
        auto store = CaseStore::open(path);
        QVERIFY2(store, qPrintable(store.error()));
        QCOMPARE(execRaw(**store, "PRAGMA user_version = 99"), QString());
    }
    auto store = CaseStore::open(path);
    QVERIFY(!store);
    const QString expected =
        QStringLiteral("“%1” was written by a newer version of Abuse Workbench (schema 99, this "
                       "program knows up to %2).")
            .arg(path)
            .arg(CaseStore::latestSchemaVersion());
    QCOMPARE(store.error(), expected);
}

void TestCaseStore::refusesNonDatabase_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("foreignDatabase");
    QTest::addColumn<QString>("reason");
    const QString notSqlite = QStringLiteral("not an SQLite database file");
    QTest::newRow("plain text") << QByteArray("Dear abuse desk,\n").repeated(300) << false
                                << notSqlite;
    QByteArray junk(8192, '\0');
    for (int i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 131 + 7) % 256);
    QTest::newRow("binary junk") << junk << false << notSqlite;
    QTest::newRow("SQLite header over junk")
        << QByteArray("SQLite format 3", 16) + junk.mid(16) << false << notSqlite;
    QTest::newRow("another program's database")
        << QByteArray() << true << QStringLiteral("another program");
}

void TestCaseStore::refusesNonDatabase()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, foreignDatabase);
    QFETCH(QString, reason);
    const QString path = dbPath(QTest::currentDataTag());
    QVERIFY(foreignDatabase ? makeForeignDatabase(path) : writeFile(path, content));
    const QByteArray before = readAll(path);

    auto store = CaseStore::open(path);
    QVERIFY(!store);
    QVERIFY2(store.error().contains(path), qPrintable(store.error()));
    QVERIFY2(store.error().contains(reason), qPrintable(store.error()));
    QCOMPARE(readAll(path), before); // refused before anything was written
}

void TestCaseStore::refusesBadVersionRequest()
{
    const QString path = dbPath("versions.awb");
    auto beyond = CaseStore::openAtVersion(path, CaseStore::latestSchemaVersion() + 1);
    QVERIFY(!beyond);
    QVERIFY2(beyond.error().contains(path), qPrintable(beyond.error()));
    QVERIFY(CaseStore::open(path));
    auto backwards = CaseStore::openAtVersion(path, 1);
    QVERIFY(!backwards);
    QVERIFY2(
        backwards.error().contains(
            QStringLiteral("already at schema version %1").arg(CaseStore::latestSchemaVersion())),
        qPrintable(backwards.error()));

    auto missingDir = CaseStore::open(dbPath("no/such/dir/case.awb"));
    QVERIFY(!missingDir);
    QVERIFY2(missingDir.error().contains(dbPath("no/such/dir/case.awb")),
             qPrintable(missingDir.error()));
}

void TestCaseStore::integrityCheckPasses()
{
    auto store = CaseStore::open(dbPath("integrity.awb"));
    QVERIFY2(store, qPrintable(store.error()));
    ImportRunRepository runs(**store);
    auto runId = runs.start({QStringLiteral("a.mbox")});
    QVERIFY(runId);
    QVERIFY(EvidenceRepository(**store).insertBatch(
        {makeEvidence("one", "a.mbox", 0), makeEvidence("two", "a.mbox", 1)}, *runId));
    QVERIFY(runs.addRejections(*runId, {{QStringLiteral("a.mbox"), 2, QStringLiteral("empty")}}));
    const Status status = (*store)->checkIntegrity();
    QVERIFY2(status, qPrintable(status.error()));
}

void TestCaseStore::integrityCheckNamesDanglingRow()
{
    const QString path = dbPath("dangling.awb");
    auto store = CaseStore::open(path);
    QVERIFY2(store, qPrintable(store.error()));
    QCOMPARE(execRaw(**store, "PRAGMA foreign_keys = OFF; INSERT INTO evidence_blobs "
                              "(evidence_id, bytes) VALUES (42, x'00'); PRAGMA foreign_keys = ON"),
             QString());
    const Status status = (*store)->checkIntegrity();
    QVERIFY(!status);
    QVERIFY2(status.error().contains(path), qPrintable(status.error()));
    QVERIFY2(status.error().contains(QLatin1String("evidence_blobs row 42")),
             qPrintable(status.error()));
}

QTEST_GUILESS_MAIN(TestCaseStore)
#include "tst_case_store.moc"
