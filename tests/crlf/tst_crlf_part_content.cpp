// MailMessage::locatedPartContent(): a part's content and, when it is a verbatim slice of the
// message, its place there. An embedded message/rfc822 is cut from the bytes (CRLF kept), not
// written back by GMime (which turned CRLF into LF); decoded content claims no place.
#include "crlf_test_support.h"

#include "mail/mail_message.h"

using namespace Awb;
using namespace AwbCrlfTest;

class TestCrlfPartContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realReportParts_data();
    void realReportParts();
    void encodedContentHasNoPlace();
    void envelopeLineCountsInOffsets();
    void nestedMessagesEndAtTheirOwnDelimiter();
    void delimiterLines_data();
    void delimiterLines();
    void unclosedAndTruncated_data();
    void unclosedAndTruncated();
    void emptyAndHeaderlessEmbeddedMessages();
};

namespace {

// The index of the first part of `type`, or -1.
qsizetype firstPartOf(const MailMessage &message, const QString &type)
{
    const QList<MimePartInfo> parts = message.mimeParts();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i).contentType == type)
            return i;
    }
    return -1;
}

// A forward (multipart/mixed) whose second part is `partHeaders` + blank line + `body`,
// followed by `after` (the closing delimiter unless a test leaves it out).
QByteArray forwardWith(const QByteArray &partHeaders, const QByteArray &body,
                       const QByteArray &after = "\n--BB--\n")
{
    return "From: Pat <pat@example.net>\n"
           "To: abuse@ix.cm\n"
           "Subject: Fwd: spam\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/mixed; boundary=\"BB\"\n"
           "\n"
           "--BB\n"
           "Content-Type: text/plain\n"
           "\n"
           "See the attached message.\n"
           "--BB\n" +
           partHeaders + "\n\n" + body + after;
}

const QByteArray spam("Received: from mx.spam.example (mx.spam.example [192.0.2.44])\n"
                      "\tby mx.example.net with ESMTP id 1; Mon, 2 Nov 2026 10:02:51 +0000\n"
                      "From: <spammer@spam.example>\n"
                      "Subject: Offer\n"
                      "Date: Mon, 2 Nov 2026 10:02:40 +0000\n"
                      "\n"
                      "Buy now.\n");

} // namespace

void TestCrlfPartContent::realReportParts_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("demo ARF") << QStringLiteral("demo/reports/01-arf-fbl-northwind.eml");
    QTest::newRow("demo JMRP (stored with CRLF)")
        << QStringLiteral("demo/reports/05-jmrp-northwind.eml");
    QTest::newRow("demo forward") << QStringLiteral("demo/reports/06-forward-harbour-phish.eml");
    QTest::newRow("RFC 5965 full example")
        << QStringLiteral("reports_feedback/rfc-examples/002.eml");
    QTest::newRow("sisimai headers only") << QStringLiteral("reports_feedback/sisimai/arf-12.eml");
}

// Every part of a real report, read from its LF and its CRLF form: the content is a slice of
// the bytes, and the CRLF form's content is the LF form's with CRLF line ends.
void TestCrlfPartContent::realReportParts()
{
    QFETCH(QString, file);
    const QByteArray lf = toLf(sample(file));
    const QByteArray crlf = toCrlf(lf);
    auto lfMessage = MailMessage::parse(lf);
    auto crlfMessage = MailMessage::parse(crlf);
    QVERIFY(lfMessage && crlfMessage);
    const QList<MimePartInfo> parts = lfMessage->mimeParts();
    QCOMPARE(crlfMessage->mimeParts().size(), parts.size());

    int embedded = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const MimePartInfo &part = parts.at(i);
        const LocatedContent fromLf = lfMessage->locatedPartContent(i);
        const LocatedContent fromCrlf = crlfMessage->locatedPartContent(i);
        QCOMPARE(lfMessage->partContent(i), fromLf.bytes);
        QCOMPARE(crlfMessage->partContent(i), fromCrlf.bytes);
        if (part.contentType.startsWith(QLatin1String("multipart/"))) {
            QVERIFY(fromLf.bytes.isEmpty() && !fromLf.isVerbatim());
            continue;
        }
        // Encoded content is decoded and has no place; everything else is where it stands.
        const bool encoded = part.transferEncoding == QLatin1String("base64") ||
                             part.transferEncoding == QLatin1String("quoted-printable");
        QCOMPARE(fromLf.isVerbatim(), !encoded);
        QCOMPARE(fromCrlf.isVerbatim(), !encoded);
        if (encoded) {
            QCOMPARE(toLf(fromCrlf.bytes), fromLf.bytes);
            continue;
        }
        QCOMPARE(lf.mid(fromLf.offset, fromLf.bytes.size()), fromLf.bytes);
        QCOMPARE(crlf.mid(fromCrlf.offset, fromCrlf.bytes.size()), fromCrlf.bytes);
        QCOMPARE(fromCrlf.bytes, toCrlf(fromLf.bytes));
        QVERIFY(!hasBareLf(fromCrlf.bytes));
        if (part.contentType == QLatin1String("message/rfc822")) {
            ++embedded;
            QVERIFY(MailMessage::parse(fromCrlf.bytes).ok());
            // It ends where the delimiter's line break begins.
            const QByteArray after = crlf.mid(fromCrlf.offset + fromCrlf.bytes.size(), 4);
            QVERIFY2(after.isEmpty() || after.startsWith("\r\n--"), after.constData());
        }
    }
    if (!file.contains(QLatin1String("arf-12")))
        QCOMPARE(embedded, 1);
}

