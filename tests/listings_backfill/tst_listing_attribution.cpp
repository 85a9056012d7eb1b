// Blacklistings reach the right account whatever the order of imports: listings recorded before
// the customer directory (listing notices grouped first, DNSBL answers stored without an account)
// are attributed when the directory is imported (models/accounts/listing_attribution). Two
// stores of the same inputs, directory first and directory last, must end with the same
// listings per account, the same blacklistings in the account history, and the advisor's rule
// R1 for the accounts whose addresses were listed.
#include "listing_test_stores.h"

#include "accounts/account_history.h"
#include "enforcement/case_advice.h"
#include "enforcement/desk_dashboard.h"
#include "policy/liability.h"
#include "store/case_repository.h"

#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

// The import clock of the directory in the store that gets it last.
const QDateTime kAccountsAt = demoUtc(2026, 11, 18, 9);

// The reports a desk receives after the directory is in: a complaint of each listed account.
const QStringList kLateReports{QStringLiteral("01-arf-fbl-northwind.eml"),
                               QStringLiteral("06-forward-harbour-phish.eml")};

// DNSBL answers about Northwind's 203.0.113.12 and .13 and a stranger's address, stored without
// an account (`account` empty) or with the account a check of the account's addresses names.
QList<StoredListing> dnsblAnswers(const QString &northwind)
{
    QList<StoredListing> rows;
    auto answer = [&](const char *address, const char *verdict, const QString &account) {
        StoredListing row;
        row.accountId = account;
        row.listName = QStringLiteral("Spamhaus ZEN");
        row.zone = QStringLiteral("zen.spamhaus.org");
        row.addressOrRange = QLatin1String(address);
        if (QLatin1String(verdict) == QLatin1String("listed"))
            row.returnCodes = QStringList{QStringLiteral("127.0.0.2")};
        row.meaning = QStringLiteral("test answer");
        row.verdict = QLatin1String(verdict);
        row.checkedAt = demoUtc(2026, 11, 4, 8);
        row.source = QStringLiteral("dnsbl");
        rows << row;
    };
    answer("203.0.113.12", "listed", northwind);
    answer("203.0.113.13", "not-listed", northwind);
    answer("198.51.100.77", "listed", QString());
    return rows;
}

QStringList eventLines(const QList<AccountEvent> &events)
{
    QStringList lines;
    for (const AccountEvent &e : events)
        lines << e.at.toString(Qt::ISODate) + QLatin1Char('|') + e.reference + QLatin1Char('|') +
                     QString::number(int(e.source));
    return lines;
}

} // namespace

class TestListingAttribution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameListingsWhateverTheOrder();
    void attributionKeepsTheObservation();
    void historyShowsTheBlacklistings();
    void advisorCountsTheListings();
    void dashboardNamesTheAccounts();
    void importingAndGroupingAgainAddsNothing();
    void blockImportedLaterJoinsARange();
    void batchFailsWhole();
    void zenAnswerIsTheSblListing();

private:
    qint64 caseOfReport(CaseStore &store, const QString &messageId);

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_first; // the directory imported first
    std::unique_ptr<CaseStore> m_last;  // the reports imported and grouped first
    int m_rowsWithoutAccount = -1;      // in m_last before its directory came
    AccountImportSummary m_lastImport;
};

void TestListingAttribution::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto first = CaseStore::open(m_dir.filePath(QStringLiteral("first.db")));
    QVERIFY2(first, qPrintable(first.error()));
    m_first = std::move(*first);
    m_first->setActor(QStringLiteral("tester"));
    QCOMPARE(importAccounts(*m_first, demoUtc(2026, 11, 1)), QString());
    QCOMPARE(importReports(*m_first, demoReportsExcept({}) << noticeDir()), QString());
    QVERIFY(ListingRepository(*m_first).add(dnsblAnswers(QStringLiteral("IXC-10042"))));
    QCOMPARE(groupReports(*m_first, demoUtc(2026, 11, 17)), QString());

    auto last = CaseStore::open(m_dir.filePath(QStringLiteral("last.db")));
    QVERIFY2(last, qPrintable(last.error()));
    m_last = std::move(*last);
    m_last->setActor(QStringLiteral("tester"));
    QCOMPARE(importReports(*m_last, demoReportsExcept(kLateReports) << noticeDir()), QString());
    QVERIFY(ListingRepository(*m_last).add(dnsblAnswers(QString())));
    CaseAssignmentSummary grouped;
    QCOMPARE(groupReports(*m_last, demoUtc(2026, 11, 17), &grouped), QString());
    // The demo notice, 2 range notices, 3 listings of one notice: nobody known held any of them.
    QCOMPARE(grouped.listingsRecorded, 1 + 1 + 1 + 3);
    auto before = ListingRepository(*m_last).all();
    QVERIFY2(before, qPrintable(before.error()));
    m_rowsWithoutAccount = 0;
    for (const StoredListing &l : *before)
        m_rowsWithoutAccount += l.accountId.isEmpty() ? 1 : 0;

    QCOMPARE(importAccounts(*m_last, kAccountsAt, &m_lastImport), QString());
    QCOMPARE(importReports(*m_last, {demoReport("01-arf-fbl-northwind.eml"),
                                     demoReport("06-forward-harbour-phish.eml")}),
             QString());
    QCOMPARE(groupReports(*m_last, kAccountsAt.addSecs(3600)), QString());
}

