#pragma once

#include "common/result.h"
#include "notices/notice_composer.h"
#include "notices/notice_data.h"

#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QTextDocument;
QT_END_NAMESPACE

namespace Awb {

// A composed notice as a printable document (QtGui only), shared by the PDF and the window's
// preview. The body is the notice's own HTML (ComposedNotice::htmlBody), so the PDF says word
// for word what the .eml says; the letterhead adds who writes to whom, when, and about which
// case (and, for a customer notice, which account).

// The whole document as HTML for QTextDocument. Every value is escaped.
QString noticeDocumentHtml(const ComposedNotice &notice, const NoticeData &data);

// A QTextDocument of noticeDocumentHtml(): DejaVu Sans (DejaVu Sans Mono for the header
// excerpt) when the machine has them, black on white. The caller owns it; it is laid out for
// `width` device-independent pixels (96 per inch) when width > 0.
std::unique_ptr<QTextDocument> noticeDocument(const ComposedNotice &notice, const NoticeData &data,
                                              qreal width = 0);

// Writes the notice as a PDF: A4, 18 mm side margins, every page headed by the case id and the
// desk's name and footed by the case id and "Page n of m". Fails when the file cannot be
// written; the error names the path.
Status writeNoticePdf(const ComposedNotice &notice, const NoticeData &data, const QString &path);

} // namespace Awb
