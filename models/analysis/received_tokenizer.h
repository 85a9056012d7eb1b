#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Awb {

// One lexical item of a Received value. The tokenizer knows nothing of clauses; it only splits
// the text into the pieces that stamps are made of.
struct ReceivedToken
{
    enum class Kind {
        Word,      // a run of other characters: names, keywords, ids, "helo=x", "23:59:01"
        Quoted,    // "..." without the quotes
        Comment,   // (...) content without the outer parentheses; nested ones kept as text
        Literal,   // [...] content without the outer brackets; nested brackets kept as text
        Angle,     // <...> content without the angle brackets
        Semicolon, // ';'
        Comma      // ','
    };
    Kind kind = Kind::Word;
    QString text;
    qsizetype offset = 0; // position of the token's first character in the tokenized text
};

// Turns the raw bytes of a Received value into one line of text: UTF-8 decoded (invalid bytes
// become U+FFFD), every CR, LF, tab and other control character replaced by a space, so folds
// and broken folds both read as whitespace.
QString unfoldReceived(const QByteArray &raw);

// Splits unfolded text into tokens in one linear pass. Never fails: an unmatched '(' or '[' is
// skipped as junk, a stray ')' or ']' is dropped, an unterminated '"' or '<' is read as part of
// a word. Nesting depth is unlimited (no recursion), so hostile input cannot exhaust the stack.
QList<ReceivedToken> tokenizeReceived(QStringView text);

} // namespace Awb
