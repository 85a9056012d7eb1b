#pragma once

#include "analysis/finding.h"
#include "reports/report.h"
#include "source/source_mark.h"
#include "source/source_viewer.h"

#include <QList>

namespace Awb {

class MailMessage;

// What the window hands the source viewer besides the bytes, built from the core's types here
// so that views/source needs no analysis or mail library.

// One mark per located finding (Finding::location valid), in the findings' order.
QList<SourceMark> sourceMarksFromFindings(const QList<Finding> &findings);

// Where a report's original starts in the report's bytes: Report::originalOffset when the
// recogniser cut it from them; else, for an original pasted inline, where its bytes stand
// verbatim in reportBytes; -1 when they do not (decoded or rebuilt), since offsets counted in
// the original would then point at unrelated text.
qsizetype originalOffsetInReport(const Report &report, const QByteArray &reportBytes);

// The marks of a report's original findings (ReportAnalysis::original->findings, whose
// locations count from the original's first byte) in the report's own source, moved by
// originalOffsetInReport(). None when the original has no place in the report's bytes.
QList<SourceMark> sourceMarksForOriginal(const QList<Finding> &findings, const Report &report,
                                         const QByteArray &reportBytes);

// Every header field of message, in order, decoded as MailMessage::headerValue() decodes, with
// the bytes it occupies (name, colon, value and its folds).
QList<DecodedHeaderField> decodedHeaderFields(const MailMessage &message);

} // namespace Awb
