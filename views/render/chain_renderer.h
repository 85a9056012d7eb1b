#pragma once

#include "analysis/chain_analysis.h"
#include "analysis/finding.h"
#include "render/chain_colors.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QSizeF>

#include <optional>

QT_BEGIN_NAMESPACE
class QPainter;
class QPaintDevice;
QT_END_NAMESPACE

namespace Awb {

// Draws a Received chain as a picture, QtGui only, so that the same drawing goes to the screen
// (ChainDiagramView), to a QImage and to a QPdfWriter (the case report).
//
// The path reads as the message travelled: the oldest stamp (the last Received header) at the
// top, the final recipient's stamp (hop 0) at the bottom. One box per hop; the hops claimed by
// the sending side have a dashed border and a hatched edge, the receivers' records a solid one.
// The trust boundary is a labelled line between the lowest claimed hop and the boundary hop:
// above it is claimed, below it recorded. Hops with findings carry the glyph of their highest
// severity (severity_glyph.h). A finding "received.broken-handoff" on hop N (the check puts it
// on the sender's own stamp, whose `by` is not the sender that hop N-1 recorded) breaks the link
// drawn from the box of hop N down to the box of hop N-1.
//
// Usage: set the analysis, colours and font, call layout() with the width and the device that
// will be painted on (its resolution decides the font metrics; every length is derived from the
// font, so the drawing scales with it), then paint() at the painter's origin. hitTest() and
// hopRect() answer in the same coordinates.
class ChainRenderer
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ChainRenderer)

public:
    static constexpr auto BrokenHandoffCheck = "received.broken-handoff";

    ChainRenderer();

    void setAnalysis(const ChainAnalysis &chain, const QList<Finding> &findings);
    void clear();
    const ChainAnalysis &chain() const { return m_chain; }

    void setColors(const ChainColors &colors) { m_colors = colors; }
    const ChainColors &colors() const { return m_colors; }
    // Changing the font invalidates the layout; call layout() again.
    void setFont(const QFont &font);
    const QFont &font() const { return m_font; }
    // The hop drawn as selected, -1 for none. Painting only: the layout does not change.
    void setSelectedHop(int hop) { m_selectedHop = hop; }
    int selectedHop() const { return m_selectedHop; }

    // Lays the drawing out for `width` device units (at least a minimum readable width) and
    // returns the size it needs. `device` gives the font resolution; nullptr means the screen.
    QSizeF layout(qreal width, const QPaintDevice *device = nullptr);
    // What layout() would return, without changing the current layout.
    QSizeF sizeForWidth(qreal width, const QPaintDevice *device = nullptr) const;
    QSizeF size() const { return m_layout.size; }
    // The narrowest width the drawing accepts for this font (about 28 average characters).
    qreal minimumWidth(const QPaintDevice *device = nullptr) const;

    // Paints the current layout with its top left corner at the painter's origin.
    void paint(QPainter *painter) const;

    // The hop whose box holds `point`, -1 for none.
    int hitTest(const QPointF &point) const;
    // The hop's box; an empty rectangle for an unknown hop or before layout().
    QRectF hopRect(int hop) const;
    // The y of the trust boundary line, nullopt when the chain has no boundary.
    std::optional<qreal> boundaryY() const;
    // Hop indices from the top of the drawing to the bottom.
    QList<int> displayOrder() const;
    // True when the link from hop + 1 down to hop is drawn broken: hop + 1 carries a
    // received.broken-handoff finding.
    bool isHandoffBroken(int hop) const;
    std::optional<Severity> highestSeverity(int hop) const;

private:
    struct HopInfo
    {
        int count = 0;
        Severity highest = Severity::Info;
        QStringList titles;
        bool brokenHandoff = false;
    };
    // A gap between two boxes: the link from `fromHop` (above) down to `toHop` (below).
    struct Gap
    {
        QRectF rect;
        int fromHop = -1;
        int toHop = -1;
        bool boundary = false;
    };
    struct Layout
    {
        qreal width = 0;
        qreal line = 0; // line spacing of the base font
        qreal em = 0;   // height of the base font
        qreal labelWidth = 0;
        QRectF caption;
        QList<QRectF> boxes; // by hop index
        QList<Gap> gaps;     // top to bottom
        QRectF legend;
        qreal boundaryY = -1;
        QSizeF size;
    };

    Layout computeLayout(qreal width, const QPaintDevice *device) const;
    int rowsOf(int hop) const;

    void paintCaption(QPainter *painter) const;
    void paintBox(QPainter *painter, int hop) const;
    void paintFields(QPainter *painter, int hop, const QRectF &rect) const;
    void paintDelay(QPainter *painter, int hop, const QRectF &row) const;
    void paintGap(QPainter *painter, const Gap &gap) const;
    void paintLegend(QPainter *painter) const;
    qreal paintBadge(QPainter *painter, const QPointF &leftBaseline, const QString &text,
                     const QColor &fill, qreal maxRight) const;

    ChainAnalysis m_chain;
    QList<HopInfo> m_info; // parallel to m_chain.hops
    qint64 m_maxDelay = 0; // the largest |delay|, for the delay bars' common scale
    ChainColors m_colors;
    QFont m_font;
    int m_selectedHop = -1;
    Layout m_layout;
};

} // namespace Awb
