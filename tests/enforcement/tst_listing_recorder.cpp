// Listing notices into the listings table when reports are grouped (models/cases/listing_recorder)
// and the account history's blacklistings from that table: the demo's Spamhaus notice, a range
// listing that spans two customers' blocks (and, listed earlier, the customer who held one of
// them before), a notice with a PBL, an unheld address and a DBL domain, and grouping twice.
#include "../listings_backfill/listing_test_stores.h"

#include "accounts/account_history.h"
#include "cases/listing_recorder.h"
#include "store/case_repository.h"
#include "store/evidence_repository.h"
#include "store/listing_repository.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

const QString kData = QStringLiteral(AWB_TEST_DATA "/enforcement");

// The rows of one notice, by account id (null accounts first).
QList<StoredListing> rowsOf(CaseStore &store, qint64 evidenceId)
{
    QList<StoredListing> rows;
    const auto all = ListingRepository(store).all();
    if (!all)
        return rows;
    for (const StoredListing &row : *all) {
        if (row.evidenceId && *row.evidenceId == evidenceId)
            rows << row;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const StoredListing &a, const StoredListing &b) {
        return a.accountId < b.accountId;
    });
    return rows;
}

} // namespace

class TestListingRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void demoNoticeIsRecorded();
    void groupingTwiceAddsNothing();
    void rangeSpanningTwoAccounts();
    void rangeFollowsTheAssignmentsOfItsTime();
    void threeListingsOneNotice();
    void historyShowsEachNoticeOnce();
    void historyOfPolicyListingHasNoBlacklisting();
    void dnsblChecksBecomeBlacklistingsOnChange();
    void noticeListingsOfOddJson();

private:
    QTemporaryDir m_demoDir;
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_demo;
    std::unique_ptr<CaseStore> m_store; // the demo accounts and this folder's notices
};

namespace {

CaseSettings testSettings()
{
    CaseSettings settings;
    settings.analyst = QStringLiteral("tester");
    return settings;
}

} // namespace

void TestListingRecorder::initTestCase()
{
    QString error;
    m_demo = buildDemoAccountStore(m_demoDir, &error);
    QVERIFY2(m_demo, qPrintable(error));

    auto opened = CaseStore::open(m_dir.filePath(QStringLiteral("notices.db")));
    QVERIFY2(opened, qPrintable(opened.error()));
    m_store = std::move(*opened);
    const QString demo = QStringLiteral(AWB_SOURCE_DIR "/resources/demo");
    QStringList csvs;
    for (const char *name : {"customers.csv", "ip_assignments.csv", "domains.csv", "history.csv"})
        csvs << demo + QStringLiteral("/accounts/") + QLatin1String(name);
    AccountRepository accounts(*m_store);
    auto imported = AccountImporter(accounts).importFiles(csvs);
    QVERIFY2(imported, qPrintable(imported.error()));
    ImportPipeline::Options options;
    options.parserThreads = 1;
    options.trust = ImportPipeline::withAccountNetworks({}, *m_store);
    auto run = ImportPipeline(options).run(*m_store, {kData});
    QVERIFY2(run, qPrintable(run.error()));
    auto grouped =
        assignNewReports(*m_store, correlationAttribution(*m_store, accounts, options.trust),
                         testSettings(), demoUtc(2026, 11, 17));
    QVERIFY2(grouped, qPrintable(grouped.error()));
    // Two rows for each range notice, three for the notice with three listings.
    QCOMPARE(grouped->listingsRecorded, 2 + 2 + 3);
}

void TestListingRecorder::cleanupTestCase()
{
    m_demo.reset();
    m_store.reset();
}

