#include "message_highlighter.h"
#include "source_find_bar.h"
#include "source_viewer.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace Awb;

namespace {

const QByteArray sampleMessage("Return-Path: <bounce-42@mailer.example.net>\r\n"
                               "Received: from mx.example.org (mx.example.org [192.0.2.25])\r\n"
                               "\tby inbound.example.com (Postfix) with ESMTPS id 4QzX1\r\n"
                               "\tfor <abuse@example.com>; Tue, 9 Dec 2025 08:15:02 -0800 (PST)\r\n"
                               "Received: from [IPv6:2001:db8::25] (unknown [2001:db8:1::5])\r\n"
                               "\tby mx.example.org with SMTP; 9 Dec 2025 16:14:58 +0000\r\n"
                               "From: =?UTF-8?B?U3DDpG1tZXI=?= <offers@mailer.example.net>\r\n"
                               "To: victim@example.com\r\n"
                               "Subject: =?utf-8?Q?Gro=C3=9Fe_Angebote?= today only\r\n"
                               "Date: Tue, 9 Dec 2025 16:14:55 +0000\r\n"
                               "Message-ID: <20251209161455.1234@mailer.example.net>\r\n"
                               "Content-Type: multipart/alternative; boundary=\"=_part_7f3a\"\r\n"
                               "\r\n"
                               "--=_part_7f3a\r\n"
                               "Content-Type: text/plain; charset=utf-8\r\n"
                               "Content-Transfer-Encoding: 8bit\r\n"
                               "\r\n"
                               "Buy now from 198.51.100.7 - reply to sales@mailer.example.net\r\n"
                               "Date: not a header in the body\r\n"
                               "--=_part_7f3a--\r\n");

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b2b2b));
    palette.setColor(QPalette::WindowText, QColor(0xe0e0e0));
    palette.setColor(QPalette::Base, QColor(0x1e1e1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x262626));
    palette.setColor(QPalette::Text, QColor(0xe0e0e0));
    palette.setColor(QPalette::Button, QColor(0x353535));
    palette.setColor(QPalette::ButtonText, QColor(0xe0e0e0));
    palette.setColor(QPalette::Highlight, QColor(0x2f65ca));
    palette.setColor(QPalette::HighlightedText, QColor(0xffffff));
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a8a8a));
    return palette;
}

// The highlighter's format at position column of block, or an empty format.
QTextCharFormat formatAt(const QTextBlock &block, int column)
{
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

} // namespace

class TestSourceViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void headerNameAndValueLookDifferent();
    void bodyStaysPlain();
    void invalidUtf8IsShownAsLatin1WithNote();
    void validUtf8HasNoNote();
    void largeInputShowsNotice();
    void fiftyMegabyteMessageStaysResponsive();
    void findBarFindsText();
    void wrapActionTogglesWrapping();
    void paletteChangeRepicksFormats();
    void screenshots_data();
    void screenshots();
};

void TestSourceViewer::cleanup()
{
    QApplication::setPalette(QPalette());
}

void TestSourceViewer::headerNameAndValueLookDifferent()
{
    SourceViewer viewer;
    viewer.setMessageBytes(sampleMessage);
    const QTextBlock received = viewer.textEdit()->document()->findBlockByNumber(1);
    QVERIFY(received.text().startsWith(QLatin1String("Received:")));
    const QTextCharFormat name = formatAt(received, 0);
    const QTextCharFormat value = formatAt(received, 12);
    const QTextCharFormat ip = formatAt(received, int(received.text().indexOf(u"192.0.2.25")));
    QVERIFY(name.hasProperty(QTextFormat::ForegroundBrush));
    QVERIFY(name.foreground() != value.foreground() || name.fontWeight() != value.fontWeight());
    QVERIFY(ip.foreground() != value.foreground());
    QVERIFY(ip.foreground() != name.foreground());

    // The part's header block after the boundary is highlighted like the message's own.
    const QTextBlock partHeader = viewer.textEdit()->document()->findBlockByNumber(14);
    QVERIFY(partHeader.text().startsWith(QLatin1String("Content-Type:")));
    QCOMPARE(formatAt(partHeader, 0).foreground(), name.foreground());
}

void TestSourceViewer::bodyStaysPlain()
{
    SourceViewer viewer;
    viewer.setMessageBytes(sampleMessage);
    const QTextBlock body = viewer.textEdit()->document()->findBlockByNumber(17);
    QVERIFY(body.text().startsWith(QLatin1String("Buy now")));
    QVERIFY(body.layout()->formats().isEmpty());
    const QTextBlock bodyDate = body.next();
    QVERIFY(bodyDate.text().startsWith(QLatin1String("Date:")));
    QVERIFY(bodyDate.layout()->formats().isEmpty());
}

void TestSourceViewer::invalidUtf8IsShownAsLatin1WithNote()
{
    SourceViewer viewer;
    viewer.setMessageBytes(QByteArray("Subject: gr\xfc\xdf"
                                      "e\r\n\r\nk\xe4se\r\n"));
    QVERIFY2(viewer.notice().contains(QLatin1String("Latin-1")), qPrintable(viewer.notice()));
    QCOMPARE(viewer.textEdit()->document()->firstBlock().text(), QStringLiteral("Subject: grüße"));
}

void TestSourceViewer::validUtf8HasNoNote()
{
    SourceViewer viewer;
    viewer.setMessageBytes(QByteArray("Subject: gr\xc3\xbc\xc3\x9f"
                                      "e\r\n"));
    QVERIFY(viewer.notice().isEmpty());
    QCOMPARE(viewer.textEdit()->document()->firstBlock().text(), QStringLiteral("Subject: grüße"));
}

