#include "chain_test_data.h"

#include "render/chain_renderer.h"
#include "render/severity_glyph.h"

#include <QDir>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

namespace {

constexpr int Width = 720;

ChainRenderer forgedRenderer(const ChainColors &colors = ChainColors::light())
{
    ChainRenderer renderer;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(13);
    renderer.setFont(font);
    renderer.setColors(colors);
    renderer.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
    return renderer;
}

QImage render(ChainRenderer &renderer, int width = Width)
{
    const QSizeF size = renderer.layout(width);
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.paint(&painter);
    painter.end();
    return image;
}

// How many pixels of a horizontal run have exactly this colour.
int countOnRow(const QImage &image, int y, int x0, int x1, const QColor &color)
{
    int count = 0;
    for (int x = x0; x < x1; ++x)
        count += image.pixelColor(x, y).rgb() == color.rgb() ? 1 : 0;
    return count;
}

} // namespace

class TestChainRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneBoxPerHopFromTheOrigin();
    void boundaryLineBetweenBoundaryAndClaimedHop();
    void noBoundaryNoLine();
    void hitTest_data();
    void hitTest();
    void claimedHopsLookDifferent();
    void brokenHandoffLinksHopAndTheHopBelow();
    void findingsMarkHops();
    void sizeFollowsWidthAndFont();
    void emptyChainStillDraws();
    void printSchemeIsGreyscale();
    void glyphShapesDifferWithoutColour();
    void rendersToPdf();
};

void TestChainRenderer::oneBoxPerHopFromTheOrigin()
{
    ChainRenderer renderer = forgedRenderer();
    const QImage image = render(renderer);
    QCOMPARE(renderer.displayOrder(), (QList<int>{3, 2, 1, 0}));
    qreal previousBottom = 0;
    for (int hop : renderer.displayOrder()) {
        const QRectF box = renderer.hopRect(hop);
        QVERIFY2(!box.isEmpty(), qPrintable(QStringLiteral("hop %1").arg(hop)));
        QVERIFY(box.top() > previousBottom); // top to bottom, no overlap
        QVERIFY(QRectF(image.rect()).contains(box));
        previousBottom = box.bottom();
        // The box is drawn: its fill differs from the background in its middle.
        QVERIFY(image.pixelColor(box.center().toPoint()) != renderer.colors().background);
    }
    QVERIFY(renderer.hopRect(4).isEmpty());
    QVERIFY(renderer.hopRect(-1).isEmpty());

    // Counting boxes on the picture: a vertical scan line through the boxes' left padding
    // (right of the claimed hatching, left of any text) crosses one run of fill per box.
    const QRectF first = renderer.hopRect(3);
    const int x = int(first.left() + QFontMetricsF(renderer.font()).height() * 0.7);
    const QSet<QRgb> fills = {renderer.colors().recordedFill.rgb(),
                              renderer.colors().claimedFill.rgb()};
    int runs = 0;
    int length = 0;
    for (int y = 0; y < image.height(); ++y) {
        if (fills.contains(image.pixelColor(x, y).rgb())) {
            ++length;
            continue;
        }
        runs += length > 20 ? 1 : 0;
        length = 0;
    }
    QCOMPARE(runs, 4);
}

void TestChainRenderer::boundaryLineBetweenBoundaryAndClaimedHop()
{
    ChainRenderer renderer = forgedRenderer();
    const QImage image = render(renderer);
    const auto y = renderer.boundaryY();
    QVERIFY(y);
    QVERIFY(*y > renderer.hopRect(2).bottom()); // below the lowest claimed hop
    QVERIFY(*y < renderer.hopRect(1).top());    // above the boundary hop
    // A line across the drawing in the boundary colour (the label covers part of it).
    const int run = countOnRow(image, qRound(*y), 0, image.width(), renderer.colors().boundary);
    QVERIFY2(run > image.width() / 2, qPrintable(QString::number(run)));
}

void TestChainRenderer::noBoundaryNoLine()
{
    ChainAnalysis chain = TestData::forgedChain();
    chain.boundaryHop = -1;
    chain.origin = {};
    for (ChainHop &hop : chain.hops)
        hop.trust = HopTrust::Receiver;
    ChainRenderer renderer;
    renderer.setAnalysis(chain, {});
    render(renderer);
    QVERIFY(!renderer.boundaryY());

    // A boundary on the oldest stamp: nothing is claimed, the line sits above the first box.
    chain = TestData::forgedChain();
    chain.hops.resize(2);
    chain.hops[1].parsed.delayValid = false;
    renderer.setAnalysis(chain, {});
    render(renderer);
    QVERIFY(renderer.boundaryY());
    QVERIFY(*renderer.boundaryY() < renderer.hopRect(1).top());
}

