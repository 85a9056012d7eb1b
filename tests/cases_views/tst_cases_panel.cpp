// The cases panel on the demo data: grouping from the panel, the selected case's fields,
// reports and history, a merge through the panel's write path, and a screenshot to look at.
#include "demo_cases.h"

#include "cases/cases_panel.h"
#include "itemmodels/case_list_model.h"
#include "itemmodels/case_report_model.h"
#include "store/case_repository.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Awb;

class TestCasesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void groupsFromThePanel();
    void refusesAnEmptyReason();
    void mergesIntoTheSelectedCase();
    void filtersByStatus();
    void activatesReports();
    void screenshot();

private:
    qint64 caseOfAccount(const QString &account) const;

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    std::unique_ptr<CasesPanel> m_panel;
};

void TestCasesPanel::initTestCase()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("cases.db")));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(store.value());
    const QString imported = DemoCases::importDemo(*m_store);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    m_panel = std::make_unique<CasesPanel>();
    m_panel->resize(1500, 820);
    m_panel->setTrustSettings(DemoCases::demoTrust());
    m_panel->setStore(m_store.get());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QCOMPARE(m_panel->caseModel()->rowCount(), 0);
}

qint64 TestCasesPanel::caseOfAccount(const QString &account) const
{
    const CaseListModel *model = m_panel->caseModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const CaseRecord *c = model->caseAt(row);
        if (c->accountId == account && c->kind == u"complaint" && c->mergedInto.isEmpty())
            return c->id;
    }
    return 0;
}

void TestCasesPanel::groupsFromThePanel()
{
    // The button groups on a worker: the window stays responsive and reloads when it is done.
    QSignalSpy changed(m_panel.get(), &CasesPanel::casesChanged);
    QSignalSpy finished(m_panel.get(), &CasesPanel::groupingFinished);
    QPushButton *group = nullptr;
    for (QPushButton *button : m_panel->findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("Group New Reports"))
            group = button;
    }
    QVERIFY(group);
    QTest::mouseClick(group, Qt::LeftButton);
    QVERIFY(!group->isEnabled());
    QVERIFY(finished.wait(60000));
    QVERIFY(group->isEnabled());
    QCOMPARE(changed.size(), 1);
    const auto stored = CaseRepository(*m_store).cases();
    QVERIFY(stored && !stored->isEmpty());
    QCOMPARE(m_panel->caseModel()->rowCount(), stored->size());
    // Nothing is new the second time (the synchronous path the demo takes).
    auto again = m_panel->groupNewReports();
    QVERIFY(again);
    QVERIFY(again->placements.isEmpty());
}

void TestCasesPanel::refusesAnEmptyReason()
{
    const qint64 northwind = caseOfAccount(QStringLiteral("IXC-10042"));
    QVERIFY(northwind != 0);
    QVERIFY(m_panel->selectCase(northwind));
    const Status refused = m_panel->setCaseStatus(QStringLiteral("actioned"), QStringLiteral("  "));
    QVERIFY(!refused);
    QVERIFY(refused.error().contains(QStringLiteral("reason")));
    QCOMPARE(CaseRepository(*m_store).caseById(northwind)->status, QStringLiteral("open"));
}

void TestCasesPanel::mergesIntoTheSelectedCase()
{
    const qint64 northwind = caseOfAccount(QStringLiteral("IXC-10042"));
    QVERIFY(m_panel->selectCase(northwind));
    QCOMPARE(m_panel->reportModel()->rowCount(), 5);
    QCOMPARE(m_panel->reportModel()->caseId(), northwind);
    // The unattributed case of the demo, as an analyst who recognised the campaign would.
    qint64 other = 0;
    QString otherPublicId;
    for (int row = 0; row < m_panel->caseModel()->rowCount() && other == 0; ++row) {
        const CaseRecord *c = m_panel->caseModel()->caseAt(row);
        if (c->id != northwind && c->mergedInto.isEmpty() && c->accountId.isEmpty()) {
            other = c->id;
            otherPublicId = c->publicId;
        }
    }
    QVERIFY(other != 0);
    const int otherReports = int(CaseRepository(*m_store).caseById(other)->reports.size());
    const QString why = QStringLiteral("Reporter confirms the same campaign");
    const Status merged = m_panel->mergeCases(northwind, other, why);
    QVERIFY2(merged, qPrintable(merged.error()));

    // The selected case stays selected and shows the merged reports and the merge event.
    QCOMPARE(m_panel->selectedCaseId(), northwind);
    QCOMPARE(m_panel->reportModel()->rowCount(), 5 + otherReports);
    QTreeWidget *events = m_panel->eventView();
    QTreeWidgetItem *merge = nullptr;
    for (int i = 0; i < events->topLevelItemCount(); ++i) {
        if (events->topLevelItem(i)->data(0, Qt::UserRole).toString() == u"merge")
            merge = events->topLevelItem(i);
    }
    QVERIFY(merge);
    QVERIFY(merge->text(1).contains(otherPublicId));
    QCOMPARE(merge->text(2), CasesPanel::analyst());
    QCOMPARE(merge->text(3), why);
    const CaseRecord from = CaseRepository(*m_store).caseById(other).value();
    QCOMPARE(from.status, QStringLiteral("closed"));
    QVERIFY(!from.mergedInto.isEmpty());
    // Merging the merged case again fails and names the reason.
    const Status twice = m_panel->mergeCases(northwind, other, why);
    QVERIFY(!twice);
    QVERIFY(!twice.error().isEmpty());
}

void TestCasesPanel::filtersByStatus()
{
    QComboBox *filter = m_panel->statusFilter();
    filter->setCurrentIndex(filter->findData(QStringLiteral("closed")));
    const QAbstractItemModel *shown = m_panel->caseView()->model();
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, 0).data(CaseListModel::StatusRole).toString(),
             QStringLiteral("closed"));
    filter->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), m_panel->caseModel()->rowCount());
}

void TestCasesPanel::activatesReports()
{
    const qint64 northwind = caseOfAccount(QStringLiteral("IXC-10042"));
    QVERIFY(m_panel->selectCase(northwind));
    QSignalSpy activated(m_panel.get(), &CasesPanel::reportActivated);
    const QModelIndex first = m_panel->reportModel()->index(0, 0);
    Q_EMIT m_panel->reportView()->doubleClicked(first);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(),
             first.data(CaseReportModel::EvidenceIdRole).toLongLong());
}

void TestCasesPanel::screenshot()
{
    const qint64 northwind = caseOfAccount(QStringLiteral("IXC-10042"));
    QVERIFY(m_panel->selectCase(northwind));
    QVERIFY(m_panel->grab().save(QStringLiteral("/tmp/awb-cases.png")));
}

QTEST_MAIN(TestCasesPanel)
#include "tst_cases_panel.moc"
