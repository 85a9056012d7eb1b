#pragma once

#include "common/result.h"
#include "itemmodels/message_list_model.h"
#include "store/case_repository.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace Awb {

// The cases, one row each, in the order the repository lists them (by id); a proxy sorts them
// by what is due first (SortRole of Column::Due) and filters by status (StatusRole). The model
// holds copies of the records; reload() replaces them all in one reset.
class CaseListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Due,
        PublicId,
        Account,
        Kind,
        Status,
        Severity,
        Reports,
        Owner,
        Opened,
        Count
    };
    enum Role {
        // Typed values for sorting: seconds since the epoch for Due (cases without a deadline
        // last) and Opened, the report count for Reports, text otherwise.
        SortRole = Qt::UserRole + 1,
        CaseIdRole,        // qint64, the row id CaseRepository takes
        StatusRole,        // the status key ("open", "awaiting-customer", ...), untranslated
        SeverityRole,      // "info".."critical"
        DeadlineStateRole, // int(MessageListModel::DeadlineState), for the delegate's colours
        PublicIdRole,      // "IXCM-ABUSE-2026-000123"
    };

    explicit CaseListModel(QObject *parent = nullptr);

    // Replaces all rows with the repository's cases; on error the rows stay as they were.
    Status reload(const CaseRepository &repository);
    void setCases(QList<CaseRecord> cases);

    const CaseRecord *caseAt(int row) const;
    int rowOfId(qint64 caseId) const;

    // The translated label of a status key ("awaiting-customer" -> "Awaiting customer").
    static QString statusLabel(const QString &status);

    // Same semantics as MessageListModel's: None when there is no deadline or the case no
    // longer waits for a response (actioned, closed); DueSoon within DueSoonHours.
    MessageListModel::DeadlineState deadlineState(const CaseRecord &record) const;
    // The clock the deadlines are measured against (invalid: the current time); fixed in tests.
    void setNow(const QDateTime &now);
    QDateTime now() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const CaseRecord &record, Column column) const;
    QVariant sortData(const CaseRecord &record, Column column) const;

    QList<CaseRecord> m_rows;
    QHash<qint64, int> m_rowById;
    QDateTime m_now;
};

} // namespace Awb
