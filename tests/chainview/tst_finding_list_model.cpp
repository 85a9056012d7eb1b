#include "chain_test_data.h"

#include "itemmodels/finding_filter_proxy.h"
#include "itemmodels/finding_list_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Awb;

namespace {

QStringList checksOf(const QAbstractItemModel &model)
{
    QStringList checks;
    for (int row = 0; row < model.rowCount(); ++row)
        checks << model.index(row, 0).data(FindingListModel::CheckRole).toString();
    return checks;
}

} // namespace

// One row of the filter table: the proxy's three settings and the checks that remain.
struct FilterCase
{
    Severity minimum;
    QString text;
    int hop;
    QStringList expected;
};
Q_DECLARE_METATYPE(FilterCase)

class TestFindingListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void display_data();
    void display();
    void roles();
    void filter_data();
    void filter();
    void filterChangesOnlyWhenTheSettingChanges();
    void sortsBySeverity();
};

void TestFindingListModel::modelTester()
{
    FindingListModel model;
    FindingFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings(TestData::forgedFindings());
    QCOMPARE(model.rowCount(), 6);
    proxy.setMinimumSeverity(Severity::Medium);
    proxy.setFilterText(QStringLiteral("received"));
    proxy.setHop(2);
    proxy.sort(int(FindingListModel::Column::Severity), Qt::DescendingOrder);
    proxy.setHop(FindingFilterProxy::AllHops);
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void TestFindingListModel::display_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<FindingListModel::Column>("column");
    QTest::addColumn<QString>("expected");
    using C = FindingListModel::Column;
    QTest::newRow("severity") << 0 << C::Severity << QStringLiteral("High");
    QTest::newRow("check") << 1 << C::Check << QStringLiteral("received.broken-handoff");
    QTest::newRow("clause") << 2 << C::Clause << QStringLiteral("3.2");
    QTest::newRow("title") << 3 << C::Title << QStringLiteral("Date has no zone");
    QTest::newRow("hop") << 2 << C::Hop << QStringLiteral("3");
    QTest::newRow("no hop") << 3 << C::Hop << QString();
    QTest::newRow("evidence") << 0 << C::Evidence << QStringLiteral("13:47:55 > 13:19:09");
    QTest::newRow("critical") << 5 << C::Severity << QStringLiteral("Critical");
}

void TestFindingListModel::display()
{
    QFETCH(int, row);
    QFETCH(FindingListModel::Column, column);
    QFETCH(QString, expected);
    FindingListModel model;
    model.setFindings(TestData::forgedFindings());
    QCOMPARE(model.index(row, int(column)).data().toString(), expected);
}

void TestFindingListModel::roles()
{
    FindingListModel model;
    QList<Finding> findings = TestData::forgedFindings();
    findings[0].evidence = QStringLiteral("line one\nline two");
    model.setFindings(findings);
    const QModelIndex first = model.index(0, int(FindingListModel::Column::Evidence));
    QCOMPARE(first.data(FindingListModel::SeverityRole).value<Severity>(), Severity::High);
    QCOMPARE(first.data(FindingListModel::HopRole).toInt(), 2);
    QCOMPARE(first.data(FindingListModel::CheckRole).toString(),
             QStringLiteral("received.time-reversal"));
    QCOMPARE(first.data().toString(), QStringLiteral("line one line two"));
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("line one\nline two")));
    QCOMPARE(model.index(3, 0).data(FindingListModel::HopRole).toInt(), -1);
    QVERIFY(!first.data(Qt::BackgroundRole).isValid());
    QVERIFY(!first.data(Qt::DecorationRole).isValid());
}

