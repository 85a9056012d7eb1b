#include "accounts/accounts_panel.h"

#include "accounts/account_timeline_view.h"
#include "itemmodels/account_event_model.h"
#include "itemmodels/account_list_model.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Awb {

namespace {

// "840.00 USD" from integer cents: money never goes through floating point.
QString usdText(qint64 cents)
{
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return QCoreApplication::translate("Awb::AccountsPanel", "%1%2.%3 USD")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QTableView *newTable(QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSortingEnabled(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

} // namespace

AccountsPanel::AccountsPanel(QWidget *parent)
    : QWidget(parent)
    , m_accounts(new AccountListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_events(new AccountEventModel(this))
    , m_filter(new QLineEdit(this))
    , m_list(newTable(this))
{
    // Names for tests and style sheets.
    m_list->setObjectName(QStringLiteral("accountList"));
    m_filter->setObjectName(QStringLiteral("accountFilter"));
    m_proxy->setSourceModel(m_accounts);
    m_proxy->setSortRole(AccountListModel::SortRole);
    m_proxy->setFilterKeyColumn(-1); // id, name and status alike
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_proxy);
    m_list->sortByColumn(int(AccountListModel::Column::AccountId), Qt::AscendingOrder);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_filter->setPlaceholderText(tr("Filter accounts"));
    m_filter->setClearButtonEnabled(true);
    // A fixed string, set once per edit: the proxy builds its matcher here, not per row.
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AccountsPanel::onListCurrentChanged);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list);

    auto *page = new QWidget(this);
    buildPage(page);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(page);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({560, 840});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    clearPage(tr("No account selected"));
}

AccountsPanel::~AccountsPanel() = default;

void AccountsPanel::buildPage(QWidget *page)
{
    m_header = new QLabel(page);
    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.25);
    m_header->setFont(headerFont);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);

    m_details = new QLabel(page);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);

    m_timeline = new AccountTimelineView(page);

    m_offences = new QLabel(page);
    QFont bold = m_offences->font();
    bold.setBold(true);
    m_offences->setFont(bold);
    m_offences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rule = new QLabel(page);
    m_rule->setTextFormat(Qt::PlainText);
    m_rule->setWordWrap(true);
    m_rule->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_eventTable = newTable(page);
    m_eventTable->setObjectName(QStringLiteral("accountEvents"));
    auto *eventProxy = new QSortFilterProxyModel(this);
    eventProxy->setSourceModel(m_events);
    eventProxy->setSortRole(AccountEventModel::SortRole);
    m_eventTable->setModel(eventProxy);
    m_eventTable->sortByColumn(int(AccountEventModel::Column::Date), Qt::AscendingOrder);
    connect(m_eventTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 caseId = index.data(AccountEventModel::CaseIdRole).toLongLong();
        if (caseId > 0)
            Q_EMIT caseActivated(caseId);
    });

    auto *bottom = new QWidget(page);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_offences);
    bottomLayout->addWidget(m_rule);
    bottomLayout->addWidget(m_eventTable, 1);

    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_timeline);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_details);
    layout->addWidget(split, 1);
}

void AccountsPanel::setStore(CaseStore *store)
{
    m_store = store;
    m_accountId.clear();
    reload();
}

void AccountsPanel::setNow(const QDateTime &now)
{
    m_now = now;
}

void AccountsPanel::setLookBackMonths(int months)
{
    m_lookBackMonths = std::max(1, months);
}

QDateTime AccountsPanel::effectiveNow() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QString AccountsPanel::offencesText() const
{
    return m_offences->text();
}

void AccountsPanel::reload()
{
    const QString keep = m_accountId;
    if (!m_store) {
        m_accounts->clear();
        clearPage(tr("No case database open"));
        return;
    }
    auto rows = loadAccountSummaries(*m_store, effectiveNow());
    {
        // The reset moves the current index; the page is shown once below, not per signal.
        const QSignalBlocker blocker(m_list->selectionModel());
        m_accounts->setAccounts(rows ? *rows : QList<AccountSummary>{});
    }
    if (!rows) {
        clearPage(tr("The accounts could not be read: %1").arg(rows.error()));
        return;
    }
    if (!keep.isEmpty() && m_accounts->rowOf(keep) >= 0)
        showAccount(keep);
    else
        clearPage(rows->isEmpty() ? tr("No accounts imported") : tr("No account selected"));
}

