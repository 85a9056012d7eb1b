#include "itemmodels/account_listing_model.h"

namespace Awb {

AccountListingModel::AccountListingModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AccountListingModel::setListings(const QList<StoredListing> &listings)
{
    beginResetModel();
    m_rows = listings;
    endResetModel();
}

void AccountListingModel::clear()
{
    setListings({});
}

int AccountListingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountListingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString AccountListingModel::verdictLabel(const QString &verdict)
{
    if (verdict == u"listed")
        return tr("Listed");
    if (verdict == u"not-listed")
        return tr("Not listed");
    if (verdict == u"policy-listed")
        return tr("Policy list (not abuse)");
    if (verdict == u"error-reply")
        return tr("Refused (unchecked)");
    if (verdict == u"timeout")
        return tr("Timed out");
    if (verdict == u"lookup-failed")
        return tr("Lookup failed");
    return verdict;
}

QString AccountListingModel::sourceLabel(const QString &source)
{
    if (source == u"dnsbl")
        return tr("DNSBL check");
    if (source == u"report")
        return tr("Listing notice");
    if (source == u"history")
        return tr("Imported history");
    return source;
}

QVariant AccountListingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredListing &l = m_rows[index.row()];
    const auto column = Column(index.column());
    switch (role) {
    case VerdictRole:
        return l.verdict;
    case SourceRole:
        return l.source;
    case EvidenceIdRole:
        return l.evidenceId.value_or(0);
    case Qt::ToolTipRole:
        if (column == Column::Meaning || column == Column::Verdict)
            return l.meaning;
        if (column == Column::List && !l.zone.isEmpty())
            return l.zone;
        if (column == Column::Source && l.attributedAt.isValid())
            return tr("Attributed to this account %1 UTC: %2")
                .arg(l.attributedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     l.attributionReason);
        return {};
    case SortRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Column::Checked:
        if (role == SortRole)
            return l.checkedAt;
        return l.checkedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Column::List:
        return l.zone.isEmpty() || l.zone == l.listName ? l.listName
                                                        : tr("%1 (%2)").arg(l.listName, l.zone);
    case Column::Address:
        return l.addressOrRange;
    case Column::Verdict:
        return role == SortRole ? QVariant(l.verdict) : QVariant(verdictLabel(l.verdict));
    case Column::Codes:
        return l.returnCodes.join(QStringLiteral(", "));
    case Column::Source:
        // Recorded before the account directory knew the address's holder (reports first).
        return l.attributedAt.isValid() ? tr("%1, attributed later").arg(sourceLabel(l.source))
                                        : sourceLabel(l.source);
    case Column::Meaning:
        return l.meaning;
    case Column::Count:
        break;
    }
    return {};
}

QVariant AccountListingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Checked:
        return tr("When (UTC)");
    case Column::List:
        return tr("List");
    case Column::Address:
        return tr("Address or range");
    case Column::Verdict:
        return tr("Verdict");
    case Column::Codes:
        return tr("Return codes");
    case Column::Source:
        return tr("Source");
    case Column::Meaning:
        return tr("Meaning");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace Awb
