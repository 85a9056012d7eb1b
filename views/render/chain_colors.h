#pragma once

#include "analysis/finding.h"

#include <QColor>

#include <array>

namespace Awb {

// The colours of the chain diagram and of the hop and finding delegates. Colour only ever
// repeats what a shape, a line style or a word already says (severity glyph shapes, dashed and
// hatched claimed hops, the labelled boundary line), so the print scheme may be pure greys.
// Widgets choose light() or dark() by their palette's lightness and then take the background,
// text and selection from the palette itself.
struct ChainColors
{
    QColor background;
    QColor text;
    QColor mutedText;    // field labels, secondary text
    QColor recordedFill; // hops written by receiving servers
    QColor recordedBorder;
    QColor claimedFill; // hops claimed by the sending side
    QColor claimedBorder;
    QColor claimedHatch; // the hatched strip along a claimed hop's left edge
    QColor boundary;     // the trust boundary line, its label and the boundary hop's border
    QColor connector;    // the arrows between hops
    QColor broken;       // a broken hand-off
    QColor badgeFill;    // protocol, TLS and AUTH badges
    QColor badgeText;
    QColor ours; // the "ours" and "origin" badges
    QColor delayBar;
    QColor negativeDelay;           // time running backwards
    QColor selection;               // the selected hop's outline
    std::array<QColor, 5> severity; // indexed by Severity

    QColor severityColor(Severity value) const { return severity.at(size_t(value)); }

    static ChainColors light();
    static ChainColors dark();
    // Greys only, white paper: for black-and-white printing of the case report.
    static ChainColors print();
};

// Black or white, whichever reads better on `fill`.
QColor contrastingText(const QColor &fill);

} // namespace Awb
