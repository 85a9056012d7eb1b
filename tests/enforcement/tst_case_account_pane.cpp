// The case view's account history beside the evidence and its owner and notes editors, on the
// demo data (offscreen), driven through the widgets: a click on a case row, typing in the
// editors, a click on Save and on "Open Account Page". Saves /tmp/awb-case-account.png.
#include "../accounts_views/demo_account_store.h"

#include "accounts/account_history_view.h"
#include "accounts/account_timeline_view.h"
#include "cases/cases_panel.h"
#include "itemmodels/account_event_model.h"
#include "itemmodels/case_list_model.h"
#include "store/case_repository.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

class TestCaseAccountPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsTheMatchedAccount();
    void showsBlacklistingsOfTheAccount();
    void unattributedCaseSaysSo();
    void opensTheAccountPage();
    void savesOwnerAndNotes();
    void mergedCaseIsNotEditable();
    void screenshot();

private:
    // Clicks the row of the case in the list, as a person would.
    bool clickCase(qint64 caseId);
    qint64 caseWhere(const std::function<bool(const CaseRecord &)> &match) const;

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    std::unique_ptr<CasesPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestCaseAccountPane::initTestCase()
{
    // The analyst's name comes from the settings: the test's own, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("awb-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_case_account_pane"));
    QSettings().setValue(QStringLiteral("desk/analystName"), QStringLiteral("Mei Chan"));

    QString error;
    m_store = buildDemoAccountStore(m_dir, &error);
    QVERIFY2(m_store, qPrintable(error));
    m_panel = std::make_unique<CasesPanel>();
    m_panel->setNow(demoNow());
    m_panel->resize(1400, 860);
    m_panel->setStore(m_store.get());
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QVERIFY(m_panel->caseModel()->rowCount() > 3);
    // Watches the event model through every selection of the tests below.
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_panel->accountView()->eventModel(),
        QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestCaseAccountPane::cleanupTestCase()
{
    QSettings().clear();
    m_tester.reset();
    m_panel.reset();
    m_store.reset();
}

bool TestCaseAccountPane::clickCase(qint64 caseId)
{
    QTableView *view = m_panel->caseView();
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, int(CaseListModel::Column::PublicId));
        if (index.data(CaseListModel::CaseIdRole).toLongLong() != caseId)
            continue;
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        return m_panel->selectedCaseId() == caseId;
    }
    return false;
}

qint64 TestCaseAccountPane::caseWhere(const std::function<bool(const CaseRecord &)> &match) const
{
    for (int row = 0; row < m_panel->caseModel()->rowCount(); ++row) {
        const CaseRecord *c = m_panel->caseModel()->caseAt(row);
        if (match(*c))
            return c->id;
    }
    return 0;
}

void TestCaseAccountPane::showsTheMatchedAccount()
{
    const qint64 northwind = caseWhere(
        [](const CaseRecord &c) { return c.accountId == u"IXC-10042" && c.kind == u"complaint"; });
    QVERIFY(northwind > 0);
    QVERIFY(clickCase(northwind));
    AccountHistoryView *view = m_panel->accountView();
    QVERIFY2(view->headerText().startsWith(QStringLiteral("Northwind Mailers Ltd — IXC-10042")),
             qPrintable(view->headerText()));
    QVERIFY(view->summaryText().contains(QStringLiteral("203.0.113.8/29")));

    // The same history and rule as the account page's.
    auto history = loadAccountHistory(*m_store, QStringLiteral("IXC-10042"), demoNow());
    QVERIFY(history);
    QCOMPARE(view->offencesText(), QStringLiteral("Confirmed offences in the window: 1"));
    QCOMPARE(view->ruleText(), history->offenceRule);
    QCOMPARE(view->eventModel()->rowCount(), int(history->events.size()));
    QStringList actions;
    for (int row = 0; row < view->eventModel()->rowCount(); ++row)
        actions << view->eventModel()
                       ->index(row, int(AccountEventModel::Column::Action))
                       .data()
                       .toString();
    QVERIFY2(actions.contains(QStringLiteral("Warning")), qPrintable(actions.join(u',')));
    QVERIFY(actions.contains(QStringLiteral("Case opened")));
    QVERIFY(!view->timelineView()->chart()->series().isEmpty());
    QVERIFY(m_panel->openAccountButton()->isEnabled());
}

void TestCaseAccountPane::showsBlacklistingsOfTheAccount()
{
    // The harbour bakery's case holds the Spamhaus notice; its listing is a blacklisting of the
    // account, from the listings table, shown once.
    const qint64 harbour =
        caseWhere([](const CaseRecord &c) { return c.accountId == u"IXC-10077"; });
    QVERIFY(clickCase(harbour));
    AccountEventModel *events = m_panel->accountView()->eventModel();
    int blacklistings = 0;
    for (int row = 0; row < events->rowCount(); ++row) {
        const QModelIndex index = events->index(row, 0);
        if (index.data(AccountEventModel::KindRole).toInt() ==
            int(AccountEvent::Kind::Blacklisting)) {
            ++blacklistings;
            QCOMPARE(index.data(AccountEventModel::CaseIdRole).toLongLong(), harbour);
        }
    }
    QCOMPARE(blacklistings, 1);
    QStringList markers;
    for (QAbstractSeries *series : m_panel->accountView()->timelineView()->chart()->series()) {
        if (qobject_cast<QScatterSeries *>(series))
            markers << series->name();
    }
    QVERIFY2(markers.contains(QStringLiteral("Blacklisting")), qPrintable(markers.join(u',')));
}

