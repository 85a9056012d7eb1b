#pragma once

#include <QStyledItemDelegate>

namespace Awb {

// Draws the rows of LinkTableModel: a link whose text shows another domain than its target
// (LinkTableModel::MismatchRole) gets a warning tint chosen by the palette's lightness and bold
// text. The Kind column says the same in words, for print and for readers who miss the tint.
class LinkItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The tint of a mismatching row on a view with this palette.
    static QColor mismatchBackground(const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Awb
