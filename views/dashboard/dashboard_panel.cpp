#include "dashboard/dashboard_panel.h"

#include "itemmodels/account_listing_model.h"
#include "itemmodels/dashboard_list_model.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Awb {
namespace {

QString utcText(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QString();
}

// "overdue 3 d 4 h" / "in 5 h": how far a deadline is from now, to the hour.
QString relativeText(const QDateTime &due, const QDateTime &now)
{
    if (!due.isValid())
        return DashboardPanel::tr("no deadline");
    const qint64 seconds = now.secsTo(due);
    const qint64 hours = std::abs(seconds) / 3600;
    const QString span = hours >= 24
                             ? DashboardPanel::tr("%1 d %2 h").arg(hours / 24).arg(hours % 24)
                             : DashboardPanel::tr("%1 h").arg(hours);
    return seconds < 0 ? DashboardPanel::tr("overdue %1").arg(span)
                       : DashboardPanel::tr("in %1").arg(span);
}

// Fill patterns per format, so that the stacked bars still read on a black-and-white printout
// and for a reader who cannot tell the palette's colours apart.
Qt::BrushStyle patternFor(int index)
{
    static const Qt::BrushStyle patterns[] = {
        Qt::SolidPattern, Qt::BDiagPattern, Qt::Dense4Pattern, Qt::CrossPattern,
        Qt::FDiagPattern, Qt::HorPattern,   Qt::VerPattern,    Qt::DiagCrossPattern};
    return patterns[index % std::size(patterns)];
}

} // namespace

DashboardPanel::DashboardPanel(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_chart(new QChartView(this))
    , m_listTitle(new QLabel(this))
    , m_table(new QTableView(this))
    , m_list(new DashboardListModel(this))
{
    auto *tiles = new QHBoxLayout;
    addTile(tr("Overdue"), [this] {
        showCases(tr("Overdue: open cases past their 72-hour "
                     "response deadline (policy V)"),
                  m_board.overdue);
    });
    addTile(tr("Due today"),
            [this] { showCases(tr("Due today (Hong Kong day)"), m_board.dueToday); });
    addTile(tr("Waiting on customer"),
            [this] { showCases(tr("Waiting on the customer"), m_board.awaitingCustomer); });
    addTile(tr("Other open"), [this] {
        showCases(tr("Open cases due after today or without a deadline"), m_board.otherOpen);
    });
    addTile(tr("Blacklistings in force"), [this] { showListings(); });
    addTile(tr("Suspensions ending soon"), [this] { showSuspensions(); });
    addTile(tr("Accounts reported this week"), [this] { showTopAccounts(); });
    for (QToolButton *tile : std::as_const(m_tiles))
        tiles->addWidget(tile);

    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    m_table->setModel(m_list);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    connect(m_table, &QTableView::activated, this, &DashboardPanel::activateRow);
    QFont titleFont = m_listTitle->font();
    titleFont.setBold(true);
    m_listTitle->setFont(titleFont);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_listTitle);
    lowerLayout->addWidget(m_table);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tiles);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    m_listTitle->setText(tr("Click a number to list what it counts; activate a row to open it."));
}

QToolButton *DashboardPanel::addTile(const QString &label, const std::function<void()> &onClick)
{
    auto *tile = new QToolButton(this);
    tile->setProperty("dashboardLabel", label);
    tile->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    tile->setMinimumHeight(64);
    connect(tile, &QToolButton::clicked, this, onClick);
    m_tiles.append(tile);
    return tile;
}

void DashboardPanel::setStore(CaseStore *store)
{
    m_store = store;
    reload();
}

void DashboardPanel::setNow(const QDateTime &now)
{
    m_fixedNow = now;
}

void DashboardPanel::reload()
{
    m_board = DeskDashboard{};
    if (m_store) {
        Result<DeskDashboard> board = loadDeskDashboard(*m_store, m_fixedNow);
        if (!board) {
            m_status->setText(tr("The dashboard could not be read: %1").arg(board.error()));
        } else {
            m_board = *board;
            m_status->setText(tr("As of %1. Deadlines: 72 hours from receipt (policy V).")
                                  .arg(utcText(m_board.now)));
        }
    } else {
        m_status->setText(tr("No case database is open."));
    }
    updateTiles();
    rebuildChart();
    m_list->setRows({}, {}, {});
}

