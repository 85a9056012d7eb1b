#include "itemmodels/case_list_model.h"

#include <limits>

namespace Awb {

CaseListModel::CaseListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

Status CaseListModel::reload(const CaseRepository &repository)
{
    Result<QList<CaseRecord>> cases = repository.cases();
    if (!cases)
        return Error{cases.error()};
    setCases(std::move(cases.value()));
    return {};
}

void CaseListModel::setCases(QList<CaseRecord> cases)
{
    beginResetModel();
    m_rows = std::move(cases);
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).id, row);
    endResetModel();
}

const CaseRecord *CaseListModel::caseAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row);
}

int CaseListModel::rowOfId(qint64 caseId) const
{
    return m_rowById.value(caseId, -1);
}

QString CaseListModel::statusLabel(const QString &status)
{
    if (status == u"open")
        return tr("Open");
    if (status == u"awaiting-customer")
        return tr("Awaiting customer");
    if (status == u"actioned")
        return tr("Actioned");
    if (status == u"closed")
        return tr("Closed");
    return status;
}

MessageListModel::DeadlineState CaseListModel::deadlineState(const CaseRecord &record) const
{
    using State = MessageListModel::DeadlineState;
    // An actioned or closed case has had its response; its deadline no longer runs.
    if (!record.responseDue.isValid() || record.status == u"actioned" || record.status == u"closed")
        return State::None;
    const qint64 left = now().secsTo(record.responseDue);
    if (left < 0)
        return State::Overdue;
    return left <= qint64(MessageListModel::DueSoonHours) * 3600 ? State::DueSoon : State::Open;
}

void CaseListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QDateTime CaseListModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant CaseListModel::displayData(const CaseRecord &record, Column column) const
{
    const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm");
    switch (column) {
    case Column::Due:
        return record.responseDue.isValid() ? record.responseDue.toString(timeFormat) : QString();
    case Column::PublicId:
        return record.publicId;
    case Column::Account:
        return record.accountId.isEmpty() ? tr("(unattributed)") : record.accountId;
    case Column::Kind:
        return record.kind;
    case Column::Status:
        if (!record.mergedInto.isEmpty())
            return tr("Merged into %1").arg(record.mergedInto);
        return statusLabel(record.status);
    case Column::Severity:
        return record.severity;
    case Column::Reports:
        return int(record.reports.size());
    case Column::Owner:
        return record.owner;
    case Column::Opened:
        return record.openedAt.toString(timeFormat);
    case Column::Count:
        break;
    }
    return {};
}

QVariant CaseListModel::sortData(const CaseRecord &record, Column column) const
{
    switch (column) {
    case Column::Due:
        // Running deadlines first, soonest first; cases without one (or done) after them.
        return deadlineState(record) != MessageListModel::DeadlineState::None
                   ? record.responseDue.toSecsSinceEpoch()
                   : std::numeric_limits<qint64>::max();
    case Column::Opened:
        return record.openedAt.toSecsSinceEpoch();
    case Column::Reports:
        return int(record.reports.size());
    default:
        return displayData(record, column);
    }
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseRecord &record = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(record, column);
    case Qt::ToolTipRole:
        if (column == Column::Account && record.accountId.isEmpty())
            return tr("No account matched; keyed by origin %1").arg(record.originKey);
        if (column == Column::Status && !record.mergedInto.isEmpty())
            return tr("Merged into %1").arg(record.mergedInto);
        if (column == Column::Due && record.responseDue.isValid())
            return tr("Respond by %1 UTC (72 hours from the first report's receipt)")
                .arg(record.responseDue.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Column::Reports)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(record, column);
    case CaseIdRole:
        return record.id;
    case StatusRole:
        return record.status;
    case SeverityRole:
        return record.severity;
    case DeadlineStateRole:
        return int(deadlineState(record));
    case PublicIdRole:
        return record.publicId;
    }
    return {};
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Due:
        return tr("Due (UTC)");
    case Column::PublicId:
        return tr("Case");
    case Column::Account:
        return tr("Account");
    case Column::Kind:
        return tr("Kind");
    case Column::Status:
        return tr("Status");
    case Column::Severity:
        return tr("Severity");
    case Column::Reports:
        return tr("Reports");
    case Column::Owner:
        return tr("Owner");
    case Column::Opened:
        return tr("Opened (UTC)");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace Awb
