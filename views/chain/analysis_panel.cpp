#include "chain/analysis_panel.h"

#include "chain/chain_diagram_view.h"
#include "chain/finding_item_delegate.h"
#include "chain/hop_item_delegate.h"

#include "itemmodels/finding_filter_proxy.h"
#include "itemmodels/finding_list_model.h"
#include "itemmodels/hop_table_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <functional>

namespace Awb {

namespace {

void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setSortingEnabled(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
}

// A table that reports rows reached with the keyboard: clicks and Enter come as signals from
// QAbstractItemView, but moving with the arrow keys only changes the current index, which
// filtering and sorting change too, so the key press itself is what tells them apart.
class KeyboardReportingTable : public QTableView
{
public:
    explicit KeyboardReportingTable(std::function<void(const QModelIndex &)> onMove,
                                    QWidget *parent)
        : QTableView(parent)
        , m_onMove(std::move(onMove))
    {}

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        const QPersistentModelIndex before = currentIndex();
        QTableView::keyPressEvent(event);
        const QModelIndex after = currentIndex();
        if (after.isValid() && (after.row() != before.row() || !before.isValid()))
            m_onMove(after);
    }

private:
    std::function<void(const QModelIndex &)> m_onMove;
};

} // namespace

AnalysisPanel::AnalysisPanel(QWidget *parent)
    : QWidget(parent)
    , m_origin(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_diagram(new ChainDiagramView)
    , m_scroll(new QScrollArea)
    , m_hopModel(new HopTableModel(this))
    , m_hopSort(new QSortFilterProxyModel(this))
    , m_hopTable(new QTableView)
    , m_findingModel(new FindingListModel(this))
    , m_findingProxy(new FindingFilterProxy(this))
    , m_findingDelegate(new FindingItemDelegate(this))
{
    m_origin->setTextFormat(Qt::RichText);
    m_origin->setWordWrap(true);
    m_origin->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_origin->setContentsMargins(4, 2, 4, 2);

    m_scroll->setWidget(m_diagram);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_scroll->setBackgroundRole(QPalette::Base);
    m_tabs->addTab(m_scroll, tr("&Path"));

    m_hopSort->setSourceModel(m_hopModel);
    m_hopSort->setSortRole(HopTableModel::SortRole);
    m_hopTable->setModel(m_hopSort);
    m_hopTable->setItemDelegate(new HopItemDelegate(m_hopTable));
    setUpTable(m_hopTable);
    // Oldest stamp first, as the diagram draws the path.
    m_hopTable->sortByColumn(int(HopTableModel::Column::Index), Qt::DescendingOrder);
    m_tabs->addTab(m_hopTable, tr("&Hops"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(createFindingsPane());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_origin);
    layout->addWidget(splitter, 1);

    connect(m_diagram, &ChainDiagramView::selectedHopChanged, this,
            [this](int hop) { setSelectedHop(hop, true); });
    connect(m_hopTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AnalysisPanel::onHopTableSelectionChanged);
    connect(m_findingTable, &QAbstractItemView::clicked, this, &AnalysisPanel::onFindingActivated);
    connect(m_findingTable, &QAbstractItemView::activated, this,
            &AnalysisPanel::onFindingActivated);
    clear();
}

AnalysisPanel::~AnalysisPanel() = default;

QWidget *AnalysisPanel::createFindingsPane()
{
    auto *pane = new QWidget;
    m_findingsTitle = new QLabel(pane);
    QFont bold = m_findingsTitle->font();
    bold.setBold(true);
    m_findingsTitle->setFont(bold);

    m_severity = new QComboBox(pane);
    m_severity->addItem(tr("All severities"), int(Severity::Info));
    m_severity->addItem(tr("Low and above"), int(Severity::Low));
    m_severity->addItem(tr("Medium and above"), int(Severity::Medium));
    m_severity->addItem(tr("High and above"), int(Severity::High));
    m_severity->addItem(tr("Critical only"), int(Severity::Critical));
    m_severity->setToolTip(tr("Show findings of at least this severity"));

    m_text = new QLineEdit(pane);
    m_text->setPlaceholderText(tr("Filter findings…"));
    m_text->setClearButtonEnabled(true);

    m_hopOnly = new QCheckBox(tr("Selected hop only"), pane);
    m_hopOnly->setToolTip(tr("Show only the findings about the hop selected above"));

    m_findingTable = new KeyboardReportingTable(
        [this](const QModelIndex &index) { onFindingActivated(index); }, pane);
    m_findingProxy->setSourceModel(m_findingModel);
    m_findingTable->setModel(m_findingProxy);
    m_findingTable->setItemDelegate(m_findingDelegate);
    setUpTable(m_findingTable);
    m_findingTable->sortByColumn(int(FindingListModel::Column::Severity), Qt::DescendingOrder);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_findingsTitle);
    filters->addStretch(1);
    filters->addWidget(m_severity);
    filters->addWidget(m_text, 2);
    filters->addWidget(m_hopOnly);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_findingTable, 1);

    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_findingProxy->setMinimumSeverity(Severity(m_severity->currentData().toInt()));
        updateFindingsCount();
    });
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_findingProxy->setFilterText(text);
        updateFindingsCount();
    });
    connect(m_hopOnly, &QCheckBox::toggled, this, &AnalysisPanel::updateHopOnlyFilter);
    return pane;
}

