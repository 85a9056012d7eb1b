#include "overview/link_item_delegate.h"

#include "itemmodels/link_table_model.h"

namespace Awb {

QColor LinkItemDelegate::mismatchBackground(const QPalette &palette)
{
    // As the source viewer's highlighter: dark variants when the text is drawn on a dark Base.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0x5a, 0x1e, 0x1e) : QColor(0xff, 0xe4, 0xe1);
}

void LinkItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(LinkTableModel::MismatchRole).toBool())
        return;
    option->backgroundBrush = mismatchBackground(option->palette);
    option->font.setBold(true);
}

} // namespace Awb
