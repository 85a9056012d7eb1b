#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "chain/analysis_panel.h"
#include "chain/chain_diagram_view.h"
#include "itemmodels/finding_filter_proxy.h"
#include "itemmodels/finding_list_model.h"
#include "itemmodels/hop_table_model.h"
#include "mail/mail_message.h"
#include "test_files.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using namespace Awb;
using AwbTest::embeddedOriginal;

namespace {

QByteArray demoReport(const char *name)
{
    QFile file(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/") +
               QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The demo network: our customers in 203.0.113.0/24, the recipient's LMTP relay trusted (as
// resources/demo/README.md describes the chain of 10-spam-non-customer.eml).
MessageAnalysis analyse(const QByteArray &bytes)
{
    auto message = MailMessage::parse(bytes);
    if (!message)
        return {};
    TrustSettings trust;
    trust.ours.add(*IpNetwork::parse(u"203.0.113.0/24"));
    trust.trusted.add(*IpNetwork::parse(u"198.51.100.25/32"));
    return analyzeMessage(*message, trust);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    p.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    return p;
}

} // namespace

class TestChainDiagramView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void forgedChainIsDrawn();
    void clickSelectsHop();
    void keyboardMovesSelection();
    void toolTipShowsRawHeader();
    void tableAndFindingsFollowSelection();
    void brokenHandoffOfReportedOriginal();
    void paletteChangeRepicksScheme();
    void screenshots();
    void clearEmpties();

private:
    MessageAnalysis m_spam;
};

void TestChainDiagramView::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QByteArray bytes = demoReport("10-spam-non-customer.eml");
    QVERIFY(!bytes.isEmpty());
    m_spam = analyse(bytes);
    QCOMPARE(m_spam.chain.hops.size(), 4);
    // Hop 1 saw the spammer connect; hop 2 names our customer but is the spammer's own claim.
    QCOMPARE(m_spam.chain.boundaryHop, 1);
    QCOMPARE(m_spam.chain.origin.ip, QStringLiteral("198.51.100.77"));
    QVERIFY(!m_spam.chain.origin.ours);
    QCOMPARE(m_spam.chain.hops.at(2).trust, HopTrust::Claimed);
    QVERIFY(m_spam.chain.hops.at(2).inOurs);
}

void TestChainDiagramView::forgedChainIsDrawn()
{
    AnalysisPanel panel;
    panel.resize(900, 1100);
    panel.setAnalysis(m_spam);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ChainDiagramView *diagram = panel.diagram();

    // The boundary between the claimed hop 2 (above) and the boundary hop 1 (below), drawn.
    const int y = diagram->boundaryY();
    QVERIFY(y > diagram->hopRect(2).bottom());
    QVERIFY(y < diagram->hopRect(1).top());
    const QImage image = diagram->grab().toImage();
    const QColor boundary = diagram->renderer().colors().boundary;
    int run = 0;
    for (int x = 0; x < image.width(); ++x)
        run += image.pixelColor(x, y) == boundary ? 1 : 0;
    QVERIFY2(run > image.width() / 2, qPrintable(QString::number(run)));

    // The forged hop: claimed (hatched edge) and marked by the time-reversal finding.
    QCOMPARE(diagram->renderer().chain().hops.at(2).trust, HopTrust::Claimed);
    bool timeReversal = false;
    for (const Finding &finding : m_spam.findings)
        timeReversal |=
            finding.check == QLatin1String("received.time-reversal") && finding.hop == 2;
    QVERIFY(timeReversal);
    const auto severity = diagram->renderer().highestSeverity(2);
    QVERIFY(severity);
    const QColor mark = diagram->renderer().colors().severityColor(*severity);
    const QRect forged = diagram->hopRect(2);
    int marked = 0;
    for (int yy = forged.top(); yy < forged.bottom(); ++yy) {
        for (int x = forged.left(); x < forged.right(); ++x)
            marked += image.pixelColor(x, yy) == mark ? 1 : 0;
    }
    QVERIFY(marked > 10);
    QVERIFY(panel.originText().contains(QStringLiteral("198.51.100.77")));
    QVERIFY(panel.originText().contains(QStringLiteral("not in our networks")));
}

