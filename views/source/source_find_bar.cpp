#include "source_find_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>

namespace Awb {

namespace {

// Counting stops here: enough for "many", and a search for "e" in 8 MiB stays small in memory.
constexpr int MaxMatches = 100000;
// Marked around the current match; more would only slow down painting.
constexpr int MarkedAround = 1000;

} // namespace

SourceFindBar::SourceFindBar(QPlainTextEdit *edit, QWidget *parent)
    : QWidget(parent)
    , m_edit(edit)
    , m_field(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_close(new QToolButton(this))
    , m_status(new QLabel(this))
{
    m_field->setPlaceholderText(tr("Find in source"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+Return)"));
    m_previous->setAutoRaise(true);
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (Return)"));
    m_next->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close the find bar (Escape)"));
    m_close->setAutoRaise(true);

    // Room for "99999 of 99999", so the field does not jump while typing.
    m_status->setMinimumWidth(
        m_status->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(99999).arg(99999)));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_status);
    layout->addWidget(m_close);

    connect(m_field, &QLineEdit::textChanged, this, &SourceFindBar::search);
    connect(m_previous, &QToolButton::clicked, this, &SourceFindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &SourceFindBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    updateStatus();
}

void SourceFindBar::activate()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SourceFindBar::refresh()
{
    if (!isVisible())
        return;
    m_text = m_edit->document()->toPlainText();
    search();
}

void SourceFindBar::findNext()
{
    if (m_matches.isEmpty())
        return;
    // From the cursor, so that moving around in the text and then searching continues there.
    const int from = m_edit->textCursor().selectionEnd();
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from);
    select(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
}

void SourceFindBar::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    const int before = m_edit->textCursor().selectionStart();
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), before);
    const int index = int(it - m_matches.cbegin()) - 1;
    select(index < 0 ? int(m_matches.size()) - 1 : index);
}

void SourceFindBar::search()
{
    m_matches.clear();
    m_current = -1;
    m_capped = false;
    const QString needle = m_field->text();
    if (isVisible() && !needle.isEmpty()) {
        qsizetype at = m_text.indexOf(needle, 0, Qt::CaseInsensitive);
        while (at >= 0) {
            if (m_matches.size() == MaxMatches) {
                m_capped = true;
                break;
            }
            m_matches.append(int(at));
            at = m_text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive);
        }
    }
    if (m_matches.isEmpty()) {
        updateSelections();
        updateStatus();
        return;
    }
    // Typing extends the search from where the current match starts, as browsers do.
    const int from = m_edit->textCursor().selectionStart();
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from);
    select(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
}

void SourceFindBar::select(int index)
{
    m_current = index;
    QTextCursor cursor(m_edit->document());
    cursor.setPosition(m_matches.at(index));
    cursor.setPosition(m_matches.at(index) + int(m_field->text().size()), QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
    m_edit->ensureCursorVisible();
    updateSelections();
    updateStatus();
}

void SourceFindBar::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_current >= 0) {
        const bool dark = palette().color(QPalette::Base).lightness() < 128;
        QTextCharFormat match;
        match.setBackground(QColor(dark ? 0x7c5e10 : 0xfde68a));
        QTextCharFormat current;
        current.setBackground(palette().color(QPalette::Highlight));
        current.setForeground(palette().color(QPalette::HighlightedText));
        const int length = int(m_field->text().size());
        const int first = qMax(0, m_current - MarkedAround);
        const int last = qMin(int(m_matches.size()) - 1, m_current + MarkedAround);
        for (int i = first; i <= last; ++i) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_edit->document());
            selection.cursor.setPosition(m_matches.at(i));
            selection.cursor.setPosition(m_matches.at(i) + length, QTextCursor::KeepAnchor);
            selection.format = i == m_current ? current : match;
            selections.append(selection);
        }
    }
    m_edit->setExtraSelections(selections);
}

void SourceFindBar::updateStatus()
{
    if (m_field->text().isEmpty())
        m_status->clear();
    else if (m_matches.isEmpty())
        m_status->setText(tr("No matches"));
    else if (m_capped)
        m_status->setText(tr("%1 of more than %2").arg(m_current + 1).arg(MaxMatches));
    else
        m_status->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
    m_previous->setEnabled(!m_matches.isEmpty());
    m_next->setEnabled(!m_matches.isEmpty());
}

bool SourceFindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hide();
            m_edit->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SourceFindBar::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void SourceFindBar::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_matches.clear();
    m_current = -1;
    m_text.clear(); // no second copy of a large message while the bar is closed
    updateSelections();
}

void SourceFindBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateSelections();
}

} // namespace Awb