void TestListingAttribution::cleanupTestCase()
{
    m_first.reset();
    m_last.reset();
}

qint64 TestListingAttribution::caseOfReport(CaseStore &store, const QString &messageId)
{
    const qint64 evidence = evidenceWithMessageId(store, messageId);
    auto found = CaseRepository(store).caseOfReport(evidence);
    return found && found->has_value() ? **found : 0;
}

void TestListingAttribution::sameListingsWhateverTheOrder()
{
    QCOMPARE(m_rowsWithoutAccount, 9);
    // The demo notice (IXC-10077); the /27 now (IXC-10077, IXC-10088) and in March (IXC-10015,
    // IXC-10088); the DBL domain (IXC-10088, from domains.csv) and the PBL (IXC-10120); the two
    // answers about Northwind's addresses. 203.0.113.200 and 198.51.100.77 are nobody's.
    QCOMPARE(m_lastImport.listingsAttributed, 1 + 2 + 2 + 1 + 1 + 2);

    auto first = ListingRepository(*m_first).all();
    auto last = ListingRepository(*m_last).all();
    QVERIFY2(first && last, qPrintable(first ? last.error() : first.error()));
    const QStringList expected = listingLines(*m_first, *first);
    QCOMPARE(expected.size(), 11);
    QCOMPARE(listingLines(*m_last, *last), expected);

    for (const char *account : {"IXC-10015", "IXC-10042", "IXC-10077", "IXC-10088", "IXC-10120"}) {
        auto a = ListingRepository(*m_first).forAccount(QLatin1String(account));
        auto b = ListingRepository(*m_last).forAccount(QLatin1String(account));
        QVERIFY(a && b);
        QVERIFY2(!a->isEmpty(), account);
        QCOMPARE(listingLines(*m_last, *b), listingLines(*m_first, *a));
    }
}

void TestListingAttribution::attributionKeepsTheObservation()
{
    const qint64 notice = evidenceWithMessageId(
        *m_last, QStringLiteral("SBL000123.1794293462.notify@spamhaus.example"));
    auto rows = ListingRepository(*m_last).forAccount(QStringLiteral("IXC-10077"));
    QVERIFY2(rows, qPrintable(rows.error()));
    const StoredListing *sbl = nullptr;
    for (const StoredListing &row : *rows) {
        if (row.evidenceId == notice)
            sbl = &row;
    }
    QVERIFY(sbl);
    // As observed: the notice's time, source and evidence; the account came later, said so.
    QCOMPARE(sbl->checkedAt, QDateTime(QDate(2026, 11, 10), QTime(6, 40, 11), QTimeZone::utc()));
    QCOMPARE(sbl->source, QStringLiteral("report"));
    QCOMPARE(sbl->verdict, QStringLiteral("listed"));
    QCOMPARE(sbl->attributedAt, kAccountsAt);
    QVERIFY2(sbl->attributionReason.contains(QStringLiteral("IXC-10077 held 203.0.113.40")) &&
                 sbl->attributionReason.contains(QStringLiteral("2026-11-10 06:40:11 UTC")) &&
                 sbl->attributionReason.contains(QStringLiteral("ip_assignments.csv")),
             qPrintable(sbl->attributionReason));

    // The store that knew the directory first recorded the account with the observation.
    auto recorded = ListingRepository(*m_first).forAccount(QStringLiteral("IXC-10077"));
    QVERIFY(recorded);
    for (const StoredListing &row : *recorded) {
        QVERIFY(!row.attributedAt.isValid());
        QVERIFY(row.attributionReason.isEmpty());
    }

    // The DBL listing came with the domains, a file later.
    auto bluefin = ListingRepository(*m_last).forAccount(QStringLiteral("IXC-10088"));
    QVERIFY(bluefin);
    bool domain = false;
    for (const StoredListing &row : *bluefin) {
        if (row.addressOrRange == u"bluefin-media.example") {
            domain = true;
            QVERIFY2(row.attributionReason.contains(QStringLiteral("domains.csv")),
                     qPrintable(row.attributionReason));
        }
    }
    QVERIFY(domain);

    // One audit entry per directory file that attributed anything, naming what and why.
    const QList<AuditEntry> entries = auditEntries(*m_last, QStringLiteral("listing-attribution"));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).details.value(QStringLiteral("count")).toInt(), 8);
    QCOMPARE(entries.at(0).why, QStringLiteral("the account file ip_assignments.csv was imported"));
    QCOMPARE(entries.at(1).subject, QStringLiteral("IXC-10088"));
    QCOMPARE(entries.at(1).details.value(QStringLiteral("count")).toInt(), 1);
    auto verified = AuditLog(*m_last).verify();
    QVERIFY2(verified && verified->intact, qPrintable(verified ? verified->problem : ""));
}

