#pragma once

#include <QStyledItemDelegate>

namespace Awb {

// Draws the overview's link and attachment rows.
//
// A link whose text shows another domain than its target (LinkTableModel::MismatchRole) gets a
// warning tint chosen by the palette's lightness and bold text; the Kind column says the same
// in words, for print and for readers who miss the tint.
//
// Tooltips are shown as plain text. The tooltip roles carry text from the message (link text,
// file names), and QToolTip would otherwise take text that looks like HTML for rich text.
class OverviewItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The tint of a mismatching row on a view with this palette.
    static QColor mismatchBackground(const QPalette &palette);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Awb
