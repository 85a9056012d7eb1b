#include "itemmodels/finding_filter_proxy.h"

#include "itemmodels/finding_list_model.h"

namespace Awb {

FindingFilterProxy::FindingFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FindingListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void FindingFilterProxy::setMinimumSeverity(Severity severity)
{
    if (severity == m_minimum)
        return;
    m_minimum = severity;
    invalidateRowsFilter();
}

void FindingFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_terms = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void FindingFilterProxy::setHop(int hop)
{
    hop = qMax(hop, int(AllHops));
    if (hop == m_hop)
        return;
    m_hop = hop;
    invalidateRowsFilter();
}

bool FindingFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QVariant severity = index.data(FindingListModel::SeverityRole);
    if (severity.isValid() && severity.value<Severity>() < m_minimum)
        return false;
    if (m_hop != AllHops && index.data(FindingListModel::HopRole).toInt() != m_hop)
        return false;
    if (m_terms.isEmpty())
        return true;
    const QString haystack = index.data(FindingListModel::SearchTextRole).toString();
    for (const QString &term : m_terms) {
        if (!haystack.contains(term, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Awb
