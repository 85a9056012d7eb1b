#include "message_source_text.h"
#include "message_source_tokenizer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Awb;

namespace {

const char *kindName(SourceTokenKind kind)
{
    switch (kind) {
    case SourceTokenKind::HeaderName:
        return "Name";
    case SourceTokenKind::HeaderValue:
        return "Value";
    case SourceTokenKind::Address:
        return "Address";
    case SourceTokenKind::IpAddress:
        return "Ip";
    case SourceTokenKind::Date:
        return "Date";
    case SourceTokenKind::EncodedWord:
        return "Encoded";
    case SourceTokenKind::MessageId:
        return "MsgId";
    case SourceTokenKind::Separator:
        return "Separator";
    case SourceTokenKind::Boundary:
        return "Boundary";
    case SourceTokenKind::BodyText:
        return "Body";
    }
    return "?";
}

// "Name{Subject:}Value{ Hello}": readable in a failure message, exact about every boundary.
QString render(QStringView line, const QList<SourceToken> &tokens)
{
    QString out;
    for (const SourceToken &token : tokens) {
        out += QLatin1String(kindName(token.kind)) + u'{';
        out += line.mid(token.start, token.length);
        out += u'}';
    }
    return out.replace(u'\r', QLatin1String("\\r"));
}

// Tokenizes lines in order; returns the rendering of the last one.
QString renderLast(const QStringList &lines, SourceLineState *finalState = nullptr)
{
    SourceLineState state;
    QString last;
    for (const QString &line : lines)
        last = render(line, MessageSourceTokenizer::tokenize(line, state));
    if (finalState)
        *finalState = state;
    return last;
}

const QString arfPrefix = QStringLiteral(
    "Content-Type: multipart/report; report-type=feedback-report; boundary=\"arf_1\"\n"
    "\n"
    "--arf_1\n");

QStringList lines(const QString &text)
{
    return text.split(u'\n');
}

} // namespace

class TestMessageSourceTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenize_data();
    void tokenize();
    void headerLinesAreCoveredWithoutGaps();
    void closingBoundaryEndsItsParts();
    void boundariesAreCapped();
    void fingerprintFollowsState();
    void megabyteHeaderLineStaysLinear();
    void decodeForDisplay_data();
    void decodeForDisplay();
};

