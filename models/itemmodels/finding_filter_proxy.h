#pragma once

#include "analysis/finding.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Awb {

// Filters a FindingListModel: a minimum severity, free text (every whitespace-separated term
// must occur, case-insensitively, in the check, clause, title or evidence) and "only hop N".
// The terms are split once in the setter, never per row. Sorts by FindingListModel::SortRole.
class FindingFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    static constexpr int AllHops = -1;

    explicit FindingFilterProxy(QObject *parent = nullptr);

    void setMinimumSeverity(Severity severity);
    Severity minimumSeverity() const { return m_minimum; }

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    // Only findings about this hop; AllHops (the default) shows every finding, including those
    // not about a hop.
    void setHop(int hop);
    int hop() const { return m_hop; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Severity m_minimum = Severity::Info;
    QString m_text;
    QStringList m_terms;
    int m_hop = AllHops;
};

} // namespace Awb
