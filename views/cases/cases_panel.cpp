#include "cases/cases_panel.h"

#include "accounts/account_history.h"
#include "itemmodels/case_list_model.h"
#include "itemmodels/case_report_model.h"
#include "store/case_repository.h"
#include "store/case_store.h"
#include "store/evidence_repository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

namespace Awb {

namespace {

QTableView *makeTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

CasesPanel::CasesPanel(QWidget *parent)
    : QWidget(parent)
    , m_caseModel(new CaseListModel(this))
    , m_caseProxy(new QSortFilterProxyModel(this))
    , m_reportModel(new CaseReportModel(this))
    , m_statusFilter(new QComboBox(this))
    , m_caseView(makeTable(this))
    , m_reportView(makeTable(this))
    , m_events(new QTreeWidget(this))
    , m_message(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Status:"), this));
    m_statusFilter->addItem(tr("All"), QString());
    for (const QString &status : caseStatusKeys())
        m_statusFilter->addItem(CaseListModel::statusLabel(status), status);
    bar->addWidget(m_statusFilter);
    buildActions(bar);
    layout->addLayout(bar);

    m_caseProxy->setSourceModel(m_caseModel);
    m_caseProxy->setSortRole(CaseListModel::SortRole);
    m_caseProxy->setFilterRole(CaseListModel::StatusRole);
    m_caseView->setModel(m_caseProxy);
    m_caseView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_caseView->setSortingEnabled(true);
    m_caseView->sortByColumn(int(CaseListModel::Column::Due), Qt::AscendingOrder);
    using CaseColumn = CaseListModel::Column;
    const std::pair<CaseColumn, int> caseWidths[] = {
        {CaseColumn::Due, 115},    {CaseColumn::PublicId, 175}, {CaseColumn::Account, 85},
        {CaseColumn::Kind, 70},    {CaseColumn::Status, 90},    {CaseColumn::Severity, 60},
        {CaseColumn::Reports, 55}, {CaseColumn::Owner, 60}};
    for (const auto &[column, width] : caseWidths)
        m_caseView->horizontalHeader()->resizeSection(int(column), width);
    // The opening time is in the fields beside the list; the list keeps to what sorts the work.
    m_caseView->setColumnHidden(int(CaseColumn::Opened), true);

    m_reportView->setModel(m_reportModel);
    m_reportView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    using ReportColumn = CaseReportModel::Column;
    const std::pair<ReportColumn, int> reportWidths[] = {{ReportColumn::Received, 115},
                                                         {ReportColumn::Format, 70},
                                                         {ReportColumn::Reporter, 120},
                                                         {ReportColumn::Origin, 100},
                                                         {ReportColumn::Subject, 140}};
    for (const auto &[column, width] : reportWidths)
        m_reportView->horizontalHeader()->resizeSection(int(column), width);
    m_reportView->horizontalHeader()->setStretchLastSection(true);

    m_events->setRootIsDecorated(false);
    m_events->setHeaderLabels({tr("When (UTC)"), tr("Event"), tr("Who"), tr("Why")});
    m_events->header()->resizeSection(0, 115);
    m_events->header()->resizeSection(1, 240);
    m_events->header()->resizeSection(2, 70);

    m_lookBackMonths = accountLookBackMonths(QSettings());

    // The case list over its fields; the evidence (reports) over the account's history and the
    // case's own, so that the history stands beside the evidence it is weighed with.
    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_caseView);
    left->addWidget(buildDetails());
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    left->setChildrenCollapsible(false);

    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setObjectName(QStringLiteral("caseSideTabs"));
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(buildAccountPane(), tr("Account history"));
    m_sideTabs->addTab(m_events, tr("Case history"));
    auto *reports = new QWidget(this);
    auto *reportsLayout = new QVBoxLayout(reports);
    reportsLayout->setContentsMargins(0, 0, 0, 0);
    reportsLayout->addWidget(new QLabel(tr("Reports (evidence)"), reports));
    reportsLayout->addWidget(m_reportView);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(reports);
    right->addWidget(m_sideTabs);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 5);
    right->setSizes({240, 600});
    right->setChildrenCollapsible(false);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
    split->setSizes({720, 680});
    layout->addWidget(split, 1);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &CasesPanel::setStatusFilter);
    // A mouse click moves the current index before it selects the row, so the details follow
    // the selection, not the current row.
    connect(m_caseView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CasesPanel::showSelectedCase);
    connect(m_reportView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CasesPanel::updateActions);
    connect(m_reportView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &i) {
        const qint64 id = i.data(CaseReportModel::EvidenceIdRole).toLongLong();
        if (id > 0)
            Q_EMIT reportActivated(id);
    });
    showSelectedCase();
}

CasesPanel::~CasesPanel() = default;

void CasesPanel::buildActions(QLayout *bar)
{
    static_cast<QHBoxLayout *>(bar)->addStretch(1);
    const auto add = [this, bar](const QString &text, void (CasesPanel::*action)()) {
        auto *button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this, action);
        bar->addWidget(button);
        return button;
    };
    m_group = add(tr("Group New Reports"), &CasesPanel::groupAction);
    m_merge = add(tr("Merge Into…"), &CasesPanel::mergeAction);
    m_split = add(tr("Split Selected Reports"), &CasesPanel::splitAction);
    m_move = add(tr("Move Report To…"), &CasesPanel::moveAction);
    m_status = add(tr("Set Status…"), &CasesPanel::statusAction);
    m_decide = add(tr("Advise && Decide…"), &CasesPanel::decideAction);
    m_notice = add(tr("Notice…"), &CasesPanel::noticeAction);
    m_printReport = add(tr("Print…"), &CasesPanel::printReportAction);
    m_previewReport = add(tr("Print Preview…"), &CasesPanel::previewReportAction);
    m_exportReport = add(tr("Export PDF…"), &CasesPanel::exportReportAction);
}

