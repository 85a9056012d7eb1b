#include "render/chain_renderer.h"

#include "render/chain_renderer_p.h"
#include "render/severity_glyph.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace Awb {

using namespace ChainRendering;

ChainRenderer::ChainRenderer()
    : m_colors(ChainColors::light())
{}

void ChainRenderer::setAnalysis(const ChainAnalysis &chain, const QList<Finding> &findings)
{
    m_chain = chain;
    m_info = QList<HopInfo>(m_chain.hops.size());
    m_maxDelay = 0;
    for (const Finding &finding : findings) {
        if (finding.hop < 0 || finding.hop >= m_info.size())
            continue;
        HopInfo &info = m_info[finding.hop];
        if (info.count == 0 || finding.severity > info.highest)
            info.highest = finding.severity;
        ++info.count;
        info.titles.append(finding.title);
        if (finding.check == QLatin1String(BrokenHandoffCheck))
            info.brokenHandoff = true;
    }
    for (const ChainHop &hop : std::as_const(m_chain.hops)) {
        if (hop.parsed.delayValid)
            m_maxDelay = qMax(m_maxDelay, qAbs(hop.parsed.delaySeconds));
    }
    if (m_selectedHop >= m_chain.hops.size())
        m_selectedHop = -1;
    m_layout = {};
}

void ChainRenderer::clear()
{
    setAnalysis({}, {});
    m_selectedHop = -1;
}

void ChainRenderer::setFont(const QFont &font)
{
    m_font = font;
    m_layout = {};
}

QSizeF ChainRenderer::layout(qreal width, const QPaintDevice *device)
{
    m_layout = computeLayout(width, device);
    return m_layout.size;
}

QSizeF ChainRenderer::sizeForWidth(qreal width, const QPaintDevice *device) const
{
    return computeLayout(width, device).size;
}

qreal ChainRenderer::minimumWidth(const QPaintDevice *device) const
{
    return QFontMetricsF(m_font, device).averageCharWidth() * 28;
}

QList<int> ChainRenderer::displayOrder() const
{
    QList<int> order;
    order.reserve(m_chain.hops.size());
    for (int hop = int(m_chain.hops.size()) - 1; hop >= 0; --hop)
        order.append(hop);
    return order;
}

bool ChainRenderer::isHandoffBroken(int hop) const
{
    return hop >= 0 && hop + 1 < m_info.size() && m_info.at(hop + 1).brokenHandoff;
}

std::optional<Severity> ChainRenderer::highestSeverity(int hop) const
{
    if (hop < 0 || hop >= m_info.size() || m_info.at(hop).count == 0)
        return std::nullopt;
    return m_info.at(hop).highest;
}

int ChainRenderer::rowsOf(int hop) const
{
    // Title, from, rDNS, IP, by, delay, and a findings line when there are findings.
    return m_info.at(hop).count > 0 ? 7 : 6;
}

