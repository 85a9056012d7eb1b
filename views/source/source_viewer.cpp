#include "source_viewer.h"

#include "message_highlighter.h"
#include "message_source_text.h"
#include "source_find_bar.h"
#include "source_text_edit.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace Awb {

namespace {

QString dataSize(qsizetype bytes)
{
    // "8 MiB of 50 MiB" reads better than "8.0 MiB of 50.0 MiB"; small sizes keep a decimal.
    return QLocale().formattedDataSize(bytes, bytes >= 1024 * 1024 ? 0 : 1);
}

// The source edit with the viewer's actions at the end of its standard context menu.
class ViewerTextEdit : public SourceTextEdit
{
public:
    ViewerTextEdit(QList<QAction *> actions, QWidget *parent)
        : SourceTextEdit(parent)
        , m_actions(std::move(actions))
    {}

protected:
    void contextMenuEvent(QContextMenuEvent *event) override
    {
        std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
        menu->addSeparator();
        menu->addActions(m_actions);
        menu->exec(event->globalPos());
    }

private:
    QList<QAction *> m_actions;
};

enum HeaderColumn { NameColumn, DecodedColumn, RawColumn, HeaderColumnCount };
constexpr int OffsetRole = Qt::UserRole + 1;
constexpr int LengthRole = Qt::UserRole + 2;

} // namespace