void TestListingAttribution::historyShowsTheBlacklistings()
{
    for (const char *account : {"IXC-10042", "IXC-10077", "IXC-10088", "IXC-10015"}) {
        auto first = loadAccountHistory(*m_first, QLatin1String(account), demoNow());
        auto last = loadAccountHistory(*m_last, QLatin1String(account), demoNow());
        QVERIFY2(first && last, qPrintable(first ? last.error() : first.error()));
        QVERIFY2(!blacklistings(*last).isEmpty(), account);
        QCOMPARE(eventLines(blacklistings(*last)), eventLines(blacklistings(*first)));
        QCOMPARE(last->listings.size(), first->listings.size());
    }
    auto harbour = loadAccountHistory(*m_last, QStringLiteral("IXC-10077"), demoNow());
    QVERIFY(harbour);
    const QList<AccountEvent> found = blacklistings(*harbour);
    QCOMPARE(found.first().reference,
             QStringLiteral("SBL000123.1794293462.notify@spamhaus.example"));
    QCOMPARE(found.first().source, AccountEvent::Source::Report);
    auto northwind = loadAccountHistory(*m_last, QStringLiteral("IXC-10042"), demoNow());
    QVERIFY(northwind);
    QCOMPARE(blacklistings(*northwind).size(), 1);
    QCOMPARE(blacklistings(*northwind).first().source, AccountEvent::Source::Dnsbl);
    QCOMPARE(blacklistings(*northwind).first().at, demoUtc(2026, 11, 4, 8));
}

void TestListingAttribution::advisorCountsTheListings()
{
    // Northwind through the DNSBL answer about 203.0.113.12, the bakery through the SBL notice.
    for (const char *account : {"IXC-10042", "IXC-10077"}) {
        auto cases = CaseRepository(*m_last).cases();
        QVERIFY(cases);
        qint64 caseId = 0;
        for (const CaseRecord &c : *cases) {
            if (c.accountId == QLatin1String(account))
                caseId = c.id;
        }
        QVERIFY2(caseId > 0, account);
        auto advice = adviseCase(*m_last, caseId, AdvisorSettings{}, demoNow());
        QVERIFY2(advice, qPrintable(advice.error()));
        QCOMPARE(advice->recommendation.ruleId, QStringLiteral("R1"));
        QCOMPARE(advice->recommendation.action, QStringLiteral("termination-liability"));
        QVERIFY(!advice->facts.listings.isEmpty());
        // One incident per listed address and list, as in the store that had the directory first.
        const int incidents = int(incidentsFromListings(advice->input.listings).size());
        QVERIFY(incidents > 0);
        auto firstCases = CaseRepository(*m_first).cases();
        QVERIFY(firstCases);
        for (const CaseRecord &c : *firstCases) {
            if (c.accountId != QLatin1String(account))
                continue;
            auto other = adviseCase(*m_first, c.id, AdvisorSettings{}, demoNow());
            QVERIFY(other);
            QCOMPARE(other->recommendation.ruleId, QStringLiteral("R1"));
            QCOMPARE(int(incidentsFromListings(other->input.listings).size()), incidents);
        }
    }
}

