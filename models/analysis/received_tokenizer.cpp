#include "received_tokenizer.h"

#include <vector>

namespace Awb {

namespace {

// For every opening character, the index of its matching closing character or -1. One pass
// with a stack, so that finding the end of a comment never rescans the text (a megabyte of
// unmatched '(' stays linear). Backslash quotes the next character, as in RFC 5322 comments.
std::vector<qsizetype> matchPairs(QStringView s, QChar open, QChar close)
{
    std::vector<qsizetype> match(size_t(s.size()), -1);
    std::vector<qsizetype> stack;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == QLatin1Char('\\')) {
            ++i;
        } else if (c == open) {
            stack.push_back(i);
        } else if (c == close && !stack.empty()) {
            match[size_t(stack.back())] = i;
            stack.pop_back();
        }
    }
    return match;
}

bool isSpecial(QChar c)
{
    switch (c.unicode()) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '<':
    case ';':
    case ',':
    case '"':
        return true;
    default:
        return false;
    }
}

} // namespace

QString unfoldReceived(const QByteArray &raw)
{
    QString text = QString::fromUtf8(raw);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    }
    return text;
}

QList<ReceivedToken> tokenizeReceived(QStringView s)
{
    const std::vector<qsizetype> parens = matchPairs(s, QLatin1Char('('), QLatin1Char(')'));
    const std::vector<qsizetype> brackets = matchPairs(s, QLatin1Char('['), QLatin1Char(']'));
    QList<ReceivedToken> tokens;
    auto add = [&tokens](ReceivedToken::Kind kind, QStringView text, qsizetype offset) {
        tokens.append(ReceivedToken{kind, text.toString(), offset});
    };

    qsizetype i = 0;
    const qsizetype n = s.size();
    // Once a '"' runs to the end unterminated, every later one does too (each later '"' was
    // passed over as quoted), so they are not scanned again: this keeps hostile input linear.
    bool quotesExhausted = false;
    while (i < n) {
        const QChar c = s[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        switch (c.unicode()) {
        case '(': {
            const qsizetype end = parens[size_t(i)];
            if (end < 0) {
                ++i;
                continue;
            }
            add(ReceivedToken::Kind::Comment, s.mid(i + 1, end - i - 1), i);
            i = end + 1;
            continue;
        }
        case '[': {
            const qsizetype end = brackets[size_t(i)];
            if (end < 0) {
                ++i;
                continue;
            }
            add(ReceivedToken::Kind::Literal, s.mid(i + 1, end - i - 1), i);
            i = end + 1;
            continue;
        }
        case ')':
        case ']':
            ++i;
            continue;
        case ';':
            add(ReceivedToken::Kind::Semicolon, s.mid(i, 1), i);
            ++i;
            continue;
        case ',':
            add(ReceivedToken::Kind::Comma, s.mid(i, 1), i);
            ++i;
            continue;
        case '"': {
            if (quotesExhausted)
                break;
            qsizetype j = i + 1;
            while (j < n && s[j] != QLatin1Char('"'))
                j += s[j] == QLatin1Char('\\') ? 2 : 1;
            if (j < n) {
                add(ReceivedToken::Kind::Quoted, s.mid(i + 1, j - i - 1), i);
                i = j + 1;
                continue;
            }
            quotesExhausted = true;
            break; // unterminated: read as a word below
        }
        case '<': {
            // An angle address has no space inside; otherwise '<' is an ordinary character.
            qsizetype j = i + 1;
            while (j < n && s[j] != QLatin1Char('>') && !s[j].isSpace() &&
                   s[j] != QLatin1Char(';') && s[j] != QLatin1Char('(') && s[j] != QLatin1Char('<'))
                ++j;
            if (j < n && s[j] == QLatin1Char('>')) {
                add(ReceivedToken::Kind::Angle, s.mid(i + 1, j - i - 1), i);
                i = j + 1;
                continue;
            }
            break;
        }
        default:
            break;
        }
        // A word: up to whitespace or the next special character (the first character is taken
        // even if special, which is how an unterminated '"' or '<' ends up inside a word).
        qsizetype j = i + 1;
        while (j < n && !s[j].isSpace() && !isSpecial(s[j]))
            ++j;
        add(ReceivedToken::Kind::Word, s.mid(i, j - i), i);
        i = j;
    }
    return tokens;
}

} // namespace Awb
