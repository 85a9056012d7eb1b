#include "render/notice_pdf.h"

#include "notices/notice_time.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace Awb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Awb::NoticePdf", text);
}

// Layout and drawing share one unit: device-independent pixels, 96 per inch, as on a screen,
// so that the preview and the PDF break lines in the same places.
constexpr int kResolution = 96;
constexpr qreal kBand = 30; // height of the running head and foot, in pixels

QString family(const QString &wanted, QFontDatabase::SystemFont fallback)
{
    return QFontDatabase::families().contains(wanted)
               ? wanted
               : QFontDatabase::systemFont(fallback).family();
}

QFont textFont(qreal pointSize)
{
    QFont font(family(QStringLiteral("DejaVu Sans"), QFontDatabase::GeneralFont));
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
        .arg(family(QStringLiteral("DejaVu Sans Mono"), QFontDatabase::FixedFont));
}

QString policyReference(const NoticeData &data)
{
    if (data.policyVersionLabel.isEmpty())
        return data.policyTitle;
    return QStringLiteral("%1, version of %2").arg(data.policyTitle, data.policyVersionLabel);
}

void drawRunningHeadAndFoot(QPainter &painter, const QRectF &page, const ComposedNotice &notice,
                            const NoticeData &data, int index, int count)
{
    painter.save();
    painter.setPen(Qt::black);
    QFont font = textFont(8);
    const QRectF head(page.left(), page.top(), page.width(), kBand - 10);
    const QRectF foot(page.left(), page.bottom() - kBand + 10, page.width(), kBand - 10);
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(head, Qt::AlignLeft | Qt::AlignTop, notice.caseId);
    font.setBold(false);
    painter.setFont(font);
    painter.drawText(head, Qt::AlignRight | Qt::AlignTop, notice.from.name);
    painter.setPen(QPen(Qt::black, 0.5));
    painter.drawLine(QPointF(head.left(), head.bottom()), QPointF(head.right(), head.bottom()));
    painter.drawLine(QPointF(foot.left(), foot.top()), QPointF(foot.right(), foot.top()));
    painter.drawText(foot, Qt::AlignLeft | Qt::AlignBottom,
                     notice.caseId + QStringLiteral("  \u00b7  ") + policyReference(data));
    painter.drawText(foot, Qt::AlignRight | Qt::AlignBottom,
                     tr("Page %1 of %2").arg(index + 1).arg(count));
    painter.restore();
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
             notice.from.address.toHtmlEscaped(), formatNoticeTime(notice.date).toHtmlEscaped(),
             tr("To:").toHtmlEscaped(), to.toHtmlEscaped(), notice.htmlBody);
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
    // The painter's origin is the top left of the printable area, inside the margins.
    const QRectF page(QPointF(0, 0), writer.pageLayout().paintRectPixels(kResolution).size());
    const QSizeF body(page.width(), page.height() - 2 * kBand);
    document->setPageSize(body);

    QPainter painter;
    if (!painter.begin(&writer))
        return Error{QStringLiteral("%1: cannot write the PDF").arg(path)};
    const int count = document->pageCount();
    for (int index = 0; index < count; ++index) {
        if (index > 0)
            writer.newPage();
        drawRunningHeadAndFoot(painter, page, notice, data, index, count);
        painter.save();
        // Page `index` of the document is the band [index * h, (index + 1) * h).
        painter.translate(0, kBand - index * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(QPointF(0, index * body.height()), body);
        context.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(context.clip);
        document->documentLayout()->draw(&painter, context);
        painter.restore();
    }
    if (!painter.end())
        return Error{QStringLiteral("%1: cannot write the PDF").arg(path)};
    if (QFileInfo(path).size() <= 0)
        return Error{QStringLiteral("%1: the PDF is empty (is the folder writable?)").arg(path)};
    return Status::success();
}

} // namespace Awb
