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

void MessageFilterProxy::setFormatFilter(const QString &format)
{
    if (format == m_format)
        return;
    m_format = format;
    invalidateRowsFilter();
}

void MessageFilterProxy::setDueOnly(bool dueOnly)
{
    if (dueOnly == m_dueOnly)
        return;
    m_dueOnly = dueOnly;
    invalidateRowsFilter();
}

bool MessageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_format.isEmpty()) {
        const QString format = index.data(MessageListModel::FormatRole).toString();
        const bool isReport = !format.isEmpty() && format != u"message";
        if (m_format == u"reports" ? !isReport : format != m_format)
            return false;
    }
    if (m_dueOnly) {
        const auto state = MessageListModel::DeadlineState(
            index.data(MessageListModel::DeadlineStateRole).toInt());
        if (state != MessageListModel::DeadlineState::DueSoon &&
            state != MessageListModel::DeadlineState::Overdue)
            return false;
    }
    if (m_terms.isEmpty())
        return true;
    const QString haystack = index.data(MessageListModel::SearchTextRole).toString();
    for (const QString &term : m_terms) {
        if (!haystack.contains(term, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Awb
