#include "chain_test_data.h"

#include "itemmodels/hop_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <limits>

using namespace Awb;

class TestHopTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void display_data();
    void display();
    void roles_data();
    void roles();
    void findingsOutsideTheChainAreIgnored();
    void delayText_data();
    void delayText();
    void sortsByTypedValues();
    void clearEmpties();
};

void TestHopTableModel::modelTester()
{
    HopTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(HopTableModel::Column::Count));
    model.setAnalysis({}, {});
    QCOMPARE(model.rowCount(), 0);
    model.setAnalysis(TestData::forgedChain(), {});
    model.clear();

    // Through a sorting proxy too, as the panel shows it.
    model.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(HopTableModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int column = 0; column < int(HopTableModel::Column::Count); ++column)
        proxy.sort(column, Qt::DescendingOrder);
}

void TestHopTableModel::display_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<HopTableModel::Column>("column");
    QTest::addColumn<QString>("expected");

    using C = HopTableModel::Column;
    QTest::newRow("index") << 2 << C::Index << QStringLiteral("2");
    QTest::newRow("trust receiver") << 0 << C::Trust << QStringLiteral("recorded");
    QTest::newRow("trust boundary") << 1 << C::Trust << QStringLiteral("boundary");
    QTest::newRow("trust claimed") << 3 << C::Trust << QStringLiteral("claimed");
    QTest::newRow("helo preferred over name") << 3 << C::Helo << QStringLiteral("yieldbox");
    QTest::newRow("name without helo") << 1 << C::Helo << QStringLiteral("smtp.crypto-yield.test");
    QTest::newRow("rdns") << 1 << C::Rdns << QStringLiteral("198-51-100-77.dyn.pool.example.net");
    QTest::newRow("no rdns") << 2 << C::Rdns << QString();
    QTest::newRow("ip") << 1 << C::Ip << QStringLiteral("198.51.100.77");
    QTest::newRow("ip ours") << 2 << C::Ip << QStringLiteral("203.0.113.11 (ours)");
    QTest::newRow("by") << 0 << C::By << QStringLiteral("mbox2.example.net");
    QTest::newRow("with tls") << 1 << C::With << QStringLiteral("ESMTP · TLSv1.3");
    QTest::newRow("with auth") << 3 << C::With << QStringLiteral("ESMTPA · AUTH");
    QTest::newRow("date") << 2 << C::Date << QStringLiteral("2026-11-12 13:47:55 UTC");
    QTest::newRow("delay") << 0 << C::Delay << QStringLiteral("+1 s");
    QTest::newRow("negative delay") << 1 << C::Delay << QStringLiteral("−28 min 46 s");
    QTest::newRow("no delay on the oldest") << 3 << C::Delay << QString();
    QTest::newRow("findings") << 2 << C::Findings << QStringLiteral("2");
    QTest::newRow("no findings") << 0 << C::Findings << QString();
}

void TestHopTableModel::display()
{
    QFETCH(int, row);
    QFETCH(HopTableModel::Column, column);
    QFETCH(QString, expected);
    HopTableModel model;
    model.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
    QCOMPARE(model.index(row, int(column)).data().toString(), expected);
}

void TestHopTableModel::roles_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<HopTrust>("trust");
    QTest::addColumn<int>("severity"); // -1: no findings, SeverityRole invalid
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("ours");
    QTest::addColumn<bool>("negativeDelay");

    QTest::newRow("hop 0") << 0 << HopTrust::Receiver << -1 << 0 << false << false;
    QTest::newRow("hop 1") << 1 << HopTrust::Boundary << int(Severity::Info) << 1 << false << true;
    QTest::newRow("hop 2") << 2 << HopTrust::Claimed << int(Severity::High) << 2 << true << false;
    QTest::newRow("hop 3") << 3 << HopTrust::Claimed << int(Severity::Medium) << 1 << false
                           << false;
}

