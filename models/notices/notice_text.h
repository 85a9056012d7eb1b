#pragma once

// Private to the notices room: plain-text layout shared by the template and the list renderers.

#include <QString>
#include <QStringList>

namespace Awb {

// The width of the text part: the customary 72 columns, which also keeps every line of the
// quoted-printable part free of soft line breaks.
constexpr int kNoticeTextWidth = 72;

// Splits a line longer than `width` at spaces. Continuation lines keep the line's indentation,
// and hang under the text of a "- " or "* " bullet. A word longer than the width stays whole
// (a URL must not be broken).
QStringList wrapNoticeLine(const QString &line, int width = kNoticeTextWidth);

// A paragraph of the text part: the lines as the template wrote them, each wrapped when a
// value made it too long. A paragraph of plain prose (no bullets, no "Label: value" lines, one
// indentation) in which some line became too long is joined and wrapped again instead, so that
// a long value does not leave a ragged short line behind it.
QStringList layoutNoticeParagraph(const QStringList &lines, int width = kNoticeTextWidth);

// "Account: IXC-10042": a short label, a colon and a value. Such lines keep their own line in
// both parts of a notice.
bool isNoticeLabelLine(const QString &line);

// Whether the HTML part continues a paragraph's line on the next one with a space (the author
// wrapped a long line of prose) or starts a new line (<br>): a line of at least 50 characters
// that is neither a label line nor a bullet flows on.
bool flowsIntoNextLine(const QString &line, const QString &next);

// Escaped for HTML, with line breaks as <br>.
QString htmlLines(const QString &text);

// Removes trailing blanks of every line, repeated blank lines, and blank lines at both ends.
QStringList tidyNoticeLines(const QStringList &lines);

} // namespace Awb
