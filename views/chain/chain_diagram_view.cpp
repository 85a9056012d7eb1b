#include "chain/chain_diagram_view.h"

#include "itemmodels/finding_list_model.h"
#include "itemmodels/hop_table_model.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace Awb {

ChainDiagramView::ChainDiagramView(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Received chain diagram"));
    m_renderer.setFont(font());
    pickColors();
    relayout();
}

void ChainDiagramView::setAnalysis(const ChainAnalysis &chain, const QList<Finding> &findings)
{
    m_renderer.setAnalysis(chain, findings);
    m_renderer.setSelectedHop(-1);
    relayout();
    updateGeometry();
    update();
}

void ChainDiagramView::clear()
{
    setAnalysis({}, {});
}

void ChainDiagramView::setSelectedHop(int hop)
{
    if (hop < -1 || hop >= m_renderer.chain().hops.size())
        hop = -1;
    if (hop == m_renderer.selectedHop())
        return;
    m_renderer.setSelectedHop(hop);
    update();
}

QRect ChainDiagramView::hopRect(int hop) const
{
    return m_renderer.hopRect(hop).toAlignedRect();
}

int ChainDiagramView::boundaryY() const
{
    const auto y = m_renderer.boundaryY();
    return y ? qRound(*y) : -1;
}

QSize ChainDiagramView::sizeHint() const
{
    const int width = qRound(m_renderer.minimumWidth(this) * 2.2);
    return QSize(width, heightForWidth(width));
}

QSize ChainDiagramView::minimumSizeHint() const
{
    const int width = qCeil(m_renderer.minimumWidth(this));
    return QSize(width, fontMetrics().height() * 4);
}

int ChainDiagramView::heightForWidth(int width) const
{
    return int(std::ceil(m_renderer.sizeForWidth(width, this).height()));
}

void ChainDiagramView::pickColors()
{
    // The scheme by the palette's lightness; background, text and selection from the palette
    // itself, so that the drawing sits in the window rather than on a card of its own.
    const QPalette &pal = palette();
    m_dark = pal.color(QPalette::Base).lightness() < 128;
    ChainColors colors = m_dark ? ChainColors::dark() : ChainColors::light();
    colors.background = pal.color(QPalette::Base);
    colors.text = pal.color(QPalette::Text);
    // The palette's highlight, unless it barely stands out from the base (dark themes often
    // pick a dim highlight meant to sit behind text, too faint for an outline).
    const QColor highlight = pal.color(QPalette::Highlight);
    if (qAbs(highlight.lightness() - colors.background.lightness()) >= 80)
        colors.selection = highlight;
    m_renderer.setColors(colors);
}

void ChainDiagramView::relayout()
{
    const QSizeF needed = m_renderer.layout(width(), this);
    if (qAbs(std::ceil(needed.height()) - height()) >= 1)
        updateGeometry();
}

void ChainDiagramView::selectByUser(int hop)
{
    if (hop < 0 || hop == m_renderer.selectedHop())
        return;
    setSelectedHop(hop);
    Q_EMIT selectedHopChanged(hop);
}

bool ChainDiagramView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int hop = m_renderer.hitTest(help->pos());
        if (hop < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), toolTipFor(hop), this, hopRect(hop));
        }
        return true;
    }
    return QWidget::event(event);
}

QString ChainDiagramView::toolTipFor(int hop) const
{
    // Rich text on purpose: a raw header holds <addresses> that Qt::mightBeRichText would
    // otherwise take for tags. Everything quoted from the message is escaped.
    const ChainHop &chainHop = m_renderer.chain().hops.at(hop);
    QString html = QStringLiteral("<p><b>%1</b></p><p style=\"white-space:pre-wrap\">%2</p>")
                       .arg(tr("Hop %1, %2")
                                .arg(hop)
                                .arg(HopTableModel::trustLabel(chainHop.trust))
                                .toHtmlEscaped(),
                            QStringLiteral("Received: ") +
                                HopTableModel::rawText(chainHop.parsed).toHtmlEscaped());
    if (const auto severity = m_renderer.highestSeverity(hop)) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Highest finding severity: %1")
                             .arg(FindingListModel::severityLabel(*severity))
                             .toHtmlEscaped());
    }
    return html;
}

void ChainDiagramView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), m_renderer.colors().background);
    m_renderer.paint(&painter);
}

void ChainDiagramView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void ChainDiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int hop = m_renderer.hitTest(event->position());
    if (hop < 0)
        return;
    selectByUser(hop);
    Q_EMIT hopClicked(hop);
}

void ChainDiagramView::keyPressEvent(QKeyEvent *event)
{
    const QList<int> order = m_renderer.displayOrder();
    if (order.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int position = order.indexOf(m_renderer.selectedHop());
    int next = position;
    switch (event->key()) {
    case Qt::Key_Up:
        next = position < 0 ? int(order.size()) - 1 : qMax(0, position - 1);
        break;
    case Qt::Key_Down:
        next = position < 0 ? 0 : qMin(int(order.size()) - 1, position + 1);
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = int(order.size()) - 1;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    selectByUser(order.at(next));
}

void ChainDiagramView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        pickColors();
        update();
        break;
    case QEvent::FontChange:
        m_renderer.setFont(font());
        relayout();
        updateGeometry();
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace Awb