ChainRenderer::Layout ChainRenderer::computeLayout(qreal width, const QPaintDevice *device) const
{
    Layout l;
    const QFontMetricsF fm(m_font, device);
    l.line = fm.lineSpacing();
    l.em = fm.height();
    l.width = qMax(width, minimumWidth(device));
    const qreal margin = l.em * Metrics::Margin;
    const qreal inner = l.width - 2 * margin;
    for (const QString &label : fieldLabels())
        l.labelWidth = qMax(l.labelWidth, fm.horizontalAdvance(label));
    l.labelWidth += l.em * 0.6;

    qreal y = std::round(margin);
    l.caption = QRectF(margin, y, inner, l.line);
    y += std::round(l.line * 1.5);

    l.boxes = QList<QRectF>(m_chain.hops.size());
    const QList<int> order = displayOrder();
    for (int i = 0; i < order.size(); ++i) {
        const int hop = order.at(i);
        const bool boundary = hop == m_chain.boundaryHop;
        if (i > 0 || boundary) {
            Gap gap;
            gap.fromHop = i > 0 ? order.at(i - 1) : -1;
            gap.toHop = hop;
            gap.boundary = boundary;
            const bool broken = gap.fromHop >= 0 && isHandoffBroken(hop);
            const qreal height =
                boundary ? l.line * (4.5 + (broken ? 1 : 0)) : l.line * Metrics::GapLines;
            // Whole device units, so that lines and borders fall on pixel rows on screen.
            gap.rect = QRectF(margin, y, inner, std::round(height));
            if (boundary)
                l.boundaryY = std::round(gap.rect.bottom() - l.line * 1.75);
            l.gaps.append(gap);
            y += gap.rect.height();
        }
        const qreal height = rowsOf(hop) * l.line + 2 * l.em * Metrics::BoxPadding;
        l.boxes[hop] = QRectF(margin, y, inner, std::round(height));
        y += l.boxes.at(hop).height();
    }

    // The legend flows its items over as many lines as the width needs.
    y += l.line;
    const qreal glyph = l.em * 0.9;
    qreal x = margin;
    qreal legendTop = y;
    const QStringList labels = legendLabels();
    for (const QString &label : labels) {
        const qreal itemWidth = glyph * 1.6 + fm.horizontalAdvance(label);
        if (x > margin && x + itemWidth > margin + inner) {
            x = margin;
            y += l.line;
        }
        x += itemWidth + l.em;
    }
    y += l.line;
    l.legend = QRectF(margin, legendTop, inner, y - legendTop);
    l.size = QSizeF(l.width, std::ceil(y + margin));
    return l;
}

