#include "overview/source_view_data.h"

#include "mail/mail_message.h"
#include "source/source_text_edit.h"
#include "source/source_viewer.h"

#include <QApplication>
#include <QHelpEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QTreeWidget>

using namespace Awb;

class TestSourceMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksCoverTheirCharacters_data();
    void marksCoverTheirCharacters();
    void marksFromFindings();
    void marksOutsideTheShownPart();
    void overlappingMarksAndTooltip();
    void marksAreDrawnOverTheirLineOnly();
    void selectBytesUsesTheSameMapping();
    void decodedHeaders();
    void newMessageDropsMarks();
    void screenshots();
};

namespace {

// CR LF line ends (QTextDocument keeps one separator for the pair) and 8-bit UTF-8 before the
// marked fields, so byte offsets and character positions differ.
const QByteArray sample("Received: from mx.example.org (mx.example.org [192.0.2.25])\r\n"
                        "\tby inbound.example.com (Postfix) with ESMTPS id 4QzX1\r\n"
                        "Subject: Gr\xc3\xbc\xc3\x9f"
                        "e \xf0\x9f\x93\xa6 =?utf-8?Q?Gro=C3=9Fe?=\r\n"
                        "From: \"Bank Support\" <no-reply@harbourbakery.example>\r\n"
                        "Reply-To: helpdesk@webmail-box.example\r\n"
                        "Date: Tue, 9 Dec 2025 16:14:55 +0000\r\n"
                        "Message-ID: <1234@harbourbakery.example>\r\n"
                        "\r\n"
                        "Verify your account now.\r\n");

// The bytes of a whole header field (name to line end, without the CR LF) and its text.
struct FieldBytes
{
    qsizetype offset;
    qsizetype length;
    QString text;
};

FieldBytes fieldBytes(const QByteArray &bytes, const QByteArray &name)
{
    const qsizetype offset = bytes.indexOf("\n" + name + ":") + 1;
    const qsizetype end = bytes.indexOf("\r\n", offset);
    return {offset, end - offset, QString::fromUtf8(bytes.mid(offset, end - offset))};
}

QString markedText(const SourceViewer &viewer, const SourceTextEdit::Mark &mark)
{
    return viewer.textEdit()->toPlainText().mid(mark.start, mark.end - mark.start);
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xed, 0xf3));
    palette.setColor(QPalette::Base, QColor(0x16, 0x1b, 0x22));
    palette.setColor(QPalette::AlternateBase, QColor(0x22, 0x27, 0x2e));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xed, 0xf3));
    palette.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x94, 0x9e));
    palette.setColor(QPalette::Button, QColor(0x2d, 0x33, 0x3b));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xed, 0xf3));
    palette.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

} // namespace

void TestSourceMarks::marksCoverTheirCharacters_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<int>("severity");
    QTest::newRow("subject, 8-bit and a 4-byte character in it") << QByteArray("Subject") << 2;
    QTest::newRow("from, after the 8-bit subject") << QByteArray("From") << 3;
    QTest::newRow("message-id, last field") << QByteArray("Message-ID") << 0;
}

void TestSourceMarks::marksCoverTheirCharacters()
{
    QFETCH(QByteArray, field);
    QFETCH(int, severity);
    SourceViewer viewer;
    viewer.setMessageBytes(sample);
    const FieldBytes bytes = fieldBytes(sample, field);
    viewer.setFindingMarks({{bytes.offset, bytes.length, severity, QStringLiteral("A title")}});

    QCOMPARE(viewer.shownMarkCount(), 1);
    const SourceTextEdit::Mark mark = viewer.sourceEdit()->marks().first();
    QCOMPARE(markedText(viewer, mark), bytes.text);
    QCOMPARE(mark.severity, severity);
    // Inside the mark the tooltip names it; just outside it does not.
    QVERIFY(viewer.sourceEdit()->markToolTip(mark.start).contains(QLatin1String("A title")));
    QVERIFY(viewer.sourceEdit()->markToolTip(mark.end - 1).contains(QLatin1String("A title")));
    QVERIFY(viewer.sourceEdit()->markToolTip(mark.end).isEmpty());
    QVERIFY(viewer.sourceEdit()->markToolTip(mark.start - 1).isEmpty());
}

void TestSourceMarks::marksFromFindings()
{
    Finding located;
    located.check = QStringLiteral("reply-to.divergent");
    located.severity = Severity::Medium;
    located.title = QStringLiteral("Reply-To on an unrelated domain");
    const FieldBytes replyTo = fieldBytes(sample, "Reply-To");
    located.location = {replyTo.offset, replyTo.length};
    Finding unlocated = located;
    unlocated.location = {};
    const QList<SourceMark> marks = sourceMarksFromFindings({located, unlocated});
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().severity, int(Severity::Medium));
    QCOMPARE(marks.first().title, located.title);

    SourceViewer viewer;
    viewer.setMessageBytes(sample);
    viewer.setFindingMarks(marks);
    QCOMPARE(markedText(viewer, viewer.sourceEdit()->marks().first()), replyTo.text);
}

