#pragma once

#include "accounts/account_history.h"
#include "blacklist/dnsbl_account_check.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace Awb {

class AccountHistoryView;
class AccountListModel;
class AccountListingModel;
class AccountTimelineView;
class CaseStore;

// The accounts view: on the left the accounts of the directory with a text filter (id, name,
// status); on the right the selected account's page: its name and status, prepaid balance,
// assignments and domains with their validity, the timeline chart (reports per day and action
// markers over the look-back window), the confirmed offences in the window with the rule that
// counted them, the events table, and the account's blocklist listings.
//
// "Check Blocklists" asks the configured DNSBL zones about the account's current addresses
// (AccountDnsblCheck: asynchronous, the window never waits), shows the progress with a Cancel
// button, records every answer as a listing and shows the page again.
//
// The store is borrowed (setStore()); it must outlive the panel or be replaced with nullptr
// first. Nothing is read until reload() or showAccount(). Store errors are shown in the page's
// header, never thrown or lost.
class AccountsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AccountsPanel(QWidget *parent = nullptr);
    ~AccountsPanel() override;

    // Borrowed; nullptr clears the list and the page.
    void setStore(CaseStore *store);
    // Reads the account list again and the shown account's page, keeping the selection.
    void reload();
    // Selects the account in the list (clearing the filter when it hides it) and shows its page.
    void showAccount(const QString &accountId);

    // The "as of" time of counts and windows; invalid (the default) means the current time.
    // Tests fix it so that the demo's dates stay inside the window.
    void setNow(const QDateTime &now);
    // The look-back window in months (accountLookBackMonths() of the settings; default 12).
    void setLookBackMonths(int months);
    // The zones, nameserver and timeout of "Check Blocklists"; unset, the [dnsbl] settings are
    // read when the check starts (DnsblSettings::fromSettings()).
    void setDnsblSettings(const DnsblSettings &settings);

    // Starts the blocklist check of the shown account; an error (also shown on the page) when
    // there is no account, no store, a check is running or the settings cannot be used.
    Status checkBlocklists();
    void cancelBlocklistCheck();
    bool isCheckingBlocklists() const;
    // The outcome line of the last check ("12 checks: 1 listed ... recorded 12").
    QString checkStatusText() const;
    QPushButton *checkButton() const { return m_checkButton; }
    QTableView *listingTable() const { return m_listingTable; }
    AccountHistoryView *historyView() const { return m_view; }

    QString currentAccountId() const { return m_accountId; }
    // The history on the page; empty (no customer id) when no account is shown.
    const AccountHistory &history() const { return m_history; }
    AccountTimelineView *timelineView() const;
    // The "confirmed offences in the window" line as shown.
    QString offencesText() const;

Q_SIGNALS:
    // An event of a case was activated (double-click or Enter) in the events table.
    void caseActivated(qint64 caseId);
    // A blocklist check finished (also when cancelled) and its answers were recorded.
    void blocklistCheckFinished();

private:
    QWidget *buildPage();
    void onCheckProgress(int done, int total);
    void onCheckFinished();
    void setChecking(bool running);
    void showPage();
    void clearPage(const QString &header);
    void onListCurrentChanged(const QModelIndex &current);
    QDateTime effectiveNow() const;

    CaseStore *m_store = nullptr;
    QDateTime m_now;
    int m_lookBackMonths = 12;
    QString m_accountId;
    AccountHistory m_history;

    std::optional<DnsblSettings> m_dnsblSettings;

    AccountListModel *m_accounts;
    QSortFilterProxyModel *m_proxy;
    AccountListingModel *m_listings;
    AccountDnsblCheck *m_check;
    QLineEdit *m_filter;
    QTableView *m_list;
    AccountHistoryView *m_view = nullptr;
    QTableView *m_listingTable = nullptr;
    QPushButton *m_checkButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_checkStatus = nullptr;
};

} // namespace Awb
