#pragma once

#include "common/result.h"
#include "store/case_repository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Awb {

class EvidenceRepository;

// The reports of one case, one row each, in the case's order (by receipt time): when each was
// received, its format and reporter, the origin the analysis found, and why grouping (or an
// analyst's move) put it in the case. The reporter is not part of the case record; load() reads
// it from the evidence summaries, setReports() takes it from the caller.
class CaseReportModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Received, Format, Reporter, Origin, Subject, Reason, Count };
    enum Role {
        SortRole = Qt::UserRole + 1, // QDateTime for Received, text otherwise
        EvidenceIdRole,              // qint64, the stored message
        CaseIdRole,                  // qint64, the case shown (0 when none)
        Sha256Role,
    };

    explicit CaseReportModel(QObject *parent = nullptr);

    // Shows the reports of `record`, with each reporter from `evidence`. A report whose summary
    // cannot be read fails the load; the rows then stay as they were.
    Status load(const CaseRecord &record, const EvidenceRepository &evidence);
    // `reporters` maps evidence ids to reporters; missing ids show no reporter.
    void setReports(qint64 caseId, QList<CaseReportRecord> reports,
                    QHash<qint64, QString> reporters = {});
    void clear();

    qint64 caseId() const { return m_caseId; }
    const CaseReportRecord *reportAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const CaseReportRecord &report, Column column) const;

    qint64 m_caseId = 0;
    QList<CaseReportRecord> m_rows;
    QHash<qint64, QString> m_reporters;
};

} // namespace Awb
