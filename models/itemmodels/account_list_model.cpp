#include "itemmodels/account_list_model.h"

namespace Awb {

AccountListModel::AccountListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AccountListModel::setAccounts(const QList<AccountSummary> &accounts)
{
    beginResetModel();
    m_rows = accounts;
    endResetModel();
}

void AccountListModel::clear()
{
    setAccounts({});
}

int AccountListModel::rowOf(const QString &accountId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].accountId == accountId)
            return int(i);
    }
    return -1;
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString AccountListModel::statusLabel(const QString &status)
{
    if (status == u"active")
        return tr("Active");
    if (status == u"suspended")
        return tr("Suspended");
    if (status == u"terminated")
        return tr("Terminated");
    return status;
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountSummary &a = m_rows[index.row()];
    const auto column = Column(index.column());
    switch (role) {
    case AccountIdRole:
        return a.accountId;
    case StatusRole:
        return a.status;
    case OpenCasesRole:
        return a.openCases;
    case RecentReportsRole:
        return a.reportsLast7Days;
    case LastReportRole:
        return a.lastReportAt;
    case Qt::TextAlignmentRole:
        if (column == Column::OpenCases || column == Column::RecentReports)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == Column::RecentReports)
            return tr("Reports received in the 7 days before now");
        if (column == Column::Name)
            return a.name; // the list may elide it
        return {};
    case SortRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Column::AccountId:
        return a.accountId;
    case Column::Name:
        return role == SortRole ? QVariant(a.name.toLower()) : QVariant(a.name);
    case Column::Status:
        return role == SortRole ? QVariant(a.status) : QVariant(statusLabel(a.status));
    case Column::OpenCases:
        return a.openCases;
    case Column::RecentReports:
        return a.reportsLast7Days;
    case Column::LastReport:
        if (role == SortRole)
            return a.lastReportAt;
        return a.lastReportAt.isValid()
                   ? a.lastReportAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                   : QString();
    case Column::Count:
        break;
    }
    return {};
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::AccountId:
        return tr("Account");
    case Column::Name:
        return tr("Name");
    case Column::Status:
        return tr("Status");
    case Column::OpenCases:
        return tr("Open cases");
    case Column::RecentReports:
        return tr("Reports (7 days)");
    case Column::LastReport:
        return tr("Last report (UTC)");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace Awb
