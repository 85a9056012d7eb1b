#include "render/chain_colors.h"

namespace Awb {

// The severity hues run from a calm blue to a red; each scheme keeps them apart in lightness as
// well, so that they stay distinguishable for readers who do not tell red from green.

ChainColors ChainColors::light()
{
    ChainColors c;
    c.background = QColor(0xff, 0xff, 0xff);
    c.text = QColor(0x1f, 0x23, 0x28);
    c.mutedText = QColor(0x59, 0x63, 0x6e);
    c.recordedFill = QColor(0xf3, 0xf6, 0xf9);
    c.recordedBorder = QColor(0x57, 0x60, 0x6a);
    c.claimedFill = QColor(0xff, 0xf8, 0xe6);
    c.claimedBorder = QColor(0x9a, 0x67, 0x00);
    c.claimedHatch = QColor(0xbf, 0x87, 0x00);
    c.boundary = QColor(0x0a, 0x58, 0xca);
    c.connector = QColor(0x57, 0x60, 0x6a);
    c.broken = QColor(0xcf, 0x22, 0x2e);
    c.badgeFill = QColor(0xe1, 0xe6, 0xeb);
    c.badgeText = QColor(0x1f, 0x23, 0x28);
    c.ours = QColor(0x1a, 0x7f, 0x37);
    c.delayBar = QColor(0x6e, 0x77, 0x81);
    c.negativeDelay = QColor(0xcf, 0x22, 0x2e);
    c.selection = QColor(0x0a, 0x58, 0xca);
    c.severity = {QColor(0x54, 0xae, 0xff), QColor(0x4a, 0xc2, 0x6b), QColor(0xd4, 0xa7, 0x2c),
                  QColor(0xe1, 0x6f, 0x24), QColor(0xcf, 0x22, 0x2e)};
    return c;
}

ChainColors ChainColors::dark()
{
    ChainColors c;
    c.background = QColor(0x0d, 0x11, 0x17);
    c.text = QColor(0xe6, 0xed, 0xf3);
    c.mutedText = QColor(0x9d, 0xa7, 0xb3);
    c.recordedFill = QColor(0x16, 0x1b, 0x22);
    c.recordedBorder = QColor(0x8b, 0x94, 0x9e);
    c.claimedFill = QColor(0x2b, 0x22, 0x0f);
    c.claimedBorder = QColor(0xd2, 0x99, 0x22);
    c.claimedHatch = QColor(0x9e, 0x6a, 0x03);
    c.boundary = QColor(0x58, 0xa6, 0xff);
    c.connector = QColor(0x8b, 0x94, 0x9e);
    c.broken = QColor(0xff, 0x7b, 0x72);
    c.badgeFill = QColor(0x30, 0x36, 0x3d);
    c.badgeText = QColor(0xe6, 0xed, 0xf3);
    c.ours = QColor(0x3f, 0xb9, 0x50);
    c.delayBar = QColor(0x8b, 0x94, 0x9e);
    c.negativeDelay = QColor(0xff, 0x7b, 0x72);
    c.selection = QColor(0x58, 0xa6, 0xff);
    c.severity = {QColor(0x79, 0xc0, 0xff), QColor(0x56, 0xd3, 0x64), QColor(0xe3, 0xb3, 0x41),
                  QColor(0xff, 0xa6, 0x57), QColor(0xff, 0x6a, 0x69)};
    return c;
}

ChainColors ChainColors::print()
{
    ChainColors c;
    c.background = Qt::white;
    c.text = Qt::black;
    c.mutedText = QColor(0x44, 0x44, 0x44);
    c.recordedFill = QColor(0xf2, 0xf2, 0xf2);
    c.recordedBorder = Qt::black;
    c.claimedFill = Qt::white;
    c.claimedBorder = Qt::black;
    c.claimedHatch = QColor(0x66, 0x66, 0x66);
    c.boundary = Qt::black;
    c.connector = QColor(0x33, 0x33, 0x33);
    c.broken = Qt::black;
    c.badgeFill = QColor(0xdd, 0xdd, 0xdd);
    c.badgeText = Qt::black;
    c.ours = QColor(0x33, 0x33, 0x33);
    c.delayBar = QColor(0x88, 0x88, 0x88);
    c.negativeDelay = Qt::black;
    c.selection = Qt::black;
    c.severity = {Qt::white, QColor(0xcc, 0xcc, 0xcc), QColor(0x99, 0x99, 0x99),
                  QColor(0x55, 0x55, 0x55), Qt::black};
    return c;
}

QColor contrastingText(const QColor &fill)
{
    // Relative luminance (sRGB weights) rather than HSL lightness: saturated yellows and greens
    // are light even when their HSL lightness says otherwise.
    const qreal luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return luminance > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace Awb
