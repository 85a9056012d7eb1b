#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Awb {

// Filters the message list by free text: every whitespace-separated term must occur
// (case-insensitively) in the row's search text. The terms are split once in the setter, never
// per row. Sorts by MessageListModel::SortRole so dates and sizes sort by value.
class MessageFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MessageFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QStringList m_terms;
};

} // namespace Awb
