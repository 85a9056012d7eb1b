#pragma once

// Private to the content checks: a tolerant reader of the HTML found in mail. Mail HTML is
// often broken on purpose (unclosed tags and quotes, upper-case tags, attributes without
// quotes), so this reads it the way a browser would rather than refusing it, in one linear pass,
// and never builds a tree. QtCore only.

#include <QList>
#include <QString>

namespace Awb::ContentChecks {

struct HtmlAttribute
{
    QString name;             // lower case
    QString value;            // entities decoded
    QString rawValue;         // as written, without the quotes
    qsizetype rawOffset = -1; // where rawValue starts in the HTML text; -1 when there is none
};

struct HtmlToken
{
    enum class Kind { Text, StartTag, EndTag };
    Kind kind = Kind::Text;
    QString name;                    // tags: lower case name; text: empty
    QList<HtmlAttribute> attributes; // start tags only
    QString text;                    // text: entities decoded
    qsizetype offset = 0;            // where the token starts in the HTML text
    qsizetype length = 0;

    // The decoded value of the first attribute with that (lower-case) name, or nullptr.
    const HtmlAttribute *attribute(QStringView name) const;
};

// Splits the HTML into text and tags. Comments, doctypes and processing instructions are
// dropped; the content of script, style and title is dropped too (it is not shown). An
// unclosed quote runs to the end of the input, as in a browser. Never fails.
QList<HtmlToken> scanHtml(const QString &html);

// Decodes character references: the named ones common in mail (&amp; &nbsp; &middot;...),
// decimal and hexadecimal ones; the five basic ones also without their ';'. Unknown names stay
// as written; invalid numbers give U+FFFD.
QString decodeEntities(QStringView text);

// The text a reader sees: tags removed, entities decoded, a line break for block elements,
// runs of blanks collapsed.
QString htmlToText(const QString &html);
QString htmlTokensToText(const QList<HtmlToken> &tokens);

} // namespace Awb::ContentChecks
