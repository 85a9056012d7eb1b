#include "render/case_report_objects.h"

#include "render/paged_document.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace Awb {

namespace {

constexpr qreal kChartHeight = 170;

QFont drawingFont(qreal pointSize)
{
    QFont font(documentFontFamily());
    font.setPointSizeF(pointSize);
    return font;
}

} // namespace

CaseReportObjects::CaseReportObjects(const CaseReportData &data, QTextDocument *document)
    : QObject(document)
    , m_document(document)
    , m_days(data.historyDays)
{
    for (int index = 0; index < data.reports.size(); ++index) {
        const CaseReportEntry &report = data.reports.at(index);
        if (report.chain.hops.isEmpty())
            continue;
        ChainRenderer &renderer = m_chains[index];
        renderer.setColors(ChainColors::print());
        renderer.setFont(drawingFont(7));
        renderer.setAnalysis(report.chain, report.chainFindings);
    }
}

void CaseReportObjects::install()
{
    m_document->documentLayout()->registerHandler(ChainType, this);
    m_document->documentLayout()->registerHandler(HistoryChartType, this);
}

void CaseReportObjects::replacePlaceholders()
{
    static const QRegularExpression placeholder(
        QStringLiteral("\\[\\[(chain:(\\d+)|history)\\]\\]"));
    for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next()) {
        const QRegularExpressionMatch match = placeholder.match(block.text());
        if (!match.hasMatch())
            continue;
        QTextCharFormat format;
        if (match.captured(1) == QLatin1String("history")) {
            format.setObjectType(HistoryChartType);
        } else {
            format.setObjectType(ChainType);
            format.setProperty(IndexProperty, match.captured(2).toInt());
        }
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + int(match.capturedStart()));
        cursor.setPosition(block.position() + int(match.capturedEnd()), QTextCursor::KeepAnchor);
        cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
    }
}

qreal CaseReportObjects::availableWidth(QTextDocument *document) const
{
    const qreal width =
        document->textWidth() > 0 ? document->textWidth() : document->pageSize().width();
    return std::max<qreal>(200, width - 2 * document->documentMargin() - 4);
}

QSizeF CaseReportObjects::intrinsicSize(QTextDocument *document, int, const QTextFormat &format)
{
    const qreal width = availableWidth(document);
    if (format.objectType() == HistoryChartType)
        return {width, kChartHeight};
    auto found = m_chains.find(format.intProperty(IndexProperty));
    if (found == m_chains.end())
        return {};
    ChainRenderer &renderer = found->second;
    QPaintDevice *device = document->documentLayout()->paintDevice();
    m_chainHeadingHeight = QFontMetricsF(chainHeadingFont(), device).height() * 1.5;
    const QSizeF natural = renderer.layout(width, device);
    // A drawing taller than most of a page is scaled down: the document cannot split it.
    const qreal pageHeight =
        document->pageSize().height() > 0 ? document->pageSize().height() : 1000;
    const qreal limit = pageHeight * 0.8 - m_chainHeadingHeight;
    const qreal scale = natural.height() <= limit ? 1.0 : limit / natural.height();
    return {natural.width() * scale, natural.height() * scale + m_chainHeadingHeight};
}

QFont CaseReportObjects::chainHeadingFont()
{
    QFont font = drawingFont(9); // the document's body size, bold like its <b> captions
    font.setBold(true);
    return font;
}

void CaseReportObjects::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                                   const QTextFormat &format)
{
    // The renderer sets clips of its own, replacing the page's: an object that lies on another
    // page (the layout draws every object near the band) must not be drawn into this one.
    if (painter->hasClipping() && painter->clipBoundingRect().intersected(rect).height() < 1)
        return;
    if (format.objectType() == HistoryChartType) {
        drawChart(painter, rect);
        return;
    }
    auto found = m_chains.find(format.intProperty(IndexProperty));
    if (found == m_chains.end() || found->second.size().isEmpty())
        return;
    const ChainRenderer &renderer = found->second;
    painter->save();
    painter->setFont(chainHeadingFont());
    painter->setPen(Qt::black);
    painter->drawText(QRectF(rect.left(), rect.top(), rect.width(), m_chainHeadingHeight),
                      Qt::AlignLeft | Qt::AlignVCenter, tr("Received chain"));
    painter->translate(rect.topLeft() + QPointF(0, m_chainHeadingHeight));
    const qreal scale = rect.width() / renderer.size().width();
    if (scale < 0.999)
        painter->scale(scale, scale);
    renderer.paint(painter);
    painter->restore();
}

