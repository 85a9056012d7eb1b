#pragma once

#include "enforcement/desk_dashboard.h"

#include <QDateTime>
#include <QWidget>

class QBarSet;
class QChartView;
class QLabel;
class QTableView;
class QToolButton;

namespace Awb {

class CaseStore;
class DashboardListModel;

// The first screen of the day: open cases by deadline state, reports per day and format (a
// stacked bar chart), the accounts with the most complaints this week, blacklistings in force
// and suspensions ending soon. Every number is a button that fills the list below it with what
// it counts; activating a row opens the case, the account or the report.
class DashboardPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPanel(QWidget *parent = nullptr);

    void setStore(CaseStore *store);
    // Re-reads the store (the dashboard shows the store as of the last reload).
    void reload();
    // Fixes the clock (tests, screenshots); invalid: the current time at each reload.
    void setNow(const QDateTime &now);

    const DeskDashboard &dashboard() const { return m_board; }
    DashboardListModel *listModel() const { return m_list; }
    // The tile buttons, in the order: overdue, due today, awaiting customer, other open,
    // listings in force, suspensions ending soon, top accounts.
    QList<QToolButton *> tiles() const { return m_tiles; }
    // Shows the reports of one day and format, as a click on a bar does.
    void showReportsOf(const QDate &day, const QString &format);

Q_SIGNALS:
    void caseActivated(qint64 caseId);
    void accountActivated(const QString &accountId);
    void reportActivated(qint64 evidenceId);

protected:
    void changeEvent(QEvent *event) override;

private:
    QToolButton *addTile(const QString &label, const std::function<void()> &onClick);
    void updateTiles();
    void rebuildChart();
    void showCases(const QString &title, const QList<DashboardCase> &cases);
    void showListings();
    void showSuspensions();
    void showTopAccounts();
    void activateRow(const QModelIndex &index);
    void fitColumns();

    CaseStore *m_store = nullptr;
    QDateTime m_fixedNow;
    DeskDashboard m_board;
    QList<QToolButton *> m_tiles;
    QLabel *m_status;
    QChartView *m_chart;
    QLabel *m_listTitle;
    QTableView *m_table;
    DashboardListModel *m_list;
};

} // namespace Awb
