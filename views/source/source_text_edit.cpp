#include "source_text_edit.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>
#include <QtMath>

#include <algorithm>
#include <array>

namespace Awb {

namespace {

constexpr int SeverityCount = 5; // SourceMark::MinSeverity..MaxSeverity

int clampSeverity(int severity)
{
    return qBound(0, severity, SeverityCount - 1);
}

// Info to critical, from blue to red, each lighter on dark text backgrounds; they differ in
// lightness as well as hue, and the line style repeats the severity for greyscale and for
// readers who do not tell the hues apart.
constexpr std::array<QRgb, SeverityCount> lightMarkColours{0x0969da, 0x1a7f37, 0x9a6700, 0xbc4c00,
                                                           0xcf222e};
constexpr std::array<QRgb, SeverityCount> darkMarkColours{0x79c0ff, 0x56d364, 0xe3b341, 0xffa657,
                                                          0xff7b72};

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
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::ToolTip)
            return QWidget::event(event);
        // The margin and the viewport share their vertical coordinates.
        const auto *help = static_cast<QHelpEvent *>(event);
        const int block = m_edit->cursorForPosition(QPoint(0, help->pos().y())).blockNumber();
        const QString text = m_edit->lineMarkToolTip(block);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), Qt::convertFromPlainText(text), this);
        return true;
    }

private:
    SourceTextEdit *m_edit;
};

void paintUnderline(QPainter *painter, qreal x1, qreal x2, qreal y, int severity,
                    const QColor &colour)
{
    QPen pen(colour);
    if (severity <= 1) {
        pen.setWidthF(1.0);
        pen.setStyle(severity == 0 ? Qt::DotLine : Qt::DashLine);
        painter->setPen(pen);
        painter->drawLine(QPointF(x1, y), QPointF(x2, y));
        return;
    }
    pen.setWidthF(severity == 2 ? 1.0 : severity == 3 ? 1.5 : 2.0);
    painter->setPen(pen);
    const qreal amplitude = severity == 4 ? 2.0 : 1.5;
    const qreal halfPeriod = 2.5;
    QPainterPath wave(QPointF(x1, y));
    bool up = true;
    for (qreal x = x1 + halfPeriod; x < x2 + halfPeriod; x += halfPeriod) {
        wave.lineTo(QPointF(qMin(x, x2), y + (up ? -amplitude : amplitude)));
        up = !up;
    }
    painter->drawPath(wave);
}

// The severity's shape, as the chain diagram's glyphs: circle, square, triangle, diamond,
// octagon, so the margin reads without colour.
void paintMarginGlyph(QPainter *painter, const QRectF &rect, int severity, const QColor &fill,
                      const QColor &outline)
{
    const qreal r = qMin(rect.width(), rect.height()) / 2.0 - 1;
    const QPointF c = rect.center();
    const auto polygon = [&](int corners, qreal startDegrees, qreal radius) {
        QPolygonF shape;
        for (int i = 0; i < corners; ++i) {
            const qreal angle = qDegreesToRadians(startDegrees + 360.0 * i / corners);
            shape << c + QPointF(radius * qCos(angle), radius * qSin(angle));
        }
        return shape;
    };
    painter->setPen(QPen(outline, 1.0));
    painter->setBrush(fill);
    switch (severity) {
    case 0:
        // Hollow: the least weight, and no second disc beside the critical octagon.
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(fill, 2.0));
        painter->drawEllipse(c, r * 0.7, r * 0.7);
        break;
    case 1:
        painter->drawRect(QRectF(c - QPointF(r * 0.7, r * 0.7), QSizeF(r * 1.4, r * 1.4)));
        break;
    case 2:
        painter->drawPolygon(polygon(3, -90, r * 1.05).translated(0, r * 0.15));
        break;
    case 3:
        painter->drawPolygon(polygon(4, -90, r));
        break;
    default: {
        painter->drawPolygon(polygon(8, 22.5, r));
        // A cross inside, black or white for contrast, so it never reads as a plain disc.
        painter->setPen(QPen(fill.lightness() > 140 ? Qt::black : Qt::white, 1.6));
        const qreal arm = r * 0.4;
        painter->drawLine(c + QPointF(-arm, -arm), c + QPointF(arm, arm));
        painter->drawLine(c + QPointF(-arm, arm), c + QPointF(arm, -arm));
        break;
    }
    }
}

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

void SourceTextEdit::setMarks(QList<Mark> marks)
{
    const int shown = document()->characterCount() - 1;
    QList<Mark> kept;
    kept.reserve(marks.size());
    for (Mark &mark : marks) {
        mark.start = qBound(0, mark.start, shown);
        mark.end = qBound(mark.start, mark.end, shown);
        mark.severity = clampSeverity(mark.severity);
        if (mark.end > mark.start)
            kept.append(std::move(mark));
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Mark &a, const Mark &b) {
        return a.severity != b.severity ? a.severity < b.severity : a.start < b.start;
    });
    m_marks = std::move(kept);
    updateMargin();
    viewport()->update();
    m_lineNumberArea->update();
}

