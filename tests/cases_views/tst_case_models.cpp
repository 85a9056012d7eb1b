// The case list and case report models, and the reports queue's Account and Case columns, on
// the demo data grouped into cases.
#include "demo_cases.h"

#include "itemmodels/case_list_model.h"
#include "itemmodels/case_report_model.h"
#include "itemmodels/message_list_model.h"
#include "store/case_repository.h"
#include "store/evidence_repository.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

class TestCaseModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void caseListModel();
    void caseListSortsByDue();
    void deadlineState_data();
    void deadlineState();
    void caseReportModel();
    void queueShowsAccount();

private:
    const CaseRecord *northwind(const CaseListModel &model) const;

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
};

void TestCaseModels::initTestCase()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("cases.db")));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(store.value());
    const QString imported = DemoCases::importDemo(*m_store);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    const QString grouped = DemoCases::groupDemo(*m_store, m_now);
    QVERIFY2(grouped.isEmpty(), qPrintable(grouped));
}

const CaseRecord *TestCaseModels::northwind(const CaseListModel &model) const
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.caseAt(row)->accountId == u"IXC-10042" && model.caseAt(row)->kind == u"complaint")
            return model.caseAt(row);
    }
    return nullptr;
}

void TestCaseModels::caseListModel()
{
    CaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.reload(CaseRepository(*m_store)));
    QVERIFY(model.rowCount() >= 3);
    QCOMPARE(model.columnCount(), int(CaseListModel::Column::Count));
    const CaseRecord *c = northwind(model);
    QVERIFY(c);
    const int row = model.rowOfId(c->id);
    const auto cell = [&](CaseListModel::Column column, int role = Qt::DisplayRole) {
        return model.index(row, int(column)).data(role);
    };
    QCOMPARE(cell(CaseListModel::Column::Account).toString(), QStringLiteral("IXC-10042"));
    QCOMPARE(cell(CaseListModel::Column::Reports).toInt(), 5);
    QCOMPARE(cell(CaseListModel::Column::Status).toString(), QStringLiteral("Open"));
    QCOMPARE(cell(CaseListModel::Column::PublicId, CaseListModel::StatusRole).toString(),
             QStringLiteral("open"));
    QCOMPARE(cell(CaseListModel::Column::Due, CaseListModel::CaseIdRole).toLongLong(), c->id);
    QCOMPARE(cell(CaseListModel::Column::Due, CaseListModel::SeverityRole).toString(), c->severity);
    QCOMPARE(cell(CaseListModel::Column::PublicId).toString(), c->publicId);
    QVERIFY(c->publicId.startsWith(QStringLiteral("IXCM-ABUSE-2026-")));
    // Reloading keeps the tester content: one reset, same rows.
    QVERIFY(model.reload(CaseRepository(*m_store)));
    QCOMPARE(model.rowOfId(c->id), row);
}

void TestCaseModels::caseListSortsByDue()
{
    CaseListModel model;
    QVERIFY(model.reload(CaseRepository(*m_store)));
    model.setNow(m_now);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(CaseListModel::SortRole);
    proxy.sort(int(CaseListModel::Column::Due), Qt::AscendingOrder);
    QDateTime previous;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex index = proxy.index(row, int(CaseListModel::Column::Due));
        const QDateTime due = model.caseAt(proxy.mapToSource(index).row())->responseDue;
        if (previous.isValid() && due.isValid())
            QVERIFY(previous <= due);
        previous = due;
    }
}

void TestCaseModels::deadlineState_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("hoursLeft");
    QTest::addColumn<int>("expected");
    using State = MessageListModel::DeadlineState;
    QTest::newRow("open, days left") << QStringLiteral("open") << 48 << int(State::Open);
    QTest::newRow("open, due soon") << QStringLiteral("open") << 5 << int(State::DueSoon);
    QTest::newRow("open, overdue") << QStringLiteral("open") << -1 << int(State::Overdue);
    QTest::newRow("awaiting, overdue")
        << QStringLiteral("awaiting-customer") << -3 << int(State::Overdue);
    QTest::newRow("actioned") << QStringLiteral("actioned") << -3 << int(State::None);
    QTest::newRow("closed") << QStringLiteral("closed") << 5 << int(State::None);
}

