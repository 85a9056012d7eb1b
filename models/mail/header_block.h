#pragma once

// Private to models/mail: the header block of a message, split by our own code on the exact
// bytes, so that offsets, folds, duplicates and order are what the sender wrote, whatever
// GMime would normalise.

#include "mail_message.h"

#include <QByteArray>
#include <QList>

namespace Awb {

// True when the line (without its line break) starts with a field name - printable ASCII
// other than ':' - optionally followed by blanks, then ':'.
bool looksLikeHeaderLine(const char *line, qsizetype length);

// True for an mbox envelope line: "From " (or its quoted form ">From ") at the start.
bool isEnvelopeLine(const char *line, qsizetype length);

struct HeaderBlock
{
    qsizetype begin = 0;     // first byte of the first field (after an envelope line)
    qsizetype end = 0;       // one past the header block, i.e. where the separator starts
    qsizetype bodyBegin = 0; // first byte after the separator line; end when there is none
    bool hasSeparator = false;
    QList<RawHeaderField> fields;
};

// Splits the header block. Lines end in LF or CRLF; a line that starts with a blank continues
// the field before it. The block ends at the first empty line or at the end of the bytes.
// A line inside the block that is neither a field nor a continuation is skipped together with
// its own continuations, as GMime does.
// Returns false, with the reason as a sentence, when the message does not start with a field.
bool splitHeaderBlock(const QByteArray &bytes, HeaderBlock *block, QString *reason);

// Unfolds a raw value: removes every CR and LF (a fold is a line break followed by a blank,
// and the blank stays), then trims surrounding blanks.
QByteArray unfoldHeaderValue(const QByteArray &rawValue);

} // namespace Awb
