#include "itemmodels/case_report_model.h"

#include "store/evidence_repository.h"

namespace Awb {

CaseReportModel::CaseReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

Status CaseReportModel::load(const CaseRecord &record, const EvidenceRepository &evidence)
{
    QHash<qint64, QString> reporters;
    for (const CaseReportRecord &report : record.reports) {
        Result<MessageSummary> summary = evidence.summary(report.evidenceId);
        if (!summary)
            return Error{summary.error()};
        reporters.insert(report.evidenceId, summary->reporter);
    }
    setReports(record.id, record.reports, std::move(reporters));
    return {};
}

void CaseReportModel::setReports(qint64 caseId, QList<CaseReportRecord> reports,
                                 QHash<qint64, QString> reporters)
{
    beginResetModel();
    m_caseId = caseId;
    m_rows = std::move(reports);
    m_reporters = std::move(reporters);
    endResetModel();
}

void CaseReportModel::clear()
{
    setReports(0, {}, {});
}

const CaseReportRecord *CaseReportModel::reportAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row);
}

int CaseReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant CaseReportModel::displayData(const CaseReportRecord &report, Column column) const
{
    switch (column) {
    case Column::Received:
        return report.receivedAt.isValid()
                   ? report.receivedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                   : QString();
    case Column::Format:
        return report.format;
    case Column::Reporter:
        return m_reporters.value(report.evidenceId);
    case Column::Origin:
        return report.originIp;
    case Column::Subject:
        return report.subject;
    case Column::Reason:
        return report.reason;
    case Column::Count:
        break;
    }
    return {};
}

QVariant CaseReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseReportRecord &report = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(report, column);
    case Qt::ToolTipRole:
        if (column == Column::Reason)
            return report.reason;
        if (column == Column::Subject)
            return report.messageId;
        return {};
    case SortRole:
        return column == Column::Received ? QVariant(report.receivedAt)
                                          : displayData(report, column);
    case EvidenceIdRole:
        return report.evidenceId;
    case CaseIdRole:
        return m_caseId;
    case Sha256Role:
        return report.sha256Hex;
    }
    return {};
}

QVariant CaseReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Received:
        return tr("Received (UTC)");
    case Column::Format:
        return tr("Format");
    case Column::Reporter:
        return tr("Reporter");
    case Column::Origin:
        return tr("Origin");
    case Column::Subject:
        return tr("Subject");
    case Column::Reason:
        return tr("Grouping reason");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace Awb