SourceViewer::SourceViewer(QWidget *parent)
    : QWidget(parent)
    , m_notice(new QLabel(this))
    , m_findAction(new QAction(tr("&Find in Source…"), this))
    , m_wrapAction(new QAction(tr("&Wrap Long Lines"), this))
    , m_decodedAction(new QAction(tr("&Decoded Headers"), this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_headerTree(new QTreeWidget)
    , m_displayLimit(MessageSourceText::DefaultDisplayLimit)
{
    m_findAction->setShortcut(QKeySequence::Find);
    m_wrapAction->setCheckable(true);
    m_wrapAction->setToolTip(tr("Wrap lines longer than the view"));
    m_decodedAction->setCheckable(true);
    m_decodedAction->setToolTip(
        tr("Show each header field decoded (RFC 2047) beside the raw source"));
    // The window holds other views with their own Find: these keys belong to this viewer only.
    for (QAction *action : {m_findAction, m_wrapAction, m_decodedAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    auto *findNext = new QAction(this);
    findNext->setShortcut(QKeySequence::FindNext);
    findNext->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findNext);
    auto *findPrevious = new QAction(this);
    findPrevious->setShortcut(QKeySequence::FindPrevious);
    findPrevious->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findPrevious);

    m_edit = new ViewerTextEdit({m_findAction, m_wrapAction, m_decodedAction}, this);
    m_findBar = new SourceFindBar(m_edit, this);
    m_findBar->hide();
    m_highlighting = createMessageHighlighter(m_edit->document(), palette());

    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    auto *findButton = new QToolButton(this);
    findButton->setDefaultAction(m_findAction);
    findButton->setAutoRaise(true);
    auto *wrapButton = new QToolButton(this);
    wrapButton->setDefaultAction(m_wrapAction);
    wrapButton->setAutoRaise(true);
    auto *decodedButton = new QToolButton(this);
    decodedButton->setDefaultAction(m_decodedAction);
    decodedButton->setAutoRaise(true);

    m_headerTree->setColumnCount(HeaderColumnCount);
    m_headerTree->setHeaderLabels({tr("Field"), tr("Decoded value"), tr("As written")});
    m_headerTree->headerItem()->setToolTip(
        RawColumn, tr("The value as it stands in the message, when decoding changed it"));
    m_headerTree->setRootIsDecorated(false);
    m_headerTree->setUniformRowHeights(true);
    m_headerTree->setAlternatingRowColors(true);
    m_headerTree->setWordWrap(false);
    m_headerTree->setTextElideMode(Qt::ElideRight);
    m_headerTree->setAccessibleName(tr("Decoded headers"));
    m_headerTree->hide();
    m_splitter->addWidget(m_edit);
    m_splitter->addWidget(m_headerTree);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *toolRow = new QHBoxLayout;
    toolRow->setContentsMargins(4, 2, 4, 2);
    toolRow->addWidget(m_notice, 1);
    toolRow->addStretch();
    toolRow->addWidget(findButton);
    toolRow->addWidget(wrapButton);
    toolRow->addWidget(decodedButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(toolRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_findBar);

    connect(m_findAction, &QAction::triggered, m_findBar, &SourceFindBar::activate);
    connect(findNext, &QAction::triggered, m_findBar, &SourceFindBar::findNext);
    connect(findPrevious, &QAction::triggered, m_findBar, &SourceFindBar::findPrevious);
    connect(m_wrapAction, &QAction::toggled, this, [this](bool wrap) {
        m_edit->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    connect(m_decodedAction, &QAction::toggled, m_headerTree, &QWidget::setVisible);
    connect(m_headerTree, &QTreeWidget::currentItemChanged, this,
            &SourceViewer::onHeaderFieldChosen);
    connect(m_headerTree, &QTreeWidget::itemClicked, this, &SourceViewer::onHeaderFieldChosen);
}

SourceViewer::~SourceViewer() = default;

QPlainTextEdit *SourceViewer::textEdit() const
{
    return m_edit;
}

void SourceViewer::setMessageBytes(const QByteArray &raw)
{
    const MessageSourceText shown = MessageSourceText::decode(raw, m_displayLimit);
    m_raw = raw;
    m_shownBytes = shown.shownBytes;
    m_shownAsLatin1 = shown.shownAsLatin1;
    m_edit->setMarks({});
    m_headerTree->clear();
    m_edit->setPlainText(shown.text);
    QStringList notices;
    if (shown.truncated()) {
        notices.append(tr("Showing the first %1 of %2; the whole message is kept unchanged.")
                           .arg(dataSize(shown.shownBytes), dataSize(shown.totalBytes)));
    }
    if (shown.shownAsLatin1)
        notices.append(tr("Shown as Latin-1: not valid UTF-8."));
    setNotices(notices);
    m_findBar->refresh();
}

void SourceViewer::selectBytes(qsizetype offset, qsizetype length)
{
    if (offset < 0 || length < 0 || offset + length > m_raw.size())
        return;
    const QList<int> positions = documentPositions({offset, offset + length});
    if (positions.at(0) < 0)
        return;
    const int end =
        positions.at(1) < 0 ? m_edit->document()->characterCount() - 1 : positions.at(1);
    QTextCursor cursor(m_edit->document());
    cursor.setPosition(positions.at(0));
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
    m_edit->ensureCursorVisible();
}

QList<int> SourceViewer::documentPositions(const QList<qsizetype> &byteOffsets) const
{
    QList<int> positions(byteOffsets.size(), -1);
    QList<qsizetype> order(byteOffsets.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](qsizetype a, qsizetype b) { return byteOffsets.at(a) < byteOffsets.at(b); });
    const int shownCharacters = m_edit->document()->characterCount() - 1;
    const char *data = m_raw.constData();
    qsizetype byte = 0;
    qsizetype characters = 0;
    // One pass over the shown bytes for all offsets, in increasing order. Latin-1 shows a
    // character per byte; valid UTF-8 one UTF-16 unit per sequence, two for 4-byte sequences.
    // QTextDocument turns CR LF into a single block separator, so the CR counts for nothing.
    for (const qsizetype index : std::as_const(order)) {
        const qsizetype target = byteOffsets.at(index);
        if (target < 0)
            continue;
        if (target > m_shownBytes)
            break;
        for (; byte < target; ++byte) {
            const uchar c = uchar(data[byte]);
            if (c == '\r' && byte + 1 < m_shownBytes && data[byte + 1] == '\n')
                continue;
            if (m_shownAsLatin1)
                ++characters;
            else if ((c & 0xC0) != 0x80)
                characters += c >= 0xF0 ? 2 : 1;
        }
        positions[index] = int(qMin<qsizetype>(characters, shownCharacters));
    }
    return positions;
}

void SourceViewer::setFindingMarks(const QList<SourceMark> &marks)
{
    QList<qsizetype> offsets;
    offsets.reserve(marks.size() * 2);
    for (const SourceMark &mark : marks) {
        offsets.append(mark.offset);
        offsets.append(mark.offset < 0 ? -1 : mark.offset + qMax<qsizetype>(0, mark.length));
    }
    const QList<int> positions = documentPositions(offsets);
    const int shownCharacters = m_edit->document()->characterCount() - 1;
    QList<SourceTextEdit::Mark> shown;
    for (qsizetype i = 0; i < marks.size(); ++i) {
        const int start = positions.at(2 * i);
        if (start < 0)
            continue;
        const int end = positions.at(2 * i + 1) < 0 ? shownCharacters : positions.at(2 * i + 1);
        shown.append({start, end, marks.at(i).severity, marks.at(i).title});
    }
    m_edit->setMarks(shown);
}

int SourceViewer::shownMarkCount() const
{
    return int(m_edit->marks().size());
}

void SourceViewer::setDecodedHeaders(const QList<DecodedHeaderField> &fields)
{
    m_headerTree->clear();
    QList<QTreeWidgetItem *> items;
    // Tooltips hold message data: converted, so that QToolTip never takes it for rich text.
    for (const DecodedHeaderField &field : fields) {
        auto *item = new QTreeWidgetItem;
        item->setText(NameColumn, field.name);
        item->setText(DecodedColumn, field.decodedValue);
        item->setToolTip(DecodedColumn, Qt::convertFromPlainText(field.decodedValue));
        if (field.rawValue.simplified() != field.decodedValue.simplified()) {
            item->setText(RawColumn, field.rawValue);
            item->setToolTip(RawColumn, Qt::convertFromPlainText(field.rawValue));
        }
        item->setData(NameColumn, OffsetRole, field.offset);
        item->setData(NameColumn, LengthRole, field.length);
        items.append(item);
    }
    m_headerTree->addTopLevelItems(items);
    m_headerTree->resizeColumnToContents(NameColumn);
    // Long values (Received, DKIM-Signature) are in the tooltip; a capped column leaves room for
    // "As written" beside it.
    m_headerTree->resizeColumnToContents(DecodedColumn);
    const int cap = m_headerTree->fontMetrics().averageCharWidth() * 40;
    m_headerTree->setColumnWidth(DecodedColumn,
                                 qMin(m_headerTree->columnWidth(DecodedColumn), cap));
}

void SourceViewer::showDecodedHeaders(bool show)
{
    m_decodedAction->setChecked(show);
}

bool SourceViewer::isShowingDecodedHeaders() const
{
    return m_decodedAction->isChecked();
}

void SourceViewer::onHeaderFieldChosen()
{
    const QTreeWidgetItem *item = m_headerTree->currentItem();
    if (!item)
        return;
    selectBytes(item->data(NameColumn, OffsetRole).toLongLong(),
                item->data(NameColumn, LengthRole).toLongLong());
}

void SourceViewer::clear()
{
    m_raw.clear();
    m_shownBytes = 0;
    m_shownAsLatin1 = false;
    m_edit->setMarks({});
    m_headerTree->clear();
    m_edit->clear();
    setNotices({});
    m_findBar->refresh();
}

QString SourceViewer::notice() const
{
    return m_notice->text();
}

void SourceViewer::setNotices(const QStringList &notices)
{
    m_notice->setText(notices.join(QLatin1Char(' ')));
    m_notice->setVisible(!notices.isEmpty());
}

void SourceViewer::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // A widget gets PaletteChange both for its own palette and the application's.
    if (event->type() == QEvent::PaletteChange && m_highlighting)
        m_highlighting->applyPalette(palette());
}

} // namespace Awb
