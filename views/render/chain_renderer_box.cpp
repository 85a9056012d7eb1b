// The hop boxes of ChainRenderer and the drawing helpers of chain_renderer_p.h.

#include "render/chain_renderer.h"

#include "render/chain_renderer_p.h"
#include "render/severity_glyph.h"

#include "itemmodels/finding_list_model.h"
#include "itemmodels/hop_table_model.h"
#include "network/address_scope.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace Awb {

namespace ChainRendering {

QStringList fieldLabels()
{
    return {ChainRenderer::tr("from"), ChainRenderer::tr("rDNS"), ChainRenderer::tr("IP"),
            ChainRenderer::tr("by"), ChainRenderer::tr("delay")};
}

QStringList legendLabels()
{
    QStringList labels;
    for (int i = 0; i <= int(Severity::Critical); ++i)
        labels << FindingListModel::severityLabel(Severity(i));
    labels << ChainRenderer::tr("claimed by the sending side")
           << ChainRenderer::tr("recorded by a receiving server");
    return labels;
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

qreal drawElided(QPainter *painter, const QRectF &rect, const QString &text)
{
    if (rect.width() <= 0)
        return 0;
    const QFontMetricsF fm(painter->font(), painter->device());
    const QString shown = fm.elidedText(text, Qt::ElideRight, rect.width());
    painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
    return qMin(fm.horizontalAdvance(shown), rect.width());
}

void paintHopFrame(QPainter *painter, const QRectF &rect, HopStyle style, const ChainColors &colors,
                   qreal em)
{
    const qreal radius = em * Metrics::CornerRadius;
    QPainterPath frame;
    frame.addRoundedRect(rect, radius, radius);
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(style == HopStyle::Claimed ? colors.claimedFill : colors.recordedFill);
    painter->drawPath(frame);

    if (style == HopStyle::Claimed) {
        // Hatched by hand rather than with a pattern brush: Qt's patterns are 8 device pixels,
        // invisible on a 1200 dpi PDF.
        const QRectF strip(rect.left(), rect.top(), qMin(em * Metrics::HatchStrip, rect.width()),
                           rect.height());
        painter->setClipPath(frame);
        painter->setClipRect(strip, Qt::IntersectClip);
        painter->setPen(QPen(colors.claimedHatch, qMax(1.0, em / 14.0)));
        const qreal step = em * 0.3;
        for (qreal x = strip.left() - strip.height(); x < strip.right(); x += step)
            painter->drawLine(QPointF(x, strip.bottom()), QPointF(x + strip.height(), strip.top()));
        painter->setClipping(false);
    }

    QPen border;
    switch (style) {
    case HopStyle::Recorded:
        border = QPen(colors.recordedBorder, qMax(1.0, em / 14.0));
        break;
    case HopStyle::Boundary:
        border = QPen(colors.boundary, qMax(1.5, em / 7.0));
        break;
    case HopStyle::Claimed:
        border = QPen(colors.claimedBorder, qMax(1.0, em / 10.0), Qt::DashLine);
        break;
    }
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(frame);
    painter->restore();
}

void paintTriangle(QPainter *painter, const QPointF &centre, qreal size, bool up,
                   const QColor &color)
{
    const qreal h = size / 2;
    const QPolygonF triangle =
        up ? QPolygonF{centre + QPointF(0, -h), centre + QPointF(h, h), centre + QPointF(-h, h)}
           : QPolygonF{centre + QPointF(0, h), centre + QPointF(h, -h), centre + QPointF(-h, -h)};
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(triangle);
    painter->restore();
}

void paintConnector(QPainter *painter, const QPointF &from, const QPointF &to, qreal breakY,
                    qreal em, const QColor &color)
{
    painter->save();
    const qreal width = qMax(1.0, em / (breakY >= 0 ? 7.0 : 12.0));
    painter->setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
    const qreal head = em * 0.45;
    const QPointF tip = to;
    const QPointF lineEnd = to - QPointF(0, head);
    if (breakY < 0) {
        painter->drawLine(from, lineEnd);
    } else {
        // Two stubs that end in parallel slants, a visible gap between them.
        const qreal gap = em * 0.45;
        const qreal slant = em * 0.35;
        const QPointF upper(from.x(), breakY - gap);
        const QPointF lower(from.x(), breakY + gap);
        painter->drawLine(from, upper);
        painter->drawLine(lower, lineEnd);
        painter->drawLine(upper + QPointF(-slant, slant / 2), upper + QPointF(slant, -slant / 2));
        painter->drawLine(lower + QPointF(-slant, slant / 2), lower + QPointF(slant, -slant / 2));
    }
    paintTriangle(painter, tip - QPointF(0, head / 2), head, false, color);
    painter->restore();
}

} // namespace ChainRendering

using namespace ChainRendering;

namespace {

QFont smallFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.85);
    else if (font.pixelSize() > 0)
        small.setPixelSize(qMax(6, qRound(font.pixelSize() * 0.85)));
    return small;
}

