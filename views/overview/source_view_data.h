#pragma once

#include "analysis/finding.h"
#include "source/source_mark.h"
#include "source/source_viewer.h"

#include <QList>

namespace Awb {

class MailMessage;

// What the window hands the source viewer besides the bytes, built from the core's types here
// so that views/source needs no analysis or mail library.

// One mark per located finding (Finding::location valid), in the findings' order.
QList<SourceMark> sourceMarksFromFindings(const QList<Finding> &findings);

// Every header field of message, in order, decoded as MailMessage::headerValue() decodes, with
// the bytes it occupies (name, colon, value and its folds).
QList<DecodedHeaderField> decodedHeaderFields(const MailMessage &message);

} // namespace Awb
