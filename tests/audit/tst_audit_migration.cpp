// Schema 7 from a version 6 database with data: the case history survives the rebuild of
// case_events (ids, rows, index, triggers), the new tables start empty, the new kinds are
// accepted and the old refusals still hold.
#include "audit_test_support.h"

#include "store/audit_log.h"
#include "store/case_repository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

const QDateTime kNow(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC);

// A version 6 database as the program of that version left it: an account, two messages, a
// case holding both with its history (ids 1-4 and a gap at 5, as a rolled-back write leaves),
// and a listing.
constexpr const char kVersion6Data[] = R"sql(
INSERT INTO customers (account_id, name, status, imported_at)
    VALUES ('IXC-10042', 'Northwind', 'active', '2026-11-01T00:00:00.000Z');
INSERT INTO evidence (id, sha256, size, imported_at) VALUES
    (1, '1111111111111111111111111111111111111111111111111111111111111111', 10,
     '2026-11-02T09:00:00.000Z'),
    (2, '2222222222222222222222222222222222222222222222222222222222222222', 20,
     '2026-11-02T09:00:00.000Z');
INSERT INTO cases (id, public_id, year, sequence, account_id, origin_key, status, severity,
                   owner, policy_version, opened_at, notes)
    VALUES (1, 'IXCM-ABUSE-2026-000001', 2026, 1, 'IXC-10042', '203.0.113.0/24', 'open',
            'high', NULL, '2025-12-10', '2026-11-02T10:00:00.000Z', '');
INSERT INTO case_reports (case_id, evidence_id, added_at, reason) VALUES
    (1, 1, '2026-11-02T10:00:00.000Z', 'account IXC-10042'),
    (1, 2, '2026-11-02T10:00:00.000Z', 'account IXC-10042');
INSERT INTO case_events (id, case_id, kind, evidence_id, other_case_id, old_value, new_value,
                         who, at, why) VALUES
    (1, 1, 'opened', NULL, NULL, NULL, NULL, 'ana', '2026-11-02T10:00:00.000Z', ''),
    (2, 1, 'report-added', 1, NULL, NULL, NULL, 'ana', '2026-11-02T10:00:00.000Z', 'first'),
    (3, 1, 'report-added', 2, NULL, NULL, NULL, 'ana', '2026-11-02T10:00:00.000Z', 'second'),
    (4, 1, 'status', NULL, NULL, 'open', 'awaiting-customer', 'ben',
     '2026-11-03T08:00:00.000Z', 'notice sent'),
    (6, 1, 'status', NULL, NULL, 'awaiting-customer', 'open', 'ben',
     '2026-11-04T08:00:00.000Z', 'customer answered');
INSERT INTO listings (account_id, list_name, address_or_range, verdict, checked_at, source)
    VALUES ('IXC-10042', 'Spamhaus ZEN', '203.0.113.40', 'listed', '2026-11-02T11:00:00.000Z',
            'dnsbl');
)sql";

constexpr const char kEventsDump[] =
    "SELECT group_concat(row, ';') FROM (SELECT id || '|' || case_id || '|' || kind || '|' ||"
    " coalesce(evidence_id, '-') || '|' || coalesce(other_case_id, '-') || '|' ||"
    " coalesce(old_value, '-') || '|' || coalesce(new_value, '-') || '|' || who || '|' || at"
    " || '|' || why AS row FROM case_events ORDER BY id)";

} // namespace

class TestAuditMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseHasTheNewTables();
    void migratesVersion6Data();
    void newKindsAndOldRefusals_data();
    void newKindsAndOldRefusals();

private:
    std::unique_ptr<CaseStore> migrated(const QString &name, QString *before);

    QTemporaryDir m_dir;
};

std::unique_ptr<CaseStore> TestAuditMigration::migrated(const QString &name, QString *before)
{
    const QString path = m_dir.filePath(name);
    {
        auto old = CaseStore::openAtVersion(path, 6);
        if (!old || !execRaw(**old, kVersion6Data).isEmpty())
            return nullptr;
        *before = scalarText(**old, kEventsDump);
    }
    auto store = CaseStore::open(path);
    return store ? std::move(*store) : nullptr;
}

void TestAuditMigration::freshDatabaseHasTheNewTables()
{
    auto store = CaseStore::openAtVersion(m_dir.filePath("fresh.awbcase"), 7);
    QVERIFY2(store, qPrintable(store.error()));
    QCOMPARE(scalar(**store, "PRAGMA user_version"), 7);
    QCOMPARE(scalarText(**store, "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                                 "sqlite_schema WHERE type = 'table' ORDER BY name)"),
             QStringLiteral("account_imports audit_log case_decisions case_events case_reports "
                            "cases customers desk_secrets enforcement_history evidence "
                            "evidence_blobs evidence_sources hosted_domains import_rejections "
                            "import_runs ip_assignments liability_lines listings notices "
                            "reports"));
    QVERIFY((*store)->checkIntegrity());
}

