#pragma once

#include "accounts/account_history.h"

#include <QAbstractTableModel>
#include <QList>

namespace Awb {

// The events of one account's history (AccountHistory::events), one row each in time order:
// the date, what happened, its reference (enforcement reference, case id or Message-ID), the
// details (clause, case status and severity, suspension end, notes), and whether it counts as a
// confirmed offence in the look-back window. Colours are the view's choice, from the roles.
class AccountEventModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Date, Action, Reference, Details, Counted, Count };
    enum Role {
        KindRole = Qt::UserRole + 1, // int, AccountEvent::Kind
        SourceRole,                  // int, AccountEvent::Source
        DateRole,                    // QDateTime (UTC)
        ConfirmedOffenceRole,        // bool, counts towards the offences in the window
        InWindowRole,                // bool, dated within the look-back window
        SeverityRole,                // QString, a case's severity; empty otherwise
        CaseIdRole,                  // qint64, the case concerned, 0 when none
        SortRole,                    // typed value of the column
    };

    explicit AccountEventModel(QObject *parent = nullptr);

    void setEvents(const QList<AccountEvent> &events);
    void clear();

    const QList<AccountEvent> &events() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The Details column's text: "clause 3.1 · notes", "actioned, high", ...
    static QString detailsText(const AccountEvent &event);

private:
    QList<AccountEvent> m_rows;
};

} // namespace Awb