void TestSourceViewer::largeInputShowsNotice()
{
    SourceViewer viewer;
    viewer.setDisplayLimit(64 * 1024);
    const QByteArray raw =
        QByteArray("Subject: big\n\n") + QByteArray("0123456789abcdef\n").repeated(12000);
    viewer.setMessageBytes(raw);
    QVERIFY2(viewer.notice().contains(QLatin1String("Showing the first")),
             qPrintable(viewer.notice()));
    QVERIFY(viewer.notice().contains(QLocale().formattedDataSize(raw.size(), 1)));
    QVERIFY(viewer.textEdit()->document()->characterCount() <= 64 * 1024 + 1);

    viewer.setMessageBytes(sampleMessage);
    QVERIFY(viewer.notice().isEmpty());
}

void TestSourceViewer::fiftyMegabyteMessageStaysResponsive()
{
    // A header line of 1 MiB and a 50 MiB body: the default limit shows the first 8 MiB.
    QByteArray raw = "X-Long: " + QByteArray("a@b.example 192.0.2.1 ").repeated(48 * 1024) + "\n";
    raw += "Subject: huge\n\n";
    raw += QByteArray("The quick brown fox jumps over the lazy dog 0123456789.\n").repeated(940000);
    QVERIFY(raw.size() > 50 * 1000 * 1000);

    SourceViewer viewer;
    viewer.resize(800, 600);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QElapsedTimer timer;
    timer.start();
    viewer.setMessageBytes(raw);
    QCoreApplication::processEvents(); // first layout and paint
    const qint64 elapsed = timer.elapsed();
    qInfo("50 MiB message shown in %lld ms", elapsed);
    QVERIFY2(viewer.notice().contains(QLatin1String("8 MiB")), qPrintable(viewer.notice()));
    // Generous for a debug build on a shared machine; unbounded input would take minutes.
    QVERIFY(elapsed < 30000);
}

void TestSourceViewer::findBarFindsText()
{
    SourceViewer viewer;
    viewer.resize(700, 400);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.setMessageBytes(sampleMessage);
    QVERIFY(!viewer.findBar()->isVisible());

    viewer.textEdit()->setFocus();
    QTest::keyClick(viewer.textEdit(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(viewer.findBar()->isVisible());
    QLineEdit *field = viewer.findBar()->searchField();
    QTRY_VERIFY(field->hasFocus());

    QTest::keyClicks(field, QStringLiteral("MAILER.example"));
    QCOMPARE(viewer.findBar()->matchCount(), 4); // case-insensitive
    QCOMPARE(viewer.findBar()->currentMatch(), 0);
    QCOMPARE(viewer.textEdit()->textCursor().selectedText(), QStringLiteral("mailer.example"));
    QCOMPARE(viewer.textEdit()->extraSelections().size(), 4);

    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(viewer.findBar()->currentMatch(), 1);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(viewer.findBar()->currentMatch(), 0);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(viewer.findBar()->currentMatch(), 3); // wraps around

    QTest::keyClicks(field, QStringLiteral("zzz"));
    QCOMPARE(viewer.findBar()->matchCount(), 0);
    QVERIFY(viewer.textEdit()->extraSelections().isEmpty());

    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!viewer.findBar()->isVisible());
}

void TestSourceViewer::wrapActionTogglesWrapping()
{
    SourceViewer viewer;
    QCOMPARE(viewer.textEdit()->lineWrapMode(), QPlainTextEdit::NoWrap);
    viewer.wrapAction()->trigger();
    QCOMPARE(viewer.textEdit()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    viewer.wrapAction()->trigger();
    QCOMPARE(viewer.textEdit()->lineWrapMode(), QPlainTextEdit::NoWrap);
}

void TestSourceViewer::paletteChangeRepicksFormats()
{
    SourceViewer viewer;
    viewer.setMessageBytes(sampleMessage);
    const QTextBlock first = viewer.textEdit()->document()->firstBlock();
    const QColor light = formatAt(first, 0).foreground().color();
    QApplication::setPalette(darkPalette());
    // The application posts ApplicationPaletteChange; the widget turns it into PaletteChange.
    QTRY_VERIFY(formatAt(first, 0).foreground().color() != light);
    const QColor dark = formatAt(first, 0).foreground().color();
    QVERIFY(dark.lightness() > light.lightness());
}

void TestSourceViewer::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("file");
    QTest::newRow("light") << false << QStringLiteral("/tmp/awb-source-viewer.png");
    QTest::newRow("dark") << true << QStringLiteral("/tmp/awb-source-viewer-dark.png");
}

void TestSourceViewer::screenshots()
{
    QFETCH(bool, dark);
    QFETCH(QString, file);
    if (dark)
        QApplication::setPalette(darkPalette());
    SourceViewer viewer;
    viewer.resize(900, 520);
    viewer.setMessageBytes(sampleMessage + QByteArray("\xff trailing byte, not UTF-8\r\n"));
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.findAction()->trigger();
    QTest::keyClicks(viewer.findBar()->searchField(), QStringLiteral("example.net"));
    QVERIFY(viewer.findBar()->matchCount() > 0);
    QVERIFY(viewer.grab().save(file));
}

QTEST_MAIN(TestSourceViewer)
#include "tst_source_viewer.moc"