void TestSourceMarks::marksOutsideTheShownPart()
{
    QByteArray large = sample;
    for (int i = 0; i < 200; ++i)
        large += "Body line " + QByteArray::number(i) + " of a large message.\r\n";
    SourceViewer viewer;
    viewer.setDisplayLimit(sample.size() + 100);
    viewer.setMessageBytes(large);
    QVERIFY(!viewer.notice().isEmpty());
    const qsizetype late = large.indexOf("Body line 150");
    const qsizetype straddling = large.indexOf("Body line 2 ");
    viewer.setFindingMarks({{late, 20, 4, QStringLiteral("past the shown part")},
                            {straddling, 2000, 3, QStringLiteral("runs past it")},
                            {-1, 10, 3, QStringLiteral("not located")},
                            {0, 0, 3, QStringLiteral("empty")}});
    QCOMPARE(viewer.shownMarkCount(), 1);
    const SourceTextEdit::Mark mark = viewer.sourceEdit()->marks().first();
    QCOMPARE(mark.title, QStringLiteral("runs past it"));
    QCOMPARE(mark.end, viewer.textEdit()->document()->characterCount() - 1);
    QVERIFY(markedText(viewer, mark).startsWith(QLatin1String("Body line 2 of")));
}

void TestSourceMarks::overlappingMarksAndTooltip()
{
    SourceViewer viewer;
    viewer.resize(800, 400);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.setMessageBytes(sample);
    const FieldBytes from = fieldBytes(sample, "From");
    viewer.setFindingMarks({{from.offset, from.length, 1, QStringLiteral("Sender inaccurate")},
                            {from.offset + 6, 14, 4, QStringLiteral("Display name spoof")}});
    SourceTextEdit *edit = viewer.sourceEdit();
    const int quote = viewer.textEdit()->toPlainText().indexOf(QLatin1String("\"Bank"));
    QCOMPARE(edit->markToolTip(quote),
             QStringLiteral("Critical: Display name spoof\nLow: Sender inaccurate"));
    QCOMPARE(edit->markToolTip(quote - 2), QStringLiteral("Low: Sender inaccurate"));

    // Hovering the character shows the same text in a tooltip.
    QTextCursor cursor(edit->document());
    cursor.setPosition(quote);
    const QPoint inside = edit->cursorRect(cursor).center() + QPoint(2, 0);
    QCOMPARE(edit->characterAt(inside), quote);
    QHelpEvent help(QEvent::ToolTip, inside, edit->viewport()->mapToGlobal(inside));
    QApplication::sendEvent(edit->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QTextDocumentFragment::fromHtml(QToolTip::text()).toPlainText(),
             edit->markToolTip(quote));

    // Past the end of a line there is no character and so no tooltip.
    cursor.movePosition(QTextCursor::EndOfBlock);
    const QPoint past = edit->cursorRect(cursor).center() + QPoint(200, 0);
    QCOMPARE(edit->characterAt(past), -1);

    // The margin's tooltip lists every mark on the line.
    QCOMPARE(edit->lineMarkToolTip(cursor.blockNumber()), edit->markToolTip(quote));
}

void TestSourceMarks::marksAreDrawnOverTheirLineOnly()
{
    SourceViewer viewer;
    viewer.resize(900, 400);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.setMessageBytes(sample);
    // A mark changes the margin's width; an invisible one keeps it constant for the comparison.
    viewer.setFindingMarks({{sample.size() - 3, 1, 0, QStringLiteral("anchor")}});
    SourceTextEdit *edit = viewer.sourceEdit();
    const QImage before = edit->viewport()->grab().toImage();
    const FieldBytes replyTo = fieldBytes(sample, "Reply-To");
    viewer.setFindingMarks({{sample.size() - 3, 1, 0, QStringLiteral("anchor")},
                            {replyTo.offset, replyTo.length, 3, QStringLiteral("Divergent")}});
    const QImage after = edit->viewport()->grab().toImage();
    QCOMPARE(after.size(), before.size());

    QTextCursor cursor(edit->document());
    cursor.setPosition(viewer.textEdit()->toPlainText().indexOf(QLatin1String("Reply-To")));
    const QRect line = edit->cursorRect(cursor);
    cursor.movePosition(QTextCursor::EndOfBlock);
    const int right = edit->cursorRect(cursor).right();
    const qreal ratio = after.devicePixelRatio();
    int changed = 0;
    const QColor expected = edit->markColor(3);
    bool sawMarkColour = false;
    for (int y = 0; y < after.height(); ++y) {
        for (int x = 0; x < after.width(); ++x) {
            if (before.pixel(x, y) == after.pixel(x, y))
                continue;
            ++changed;
            const QPoint p(qRound(x / ratio), qRound(y / ratio));
            QVERIFY2(p.y() >= line.top() - 1 && p.y() <= line.bottom() + 3 &&
                         p.x() >= line.left() - 2 && p.x() <= right + 2,
                     qPrintable(QStringLiteral("pixel changed outside the marked line at %1,%2")
                                    .arg(p.x())
                                    .arg(p.y())));
            const QColor c = after.pixelColor(x, y);
            if (qAbs(c.red() - expected.red()) + qAbs(c.green() - expected.green()) +
                    qAbs(c.blue() - expected.blue()) <
                40)
                sawMarkColour = true;
        }
    }
    QVERIFY(changed > 50);
    QVERIFY(sawMarkColour);
}