void ChainRenderer::paint(QPainter *painter) const
{
    if (m_layout.size.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->setFont(m_font);
    if (m_colors.background.isValid() && m_colors.background.alpha() > 0)
        painter->fillRect(QRectF(QPointF(0, 0), m_layout.size), m_colors.background);
    paintCaption(painter);
    for (const Gap &gap : m_layout.gaps)
        paintGap(painter, gap);
    for (int hop = 0; hop < m_layout.boxes.size(); ++hop)
        paintBox(painter, hop);
    paintLegend(painter);
    painter->restore();
}

int ChainRenderer::hitTest(const QPointF &point) const
{
    for (int hop = 0; hop < m_layout.boxes.size(); ++hop) {
        if (m_layout.boxes.at(hop).contains(point))
            return hop;
    }
    return -1;
}

QRectF ChainRenderer::hopRect(int hop) const
{
    if (hop < 0 || hop >= m_layout.boxes.size())
        return {};
    return m_layout.boxes.at(hop);
}

std::optional<qreal> ChainRenderer::boundaryY() const
{
    if (m_layout.boundaryY < 0)
        return std::nullopt;
    return m_layout.boundaryY;
}

void ChainRenderer::paintCaption(QPainter *painter) const
{
    painter->setPen(m_colors.mutedText);
    const QString text = m_chain.hops.isEmpty()
                             ? tr("No Received headers: the message shows no path.")
                             : tr("Oldest stamp first: the path as the message travelled");
    drawElided(painter, m_layout.caption, text);
}

void ChainRenderer::paintGap(QPainter *painter, const Gap &gap) const
{
    const qreal em = m_layout.em;
    const qreal line = m_layout.line;
    const qreal connectorX = gap.rect.left() + em * Metrics::ConnectorOffset;
    const qreal textX = connectorX + em * 1.2;
    const QRectF textArea(textX, gap.rect.top(), gap.rect.right() - textX, gap.rect.height());
    const bool broken = gap.fromHop >= 0 && isHandoffBroken(gap.toHop);

    // Where the link is cut: the middle of a plain gap, the broken label's row in a boundary gap.
    qreal breakY = gap.rect.center().y();
    if (gap.boundary)
        breakY = gap.rect.top() + line * 1.75;
    if (gap.fromHop >= 0) {
        paintConnector(painter, QPointF(connectorX, gap.rect.top()),
                       QPointF(connectorX, gap.rect.bottom()), broken ? breakY : -1, em,
                       broken ? m_colors.broken : m_colors.connector);
    }
    if (broken) {
        QFont bold = m_font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(m_colors.broken);
        const ReceivedHop &upper = m_chain.hops.at(gap.fromHop).parsed;
        const ReceivedHop &lower = m_chain.hops.at(gap.toHop).parsed;
        // In the stamps' own words: the upper stamp's "by" against the lower one's "from".
        const QString text =
            tr("Broken hand-off: hop %1 by %2, hop %3 from %4")
                .arg(gap.fromHop)
                .arg(orNone(upper.by), QString::number(gap.toHop), orNone(lower.claimedName()));
        drawElided(painter, QRectF(textX, breakY - line / 2, textArea.width(), line), text);
        painter->setFont(m_font);
    }
    if (!gap.boundary)
        return;

    // The trust boundary: a heavy line across, labelled on the line, with what lies on each side.
    const qreal y = m_layout.boundaryY;
    // A whole number of device units wide, so that on screen the line covers its pixel row.
    painter->setPen(QPen(m_colors.boundary, qMax(2, qRound(em / 6.0)), Qt::SolidLine, Qt::FlatCap));
    painter->drawLine(QPointF(gap.rect.left(), y), QPointF(gap.rect.right(), y));

    QFont bold = m_font;
    bold.setBold(true);
    painter->setFont(bold);
    const QString label = tr("Trust boundary");
    const qreal labelWidth = QFontMetricsF(bold, painter->device()).horizontalAdvance(label);
    const QRectF labelRect(textX - em * 0.4, y - line / 2, labelWidth + em * 0.8, line);
    painter->fillRect(labelRect, m_colors.background);
    painter->setPen(m_colors.boundary);
    painter->drawText(labelRect, Qt::AlignCenter, label);
    painter->setFont(m_font);

    const QString above = gap.fromHop >= 0
                              ? tr("Above: claimed by the sending side, witnessed by no one")
                              : tr("Nothing above: no stamp was written by the sending side");
    const QString below = tr("Below: recorded by the receiving servers");
    const qreal arrow = em * 0.55;
    const QRectF aboveRow(textX + arrow * 1.6, gap.rect.top() + line * 0.25,
                          textArea.width() - arrow * 1.6, line);
    const QRectF belowRow(aboveRow.left(), y + line * 0.8, aboveRow.width(), line);
    paintTriangle(painter, QPointF(textX + arrow / 2, aboveRow.center().y()), arrow, true,
                  m_colors.boundary);
    paintTriangle(painter, QPointF(textX + arrow / 2, belowRow.center().y()), arrow, false,
                  m_colors.boundary);
    painter->setPen(m_colors.boundary);
    drawElided(painter, aboveRow, above);
    drawElided(painter, belowRow, below);
}

void ChainRenderer::paintLegend(QPainter *painter) const
{
    if (m_chain.hops.isEmpty())
        return;
    const qreal em = m_layout.em;
    const qreal line = m_layout.line;
    const qreal glyph = em * 0.9;
    const QFontMetricsF fm(m_font, painter->device());
    const QStringList labels = legendLabels();
    qreal x = m_layout.legend.left();
    qreal y = m_layout.legend.top();
    for (int i = 0; i < labels.size(); ++i) {
        const qreal itemWidth = glyph * 1.6 + fm.horizontalAdvance(labels.at(i));
        if (x > m_layout.legend.left() && x + itemWidth > m_layout.legend.right()) {
            x = m_layout.legend.left();
            y += line;
        }
        const QRectF mark(x, y + (line - glyph) / 2, glyph, glyph);
        if (i < 5) {
            paintSeverityGlyph(painter, mark, Severity(i), m_colors);
        } else {
            const bool claimed = i == 5;
            paintHopFrame(painter, mark.adjusted(0, glyph * 0.1, glyph * 0.3, -glyph * 0.1),
                          claimed ? HopStyle::Claimed : HopStyle::Recorded, m_colors, em * 0.5);
        }
        painter->setPen(m_colors.mutedText);
        painter->drawText(QRectF(x + glyph * 1.6, y, itemWidth, line),
                          Qt::AlignLeft | Qt::AlignVCenter, labels.at(i));
        x += itemWidth + em;
    }
}

} // namespace Awb
