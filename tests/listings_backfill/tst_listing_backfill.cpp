// Schema 8 from a version 7 database: a Spamhaus notice that a case took before grouping
// recorded listings gets its listing rows at the next grouping (listing_backfill), once; a notice
// that has its rows, a report whose stored analysis is unreadable and a report without listings
// are left alone. Also the new table's refusals (attributions are append-only, as listings are).
#include "listing_test_stores.h"

#include "../store/store_test_support.h"

#include "accounts/account_history.h"
#include "store/case_repository.h"

#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

const QString kDemoNotice = QStringLiteral("SBL000123.1794293462.notify@spamhaus.example");
const QString kRangeNotice = QStringLiteral("SBL710001.notify@spamhaus.org");

} // namespace

class TestListingBackfill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseHasTheNewTables();
    void groupedNoticeGetsItsRows();

private:
    QTemporaryDir m_dir;
};

void TestListingBackfill::freshDatabaseHasTheNewTables()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("fresh.db")));
    QVERIFY2(store, qPrintable(store.error()));
    QVERIFY(CaseStore::latestSchemaVersion() >= 8);
    QCOMPARE(scalar(**store, "PRAGMA user_version"), CaseStore::latestSchemaVersion());
    QCOMPARE(scalarText(**store, "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                                 "sqlite_schema WHERE tbl_name IN ('listing_accounts',"
                                 " 'listing_backfill', 'listings') ORDER BY name)"),
             QStringLiteral("listing_accounts listing_accounts_account listing_accounts_no_delete "
                            "listing_accounts_no_update listing_accounts_not_recorded "
                            "listing_backfill listings "
                            "listings_account listings_notice listings_unsettled "
                            "sqlite_autoindex_listing_accounts_1"));
    QCOMPARE(importAccounts(**store, demoUtc(2026, 11, 1)), QString());
    QCOMPARE(execRaw(**store, "INSERT INTO listings (list_name, address_or_range, verdict,"
                              " checked_at, source) VALUES ('Spamhaus ZEN', '198.51.100.7',"
                              " 'listed', '2026-11-02T11:00:00.000Z', 'dnsbl')"),
             QString());
    QCOMPARE(execRaw(**store, "INSERT INTO listing_accounts (listing_id, account_id,"
                              " attributed_at, reason) VALUES (1, 'IXC-10042',"
                              " '2026-11-03T00:00:00.000Z', 'test')"),
             QString());
    QVERIFY(execRaw(**store, "UPDATE listing_accounts SET account_id = 'IXC-10077'")
                .contains(QStringLiteral("append-only")));
    QVERIFY(execRaw(**store, "DELETE FROM listing_accounts").contains("append-only"));
    QVERIFY(!execRaw(**store, "INSERT INTO listing_accounts (listing_id, account_id,"
                              " attributed_at, reason) VALUES (1, 'IXC-10077',"
                              " '2026-11-03T00:00:00.000Z', '')")
                 .isEmpty());
    QVERIFY(!execRaw(**store, "INSERT INTO listing_accounts (listing_id, account_id,"
                              " attributed_at, reason) VALUES (99, 'IXC-10077',"
                              " '2026-11-03T00:00:00.000Z', 'no such listing')")
                 .isEmpty());
    // An account is named once per listing: not attributed what it was recorded with.
    QCOMPARE(execRaw(**store, "INSERT INTO listings (account_id, list_name, address_or_range,"
                              " verdict, checked_at, source) VALUES ('IXC-10077', 'Spamhaus ZEN',"
                              " '203.0.113.40', 'listed', '2026-11-12T11:00:00.000Z', 'dnsbl')"),
             QString());
    QVERIFY(execRaw(**store, "INSERT INTO listing_accounts (listing_id, account_id,"
                             " attributed_at, reason) VALUES (2, 'IXC-10077',"
                             " '2026-11-13T00:00:00.000Z', 'again')")
                .contains(QStringLiteral("recorded for that account")));
    QCOMPARE(execRaw(**store, "INSERT INTO listing_accounts (listing_id, account_id,"
                              " attributed_at, reason) VALUES (2, 'IXC-10042',"
                              " '2026-11-13T00:00:00.000Z', 'a data error: both held it')"),
             QString());
    QVERIFY((*store)->checkIntegrity());
}