void TestCaseModels::deadlineState()
{
    QFETCH(QString, status);
    QFETCH(int, hoursLeft);
    QFETCH(int, expected);
    CaseRecord record;
    record.id = 1;
    record.publicId = QStringLiteral("IXCM-ABUSE-2026-000001");
    record.status = status;
    record.responseDue = m_now.addSecs(qint64(hoursLeft) * 3600);
    CaseListModel model;
    model.setNow(m_now);
    model.setCases({record});
    QCOMPARE(model.index(0, 0).data(CaseListModel::DeadlineStateRole).toInt(), expected);
}

void TestCaseModels::caseReportModel()
{
    CaseListModel cases;
    QVERIFY(cases.reload(CaseRepository(*m_store)));
    const CaseRecord *c = northwind(cases);
    QVERIFY(c);
    CaseReportModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(*c, EvidenceRepository(*m_store)));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(CaseReportModel::Column::Count));
    QSet<QString> formats;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto cell = [&](CaseReportModel::Column column, int role = Qt::DisplayRole) {
            return model.index(row, int(column)).data(role);
        };
        formats << cell(CaseReportModel::Column::Format).toString();
        QVERIFY(!cell(CaseReportModel::Column::Reason).toString().isEmpty());
        QVERIFY(!cell(CaseReportModel::Column::Origin).toString().isEmpty());
        QVERIFY(cell(CaseReportModel::Column::Received, CaseReportModel::SortRole)
                    .toDateTime()
                    .isValid());
        QCOMPARE(cell(CaseReportModel::Column::Format, CaseReportModel::CaseIdRole).toLongLong(),
                 c->id);
        QCOMPARE(
            cell(CaseReportModel::Column::Format, CaseReportModel::EvidenceIdRole).toLongLong(),
            model.reportAt(row)->evidenceId);
    }
    QVERIFY(formats.contains(QStringLiteral("arf")));
    QVERIFY(formats.contains(QStringLiteral("spamcop")));
    // The reporter comes from the evidence summary, not the case record.
    QVERIFY(!model.index(0, int(CaseReportModel::Column::Reporter)).data().toString().isEmpty());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestCaseModels::queueShowsAccount()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.reload(EvidenceRepository(*m_store)));
    QCOMPARE(model.headerData(int(MessageListModel::Column::Account), Qt::Horizontal).toString(),
             QStringLiteral("Account"));
    QCOMPARE(int(MessageListModel::Column::Account), int(MessageListModel::Column::Origin) + 1);
    QCOMPARE(int(MessageListModel::Column::Case), int(MessageListModel::Column::Origin) + 2);
    int checked = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const MessageSummary *summary = model.summaryAt(row);
        const QString account =
            model.index(row, int(MessageListModel::Column::Account)).data().toString();
        const QString caseId =
            model.index(row, int(MessageListModel::Column::Case)).data().toString();
        QCOMPARE(caseId, summary->casePublicId);
        if (summary->sourcePath.endsWith(QStringLiteral("01-arf-fbl-northwind.eml"))) {
            QCOMPARE(account, QStringLiteral("IXC-10042"));
            QVERIFY(caseId.startsWith(QStringLiteral("IXCM-ABUSE-2026-")));
            ++checked;
        } else if (caseId.isEmpty()) {
            QVERIFY(account.isEmpty());
        } else if (summary->caseAccountId.isEmpty()) {
            QCOMPARE(account, QStringLiteral("(unattributed)"));
        }
    }
    QCOMPARE(checked, 1);
}

QTEST_GUILESS_MAIN(TestCaseModels)
#include "tst_case_models.moc"
