// "Check Blocklists" on the account page, driven through the widgets (offscreen): a click on the
// button, the progress and Cancel while the lookups run, the answers recorded as listings and
// shown in the page's listings and timeline. The DNS server is the loopback one of the DNSBL
// tests, with zones under the reserved .test TLD, so nothing here reaches the internet.
#include "../accounts_views/demo_account_store.h"
#include "loopback_dns_server.h"

#include "accounts/account_history_view.h"
#include "accounts/account_timeline_view.h"
#include "accounts/accounts_panel.h"
#include "itemmodels/account_listing_model.h"
#include "store/listing_repository.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

const QString kZone = QStringLiteral("gui.dnsbl.test");
const QString kSilentZone = QStringLiteral("silent.dnsbl.test");

} // namespace

class TestAccountBlocklistPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void checkRecordsAndShowsTheAnswers();
    void largePrefixesAreSampled();
    void cancelStopsWithoutWaiting();
    void storeReplacedMidCheckRecordsNothing();
    void badSettingsAreShown();

private:
    DnsblSettings settingsFor(const QString &zone, int timeoutMs) const;
    std::unique_ptr<AccountsPanel> newPanel(const QString &accountId);

    LoopbackDnsServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
};

void TestAccountBlocklistPanel::initTestCase()
{
    // Not a skip: without the server the check is untested, and that must show as a failure.
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_server.addA(QStringLiteral("40.113.0.203.") + kZone, QStringLiteral("127.0.0.2"));
    m_server.addTxt(QStringLiteral("40.113.0.203.") + kZone, QStringLiteral("Listed for the test"));
    m_server.addSilentZone(kSilentZone);
    QString error;
    m_store = buildDemoAccountStore(m_dir, &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TestAccountBlocklistPanel::cleanupTestCase()
{
    m_store.reset();
}

DnsblSettings TestAccountBlocklistPanel::settingsFor(const QString &zone, int timeoutMs) const
{
    DnsblSettings settings;
    settings.zones = {dnsblZoneFor(zone)};
    settings.nameserver = m_server.address();
    settings.timeoutMs = timeoutMs;
    return settings;
}

std::unique_ptr<AccountsPanel> TestAccountBlocklistPanel::newPanel(const QString &accountId)
{
    auto panel = std::make_unique<AccountsPanel>();
    panel->setNow(demoNow());
    panel->setStore(m_store.get());
    panel->resize(1400, 860);
    panel->show();
    if (!QTest::qWaitForWindowExposed(panel.get()))
        return nullptr;
    panel->showAccount(accountId);
    return panel;
}

void TestAccountBlocklistPanel::checkRecordsAndShowsTheAnswers()
{
    auto panel = newPanel(QStringLiteral("IXC-10077"));
    QVERIFY(panel);
    panel->setDnsblSettings(settingsFor(kZone, 3000));
    QAbstractItemModelTester tester(panel->listingTable()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The demo's Spamhaus notice is on the page already, recorded when the reports were grouped.
    QCOMPARE(panel->history().listings.size(), 1);
    QCOMPARE(panel->listingTable()->model()->rowCount(), 1);

    QPushButton *check = panel->checkButton();
    QVERIFY(check->isEnabled());
    QSignalSpy finished(panel.get(), &AccountsPanel::blocklistCheckFinished);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(check, Qt::LeftButton);
    // The click returned at once: the lookups run while the window goes on.
    QVERIFY(clock.elapsed() < 1000);
    QVERIFY(panel->isCheckingBlocklists());
    QVERIFY(!check->isEnabled());
    QVERIFY(panel->findChild<QProgressBar *>(QStringLiteral("blocklistProgress"))->isVisible());
    QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("cancelBlocklistCheck"))->isVisible());
    QVERIFY(finished.wait(10000));
    QVERIFY(!panel->isCheckingBlocklists());
    QVERIFY(check->isEnabled());
    QVERIFY(!panel->findChild<QProgressBar *>(QStringLiteral("blocklistProgress"))->isVisible());
    QVERIFY2(panel->checkStatusText().startsWith(
                 QStringLiteral("1 of 1 checks done: 1 listed, 0 without an answer; 1 recorded.")),
             qPrintable(panel->checkStatusText()));
    QVERIFY(m_server.queries().contains(QStringLiteral("40.113.0.203.") + kZone +
                                        QStringLiteral(" A")));

    // Recorded, and on the page: the listings table (now the current tab) and the timeline.
    auto stored = ListingRepository(*m_store).forAccount(QStringLiteral("IXC-10077"));
    QVERIFY(stored);
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->last().source, QStringLiteral("dnsbl"));
    QCOMPARE(stored->last().zone, kZone);
    QCOMPARE(stored->last().verdict, QStringLiteral("listed"));
    QCOMPARE(stored->last().returnCodes, QStringList{QStringLiteral("127.0.0.2")});
    QTableView *table = panel->listingTable();
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY(table->isVisible());
    QStringList verdicts;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        verdicts << table->model()
                        ->index(row, int(AccountListingModel::Column::Source))
                        .data()
                        .toString();
    verdicts.sort();
    QCOMPARE(verdicts,
             (QStringList{QStringLiteral("DNSBL check"), QStringLiteral("Listing notice")}));
    int blacklistings = 0;
    for (const AccountEvent &e : panel->history().events)
        blacklistings += e.kind == AccountEvent::Kind::Blacklisting ? 1 : 0;
    QCOMPARE(blacklistings, 2); // the notice's and the check's

    // The check is dated by the real clock, the page by the test's: seen from just after the
    // check, its blacklisting is a marker of the timeline.
    panel->setNow(stored->last().checkedAt.addSecs(60));
    panel->reload();
    int inWindow = 0;
    bool checkInWindow = false;
    for (const AccountEvent &e : panel->history().events) {
        if (e.kind != AccountEvent::Kind::Blacklisting || !e.inWindow)
            continue;
        ++inWindow;
        checkInWindow = checkInWindow || e.source == AccountEvent::Source::Dnsbl;
    }
    QVERIFY(checkInWindow);
    int markers = 0;
    for (QAbstractSeries *series : panel->timelineView()->chart()->series()) {
        auto *scatter = qobject_cast<QScatterSeries *>(series);
        if (scatter && scatter->name() == u"Blacklisting")
            markers = scatter->count();
    }
    QCOMPARE(markers, inWindow);
    QTest::qWait(50);
    QVERIFY(panel->grab().save(QStringLiteral("/tmp/awb-account-blocklists.png")));
}

