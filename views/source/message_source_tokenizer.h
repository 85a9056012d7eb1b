#pragma once

#include <QList>
#include <QStringList>
#include <QStringView>

namespace Awb {

// What a piece of a message source line is. The highlighters map each kind to a format.
enum class SourceTokenKind : quint8 {
    HeaderName,  // "Received:" (the field name with its colon)
    HeaderValue, // the rest of a header line, or a folded continuation line
    Address,     // user@example.org, <user@example.org>, any other <...>
    IpAddress,   // 192.0.2.1, 2001:db8::1, [IPv6:2001:db8::1]
    Date,        // RFC 5322 date-time: "Mon, 1 Jan 2024 10:00:00 +0000"
    EncodedWord, // RFC 2047: =?utf-8?B?...?=
    MessageId,   // <...> in Message-ID, In-Reply-To, References
    Separator,   // the blank line that ends a header block (empty, or a lone CR)
    Boundary,    // a MIME boundary line declared by a Content-Type: "--xyz" or "--xyz--"
    BodyText,    // body lines: plain, never looked into
};
constexpr int SourceTokenKindCount = int(SourceTokenKind::BodyText) + 1;

struct SourceToken
{
    int start = 0;
    int length = 0;
    SourceTokenKind kind = SourceTokenKind::BodyText;

    bool operator==(const SourceToken &other) const
    {
        return start == other.start && length == other.length && kind == other.kind;
    }
};

// What one line leaves for the next. A default-constructed state is the first line of a message.
struct SourceLineState
{
    enum class Section : quint8 { Header, Body };
    // The field a folded continuation line belongs to, as far as tokenizing cares.
    enum class Field : quint8 { None, Other, ContentType, MessageIds };

    Section section = Section::Header;
    Field field = Field::None;
    // The current header block declared message/rfc822, message/global or text/rfc822-headers:
    // its body is another header block (the reported original in ARF, a forwarded message).
    bool bodyIsMessage = false;
    // Boundaries declared by Content-Type headers seen so far, outermost first. Only lines that
    // match one of them are Boundary lines, so a body line of dashes is never mistaken for one.
    QStringList boundaries;

    bool operator==(const SourceLineState &other) const
    {
        return section == other.section && field == other.field &&
               bodyIsMessage == other.bodyIsMessage && boundaries == other.boundaries;
    }
    bool operator!=(const SourceLineState &other) const { return !(*this == other); }

    // A non-negative number that changes when the state changes, for QSyntaxHighlighter's
    // block state (which decides whether the following blocks need highlighting again).
    int fingerprint() const;
};

// Splits the lines of a raw message source into tokens, one line at a time, carrying a
// SourceLineState from line to line. QtCore only, no widget or document types, so the same
// rules serve the highlighter and the tests. Header blocks (the message's, each MIME part's
// after a boundary line, and an embedded message's) are tokenized; bodies are plain BodyText.
class MessageSourceTokenizer
{
public:
    // Declared boundaries beyond this many are ignored (hostile input can declare thousands).
    static constexpr int MaxBoundaries = 16;
    // Addresses, dates and the like are found in the first this many characters of a line; the
    // rest of a longer header line is one HeaderValue token.
    static constexpr int MaxDetailedLength = 64 * 1024;

    // Tokens of one line (without its line break), sorted by start, never overlapping; in header
    // lines they cover the whole line. state is read and updated for the next line.
    static QList<SourceToken> tokenize(QStringView line, SourceLineState &state);

private:
    static void tokenizeValue(QStringView line, int from, SourceLineState::Field field,
                              QList<SourceToken> &tokens);
    static void readContentType(QStringView line, int from, bool firstLine, SourceLineState &state);
};

} // namespace Awb