void TestMessageSourceTokenizer::tokenize_data()
{
    QTest::addColumn<QString>("source"); // lines separated by \n; the last one is checked
    QTest::addColumn<QString>("expected");

    QTest::newRow("header name and value") << "Subject: Hello"
                                           << "Name{Subject:}Value{ Hello}";
    QTest::newRow("space before colon") << "Subject : x"
                                        << "Name{Subject :}Value{ x}";
    QTest::newRow("folded continuation") << "Received: from a\n\tby b.example"
                                         << "Value{\tby b.example}";
    QTest::newRow("angle address") << "From: Alice <alice@example.org>"
                                   << "Name{From:}Value{ Alice }Address{<alice@example.org>}";
    QTest::newRow("bare address") << "Delivered-To: bob@example.net"
                                  << "Name{Delivered-To:}Value{ }Address{bob@example.net}";
    QTest::newRow("ipv4 in received")
        << "Received: from mx.example.org (mx.example.org [192.0.2.25])"
        << "Name{Received:}Value{ from mx.example.org (mx.example.org [}Ip{192.0.2.25}Value{])}";
    QTest::newRow("ipv6 literal in received")
        << "Received: from [IPv6:2001:db8::25] by mx"
        << "Name{Received:}Value{ from }Ip{[IPv6:2001:db8::25]}Value{ by mx}";
    QTest::newRow("bare ipv6 in received")
        << "Received: from mail (2001:db8:1::5) by mx"
        << "Name{Received:}Value{ from mail (}Ip{2001:db8:1::5}Value{) by mx}";
    QTest::newRow("full ipv6 with embedded ipv4")
        << "X-Peer: 0:0:0:0:0:ffff:192.0.2.1."
        << "Name{X-Peer:}Value{ }Ip{0:0:0:0:0:ffff:192.0.2.1}Value{.}";
    QTest::newRow("time is not ipv6") << "X-Time: 10:00:00"
                                      << "Name{X-Time:}Value{ 10:00:00}";
    QTest::newRow("version is not ipv4") << "X-Mailer: v1.2.3.4.5 or 1.2.3.456"
                                         << "Name{X-Mailer:}Value{ v1.2.3.4.5 or 1.2.3.456}";
    QTest::newRow("date after semicolon in received continuation")
        << "Received: from a by b.example;\n\tMon, 1 Jan 2024 10:00:00 +0000 (UTC)"
        << "Value{\t}Date{Mon, 1 Jan 2024 10:00:00 +0000 (UTC)}";
    QTest::newRow("date header") << "Date: Tue, 9 Dec 2025 08:15:02 -0800"
                                 << "Name{Date:}Value{ }Date{Tue, 9 Dec 2025 08:15:02 -0800}";
    QTest::newRow("received with ip and date")
        << "Received: from [198.51.100.7] by mx; 9 Dec 2025 08:15 GMT"
        << "Name{Received:}Value{ from [}Ip{198.51.100.7}Value{] by mx; }Date{9 Dec 2025 08:15 "
           "GMT}";
    QTest::newRow("encoded word")
        << "Subject: =?UTF-8?B?SGVsbG8=?= world"
        << "Name{Subject:}Value{ }Encoded{=?UTF-8?B?SGVsbG8=?=}Value{ world}";
    QTest::newRow("message id") << "Message-ID: <abc.123@mx.example.org>"
                                << "Name{Message-ID:}Value{ }MsgId{<abc.123@mx.example.org>}";
    QTest::newRow("references continuation") << "References: <a@x>\n <b@y>"
                                             << "Value{ }MsgId{<b@y>}";
    QTest::newRow("separator") << "Subject: x\n"
                               << "Separator{}";
    QTest::newRow("separator with CRLF") << "Subject: x\r\n\r"
                                         << "Separator{\\r}";
    QTest::newRow("body text stays plain")
        << "Subject: x\n\nFrom: 192.0.2.1 on Mon, 1 Jan 2024 10:00:00 +0000 <a@b.example>"
        << "Body{From: 192.0.2.1 on Mon, 1 Jan 2024 10:00:00 +0000 <a@b.example>}";
    QTest::newRow("empty body line") << "Subject: x\n\nbody\n"
                                     << "";
    QTest::newRow("no separator") << "Subject: x\nThis line is no header"
                                  << "Body{This line is no header}";
    QTest::newRow("no separator, then header-like")
        << "Subject: x\nThis line is no header\nTo: y@example.org"
        << "Body{To: y@example.org}";
    QTest::newRow("mbox envelope line")
        << "From alice@example.org Mon Jan  1 10:00:00 2024"
        << "Value{From }Address{alice@example.org}Value{ Mon Jan  1 10:00:00 2024}";
    QTest::newRow("boundary line") << arfPrefix.chopped(1) << "Boundary{--arf_1}";
    QTest::newRow("boundary with padding") << arfPrefix + "x\n\n--arf_1  "
                                           << "Boundary{--arf_1  }";
    QTest::newRow("part headers after boundary") << arfPrefix + "Content-Type: text/plain"
                                                 << "Name{Content-Type:}Value{ text/plain}";
    QTest::newRow("part body stays plain")
        << arfPrefix + "Content-Type: text/plain\n\nSubject: spam"
        << "Body{Subject: spam}";
    QTest::newRow("undeclared dashes are body") << "Subject: x\n\n--------"
                                                << "Body{--------}";
    QTest::newRow("embedded message headers")
        << arfPrefix + "Content-Type: message/rfc822\n\nReceived: from x ([198.51.100.7])"
        << "Name{Received:}Value{ from x ([}Ip{198.51.100.7}Value{])}";
    QTest::newRow("rfc822-headers part")
        << arfPrefix +
               "Content-Type: text/rfc822-headers; charset=us-ascii\n\nFrom: <s@spam.example>"
        << "Name{From:}Value{ }Address{<s@spam.example>}";
    QTest::newRow("embedded message body stays plain")
        << arfPrefix + "Content-Type: message/rfc822\n\nSubject: x\n\nTo: y"
        << "Body{To: y}";
    QTest::newRow("folded boundary parameter")
        << "Content-Type: multipart/alternative;\n\tboundary=\"=_alt\"\n\n--=_alt"
        << "Boundary{--=_alt}";
    QTest::newRow("nested multipart boundary")
        << arfPrefix + "Content-Type: multipart/alternative; boundary=inner\n\n--inner\nX-A: 1"
        << "Name{X-A:}Value{ 1}";
    QTest::newRow("closing boundary") << arfPrefix + "X: 1\n\nbody\n--arf_1--"
                                      << "Boundary{--arf_1--}";
    QTest::newRow("epilogue stays plain") << arfPrefix + "X: 1\n\nbody\n--arf_1--\nX-B: 2"
                                          << "Body{X-B: 2}";
}

void TestMessageSourceTokenizer::tokenize()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(renderLast(lines(source)), expected);
}

void TestMessageSourceTokenizer::headerLinesAreCoveredWithoutGaps()
{
    const QString line = QStringLiteral(
        "Received: from a.example ([IPv6:2001:db8::1]) (x@y.example) by 192.0.2.1 with ESMTPS id "
        "=?us-ascii?Q?a?= for <rcpt@example.org>; Mon, 1 Jan 2024 10:00:00 +0000 :: ::1 1:2");
    SourceLineState state;
    const QList<SourceToken> tokens = MessageSourceTokenizer::tokenize(line, state);
    int position = 0;
    for (const SourceToken &token : tokens) {
        QCOMPARE(token.start, position);
        QVERIFY(token.length > 0);
        position += token.length;
    }
    QCOMPARE(position, line.size());
}