void TestAccountBlocklistPanel::largePrefixesAreSampled()
{
    // IXC-10042 holds a /29 (eight addresses) and an IPv6 /64 (its first address only).
    auto panel = newPanel(QStringLiteral("IXC-10042"));
    QVERIFY(panel);
    panel->setDnsblSettings(settingsFor(kZone, 3000));
    QSignalSpy finished(panel.get(), &AccountsPanel::blocklistCheckFinished);
    QTest::mouseClick(panel->checkButton(), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    const QString status = panel->checkStatusText();
    QVERIFY2(status.startsWith(QStringLiteral("9 of 9 checks done: 0 listed")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("2001:db8:1c:2::/64 is larger than one address; only "
                                            "its first address, 2001:db8:1c:2::, was checked")),
             qPrintable(status));
    QCOMPARE(panel->history().listings.size(), 9);
    QCOMPARE(panel->listingTable()->model()->rowCount(), 9);
}

void TestAccountBlocklistPanel::cancelStopsWithoutWaiting()
{
    auto panel = newPanel(QStringLiteral("IXC-10133"));
    QVERIFY(panel);
    // A zone that never answers: without Cancel the check would wait for the timeout.
    panel->setDnsblSettings(settingsFor(kSilentZone, 20000));
    const int before = int(panel->history().listings.size());
    QSignalSpy finished(panel.get(), &AccountsPanel::blocklistCheckFinished);
    QTest::mouseClick(panel->checkButton(), Qt::LeftButton);
    QVERIFY(panel->isCheckingBlocklists());
    QTest::qWait(200);
    QVERIFY(panel->isCheckingBlocklists());
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("cancelBlocklistCheck")),
                      Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!panel->isCheckingBlocklists());
    QVERIFY2(panel->checkStatusText().contains(QStringLiteral("(cancelled)")),
             qPrintable(panel->checkStatusText()));
    // Nothing answered, so nothing is on record: a timeout says nothing about the address.
    QCOMPARE(int(panel->history().listings.size()), before);
    QVERIFY(panel->checkButton()->isEnabled());
}

void TestAccountBlocklistPanel::storeReplacedMidCheckRecordsNothing()
{
    auto panel = newPanel(QStringLiteral("IXC-10120"));
    QVERIFY(panel);
    panel->setDnsblSettings(settingsFor(kSilentZone, 20000));
    auto before = ListingRepository(*m_store).all();
    QVERIFY(before);
    QSignalSpy finished(panel.get(), &AccountsPanel::blocklistCheckFinished);
    QTest::mouseClick(panel->checkButton(), Qt::LeftButton);
    QVERIFY(panel->isCheckingBlocklists());
    // The window opens another database: the check stops and writes nowhere.
    panel->setStore(nullptr);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!panel->isCheckingBlocklists());
    auto after = ListingRepository(*m_store).all();
    QVERIFY(after);
    QCOMPARE(after->size(), before->size());
}

void TestAccountBlocklistPanel::badSettingsAreShown()
{
    auto panel = newPanel(QStringLiteral("IXC-10077"));
    QVERIFY(panel);
    panel->setDnsblSettings(DnsblSettings{{}, m_server.address(), 1000});
    QTest::mouseClick(panel->checkButton(), Qt::LeftButton);
    QVERIFY(!panel->isCheckingBlocklists());
    QVERIFY2(panel->checkStatusText().contains(QStringLiteral("No blocklist zone is configured")),
             qPrintable(panel->checkStatusText()));

    // Without an account there is nothing to check.
    panel->setStore(nullptr);
    QVERIFY(!panel->checkButton()->isEnabled());
    QVERIFY(!panel->checkBlocklists());
}

QTEST_MAIN(TestAccountBlocklistPanel)
#include "tst_account_blocklist_panel.moc"
