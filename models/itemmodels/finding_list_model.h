#pragma once

#include "analysis/finding.h"

#include <QAbstractTableModel>
#include <QList>

namespace Awb {

// The findings of one message, one row each, in the order given (registry order, then hop
// order). Returns data and semantic roles; delegates choose colours and glyphs.
class FindingListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Severity, Check, Clause, Title, Hop, Evidence, Count };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // Severity
        HopRole,                         // int, -1 when the finding is not about one hop
        CheckRole,                       // QString, the check id
        SortRole,       // typed: severity and hop as ints (-1 first), text otherwise
        SearchTextRole, // check, clause, title and evidence, for the text filter
    };

    explicit FindingListModel(QObject *parent = nullptr);

    void setFindings(const QList<Finding> &findings);
    void clear();

    const QList<Finding> &findings() const { return m_findings; }
    const Finding *findingAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Info", "Low", "Medium", "High", "Critical", translated; shared with delegates and legends.
    static QString severityLabel(Severity severity);

private:
    QVariant displayData(const Finding &finding, Column column) const;

    QList<Finding> m_findings;
};

} // namespace Awb
