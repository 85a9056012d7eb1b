#include "chain/finding_item_delegate.h"

#include "itemmodels/finding_list_model.h"
#include "render/chain_colors.h"
#include "render/severity_glyph.h"

#include <QApplication>
#include <QPainter>

namespace Awb {

namespace {

bool isSeverityColumn(const QModelIndex &index)
{
    return index.column() == int(FindingListModel::Column::Severity);
}

} // namespace

FindingItemDelegate::FindingItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

bool FindingItemDelegate::isHighlighted(const QModelIndex &index) const
{
    return m_highlightedHop >= 0 &&
           index.data(FindingListModel::HopRole).toInt() == m_highlightedHop;
}

void FindingItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (isHighlighted(index))
        option->font.setBold(true);
}

void FindingItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVariant severity = index.data(FindingListModel::SeverityRole);
    const bool glyph = isSeverityColumn(index) && severity.isValid();
    const QString text = opt.text;
    if (glyph)
        opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const ChainColors colors = opt.palette.color(QPalette::Base).lightness() < 128
                                   ? ChainColors::dark()
                                   : ChainColors::light();
    if (isHighlighted(index) && index.column() == 0) {
        const int bar = qMax(3, opt.fontMetrics.height() / 5);
        painter->fillRect(QRect(opt.rect.left(), opt.rect.top(), bar, opt.rect.height()),
                          opt.palette.color(QPalette::Highlight));
    }
    if (!glyph)
        return;
    const QRect content = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int side = qMin(content.height(), opt.fontMetrics.height());
    const int indent = qMax(3, opt.fontMetrics.height() / 5) + 2;
    const QRectF glyphRect(content.left() + indent, content.center().y() - side / 2.0 + 0.5, side,
                           side);
    ChainColors glyphColors = colors;
    glyphColors.text = opt.palette.color(QPalette::Text);
    paintSeverityGlyph(painter, glyphRect, severity.value<Severity>(), glyphColors);
    painter->save();
    painter->setFont(opt.font);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(content.adjusted(indent + side + 6, 0, 0, 0),
                      Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->restore();
}

QSize FindingItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (isSeverityColumn(index))
        size.rwidth() += option.fontMetrics.height() * 2;
    return size;
}

} // namespace Awb
