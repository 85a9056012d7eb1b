#include "accounts/accounts_panel.h"

#include "accounts/account_history_view.h"
#include "accounts/account_timeline_view.h"
#include "itemmodels/account_list_model.h"
#include "itemmodels/account_listing_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Awb {

namespace {

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
    , m_listings(new AccountListingModel(this))
    , m_check(new AccountDnsblCheck(this))
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
    // Every column sized to its contents except the customer's name, which takes what is left
    // (elided, whole in the page on the right): the counts and the last report stay in view.
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(int(AccountListModel::Column::Name),
                                                     QHeaderView::Stretch);
    m_list->horizontalHeader()->setStretchLastSection(false);

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

    QWidget *page = buildPage();
    connect(m_check, &AccountDnsblCheck::progress, this, &AccountsPanel::onCheckProgress);
    connect(m_check, &AccountDnsblCheck::finished, this, &AccountsPanel::onCheckFinished);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(page);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({660, 740});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    clearPage(tr("No account selected"));
}

AccountsPanel::~AccountsPanel() = default;

QWidget *AccountsPanel::buildPage()
{
    auto *page = new QWidget(this);
    m_view = new AccountHistoryView(page);
    connect(m_view, &AccountHistoryView::caseActivated, this, &AccountsPanel::caseActivated);

    m_checkButton = new QPushButton(tr("Check Blocklists"), page);
    m_checkButton->setObjectName(QStringLiteral("checkBlocklists"));
    m_checkButton->setToolTip(tr("Ask the configured DNS blocklists about the account's current "
                                 "addresses and record every answer"));
    connect(m_checkButton, &QPushButton::clicked, this, [this] { checkBlocklists(); });
    m_view->addHeaderWidget(m_checkButton);

    m_listingTable = newTable(page);
    m_listingTable->setObjectName(QStringLiteral("accountListings"));
    auto *listingProxy = new QSortFilterProxyModel(this);
    listingProxy->setSourceModel(m_listings);
    listingProxy->setSortRole(AccountListingModel::SortRole);
    m_listingTable->setModel(listingProxy);
    m_listingTable->sortByColumn(int(AccountListingModel::Column::Checked), Qt::DescendingOrder);
    m_view->addTab(m_listingTable, tr("Blocklist listings"));

    // The check's progress line, shown while a check runs and with its outcome after.
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("blocklistProgress"));
    m_cancelButton = new QPushButton(tr("Cancel"), page);
    m_cancelButton->setObjectName(QStringLiteral("cancelBlocklistCheck"));
    connect(m_cancelButton, &QPushButton::clicked, this, &AccountsPanel::cancelBlocklistCheck);
    m_checkStatus = new QLabel(page);
    m_checkStatus->setObjectName(QStringLiteral("blocklistStatus"));
    m_checkStatus->setWordWrap(true);
    m_checkStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *checkRow = new QHBoxLayout;
    checkRow->setContentsMargins(0, 0, 0, 0);
    checkRow->addWidget(m_checkStatus, 1);
    checkRow->addWidget(m_progress);
    checkRow->addWidget(m_cancelButton);
    setChecking(false);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(checkRow);
    return page;
}

AccountTimelineView *AccountsPanel::timelineView() const
{
    return m_view->timelineView();
}

void AccountsPanel::setDnsblSettings(const DnsblSettings &settings)
{
    m_dnsblSettings = settings;
}

bool AccountsPanel::isCheckingBlocklists() const
{
    return m_check->isRunning();
}

QString AccountsPanel::checkStatusText() const
{
    return m_checkStatus->text();
}

void AccountsPanel::setChecking(bool running)
{
    m_progress->setVisible(running);
    m_cancelButton->setVisible(running);
    m_checkButton->setEnabled(!running && m_store && !m_accountId.isEmpty());
}

Status AccountsPanel::checkBlocklists()
{
    Status started = [this]() -> Status {
        if (!m_store || m_accountId.isEmpty())
            return Error{tr("No account is shown.")};
        DnsblSettings settings;
        if (m_dnsblSettings) {
            settings = *m_dnsblSettings;
        } else {
            Result<DnsblSettings> configured = DnsblSettings::fromSettings(QSettings());
            if (!configured)
                return Error{configured.error()};
            settings = *configured;
        }
        return m_check->start(*m_store, m_accountId, settings, effectiveNow());
    }();
    if (!started) {
        m_checkStatus->setText(tr("The blocklist check did not start: %1").arg(started.error()));
        return started;
    }
    m_progress->setRange(0, std::max(1, m_check->total()));
    m_progress->setValue(0);
    m_checkStatus->setText(
        tr("Checking %n address(es) of %1…", nullptr, int(m_check->targets().size()))
            .arg(m_check->accountId()));
    setChecking(true);
    return started;
}

void AccountsPanel::cancelBlocklistCheck()
{
    m_check->cancel();
}

void AccountsPanel::onCheckProgress(int done, int total)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
}

void AccountsPanel::onCheckFinished()
{
    int listed = 0;
    int unchecked = 0;
    const QList<DnsblResult> results = m_check->results();
    for (const DnsblResult &r : results) {
        listed += r.verdict == DnsblResult::Verdict::Listed ? 1 : 0;
        unchecked += dnsblCheckCompleted(r) ? 0 : 1;
    }
    QString text = m_check->total() == 0
                       ? tr("%1 holds no address now: nothing to check.").arg(m_check->accountId())
                       : tr("%1 of %2 checks done%3: %4 listed, %5 without an answer; %6 recorded.")
                             .arg(results.size())
                             .arg(m_check->total())
                             .arg(m_check->wasCancelled() ? tr(" (cancelled)") : QString())
                             .arg(listed)
                             .arg(unchecked)
                             .arg(m_check->recordedCount());
    for (const DnsblTarget &target : m_check->targets()) {
        if (!target.note.isEmpty())
            text += QLatin1Char(' ') + target.note + QLatin1Char('.');
    }
    if (!m_check->recordError().isEmpty())
        text +=
            QLatin1Char(' ') + tr("The answers were not recorded: %1").arg(m_check->recordError());
    setChecking(false);
    // The page again, with the new listings; the check may be of an account no longer shown.
    if (m_store && !m_accountId.isEmpty())
        showPage();
    m_checkStatus->setText(text);
    if (m_accountId == m_check->accountId())
        m_view->tabs()->setCurrentWidget(m_listingTable);
    Q_EMIT blocklistCheckFinished();
}

void AccountsPanel::setStore(CaseStore *store)
{
    // The store being replaced may be gone already: the running check must not record into it,
    // nor its finished() read it.
    m_store = nullptr;
    m_check->abandon();
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
    return m_view->offencesText();
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
    m_view->clear(header);
    m_listings->clear();
    setChecking(m_check->isRunning());
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
    m_view->setHistory(m_history);
    m_listings->setListings(m_history.listings);
    m_listingTable->resizeColumnsToContents();
    // The meaning takes what is left and is cut there; the tooltip has it whole.
    m_listingTable->horizontalHeader()->setSectionResizeMode(
        int(AccountListingModel::Column::Meaning), QHeaderView::Stretch);
    setChecking(m_check->isRunning());
}

} // namespace Awb