QString trustDescription(HopTrust trust)
{
    switch (trust) {
    case HopTrust::Receiver:
        return ChainRenderer::tr("recorded by a receiving server");
    case HopTrust::Boundary:
        return ChainRenderer::tr("boundary: the receiver that saw the origin connect");
    case HopTrust::Claimed:
        return ChainRenderer::tr("claimed by the sending side");
    }
    return {};
}

} // namespace

void ChainRenderer::paintBox(QPainter *painter, int hop) const
{
    const QRectF rect = m_layout.boxes.at(hop);
    const qreal em = m_layout.em;
    const HopTrust trust = m_chain.hops.at(hop).trust;
    if (hop == m_selectedHop) {
        const qreal outset = em * 0.22;
        painter->save();
        painter->setPen(QPen(m_colors.selection, qMax(2.0, em / 5.0)));
        painter->setBrush(Qt::NoBrush);
        const qreal radius = em * Metrics::CornerRadius + outset;
        painter->drawRoundedRect(rect.adjusted(-outset, -outset, outset, outset), radius, radius);
        painter->restore();
    }
    const HopStyle style = trust == HopTrust::Claimed    ? HopStyle::Claimed
                           : trust == HopTrust::Boundary ? HopStyle::Boundary
                                                         : HopStyle::Recorded;
    paintHopFrame(painter, rect, style, m_colors, em);
    const qreal pad = em * Metrics::BoxPadding;
    paintFields(painter, hop, rect.adjusted(em * Metrics::HatchStrip + pad, pad, -pad, -pad));
}

qreal ChainRenderer::paintBadge(QPainter *painter, const QPointF &leftCentre, const QString &text,
                                const QColor &fill, qreal maxRight) const
{
    const QFont small = smallFont(m_font);
    const QFontMetricsF fm(small, painter->device());
    const qreal em = m_layout.em;
    const QRectF badge(leftCentre.x(), leftCentre.y() - m_layout.line * 0.4,
                       fm.horizontalAdvance(text) + em * 0.6, m_layout.line * 0.8);
    if (badge.right() > maxRight)
        return leftCentre.x();
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, em * 0.2, em * 0.2);
    painter->setFont(small);
    painter->setPen(fill == m_colors.badgeFill ? m_colors.badgeText : contrastingText(fill));
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
    return badge.right() + em * 0.35;
}

void ChainRenderer::paintFields(QPainter *painter, int hop, const QRectF &rect) const
{
    const ChainHop &chainHop = m_chain.hops.at(hop);
    const ReceivedHop &p = chainHop.parsed;
    const HopInfo &info = m_info.at(hop);
    const qreal line = m_layout.line;
    const qreal em = m_layout.em;
    const auto row = [&](int i) {
        return QRectF(rect.left(), rect.top() + i * line, rect.width(), line);
    };
    const qreal valueX = rect.left() + m_layout.labelWidth;
    const auto valueRect = [&](int i, qreal x) {
        return QRectF(x, rect.top() + i * line, rect.right() - x, line);
    };
    QFont bold = m_font;
    bold.setBold(true);

    // Title: glyph, "Hop N", who wrote it; the date on the right.
    qreal x = rect.left();
    if (info.count > 0) {
        paintSeverityGlyph(painter, QRectF(x, row(0).center().y() - em * 0.45, em * 0.9, em * 0.9),
                           info.highest, m_colors);
        x += em * 1.2;
    }
    const QString date = HopTableModel::dateText(p);
    const qreal dateWidth = QFontMetricsF(m_font, painter->device()).horizontalAdvance(date);
    painter->setPen(m_colors.text);
    painter->drawText(row(0), Qt::AlignRight | Qt::AlignVCenter, date);
    const qreal titleRight = rect.right() - dateWidth - em;
    painter->setFont(bold);
    x += drawElided(painter, QRectF(x, row(0).top(), titleRight - x, line), tr("Hop %1").arg(hop));
    painter->setFont(m_font);
    painter->setPen(m_colors.mutedText);
    drawElided(painter, QRectF(x, row(0).top(), titleRight - x, line),
               QStringLiteral(" · ") + trustDescription(chainHop.trust));

    const QStringList labels = fieldLabels();
    for (int i = 0; i < labels.size(); ++i)
        drawElided(painter, QRectF(rect.left(), row(i + 1).top(), m_layout.labelWidth, line),
                   labels.at(i));

    // A value in the text colour, or a muted note when the stamp did not show it.
    const auto value = [&](int i, qreal left, const QString &text, const QString &none) {
        painter->setPen(text.isEmpty() ? m_colors.mutedText : m_colors.text);
        return left + drawElided(painter, valueRect(i, left), text.isEmpty() ? none : text);
    };
    const QString notRecorded = tr("none recorded");

    x = value(1, valueX, p.claimedName(), notRecorded);
    if (!p.heloCommand.isEmpty() && !p.claimedName().isEmpty()) {
        painter->setPen(m_colors.mutedText);
        drawElided(painter, valueRect(1, x + em * 0.4), tr("(%1 name)").arg(p.heloCommand));
    }
    value(2, valueX, p.fromRdns, notRecorded);

    x = value(3, valueX, p.fromIp, notRecorded) + em * 0.5;
    const qreal rowY3 = row(3).center().y();
    if (hop == m_chain.origin.hop && !m_chain.origin.ip.isEmpty())
        x = paintBadge(painter, QPointF(x, rowY3), tr("origin"), m_colors.boundary, rect.right());
    if (chainHop.inOurs) {
        // Below the boundary our address is only what the sender wrote: say so on the badge.
        const QString ours = chainHop.trust == HopTrust::Claimed ? tr("ours, claimed") : tr("ours");
        x = paintBadge(painter, QPointF(x, rowY3), ours, m_colors.ours, rect.right());
    }
    if (chainHop.ip && !isPubliclyRoutableForAnalysis(chainHop.scope)) {
        painter->setPen(m_colors.mutedText);
        drawElided(painter, valueRect(3, x), scopeDescription(chainHop.scope));
    }

    x = value(4, valueX, p.by, notRecorded) + em * 0.5;
    const qreal rowY4 = row(4).center().y();
    const QString protocol = p.protocol.isEmpty() ? p.with : p.protocol;
    if (!protocol.isEmpty())
        x = paintBadge(painter, QPointF(x, rowY4), protocol, m_colors.badgeFill, rect.right());
    if (p.tls) {
        x = paintBadge(painter, QPointF(x, rowY4),
                       p.tlsVersion.isEmpty() ? tr("TLS") : p.tlsVersion, m_colors.badgeFill,
                       rect.right());
    }
    if (p.authenticated) {
        x = paintBadge(painter, QPointF(x, rowY4),
                       p.authMechanism.isEmpty() ? tr("AUTH") : tr("AUTH %1").arg(p.authMechanism),
                       m_colors.badgeFill, rect.right());
    }

    paintDelay(painter, hop, QRectF(valueX, row(5).top(), rect.right() - valueX, line));

    if (info.count > 0) {
        const QRectF r = row(6);
        paintSeverityGlyph(painter, QRectF(r.left(), r.center().y() - em * 0.4, em * 0.8, em * 0.8),
                           info.highest, m_colors);
        painter->setPen(m_colors.text);
        drawElided(painter, r.adjusted(em * 1.2, 0, 0, 0),
                   tr("%n finding(s): ", nullptr, info.count) +
                       info.titles.join(QStringLiteral("; ")));
    }
}

