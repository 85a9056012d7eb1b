#include "source_viewer.h"

#include "message_highlighter.h"
#include "message_source_text.h"
#include "source_find_bar.h"
#include "source_text_edit.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

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

} // namespace

SourceViewer::SourceViewer(QWidget *parent)
    : QWidget(parent)
    , m_notice(new QLabel(this))
    , m_findAction(new QAction(tr("&Find in Source…"), this))
    , m_wrapAction(new QAction(tr("&Wrap Long Lines"), this))
    , m_displayLimit(MessageSourceText::DefaultDisplayLimit)
{
    m_findAction->setShortcut(QKeySequence::Find);
    m_wrapAction->setCheckable(true);
    m_wrapAction->setToolTip(tr("Wrap lines longer than the view"));
    // The window holds other views with their own Find: these keys belong to this viewer only.
    for (QAction *action : {m_findAction, m_wrapAction}) {
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

    m_edit = new ViewerTextEdit({m_findAction, m_wrapAction}, this);
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

    auto *toolRow = new QHBoxLayout;
    toolRow->setContentsMargins(4, 2, 4, 2);
    toolRow->addWidget(m_notice, 1);
    toolRow->addStretch();
    toolRow->addWidget(findButton);
    toolRow->addWidget(wrapButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(toolRow);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_findBar);

    connect(m_findAction, &QAction::triggered, m_findBar, &SourceFindBar::activate);
    connect(findNext, &QAction::triggered, m_findBar, &SourceFindBar::findNext);
    connect(findPrevious, &QAction::triggered, m_findBar, &SourceFindBar::findPrevious);
    connect(m_wrapAction, &QAction::toggled, this, [this](bool wrap) {
        m_edit->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
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
    m_shownAsLatin1 = shown.shownAsLatin1;
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
    // Latin-1 shows one character per byte; UTF-8 needs the prefix decoded to count characters.
    const auto toChars = [this](qsizetype bytes) {
        return m_shownAsLatin1 ? bytes : QString::fromUtf8(m_raw.constData(), bytes).size();
    };
    const qsizetype start = toChars(offset);
    const qsizetype end = toChars(offset + length);
    const int shown = m_edit->document()->characterCount() - 1;
    if (start > shown)
        return;
    QTextCursor cursor(m_edit->document());
    cursor.setPosition(int(start));
    cursor.setPosition(int(qMin<qsizetype>(end, shown)), QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
    m_edit->ensureCursorVisible();
}

void SourceViewer::clear()
{
    m_raw.clear();
    m_shownAsLatin1 = false;
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
