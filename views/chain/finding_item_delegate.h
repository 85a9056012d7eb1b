#pragma once

#include <QStyledItemDelegate>

namespace Awb {

// Paints FindingListModel rows: the Severity column as the severity glyph (the shapes of the
// chain diagram) beside its name, coloured from the view's palette; and the findings about the
// highlighted hop (the one selected in the diagram or the hop table) in bold with a bar along
// their first cell, so that they stand out without filtering the others away.
class FindingItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit FindingItemDelegate(QObject *parent = nullptr);

    // -1 highlights nothing. The owner repaints the view afterwards.
    void setHighlightedHop(int hop) { m_highlightedHop = hop; }
    int highlightedHop() const { return m_highlightedHop; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    bool isHighlighted(const QModelIndex &index) const;

    int m_highlightedHop = -1;
};

} // namespace Awb
