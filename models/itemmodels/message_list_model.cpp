#include "itemmodels/message_list_model.h"

#include <QFileInfo>
#include <QLocale>

#include <limits>

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

void MessageListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QDateTime MessageListModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

MessageListModel::DeadlineState MessageListModel::deadlineState(const MessageSummary &s) const
{
    if (!s.responseDue.isValid() || s.reportFormat.isEmpty() || s.reportFormat == u"message")
        return DeadlineState::None;
    const qint64 left = now().secsTo(s.responseDue);
    if (left < 0)
        return DeadlineState::Overdue;
    return left <= qint64(DueSoonHours) * 3600 ? DeadlineState::DueSoon : DeadlineState::Open;
}

QString MessageListModel::dueText(const MessageSummary &s) const
{
    if (deadlineState(s) == DeadlineState::None)
        return {};
    const qint64 left = now().secsTo(s.responseDue);
    const qint64 minutes = qAbs(left) / 60;
    const QString span = minutes >= 48 * 60 ? tr("%n day(s)", nullptr, int(minutes / (24 * 60)))
                         : minutes >= 60    ? tr("%n h", nullptr, int(minutes / 60))
                                            : tr("%n min", nullptr, int(minutes));
    return left < 0 ? tr("overdue %1").arg(span) : tr("in %1").arg(span);
}

QVariant MessageListModel::displayData(const MessageSummary &summary, Column column) const
{
    switch (column) {
    case Column::Due:
        return dueText(summary);
    case Column::Format:
        return summary.reportFormat.isEmpty() ? tr("(not analysed)") : summary.reportFormat;
    case Column::Origin:
        return summary.originOurs ? tr("%1 (ours)").arg(summary.originIp) : summary.originIp;
    case Column::Account:
        if (summary.casePublicId.isEmpty())
            return {};
        return summary.caseAccountId.isEmpty() ? tr("(unattributed)") : summary.caseAccountId;
    case Column::Case:
        return summary.casePublicId;
    case Column::Completeness:
        if (summary.completenessCount < 0 || summary.reportFormat == u"message")
            return {};
        return tr("%1 of 4").arg(summary.completenessCount);
    case Column::Findings:
        if (summary.findingCount == 0)
            return summary.reportFormat.isEmpty() ? QVariant() : QVariant(tr("none"));
        return tr("%1, %2").arg(summary.findingCount).arg(summary.topSeverity);
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
    case Column::Due:
        // Reports first, soonest due first; plain messages after them.
        return summary.responseDue.isValid() && deadlineState(summary) != DeadlineState::None
                   ? summary.responseDue.toSecsSinceEpoch()
                   : std::numeric_limits<qint64>::max();
    case Column::Completeness:
        return summary.completenessCount;
    case Column::Findings:
        return summary.findingCount;
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
        if (column == Column::Completeness)
            return summary.completenessSummary;
        if (column == Column::Due && summary.responseDue.isValid())
            return tr("Respond by %1 UTC (72 hours from receipt, policy section V)")
                .arg(summary.responseDue.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (column == Column::From && !summary.reporter.isEmpty())
            return tr("Reporter: %1").arg(summary.reporter);
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
        return QStringList{summary.from,      summary.subject,      summary.sourcePath,
                           summary.messageId, summary.reporter,     summary.reportFormat,
                           summary.originIp,  summary.casePublicId, summary.caseAccountId}
            .join(QLatin1Char('\n'));
    case DeadlineStateRole:
        return QVariant::fromValue(int(deadlineState(summary)));
    case SeverityRole:
        return summary.topSeverity;
    case FormatRole:
        return summary.reportFormat;
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Due:
        return tr("Due");
    case Column::Format:
        return tr("Format");
    case Column::Origin:
        return tr("Origin");
    case Column::Account:
        return tr("Account");
    case Column::Case:
        return tr("Case");
    case Column::Completeness:
        return tr("Complete");
    case Column::Findings:
        return tr("Findings");
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
