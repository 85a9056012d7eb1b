// The accounts panel on the demo data (offscreen): the list, Northwind's page and its timeline
// chart. Saves a picture of the panel to /tmp/awb-account.png for a person to look at.

#include "demo_account_store.h"

#include "accounts/account_timeline_view.h"
#include "accounts/accounts_panel.h"

#include <QChart>
#include <QLineEdit>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

class TestAccountsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsNorthwind();
    void listSelectionShowsAccount();
    void nullStoreClears();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
};

void TestAccountsPanel::initTestCase()
{
    QString error;
    m_store = buildDemoAccountStore(m_dir, &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TestAccountsPanel::cleanupTestCase()
{
    m_store.reset();
}

void TestAccountsPanel::showsNorthwind()
{
    AccountsPanel panel;
    panel.setNow(demoNow());
    panel.setStore(m_store.get());
    panel.resize(1400, 860);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showAccount(QStringLiteral("IXC-10042"));
    QCOMPARE(panel.currentAccountId(), QStringLiteral("IXC-10042"));
    QCOMPARE(panel.history().customer.name, QStringLiteral("Northwind Mailers Ltd"));
    QVERIFY(panel.offencesText().endsWith(QStringLiteral(": 1")));

    // The chart: reports per day with data, and the markers of the actions in the window.
    QChart *chart = panel.timelineView()->chart();
    QVERIFY(chart);
    const QList<QAbstractSeries *> series = chart->series();
    QVERIFY(series.size() >= 3); // the line, the warning, the opened cases
    auto *line = qobject_cast<QLineSeries *>(series.first());
    QVERIFY(line && line->type() == QAbstractSeries::SeriesTypeLine);
    QCOMPARE(line->count(),
             demoNow().date().toJulianDay() - demoNow().addMonths(-12).date().toJulianDay() + 1);
    qreal total = 0;
    for (const QPointF &p : line->points())
        total += p.y();
    QCOMPARE(int(total), panel.history().reportCount - panel.history().reportsWithoutReceipt);
    QVERIFY(total > 0);
    QVERIFY(panel.timelineView()->peakReportsPerDay() >= 1);
    QStringList markerNames;
    QSet<int> shapes;
    for (QAbstractSeries *s : series) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(s)) {
            QVERIFY(scatter->count() > 0);
            markerNames << scatter->name();
            shapes.insert(int(scatter->markerShape()));
        }
    }
    QVERIFY(markerNames.contains(QStringLiteral("Warning")));
    QVERIFY(markerNames.contains(QStringLiteral("Case opened")));
    QCOMPARE(shapes.size(), markerNames.size()); // black and white: each kind its own shape

    QTest::qWait(50);
    QVERIFY(panel.grab().save(QStringLiteral("/tmp/awb-account.png")));
}

void TestAccountsPanel::listSelectionShowsAccount()
{
    AccountsPanel panel;
    panel.setNow(demoNow());
    panel.setStore(m_store.get());
    auto *list = panel.findChild<QTableView *>(QStringLiteral("accountList"));
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), 7);
    auto *filter = panel.findChild<QLineEdit *>(QStringLiteral("accountFilter"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("bluefin"));
    QCOMPARE(list->model()->rowCount(), 1);
    list->setCurrentIndex(list->model()->index(0, 0));
    QCOMPARE(panel.currentAccountId(), QStringLiteral("IXC-10088"));
    QCOMPARE(panel.history().confirmedOffencesInWindow, 1);

    // Showing a hidden account clears the filter.
    panel.showAccount(QStringLiteral("IXC-10015"));
    QVERIFY(filter->text().isEmpty());
    QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("IXC-10015"));
    panel.reload();
    QCOMPARE(panel.currentAccountId(), QStringLiteral("IXC-10015"));
}

void TestAccountsPanel::nullStoreClears()
{
    AccountsPanel panel;
    panel.setNow(demoNow());
    panel.setStore(m_store.get());
    panel.showAccount(QStringLiteral("IXC-10042"));
    panel.setStore(nullptr);
    QVERIFY(panel.currentAccountId().isEmpty());
    QVERIFY(panel.history().customer.accountId.isEmpty());
    QCOMPARE(panel.findChild<QTableView *>(QStringLiteral("accountList"))->model()->rowCount(), 0);
    QVERIFY(panel.timelineView()->chart()->series().isEmpty());
}

QTEST_MAIN(TestAccountsPanel)
#include "tst_accounts_panel.moc"