void TestChainRenderer::hitTest_data()
{
    QTest::addColumn<int>("hop");
    for (int hop = 0; hop < 4; ++hop)
        QTest::addRow("hop %d", hop) << hop;
}

void TestChainRenderer::hitTest()
{
    QFETCH(int, hop);
    ChainRenderer renderer = forgedRenderer();
    renderer.layout(Width);
    const QRectF box = renderer.hopRect(hop);
    QCOMPARE(renderer.hitTest(box.center()), hop);
    QCOMPARE(renderer.hitTest(box.topLeft() + QPointF(1, 1)), hop);
    QCOMPARE(renderer.hitTest(box.bottomRight() - QPointF(1, 1)), hop);
    QCOMPARE(renderer.hitTest(QPointF(box.center().x(), box.top() - 3)), -1); // the gap above
    QCOMPARE(renderer.hitTest(QPointF(-5, box.center().y())), -1);
    QCOMPARE(renderer.hitTest(QPointF(box.center().x(), renderer.size().height() + 10)), -1);
}

void TestChainRenderer::claimedHopsLookDifferent()
{
    ChainRenderer renderer = forgedRenderer();
    const QImage image = render(renderer);
    // The hatched strip along the left edge: several colours in a claimed box's strip, one in a
    // recorded box's.
    const auto stripColours = [&](int hop) {
        const QRectF box = renderer.hopRect(hop);
        QSet<QRgb> colours;
        for (int y = int(box.top()) + 8; y < int(box.bottom()) - 8; ++y)
            colours.insert(image.pixelColor(int(box.left()) + 4, y).rgb());
        return colours.size();
    };
    QVERIFY(stripColours(2) > 2);
    QVERIFY(stripColours(3) > 2);
    QCOMPARE(stripColours(0), 1);
    QVERIFY(image.pixelColor(renderer.hopRect(2).center().toPoint()) !=
            image.pixelColor(renderer.hopRect(0).center().toPoint()));
}

void TestChainRenderer::brokenHandoffLinksHopAndTheHopBelow()
{
    ChainRenderer renderer = forgedRenderer();
    QVERIFY(renderer.isHandoffBroken(1)); // the finding on hop 2 cuts the link from 2 to 1
    QVERIFY(!renderer.isHandoffBroken(2));
    QVERIFY(!renderer.isHandoffBroken(0));
    QVERIFY(!renderer.isHandoffBroken(3));
    QVERIFY(!renderer.isHandoffBroken(-1));

    // The cut: between boxes 2 and 1 the link has a gap in the broken colour's line.
    const QImage image = render(renderer);
    const QRectF upper = renderer.hopRect(2);
    const QRectF lower = renderer.hopRect(1);
    int brokenPixels = 0;
    for (int y = int(upper.bottom()) + 2; y < int(lower.top()) - 2; ++y) {
        for (int x = int(upper.left()); x < int(upper.left()) + 60; ++x)
            brokenPixels += image.pixelColor(x, y) == renderer.colors().broken ? 1 : 0;
    }
    QVERIFY(brokenPixels > 20);

    // A finding on the oldest stamp has no hop above it to break from; nothing breaks.
    ChainRenderer oldest;
    oldest.setAnalysis(TestData::forgedChain(),
                       {TestData::finding(ChainRenderer::BrokenHandoffCheck, Severity::High, 3,
                                          QStringLiteral("x"))});
    QVERIFY(oldest.isHandoffBroken(2));
    QVERIFY(!oldest.isHandoffBroken(3));
}

