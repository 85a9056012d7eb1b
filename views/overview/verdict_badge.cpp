#include "overview/verdict_badge.h"

#include <QPainter>
#include <QPainterPath>

namespace Awb {

namespace {

constexpr int HorizontalPadding = 6;
constexpr int VerticalPadding = 3;

struct BadgeColours
{
    QColor fill;
    QColor border;
};

// Light and dark pairs; the text keeps the palette's own colour, which reads on all of them.
BadgeColours coloursFor(VerdictBadge::Verdict verdict, bool dark)
{
    switch (verdict) {
    case VerdictBadge::Verdict::Pass:
        return dark ? BadgeColours{QColor(0x0f, 0x3d, 0x1f), QColor(0x3f, 0xb9, 0x50)}
                    : BadgeColours{QColor(0xda, 0xfb, 0xe1), QColor(0x1a, 0x7f, 0x37)};
    case VerdictBadge::Verdict::Fail:
        return dark ? BadgeColours{QColor(0x4c, 0x14, 0x18), QColor(0xf8, 0x51, 0x49)}
                    : BadgeColours{QColor(0xff, 0xeb, 0xe9), QColor(0xcf, 0x22, 0x2e)};
    case VerdictBadge::Verdict::Uncertain:
        return dark ? BadgeColours{QColor(0x3d, 0x2e, 0x00), QColor(0xd2, 0x99, 0x22)}
                    : BadgeColours{QColor(0xff, 0xf8, 0xc5), QColor(0x9a, 0x67, 0x00)};
    case VerdictBadge::Verdict::None:
        break;
    }
    return dark ? BadgeColours{QColor(0x21, 0x26, 0x2d), QColor(0x8b, 0x94, 0x9e)}
                : BadgeColours{QColor(0xea, 0xee, 0xf2), QColor(0x6e, 0x77, 0x81)};
}

} // namespace

VerdictBadge::VerdictBadge(const QString &method, const QString &result, const QString &identity,
                           QWidget *parent)
    : QWidget(parent)
    , m_method(method)
    , m_result(result)
    , m_identity(identity)
    , m_verdict(verdictFor(result))
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(text());
}

QString VerdictBadge::text() const
{
    return m_identity.isEmpty() ? tr("%1 %2").arg(m_method, m_result)
                                : tr("%1 %2 %3").arg(m_method, m_result, m_identity);
}

VerdictBadge::Verdict VerdictBadge::verdictFor(const QString &result)
{
    const QString r = result.toLower();
    if (r == QLatin1String("pass"))
        return Verdict::Pass;
    if (r == QLatin1String("fail") || r == QLatin1String("permerror"))
        return Verdict::Fail;
    if (r == QLatin1String("softfail") || r == QLatin1String("neutral") ||
        r == QLatin1String("temperror") || r == QLatin1String("policy"))
        return Verdict::Uncertain;
    return Verdict::None;
}

QFont VerdictBadge::methodFont() const
{
    QFont bold = font();
    bold.setBold(true);
    return bold;
}

QSize VerdictBadge::sizeHint() const
{
    const QFontMetrics bold(methodFont());
    const QString rest = m_identity.isEmpty()
                             ? QLatin1Char(' ') + m_result
                             : QLatin1Char(' ') + m_result + QLatin1Char(' ') + m_identity;
    const int width = bold.horizontalAdvance(m_method) + fontMetrics().horizontalAdvance(rest);
    return {width + 2 * HorizontalPadding + 2,
            qMax(bold.height(), fontMetrics().height()) + 2 * VerticalPadding + 2};
}

void VerdictBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const BadgeColours colours = coloursFor(m_verdict, dark);

    QPen border(colours.border, m_verdict == Verdict::Fail ? 2.0 : 1.0);
    if (m_verdict == Verdict::Uncertain)
        border.setStyle(Qt::DashLine);
    else if (m_verdict == Verdict::None)
        border.setStyle(Qt::DotLine);
    painter.setPen(border);
    painter.setBrush(colours.fill);
    const QRectF box = QRectF(rect()).adjusted(1, 1, -1, -1);
    painter.drawRoundedRect(box, 4, 4);

    painter.setPen(palette().color(QPalette::WindowText));
    QRect text = rect().adjusted(HorizontalPadding + 1, 0, -HorizontalPadding - 1, 0);
    painter.setFont(methodFont());
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, m_method);
    text.setLeft(text.left() + QFontMetrics(methodFont()).horizontalAdvance(m_method));
    painter.setFont(font());
    QString rest = QLatin1Char(' ') + m_result;
    if (!m_identity.isEmpty())
        rest += QLatin1Char(' ') + m_identity;
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, rest);
}

} // namespace Awb