void TestMessageSourceTokenizer::closingBoundaryEndsItsParts()
{
    SourceLineState state;
    renderLast(lines(arfPrefix + "Content-Type: multipart/alternative; boundary=inner\n\n--inner\n"
                                 "X: 1\n\n--arf_1--"),
               &state);
    QVERIFY(state.boundaries.isEmpty());
    QCOMPARE(state.section, SourceLineState::Section::Body);

    renderLast(lines(arfPrefix + "Content-Type: multipart/alternative; boundary=inner\n\n--arf_1"),
               &state);
    QCOMPARE(state.boundaries, QStringList{QStringLiteral("arf_1")});
    QCOMPARE(state.section, SourceLineState::Section::Header);
}

void TestMessageSourceTokenizer::boundariesAreCapped()
{
    SourceLineState state;
    for (int i = 0; i < 100; ++i) {
        const QString line = QStringLiteral("Content-Type: multipart/mixed; boundary=b%1").arg(i);
        MessageSourceTokenizer::tokenize(line, state);
    }
    QCOMPARE(state.boundaries.size(), MessageSourceTokenizer::MaxBoundaries);
}

void TestMessageSourceTokenizer::fingerprintFollowsState()
{
    SourceLineState a;
    SourceLineState b;
    QCOMPARE(a.fingerprint(), b.fingerprint());
    QVERIFY(a.fingerprint() >= 0);
    b.boundaries.append(QStringLiteral("x"));
    QVERIFY(a.fingerprint() != b.fingerprint());
    b = a;
    b.section = SourceLineState::Section::Body;
    QVERIFY(a.fingerprint() != b.fingerprint());
}

void TestMessageSourceTokenizer::megabyteHeaderLineStaysLinear()
{
    // Long runs without the character a pattern needs are where a careless regex goes quadratic.
    const QStringList longLines{
        QStringLiteral("X-Long: ") + QString(1024 * 1024, u'a'),
        QStringLiteral("X-Long: ") + QStringLiteral("a@b.example <c@d> 192.0.2.1 ").repeated(30000),
        QStringLiteral("X-Long: ") + QString(1024 * 1024, u':'),
        QStringLiteral("X-Long: ") + QStringLiteral("1.").repeated(512 * 1024),
    };
    for (const QString &line : longLines) {
        QElapsedTimer timer;
        timer.start();
        SourceLineState state;
        const QList<SourceToken> tokens = MessageSourceTokenizer::tokenize(line, state);
        QVERIFY(!tokens.isEmpty());
        QCOMPARE(tokens.last().start + tokens.last().length, line.size());
        // Past the detailed start, the rest of the value is one token.
        QCOMPARE(tokens.last().kind, SourceTokenKind::HeaderValue);
        QVERIFY(tokens.last().start <= MessageSourceTokenizer::MaxDetailedLength);
        // Generous for a debug build on a busy machine; quadratic behaviour takes hours here.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }
}

void TestMessageSourceTokenizer::decodeForDisplay_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<qsizetype>("limit");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("latin1");

    QTest::newRow("utf-8") << QByteArray("Subject: gr\xc3\xbc\xc3\x9f") << qsizetype(100)
                           << QStringLiteral("Subject: grüß") << false;
    QTest::newRow("invalid utf-8 as latin-1") << QByteArray("Subject: gr\xfc\xdf") << qsizetype(100)
                                              << QStringLiteral("Subject: grüß") << true;
    QTest::newRow("cut at a line end") << QByteArray("A: 1\nB: 2\nC: 3\n") << qsizetype(12)
                                       << QStringLiteral("A: 1\nB: 2\n") << false;
    QTest::newRow("cut never splits a character")
        << QByteArray("\xc3\xbc\xc3\xbc\xc3\xbc") << qsizetype(3) << QStringLiteral("ü") << false;
}

void TestMessageSourceTokenizer::decodeForDisplay()
{
    QFETCH(QByteArray, raw);
    QFETCH(qsizetype, limit);
    QFETCH(QString, text);
    QFETCH(bool, latin1);
    const MessageSourceText shown = MessageSourceText::decode(raw, limit);
    QCOMPARE(shown.text, text);
    QCOMPARE(shown.shownAsLatin1, latin1);
    QCOMPARE(shown.totalBytes, raw.size());
    QCOMPARE(shown.truncated(), shown.shownBytes < raw.size());
}

QTEST_GUILESS_MAIN(TestMessageSourceTokenizer)
#include "tst_message_source_tokenizer.moc"
