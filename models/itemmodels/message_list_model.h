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
    // The reports queue: what is due first, what it is, where it came from, what was found.
    enum class Column {
        Due,
        Format,
        From,
        Subject,
        Origin,
        Account, // the account of the report's case; "(unattributed)"; empty when in no case
        Case,    // the public id of the report's case
        Completeness,
        Findings,
        Date,
        Size,
        Source,
        Count
    };
    // Where a message stands against its section V response time.
    enum class DeadlineState { None, Open, DueSoon, Overdue };
    enum Role {
        // Typed values for sorting: QDateTime for Date, qint64 for Size, text otherwise.
        SortRole = Qt::UserRole + 1,
        EvidenceIdRole,
        Sha256Role,
        MessageIdRole,
        // The text a filter matches against: from, subject, source, message id, reporter,
        // format, origin IP, case and account.
        SearchTextRole,
        DeadlineStateRole, // DeadlineState, for the delegate's colours
        SeverityRole,      // the highest finding severity as text ("high"), empty when none
        FormatRole,        // "arf", "message"... empty when not analysed
    };

    // Reports due within this many hours are "due soon".
    static constexpr int DueSoonHours = 12;

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

    // The clock the due countdowns are measured against (default: the current time, which the
    // view refreshes); fixed in tests so that the output is stable.
    void setNow(const QDateTime &now);
    QDateTime now() const;
    DeadlineState deadlineState(const MessageSummary &summary) const;

private:
    QVariant displayData(const MessageSummary &summary, Column column) const;
    QVariant sortData(const MessageSummary &summary, Column column) const;

    QString dueText(const MessageSummary &summary) const;

    QList<MessageSummary> m_rows;
    QDateTime m_now; // invalid: use the current time
    QHash<qint64, int> m_rowById;
};

} // namespace Awb
