#include "message_list_panel.h"

#include "itemmodels/message_filter_proxy.h"
#include "itemmodels/message_list_model.h"
#include "message_item_delegate.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Awb {

MessageListPanel::MessageListPanel(MessageListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new MessageFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_dueOnly(
          new QCheckBox(tr("Due within %1 h or overdue").arg(MessageListModel::DueSoonHours), this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);

    m_filter->setPlaceholderText(tr(
        "Filter by sender, reporter, subject, format, origin IP, source or Message-ID (Ctrl+L)"));
    m_filter->setClearButtonEnabled(true);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(focusFilter, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(focusFilter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &MessageFilterProxy::setFilterText);
    const std::pair<QString, QString> formats[] = {
        {tr("All messages"), QString()},
        {tr("Reports only"), QStringLiteral("reports")},
        {tr("ARF"), QStringLiteral("arf")},
        {tr("X-ARF"), QStringLiteral("xarf")},
        {tr("SpamCop"), QStringLiteral("spamcop")},
        {tr("Spamhaus"), QStringLiteral("spamhaus")},
        {tr("JMRP"), QStringLiteral("jmrp")},
        {tr("Forwarded"), QStringLiteral("forward")},
        {tr("Plain messages"), QStringLiteral("message")}};
    for (const auto &[label, key] : formats)
        m_format->addItem(label, key);
    connect(m_format, &QComboBox::currentIndexChanged, m_proxy,
            [this] { m_proxy->setFormatFilter(m_format->currentData().toString()); });
    connect(m_dueOnly, &QCheckBox::toggled, m_proxy, &MessageFilterProxy::setDueOnly);

    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new MessageItemDelegate(m_table));
    m_table->setSortingEnabled(true);
    // The queue: what is due first on top (section V's 72 hours).
    m_table->sortByColumn(int(MessageListModel::Column::Due), Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    // Fixed widths and a horizontal scroll bar: a stretched Subject would be squeezed to nothing
    // by the queue's many columns on a small screen.
    header->setStretchLastSection(true);
    using Column = MessageListModel::Column;
    const std::pair<Column, int> widths[] = {
        {Column::Due, 135},     {Column::Format, 70},       {Column::From, 200},
        {Column::Subject, 300}, {Column::Origin, 150},      {Column::Account, 80},
        {Column::Case, 165},    {Column::Completeness, 65}, {Column::Findings, 85},
        {Column::Date, 125},    {Column::Size, 65},         {Column::Source, 170}};
    for (const auto &[column, width] : widths)
        header->resizeSection(int(column), width);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_format);
    top->addWidget(m_dueOnly);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT currentMessageChanged(currentEvidenceId()); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MessageListPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MessageListPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MessageListPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MessageListPanel::updateCount);
    updateCount();

    // The due countdowns move with the clock.
    auto *clock = new QTimer(this);
    clock->setInterval(60 * 1000);
    connect(clock, &QTimer::timeout, this, [this] { m_model->setNow({}); });
    clock->start();
}

qint64 MessageListPanel::currentEvidenceId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return 0;
    return current.data(MessageListModel::EvidenceIdRole).toLongLong();
}

void MessageListPanel::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    if (shown == total)
        m_count->setText(tr("%n message(s)", nullptr, total));
    else
        m_count->setText(tr("%1 of %n message(s)", nullptr, total).arg(shown));
}

} // namespace Awb