void TestCaseAccountPane::unattributedCaseSaysSo()
{
    const qint64 stray = caseWhere([](const CaseRecord &c) {
        return c.accountId.isEmpty() && !c.originKey.isEmpty() && c.mergedInto.isEmpty();
    });
    QVERIFY(stray > 0);
    QVERIFY(clickCase(stray));
    const CaseRecord *record = m_panel->caseModel()->caseAt(m_panel->caseModel()->rowOfId(stray));
    const QString header = m_panel->accountView()->headerText();
    QVERIFY2(header.startsWith(QStringLiteral("Unattributed case")), qPrintable(header));
    QVERIFY2(header.contains(record->originKey), qPrintable(header));
    QCOMPARE(m_panel->accountView()->eventModel()->rowCount(), 0);
    QVERIFY(m_panel->accountView()->timelineView()->chart()->series().isEmpty());
    // Only the message: no empty chart or table that would look like a blameless account.
    QVERIFY(!m_panel->accountView()->timelineView()->isVisible());
    QVERIFY(!m_panel->accountView()->eventTable()->isVisible());
    QVERIFY(!m_panel->openAccountButton()->isEnabled());
}

void TestCaseAccountPane::opensTheAccountPage()
{
    const qint64 northwind = caseWhere(
        [](const CaseRecord &c) { return c.accountId == u"IXC-10042" && c.kind == u"complaint"; });
    QVERIFY(clickCase(northwind));
    QSignalSpy activated(m_panel.get(), &CasesPanel::accountActivated);
    QTest::mouseClick(m_panel->openAccountButton(), Qt::LeftButton);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("IXC-10042"));
}

void TestCaseAccountPane::savesOwnerAndNotes()
{
    const qint64 northwind = caseWhere(
        [](const CaseRecord &c) { return c.accountId == u"IXC-10042" && c.kind == u"complaint"; });
    QVERIFY(clickCase(northwind));
    QLineEdit *owner = m_panel->ownerEdit();
    QPlainTextEdit *notes = m_panel->notesEdit();
    QPushButton *save = m_panel->saveButton();
    QVERIFY(owner->isEnabled() && notes->isEnabled());
    QVERIFY(!save->isEnabled()); // nothing changed yet

    owner->setFocus();
    QTest::keyClicks(owner, QStringLiteral("Jordan Lee"));
    notes->setFocus();
    QTest::keyClicks(notes, QStringLiteral("Customer called; list to be cleaned by Friday."));
    QVERIFY(save->isEnabled());
    QSignalSpy changed(m_panel.get(), &CasesPanel::casesChanged);
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);

    auto stored = CaseRepository(*m_store).caseById(northwind);
    QVERIFY2(stored, qPrintable(stored.error()));
    QCOMPARE(stored->owner, QStringLiteral("Jordan Lee"));
    QCOMPARE(stored->notes, QStringLiteral("Customer called; list to be cleaned by Friday."));
    QStringList edits;
    for (const CaseEventRecord &e : stored->events) {
        if (e.kind == u"owner" || e.kind == u"notes")
            edits << e.kind + QLatin1Char(' ') + e.who;
    }
    QCOMPARE(edits,
             (QStringList{QStringLiteral("owner Mei Chan"), QStringLiteral("notes Mei Chan")}));
    // The panel shows what is stored, and the list's Owner column follows.
    QCOMPARE(m_panel->selectedCaseId(), northwind);
    QCOMPARE(owner->text(), QStringLiteral("Jordan Lee"));
    QVERIFY(!save->isEnabled());
    const QAbstractItemModel *list = m_panel->caseView()->model();
    bool listed = false;
    for (int row = 0; row < list->rowCount(); ++row) {
        const QModelIndex id = list->index(row, 0);
        if (id.data(CaseListModel::CaseIdRole).toLongLong() == northwind)
            listed = list->index(row, int(CaseListModel::Column::Owner)).data().toString() ==
                     u"Jordan Lee";
    }
    QVERIFY(listed);

    // Clearing the owner with Enter in the field: nobody owns it again; the notes stay.
    owner->selectAll();
    QTest::keyClick(owner, Qt::Key_Delete);
    QTest::keyClick(owner, Qt::Key_Return);
    stored = CaseRepository(*m_store).caseById(northwind);
    QVERIFY(stored);
    QVERIFY(stored->owner.isEmpty());
    QCOMPARE(stored->notes, QStringLiteral("Customer called; list to be cleaned by Friday."));
}

void TestCaseAccountPane::mergedCaseIsNotEditable()
{
    const qint64 into = caseWhere(
        [](const CaseRecord &c) { return c.accountId == u"IXC-10101" && c.kind == u"complaint"; });
    const qint64 from = caseWhere(
        [](const CaseRecord &c) { return c.accountId == u"IXC-10101" && c.kind == u"opt-out"; });
    QVERIFY(into > 0 && from > 0);
    QVERIFY(m_panel->mergeCases(into, from, QStringLiteral("same customer, one conversation")));
    QVERIFY(m_panel->selectCase(from));
    QVERIFY(!m_panel->ownerEdit()->isEnabled());
    QVERIFY(!m_panel->notesEdit()->isEnabled());
    QVERIFY(!m_panel->saveButton()->isEnabled());
    const Status refused = m_panel->saveOwnerAndNotes();
    QVERIFY(refused); // nothing changed, nothing written
}

void TestCaseAccountPane::screenshot()
{
    const qint64 harbour =
        caseWhere([](const CaseRecord &c) { return c.accountId == u"IXC-10077"; });
    QVERIFY(clickCase(harbour));
    QTest::qWait(50);
    QVERIFY(m_panel->grab().save(QStringLiteral("/tmp/awb-case-account.png")));
}

QTEST_MAIN(TestCaseAccountPane)
#include "tst_case_account_pane.moc"