void TestCrlfPartContent::encodedContentHasNoPlace()
{
    const QByteArray bytes =
        toCrlf(forwardWith("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64",
                           toCrlf(spam).toBase64(QByteArray::Base64Encoding),
                           "\n--BB\n"
                           "Content-Type: text/rfc822-headers\n"
                           "Content-Transfer-Encoding: quoted-printable\n"
                           "\n"
                           "Subject: Caf=C3=A9 =\n"
                           "offer\n"
                           "--BB--\n"));
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const qsizetype attached = firstPartOf(*message, QStringLiteral("message/rfc822"));
    const qsizetype headers = firstPartOf(*message, QStringLiteral("text/rfc822-headers"));
    QVERIFY(attached > 0 && headers > attached);

    // An illegal but common base64 message/rfc822: decoded, as before, and with no place.
    const LocatedContent decoded = message->locatedPartContent(attached);
    QCOMPARE(decoded.bytes, toCrlf(spam));
    QVERIFY(!decoded.isVerbatim());
    const LocatedContent qp = message->locatedPartContent(headers);
    QCOMPARE(qp.bytes, QByteArray("Subject: Caf\xC3\xA9 offer"));
    QVERIFY(!qp.isVerbatim());
    // The text part beside them is 7bit and keeps its place.
    const LocatedContent text = message->locatedPartContent(1);
    QCOMPARE(text.bytes, QByteArray("See the attached message."));
    QCOMPARE(bytes.mid(text.offset, text.bytes.size()), text.bytes);
}

void TestCrlfPartContent::envelopeLineCountsInOffsets()
{
    const QByteArray report = toCrlf(forwardWith("Content-Type: message/rfc822", spam));
    const QByteArray bytes = "From pat@example.net Mon Nov  2 10:05:00 2026\r\n" + report;
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const LocatedContent content =
        message->locatedPartContent(firstPartOf(*message, QStringLiteral("message/rfc822")));
    QCOMPARE(content.bytes, toCrlf(spam));
    QCOMPARE(content.offset, bytes.indexOf("Received: from mx.spam.example"));
}

void TestCrlfPartContent::nestedMessagesEndAtTheirOwnDelimiter()
{
    // A forward of an ARF report: the outer message/rfc822 ends at the forward's delimiter, the
    // inner one (inside the report) at the report's.
    const QByteArray arf = "From: FBL <fbl@example.net>\n"
                           "Subject: FW: Offer\n"
                           "MIME-Version: 1.0\n"
                           "Content-Type: multipart/report; report-type=feedback-report;\n"
                           " boundary=\"IN\"\n"
                           "\n"
                           "--IN\n"
                           "Content-Type: message/feedback-report\n"
                           "\n"
                           "Feedback-Type: abuse\n"
                           "\n"
                           "--IN\n"
                           "Content-Type: message/rfc822\n"
                           "\n" +
                           spam + "\n--IN--\n";
    const QByteArray bytes = toCrlf(forwardWith("Content-Type: message/rfc822", arf));
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const qsizetype outer = firstPartOf(*message, QStringLiteral("message/rfc822"));
    qsizetype inner = -1;
    const QList<MimePartInfo> parts = message->mimeParts();
    for (qsizetype i = outer + 1; i < parts.size() && inner < 0; ++i) {
        if (parts.at(i).contentType == QLatin1String("message/rfc822"))
            inner = i;
    }
    QVERIFY(outer > 0 && inner > outer);
    const LocatedContent outerContent = message->locatedPartContent(outer);
    const LocatedContent innerContent = message->locatedPartContent(inner);
    QCOMPARE(outerContent.bytes, toCrlf(arf));
    QCOMPARE(innerContent.bytes, toCrlf(spam));
    QCOMPARE(innerContent.offset, bytes.indexOf("Received: from mx.spam.example"));
}