void TestChainDiagramView::clickSelectsHop()
{
    AnalysisPanel panel;
    panel.resize(900, 1100);
    panel.setAnalysis(m_spam);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ChainDiagramView *diagram = panel.diagram();
    QSignalSpy clicked(diagram, &ChainDiagramView::hopClicked);
    QSignalSpy activated(&panel, &AnalysisPanel::hopActivated);
    QTest::mouseClick(diagram, Qt::LeftButton, {}, diagram->hopRect(2).center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.first().first().toInt(), 2);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toInt(), 2);
    QCOMPARE(diagram->selectedHop(), 2);
    QCOMPARE(panel.selectedHop(), 2);
    // Clicking between boxes selects nothing new.
    QTest::mouseClick(diagram, Qt::LeftButton, {},
                      QPoint(diagram->hopRect(2).center().x(), diagram->hopRect(2).top() - 4));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(diagram->selectedHop(), 2);
}

void TestChainDiagramView::keyboardMovesSelection()
{
    ChainDiagramView diagram;
    diagram.resize(700, diagram.heightForWidth(700));
    diagram.setAnalysis(m_spam.chain, m_spam.findings);
    QSignalSpy changed(&diagram, &ChainDiagramView::selectedHopChanged);
    QTest::keyClick(&diagram, Qt::Key_Down); // nothing selected: the top of the drawing
    QCOMPARE(diagram.selectedHop(), 3);
    QTest::keyClick(&diagram, Qt::Key_Down);
    QCOMPARE(diagram.selectedHop(), 2);
    QTest::keyClick(&diagram, Qt::Key_End);
    QCOMPARE(diagram.selectedHop(), 0);
    QTest::keyClick(&diagram, Qt::Key_Down); // already at the bottom
    QCOMPARE(diagram.selectedHop(), 0);
    QTest::keyClick(&diagram, Qt::Key_Up);
    QCOMPARE(diagram.selectedHop(), 1);
    QCOMPARE(changed.count(), 4);
    diagram.setSelectedHop(3); // from code: no signal
    QCOMPARE(changed.count(), 4);
}

void TestChainDiagramView::toolTipShowsRawHeader()
{
    ChainDiagramView diagram;
    diagram.setAnalysis(m_spam.chain, m_spam.findings);
    diagram.resize(700, diagram.heightForWidth(700));
    diagram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diagram));
    const QPoint pos = diagram.hopRect(2).center();
    QHelpEvent help(QEvent::ToolTip, pos, diagram.mapToGlobal(pos));
    QApplication::sendEvent(&diagram, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    // Escaped: the raw header's <address> must not vanish as a tag.
    QVERIFY(QToolTip::text().contains(
        QStringLiteral("from mx.northwind-deals.example ([203.0.113.11])")));
    QVERIFY(QToolTip::text().contains(QStringLiteral("&lt;drew.sample@example.net&gt;")));
    QToolTip::hideText();
}

void TestChainDiagramView::tableAndFindingsFollowSelection()
{
    AnalysisPanel panel;
    panel.setAnalysis(m_spam);
    QSignalSpy activated(&panel, &AnalysisPanel::hopActivated);

    // Oldest stamp first in the table, as in the diagram.
    QCOMPARE(panel.hopTable()->model()->index(0, 0).data(HopTableModel::HopIndexRole).toInt(), 3);

    panel.selectHop(2); // from code: the views follow, no signal
    QCOMPARE(panel.diagram()->selectedHop(), 2);
    const QModelIndexList rows = panel.hopTable()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data(HopTableModel::HopIndexRole).toInt(), 2);
    QCOMPARE(activated.count(), 0);

    // "Selected hop only" filters the findings to that hop.
    const int all = panel.findingProxy()->rowCount();
    panel.selectedHopOnly()->setChecked(true);
    QCOMPARE(panel.findingProxy()->hop(), 2);
    QVERIFY(panel.findingProxy()->rowCount() < all);
    for (int row = 0; row < panel.findingProxy()->rowCount(); ++row)
        QCOMPARE(panel.findingProxy()->index(row, 0).data(FindingListModel::HopRole).toInt(), 2);

    // Selecting a row in the hop table is the user's choice: it is announced.
    const QModelIndex hop1 = panel.hopTable()->model()->index(2, 0);
    QCOMPARE(hop1.data(HopTableModel::HopIndexRole).toInt(), 1);
    panel.hopTable()->selectionModel()->select(hop1, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toInt(), 1);
    QCOMPARE(panel.diagram()->selectedHop(), 1);
    QCOMPARE(panel.findingProxy()->hop(), 1);

    // The severity filter.
    panel.selectedHopOnly()->setChecked(false);
    panel.severityFilter()->setCurrentIndex(panel.severityFilter()->count() - 1);
    QCOMPARE(panel.findingProxy()->minimumSeverity(), Severity::Critical);
    panel.textFilter()->setText(QStringLiteral("received"));
    QCOMPARE(panel.findingProxy()->filterText(), QStringLiteral("received"));
}

