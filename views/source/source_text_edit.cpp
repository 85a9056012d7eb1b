#include "source_text_edit.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

namespace Awb {

namespace {

class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(SourceTextEdit *edit)
        : QWidget(edit)
        , m_edit(edit)
    {}
    QSize sizeHint() const override { return {m_edit->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_edit->paintLineNumbers(event); }

private:
    SourceTextEdit *m_edit;
};

} // namespace

SourceTextEdit::SourceTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
{
    setReadOnly(true);
    // Read-only, but the keyboard still moves the cursor and extends the selection.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Nothing is edited, and an undo stack would hold a second copy of a large message.
    document()->setUndoRedoEnabled(false);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &SourceTextEdit::updateMargin);
    connect(this, &QPlainTextEdit::updateRequest, this, &SourceTextEdit::updateLineNumberArea);
    updateMargin();
}

int SourceTextEdit::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int count = qMax(1, blockCount()); count >= 10; count /= 10)
        ++digits;
    const int padding = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    return padding * 2 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void SourceTextEdit::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setPen(pal.color(QPalette::PlaceholderText));
    const int padding = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    const int width = m_lineNumberArea->width() - padding;

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}

void SourceTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_lineNumberArea->setGeometry(r.left(), r.top(), lineNumberAreaWidth(), r.height());
}

void SourceTextEdit::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMargin();
}

void SourceTextEdit::updateMargin()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    const QRect r = contentsRect();
    m_lineNumberArea->setGeometry(r.left(), r.top(), lineNumberAreaWidth(), r.height());
}

void SourceTextEdit::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
}

} // namespace Awb
