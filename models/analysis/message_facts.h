#pragma once

#include "analysis/check.h"
#include "analysis/content_checks/bulk_detection.h"
#include "analysis/content_checks/link_extractor.h"

#include <QList>
#include <QString>

namespace Awb {

// Facts about the message under analysis that several checks need, computed once per analysis
// through the context's AnalysisCache (the bulk verdict alone used to be computed by four
// checks for every message).

// The text a reader sees: the text/plain body and the HTML body as text.
const QString &readableBodyOf(const AnalysisContext &context);
// Whether the 4.2 standards apply, and why.
const BulkVerdict &bulkOf(const AnalysisContext &context);
// Every link in the text and HTML bodies.
const QList<MessageLink> &linksOf(const AnalysisContext &context);

} // namespace Awb