void DashboardPanel::updateTiles()
{
    const int counts[] = {
        int(m_board.overdue.size()),          int(m_board.dueToday.size()),
        int(m_board.awaitingCustomer.size()), int(m_board.otherOpen.size()),
        int(m_board.listingsInForce.size()),  int(m_board.suspensionsEndingSoon.size()),
        int(m_board.topAccounts.size())};
    for (int i = 0; i < m_tiles.size(); ++i) {
        QToolButton *tile = m_tiles.at(i);
        tile->setText(QStringLiteral("%1\n%2").arg(counts[i]).arg(
            tile->property("dashboardLabel").toString()));
        QFont font = tile->font();
        // The two numbers that mean someone is already late stand out when they are not zero,
        // in weight rather than colour so that they do so in any theme and on paper.
        font.setBold(counts[i] > 0 && (i == 0 || i == 4));
        font.setPointSizeF(QWidget::font().pointSizeF() * 1.2);
        tile->setFont(font);
        tile->setAccessibleName(tile->text().replace(QLatin1Char('\n'), QLatin1Char(' ')));
    }
}

void DashboardPanel::rebuildChart()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Reports received per day (Hong Kong days), by format"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *series = new QStackedBarSeries(chart);
    const QPalette palette = this->palette();
    for (int f = 0; f < m_board.formats.size(); ++f) {
        const QString format = m_board.formats.at(f);
        auto *set = new QBarSet(format, series);
        for (const QDate &day : std::as_const(m_board.days))
            set->append(m_board.reportsPerDay.value(day).value(format));
        set->setBrush(QBrush(palette.color(QPalette::Text), patternFor(f)));
        set->setPen(QPen(palette.color(QPalette::Text)));
        set->setLabelColor(palette.color(QPalette::Text));
        connect(set, &QBarSet::clicked, this, [this, format](int index) {
            if (index >= 0 && index < m_board.days.size())
                showReportsOf(m_board.days.at(index), format);
        });
        series->append(set);
    }
    chart->addSeries(series);
    auto *days = new QBarCategoryAxis(chart);
    QStringList labels;
    for (const QDate &day : std::as_const(m_board.days))
        labels.append(day.toString(QStringLiteral("d")));
    days->append(labels);
    if (!m_board.days.isEmpty()) {
        days->setTitleText(tr("%1 to %2")
                               .arg(m_board.days.first().toString(QStringLiteral("d MMM yyyy")),
                                    m_board.days.last().toString(QStringLiteral("d MMM yyyy"))));
    }
    chart->addAxis(days, Qt::AlignBottom);
    series->attachAxis(days);
    int peak = 0;
    for (const QDate &day : std::as_const(m_board.days)) {
        int total = 0;
        for (int count : m_board.reportsPerDay.value(day))
            total += count;
        peak = std::max(peak, total);
    }
    auto *counts = new QValueAxis(chart);
    counts->setRange(0, std::max(peak, 1));
    counts->setTickCount(std::min(std::max(peak, 1), 5) + 1);
    counts->setLabelFormat(QStringLiteral("%d"));
    counts->setTitleText(tr("reports"));
    chart->addAxis(counts, Qt::AlignLeft);
    series->attachAxis(counts);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
    }
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void DashboardPanel::showCases(const QString &title, const QList<DashboardCase> &cases)
{
    QList<DashboardListModel::Row> rows;
    for (const DashboardCase &item : cases) {
        rows.append(
            {{item.publicId, item.accountId.isEmpty() ? tr("(unattributed)") : item.accountId,
              item.status, item.severity, QString::number(item.reportCount),
              utcText(item.responseDue), relativeText(item.responseDue, m_board.now)},
             DashboardListModel::Target::Case,
             item.id,
             {}});
    }
    m_list->setRows(title,
                    {tr("Case"), tr("Account"), tr("Status"), tr("Severity"), tr("Reports"),
                     tr("Response due"), tr("Where it stands")},
                    rows);
    m_listTitle->setText(tr("%1 (%2)").arg(title).arg(rows.size()));
    fitColumns();
}