void TestListingBackfill::groupedNoticeGetsItsRows()
{
    const QString path = m_dir.filePath(QStringLiteral("v7.db"));
    qint64 notice = 0;
    qint64 range = 0;
    qint64 oldCase = 0;
    {
        // What the program of schema 7 before listing rows were recorded at grouping left: the
        // demo reports and the range notice imported, the Spamhaus notice, the range notice and
        // a complaint in a case, and only the range notice with a listing row.
        auto old = CaseStore::openAtVersion(path, 7);
        QVERIFY2(old, qPrintable(old.error()));
        CaseStore &store = **old;
        store.setActor(QStringLiteral("old-program"));
        QCOMPARE(importReports(store, demoReportsExcept({})
                                          << noticeDir() + QStringLiteral(
                                                               "/spamhaus-range-two-accounts.eml")),
                 QString());
        notice = evidenceWithMessageId(store, kDemoNotice);
        range = evidenceWithMessageId(store, kRangeNotice);
        const qint64 complaint = evidenceWithMessageId(
            store, QStringLiteral("fbl.20261110070240.1b93e0@fbl.example.net"));
        QVERIFY(notice > 0 && range > 0 && complaint > 0);
        CaseAssignmentPlan plan;
        NewCaseInput grouped;
        grouped.originKey = QStringLiteral("203.0.113.0/24");
        grouped.reports = {{notice, QStringLiteral("opened")},
                           {range, QStringLiteral("same")},
                           {complaint, QStringLiteral("same")}};
        plan.newCases << grouped;
        auto opened =
            CaseRepository(store).assign(plan, QStringLiteral("ana"), demoUtc(2026, 11, 11));
        QVERIFY2(opened, qPrintable(opened.error()));
        oldCase = opened->first();
        StoredListing row;
        row.listName = QStringLiteral("Spamhaus SBL");
        row.addressOrRange = QStringLiteral("203.0.113.32/27");
        row.verdict = QStringLiteral("listed");
        row.checkedAt = demoUtc(2026, 11, 15, 3);
        row.source = QStringLiteral("report");
        row.evidenceId = range;
        QVERIFY(ListingRepository(store).add({row}));
        // A report in the case whose stored analysis no reader can parse must not stop the
        // migration.
        const QByteArray broken =
            "UPDATE reports SET analysis_json = '{not json' WHERE evidence_id = " +
            QByteArray::number(complaint);
        QCOMPARE(execRaw(store, broken.constData()), QString());
        QCOMPARE(scalar(store, "SELECT count(*) FROM listings WHERE source = 'report'"), 1);
    }

    auto opened = CaseStore::open(path);
    QVERIFY2(opened, qPrintable(opened.error()));
    CaseStore &store = **opened;
    store.setActor(QStringLiteral("tester"));
    QCOMPARE(store.schemaVersion(), CaseStore::latestSchemaVersion());
    auto pending = ListingRepository(store).pendingNotices();
    QVERIFY2(pending, qPrintable(pending.error()));
    QCOMPARE(*pending, QList<qint64>{notice});

    // The directory comes now: the range row of the old program gets its two accounts.
    AccountImportSummary accounts;
    QCOMPARE(importAccounts(store, demoUtc(2026, 11, 19), &accounts), QString());
    QCOMPARE(accounts.listingsAttributed, 2);

    CaseAssignmentSummary grouped;
    QCOMPARE(groupReports(store, demoUtc(2026, 11, 19, 1), &grouped), QString());
    QCOMPARE(grouped.listingsRecorded, 1);
    QVERIFY(ListingRepository(store).pendingNotices()->isEmpty());
    auto rows = ListingRepository(store).forAccount(QStringLiteral("IXC-10077"));
    QVERIFY2(rows, qPrintable(rows.error()));
    QCOMPARE(rows->size(), 2);
    const StoredListing &sbl = rows->at(0);
    QCOMPARE(sbl.evidenceId.value_or(0), notice);
    QCOMPARE(sbl.source, QStringLiteral("report"));
    QCOMPARE(sbl.addressOrRange, QStringLiteral("203.0.113.40"));
    QCOMPARE(sbl.checkedAt, QDateTime(QDate(2026, 11, 10), QTime(6, 40, 11), QTimeZone::utc()));
    QVERIFY(!sbl.attributedAt.isValid()); // recorded with the directory in place
    QCOMPARE(rows->at(1).evidenceId.value_or(0), range);
    // The notice stays in the case the old program put it in.
    auto caseOf = CaseRepository(store).caseOfReport(notice);
    QVERIFY(caseOf && caseOf->has_value());
    QCOMPARE(**caseOf, oldCase);

    auto history = loadAccountHistory(store, QStringLiteral("IXC-10077"), demoNow());
    QVERIFY2(history, qPrintable(history.error()));
    QStringList references;
    for (const AccountEvent &e : history->events) {
        if (e.kind == AccountEvent::Kind::Blacklisting)
            references << e.reference;
    }
    QCOMPARE(references, (QStringList{kDemoNotice, kRangeNotice}));

    // Once: grouping again records nothing and writes no audit entry.
    const int entries = auditEntryCount(store);
    CaseAssignmentSummary again;
    QCOMPARE(groupReports(store, demoUtc(2026, 11, 20), &again), QString());
    QCOMPARE(again.listingsRecorded, 0);
    QCOMPARE(auditEntryCount(store), entries);
    QCOMPARE(scalar(store, "SELECT count(*) FROM listings WHERE evidence_id = " +
                               QByteArray::number(notice)),
             1);
    auto verified = AuditLog(store).verify();
    QVERIFY2(verified && verified->intact, qPrintable(verified ? verified->problem : ""));
    QVERIFY(store.checkIntegrity());
}

QTEST_GUILESS_MAIN(TestListingBackfill)
#include "tst_listing_backfill.moc"