void TestListingRecorder::demoNoticeIsRecorded()
{
    const auto all = ListingRepository(*m_demo).all();
    QVERIFY2(all, qPrintable(all.error()));
    QCOMPARE(all->size(), 1); // the demo has one Spamhaus notice, with one listing
    const StoredListing &row = all->first();
    const qint64 notice = evidenceWithMessageId(
        *m_demo, QStringLiteral("SBL000123.1794293462.notify@spamhaus.example"));
    QVERIFY(notice > 0);
    QCOMPARE(row.evidenceId.value_or(0), notice);
    QCOMPARE(row.source, QStringLiteral("report"));
    // 203.0.113.40 went from IXC-10015 to IXC-10077 on 2026-06-01; listed 2026-11-10.
    QCOMPARE(row.accountId, QStringLiteral("IXC-10077"));
    QCOMPARE(row.listName, QStringLiteral("Spamhaus SBL"));
    QCOMPARE(row.addressOrRange, QStringLiteral("203.0.113.40"));
    QCOMPARE(row.verdict, QStringLiteral("listed"));
    QVERIFY(row.zone.isEmpty());
    QVERIFY(row.returnCodes.isEmpty());
    QCOMPARE(row.checkedAt, QDateTime(QDate(2026, 11, 10), QTime(6, 40, 11), QTimeZone::utc()));
    QVERIFY2(row.meaning.startsWith(QStringLiteral("listed on SBL as SBL000123, per the Spamhaus "
                                                   "notice: Phishing spam source.")),
             qPrintable(row.meaning));
}

void TestListingRecorder::groupingTwiceAddsNothing()
{
    for (CaseStore *store : {m_demo.get(), m_store.get()}) {
        const auto before = ListingRepository(*store).all();
        QVERIFY(before);
        AccountRepository accounts(*store);
        auto again = assignNewReports(*store, correlationAttribution(*store, accounts, {}),
                                      testSettings(), demoUtc(2026, 11, 18));
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->listingsRecorded, 0);
        QVERIFY(again->placements.isEmpty());
        const auto after = ListingRepository(*store).all();
        QVERIFY(after);
        QCOMPARE(after->size(), before->size());
    }

    // Asked directly with a notice that has rows already, the recorder skips it too.
    const qint64 notice =
        evidenceWithMessageId(*m_store, QStringLiteral("SBL710001.notify@spamhaus.org"));
    auto json = EvidenceRepository(*m_store).analysisJson(notice);
    QVERIFY(json);
    const QJsonObject analysis = QJsonDocument::fromJson(*json).object();
    QVERIFY(statesListings(analysis));
    auto recorded = recordNoticeListings(*m_store, {{notice, analysis}}, demoUtc(2026, 11, 18));
    QVERIFY2(recorded, qPrintable(recorded.error()));
    QCOMPARE(*recorded, 0);
    QCOMPARE(rowsOf(*m_store, notice).size(), 2);
}

void TestListingRecorder::rangeSpanningTwoAccounts()
{
    const qint64 notice =
        evidenceWithMessageId(*m_store, QStringLiteral("SBL710001.notify@spamhaus.org"));
    QVERIFY(notice > 0);
    const QList<StoredListing> rows = rowsOf(*m_store, notice);
    QCOMPARE(rows.size(), 2);
    // 203.0.113.32/27 holds IXC-10077's 203.0.113.40/32 and IXC-10088's 203.0.113.48/30.
    QCOMPARE(rows.at(0).accountId, QStringLiteral("IXC-10077"));
    QCOMPARE(rows.at(1).accountId, QStringLiteral("IXC-10088"));
    for (const StoredListing &row : rows) {
        QCOMPARE(row.addressOrRange, QStringLiteral("203.0.113.32/27"));
        QCOMPARE(row.verdict, QStringLiteral("listed"));
        QCOMPARE(row.checkedAt, demoUtc(2026, 11, 15, 3));
    }
    // Two accounts held the range: the case is not pinned on either of them.
    auto caseId = CaseRepository(*m_store).caseOfReport(notice);
    QVERIFY(caseId && caseId->has_value());
    auto record = CaseRepository(*m_store).caseById(**caseId);
    QVERIFY(record);
    QVERIFY2(record->accountId.isEmpty(), qPrintable(record->accountId));
}