void CaseReportObjects::drawChart(QPainter *painter, const QRectF &rect) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QFont font = drawingFont(7);
    painter->setFont(font);
    const QFontMetricsF metrics(font, painter->device());
    const qreal line = metrics.height();
    const QRectF plot(rect.left() + 4 * line, rect.top() + line * 0.5, rect.width() - 5 * line,
                      rect.height() - 4.5 * line);
    painter->setPen(QPen(Qt::black, 0.6));
    painter->drawRect(plot);
    int maxReports = 1;
    for (const CaseReportHistoryDay &day : m_days)
        maxReports = std::max(maxReports, day.reports);
    const int days = std::max<int>(1, int(m_days.size()));
    const qreal step = plot.width() / days;
    qreal labelsEnd = -1e9; // right edge of the last date label drawn: labels never overlap
    // Reports: solid black bars. Account events: an open triangle under the axis. Neither needs
    // colour to be told apart.
    for (int i = 0; i < m_days.size(); ++i) {
        const CaseReportHistoryDay &day = m_days.at(i);
        const qreal x = plot.left() + i * step;
        if (day.reports > 0) {
            const qreal h = plot.height() * day.reports / maxReports;
            painter->fillRect(QRectF(x, plot.bottom() - h, std::max<qreal>(step * 0.8, 1.2), h),
                              Qt::black);
        }
        if (day.events > 0) {
            QPainterPath triangle;
            const qreal cx = x + step / 2, top = plot.bottom() + 2;
            triangle.moveTo(cx, top);
            triangle.lineTo(cx - 3, top + 5);
            triangle.lineTo(cx + 3, top + 5);
            triangle.closeSubpath();
            painter->setBrush(Qt::white);
            painter->drawPath(triangle);
        }
        if (day.day.day() == 1 || i == 0) {
            painter->drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 1.5));
            const QString label = day.day.toString(QStringLiteral("MMM yy"));
            const qreal width = metrics.horizontalAdvance(label);
            if (x + 1 >= labelsEnd + line / 2 && (x + 1 + width <= plot.right() || i == 0)) {
                painter->drawText(QPointF(x + 1, plot.bottom() + 1.9 * line), label);
                labelsEnd = x + 1 + width;
            }
        }
    }
    painter->drawText(QRectF(rect.left(), plot.top() - line / 2, 3.6 * line, line),
                      Qt::AlignRight | Qt::AlignVCenter, QString::number(maxReports));
    painter->drawText(QRectF(rect.left(), plot.bottom() - line / 2, 3.6 * line, line),
                      Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    const qreal legendY = plot.bottom() + 3.4 * line;
    painter->fillRect(QRectF(plot.left(), legendY - line * 0.6, line * 0.6, line * 0.6), Qt::black);
    painter->drawText(QPointF(plot.left() + line, legendY),
                      tr("reports received per day (scale 0 to %1)").arg(maxReports));
    const qreal second = plot.left() + plot.width() / 2;
    QPainterPath triangle;
    triangle.moveTo(second + 3, legendY - line * 0.65);
    triangle.lineTo(second, legendY - line * 0.1);
    triangle.lineTo(second + 6, legendY - line * 0.1);
    triangle.closeSubpath();
    painter->setBrush(Qt::white);
    painter->drawPath(triangle);
    painter->drawText(QPointF(second + line, legendY),
                      tr("account events (enforcement, cases, listings)"));
    painter->restore();
}

} // namespace Awb

#include "moc_case_report_objects.cpp"
