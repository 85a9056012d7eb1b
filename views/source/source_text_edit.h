#pragma once

#include <QList>
#include <QPlainTextEdit>

namespace Awb {

// A read-only plain-text view for message sources: fixed-width font, no wrapping by default,
// line numbers in a margin. Selecting and copying work; nothing can be typed.
//
// It can also mark ranges of characters (findings): each mark is drawn as an underline over
// whatever the highlighter and the find bar drew, in a colour and a line style chosen by its
// severity (dotted info, dashed low, waves for medium, high and critical, thicker as they rise),
// with the severity's shape in the margin beside its lines and its title in a tooltip. Marks
// are painted, not set as formats or extra selections: the highlighter owns the formats and
// the find bar owns the extra selections, and a mark must neither disturb nor be wiped by them.
class SourceTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    // A marked range of document positions [start, end). Severity as SourceMark::severity.
    struct Mark
    {
        int start = 0;
        int end = 0;
        int severity = 0;
        QString title;
    };

    explicit SourceTextEdit(QWidget *parent = nullptr);

    // Replaces the marks. Ranges are clamped to the document; empty ones are dropped.
    void setMarks(QList<Mark> marks);
    const QList<Mark> &marks() const { return m_marks; }
    // "High: title" lines of the marks covering the character at position, most severe first;
    // empty when none does. Plain text; the tooltip shows it converted, never as rich text.
    QString markToolTip(int position) const;
    // The same for every mark touching the block (line) blockNumber: the margin's tooltip.
    QString lineMarkToolTip(int blockNumber) const;
    // The character under a point of the viewport, or -1 when the point is past a line's end.
    int characterAt(const QPoint &viewportPos) const;
    // The underline colour of severity under the current palette (dark variants on a dark Base).
    QColor markColor(int severity) const;
    // "Info", "Low", "Medium", "High", "Critical", translated.
    static QString severityLabel(int severity);

    int lineNumberAreaWidth() const;
    // Called by the margin widget; paints the numbers of the visible blocks and mark glyphs.
    void paintLineNumbers(QPaintEvent *event);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void paintMarks(QPainter *painter, const QRect &area);
    void paintMarkLine(QPainter *painter, const QTextBlock &block, const Mark &mark);
    // The highest severity of the marks touching block, or -1.
    int blockSeverity(const QTextBlock &block) const;
    int glyphWidth() const;
    void updateMargin();
    void updateLineNumberArea(const QRect &rect, int dy);

    QWidget *m_lineNumberArea = nullptr;
    QList<Mark> m_marks; // sorted by severity, then start: the most severe is painted last
};

} // namespace Awb