void TestListingRecorder::rangeFollowsTheAssignmentsOfItsTime()
{
    // Listed 2026-03-01: 203.0.113.40 was still IXC-10015's then.
    const qint64 notice =
        evidenceWithMessageId(*m_store, QStringLiteral("SBL710002.notify@spamhaus.org"));
    const QList<StoredListing> rows = rowsOf(*m_store, notice);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).accountId, QStringLiteral("IXC-10015"));
    QCOMPARE(rows.at(1).accountId, QStringLiteral("IXC-10088"));
}

void TestListingRecorder::threeListingsOneNotice()
{
    const qint64 notice =
        evidenceWithMessageId(*m_store, QStringLiteral("multi-710003.notify@spamhaus.org"));
    const QList<StoredListing> rows = rowsOf(*m_store, notice);
    QCOMPARE(rows.size(), 3);
    // Nobody holds 203.0.113.200: on record without an account.
    QVERIFY(rows.at(0).accountId.isNull());
    QCOMPARE(rows.at(0).addressOrRange, QStringLiteral("203.0.113.200"));
    QCOMPARE(rows.at(0).listName, QStringLiteral("Spamhaus SBL"));
    QCOMPARE(rows.at(0).verdict, QStringLiteral("listed"));
    // A DBL listing of a hosted domain goes to the account hosting it.
    QCOMPARE(rows.at(1).accountId, QStringLiteral("IXC-10088"));
    QCOMPARE(rows.at(1).addressOrRange, QStringLiteral("bluefin-media.example"));
    QCOMPARE(rows.at(1).listName, QStringLiteral("Spamhaus DBL"));
    // The PBL is a policy, not a finding of abuse.
    QCOMPARE(rows.at(2).accountId, QStringLiteral("IXC-10120"));
    QCOMPARE(rows.at(2).addressOrRange, QStringLiteral("203.0.113.64/29"));
    QCOMPARE(rows.at(2).verdict, QStringLiteral("policy-listed"));
    QVERIFY2(rows.at(2).meaning.contains(QStringLiteral("not evidence of abuse")),
             qPrintable(rows.at(2).meaning));
}

void TestListingRecorder::historyShowsEachNoticeOnce()
{
    auto history = loadAccountHistory(*m_demo, QStringLiteral("IXC-10077"), demoNow());
    QVERIFY2(history, qPrintable(history.error()));
    const QList<AccountEvent> found = blacklistings(*history);
    QCOMPARE(found.size(), 1);
    const AccountEvent &e = found.first();
    QCOMPARE(e.source, AccountEvent::Source::Report);
    QCOMPARE(e.reference, QStringLiteral("SBL000123.1794293462.notify@spamhaus.example"));
    QCOMPARE(e.at, QDateTime(QDate(2026, 11, 10), QTime(6, 40, 11), QTimeZone::utc()));
    QVERIFY(e.inWindow);
    QVERIFY(!e.confirmedOffence); // a third party's finding
    const qint64 notice = evidenceWithMessageId(
        *m_demo, QStringLiteral("SBL000123.1794293462.notify@spamhaus.example"));
    auto caseId = CaseRepository(*m_demo).caseOfReport(notice);
    QVERIFY(caseId && caseId->has_value());
    QCOMPARE(e.caseId, **caseId);
    QCOMPARE(history->listings.size(), 1);

    // The earlier holder of 203.0.113.40 has no listing in the demo.
    auto earlier = loadAccountHistory(*m_demo, QStringLiteral("IXC-10015"), demoNow());
    QVERIFY(earlier);
    QVERIFY(blacklistings(*earlier).isEmpty());

    // Both holders of the /27 see the range notice, each once; its case is unattributed.
    auto bluefin = loadAccountHistory(*m_store, QStringLiteral("IXC-10088"), demoNow());
    QVERIFY2(bluefin, qPrintable(bluefin.error()));
    QStringList references;
    for (const AccountEvent &b : blacklistings(*bluefin))
        references << b.reference;
    references.sort();
    QCOMPARE(references, (QStringList{QStringLiteral("SBL710001.notify@spamhaus.org"),
                                      QStringLiteral("SBL710002.notify@spamhaus.org"),
                                      QStringLiteral("multi-710003.notify@spamhaus.org")}));
}

