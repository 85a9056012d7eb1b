#include "render/severity_glyph.h"

#include "render/chain_colors.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <QtMath>

#include <cmath>

namespace Awb {

namespace {

QPolygonF regularPolygon(const QPointF &centre, qreal radius, int corners, qreal startDegrees)
{
    QPolygonF polygon;
    for (int i = 0; i < corners; ++i) {
        const qreal angle = qDegreesToRadians(startDegrees + 360.0 * i / corners);
        polygon << centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return polygon;
}

// An exclamation mark or an "i" as a stroke and a dot, so no font is needed at small sizes.
void paintStrokeAndDot(QPainter *painter, const QPointF &top, qreal length, bool dotFirst)
{
    const QPointF bottom = top + QPointF(0, length);
    if (dotFirst) {
        painter->drawLine(top + QPointF(0, length * 0.45), bottom);
        painter->drawPoint(top);
    } else {
        painter->drawLine(top, top + QPointF(0, length * 0.6));
        painter->drawPoint(bottom);
    }
}

} // namespace

void paintSeverityGlyph(QPainter *painter, const QRectF &rect, Severity severity,
                        const ChainColors &colors)
{
    const qreal side = qMin(rect.width(), rect.height());
    if (side <= 0)
        return;
    const QPointF c = rect.center();
    const qreal r = side / 2.0;
    const QColor fill = colors.severityColor(severity);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colors.text, qMax(1.0, side / 14.0)));
    painter->setBrush(fill);

    QPainterPath shape;
    switch (severity) {
    case Severity::Info:
        shape.addEllipse(c, r * 0.92, r * 0.92);
        break;
    case Severity::Low:
        shape.addRect(QRectF(c - QPointF(r * 0.8, r * 0.8), QSizeF(r * 1.6, r * 1.6)));
        break;
    case Severity::Medium:
        shape.addPolygon(regularPolygon(c + QPointF(0, r * 0.18), r * 1.05, 3, -90));
        break;
    case Severity::High:
        shape.addPolygon(regularPolygon(c, r * 0.98, 4, -90));
        break;
    case Severity::Critical:
        shape.addPolygon(regularPolygon(c, r * 0.98, 8, 22.5));
        break;
    }
    shape.closeSubpath();
    painter->drawPath(shape);

    painter->setPen(
        QPen(contrastingText(fill), qMax(1.0, side / 7.0), Qt::SolidLine, Qt::RoundCap));
    switch (severity) {
    case Severity::Info:
        paintStrokeAndDot(painter, c - QPointF(0, r * 0.45), r * 0.95, true);
        break;
    case Severity::Low:
        painter->drawLine(c - QPointF(r * 0.4, 0), c + QPointF(r * 0.4, 0));
        break;
    case Severity::Medium:
        paintStrokeAndDot(painter, c - QPointF(0, r * 0.2), r * 0.75, false);
        break;
    case Severity::High:
        paintStrokeAndDot(painter, c - QPointF(0, r * 0.45), r * 0.85, false);
        break;
    case Severity::Critical:
        painter->drawLine(c - QPointF(r * 0.35, r * 0.35), c + QPointF(r * 0.35, r * 0.35));
        painter->drawLine(c - QPointF(r * 0.35, -r * 0.35), c + QPointF(r * 0.35, -r * 0.35));
        break;
    }
    painter->restore();
}

} // namespace Awb
