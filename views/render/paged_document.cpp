#include "render/paged_document.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFont>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextDocument>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::PagedDocument)
};

void drawHeadAndFoot(QPainter &painter, const QRectF &page, const PageDecoration &decoration,
                     int index, int count)
{
    painter.save();
    painter.setPen(Qt::black);
    QFont font(documentFontFamily());
    // 8 pt in document pixels: the painter is scaled from document pixels to the device's, so a
    // size in points would be scaled twice on a device finer than the document (a printer).
    font.setPixelSize(qRound(8.0 * kDocumentResolution / 72.0));
    const QRectF head(page.left(), page.top(), page.width(), kPageBand - 10);
    const QRectF foot(page.left(), page.bottom() - kPageBand + 10, page.width(), kPageBand - 10);
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(head, Qt::AlignLeft | Qt::AlignTop, decoration.headLeft);
    font.setBold(false);
    painter.setFont(font);
    painter.drawText(head, Qt::AlignRight | Qt::AlignTop, decoration.headRight);
    painter.setPen(QPen(Qt::black, 0.5));
    painter.drawLine(QPointF(head.left(), head.bottom()), QPointF(head.right(), head.bottom()));
    painter.drawLine(QPointF(foot.left(), foot.top()), QPointF(foot.right(), foot.top()));
    painter.drawText(foot, Qt::AlignLeft | Qt::AlignBottom, decoration.footLeft);
    painter.drawText(foot, Qt::AlignRight | Qt::AlignBottom,
                     Tr::tr("Page %1 of %2").arg(index + 1).arg(count));
    painter.restore();
}

} // namespace

QString documentFontFamily(bool fixed)
{
    const QString wanted =
        fixed ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans");
    return QFontDatabase::families().contains(wanted)
               ? wanted
               : QFontDatabase::systemFont(fixed ? QFontDatabase::FixedFont
                                                 : QFontDatabase::GeneralFont)
                     .family();
}

Status paintDocumentPages(QTextDocument &document, QPagedPaintDevice &device,
                          const PageDecoration &decoration, const QString &what)
{
    const qreal scale = qreal(device.logicalDpiY()) / kDocumentResolution;
    // The painter's origin is the top left of the printable area, inside the margins.
    const QSizeF printable =
        device.pageLayout().paintRectPixels(device.logicalDpiY()).size() / scale;
    const QRectF page(QPointF(0, 0), printable);
    const QSizeF body(page.width(), page.height() - 2 * kPageBand);
    document.setPageSize(body);

    QPainter painter;
    if (!painter.begin(&device))
        return Error{Tr::tr("%1: cannot paint the document").arg(what)};
    painter.scale(scale, scale);
    const int count = document.pageCount();
    for (int index = 0; index < count; ++index) {
        if (index > 0 && !device.newPage()) {
            painter.end();
            return Error{Tr::tr("%1: cannot start page %2").arg(what).arg(index + 1)};
        }
        drawHeadAndFoot(painter, page, decoration, index, count);
        painter.save();
        // Page `index` of the document is the band [index * h, (index + 1) * h).
        painter.translate(0, kPageBand - index * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(QPointF(0, index * body.height()), body);
        context.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(context.clip);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    if (!painter.end())
        return Error{Tr::tr("%1: cannot finish the document").arg(what)};
    return Status::success();
}

} // namespace Awb
