#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Awb {

// Filters the reports queue by free text (every whitespace-separated term must occur,
// case-insensitively, in the row's search text; the terms are split once in the setter, never
// per row), by format, and to what is due. Sorts by MessageListModel::SortRole so dates and sizes
// sort by value.
class MessageFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MessageFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    // Only rows of this format ("arf", "spamcop"...; "reports" for every report format; empty
    // for all rows).
    void setFormatFilter(const QString &format);
    QString formatFilter() const { return m_format; }
    // Only reports whose response is due within DueSoonHours or overdue.
    void setDueOnly(bool dueOnly);
    bool dueOnly() const { return m_dueOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QStringList m_terms;
    QString m_format;
    bool m_dueOnly = false;
};

} // namespace Awb