void TestChainRenderer::findingsMarkHops()
{
    ChainRenderer renderer = forgedRenderer();
    QCOMPARE(renderer.highestSeverity(2), std::optional<Severity>(Severity::High));
    QCOMPARE(renderer.highestSeverity(3), std::optional<Severity>(Severity::Medium));
    QCOMPARE(renderer.highestSeverity(1), std::optional<Severity>(Severity::Info));
    QVERIFY(!renderer.highestSeverity(0));
    QVERIFY(!renderer.highestSeverity(9));
    // A hop with findings is a row taller (the findings line) than one without.
    renderer.layout(Width);
    QVERIFY(renderer.hopRect(2).height() > renderer.hopRect(0).height());
    // The high-severity glyph's colour appears in hop 2's box, not in hop 0's.
    const QImage image = render(renderer);
    const QColor high = renderer.colors().severityColor(Severity::High);
    const auto countIn = [&](const QRectF &box) {
        int count = 0;
        for (int y = int(box.top()); y < int(box.bottom()); ++y)
            count += countOnRow(image, y, int(box.left()), int(box.right()), high);
        return count;
    };
    QVERIFY(countIn(renderer.hopRect(2)) > 10);
    QCOMPARE(countIn(renderer.hopRect(0)), 0);
}

void TestChainRenderer::sizeFollowsWidthAndFont()
{
    ChainRenderer renderer = forgedRenderer();
    const QSizeF wide = renderer.sizeForWidth(1000);
    QCOMPARE(wide.width(), 1000.0);
    QCOMPARE(renderer.layout(1000), wide);
    // Narrower than the minimum: the minimum.
    QCOMPARE(renderer.sizeForWidth(10).width(), renderer.minimumWidth());
    // The legend wraps on narrow widths, so a narrow drawing is at least as tall.
    QVERIFY(renderer.sizeForWidth(renderer.minimumWidth()).height() >= wide.height());
    QFont big = renderer.font();
    big.setPixelSize(26);
    renderer.setFont(big);
    QVERIFY(renderer.sizeForWidth(1000).height() > wide.height() * 1.6);
}

void TestChainRenderer::emptyChainStillDraws()
{
    ChainRenderer renderer;
    const QImage image = render(renderer, 400);
    QVERIFY(!image.isNull());
    QVERIFY(renderer.displayOrder().isEmpty());
    QCOMPARE(renderer.hitTest(QPointF(10, 10)), -1);
    QVERIFY(!renderer.boundaryY());
    renderer = forgedRenderer();
    renderer.clear();
    QVERIFY(renderer.chain().hops.isEmpty());
    QCOMPARE(renderer.selectedHop(), -1);
}

void TestChainRenderer::printSchemeIsGreyscale()
{
    ChainRenderer renderer = forgedRenderer(ChainColors::print());
    renderer.setSelectedHop(2);
    const QImage image = render(renderer);
    image.save(QDir::temp().filePath(QStringLiteral("awb-chain-print.png"))); // to look at
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() != c.green() || c.green() != c.blue())
                QFAIL(qPrintable(QStringLiteral("colour %1 at %2,%3").arg(c.name()).arg(x).arg(y)));
        }
    }
}

void TestChainRenderer::glyphShapesDifferWithoutColour()
{
    // In greyscale print every glyph is drawn with the same fill: only the shape tells them
    // apart, so the pictures must all differ.
    ChainColors colors = ChainColors::print();
    colors.severity.fill(Qt::white);
    QList<QImage> glyphs;
    for (int i = 0; i <= int(Severity::Critical); ++i) {
        QImage image(32, 32, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        paintSeverityGlyph(&painter, QRectF(2, 2, 28, 28), Severity(i), colors);
        painter.end();
        for (const QImage &other : std::as_const(glyphs))
            QVERIFY(image != other);
        glyphs << image;
    }
}

void TestChainRenderer::rendersToPdf()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("chain.pdf"));
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setPageSize(QPageSize(QPageSize::A4));
        ChainRenderer renderer;
        QFont font(QStringLiteral("DejaVu Sans"), 9);
        renderer.setFont(font);
        renderer.setColors(ChainColors::print());
        renderer.setAnalysis(TestData::forgedChain(), TestData::forgedFindings());
        // Laid out in the writer's units: at 300 dpi the boxes are about three times as many
        // device units as on a 96 dpi screen, and everything scales with the font.
        const QSizeF size = renderer.layout(writer.width(), &writer);
        QVERIFY(size.width() >= writer.width());
        QVERIFY(renderer.hopRect(0).height() > 150);
        QPainter painter;
        QVERIFY(painter.begin(&writer));
        const qreal fit = qMin(1.0, writer.height() / size.height());
        painter.scale(fit, fit);
        renderer.paint(&painter);
        QVERIFY(painter.end());
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 2000);
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
}

QTEST_MAIN(TestChainRenderer)
#include "tst_chain_renderer.moc"
