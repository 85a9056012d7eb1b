#pragma once

#include "accounts/account_history.h"

#include <QDateTime>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace Awb {

class AccountEventModel;
class AccountListModel;
class AccountTimelineView;
class CaseStore;

// The accounts view: on the left the accounts of the directory with a text filter (id, name,
// status); on the right the selected account's page: its name and status, prepaid balance,
// assignments and domains with their validity, the timeline chart (reports per day and action
// markers over the look-back window), the confirmed offences in the window with the rule that
// counted them, and the events table.
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

    QString currentAccountId() const { return m_accountId; }
    // The history on the page; empty (no customer id) when no account is shown.
    const AccountHistory &history() const { return m_history; }
    AccountTimelineView *timelineView() const { return m_timeline; }
    // The "confirmed offences in the window" line as shown.
    QString offencesText() const;

Q_SIGNALS:
    // An event of a case was activated (double-click or Enter) in the events table.
    void caseActivated(qint64 caseId);

private:
    void buildPage(QWidget *page);
    void showPage();
    void clearPage(const QString &header);
    void onListCurrentChanged(const QModelIndex &current);
    QDateTime effectiveNow() const;

    CaseStore *m_store = nullptr;
    QDateTime m_now;
    int m_lookBackMonths = 12;
    QString m_accountId;
    AccountHistory m_history;

    AccountListModel *m_accounts;
    QSortFilterProxyModel *m_proxy;
    AccountEventModel *m_events;
    QLineEdit *m_filter;
    QTableView *m_list;
    QLabel *m_header;
    QLabel *m_details;
    AccountTimelineView *m_timeline;
    QLabel *m_offences;
    QLabel *m_rule;
    QTableView *m_eventTable;
};

} // namespace Awb
