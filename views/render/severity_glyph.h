#pragma once

#include "analysis/finding.h"

#include <QRectF>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace Awb {

struct ChainColors;

// Draws the severity glyph centred in `rect` (as a square of its shorter side). The shape alone
// carries the meaning, so the glyph reads in greyscale print and for colour-blind readers:
// info a circle with "i", low a square with a bar, medium a triangle with "!", high a diamond
// with "!", critical an octagon with a cross. The fill is the scheme's severity colour, the mark
// black or white for contrast. Leaves the painter's state as it found it.
void paintSeverityGlyph(QPainter *painter, const QRectF &rect, Severity severity,
                        const ChainColors &colors);

} // namespace Awb