void TestSourceMarks::selectBytesUsesTheSameMapping()
{
    SourceViewer viewer;
    viewer.setMessageBytes(sample);
    const FieldBytes from = fieldBytes(sample, "From");
    viewer.selectBytes(from.offset, from.length);
    QCOMPARE(viewer.textEdit()->textCursor().selectedText(), from.text);
}

void TestSourceMarks::decodedHeaders()
{
    auto message = MailMessage::parse(sample);
    QVERIFY(message);
    SourceViewer viewer;
    viewer.setMessageBytes(sample);
    viewer.setDecodedHeaders(decodedHeaderFields(*message));
    QTreeWidget *tree = viewer.decodedHeadersView();
    QCOMPARE(tree->topLevelItemCount(), int(message->rawHeaders().size()));
    QVERIFY(!viewer.isShowingDecodedHeaders());
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QVERIFY(!tree->isVisible());
    viewer.decodedHeadersAction()->trigger();
    QVERIFY(tree->isVisible());
    viewer.showDecodedHeaders(false);
    QVERIFY(!tree->isVisible());

    QTreeWidgetItem *subject =
        tree->findItems(QStringLiteral("Subject"), Qt::MatchExactly).value(0);
    QVERIFY(subject);
    QCOMPARE(subject->text(1), QStringLiteral("Gr\u00FC\u00DFe \U0001F4E6 Gro\u00DFe"));
    QVERIFY(subject->text(2).contains(QLatin1String("=?utf-8?Q?Gro=C3=9Fe?=")));
    // Unchanged by decoding: nothing in the "as written" column.
    QTreeWidgetItem *date = tree->findItems(QStringLiteral("Date"), Qt::MatchExactly).value(0);
    QVERIFY(date && date->text(2).isEmpty());

    // Choosing a decoded field selects the raw field beside it.
    tree->setCurrentItem(subject);
    QCOMPARE(viewer.textEdit()->textCursor().selectedText(), fieldBytes(sample, "Subject").text);
}

void TestSourceMarks::newMessageDropsMarks()
{
    SourceViewer viewer;
    viewer.setMessageBytes(sample);
    auto message = MailMessage::parse(sample);
    QVERIFY(message);
    viewer.setDecodedHeaders(decodedHeaderFields(*message));
    viewer.setFindingMarks({{0, 10, 2, QStringLiteral("x")}});
    QCOMPARE(viewer.shownMarkCount(), 1);
    viewer.setMessageBytes("Subject: other\r\n\r\nbody\r\n");
    QCOMPARE(viewer.shownMarkCount(), 0);
    QCOMPARE(viewer.decodedHeadersView()->topLevelItemCount(), 0);
    viewer.setFindingMarks({{0, 10, 2, QStringLiteral("x")}});
    viewer.clear();
    QCOMPARE(viewer.shownMarkCount(), 0);
}

void TestSourceMarks::screenshots()
{
    auto message = MailMessage::parse(sample);
    QVERIFY(message);
    const QList<SourceMark> marks{
        {fieldBytes(sample, "Received").offset, 60, 0, QStringLiteral("Info on the hop")},
        {fieldBytes(sample, "Subject").offset, fieldBytes(sample, "Subject").length, 1,
         QStringLiteral("Encoded-word subject")},
        {fieldBytes(sample, "From").offset, fieldBytes(sample, "From").length, 3,
         QStringLiteral("Display name spoof")},
        {fieldBytes(sample, "Reply-To").offset, fieldBytes(sample, "Reply-To").length, 2,
         QStringLiteral("Reply-To divergent")},
        {fieldBytes(sample, "Message-ID").offset, fieldBytes(sample, "Message-ID").length, 4,
         QStringLiteral("Message-ID forged")}};
    for (const bool dark : {false, true}) {
        SourceViewer viewer;
        if (dark)
            viewer.setPalette(darkPalette());
        viewer.resize(1100, 300);
        viewer.setMessageBytes(sample);
        viewer.setDecodedHeaders(decodedHeaderFields(*message));
        viewer.showDecodedHeaders(true);
        viewer.setFindingMarks(marks);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        const QString path = dark ? QStringLiteral("/tmp/awb-source-marks-dark.png")
                                  : QStringLiteral("/tmp/awb-source-marks.png");
        QVERIFY(viewer.grab().save(path));
    }
}

QTEST_MAIN(TestSourceMarks)
#include "tst_source_marks.moc"
