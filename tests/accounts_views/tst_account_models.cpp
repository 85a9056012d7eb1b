// The account list and account event models: columns, roles, and QAbstractItemModelTester.

#include "itemmodels/account_event_model.h"
#include "itemmodels/account_list_model.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

using namespace Awb;

namespace {

QDateTime utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(9, 30), QTimeZone::utc());
}

QList<AccountSummary> sampleAccounts()
{
    return {{QStringLiteral("IXC-10015"),
             QStringLiteral("Quayside Print Studio"),
             QStringLiteral("terminated"),
             0,
             0,
             {}},
            {QStringLiteral("IXC-10042"), QStringLiteral("Northwind Mailers Ltd"),
             QStringLiteral("active"), 2, 5, utc(2026, 11, 5)}};
}

QList<AccountEvent> sampleEvents()
{
    AccountEvent warning;
    warning.at = utc(2026, 5, 14);
    warning.kind = AccountEvent::Kind::Warning;
    warning.action = QStringLiteral("warning");
    warning.clause = QStringLiteral("3.1");
    warning.reference = QStringLiteral("LEGACY-2026-0311");
    warning.notes = QStringLiteral("purchased list");
    warning.confirmedOffence = true;
    warning.inWindow = true;
    AccountEvent opened;
    opened.at = utc(2026, 11, 10);
    opened.kind = AccountEvent::Kind::CaseOpened;
    opened.source = AccountEvent::Source::Case;
    opened.reference = QStringLiteral("IXCM-ABUSE-2026-000001");
    opened.status = QStringLiteral("open");
    opened.severity = QStringLiteral("high");
    opened.caseId = 1;
    opened.inWindow = true;
    return {warning, opened};
}

} // namespace

class TestAccountModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listModel();
    void listModelTester();
    void eventModel();
    void eventModelTester();
};

void TestAccountModels::listModel()
{
    AccountListModel model;
    model.setAccounts(sampleAccounts());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(AccountListModel::Column::Count));
    const QModelIndex status = model.index(1, int(AccountListModel::Column::Status));
    QCOMPARE(status.data().toString(), QStringLiteral("Active"));
    QCOMPARE(status.data(AccountListModel::StatusRole).toString(), QStringLiteral("active"));
    QCOMPARE(status.data(AccountListModel::OpenCasesRole).toInt(), 2);
    QCOMPARE(model.index(1, int(AccountListModel::Column::LastReport)).data().toString(),
             QStringLiteral("2026-11-05 09:30"));
    QVERIFY(model.index(0, int(AccountListModel::Column::LastReport)).data().toString().isEmpty());
    QCOMPARE(model.rowOf(QStringLiteral("IXC-10042")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("IXC-1")), -1);
    // The list elides long names: the tooltip gives the whole one.
    const QModelIndex name = model.index(1, int(AccountListModel::Column::Name));
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), name.data().toString());
    QVERIFY(!name.data().toString().isEmpty());

    // The panel's filter: any column, case-insensitive.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterFixedString(QStringLiteral("northwind"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterFixedString(QStringLiteral("terminated"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("IXC-10015"));
}

void TestAccountModels::listModelTester()
{
    AccountListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts(sampleAccounts());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(AccountListModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int column = 0; column < int(AccountListModel::Column::Count); ++column)
        proxy.sort(column, Qt::DescendingOrder);
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
    model.setAccounts(sampleAccounts());
}

void TestAccountModels::eventModel()
{
    AccountEventModel model;
    model.setEvents(sampleEvents());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(AccountEventModel::Column::Count));
    const QModelIndex action = model.index(0, int(AccountEventModel::Column::Action));
    QCOMPARE(action.data().toString(), QStringLiteral("Warning"));
    QCOMPARE(action.data(AccountEventModel::KindRole).toInt(), int(AccountEvent::Kind::Warning));
    QCOMPARE(model.index(0, int(AccountEventModel::Column::Details)).data().toString(),
             QStringLiteral("clause 3.1 · purchased list"));
    QCOMPARE(model.index(0, int(AccountEventModel::Column::Counted)).data().toString(),
             QStringLiteral("yes"));
    QCOMPARE(model.index(1, int(AccountEventModel::Column::Details)).data().toString(),
             QStringLiteral("status open · severity high"));
    QVERIFY(model.index(1, int(AccountEventModel::Column::Counted)).data().toString().isEmpty());
    QCOMPARE(model.index(1, 0).data(AccountEventModel::CaseIdRole).toLongLong(), 1);
    QCOMPARE(model.index(1, 0).data(AccountEventModel::SeverityRole).toString(),
             QStringLiteral("high"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("2026-05-14 09:30"));
}

void TestAccountModels::eventModelTester()
{
    AccountEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents(sampleEvents());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(AccountEventModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int column = 0; column < int(AccountEventModel::Column::Count); ++column)
        proxy.sort(column, Qt::DescendingOrder);
    model.clear();
    model.setEvents(sampleEvents());
}

QTEST_GUILESS_MAIN(TestAccountModels)
#include "tst_account_models.moc"