void TestListingAttribution::dashboardNamesTheAccounts()
{
    auto board = loadDeskDashboard(*m_last, demoNow());
    QVERIFY2(board, qPrintable(board.error()));
    QStringList unattributed;
    QStringList harbour;
    for (const StoredListing &l : board->listingsInForce) {
        if (l.accountId.isEmpty())
            unattributed << l.addressOrRange;
        if (l.accountId == u"IXC-10077")
            harbour << l.addressOrRange;
    }
    unattributed.sort();
    QCOMPARE(unattributed,
             (QStringList{QStringLiteral("198.51.100.77"), QStringLiteral("203.0.113.200")}));
    QVERIFY2(harbour.contains(QStringLiteral("203.0.113.40")), qPrintable(harbour.join(' ')));
    auto first = loadDeskDashboard(*m_first, demoNow());
    QVERIFY(first);
    QCOMPARE(listingLines(*m_last, board->listingsInForce),
             listingLines(*m_first, first->listingsInForce));
}

void TestListingAttribution::importingAndGroupingAgainAddsNothing()
{
    const int entries = auditEntryCount(*m_last);
    auto before = ListingRepository(*m_last).all();
    QVERIFY(before);
    AccountImportSummary again;
    QCOMPARE(importAccounts(*m_last, kAccountsAt.addDays(1), &again), QString());
    QCOMPARE(again.listingsAttributed, 0);
    QCOMPARE(again.imported, 0);
    CaseAssignmentSummary regrouped;
    QCOMPARE(groupReports(*m_last, kAccountsAt.addDays(1), &regrouped), QString());
    QCOMPARE(regrouped.listingsRecorded, 0);
    QVERIFY(regrouped.placements.isEmpty());
    QCOMPARE(auditEntryCount(*m_last), entries);
    auto after = ListingRepository(*m_last).all();
    QVERIFY(after);
    QCOMPARE(listingLines(*m_last, *after), listingLines(*m_last, *before));
    auto verified = AuditLog(*m_last).verify();
    QVERIFY(verified && verified->intact);
}

void TestListingAttribution::blockImportedLaterJoinsARange()
{
    // The directory comes in two exports: first only IXC-10088's block, then all of them. The
    // /27 notice grouped in between is recorded for IXC-10088; the second export adds IXC-10077
    // to that observation, and IXC-10088 keeps its one row.
    QTemporaryDir dir;
    auto opened = CaseStore::open(dir.filePath(QStringLiteral("partial.db")));
    QVERIFY2(opened, qPrintable(opened.error()));
    CaseStore &store = **opened;
    const QString partial = dir.filePath(QStringLiteral("ip_assignments_partial.csv"));
    {
        QFile file(partial);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("account_id,prefix,valid_from,valid_to,service_id\n"
                   "IXC-10088,203.0.113.48/30,2025-07-09,,VPS-3012\n");
    }
    const QString customers = demoAccountCsvs().first();
    AccountImportSummary first;
    QCOMPARE(importAccounts(store, demoUtc(2026, 11, 1), &first, {customers, partial}), QString());
    QCOMPARE(first.listingsAttributed, 0);
    QCOMPARE(
        importReports(store, {noticeDir() + QStringLiteral("/spamhaus-range-two-accounts.eml")}),
        QString());
    QCOMPARE(groupReports(store, demoUtc(2026, 11, 16)), QString());
    auto recorded = ListingRepository(store).all();
    QVERIFY(recorded);
    QCOMPARE(recorded->size(), 1);
    QCOMPARE(recorded->first().accountId, QStringLiteral("IXC-10088"));

    AccountImportSummary second;
    QCOMPARE(importAccounts(store, demoUtc(2026, 11, 17), &second), QString());
    QCOMPARE(second.listingsAttributed, 1);
    auto all = ListingRepository(store).all();
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).id, all->at(1).id); // one observation, two accounts
    QCOMPARE(all->at(0).accountId, QStringLiteral("IXC-10077"));
    QVERIFY(all->at(0).attributedAt.isValid());
    QCOMPARE(all->at(1).accountId, QStringLiteral("IXC-10088"));
    QVERIFY(!all->at(1).attributedAt.isValid());
    QCOMPARE(ListingRepository(store).forAccount(QStringLiteral("IXC-10088"))->size(), 1);
    QCOMPARE(ListingRepository(store).forAccount(QStringLiteral("IXC-10077"))->size(), 1);

    AccountImportSummary third;
    QCOMPARE(importAccounts(store, demoUtc(2026, 11, 18), &third), QString());
    QCOMPARE(third.listingsAttributed, 0);
}

