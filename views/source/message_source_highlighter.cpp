#include "message_source_highlighter.h"

#include <QPalette>
#include <QTextBlock>
#include <QTextBlockUserData>

namespace Awb {

namespace {

// The tokenizer state a block ends with. The boundaries list is implicitly shared, so blocks
// of the same part cost a pointer each.
class LineStateData : public QTextBlockUserData
{
public:
    explicit LineStateData(SourceLineState state)
        : m_state(std::move(state))
    {}
    const SourceLineState &state() const { return m_state; }

private:
    SourceLineState m_state;
};

struct Colours
{
    const char *headerName;
    const char *address;
    const char *messageId;
    const char *ip;
    const char *date;
    const char *encodedWord;
    const char *boundary;
};

// Chosen for contrast against white and against a dark grey Base (both above 4.5:1).
constexpr Colours lightColours{"#1d4ed8", "#9a3412", "#6d28d9", "#b91c1c",
                               "#047857", "#a21caf", "#4b5563"};
constexpr Colours darkColours{"#8ab4f8", "#fdba74", "#c4b5fd", "#fca5a5",
                              "#6ee7b7", "#f0abfc", "#9ca3af"};

} // namespace

MessageSourceHighlighter::MessageSourceHighlighter(const QPalette &palette, QObject *parent)
    : QSyntaxHighlighter(parent)
{
    chooseFormats(palette);
}

void MessageSourceHighlighter::applyPalette(const QPalette &palette)
{
    chooseFormats(palette);
    rehighlight();
}

QString MessageSourceHighlighter::engineName() const
{
    return tr("built-in");
}

void MessageSourceHighlighter::chooseFormats(const QPalette &palette)
{
    // As KSyntaxHighlighting's codeeditor example: dark variants on a dark text background.
    m_dark = palette.color(QPalette::Base).lightness() < 128;
    const Colours &colours = m_dark ? darkColours : lightColours;
    const auto coloured = [](const char *colour) {
        QTextCharFormat format;
        format.setForeground(QColor(QLatin1String(colour)));
        return format;
    };
    auto &f = m_formats;
    f[size_t(SourceTokenKind::HeaderName)] = coloured(colours.headerName);
    f[size_t(SourceTokenKind::HeaderName)].setFontWeight(QFont::Bold);
    // Values keep the palette's text colour: the eye reads names, then what stands out in values.
    f[size_t(SourceTokenKind::HeaderValue)].setForeground(palette.color(QPalette::Text));
    f[size_t(SourceTokenKind::Address)] = coloured(colours.address);
    f[size_t(SourceTokenKind::MessageId)] = coloured(colours.messageId);
    f[size_t(SourceTokenKind::IpAddress)] = coloured(colours.ip);
    f[size_t(SourceTokenKind::IpAddress)].setFontWeight(QFont::Bold);
    f[size_t(SourceTokenKind::Date)] = coloured(colours.date);
    f[size_t(SourceTokenKind::EncodedWord)] = coloured(colours.encodedWord);
    f[size_t(SourceTokenKind::EncodedWord)].setFontItalic(true);
    f[size_t(SourceTokenKind::Separator)] = QTextCharFormat();
    f[size_t(SourceTokenKind::Boundary)] = coloured(colours.boundary);
    f[size_t(SourceTokenKind::Boundary)].setFontWeight(QFont::Bold);
    f[size_t(SourceTokenKind::BodyText)] = QTextCharFormat();
}

void MessageSourceHighlighter::highlightBlock(const QString &text)
{
    SourceLineState state;
    const QTextBlock previous = currentBlock().previous();
    if (previous.isValid()) {
        if (const auto *data = static_cast<const LineStateData *>(previous.userData()))
            state = data->state();
    }
    const QList<SourceToken> tokens = MessageSourceTokenizer::tokenize(text, state);
    for (const SourceToken &token : tokens) {
        const QTextCharFormat &format = m_formats.at(size_t(token.kind));
        // Plain kinds are left unformatted: fewer format ranges, faster layout of big bodies.
        if (token.length > 0 && format.propertyCount() > 0)
            setFormat(token.start, token.length, format);
    }
    setCurrentBlockUserData(new LineStateData(state));
    setCurrentBlockState(state.fingerprint());
}

} // namespace Awb
