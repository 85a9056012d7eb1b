#include "overview/message_overview.h"

#include "overview/auth_verdict_bar.h"
#include "overview/overview_item_delegate.h"

#include "analysis/content_checks/html_scanner.h"
#include "analysis/content_checks/link_extractor.h"
#include "itemmodels/attachment_table_model.h"
#include "itemmodels/link_table_model.h"
#include "mail/mail_message.h"

#include <QAction>
#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Awb {

namespace {

void setUpTable(QTableView *table, QSortFilterProxyModel *sort, int sortRole)
{
    sort->setSortRole(sortRole);
    table->setModel(sort);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    // Message order until the analyst sorts: no sort indicator at first.
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
}

// Columns fit their contents up to about 45 characters: a long URL must not push the host and
// the kind out of sight (the whole value is in the tooltip and the last column stretches).
void fitColumns(QTableView *table)
{
    table->resizeColumnsToContents();
    const int cap = table->fontMetrics().averageCharWidth() * 45;
    for (int column = 0; column < table->model()->columnCount(); ++column)
        table->setColumnWidth(column, qMin(table->columnWidth(column), cap));
}

QPlainTextEdit *createBodyView(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->document()->setUndoRedoEnabled(false);
    return view;
}

QString joinedValues(const MailMessage &message, const QByteArray &name)
{
    return message.headerValues(name).join(QLatin1String("; "));
}

} // namespace

MessageOverview::MessageOverview(QWidget *parent)
    : QWidget(parent)
    , m_verdicts(new AuthVerdictBar(this))
    , m_tabs(new QTabWidget(this))
    , m_textBody(createBodyView(this))
    , m_htmlBody(createBodyView(this))
    , m_linkModel(new LinkTableModel(this))
    , m_linkSort(new QSortFilterProxyModel(this))
    , m_linkTable(new QTableView)
    , m_linkSummary(new QLabel)
    , m_attachmentModel(new AttachmentTableModel(this))
    , m_attachmentSort(new QSortFilterProxyModel(this))
    , m_attachmentTable(new QTableView)
    , m_copyHash(new QAction(tr("Copy &SHA-256"), this))
    , m_copyName(new QAction(tr("Copy &Name"), this))
{
    m_textBody->setAccessibleName(tr("Text body"));
    m_htmlBody->setAccessibleName(tr("HTML body as text"));
    m_htmlBody->setToolTip(tr("The HTML part as the text a reader sees: tags removed, nothing "
                              "loaded, no script run"));
    m_tabs->addTab(m_textBody, tr("Text Body"));
    m_tabs->addTab(m_htmlBody, tr("HTML Body (as Text)"));
    m_tabs->addTab(createLinksPane(), QString());
    m_tabs->addTab(createAttachmentsPane(), QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(createHeaderPane());
    layout->addWidget(m_verdicts);
    layout->addWidget(m_tabs, 1);

    connect(m_linkTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QVariantList location = index.data(LinkTableModel::LocationRole).toList();
        if (location.size() == 2)
            Q_EMIT sourceRangeActivated(location.at(0).toLongLong(), location.at(1).toLongLong());
    });
    connect(m_copyHash, &QAction::triggered, this, &MessageOverview::copyCurrentHash);
    connect(m_copyName, &QAction::triggered, this, [this] {
        const QModelIndex current = m_attachmentTable->currentIndex();
        if (current.isValid())
            QGuiApplication::clipboard()->setText(
                current.data(AttachmentTableModel::FileNameRole).toString());
    });
    clear();
}

MessageOverview::~MessageOverview() = default;

QWidget *MessageOverview::createHeaderPane()
{
    auto *pane = new QWidget(this);
    auto *form = new QFormLayout(pane);
    form->setContentsMargins(0, 0, 0, 0);
    form->setVerticalSpacing(2);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const std::array<QString, size_t(Field::Count)> labels{
        tr("From:"),        tr("To:"),      tr("Cc:"),   tr("Reply-To:"),
        tr("Return-Path:"), tr("Subject:"), tr("Date:"), tr("Message-ID:")};
    for (size_t i = 0; i < labels.size(); ++i) {
        auto *value = new QLabel(pane);
        // Plain text always: a header value is data, and rich text could load an image.
        value->setTextFormat(Qt::PlainText);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        auto *label = new QLabel(labels.at(i), pane);
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(value);
        form->addRow(label, value);
        m_fields.at(i) = value;
    }
    QFont bold = m_fields.at(size_t(Field::Subject))->font();
    bold.setBold(true);
    m_fields.at(size_t(Field::Subject))->setFont(bold);
    return pane;
}

