#include "itemmodels/account_event_model.h"

#include <QStringList>

namespace Awb {

AccountEventModel::AccountEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AccountEventModel::setEvents(const QList<AccountEvent> &events)
{
    beginResetModel();
    m_rows = events;
    endResetModel();
}

void AccountEventModel::clear()
{
    setEvents({});
}

int AccountEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString AccountEventModel::detailsText(const AccountEvent &e)
{
    QStringList parts;
    if (!e.clause.isEmpty())
        parts << tr("clause %1").arg(e.clause);
    if (!e.status.isEmpty())
        parts << tr("status %1").arg(e.status);
    if (!e.severity.isEmpty())
        parts << tr("severity %1").arg(e.severity);
    if (e.endsAt.isValid())
        parts << tr("ends %1").arg(e.endsAt.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
    if (e.source == AccountEvent::Source::Report)
        parts << tr("listing notice");
    else if (e.source == AccountEvent::Source::Dnsbl)
        parts << tr("DNSBL check");
    if (!e.notes.isEmpty())
        parts << e.notes;
    return parts.join(QStringLiteral(" · "));
}

QVariant AccountEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountEvent &e = m_rows[index.row()];
    const auto column = Column(index.column());
    const bool counted = e.confirmedOffence && e.inWindow;
    switch (role) {
    case KindRole:
        return int(e.kind);
    case SourceRole:
        return int(e.source);
    case DateRole:
        return e.at;
    case ConfirmedOffenceRole:
        return e.confirmedOffence;
    case InWindowRole:
        return e.inWindow;
    case SeverityRole:
        return e.severity;
    case CaseIdRole:
        return e.caseId;
    case Qt::ToolTipRole:
        if (column == Column::Details)
            return detailsText(e);
        if (column == Column::Counted && e.confirmedOffence && !e.inWindow)
            return tr("A confirmed offence, but outside the look-back window");
        return {};
    case SortRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Column::Date:
        if (role == SortRole)
            return e.at;
        return e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Column::Action:
        return role == SortRole ? QVariant(int(e.kind)) : QVariant(accountEventKindLabel(e.kind));
    case Column::Reference:
        return e.reference;
    case Column::Details:
        return detailsText(e);
    case Column::Counted:
        if (role == SortRole)
            return counted;
        return counted ? tr("yes") : QString();
    case Column::Count:
        break;
    }
    return {};
}

QVariant AccountEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Date:
        return tr("Date (UTC)");
    case Column::Action:
        return tr("Action");
    case Column::Reference:
        return tr("Reference");
    case Column::Details:
        return tr("Details");
    case Column::Counted:
        return tr("Offence counted");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace Awb
