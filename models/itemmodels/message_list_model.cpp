#include "itemmodels/message_list_model.h"

#include <QFileInfo>
#include <QLocale>

namespace Awb {

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

Status MessageListModel::reload(const EvidenceRepository &repository)
{
    auto summaries = repository.summaries();
    if (!summaries)
        return Error{summaries.error()};
    beginResetModel();
    m_rows = std::move(summaries.value());
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).id, row);
    endResetModel();
    return {};
}

void MessageListModel::appendSummaries(const QList<MessageSummary> &summaries)
{
    QList<MessageSummary> fresh;
    fresh.reserve(summaries.size());
    for (const MessageSummary &summary : summaries) {
        if (!m_rowById.contains(summary.id))
            fresh.append(summary);
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (MessageSummary &summary : fresh) {
        m_rowById.insert(summary.id, int(m_rows.size()));
        m_rows.append(std::move(summary));
    }
    endInsertRows();
}

const MessageSummary *MessageListModel::summaryAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row);
}

int MessageListModel::rowOfId(qint64 evidenceId) const
{
    return m_rowById.value(evidenceId, -1);
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString MessageListModel::sourceLabel(const MessageSummary &summary)
{
    const QString name = QFileInfo(summary.sourcePath).fileName();
    if (summary.sourceIndex < 0)
        return name;
    return tr("%1 #%2").arg(name).arg(summary.sourceIndex + 1);
}

QVariant MessageListModel::displayData(const MessageSummary &summary, Column column) const
{
    switch (column) {
    case Column::Date:
        if (summary.date.isValid())
            return summary.date.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        return summary.dateText.isEmpty() ? tr("(no date)") : summary.dateText;
    case Column::From:
        return summary.from;
    case Column::Subject:
        return summary.subject;
    case Column::Size:
        return QLocale().formattedDataSize(summary.size, 1, QLocale::DataSizeTraditionalFormat);
    case Column::Source:
        return sourceLabel(summary);
    case Column::Count:
        break;
    }
    return {};
}

QVariant MessageListModel::sortData(const MessageSummary &summary, Column column) const
{
    switch (column) {
    case Column::Date:
        return summary.date;
    case Column::Size:
        return summary.size;
    default:
        return displayData(summary, column);
    }
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageSummary &summary = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(summary, column);
    case Qt::ToolTipRole:
        if (column == Column::Source)
            return summary.sourcePath;
        if (column == Column::Date)
            return summary.dateText;
        return {};
    case Qt::TextAlignmentRole:
        if (column == Column::Size)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(summary, column);
    case EvidenceIdRole:
        return summary.id;
    case Sha256Role:
        return summary.sha256Hex;
    case MessageIdRole:
        return summary.messageId;
    case SearchTextRole:
        return QStringList{summary.from, summary.subject, summary.sourcePath, summary.messageId}
            .join(QLatin1Char('\n'));
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Date:
        return tr("Date (UTC)");
    case Column::From:
        return tr("From");
    case Column::Subject:
        return tr("Subject");
    case Column::Size:
        return tr("Size");
    case Column::Source:
        return tr("Source");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace Awb
