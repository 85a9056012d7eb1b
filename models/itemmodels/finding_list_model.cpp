#include "itemmodels/finding_list_model.h"

namespace Awb {

FindingListModel::FindingListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FindingListModel::setFindings(const QList<Finding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

void FindingListModel::clear()
{
    beginResetModel();
    m_findings.clear();
    endResetModel();
}

const Finding *FindingListModel::findingAt(int row) const
{
    if (row < 0 || row >= m_findings.size())
        return nullptr;
    return &m_findings.at(row);
}

int FindingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant FindingListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &finding = m_findings.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(finding, column);
    case Qt::ToolTipRole:
        // The evidence is often longer than its column; the title says what it means.
        return finding.evidence.isEmpty()
                   ? finding.title
                   : tr("%1\n\nEvidence: %2").arg(finding.title, finding.evidence);
    case Qt::TextAlignmentRole:
        if (column == Column::Hop)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SeverityRole:
        return QVariant::fromValue(finding.severity);
    case HopRole:
        return finding.hop;
    case CheckRole:
        return finding.check;
    case SortRole:
        switch (column) {
        case Column::Severity:
            return int(finding.severity);
        case Column::Hop:
            return finding.hop;
        default:
            return displayData(finding, column).toString().toLower();
        }
    case SearchTextRole:
        return QStringList{finding.check, finding.clause, finding.title, finding.evidence}.join(
            QLatin1Char('\n'));
    default:
        return {};
    }
}

QVariant FindingListModel::displayData(const Finding &finding, Column column) const
{
    switch (column) {
    case Column::Severity:
        return severityLabel(finding.severity);
    case Column::Check:
        return finding.check;
    case Column::Clause:
        return finding.clause;
    case Column::Title:
        return finding.title;
    case Column::Hop:
        return finding.hop >= 0 ? QVariant(finding.hop) : QVariant(QString());
    case Column::Evidence: {
        // One line in the table; the tooltip and the source viewer show the rest.
        QString line = finding.evidence;
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return line;
    }
    case Column::Count:
        break;
    }
    return {};
}

QVariant FindingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= int(Column::Count))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Severity:
        return tr("Severity");
    case Column::Check:
        return tr("Check");
    case Column::Clause:
        return tr("Clause");
    case Column::Title:
        return tr("Finding");
    case Column::Hop:
        return tr("Hop");
    case Column::Evidence:
        return tr("Evidence");
    case Column::Count:
        break;
    }
    return {};
}

QString FindingListModel::severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return tr("Info");
    case Severity::Low:
        return tr("Low");
    case Severity::Medium:
        return tr("Medium");
    case Severity::High:
        return tr("High");
    case Severity::Critical:
        return tr("Critical");
    }
    return {};
}

} // namespace Awb