QWidget *MessageOverview::createLinksPane()
{
    auto *pane = new QWidget;
    m_linkSummary->setParent(pane);
    m_linkSummary->setTextFormat(Qt::PlainText);
    m_linkSummary->setWordWrap(true);
    setUpTable(m_linkTable, m_linkSort, LinkTableModel::SortRole);
    m_linkSort->setSourceModel(m_linkModel);
    m_linkTable->setParent(pane);
    m_linkTable->setItemDelegate(new OverviewItemDelegate(m_linkTable));
    m_linkTable->setTextElideMode(Qt::ElideMiddle);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_linkSummary);
    layout->addWidget(m_linkTable, 1);
    return pane;
}

QWidget *MessageOverview::createAttachmentsPane()
{
    auto *pane = new QWidget;
    auto *note = new QLabel(tr("Attachments are listed, measured and hashed; they are never "
                               "opened or run here."),
                            pane);
    note->setTextFormat(Qt::PlainText);
    note->setWordWrap(true);
    setUpTable(m_attachmentTable, m_attachmentSort, AttachmentTableModel::SortRole);
    m_attachmentSort->setSourceModel(m_attachmentModel);
    m_attachmentTable->setParent(pane);
    m_attachmentTable->setItemDelegate(new OverviewItemDelegate(m_attachmentTable));
    m_attachmentTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_attachmentTable->addAction(m_copyHash);
    m_attachmentTable->addAction(m_copyName);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(note);
    layout->addWidget(m_attachmentTable, 1);
    return pane;
}

void MessageOverview::setMessage(const MailMessage &message)
{
    setField(Field::From, joinedValues(message, "From"));
    setField(Field::To, joinedValues(message, "To"));
    setField(Field::Cc, joinedValues(message, "Cc"));
    setField(Field::ReplyTo, joinedValues(message, "Reply-To"));
    setField(Field::ReturnPath, joinedValues(message, "Return-Path"));
    setField(Field::Subject, message.subject());
    const QString written = message.dateText();
    const QDateTime utc = message.date();
    if (written.isEmpty())
        setField(Field::Date, {});
    else if (!utc.isValid())
        setField(Field::Date, tr("%1 (not a readable date)").arg(written));
    else
        setField(Field::Date,
                 tr("%1 (%2 UTC)")
                     .arg(written, utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    setField(Field::MessageId, message.headerValue("Message-ID").trimmed());
    m_verdicts->setMessage(message);

    const QString text = message.textBody();
    const QString html = message.htmlBody();
    m_textBody->setPlainText(text);
    m_htmlBody->setPlainText(html.isEmpty() ? QString() : ContentChecks::htmlToText(html));
    m_tabs->setTabEnabled(TextBodyTab, !text.isEmpty());
    m_tabs->setTabEnabled(HtmlBodyTab, !html.isEmpty());
    m_tabs->setCurrentIndex(!text.isEmpty() || html.isEmpty() ? TextBodyTab : HtmlBodyTab);

    m_linkModel->setLinks(extractLinks(message));
    m_attachmentModel->setAttachments(AttachmentTableModel::rowsFor(message));
    fitColumns(m_linkTable);
    fitColumns(m_attachmentTable);
    updateTabTitles();
}

void MessageOverview::clear()
{
    for (size_t i = 0; i < m_fields.size(); ++i)
        setField(Field(i), {});
    m_verdicts->clear();
    m_textBody->clear();
    m_htmlBody->clear();
    m_linkModel->clear();
    m_attachmentModel->clear();
    updateTabTitles();
}

void MessageOverview::setTrustedAuthservIds(const QStringList &ids)
{
    m_verdicts->setTrustedAuthservIds(ids);
}

QString MessageOverview::fieldText(Field field) const
{
    return m_fields.at(size_t(field))->text();
}

QString MessageOverview::textBody() const
{
    return m_textBody->toPlainText();
}

QString MessageOverview::htmlBodyAsText() const
{
    return m_htmlBody->toPlainText();
}

void MessageOverview::setField(Field field, const QString &text)
{
    QLabel *label = m_fields.at(size_t(field));
    label->setText(text.isEmpty() ? tr("(none)") : text);
    label->setEnabled(!text.isEmpty()); // an absent field reads greyed out
}

void MessageOverview::updateTabTitles()
{
    const int mismatches = m_linkModel->mismatchCount();
    m_tabs->setTabText(LinksTab, tr("&Links (%1)").arg(m_linkModel->rowCount()));
    m_tabs->setTabText(AttachmentsTab, tr("&Attachments (%1)").arg(m_attachmentModel->rowCount()));
    m_linkSummary->setText(
        mismatches == 0
            ? tr("Links are listed, never followed or loaded.")
            : tr("%1 link(s) show another domain in their text than they lead to (in bold, "
                 "\"text shows\"). Links are listed, never followed or loaded.")
                  .arg(mismatches));
}

void MessageOverview::copyCurrentHash()
{
    const QModelIndex current = m_attachmentTable->currentIndex();
    const QString hash = current.data(AttachmentTableModel::Sha256Role).toString();
    if (!hash.isEmpty())
        QGuiApplication::clipboard()->setText(hash);
}

} // namespace Awb