void AccountsPanel::showAccount(const QString &accountId)
{
    const int row = m_accounts->rowOf(accountId);
    if (row >= 0) {
        QModelIndex index = m_proxy->mapFromSource(m_accounts->index(row, 0));
        if (!index.isValid()) {
            m_filter->clear();
            index = m_proxy->mapFromSource(m_accounts->index(row, 0));
        }
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        m_list->scrollTo(index);
    }
    m_accountId = accountId;
    showPage();
}

void AccountsPanel::onListCurrentChanged(const QModelIndex &current)
{
    m_accountId = current.data(AccountListModel::AccountIdRole).toString();
    showPage();
}

void AccountsPanel::clearPage(const QString &header)
{
    m_accountId.clear();
    m_history = {};
    m_header->setText(header);
    m_details->clear();
    m_timeline->clear();
    m_offences->clear();
    m_rule->clear();
    m_events->clear();
}

void AccountsPanel::showPage()
{
    if (!m_store || m_accountId.isEmpty()) {
        clearPage(tr("No account selected"));
        return;
    }
    auto history = loadAccountHistory(*m_store, m_accountId, effectiveNow(), m_lookBackMonths);
    if (!history) {
        const QString id = m_accountId;
        clearPage(tr("Account %1 could not be read: %2").arg(id, history.error()));
        return;
    }
    m_history = *history;
    const CustomerRecord &c = m_history.customer;

    QString status = AccountListModel::statusLabel(c.status);
    if (c.suspendedUntil.isValid())
        status =
            tr("%1 until %2").arg(status, c.suspendedUntil.toString(QStringLiteral("yyyy-MM-dd")));
    m_header->setText(tr("%1 — %2 (%3)").arg(c.name, c.accountId, status));

    QStringList lines;
    lines << tr("Prepaid balance: %1")
                 .arg(c.prepaidCents ? usdText(*c.prepaidCents) : tr("not stated"));
    if (!c.email.isEmpty() || !c.country.isEmpty())
        lines << tr("Contact: %1   Country: %2").arg(c.email, c.country);
    QStringList assignments;
    for (const IpAssignmentRecord &a : m_history.assignments)
        assignments
            << tr("%1 (%2, %3)").arg(a.prefix.toString(), a.validity.toString(), a.serviceId);
    lines << tr("Addresses: %1")
                 .arg(assignments.isEmpty() ? tr("none") : assignments.join(QStringLiteral("; ")));
    QStringList domains;
    for (const HostedDomainRecord &d : m_history.domains)
        domains << tr("%1 (%2)").arg(d.domain, d.validity.toString());
    lines << tr("Domains: %1")
                 .arg(domains.isEmpty() ? tr("none") : domains.join(QStringLiteral("; ")));
    lines << tr("Cases: %1 (%2 open), reports: %3")
                 .arg(m_history.caseCount)
                 .arg(m_history.openCaseCount)
                 .arg(m_history.reportCount);
    m_details->setText(lines.join(QLatin1Char('\n')));

    m_timeline->setHistory(m_history);
    m_offences->setText(
        tr("Confirmed offences in the window: %1").arg(m_history.confirmedOffencesInWindow));
    m_rule->setText(m_history.offenceRule);
    m_events->setEvents(m_history.events);
    m_eventTable->resizeColumnsToContents();
    // Long notes would push the "counted" column out of sight; the tooltip has the full text.
    const int details = int(AccountEventModel::Column::Details);
    m_eventTable->setColumnWidth(details, std::min(m_eventTable->columnWidth(details), 420));
}

} // namespace Awb
