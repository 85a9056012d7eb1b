#pragma once

#include <QStyledItemDelegate>

namespace Awb {

// Paints HopTableModel rows in the diagram's language, with colours from the view's palette
// (the light or dark ChainColors by the lightness of its Base colour): claimed hops on the
// claimed background in italics, the boundary hop's trust in bold, a negative delay in the
// warning colour and bold, and the Findings column as the severity glyph of
// HopTableModel::SeverityRole beside the count. Every cue also reads without colour.
class HopItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit HopItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Awb