void TestHopTableModel::roles()
{
    QFETCH(int, row);
    QFETCH(HopTrust, trust);
    QFETCH(int, severity);
    QFETCH(int, count);
    QFETCH(bool, ours);
    QFETCH(bool, negativeDelay);
    HopTableModel model;
    model.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
    for (int column = 0; column < model.columnCount(); ++column) {
        const QModelIndex index = model.index(row, column);
        QCOMPARE(index.data(HopTableModel::TrustRole).value<HopTrust>(), trust);
        QCOMPARE(index.data(HopTableModel::HopIndexRole).toInt(), row);
        QCOMPARE(index.data(HopTableModel::FindingCountRole).toInt(), count);
        QCOMPARE(index.data(HopTableModel::OursRole).toBool(), ours);
        QCOMPARE(index.data(HopTableModel::DelayNegativeRole).toBool(), negativeDelay);
        const QVariant highest = index.data(HopTableModel::SeverityRole);
        QCOMPARE(highest.isValid(), severity >= 0);
        if (severity >= 0)
            QCOMPARE(int(highest.value<Severity>()), severity);
        // Colours are the delegates' business.
        QVERIFY(!index.data(Qt::BackgroundRole).isValid());
        QVERIFY(!index.data(Qt::ForegroundRole).isValid());
    }
    QVERIFY(model.index(row, 0)
                .data(HopTableModel::RawRole)
                .toString()
                .startsWith(QStringLiteral("from ")));
    QVERIFY(model.index(row, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(model.index(row, 0).data(HopTableModel::RawRole).toString()));
}

void TestHopTableModel::findingsOutsideTheChainAreIgnored()
{
    HopTableModel model;
    model.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
    int total = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        total += model.findingCount(row);
    QCOMPARE(total, 4); // the message-level finding and the one naming hop 9 are not counted
    QCOMPARE(model.findingCount(9), 0);
    QVERIFY(!model.highestSeverity(-1));
    QCOMPARE(model.hopAt(4), nullptr);
    QCOMPARE(model.hopAt(2)->parsed.fromIp, QStringLiteral("203.0.113.11"));
}

void TestHopTableModel::delayText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
    QTest::newRow("seconds") << qint64(4) << QStringLiteral("+4 s");
    QTest::newRow("minutes") << qint64(62) << QStringLiteral("+1 min 02 s");
    QTest::newRow("negative minutes") << qint64(-1726) << QStringLiteral("−28 min 46 s");
    QTest::newRow("hours") << qint64(7500) << QStringLiteral("+2 h 05 min");
    QTest::newRow("days") << qint64(3 * 86400 + 4 * 3600 + 59) << QStringLiteral("+3 d 4 h");
    QTest::newRow("most negative")
        << std::numeric_limits<qint64>::min() << QStringLiteral("−106751991167300 d 15 h");
}

void TestHopTableModel::delayText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(HopTableModel::delayText(seconds), expected);
}

void TestHopTableModel::sortsByTypedValues()
{
    HopTableModel model;
    model.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(HopTableModel::SortRole);

    const auto hopsInOrder = [&] {
        QList<int> hops;
        for (int row = 0; row < proxy.rowCount(); ++row)
            hops << proxy.index(row, 0).data(HopTableModel::HopIndexRole).toInt();
        return hops;
    };
    proxy.sort(int(HopTableModel::Column::Index), Qt::DescendingOrder);
    QCOMPARE(hopsInOrder(), (QList<int>{3, 2, 1, 0}));
    proxy.sort(int(HopTableModel::Column::Delay), Qt::AscendingOrder);
    QCOMPARE(hopsInOrder(), (QList<int>{3, 1, 0, 2})); // none, -1726, +1, +4
    proxy.sort(int(HopTableModel::Column::Ip), Qt::AscendingOrder);
    QCOMPARE(hopsInOrder(), (QList<int>{3, 0, 1, 2})); // 10/8 before 198.51.100/24 and 203/8
    proxy.sort(int(HopTableModel::Column::Findings), Qt::DescendingOrder);
    QCOMPARE(hopsInOrder().first(), 2);
    QCOMPARE(hopsInOrder().last(), 0);
}

void TestHopTableModel::clearEmpties()
{
    HopTableModel model;
    model.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.chain().hops.isEmpty());
}

QTEST_GUILESS_MAIN(TestHopTableModel)
#include "tst_hop_table_model.moc"
