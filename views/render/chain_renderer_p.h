#pragma once

// Private to the chain renderer: the metrics and drawing helpers its two source files share.

#include "render/chain_colors.h"

#include <QRectF>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace Awb::ChainRendering {

// Lengths in units of the base font's height (em) or line spacing, so that the drawing scales
// with the font and the device resolution.
namespace Metrics {
constexpr qreal Margin = 0.75;         // around the drawing, em
constexpr qreal BoxPadding = 0.4;      // inside a hop box, em
constexpr qreal HatchStrip = 0.5;      // width of the claimed hops' hatched edge, em
constexpr qreal ConnectorOffset = 1.6; // x of the links from a box's left edge, em
constexpr qreal GapLines = 2.0;        // height of a plain gap between boxes, lines
constexpr qreal CornerRadius = 0.3;    // em
} // namespace Metrics

enum class HopStyle { Recorded, Boundary, Claimed };

// "from", "rDNS", "IP", "by", "delay": the field labels of a hop box.
QStringList fieldLabels();
// The severities, then the claimed and the recorded hop style.
QStringList legendLabels();
// The text, or a dash for an empty one.
QString orNone(const QString &text);

// Draws text left-aligned and vertically centred in `rect`, elided to its width; returns the
// width drawn.
qreal drawElided(QPainter *painter, const QRectF &rect, const QString &text);
// A hop's frame: the fill, the hatched edge of a claimed hop, the border of its style.
void paintHopFrame(QPainter *painter, const QRectF &rect, HopStyle style, const ChainColors &colors,
                   qreal em);
// A link from `from` down to `to` ending in an arrowhead; when `breakY` >= 0, cut around that
// y with two slanted ends (a broken link that reads without colour).
void paintConnector(QPainter *painter, const QPointF &from, const QPointF &to, qreal breakY,
                    qreal em, const QColor &color);
void paintTriangle(QPainter *painter, const QPointF &centre, qreal size, bool up,
                   const QColor &color);

} // namespace Awb::ChainRendering