void TestFindingListModel::filter_data()
{
    QTest::addColumn<FilterCase>("row");
    const QString tr = QStringLiteral("received.time-reversal");
    const QString bh = QStringLiteral("received.broken-handoff");
    const QString pi = QStringLiteral("received.private-ip-untrusted");
    const QString di = QStringLiteral("date.invalid");
    const QString rd = QStringLiteral("received.dynamic-rdns");
    const QString oo = QStringLiteral("test.out-of-range");
    QTest::newRow("everything") << FilterCase{Severity::Info, {}, -1, {tr, bh, pi, di, rd, oo}};
    QTest::newRow("low and above") << FilterCase{Severity::Low, {}, -1, {tr, bh, pi, di, oo}};
    QTest::newRow("high and above") << FilterCase{Severity::High, {}, -1, {tr, oo}};
    QTest::newRow("hop 2") << FilterCase{Severity::Info, {}, 2, {tr, bh}};
    QTest::newRow("hop 2 high") << FilterCase{Severity::High, {}, 2, {tr}};
    QTest::newRow("hop without findings") << FilterCase{Severity::Info, {}, 0, {}};
    QTest::newRow("text in check id")
        << FilterCase{Severity::Info, QStringLiteral("RDNS"), -1, {rd}};
    QTest::newRow("text in evidence")
        << FilterCase{Severity::Info, QStringLiteral("10.13"), -1, {pi}};
    QTest::newRow("text in clause")
        << FilterCase{Severity::Info, QStringLiteral("3.2"), -1, {tr, bh, pi, di, rd, oo}};
    QTest::newRow("every term must match")
        << FilterCase{Severity::Info, QStringLiteral("  received   chain "), -1, {bh}};
    QTest::newRow("all three") << FilterCase{Severity::Medium, QStringLiteral("time"), 2, {tr}};
    QTest::newRow("no match") << FilterCase{Severity::Info, QStringLiteral("zzz"), -1, {}};
}

void TestFindingListModel::filter()
{
    QFETCH(FilterCase, row);
    FindingListModel model;
    model.setFindings(TestData::forgedFindings());
    FindingFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setMinimumSeverity(row.minimum);
    proxy.setFilterText(row.text);
    proxy.setHop(row.hop);
    QCOMPARE(checksOf(proxy), row.expected);
    // Back to everything.
    proxy.setMinimumSeverity(Severity::Info);
    proxy.setFilterText({});
    proxy.setHop(FindingFilterProxy::AllHops);
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void TestFindingListModel::filterChangesOnlyWhenTheSettingChanges()
{
    FindingListModel model;
    model.setFindings(TestData::forgedFindings());
    FindingFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(QStringLiteral("received"));
    QCOMPARE(proxy.filterText(), QStringLiteral("received"));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setHop(-7); // anything below -1 means every hop
    QCOMPARE(proxy.hop(), int(FindingFilterProxy::AllHops));
    proxy.setMinimumSeverity(Severity::Critical);
    QCOMPARE(proxy.minimumSeverity(), Severity::Critical);
    QVERIFY(checksOf(proxy).isEmpty()); // the critical finding does not mention "received"
    proxy.setFilterText(QStringLiteral(" "));
    QCOMPARE(checksOf(proxy), QStringList{QStringLiteral("test.out-of-range")});
}

void TestFindingListModel::sortsBySeverity()
{
    FindingListModel model;
    model.setFindings(TestData::forgedFindings());
    FindingFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(int(FindingListModel::Column::Severity), Qt::DescendingOrder);
    QStringList severities;
    for (int row = 0; row < proxy.rowCount(); ++row)
        severities << proxy.index(row, 0).data().toString();
    QCOMPARE(severities, (QStringList{QStringLiteral("Critical"), QStringLiteral("High"),
                                      QStringLiteral("Medium"), QStringLiteral("Medium"),
                                      QStringLiteral("Low"), QStringLiteral("Info")}));
    proxy.sort(int(FindingListModel::Column::Hop), Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(FindingListModel::HopRole).toInt(), -1);
}

QTEST_GUILESS_MAIN(TestFindingListModel)
#include "tst_finding_list_model.moc"