void CasesPanel::setStore(CaseStore *store)
{
    m_store = store;
    reload();
}

void CasesPanel::setTrustSettings(const TrustSettings &trust)
{
    m_trust = trust;
}

void CasesPanel::setNow(const QDateTime &now)
{
    m_now = now;
}

void CasesPanel::setLookBackMonths(int months)
{
    m_lookBackMonths = std::max(1, months);
}

void CasesPanel::reload()
{
    const qint64 keep = selectedCaseId();
    if (!m_store) {
        m_caseModel->setCases({});
    } else if (Status loaded = m_caseModel->reload(CaseRepository(*m_store)); !loaded) {
        m_message->setText(tr("Could not read the cases: %1").arg(loaded.error()));
    }
    if (keep == 0 || !selectCase(keep))
        showSelectedCase();
}

void CasesPanel::setStatusFilter(int comboIndex)
{
    // Built once here, not per row: an exact match on the status key, or everything.
    const QString key = m_statusFilter->itemData(comboIndex).toString();
    m_caseProxy->setFilterRegularExpression(
        key.isEmpty() ? QString() : QStringLiteral("^%1$").arg(QRegularExpression::escape(key)));
    showSelectedCase();
}

qint64 CasesPanel::selectedCaseId() const
{
    const QModelIndex current = m_caseView->selectionModel()->currentIndex();
    if (!current.isValid() || !m_caseView->selectionModel()->isRowSelected(current.row()))
        return 0;
    return current.data(CaseListModel::CaseIdRole).toLongLong();
}

bool CasesPanel::selectCase(qint64 caseId)
{
    const int row = m_caseModel->rowOfId(caseId);
    const QModelIndex index = m_caseProxy->mapFromSource(m_caseModel->index(row, 0));
    if (row < 0 || !index.isValid())
        return false;
    m_caseView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    m_caseView->scrollTo(index);
    showSelectedCase();
    return true;
}

QList<qint64> CasesPanel::selectedReportIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_reportView->selectionModel()->selectedRows();
    for (int row = 0; row < m_reportModel->rowCount(); ++row) {
        const QModelIndex index = m_reportModel->index(row, 0);
        if (rows.contains(index))
            ids << index.data(CaseReportModel::EvidenceIdRole).toLongLong();
    }
    return ids;
}

qint64 CasesPanel::caseIdOfPublicId(const QString &publicId) const
{
    for (int row = 0; row < m_caseModel->rowCount(); ++row) {
        if (m_caseModel->caseAt(row)->publicId == publicId)
            return m_caseModel->caseAt(row)->id;
    }
    return 0;
}

void CasesPanel::showSelectedCase()
{
    const qint64 caseId = selectedCaseId();
    std::optional<CaseRecord> record;
    if (caseId != 0 && m_store) {
        // caseById carries the events, which the list's records leave out.
        Result<CaseRecord> full = CaseRepository(*m_store).caseById(caseId);
        if (full)
            record = std::move(full.value());
        else
            m_message->setText(full.error());
    }
    if (record && m_store) {
        if (Status loaded = m_reportModel->load(*record, EvidenceRepository(*m_store)); !loaded)
            m_message->setText(loaded.error());
    } else {
        m_reportModel->clear();
    }
    showFields(record ? &*record : nullptr);
    showEvents(record ? &*record : nullptr);
    showAccount(record ? &*record : nullptr);
    updateActions();
}

void CasesPanel::showEvents(const CaseRecord *record)
{
    m_events->clear();
    if (!record)
        return;
    for (const CaseEventRecord &event : record->events) {
        QString what;
        if (event.kind == u"opened")
            what = tr("Opened");
        else if (event.kind == u"report-added")
            what = tr("Report %1 added").arg(event.evidenceId);
        else if (event.kind == u"merge")
            what = tr("Merge with %1").arg(event.otherCaseId);
        else if (event.kind == u"split")
            what = tr("Split with %1").arg(event.otherCaseId);
        else if (event.kind == u"move")
            what =
                tr("Report %1 moved (other case %2)").arg(event.evidenceId).arg(event.otherCaseId);
        else if (event.kind == u"owner")
            what = event.newValue.isEmpty() ? tr("Owner removed (was %1)").arg(event.oldValue)
                                            : tr("Owner → %1").arg(event.newValue);
        else if (event.kind == u"notes")
            what = tr("Notes changed");
        else if (event.kind == u"attributed")
            what = tr("Attributed to account %1").arg(event.newValue);
        else if (event.kind == u"status")
            what = tr("Status %1 → %2")
                       .arg(CaseListModel::statusLabel(event.oldValue),
                            CaseListModel::statusLabel(event.newValue));
        else
            what = event.kind;
        auto *item = new QTreeWidgetItem(
            m_events, {event.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), what,
                       event.who, event.why});
        item->setData(0, Qt::UserRole, event.kind);
        item->setToolTip(3, event.why);
    }
}

void CasesPanel::updateActions()
{
    const bool haveCase = selectedCaseId() != 0;
    const int reports = int(selectedReportIds().size());
    m_group->setEnabled(m_store != nullptr);
    m_merge->setEnabled(haveCase);
    m_decide->setEnabled(haveCase);
    m_notice->setEnabled(haveCase);
    m_split->setEnabled(haveCase && reports > 0 && reports < m_reportModel->rowCount());
    m_move->setEnabled(haveCase && reports == 1);
    m_status->setEnabled(haveCase);
    for (QPushButton *report : {m_printReport, m_previewReport, m_exportReport})
        report->setEnabled(haveCase);
}

} // namespace Awb
