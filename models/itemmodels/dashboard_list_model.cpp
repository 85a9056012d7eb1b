#include "itemmodels/dashboard_list_model.h"

namespace Awb {

DashboardListModel::DashboardListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DashboardListModel::setRows(const QString &title, const QStringList &headers,
                                 const QList<Row> &rows)
{
    beginResetModel();
    m_title = title;
    m_headers = headers;
    m_rows = rows;
    endResetModel();
}

int DashboardListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DashboardListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant DashboardListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return index.column() < row.cells.size() ? row.cells.at(index.column()) : QString();
    case TargetRole:
        return int(row.target);
    case IdRole:
        return row.id;
    case AccountIdRole:
        return row.accountId;
    default:
        return {};
    }
}

QVariant DashboardListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_headers.size())
        return {};
    return m_headers.at(section);
}

} // namespace Awb
