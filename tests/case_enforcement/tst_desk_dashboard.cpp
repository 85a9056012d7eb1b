// The desk's dashboard on the demo data: open cases by deadline state, reports per day and
// format, accounts of the week, listings in force, suspensions ending soon; and the page, whose
// every number lists what it counts and leads on to the case, account or report.
#include "../cases_views/demo_cases.h"

#include "dashboard/dashboard_panel.h"
#include "enforcement/desk_dashboard.h"
#include "itemmodels/dashboard_list_model.h"
#include "store/case_repository.h"
#include "store/decision_repository.h"
#include "store/notice_repository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Awb;

namespace {
const QDateTime kCampaignWeek(QDate(2026, 11, 8), QTime(12, 0), Qt::UTC);
}

class TestDeskDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deadlineStates();
    void reportsPerDay();
    void listingsInForce();
    void suspensionsEndingSoon();
    void hongKongDay();
    void panelListsWhatEachNumberCounts();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    // The demo's receipts are partly stamped by our servers (November 2026) and partly the
    // import time (now): the clock of the test is the real one, and windows are wide.
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};

void TestDeskDashboard::initTestCase()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("board.awbcase")));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QCOMPARE(DemoCases::importDemo(*m_store), QString());
    // After the import: receipts stamped at import time must lie in the past of the dashboard.
    m_now = QDateTime::currentDateTimeUtc().addSecs(60);
    QCOMPARE(DemoCases::groupDemo(*m_store, m_now), QString());
}

void TestDeskDashboard::deadlineStates()
{
    auto cases = CaseRepository(*m_store).cases();
    QVERIFY(cases);
    // One case waits on the customer, one is closed: neither may count as overdue.
    qint64 waiting = 0, closed = 0;
    for (const CaseRecord &record : *cases) {
        if (record.responseDue.isValid() && record.responseDue < m_now) {
            if (!waiting)
                waiting = record.id;
            else if (!closed)
                closed = record.id;
        }
    }
    QVERIFY(waiting && closed);
    CaseRepository repository(*m_store);
    QVERIFY(repository.setStatus(waiting, QStringLiteral("awaiting-customer"), "test", "asked"));
    QVERIFY(repository.setStatus(closed, QStringLiteral("closed"), "test", "done"));

    auto board = loadDeskDashboard(*m_store, m_now, 3650);
    QVERIFY2(board, qPrintable(board.error()));
    int open = 0;
    for (const CaseRecord &record : *cases)
        open += record.status != QLatin1String("closed") && record.mergedInto.isEmpty();
    QCOMPARE(board->overdue.size() + board->dueToday.size() + board->awaitingCustomer.size() +
                 board->otherOpen.size(),
             open - 1);
    QVERIFY(!board->overdue.isEmpty());
    for (const DashboardCase &item : board->overdue) {
        QVERIFY(item.responseDue < m_now);
        QVERIFY(item.id != waiting && item.id != closed);
    }
    QCOMPARE(board->awaitingCustomer.size(), 1);
    QCOMPARE(board->awaitingCustomer.first().id, waiting);
    for (int i = 1; i < board->overdue.size(); ++i)
        QVERIFY(board->overdue.at(i - 1).responseDue <= board->overdue.at(i).responseDue);

    // A case the desk has answered (a notice saved) is no longer overdue: the case view's rule.
    const DashboardCase answered = board->overdue.first();
    NoticeRecord notice;
    notice.caseId = answered.id;
    notice.type = QStringLiteral("acknowledgement");
    notice.recipientRole = QStringLiteral("reporter");
    notice.recipient = QStringLiteral("reporter@example.net");
    notice.subject = QStringLiteral("[%1] received").arg(answered.publicId);
    notice.messageId = QStringLiteral("dashboard-test@ix.cm");
    notice.createdAt = m_now;
    notice.who = QStringLiteral("test");
    notice.eml = "Subject: received\n\nThank you.\n";
    QVERIFY(NoticeRepository(*m_store).add(notice));
    auto after = loadDeskDashboard(*m_store, m_now, 3650);
    QVERIFY(after);
    QCOMPARE(after->overdue.size(), board->overdue.size() - 1);
    bool stillOpen = false;
    for (const DashboardCase &item : after->otherOpen)
        stillOpen |= item.id == answered.id;
    QVERIFY(stillOpen);
}

