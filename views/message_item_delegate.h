#pragma once

#include <QStyledItemDelegate>

namespace Awb {

// Colours the reports queue from the model's roles: an overdue or soon-due deadline, and the
// highest finding severity. Colours come from the palette's lightness (light and dark themes);
// the text stays, so the meaning never depends on colour alone.
class MessageItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Awb
