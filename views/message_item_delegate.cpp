#include "message_item_delegate.h"

#include "itemmodels/message_list_model.h"

namespace Awb {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// Hues chosen to read on both themes: darker and more saturated on light bases, lighter on dark.
QColor warningColor(const QPalette &palette, bool severe)
{
    if (isDark(palette))
        return severe ? QColor(0xff, 0x8a, 0x80) : QColor(0xff, 0xcc, 0x80);
    return severe ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x9a, 0x5b, 0x00);
}

} // namespace

void MessageItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    using Column = MessageListModel::Column;
    const auto column = Column(index.column());
    if (column == Column::Due) {
        const auto state = MessageListModel::DeadlineState(
            index.data(MessageListModel::DeadlineStateRole).toInt());
        if (state == MessageListModel::DeadlineState::Overdue ||
            state == MessageListModel::DeadlineState::DueSoon) {
            const bool overdue = state == MessageListModel::DeadlineState::Overdue;
            option->palette.setColor(QPalette::Text, warningColor(option->palette, overdue));
            option->font.setBold(overdue);
        }
    } else if (column == Column::Findings) {
        const QString severity = index.data(MessageListModel::SeverityRole).toString();
        if (severity == u"high" || severity == u"critical") {
            option->palette.setColor(QPalette::Text, warningColor(option->palette, true));
            option->font.setBold(true);
        } else if (severity == u"medium") {
            option->palette.setColor(QPalette::Text, warningColor(option->palette, false));
        }
    }
}

} // namespace Awb