void TestDeskDashboard::reportsPerDay()
{
    auto board = loadDeskDashboard(*m_store, m_now, 3650);
    QVERIFY2(board, qPrintable(board.error()));
    QCOMPARE(board->days.size(), 3650);
    QCOMPARE(board->days.last(), hongKongDate(m_now));
    int total = 0;
    for (const auto &formats : std::as_const(board->reportsPerDay)) {
        for (int count : formats)
            total += count;
    }
    QCOMPARE(total, board->chartReports.size());
    QVERIFY(total >= 9); // the ten demo reports, less any without a receipt
    for (const char *format : {"arf", "spamcop", "xarf", "spamhaus"})
        QVERIFY2(board->formats.contains(QLatin1String(format)), format);
    // A window of one day holds only what was received today (Hong Kong).
    auto today = loadDeskDashboard(*m_store, m_now, 1);
    QVERIFY(today);
    QCOMPARE(today->days.size(), 1);
    for (const DashboardReport &report : today->chartReports)
        QCOMPARE(hongKongDate(report.receivedAt), hongKongDate(m_now));
    // The week of the northwind campaign (its receipts are stamped by our servers, 2-5 Nov).
    auto week = loadDeskDashboard(*m_store, kCampaignWeek, 30);
    QVERIFY(week);
    QVERIFY(!week->topAccounts.isEmpty());
    QCOMPARE(week->topAccounts.first().accountId, QStringLiteral("IXC-10042"));
    for (int i = 1; i < week->topAccounts.size(); ++i)
        QVERIFY(week->topAccounts.at(i - 1).reportsLast7Days >=
                week->topAccounts.at(i).reportsLast7Days);
}

void TestDeskDashboard::listingsInForce()
{
    auto before = loadDeskDashboard(*m_store, m_now, 1);
    QVERIFY(before);
    const int already = int(before->listingsInForce.size());
    StoredListing listed;
    listed.accountId = QStringLiteral("IXC-10133");
    listed.listName = QStringLiteral("Spamhaus ZEN");
    listed.zone = QStringLiteral("zen.spamhaus.org");
    listed.addressOrRange = QStringLiteral("198.51.100.77");
    listed.returnCodes = {QStringLiteral("127.0.0.2")};
    listed.meaning = QStringLiteral("SBL");
    listed.verdict = QStringLiteral("listed");
    listed.checkedAt = m_now.addDays(-3);
    listed.source = QStringLiteral("dnsbl");
    StoredListing stillListed = listed;
    stillListed.addressOrRange = QStringLiteral("198.51.100.78");
    StoredListing clean = listed;
    clean.verdict = QStringLiteral("not-listed");
    clean.returnCodes = {};
    clean.checkedAt = m_now.addDays(-1);
    // An older "listed" stored after a newer clean check must not restart the listing.
    StoredListing older = listed;
    older.checkedAt = m_now.addDays(-10);
    QVERIFY(ListingRepository(*m_store).add({listed, stillListed, clean, older}));

    auto board = loadDeskDashboard(*m_store, m_now, 1);
    QVERIFY(board);
    QCOMPARE(board->listingsInForce.size(), already + 1);
    bool sawStill = false;
    for (const StoredListing &listing : board->listingsInForce) {
        QVERIFY(listing.addressOrRange != QLatin1String("198.51.100.77"));
        sawStill |= listing.addressOrRange == QLatin1String("198.51.100.78");
    }
    QVERIFY(sawStill);
}

void TestDeskDashboard::suspensionsEndingSoon()
{
    AccountRepository accounts(*m_store);
    auto customer = accounts.customer(QStringLiteral("IXC-10088"));
    QVERIFY(customer && customer->has_value());
    CustomerRecord suspended = **customer;
    suspended.suspendedUntil = m_now.addDays(5);
    QVERIFY(accounts.upsertCustomer(suspended));
    auto board = loadDeskDashboard(*m_store, m_now, 1, 14);
    QVERIFY(board);
    QCOMPARE(board->suspensionsEndingSoon.size(), 1);
    QCOMPARE(board->suspensionsEndingSoon.first().accountId, QStringLiteral("IXC-10088"));
    auto notSoon = loadDeskDashboard(*m_store, m_now, 1, 3);
    QVERIFY(notSoon);
    QVERIFY(notSoon->suspensionsEndingSoon.isEmpty());

    // A suspension decided on a case counts too, ending when the decision says.
    auto cases = CaseRepository(*m_store).cases();
    QVERIFY(cases);
    qint64 caseId = 0;
    QString account;
    for (const CaseRecord &record : *cases) {
        if (!record.accountId.isEmpty() && record.accountId != u"IXC-10088") {
            caseId = record.id;
            account = record.accountId;
            break;
        }
    }
    QVERIFY(caseId);
    DecisionRecord decision;
    decision.caseId = caseId;
    decision.chosenAction = QStringLiteral("suspension");
    decision.chosenDays = 7;
    decision.proposedAction = QStringLiteral("suspension");
    decision.proposedDays = 7;
    decision.who = QStringLiteral("test");
    decision.decidedAt = m_now;
    decision.suspensionStart = m_now.addDays(-1);
    decision.suspensionEnd = m_now.addDays(6);
    QVERIFY(DecisionRepository(*m_store).record(decision));
    auto decided = loadDeskDashboard(*m_store, m_now, 1, 14);
    QVERIFY(decided);
    QCOMPARE(decided->suspensionsEndingSoon.size(), 2);
    QCOMPARE(decided->suspensionsEndingSoon.first().accountId, QStringLiteral("IXC-10088"));
    QCOMPARE(decided->suspensionsEndingSoon.last().accountId, account);
    QCOMPARE(decided->suspensionsEndingSoon.last().endsAt, m_now.addDays(6));
}

