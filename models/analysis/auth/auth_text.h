#pragma once

// Private to the authentication room: the lexical layer shared by the Authentication-Results,
// Received-SPF, DKIM and ARC parsers. Pure functions over QtCore types; nothing here throws or
// trusts its input (sizes are bounded by the callers' inputs, loops always advance).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb::AuthText {

// Header bytes as text: CR and LF removed (a fold's leading white space stays), read as UTF-8
// with invalid bytes replaced, so that a hostile value still becomes some text.
QString unfold(const QByteArray &rawValue);

// Runs of white space (space, tab, CR, LF) become one space; the ends are trimmed.
QString simplified(const QString &text);

// RFC 5322 comments (nested, with quoted-pairs) outside quoted strings become one space. An
// unclosed comment runs to the end. Each comment's text (without parentheses) is appended to
// `comments` when it is given.
QString stripComments(const QString &text, QStringList *comments = nullptr);

// Splits at `separator` where it stands outside quoted strings and comments.
QStringList splitOutside(const QString &text, QChar separator);

// One item of a "key=value key=value word" list (RFC 8601 resinfo, RFC 7208 key-value pairs).
struct Item
{
    QString key;
    QString value;         // unquoted
    bool hasValue = false; // there was an '='
};

// Reads white-space separated items of a comment-free segment; white space around '=' is
// allowed and a value may be a quoted string (its quoted-pairs undone).
QList<Item> readItems(const QString &segment);

// One tag of an RFC 6376 tag-list (3.2). Positions index the text given to parseTagList().
struct Tag
{
    QString name;
    QString value;             // trimmed of surrounding white space, inner white space kept
    qsizetype valueStart = -1; // just after '='
    qsizetype valueEnd = -1;   // the ';' or the end of the text
};

struct TagList
{
    QList<Tag> tags;
    QStringList errors; // "tag without '='", "invalid tag name \"x y\"", "duplicate tag d="

    const Tag *find(const QString &name) const;
};

// RFC 6376 3.2. `text` is the unfolded or raw field value read as Latin-1, so that positions
// are byte offsets. Tag names are case-sensitive; a repeated tag is an error (the first is
// kept); an empty segment after the last ';' is allowed.
TagList parseTagList(const QString &text);

// Removes every white-space character (base64 values of b= and bh= may be folded anywhere).
QString withoutWhitespace(const QString &text);

// Strict base64 once white space is removed: `ok` is false (and the result empty) on any
// character outside the alphabet or on bad padding.
QByteArray decodeBase64(const QString &text, bool *ok);

} // namespace Awb::AuthText
