#pragma once

#include "accounts/account_history.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QBoxLayout;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTableView;
QT_END_NAMESPACE

namespace Awb {

class AccountEventModel;
class AccountTimelineView;

// One account's history as the desk reads it, shared by the account page and the case view: the
// name and status, the directory's details (balance, contact, addresses, domains, case counts),
// the timeline chart, the confirmed offences in the look-back window with the rule that counted
// them, and the events table (cases, notices, suspensions, terminations, blacklistings).
//
// The owner adds its own buttons to the header row (addHeaderWidget()) and its own tabs beside
// the events (addTab(); the tab bar shows only when there is more than one).
class AccountHistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit AccountHistoryView(QWidget *parent = nullptr);
    ~AccountHistoryView() override;

    void setHistory(const AccountHistory &history);
    // Empties the view and shows `header` in place of the account's name.
    void clear(const QString &header);
    // Whether the directory's details are shown (default true); the case view's narrower pane
    // keeps to a one-line summary instead.
    void setDetailsVisible(bool visible);

    void addHeaderWidget(QWidget *widget);
    int addTab(QWidget *page, const QString &label);
    QTabWidget *tabs() const { return m_tabs; }

    QString headerText() const;
    QString summaryText() const; // the details, or the one-line summary
    QString offencesText() const;
    QString ruleText() const;
    AccountTimelineView *timelineView() const { return m_timeline; }
    QTableView *eventTable() const { return m_eventTable; }
    AccountEventModel *eventModel() const { return m_events; }

    // "Northwind Mailers Ltd — IXC-10042 (Suspended until 2026-11-11)"
    static QString headerFor(const CustomerRecord &customer);

Q_SIGNALS:
    // An event of a case was activated (double-click or Enter) in the events table.
    void caseActivated(qint64 caseId);

private:
    QString detailsFor(const AccountHistory &history) const;
    void setBodyVisible(bool visible);

    bool m_detailsVisible = true;
    AccountEventModel *m_events;
    QBoxLayout *m_headerRow;
    QLabel *m_header;
    QLabel *m_details;
    AccountTimelineView *m_timeline;
    QLabel *m_offences;
    QPlainTextEdit *m_rule;
    QTabWidget *m_tabs;
    QSplitter *m_body = nullptr; // the timeline over the tabs
    QTableView *m_eventTable;
};

} // namespace Awb