void TestListingRecorder::historyOfPolicyListingHasNoBlacklisting()
{
    auto history = loadAccountHistory(*m_store, QStringLiteral("IXC-10120"), demoNow());
    QVERIFY2(history, qPrintable(history.error()));
    QVERIFY(blacklistings(*history).isEmpty());
    QCOMPARE(history->listings.size(), 1);
    QCOMPARE(history->listings.first().verdict, QStringLiteral("policy-listed"));
}

void TestListingRecorder::dnsblChecksBecomeBlacklistingsOnChange()
{
    // listed, listed (the same listing seen again), not listed, listed again: two blacklistings.
    QList<StoredListing> checks;
    const char *verdicts[] = {"listed", "listed", "not-listed", "listed"};
    for (int day = 0; day < 4; ++day) {
        StoredListing row;
        row.accountId = QStringLiteral("IXC-10133");
        row.listName = QStringLiteral("Spamhaus ZEN");
        row.zone = QStringLiteral("zen.spamhaus.org");
        row.addressOrRange = QStringLiteral("203.0.113.80");
        row.verdict = QLatin1String(verdicts[day]);
        row.checkedAt = demoUtc(2026, 11, 1 + day, 8);
        row.source = QStringLiteral("dnsbl");
        checks << row;
    }
    auto added = ListingRepository(*m_store).add(checks);
    QVERIFY2(added, qPrintable(added.error()));
    auto history = loadAccountHistory(*m_store, QStringLiteral("IXC-10133"), demoNow());
    QVERIFY2(history, qPrintable(history.error()));
    const QList<AccountEvent> found = blacklistings(*history);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).at, demoUtc(2026, 11, 1, 8));
    QCOMPARE(found.at(1).at, demoUtc(2026, 11, 4, 8));
    QCOMPARE(found.at(0).source, AccountEvent::Source::Dnsbl);
    QCOMPARE(found.at(0).reference, QStringLiteral("zen.spamhaus.org"));
    QCOMPARE(history->listings.size(), 4);
}

void TestListingRecorder::noticeListingsOfOddJson()
{
    const AccountRepository accounts(*m_store);
    const QDateTime fallback = demoUtc(2026, 11, 20);
    // No listings, no rows; nothing to read is not an error.
    auto none = noticeListings(accounts, 1, QJsonObject{}, fallback);
    QVERIFY(none && none->isEmpty());
    QVERIFY(!statesListings(QJsonObject{}));

    // An unreadable range is skipped (the report carries the problem); a listing without a date
    // takes the notice's arrival date, and a notice without one the receipt, then the fallback.
    const QJsonObject listingWithoutDate{{"list", "SBL"},
                                         {"listing_id", "SBL1"},
                                         {"range", "203.0.113.40/32"},
                                         {"listed_at", QJsonValue()}};
    const QJsonObject unreadable{{"list", "SBL"}, {"range", "not an address"}};
    QJsonObject analysis{
        {"report", QJsonObject{{"reporter", "Spamhaus"},
                               {"arrival_date", "2026-11-12T01:02:03Z"},
                               {"listings", QJsonArray{unreadable, listingWithoutDate}}}}};
    auto rows = noticeListings(accounts, 7, analysis, fallback);
    QVERIFY2(rows, qPrintable(rows.error()));
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().checkedAt,
             QDateTime(QDate(2026, 11, 12), QTime(1, 2, 3), QTimeZone::utc()));
    QCOMPARE(rows->first().accountId, QStringLiteral("IXC-10077"));
    QCOMPARE(rows->first().evidenceId.value_or(0), 7);

    QJsonObject report = analysis.value(u"report").toObject();
    report.remove(QStringLiteral("arrival_date"));
    analysis.insert(QStringLiteral("report"), report);
    rows = noticeListings(accounts, 7, analysis, fallback);
    QVERIFY(rows);
    QCOMPARE(rows->first().checkedAt, fallback);
}

QTEST_GUILESS_MAIN(TestListingRecorder)
#include "tst_listing_recorder.moc"
