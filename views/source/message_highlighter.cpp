#include "message_highlighter.h"

#include "message_source_highlighter.h"

#ifdef AWB_HAVE_KF6_SYNTAX
#include "kf6_message_highlighter.h"
#endif

#include <QSyntaxHighlighter>

namespace Awb {

std::unique_ptr<SourceHighlighting> createMessageHighlighter(QTextDocument *document,
                                                             const QPalette &palette)
{
#ifdef AWB_HAVE_KF6_SYNTAX
    // A KF6 installation without its data files has no "Email" definition; the built-in
    // highlighter is then better than none.
    if (Kf6MessageHighlighter::isAvailable()) {
        auto kf6 = std::make_unique<Kf6MessageHighlighter>(palette);
        kf6->highlighter()->setDocument(document);
        return kf6;
    }
#endif
    auto builtIn = std::make_unique<MessageSourceHighlighter>(palette);
    builtIn->setDocument(document);
    return builtIn;
}

} // namespace Awb