void DashboardPanel::showListings()
{
    QList<DashboardListModel::Row> rows;
    for (const StoredListing &listing : std::as_const(m_board.listingsInForce)) {
        rows.append({{listing.accountId.isEmpty() ? tr("(no account)") : listing.accountId,
                      listing.listName, listing.addressOrRange, listing.meaning,
                      utcText(listing.checkedAt), AccountListingModel::sourceLabel(listing.source)},
                     DashboardListModel::Target::Account,
                     0,
                     listing.accountId});
    }
    const QString title = tr("Blacklistings in force (the newest observation says listed)");
    m_list->setRows(title,
                    {tr("Account"), tr("List"), tr("Address or range"), tr("Meaning"),
                     tr("Observed"), tr("Source")},
                    rows);
    m_listTitle->setText(tr("%1 (%2)").arg(title).arg(rows.size()));
    fitColumns();
}

void DashboardPanel::showSuspensions()
{
    QList<DashboardListModel::Row> rows;
    for (const DashboardSuspension &item : std::as_const(m_board.suspensionsEndingSoon)) {
        rows.append({{item.accountId, item.name, utcText(item.endsAt),
                      relativeText(item.endsAt, m_board.now)},
                     DashboardListModel::Target::Account,
                     0,
                     item.accountId});
    }
    const QString title = tr("Suspensions ending within %1 days").arg(m_board.soonDays);
    m_list->setRows(title, {tr("Account"), tr("Customer"), tr("Ends"), tr("")}, rows);
    m_listTitle->setText(tr("%1 (%2)").arg(title).arg(rows.size()));
    fitColumns();
}

void DashboardPanel::showTopAccounts()
{
    QList<DashboardListModel::Row> rows;
    for (const AccountSummary &summary : std::as_const(m_board.topAccounts)) {
        rows.append({{summary.accountId, summary.name, summary.status,
                      QString::number(summary.reportsLast7Days), QString::number(summary.openCases),
                      utcText(summary.lastReportAt)},
                     DashboardListModel::Target::Account,
                     0,
                     summary.accountId});
    }
    const QString title = tr("Accounts with the most complaints in the last 7 days");
    m_list->setRows(title,
                    {tr("Account"), tr("Customer"), tr("Status"), tr("Reports (7 days)"),
                     tr("Open cases"), tr("Last report")},
                    rows);
    m_listTitle->setText(tr("%1 (%2)").arg(title).arg(rows.size()));
    fitColumns();
}

void DashboardPanel::showReportsOf(const QDate &day, const QString &format)
{
    QList<DashboardListModel::Row> rows;
    for (const DashboardReport &report : std::as_const(m_board.chartReports)) {
        if (report.format != format || hongKongDate(report.receivedAt) != day)
            continue;
        rows.append({{report.format, utcText(report.receivedAt), report.subject,
                      report.caseId.isEmpty() ? tr("(no case)") : report.caseId},
                     DashboardListModel::Target::Report,
                     report.evidenceId,
                     {}});
    }
    const QString title =
        tr("%1 reports received on %2").arg(format, day.toString(QStringLiteral("d MMM yyyy")));
    m_list->setRows(title, {tr("Format"), tr("Received"), tr("Subject"), tr("Case")}, rows);
    m_listTitle->setText(tr("%1 (%2)").arg(title).arg(rows.size()));
    fitColumns();
}

void DashboardPanel::fitColumns()
{
    // Long values (a listing's reason, a subject) stay within a column of readable width, so
    // that every header stays on screen; the whole text is in the tooltip.
    m_table->resizeColumnsToContents();
    const int widest = std::max(160, m_table->viewport()->width() / 3);
    for (int column = 0; column < m_list->columnCount(); ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), widest));
}

void DashboardPanel::activateRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const DashboardListModel::Row &row = m_list->row(index.row());
    switch (row.target) {
    case DashboardListModel::Target::Case:
        Q_EMIT caseActivated(row.id);
        break;
    case DashboardListModel::Target::Account:
        if (!row.accountId.isEmpty())
            Q_EMIT accountActivated(row.accountId);
        break;
    case DashboardListModel::Target::Report:
        Q_EMIT reportActivated(row.id);
        break;
    }
}

void DashboardPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuildChart();
}

} // namespace Awb
