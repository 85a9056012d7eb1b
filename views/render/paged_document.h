#pragma once

#include "common/result.h"

#include <QString>

QT_BEGIN_NAMESPACE
class QPagedPaintDevice;
class QTextDocument;
QT_END_NAMESPACE

namespace Awb {

// What runs along every page of a printed document: a head (bold left text, plain right text)
// and a foot (left text, and "Page n of m" on the right), with a hairline under the head and
// over the foot. Black on white.
struct PageDecoration
{
    QString headLeft; // the case id
    QString headRight;
    QString footLeft;
};

// Document units are device-independent pixels, 96 per inch (as on a screen, so that a preview
// and the print break lines alike): the height of the band of the running head and of the foot.
inline constexpr qreal kPageBand = 30;
inline constexpr int kDocumentResolution = 96;

// Paints `document` page by page on `device` (a QPdfWriter, a QPrinter) with the decoration.
// The document's page size is set to the device's printable area, in 96-per-inch units, less the
// two bands; the painter is scaled from those units to the device's resolution, so the output
// is vector text and drawing at any resolution. Fails when the device cannot be painted on; the
// error names `what` (a path, "the printer").
Status paintDocumentPages(QTextDocument &document, QPagedPaintDevice &device,
                          const PageDecoration &decoration, const QString &what);

// DejaVu Sans (else the system's general font); DejaVu Sans Mono (else the fixed font) for
// `fixed`.
QString documentFontFamily(bool fixed = false);

} // namespace Awb
