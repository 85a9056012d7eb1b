#include "render/notice_pdf.h"

#include "policy/hong_kong_time.h"
#include "render/paged_document.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocument>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::NoticePdf)
};

// Layout and drawing share one unit: device-independent pixels, 96 per inch, as on a screen,
// so that the preview and the PDF break lines in the same places.
constexpr int kResolution = kDocumentResolution;

QFont textFont(qreal pointSize)
{
    QFont font(documentFontFamily());
    font.setPointSizeF(pointSize);
    return font;
}

QString styleSheet()
{
    return QStringLiteral("body { color: #000000; background-color: #ffffff; }\n"
                          "h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }\n"
                          "pre { font-family: '%1'; font-size: 7pt; }\n"
                          "small { font-size: 7.5pt; }\n"
                          "th { font-weight: bold; }\n")
        .arg(documentFontFamily(true));
}

QString policyReference(const NoticeData &data)
{
    if (data.policyVersionLabel.isEmpty())
        return data.policyTitle;
    return QStringLiteral("%1, version of %2").arg(data.policyTitle, data.policyVersionLabel);
}

} // namespace

QString noticeDocumentHtml(const ComposedNotice &notice, const NoticeData &data)
{
    Q_UNUSED(data)
    const QString to = notice.to.name.isEmpty()
                           ? notice.to.address
                           : QStringLiteral("%1 <%2>").arg(notice.to.name, notice.to.address);
    return QStringLiteral(
               "<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>\n"
               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
               "<td><b>%2</b><br>%3</td><td align=\"right\">%4</td></tr></table>\n"
               "<p>%5 %6</p>\n"
               "<p style=\"font-size: 13pt; font-weight: bold; margin-top: 8px\">%1</p>\n"
               "<hr>\n%7</body></html>\n")
        .arg(notice.subject.toHtmlEscaped(), notice.from.name.toHtmlEscaped(),
             notice.from.address.toHtmlEscaped(), formatHongKongAndUtc(notice.date).toHtmlEscaped(),
             Tr::tr("To:").toHtmlEscaped(), to.toHtmlEscaped(), notice.htmlBody);
}

std::unique_ptr<QTextDocument> noticeDocument(const ComposedNotice &notice, const NoticeData &data,
                                              qreal width)
{
    auto document = std::make_unique<QTextDocument>();
    document->setDefaultFont(textFont(9.5));
    document->setDefaultStyleSheet(styleSheet());
    document->setDocumentMargin(0);
    document->setHtml(noticeDocumentHtml(notice, data));
    document->setMetaInformation(QTextDocument::DocumentTitle, notice.subject);
    if (width > 0)
        document->setTextWidth(width);
    return document;
}

Status writeNoticePdf(const ComposedNotice &notice, const NoticeData &data, const QString &path)
{
    QPdfWriter writer(path);
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(18, 12, 18, 12), QPageLayout::Millimeter));
    writer.setTitle(notice.subject);
    writer.setCreator(QStringLiteral("Abuse Workbench"));

    auto document = noticeDocument(notice, data);
    document->documentLayout()->setPaintDevice(&writer);
    const Status painted =
        paintDocumentPages(*document, writer,
                           {notice.caseId, notice.from.name,
                            notice.caseId + QStringLiteral("  \u00b7  ") + policyReference(data)},
                           path);
    if (!painted)
        return Error{QStringLiteral("%1: cannot write the PDF").arg(path)};
    if (QFileInfo(path).size() <= 0)
        return Error{QStringLiteral("%1: the PDF is empty (is the folder writable?)").arg(path)};
    return Status::success();
}

} // namespace Awb
