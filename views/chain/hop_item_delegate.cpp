#include "chain/hop_item_delegate.h"

#include "itemmodels/hop_table_model.h"
#include "render/chain_colors.h"
#include "render/severity_glyph.h"

#include <QApplication>
#include <QPainter>

namespace Awb {

namespace {

ChainColors colorsFor(const QPalette &palette)
{
    ChainColors colors = palette.color(QPalette::Base).lightness() < 128 ? ChainColors::dark()
                                                                         : ChainColors::light();
    colors.text = palette.color(QPalette::Text);
    return colors;
}

bool isFindingsColumn(const QModelIndex &index)
{
    return index.column() == int(HopTableModel::Column::Findings);
}

} // namespace

HopItemDelegate::HopItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void HopItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const ChainColors colors = colorsFor(option->palette);
    const auto trust = index.data(HopTableModel::TrustRole).value<HopTrust>();
    if (trust == HopTrust::Claimed) {
        option->backgroundBrush = colors.claimedFill;
        option->palette.setColor(QPalette::Text, colors.text);
        option->font.setItalic(true);
    } else if (trust == HopTrust::Boundary && index.column() == int(HopTableModel::Column::Trust)) {
        option->font.setBold(true);
        option->palette.setColor(QPalette::Text, colors.boundary);
    }
    if (index.column() == int(HopTableModel::Column::Delay) &&
        index.data(HopTableModel::DelayNegativeRole).toBool()) {
        option->font.setBold(true);
        option->palette.setColor(QPalette::Text, colors.negativeDelay);
    }
}

void HopItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const QVariant severity = index.data(HopTableModel::SeverityRole);
    if (!isFindingsColumn(index) || !severity.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background and selection as usual, then the glyph left of the count.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString count = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect content = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int side = qMin(content.height(), opt.fontMetrics.height());
    const QRectF glyph(content.left() + 2, content.center().y() - side / 2.0 + 0.5, side, side);
    paintSeverityGlyph(painter, glyph, severity.value<Severity>(), colorsFor(opt.palette));
    painter->save();
    painter->setFont(opt.font);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(content.adjusted(side + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, count);
    painter->restore();
}

QSize HopItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (isFindingsColumn(index))
        size.rwidth() += option.fontMetrics.height() + 6;
    return size;
}

} // namespace Awb