void TestCrlfPartContent::delimiterLines_data()
{
    // What follows the spam in the part, and what follows the part.
    QTest::addColumn<QByteArray>("more");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("closing delimiter") << QByteArray() << QByteArray("\n--BB--\n");
    QTest::newRow("delimiter with trailing blanks")
        << QByteArray() << QByteArray("\n--BB \t\nContent-Type: text/plain\n\nnote\n--BB--\n");
    // "--BBX" is a longer boundary, not ours: it is part of the message.
    QTest::newRow("longer boundary is content")
        << QByteArray("--BBX\nmore") << QByteArray("\n--BB--\n");
    QTest::newRow("boundary text inside a line is content")
        << QByteArray("see --BB") << QByteArray("\n--BB--\n");
}

void TestCrlfPartContent::delimiterLines()
{
    QFETCH(QByteArray, more);
    QFETCH(QByteArray, after);
    for (const bool crlf : {false, true}) {
        QByteArray bytes = forwardWith("Content-Type: message/rfc822", spam + more, after);
        if (crlf)
            bytes = toCrlf(bytes);
        auto message = MailMessage::parse(bytes);
        QVERIFY(message);
        const LocatedContent content =
            message->locatedPartContent(firstPartOf(*message, QStringLiteral("message/rfc822")));
        QCOMPARE(content.bytes, crlf ? toCrlf(spam + more) : spam + more);
        QCOMPARE(bytes.mid(content.offset, content.bytes.size()), content.bytes);
    }
}

void TestCrlfPartContent::unclosedAndTruncated_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray closed = toCrlf(forwardWith("Content-Type: message/rfc822", spam));
    const QByteArray unclosed = closed.left(closed.indexOf("\r\n--BB--"));
    QTest::newRow("closing delimiter missing") << unclosed << toCrlf(spam);
    const qsizetype cut = unclosed.indexOf("From: <spammer");
    QTest::newRow("cut inside the headers")
        << unclosed.left(cut + 8) << toCrlf(spam).left(toCrlf(spam).indexOf("From: <spammer") + 8);
    QTest::newRow("cut inside a line end")
        << unclosed.left(unclosed.indexOf("\r\n", cut) + 1)
        << toCrlf(spam).left(toCrlf(spam).indexOf("\r\n", toCrlf(spam).indexOf("From: <")) + 1);
}

// A report cut off in transit still gives what it has, with its place.
void TestCrlfPartContent::unclosedAndTruncated()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, expected);
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const LocatedContent content =
        message->locatedPartContent(firstPartOf(*message, QStringLiteral("message/rfc822")));
    QCOMPARE(content.bytes, expected);
    QVERIFY(content.isVerbatim());
    QCOMPARE(content.offset + content.bytes.size(), bytes.size());
}

void TestCrlfPartContent::emptyAndHeaderlessEmbeddedMessages()
{
    // Nothing between the part's headers and the closing delimiter.
    const QByteArray empty = toCrlf(forwardWith("Content-Type: message/rfc822", "", "--BB--\n"));
    auto message = MailMessage::parse(empty);
    QVERIFY(message);
    const qsizetype index = firstPartOf(*message, QStringLiteral("message/rfc822"));
    QVERIFY(index > 0);
    const LocatedContent none = message->locatedPartContent(index);
    QVERIFY(none.bytes.trimmed().isEmpty());

    // A body that starts with a blank line has no header field to start from: GMime's reading
    // of it is returned, and claims no place.
    const QByteArray headerless =
        toCrlf(forwardWith("Content-Type: message/rfc822", "\nBuy now.\n"));
    auto odd = MailMessage::parse(headerless);
    QVERIFY(odd);
    const LocatedContent rewritten =
        odd->locatedPartContent(firstPartOf(*odd, QStringLiteral("message/rfc822")));
    QVERIFY(!rewritten.isVerbatim());

    // Past the end and negative indexes.
    QVERIFY(message->locatedPartContent(message->mimeParts().size()).bytes.isEmpty());
    QVERIFY(!message->locatedPartContent(-1).isVerbatim());
}

QTEST_GUILESS_MAIN(TestCrlfPartContent)
#include "tst_crlf_part_content.moc"