void ChainRenderer::paintDelay(QPainter *painter, int hop, const QRectF &row) const
{
    const ReceivedHop &p = m_chain.hops.at(hop).parsed;
    const qreal em = m_layout.em;
    if (!p.delayValid) {
        painter->setPen(m_colors.mutedText);
        QString note;
        if (hop + 1 >= m_chain.hops.size())
            note = tr("none: the oldest stamp");
        else if (!p.dateValid)
            note = tr("none: this stamp has no readable date");
        else
            note = tr("none: hop %1 has no readable date").arg(hop + 1);
        drawElided(painter, row, note);
        return;
    }
    // A logarithmic scale shared by all hops: seconds and hours both stay visible, and a minute
    // is the smallest full-length scale so that a chain of one-second hops does not look slow.
    const qreal barMax = qMin(em * 8, row.width() * 0.3);
    const qreal scale = std::log1p(qreal(qMax<qint64>(m_maxDelay, 60)));
    const qreal fraction = std::log1p(qreal(qAbs(p.delaySeconds))) / scale;
    const qreal barHeight = em * 0.5;
    const QRectF bar(row.left(), row.center().y() - barHeight / 2,
                     qMax(em * 0.15, fraction * barMax), barHeight);
    painter->save();
    if (p.delayNegative) {
        // Hatched and outlined, and labelled in words: a reversal must not read as a long wait.
        painter->setPen(QPen(m_colors.negativeDelay, qMax(1.0, em / 12.0)));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(bar);
        painter->setClipRect(bar);
        const qreal step = em * 0.25;
        for (qreal x = bar.left() - bar.height(); x < bar.right(); x += step)
            painter->drawLine(QPointF(x, bar.bottom()), QPointF(x + bar.height(), bar.top()));
        painter->setClipping(false);
    } else {
        painter->fillRect(bar, m_colors.delayBar);
    }
    painter->restore();

    const QRectF text(row.left() + barMax + em * 0.5, row.top(),
                      row.right() - row.left() - barMax - em * 0.5, row.height());
    const QString delay = HopTableModel::delayText(p.delaySeconds);
    if (p.delayNegative) {
        QFont bold = m_font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(m_colors.negativeDelay);
        drawElided(painter, text,
                   tr("%1 after hop %2: time runs backwards").arg(delay).arg(hop + 1));
        painter->setFont(m_font);
    } else {
        painter->setPen(m_colors.text);
        drawElided(painter, text, tr("%1 after hop %2").arg(delay).arg(hop + 1));
    }
}

} // namespace Awb
