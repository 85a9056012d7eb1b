#pragma once

#include "common/result.h"
#include "enforcement/case_report_data.h"

#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QPagedPaintDevice;
class QTextDocument;
QT_END_NAMESPACE

namespace Awb {

// The printable case report (QtGui only): an incident report a manager reads and a customer's
// lawyer can check, made of a QTextDocument whose chain diagrams and history chart are text
// objects painted at print time with the window's own QPainter code (vectors in a PDF, never
// bitmaps). Sections, in order: cover, executive summary, contents, timeline, reports, evidence
// (per report: diagram, findings with clauses, authentication results, origin and account
// match, SHA-256), account history (chart and table), decision, liability statement, notices,
// audit (with the pinned head hash), sign-off. A4, black on white, DejaVu fonts; every page
// carries the case id and "Page n of m" (paged_document.h).

// The section headings, in order (tests look for each).
QStringList caseReportSectionTitles();

// The report's HTML (every value escaped), with placeholders where the drawings go.
QString caseReportHtml(const CaseReportData &data);

// The document, laid out for `width` device-independent pixels (96 per inch; A4 less the
// margins when width <= 0). The drawings hold a copy of what they draw, so the document does not
// refer to `data` afterwards. The caller owns the document (and, through it, the drawings).
// Build and use it in one thread: it may be built in a worker and then moved to the GUI thread.
std::unique_ptr<QTextDocument> caseReportDocument(const CaseReportData &data, qreal width = 0);

// Paints the document on a paged device (a QPrinter from the window's print dialog, a
// QPdfWriter); the device's page layout is used as it is. The error names the case.
Status printCaseReport(const CaseReportData &data, QPagedPaintDevice *device);
// The same for a laid-out document (the window lays it out in a worker).
Status printCaseReportDocument(QTextDocument &document, const CaseReportData &data,
                               QPagedPaintDevice *device);

// Writes the report as a PDF: A4, 18 mm side margins. The error names the path.
Status writeCaseReportPdf(const CaseReportData &data, const QString &path);

} // namespace Awb
