#pragma once

#include "message_highlighter.h"
#include "message_source_tokenizer.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace Awb {

// The project's own highlighter for raw message sources: MessageSourceTokenizer's tokens, with
// formats chosen from the palette (light and dark variants). Each block keeps the tokenizer
// state it ends with (the declared MIME boundaries included), so the next block continues
// from it; the block state number is that state's fingerprint.
class MessageSourceHighlighter : public QSyntaxHighlighter, public SourceHighlighting
{
    Q_OBJECT
public:
    explicit MessageSourceHighlighter(const QPalette &palette, QObject *parent = nullptr);

    void applyPalette(const QPalette &palette) override;
    QSyntaxHighlighter *highlighter() override { return this; }
    QString engineName() const override;

    // The format used for kind under the current palette (tests and legends use it).
    QTextCharFormat formatFor(SourceTokenKind kind) const { return m_formats.at(size_t(kind)); }
    bool usesDarkFormats() const { return m_dark; }

protected:
    void highlightBlock(const QString &text) override;

private:
    void chooseFormats(const QPalette &palette);

    std::array<QTextCharFormat, SourceTokenKindCount> m_formats;
    bool m_dark = false;
};

} // namespace Awb