void AnalysisPanel::setAnalysis(const MessageAnalysis &analysis)
{
    m_selectedHop = -1;
    m_findingDelegate->setHighlightedHop(-1);
    m_diagram->setAnalysis(analysis.chain, analysis.findings);
    m_hopModel->setAnalysis(analysis.chain, analysis.findings);
    m_findingModel->setFindings(analysis.findings);
    m_hopTable->resizeColumnsToContents();
    m_findingTable->resizeColumnsToContents();
    updateOriginLine(analysis);
    updateHopOnlyFilter();
}

void AnalysisPanel::clear()
{
    setAnalysis({});
    m_origin->setText(tr("No message analysed."));
}

QList<Finding> AnalysisPanel::findings() const
{
    return m_findingModel->findings();
}

void AnalysisPanel::selectHop(int hop)
{
    setSelectedHop(hop, false);
}

QString AnalysisPanel::originText() const
{
    return QTextDocumentFragment::fromHtml(m_origin->text()).toPlainText();
}

void AnalysisPanel::setSelectedHop(int hop, bool byUser)
{
    if (hop < 0 || hop >= m_hopModel->rowCount())
        hop = -1;
    if (m_syncing || hop == m_selectedHop)
        return;
    m_syncing = true;
    m_selectedHop = hop;
    m_diagram->setSelectedHop(hop);
    if (hop >= 0) {
        const QRect box = m_diagram->hopRect(hop);
        m_scroll->ensureVisible(box.center().x(), box.center().y(), 0, box.height() / 2 + 8);
        const QModelIndex row = m_hopSort->mapFromSource(m_hopModel->index(hop, 0));
        m_hopTable->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);
        m_hopTable->scrollTo(row);
    } else {
        m_hopTable->clearSelection();
    }
    m_findingDelegate->setHighlightedHop(hop);
    updateHopOnlyFilter();
    m_findingTable->viewport()->update();
    m_syncing = false;
    if (byUser && hop >= 0)
        Q_EMIT hopActivated(hop);
}

void AnalysisPanel::onHopTableSelectionChanged()
{
    const QModelIndexList rows = m_hopTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    setSelectedHop(rows.first().data(HopTableModel::HopIndexRole).toInt(), true);
}

void AnalysisPanel::onFindingActivated(const QModelIndex &index)
{
    const Finding *chosen = m_findingModel->findingAt(m_findingProxy->mapToSource(index).row());
    if (!index.isValid() || !chosen)
        return;
    // Selecting the hop may refilter the table ("selected hop only"): copy the finding first.
    const Finding finding = *chosen;
    if (finding.hop >= 0)
        setSelectedHop(finding.hop, true);
    Q_EMIT findingActivated(finding);
}

void AnalysisPanel::updateHopOnlyFilter()
{
    m_hopOnly->setEnabled(m_selectedHop >= 0);
    m_hopOnly->setText(m_selectedHop >= 0 ? tr("Hop %1 only").arg(m_selectedHop)
                                          : tr("Selected hop only"));
    const bool only = m_hopOnly->isChecked() && m_selectedHop >= 0;
    m_findingProxy->setHop(only ? m_selectedHop : FindingFilterProxy::AllHops);
    updateFindingsCount();
}

void AnalysisPanel::updateFindingsCount()
{
    const int shown = m_findingProxy->rowCount();
    const int total = m_findingModel->rowCount();
    m_findingsTitle->setText(shown == total ? tr("Findings (%1)").arg(total)
                                            : tr("Findings (%1 of %2)").arg(shown).arg(total));
}

void AnalysisPanel::updateOriginLine(const MessageAnalysis &analysis)
{
    const Origin &origin = analysis.chain.origin;
    QString html;
    if (origin.ip.isEmpty()) {
        html = tr("<b>Origin:</b> none named.");
    } else {
        const QString whose =
            origin.ours ? tr("<b>ours</b>: in our networks") : tr("not in our networks");
        html = tr("<b>Origin:</b> %1 (hop %2), %3.")
                   .arg(origin.ip.toHtmlEscaped())
                   .arg(origin.hop)
                   .arg(whose);
    }
    if (!origin.reason.isEmpty())
        html += QLatin1Char(' ') + origin.reason.toHtmlEscaped();
    for (const ClaimedClientIp &claim : analysis.chain.claimedClientIps) {
        html += QStringLiteral("<br>") +
                tr("Claimed client address in %1: %2 (the sender's claim, not evidence).")
                    .arg(claim.header.toHtmlEscaped(),
                         (claim.ip.isEmpty() ? claim.value : claim.ip).toHtmlEscaped());
    }
    m_origin->setText(html);
}

} // namespace Awb
