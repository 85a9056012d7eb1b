#include "overview_test_data.h"

#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "chain/analysis_panel.h"
#include "itemmodels/finding_list_model.h"
#include "mail/mail_message.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Awb;

class TestAnalysisPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findingsAreAllOfTheAnalysis();
    void clickEmitsFindingActivated();
    void keyboardEmitsFindingActivated();
    void hopFindingSelectsHopToo();

private:
    const Finding *findingAtRow(const AnalysisPanel &panel, int row) const;

    MessageAnalysis m_analysis;
};

void TestAnalysisPanel::initTestCase()
{
    auto message = MailMessage::parse(OverviewTest::demoOriginal());
    QVERIFY(message);
    // The demo's settings: the reporter's gateway is trusted, 203.0.113.0/24 is ours.
    const QSettings demo(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/analysis.ini"),
                         QSettings::IniFormat);
    m_analysis = analyzeMessage(*message, TrustSettings::fromSettings(demo),
                                QDateTime(QDate(2026, 11, 10), QTime(0, 0), Qt::UTC));
    QVERIFY(m_analysis.findings.size() >= 3);
    bool hopless = false;
    bool onHop = false;
    for (const Finding &finding : m_analysis.findings) {
        hopless = hopless || finding.hop < 0;
        onHop = onHop || finding.hop >= 0;
    }
    QVERIFY(hopless && onHop);
}

const Finding *TestAnalysisPanel::findingAtRow(const AnalysisPanel &panel, int row) const
{
    QTableView *table = panel.findingTable();
    const QModelIndex index = table->model()->index(row, 0);
    const QString check = index.data(FindingListModel::CheckRole).toString();
    const int hop = index.data(FindingListModel::HopRole).toInt();
    for (const Finding &finding : m_analysis.findings) {
        if (finding.check == check && finding.hop == hop)
            return &finding;
    }
    return nullptr;
}

void TestAnalysisPanel::findingsAreAllOfTheAnalysis()
{
    AnalysisPanel panel;
    panel.setAnalysis(m_analysis);
    // The filters hide rows, not findings: the source viewer still marks them all.
    panel.severityFilter()->setCurrentIndex(panel.severityFilter()->count() - 1);
    QVERIFY(panel.findingTable()->model()->rowCount() < int(m_analysis.findings.size()));
    const QList<Finding> findings = panel.findings();
    QCOMPARE(findings.size(), m_analysis.findings.size());
    for (qsizetype i = 0; i < findings.size(); ++i) {
        QCOMPARE(findings.at(i).check, m_analysis.findings.at(i).check);
        QCOMPARE(findings.at(i).location.offset, m_analysis.findings.at(i).location.offset);
    }
    panel.clear();
    QVERIFY(panel.findings().isEmpty());
}

void TestAnalysisPanel::clickEmitsFindingActivated()
{
    AnalysisPanel panel;
    panel.resize(900, 700);
    panel.setAnalysis(m_analysis);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &AnalysisPanel::findingActivated);
    QTableView *table = panel.findingTable();
    const QModelIndex second = table->model()->index(1, 0);
    const Finding *expected = findingAtRow(panel, 1);
    QVERIFY(expected);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(second).center());
    QCOMPARE(spy.size(), 1);
    const auto finding = spy.first().first().value<Finding>();
    QCOMPARE(finding.check, expected->check);
    QCOMPARE(finding.title, expected->title);
    QCOMPARE(finding.location.offset, expected->location.offset);
    QCOMPARE(finding.location.length, expected->location.length);
}

void TestAnalysisPanel::keyboardEmitsFindingActivated()
{
    AnalysisPanel panel;
    panel.resize(900, 700);
    panel.setAnalysis(m_analysis);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView *table = panel.findingTable();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QSignalSpy spy(&panel, &AnalysisPanel::findingActivated);
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().value<Finding>().check, findingAtRow(panel, 1)->check);
    // Enter on the current row shows it again; a key that moves nothing emits nothing.
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(spy.size(), 2);
    QTest::keyClick(table, Qt::Key_Shift);
    QCOMPARE(spy.size(), 2);
    // Filtering moves the current row but is not the user choosing a finding.
    panel.textFilter()->setText(QStringLiteral("zzz-no-such-finding"));
    panel.textFilter()->clear();
    QCOMPARE(spy.size(), 2);
}

void TestAnalysisPanel::hopFindingSelectsHopToo()
{
    AnalysisPanel panel;
    panel.resize(900, 700);
    panel.setAnalysis(m_analysis);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView *table = panel.findingTable();
    int row = -1;
    for (int r = 0; r < table->model()->rowCount() && row < 0; ++r) {
        if (table->model()->index(r, 0).data(FindingListModel::HopRole).toInt() >= 0)
            row = r;
    }
    QVERIFY(row >= 0);
    QSignalSpy hops(&panel, &AnalysisPanel::hopActivated);
    QSignalSpy findings(&panel, &AnalysisPanel::findingActivated);
    const QModelIndex index = table->model()->index(row, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    QCOMPARE(findings.size(), 1);
    const auto finding = findings.first().first().value<Finding>();
    QCOMPARE(panel.selectedHop(), finding.hop);
    QCOMPARE(hops.size(), 1);
    QCOMPARE(hops.first().first().toInt(), finding.hop);
}

QTEST_MAIN(TestAnalysisPanel)
#include "tst_analysis_panel.moc"
