#pragma once

#include "accounts/account_history.h"

#include <QAbstractTableModel>
#include <QList>

namespace Awb {

// The accounts of the directory, one row each (loadAccountSummaries()): id, name, status, open
// cases, reports of the last 7 days and the last report's time. Sorting and the text filter are
// a proxy's job; SortRole gives typed values for it.
class AccountListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { AccountId, Name, Status, OpenCases, RecentReports, LastReport, Count };
    enum Role {
        AccountIdRole = Qt::UserRole + 1, // QString
        StatusRole,                       // QString, "active", "suspended", "terminated"
        OpenCasesRole,                    // int
        RecentReportsRole,                // int, reports in the last 7 days
        LastReportRole,                   // QDateTime (UTC), invalid when none
        SortRole,                         // typed value of the column
    };

    explicit AccountListModel(QObject *parent = nullptr);

    void setAccounts(const QList<AccountSummary> &accounts);
    void clear();

    const QList<AccountSummary> &accounts() const { return m_rows; }
    // The row of an account id, -1 when it is not listed.
    int rowOf(const QString &accountId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Active", "Suspended", "Terminated", or the stored text.
    static QString statusLabel(const QString &status);

private:
    QList<AccountSummary> m_rows;
};

} // namespace Awb