void TestChainDiagramView::brokenHandoffOfReportedOriginal()
{
    // The ARF report's original: its hop 2 claims to be written by relay7.bigbank.example, but
    // hop 1 saw mx.northwind-deals.example connect.
    const QByteArray original = embeddedOriginal(demoReport("01-arf-fbl-northwind.eml"));
    QVERIFY(original.startsWith("Return-Path:"));
    const MessageAnalysis analysis = analyse(original);
    QCOMPARE(analysis.chain.boundaryHop, 1);
    QVERIFY(analysis.chain.origin.ours);
    ChainDiagramView diagram;
    diagram.setAnalysis(analysis.chain, analysis.findings);
    diagram.resize(760, diagram.heightForWidth(760));
    QVERIFY(diagram.renderer().isHandoffBroken(1));
    QVERIFY(!diagram.renderer().isHandoffBroken(0));
    diagram.grab().save(QStringLiteral("/tmp/awb-chain-arf.png"));
}

void TestChainDiagramView::paletteChangeRepicksScheme()
{
    ChainDiagramView diagram;
    diagram.setAnalysis(m_spam.chain, m_spam.findings);
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    diagram.setPalette(light);
    QVERIFY(!diagram.isDarkScheme());
    diagram.setPalette(darkPalette());
    QVERIFY(diagram.isDarkScheme());
    QCOMPARE(diagram.renderer().colors().background, darkPalette().color(QPalette::Base));
    QCOMPARE(diagram.renderer().colors().claimedFill, ChainColors::dark().claimedFill);
}

void TestChainDiagramView::screenshots()
{
    // Saved for a person to look at: the panel on the Path tab in both schemes.
    for (const bool dark : {false, true}) {
        AnalysisPanel panel;
        if (dark)
            panel.setPalette(darkPalette());
        panel.resize(900, 1300);
        panel.setAnalysis(m_spam);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.selectHop(2);
        QCOMPARE(panel.diagram()->isDarkScheme(), dark);
        const QString path = dark ? QStringLiteral("/tmp/awb-chain-dark.png")
                                  : QStringLiteral("/tmp/awb-chain-light.png");
        QVERIFY(panel.grab().save(path));
        panel.tabs()->setCurrentIndex(1);
        QVERIFY(panel.grab().save(dark ? QStringLiteral("/tmp/awb-chain-hops-dark.png")
                                       : QStringLiteral("/tmp/awb-chain-hops-light.png")));
    }
}

void TestChainDiagramView::clearEmpties()
{
    AnalysisPanel panel;
    panel.setAnalysis(m_spam);
    panel.selectHop(1);
    panel.clear();
    QCOMPARE(panel.selectedHop(), -1);
    QCOMPARE(panel.hopModel()->rowCount(), 0);
    QCOMPARE(panel.findingModel()->rowCount(), 0);
    QVERIFY(panel.diagram()->renderer().chain().hops.isEmpty());
    QCOMPARE(panel.diagram()->boundaryY(), -1);
}

QTEST_MAIN(TestChainDiagramView)
#include "tst_chain_diagram_view.moc"
