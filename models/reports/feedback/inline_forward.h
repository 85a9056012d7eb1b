#pragma once

// Private to models/reports/feedback: a message forwarded inline, its headers pasted into the
// text of the forward.

#include <QByteArray>
#include <QString>

#include <optional>

namespace Awb {

struct InlineForward
{
    QString note;             // the forwarder's own words before the forwarded message, trimmed
    QString marker;           // the line that introduced it; empty when raw source was pasted bare
    QByteArray original;      // the pasted header lines, a blank line, then the pasted body
    bool headersOnly = false; // nothing but header lines was pasted
    int headerCount = 0;
};

// Finds the first forwarded message in a text body. Recognised introductions: a dashed title
// line ("---------- Forwarded message ---------", "-----Original Message-----", "--------
// Original Message --------", "---------- message source ----------") and "Begin forwarded
// message:", each followed by header lines (quoted with "> " or not, after an optional mbox
// "From " line); or, without an introduction, a pasted header block holding Received and From.
// The body runs to the end of the text or to a dashed title line that introduces no further
// header block ("---------- end ----------"); a forward nested in the body stays in it.
// The reconstruction can only be as good as the paste: mail clients drop, reorder and
// reformat headers when they forward inline.
std::optional<InlineForward> findInlineForward(const QString &text);

} // namespace Awb
