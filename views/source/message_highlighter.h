#pragma once

#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QPalette;
class QSyntaxHighlighter;
class QTextDocument;
QT_END_NAMESPACE

namespace Awb {

// The one highlighting interface of the source viewer. Two engines sit behind it: the project's
// own MessageSourceHighlighter (always built), and KF6 SyntaxHighlighting's "Email" definition
// when the build found KF6 (AWB_HAVE_KF6_SYNTAX). Callers never name either engine.
class SourceHighlighting
{
public:
    virtual ~SourceHighlighting() = default;

    // Picks the light or dark formats for palette (by the lightness of its Base colour, the
    // colour the text is drawn on) and highlights the document again. Call it on
    // QEvent::PaletteChange of the widget that shows the document.
    virtual void applyPalette(const QPalette &palette) = 0;

    // The QSyntaxHighlighter itself (owned by this object), e.g. for rehighlight().
    virtual QSyntaxHighlighter *highlighter() = 0;

    // A name for the engine, for the about box and logs: "built-in" or "KSyntaxHighlighting".
    virtual QString engineName() const = 0;
};

// Creates the preferred highlighter for a raw message source and attaches it to document.
// The caller owns the result. The highlighter is not a child of document: the document may be
// destroyed first (highlighting then simply stops), and destroying the result detaches it.
std::unique_ptr<SourceHighlighting> createMessageHighlighter(QTextDocument *document,
                                                             const QPalette &palette);

} // namespace Awb
