#include "overview/overview_item_delegate.h"

#include "itemmodels/link_table_model.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

namespace Awb {

QColor OverviewItemDelegate::mismatchBackground(const QPalette &palette)
{
    // As the source viewer's highlighter: dark variants when the text is drawn on a dark Base.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0x5a, 0x1e, 0x1e) : QColor(0xff, 0xe4, 0xe1);
}

bool OverviewItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString text = index.data(Qt::ToolTipRole).toString();
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPos(), Qt::convertFromPlainText(text), view->viewport(),
                           option.rect);
    return true;
}

void OverviewItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(LinkTableModel::MismatchRole).toBool())
        return;
    option->backgroundBrush = mismatchBackground(option->palette);
    option->font.setBold(true);
}

} // namespace Awb