void TestAuditMigration::migratesVersion6Data()
{
    QString before;
    auto store = migrated("v6.awbcase", &before);
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), CaseStore::latestSchemaVersion());
    QCOMPARE(scalar(*store, "PRAGMA user_version"), CaseStore::latestSchemaVersion());
    QVERIFY(before.contains("6|1|status|"));
    // Every row as it was, ids (and the gap) included.
    QCOMPARE(scalarText(*store, kEventsDump), before);
    QCOMPARE(scalar(*store, "SELECT count(*) FROM listings"), 1);
    QCOMPARE(scalar(*store, "SELECT count(*) FROM case_reports"), 2);
    // The index and the triggers are back on the rebuilt table.
    QCOMPARE(scalarText(*store, "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                                "sqlite_schema WHERE tbl_name = 'case_events' AND type <> 'table'"
                                " ORDER BY name)"),
             QStringLiteral("case_events_case case_events_no_delete case_events_no_update"));
    for (const char *rebuilt : {"case_events_v7", "case_events_v9"}) {
        QCOMPARE(scalarText(*store, "SELECT sql FROM sqlite_schema WHERE name = 'case_events'")
                     .contains(QLatin1String(rebuilt)),
                 false);
    }
    QVERIFY(store->checkIntegrity());

    // Nothing was done yet that the audit log should show.
    QCOMPARE(scalar(*store, "SELECT count(*) FROM audit_log"), 0);
    auto verification = AuditLog(*store).verify();
    QVERIFY(verification && verification->intact);
    QCOMPARE(verification->entryCount, 0);
    QVERIFY(verification->headHash.isEmpty());

    // The case reads the old history and goes on writing after it.
    CaseRepository cases(*store);
    QVERIFY(cases.setOwner(1, "ana", "ana", kNow));
    auto record = cases.caseById(1);
    QVERIFY(record);
    QCOMPARE(record->events.size(), 6);
    QCOMPARE(record->events.at(3).kind, QStringLiteral("status"));
    QCOMPARE(record->events.at(3).why, QStringLiteral("notice sent"));
    QCOMPARE(record->events.last().id, 7);
    QCOMPARE(record->events.last().kind, QStringLiteral("owner"));
    QCOMPARE(record->owner, QStringLiteral("ana"));
    auto entries = AuditLog(*store).entries();
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().id, 1);
    QCOMPARE(entries->first().prevHash, QByteArray(64, '0'));
    QCOMPARE(entries->first().casePublicId, QStringLiteral("IXCM-ABUSE-2026-000001"));
}

void TestAuditMigration::newKindsAndOldRefusals_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("refusal"); // empty: accepted
    const QString insert =
        QStringLiteral("INSERT INTO case_events (case_id, kind, who, at) VALUES (1, '%1', 'ana', "
                       "'2026-11-27T02:00:00.000Z')");
    for (const char *kind :
         {"owner", "notes", "decision", "notice", "customer-response", "attributed"})
        QTest::newRow(kind) << insert.arg(kind) << QString();
    QTest::newRow("unknown kind") << insert.arg("deleted") << "CHECK constraint failed";
    QTest::newRow("update refused") << "UPDATE case_events SET why = 'rewritten' WHERE id = 4"
                                    << "case_events is append-only";
    QTest::newRow("delete refused") << "DELETE FROM case_events WHERE id = 1"
                                    << "case_events is append-only";
    QTest::newRow("audit update refused")
        << "INSERT INTO audit_log (id, at, who, action, what, prev_hash, hash) VALUES (1, 'now',"
           " 'ana', 'test', 'x', printf('%064d', 0), printf('%064d', 1));"
           " UPDATE audit_log SET who = 'mallory'"
        << "audit_log is append-only";
    QTest::newRow("audit delete refused")
        << "INSERT INTO audit_log (id, at, who, action, what, prev_hash, hash) VALUES (1, 'now',"
           " 'ana', 'test', 'x', printf('%064d', 0), printf('%064d', 1));"
           " DELETE FROM audit_log"
        << "audit_log is append-only";
    QTest::newRow("audit without who")
        << "INSERT INTO audit_log (id, at, who, action, what, prev_hash, hash) VALUES (1, 'now',"
           " ' ', 'test', 'x', printf('%064d', 0), printf('%064d', 1))"
        << "CHECK constraint failed";
    QTest::newRow("audit hash not hex")
        << "INSERT INTO audit_log (id, at, who, action, what, prev_hash, hash) VALUES (1, 'now',"
           " 'ana', 'test', 'x', printf('%064d', 0), printf('%064s', 'xyz'))"
        << "CHECK constraint failed";
}

void TestAuditMigration::newKindsAndOldRefusals()
{
    QFETCH(QString, sql);
    QFETCH(QString, refusal);
    QString before;
    auto store = migrated(QStringLiteral("kinds-%1.awbcase").arg(QTest::currentDataTag()), &before);
    QVERIFY(store);
    const QString message = execRaw(*store, sql.toUtf8().constData());
    if (refusal.isEmpty())
        QVERIFY2(message.isEmpty(), qPrintable(message));
    else
        QVERIFY2(message.contains(refusal), qPrintable(message));
    if (!refusal.isEmpty() && sql.startsWith("UPDATE case_events"))
        QCOMPARE(scalarText(*store, kEventsDump), before);
}

QTEST_GUILESS_MAIN(TestAuditMigration)
#include "tst_audit_migration.moc"
