#include "itemmodels/message_filter_proxy.h"

#include "itemmodels/message_list_model.h"

namespace Awb {

MessageFilterProxy::MessageFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MessageListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void MessageFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_terms = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

bool MessageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString haystack = index.data(MessageListModel::SearchTextRole).toString();
    for (const QString &term : m_terms) {
        if (!haystack.contains(term, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Awb