QString SourceTextEdit::markToolTip(int position) const
{
    QStringList lines;
    for (auto it = m_marks.crbegin(); it != m_marks.crend(); ++it) {
        if (it->start <= position && position < it->end) {
            const QString line = tr("%1: %2").arg(severityLabel(it->severity), it->title);
            if (!lines.contains(line))
                lines.append(line);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QString SourceTextEdit::lineMarkToolTip(int blockNumber) const
{
    const QTextBlock block = document()->findBlockByNumber(blockNumber);
    if (!block.isValid())
        return {};
    const int begin = block.position();
    const int end = begin + qMax(1, block.length() - 1);
    QStringList lines;
    for (auto it = m_marks.crbegin(); it != m_marks.crend(); ++it) {
        if (it->start < end && it->end > begin) {
            const QString line = tr("%1: %2").arg(severityLabel(it->severity), it->title);
            if (!lines.contains(line))
                lines.append(line);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

int SourceTextEdit::characterAt(const QPoint &viewportPos) const
{
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const QRect caret = cursorRect(cursor);
    if (viewportPos.y() < caret.top() || viewportPos.y() > caret.bottom())
        return -1; // below the last line
    const QTextBlock block = cursor.block();
    int position = cursor.position();
    // cursorForPosition() gives the nearest gap between characters: left of it is the
    // character before, right of it the character after.
    if (viewportPos.x() < caret.left()) {
        if (position == block.position())
            return -1;
        --position;
    } else if (position >= block.position() + block.length() - 1) {
        return -1; // past the end of the line
    }
    return position;
}

QColor SourceTextEdit::markColor(int severity) const
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const auto &colours = dark ? darkMarkColours : lightMarkColours;
    return QColor::fromRgb(colours.at(size_t(clampSeverity(severity))));
}

QString SourceTextEdit::severityLabel(int severity)
{
    switch (clampSeverity(severity)) {
    case 0:
        return tr("Info");
    case 1:
        return tr("Low");
    case 2:
        return tr("Medium");
    case 3:
        return tr("High");
    default:
        return tr("Critical");
    }
}

void SourceTextEdit::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_marks.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    paintMarks(&painter, event->rect());
}

void SourceTextEdit::paintMarks(QPainter *painter, const QRect &area)
{
    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= area.bottom()) {
        const qreal bottom = top + blockBoundingRect(block).height();
        if (block.isVisible() && bottom >= area.top()) {
            const int begin = block.position();
            const int end = begin + block.length() - 1;
            for (const Mark &mark : std::as_const(m_marks)) {
                if (mark.start < end && mark.end > begin)
                    paintMarkLine(painter, block, mark);
            }
        }
        block = block.next();
        top = bottom;
    }
}

void SourceTextEdit::paintMarkLine(QPainter *painter, const QTextBlock &block, const Mark &mark)
{
    const QTextLayout *layout = block.layout();
    if (!layout)
        return;
    const int begin = block.position();
    const int from = qMax(mark.start, begin) - begin;
    const int to = qMin(mark.end, begin + block.length() - 1) - begin;
    const QColor colour = markColor(mark.severity);
    // A wrapped block has several lines; each gets its own stretch of underline. The caret
    // rectangle places the line in the viewport, the line itself measures the stretch.
    for (int i = 0; i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        const int start = qMax(from, line.textStart());
        const int stop = qMin(to, line.textStart() + line.textLength());
        if (start >= stop)
            continue;
        QTextCursor cursor(document());
        cursor.setPosition(begin + start);
        const QRect caret = cursorRect(cursor);
        const qreal x1 = caret.left();
        const qreal x2 = x1 + line.cursorToX(stop) - line.cursorToX(start);
        const qreal y = caret.top() + line.ascent() + qMax(1.5, line.descent() * 0.6);
        paintUnderline(painter, x1, x2, y, mark.severity, colour);
    }
}

int SourceTextEdit::blockSeverity(const QTextBlock &block) const
{
    const int begin = block.position();
    const int end = begin + block.length() - 1;
    for (auto it = m_marks.crbegin(); it != m_marks.crend(); ++it) {
        if (it->start < end && it->end > begin)
            return it->severity;
    }
    return -1;
}

int SourceTextEdit::glyphWidth() const
{
    return m_marks.isEmpty() ? 0 : fontMetrics().height();
}

int SourceTextEdit::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int count = qMax(1, blockCount()); count >= 10; count /= 10)
        ++digits;
    const int padding = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    return glyphWidth() + padding * 2 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void SourceTextEdit::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    const int padding = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    const int width = m_lineNumberArea->width() - padding;
    const int glyph = glyphWidth();

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
            const int severity = glyph > 0 ? blockSeverity(block) : -1;
            if (severity >= 0) {
                painter.save();
                painter.setRenderHint(QPainter::Antialiasing);
                paintMarginGlyph(&painter, QRectF(2, top + 1, glyph - 2, glyph - 2), severity,
                                 markColor(severity), pal.color(QPalette::Text));
                painter.restore();
            }
        }
        block = block.next();
        top = bottom;
    }
}

bool SourceTextEdit::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && !m_marks.isEmpty()) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int character = characterAt(help->pos());
        const QString text = character >= 0 ? markToolTip(character) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), Qt::convertFromPlainText(text), viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
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
