#include "accounts/account_timeline_view.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimeZone>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Awb {

namespace {

struct MarkerStyle
{
    AccountEvent::Kind kind;
    QScatterSeries::MarkerShape shape;
    QColor light; // on a light background
    QColor dark;  // on a dark background
};

// Shapes first, colours second: the shape alone tells the kinds apart in black and white. The
// light-theme colours are dark enough to stand out on white, the dark-theme ones light enough
// to stand out on black.
const MarkerStyle kStyles[] = {
    {AccountEvent::Kind::CaseOpened, QScatterSeries::MarkerShapeCircle, QColor(0x4a, 0x4a, 0x4a),
     QColor(0xd0, 0xd0, 0xd0)},
    {AccountEvent::Kind::Warning, QScatterSeries::MarkerShapeTriangle, QColor(0xc7, 0x7c, 0x02),
     QColor(0xff, 0xc1, 0x4d)},
    {AccountEvent::Kind::Suspension, QScatterSeries::MarkerShapeRectangle, QColor(0xb3, 0x3c, 0x00),
     QColor(0xff, 0x8a, 0x50)},
    {AccountEvent::Kind::Termination, QScatterSeries::MarkerShapeStar, QColor(0x8b, 0x00, 0x00),
     QColor(0xff, 0x5c, 0x5c)},
    {AccountEvent::Kind::Liability, QScatterSeries::MarkerShapePentagon, QColor(0x5b, 0x2a, 0x86),
     QColor(0xc3, 0x9b, 0xf0)},
    {AccountEvent::Kind::Blacklisting, QScatterSeries::MarkerShapeRotatedRectangle,
     QColor(0x00, 0x5f, 0x87), QColor(0x6c, 0xc4, 0xf0)},
    {AccountEvent::Kind::Notice, QScatterSeries::MarkerShapeTriangle, QColor(0x2e, 0x5e, 0x2e),
     QColor(0x9c, 0xd6, 0x9c)},
    {AccountEvent::Kind::Other, QScatterSeries::MarkerShapeCircle, QColor(0x80, 0x80, 0x80),
     QColor(0xa0, 0xa0, 0xa0)},
};

// Days are plotted at noon UTC so that a local-time axis still shows the right date nearly
// everywhere.
qreal dayX(const QDate &day)
{
    return qreal(QDateTime(day, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch());
}

} // namespace

AccountTimelineView::AccountTimelineView(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    rebuild();
}

void AccountTimelineView::setHistory(const AccountHistory &history)
{
    m_history = history;
    m_hasHistory = true;
    rebuild();
}

void AccountTimelineView::clear()
{
    m_history = {};
    m_hasHistory = false;
    rebuild();
}

void AccountTimelineView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void AccountTimelineView::rebuild()
{
    const QPalette pal = palette();
    const bool darkTheme = pal.color(QPalette::Base).lightness() < 128;
    const QColor text = pal.color(QPalette::Text);

    auto *chart = new QChart;
    chart->setBackgroundBrush(pal.brush(QPalette::Base));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_peak = 0;

    if (!m_hasHistory) {
        chart->setTitle(tr("No account selected"));
        replaceChart(chart);
        return;
    }
    chart->setTitle(tr("Reports per day and actions, %1 to %2 (UTC)")
                        .arg(m_history.windowStart.toString(QStringLiteral("yyyy-MM-dd")),
                             m_history.now.toString(QStringLiteral("yyyy-MM-dd"))));

    const QDate first = m_history.windowStart.toUTC().date();
    const QDate last = m_history.now.toUTC().date();
    // Every day of the window, zero or not, so the line drops back to the axis between bursts.
    auto *reports = new QLineSeries;
    reports->setName(tr("Reports per day"));
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        const int n = m_history.reportsPerDay.value(day);
        m_peak = std::max(m_peak, n);
        reports->append(dayX(day), n);
    }
    QPen line(darkTheme ? pal.color(QPalette::Highlight).lighter(130)
                        : pal.color(QPalette::Highlight).darker(130));
    line.setWidthF(1.5);
    reports->setPen(line);
    chart->addSeries(reports);

    // Markers sit in a band above the highest day, each kind on its own level, so that two
    // actions on one day do not hide each other.
    const qreal top = std::max(1, m_peak);
    int level = 0;
    QList<QScatterSeries *> markers;
    for (const MarkerStyle &style : kStyles) {
        QScatterSeries *series = nullptr;
        for (const AccountEvent &e : m_history.events) {
            if (e.kind != style.kind || e.at < m_history.windowStart || e.at > m_history.now)
                continue;
            if (!series) {
                series = new QScatterSeries;
                series->setName(accountEventKindLabel(style.kind));
                series->setMarkerShape(style.shape);
                series->setMarkerSize(13);
                series->setColor(darkTheme ? style.dark : style.light);
                series->setBorderColor(text);
                ++level;
            }
            series->append(dayX(e.at.toUTC().date()), top * (1.0 + 0.12 * level));
        }
        if (series)
            markers.append(series);
    }
    for (QScatterSeries *series : std::as_const(markers))
        chart->addSeries(series);

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("yyyy-MM-dd"));
    xAxis->setTickCount(7);
    // A few days beyond the window on either side: a marker on its first or last day would
    // otherwise be cut in half by the plot's edge.
    xAxis->setRange(QDateTime(first.addDays(-4), QTime(0, 0), QTimeZone::utc()),
                    QDateTime(last.addDays(4), QTime(23, 59), QTimeZone::utc()));
    auto *yAxis = new QValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%d"));
    yAxis->setTitleText(tr("Reports"));
    const int yMax = int(std::ceil(top * (1.0 + 0.12 * (level + 1))));
    yAxis->setRange(0, yMax);
    // Whole reports only: ticks at multiples of a whole interval from zero.
    yAxis->setTickType(QValueAxis::TicksDynamic);
    yAxis->setTickAnchor(0);
    yAxis->setTickInterval(std::max(1, int(std::ceil(yMax / 5.0))));
    const QList<QAbstractAxis *> axes = {xAxis, yAxis};
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(text);
    }
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    replaceChart(chart);
}

void AccountTimelineView::replaceChart(QChart *chart)
{
    // setChart() releases the previous chart without deleting it.
    QChart *previous = this->chart();
    setChart(chart);
    delete previous;
}

} // namespace Awb
