#pragma once

#include "store/evidence_repository.h"

#include <QAbstractTableModel>
#include <QList>

namespace Awb {

// The imported messages, one row each, in import order. Rows come from the store (reload) or, in
// batches, from a running import (appendSummaries); each batch is one insertion.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Date, From, Subject, Size, Source, Count };
    enum Role {
        // Typed values for sorting: QDateTime for Date, qint64 for Size, text otherwise.
        SortRole = Qt::UserRole + 1,
        EvidenceIdRole,
        Sha256Role,
        MessageIdRole,
        // The text a filter matches against: from, subject, source, message id.
        SearchTextRole,
    };

    explicit MessageListModel(QObject *parent = nullptr);

    // Replaces all rows with what the store holds.
    Status reload(const EvidenceRepository &repository);
    // Appends rows (one beginInsertRows/endInsertRows for the whole batch); ids already shown
    // are skipped, so a batch that overlaps a reload is harmless.
    void appendSummaries(const QList<MessageSummary> &summaries);

    const MessageSummary *summaryAt(int row) const;
    int rowOfId(qint64 evidenceId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString sourceLabel(const MessageSummary &summary);

private:
    QVariant displayData(const MessageSummary &summary, Column column) const;
    QVariant sortData(const MessageSummary &summary, Column column) const;

    QList<MessageSummary> m_rows;
    QHash<qint64, int> m_rowById;
};

} // namespace Awb