void TestListingAttribution::batchFailsWhole()
{
    QTemporaryDir dir;
    auto opened = CaseStore::open(dir.filePath(QStringLiteral("batch.db")));
    QVERIFY2(opened, qPrintable(opened.error()));
    CaseStore &store = **opened;
    QCOMPARE(importAccounts(store, demoUtc(2026, 11, 1), nullptr, {demoAccountCsvs().first()}),
             QString());
    ListingRepository listings(store);
    auto ids = listings.add(dnsblAnswers(QString()) << dnsblAnswers(QStringLiteral("IXC-10042")));
    QVERIFY2(ids, qPrintable(ids.error()));
    const int entries = auditEntryCount(store);

    const ListingAttribution good{ids->at(0), QStringLiteral("IXC-10042"), demoUtc(2026, 11, 5),
                                  QStringLiteral("a test")};
    ListingAttribution unknownAccount = good;
    unknownAccount.listingId = ids->at(1);
    unknownAccount.accountId = QStringLiteral("IXC-99999");
    ListingAttribution noReason = good;
    noReason.listingId = ids->at(2);
    noReason.reason.clear();
    ListingAttribution unknownListing = good;
    unknownListing.listingId = 999;
    ListingAttribution recordedAccount = good;
    recordedAccount.listingId = ids->at(3); // recorded for IXC-10042
    for (const ListingAttribution &bad :
         {unknownAccount, noReason, unknownListing, recordedAccount, good}) {
        const Status status = listings.attribute({good, bad}, QStringLiteral("test"));
        QVERIFY(!status); // the last pair is `good` twice: the same account named twice
        QCOMPARE(auditEntryCount(store), entries);
        auto all = listings.all();
        QVERIFY(all);
        for (const StoredListing &l : *all)
            QVERIFY(!l.attributedAt.isValid());
    }
    QVERIFY(listings.attribute({good}, QStringLiteral("test")));
    QCOMPARE(auditEntryCount(store), entries + 1);
    // Attributed already: the same account cannot be added to it again.
    QVERIFY(!listings.attribute({good}, QStringLiteral("test")));
}

// The bakery's SBL notice, then ZEN checks of the same address: 127.0.0.2 is that SBL listing
// (no new incident), 127.0.0.2 with 127.0.0.4 adds the XBL listing (one more). Runs last: it
// adds rows to the store.
void TestListingAttribution::zenAnswerIsTheSblListing()
{
    const auto incidentsOf = [this]() {
        qint64 caseId = 0;
        const auto cases = CaseRepository(*m_first).cases();
        for (const CaseRecord &c : cases.value()) {
            if (c.accountId == QLatin1String("IXC-10077"))
                caseId = c.id;
        }
        auto advice = adviseCase(*m_first, caseId, AdvisorSettings{}, demoNow());
        return advice ? incidentsFromListings(advice->input.listings) : QList<LiabilityIncident>();
    };
    const QList<LiabilityIncident> before = incidentsOf();
    QVERIFY(!before.isEmpty());
    StoredListing zen;
    zen.accountId = QStringLiteral("IXC-10077");
    zen.listName = QStringLiteral("Spamhaus ZEN");
    zen.zone = QStringLiteral("zen.spamhaus.org");
    zen.addressOrRange = QStringLiteral("203.0.113.40");
    zen.returnCodes = {QStringLiteral("127.0.0.2")};
    zen.meaning = QStringLiteral("127.0.0.2: listed on SBL (Spamhaus Block List)");
    zen.verdict = QStringLiteral("listed");
    zen.checkedAt = demoUtc(2026, 11, 12, 8);
    zen.source = QStringLiteral("dnsbl");
    QVERIFY(ListingRepository(*m_first).add({zen}));
    const QList<LiabilityIncident> sameListing = incidentsOf();
    QCOMPARE(sameListing.size(), before.size());

    zen.returnCodes = {QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.4")};
    zen.checkedAt = demoUtc(2026, 11, 13, 8);
    QVERIFY(ListingRepository(*m_first).add({zen}));
    const QList<LiabilityIncident> withXbl = incidentsOf();
    QCOMPARE(withXbl.size(), before.size() + 1);
    const auto xbl = std::find_if(withXbl.cbegin(), withXbl.cend(), [](const auto &incident) {
        return incident.listName == QLatin1String("Spamhaus XBL");
    });
    QVERIFY(xbl != withXbl.cend());
    QCOMPARE(xbl->addressOrRange, QStringLiteral("203.0.113.40"));
}

QTEST_GUILESS_MAIN(TestListingAttribution)
#include "tst_listing_attribution.moc"