void TestDeskDashboard::hongKongDay()
{
    // 16:00 UTC is already the next day in Hong Kong (UTC+8).
    QCOMPARE(hongKongDate(QDateTime(QDate(2026, 12, 31), QTime(16, 0), Qt::UTC)),
             QDate(2027, 1, 1));
    QCOMPARE(hongKongDate(QDateTime(QDate(2026, 12, 31), QTime(15, 59, 59), Qt::UTC)),
             QDate(2026, 12, 31));
}

void TestDeskDashboard::panelListsWhatEachNumberCounts()
{
    DashboardPanel panel;
    QAbstractItemModelTester tester(panel.listModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setNow(kCampaignWeek);
    panel.setStore(m_store.get());
    panel.resize(1200, 800);
    const DeskDashboard &board = panel.dashboard();
    const QList<QToolButton *> tiles = panel.tiles();
    QCOMPARE(tiles.size(), 7);
    QVERIFY(tiles.at(0)->text().startsWith(QString::number(board.overdue.size())));

    // Each case tile lists exactly its cases; the first that has any leads to its case.
    const QList<DashboardCase> *lists[] = {&board.overdue, &board.dueToday, &board.awaitingCustomer,
                                           &board.otherOpen};
    auto *table = panel.findChild<QTableView *>();
    QVERIFY(table);
    QSignalSpy cases(&panel, &DashboardPanel::caseActivated);
    for (int tile = 0; tile < 4; ++tile) {
        QTest::mouseClick(tiles.at(tile), Qt::LeftButton);
        QCOMPARE(panel.listModel()->rowCount(), lists[tile]->size());
        if (lists[tile]->isEmpty() || !cases.isEmpty())
            continue;
        QCOMPARE(panel.listModel()->index(0, 0).data().toString(), lists[tile]->first().publicId);
        Q_EMIT table->activated(panel.listModel()->index(0, 1));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().first().toLongLong(), lists[tile]->first().id);
    }
    QCOMPARE(cases.size(), 1);

    QSignalSpy accounts(&panel, &DashboardPanel::accountActivated);
    QTest::mouseClick(tiles.at(6), Qt::LeftButton);
    QCOMPARE(panel.listModel()->rowCount(), board.topAccounts.size());
    Q_EMIT table->activated(panel.listModel()->index(0, 0));
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().first().toString(), board.topAccounts.first().accountId);

    QSignalSpy reports(&panel, &DashboardPanel::reportActivated);
    const DashboardReport first = board.chartReports.first();
    panel.showReportsOf(hongKongDate(first.receivedAt), first.format);
    QVERIFY(panel.listModel()->rowCount() >= 1);
    Q_EMIT table->activated(panel.listModel()->index(0, 0));
    QCOMPARE(reports.size(), 1);

    QTest::mouseClick(tiles.at(4), Qt::LeftButton);
    QCOMPARE(panel.listModel()->rowCount(), board.listingsInForce.size());
    const QImage shot = panel.grab().toImage();
    QVERIFY(!shot.isNull());
    if (qEnvironmentVariableIsSet("AWB_SCREENSHOT_DIR"))
        shot.save(qEnvironmentVariable("AWB_SCREENSHOT_DIR") + QStringLiteral("/dashboard.png"));
}

QTEST_MAIN(TestDeskDashboard)
#include "tst_desk_dashboard.moc"
