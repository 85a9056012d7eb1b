#pragma once

#include <QPlainTextEdit>

namespace Awb {

// A read-only plain-text view for message sources: fixed-width font, no wrapping by default,
// line numbers in a margin. Selecting and copying work; nothing can be typed.
class SourceTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit SourceTextEdit(QWidget *parent = nullptr);

    int lineNumberAreaWidth() const;
    // Called by the margin widget; paints the numbers of the visible blocks.
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateMargin();
    void updateLineNumberArea(const QRect &rect, int dy);

    QWidget *m_lineNumberArea = nullptr;
};

} // namespace Awb
