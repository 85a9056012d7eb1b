#include "mail/mail_message.h"
#include "mail/sha256.h"

#include <QFile>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Awb;

namespace {

QByteArray readData(const QString &relative)
{
    QFile file(QStringLiteral(AWB_TEST_DATA "/mail/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QByteArray wrapBase64(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray wrapped;
    wrapped.reserve(encoded.size() + encoded.size() / 76 + 2);
    for (qsizetype at = 0; at < encoded.size(); at += 76) {
        wrapped.append(encoded.constData() + at, std::min<qsizetype>(76, encoded.size() - at));
        wrapped.append('\n');
    }
    return wrapped;
}

// Deterministic bytes that do not compress or repeat in any way a decoder could exploit.
QByteArray pseudoRandomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    quint64 state = 0x9E3779B97F4A7C15ull;
    for (qsizetype i = 0; i < size; ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        data[i] = char(state >> 56);
    }
    return data;
}

QByteArray nestedMultipart(int levels)
{
    QByteArray inner = "Content-Type: text/plain\n\ninnermost\n";
    for (int level = levels - 1; level >= 0; --level) {
        const QByteArray boundary = "b" + QByteArray::number(level);
        inner = "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n--" + boundary +
                "\n" + inner + "\n--" + boundary + "--\n";
    }
    return "From: a@example.org\nSubject: deep\nMIME-Version: 1.0\n" + inner;
}

QByteArray nestedMessages(int levels)
{
    QByteArray inner = "Subject: innermost\n\ntext\n";
    for (int level = 0; level < levels; ++level)
        inner = "Subject: level\nContent-Type: message/rfc822\n\n" + inner;
    return "From: a@example.org\n" + inner;
}

const QByteArray s_mixed =
    "From: a@example.org\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"XX\"\n"
    "\n"
    "preamble\n"
    "--XX\n"
    "Content-Type: text/plain; charset=iso-8859-1\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "Caf=E9 cr=E8me\n"
    "--XX\n"
    "Content-Type: text/html; charset=utf-8\n"
    "\n"
    "<p>Caf\xc3\xa9</p>\n"
    "--XX\n"
    "Content-Type: application/pdf; name=\"ignored.pdf\"\n"
    "Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf\n"
    "Content-Transfer-Encoding: BASE64\n"
    "\n"
    "JVBERi0xLjQK\n"
    "--XX\n"
    "Content-Type: image/png; name=\"=?utf-8?Q?pixel_=E2=82=AC.png?=\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "iVBORw0KGgo=\n"
    "--XX\n"
    "Content-Type: text/plain\n"
    "Content-Disposition: attachment; filename=notes.txt\n"
    "\n"
    "second text\n"
    "--XX--\n";

} // namespace

class TestMailMime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realSampleTree_data();
    void realSampleTree();
    void leafSizeAndHashOfRealSample();
    void mixedParts();
    void textBodyCharsets_data();
    void textBodyCharsets();
    void headersOnlyMessage();
    void brokenMime_data();
    void brokenMime();
    void deepNesting_data();
    void deepNesting();
    void fiftyMegabyteAttachment();
    void concurrentParsing();
};

void TestMailMime::realSampleTree_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QList<int>>("depths");
    QTest::addColumn<QString>("textStart");

    QTest::newRow("RFC 5965 minimal")
        << "arf/rfc-examples/001.eml"
        << QStringList{"multipart/report", "text/plain", "message/feedback-report",
                       "message/rfc822", "text/plain"}
        << QList<int>{0, 1, 1, 1, 2} << "This is an email abuse report";
    QTest::newRow("OpenDMARC report")
        << "arf/rfc-examples/004.eml"
        << QStringList{"multipart/report", "text/plain", "message/feedback-report",
                       "text/rfc822-headers"}
        << QList<int>{0, 1, 1, 1} << "This is an authentication failure report";
    // The only text/plain is inside the forwarded message: it is not the report's own body.
    QTest::newRow("forward without own text")
        << "arf/sisimai/arf-22.eml"
        << QStringList{"multipart/mixed", "message/rfc822", "text/plain"} << QList<int>{0, 1, 2}
        << QString();
}

void TestMailMime::realSampleTree()
{
    QFETCH(QString, file);
    QFETCH(QStringList, types);
    QFETCH(QList<int>, depths);
    QFETCH(QString, textStart);

    const Result<MailMessage> parsed = MailMessage::parse(readData(file));
    QVERIFY(parsed.ok());
    const QList<MimePartInfo> parts = parsed->mimeParts();
    QStringList actualTypes;
    QList<int> actualDepths;
    for (const MimePartInfo &part : parts) {
        actualTypes.append(part.contentType);
        actualDepths.append(part.depth);
        const bool container = part.contentType.startsWith(QLatin1String("multipart/")) ||
                               part.contentType == QLatin1String("message/rfc822");
        QCOMPARE(part.isContainer, container);
        QCOMPARE(part.decodedSize < 0, container);
        QCOMPARE(part.sha256Hex.isEmpty(), container);
    }
    QCOMPARE(actualTypes, types);
    QCOMPARE(actualDepths, depths);
    QVERIFY(!parsed->mimeTreeTruncated());
    QVERIFY(parsed->attachments().isEmpty());
    if (textStart.isEmpty())
        QVERIFY(parsed->textBody().isEmpty());
    else
        QVERIFY2(parsed->textBody().startsWith(textStart), qPrintable(parsed->textBody()));
}

void TestMailMime::leafSizeAndHashOfRealSample()
{
    const QByteArray bytes = readData("arf/rfc-examples/001.eml");
    // The content of the first leaf, found independently: after its header block, up to the
    // line break that belongs to the next boundary line.
    const QByteArray marker = "Content-Transfer-Encoding: 7bit\n\n";
    const qsizetype begin = bytes.indexOf(marker) + marker.size();
    const qsizetype end = bytes.indexOf("\n--part1_13d.2e68ed54_boundary", begin);
    const QByteArray content = bytes.mid(begin, end - begin);

    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY(parsed.ok());
    const MimePartInfo leaf = parsed->mimeParts().at(1);
    QCOMPARE(leaf.charset, QStringLiteral("us-ascii"));
    QCOMPARE(leaf.transferEncoding, QStringLiteral("7bit"));
    QCOMPARE(leaf.decodedSize, content.size());
    QCOMPARE(leaf.sha256Hex, sha256Hex(content));
    QCOMPARE(parsed->textBody(), QString::fromLatin1(content));
    QCOMPARE(parsed->mimeParts().at(3).disposition, QStringLiteral("inline"));
}

void TestMailMime::mixedParts()
{
    const Result<MailMessage> parsed = MailMessage::parse(s_mixed);
    QVERIFY(parsed.ok());
    const QList<MimePartInfo> parts = parsed->mimeParts();
    QCOMPARE(parts.size(), 6);

    QCOMPARE(parts[1].transferEncoding, QStringLiteral("quoted-printable"));
    QCOMPARE(parts[1].decodedSize, qint64(10)); // "Caf\xe9 cr\xe8me"
    QCOMPARE(parts[1].sha256Hex, sha256Hex("Caf\xe9 cr\xe8me"));
    QCOMPARE(parsed->textBody(), QString::fromUtf8("Café crème"));
    QCOMPARE(parsed->htmlBody(), QString::fromUtf8("<p>Café</p>"));

    const MimePartInfo &pdf = parts[3];
    QCOMPARE(pdf.contentType, QStringLiteral("application/pdf"));
    QCOMPARE(pdf.transferEncoding, QStringLiteral("base64"));
    QCOMPARE(pdf.disposition, QStringLiteral("attachment"));
    QCOMPARE(pdf.filename, QString::fromUtf8("résumé.pdf"));
    QVERIFY(pdf.isAttachment);
    QCOMPARE(pdf.decodedSize, qint64(9));
    QCOMPARE(pdf.sha256Hex, sha256Hex("%PDF-1.4\n"));

    const MimePartInfo &png = parts[4];
    QVERIFY(png.disposition.isEmpty());
    QCOMPARE(png.filename, QString::fromUtf8("pixel €.png"));
    QVERIFY2(png.isAttachment, "a named non-text leaf is an attachment");
    QCOMPARE(png.sha256Hex, sha256Hex(QByteArray::fromBase64("iVBORw0KGgo=")));

    QVERIFY(parts[5].isAttachment);
    QCOMPARE(parts[5].filename, QStringLiteral("notes.txt"));
    QCOMPARE(parsed->attachments().size(), 3);
}

void TestMailMime::textBodyCharsets_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");

    QTest::newRow("quoted-printable iso-8859-1")
        << QByteArray("Content-Type: text/plain; charset=ISO-8859-1\n"
                      "Content-Transfer-Encoding: quoted-printable\n")
        << QByteArray("Caf=E9=\n au lait\n") << QString::fromUtf8("Café au lait\n");
    QTest::newRow("8bit koi8-r") << QByteArray("Content-Type: text/plain; charset=\"koi8-r\"\n")
                                 << QByteArray("\xf0\xd2\xc9\xd7\xc5\xd4\n")
                                 << QString::fromUtf8("Привет\n");
    QTest::newRow("base64 utf-8") << QByteArray("Content-Type: text/plain; charset=utf-8\n"
                                                "Content-Transfer-Encoding: base64\n")
                                  << QByteArray("R3LDvMOfZSBhdXMgS8O2bG4K\n")
                                  << QString::fromUtf8("Grüße aus Köln\n");
    QTest::newRow("shift_jis") << QByteArray("Content-Type: text/plain; charset=shift_jis\n")
                               << QByteArray("\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd")
                               << QString::fromUtf8("こんにちは");
    QTest::newRow("unknown charset, UTF-8 bytes")
        << QByteArray("Content-Type: text/plain; charset=x-no-such-charset\n")
        << QByteArray("Gr\xc3\xbc\xc3\x9f"
                      "e")
        << QString::fromUtf8("Grüße");
    QTest::newRow("no charset, windows-1252 bytes")
        << QByteArray() << QByteArray("\x93hi\x94 \x80") << QString::fromUtf8("“hi” €");
    QTest::newRow("declared utf-8, really latin-1")
        << QByteArray("Content-Type: text/plain; charset=utf-8\n") << QByteArray("Caf\xe9")
        << QString::fromUtf8("Café");
}

void TestMailMime::textBodyCharsets()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    const Result<MailMessage> parsed =
        MailMessage::parse("From: a@example.org\nMIME-Version: 1.0\n" + headers + "\n" + body);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->textBody(), text);
    QVERIFY(parsed->htmlBody().isEmpty());
}

void TestMailMime::headersOnlyMessage()
{
    const Result<MailMessage> parsed = MailMessage::parse("Subject: nothing else\n");
    QVERIFY(parsed.ok());
    const QList<MimePartInfo> parts = parsed->mimeParts();
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts[0].contentType, QStringLiteral("text/plain"));
    QCOMPARE(parts[0].decodedSize, qint64(0));
    QCOMPARE(parts[0].sha256Hex, sha256Hex(QByteArray()));
    QVERIFY(parsed->textBody().isEmpty());
}

void TestMailMime::brokenMime_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("multipart without boundary")
        << QByteArray("Content-Type: multipart/mixed\n\nno parts here\n");
    QTest::newRow("boundary never closed")
        << QByteArray("Content-Type: multipart/mixed; boundary=z\n\n--z\n\nfirst\n--z\n");
    QTest::newRow("invalid base64") << QByteArray("Content-Transfer-Encoding: base64\n\n!!!@@@\n");
    QTest::newRow("empty rfc822 part") << QByteArray("Content-Type: message/rfc822\n\n");
}

void TestMailMime::brokenMime()
{
    QFETCH(QByteArray, bytes);
    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY(parsed.ok());
    QVERIFY(!parsed->mimeParts().isEmpty());
    QVERIFY(!parsed->mimeTreeTruncated());
}

void TestMailMime::deepNesting_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<int>("partCount");

    QTest::newRow("multipart, 10 levels") << nestedMultipart(10) << false << 11;
    QTest::newRow("multipart, 100 levels")
        << nestedMultipart(100) << true << MailMessage::MaxMimeDepth + 1;
    QTest::newRow("message/rfc822, 100 levels")
        << nestedMessages(100) << true << MailMessage::MaxMimeDepth + 1;
    QTest::newRow("multipart, 5000 levels")
        << nestedMultipart(5000) << true << MailMessage::MaxMimeDepth + 1;
}

void TestMailMime::deepNesting()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, truncated);
    QFETCH(int, partCount);
    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY(parsed.ok());
    const QList<MimePartInfo> parts = parsed->mimeParts();
    QCOMPARE(parsed->mimeTreeTruncated(), truncated);
    QCOMPARE(parts.size(), partCount);
    for (qsizetype i = 0; i < parts.size(); ++i)
        QCOMPARE(parts[i].depth, int(i));
    QVERIFY(parts.last().depth <= MailMessage::MaxMimeDepth);
}

void TestMailMime::fiftyMegabyteAttachment()
{
    const QByteArray payload = pseudoRandomBytes(50 * 1024 * 1024);
    QByteArray bytes = "From: a@example.org\n"
                       "Content-Type: multipart/mixed; boundary=\"=_big\"\n"
                       "\n"
                       "--=_big\n"
                       "Content-Type: text/plain\n"
                       "\n"
                       "see attachment\n"
                       "--=_big\n"
                       "Content-Type: application/octet-stream\n"
                       "Content-Disposition: attachment; filename=\"big.bin\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "\n";
    bytes += wrapBase64(payload);
    bytes += "--=_big--\n";

    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->subject(), QString());
    const QList<MimePartInfo> attachments = parsed->attachments();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments[0].filename, QStringLiteral("big.bin"));
    QCOMPARE(attachments[0].decodedSize, payload.size());
    QCOMPARE(attachments[0].sha256Hex, sha256Hex(payload));
    QCOMPARE(parsed->textBody(), QStringLiteral("see attachment"));
}

// Distinct messages parsed on different threads at once must give what one thread gives.
void TestMailMime::concurrentParsing()
{
    const QList<QByteArray> inputs = {readData("arf/rfc-examples/001.eml"),
                                      readData("arf/rfc-examples/004.eml"),
                                      readData("arf/sisimai/arf-01.eml"),
                                      readData("arf/sisimai/arf-22.eml"),
                                      s_mixed,
                                      nestedMultipart(30),
                                      "Subject: =?koi8-r?B?8NLJ18XU?= Caf\xe9\n\nx\n"};
    const auto fingerprint = [](const QByteArray &bytes) {
        const Result<MailMessage> parsed = MailMessage::parse(bytes);
        QStringList parts{parsed->subject(), parsed->date().toString(Qt::ISODate),
                          parsed->textBody(), parsed->htmlBody()};
        for (const MimePartInfo &part : parsed->mimeParts())
            parts << part.contentType << QString::fromLatin1(part.sha256Hex) << part.filename;
        return parts.join(QLatin1Char('|'));
    };
    QStringList expected;
    for (const QByteArray &input : inputs)
        expected.append(fingerprint(input));

    std::atomic_int mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 40; ++round) {
                const int i = (round + t) % int(inputs.size());
                if (fingerprint(inputs[i]) != expected[i])
                    ++mismatches;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_GUILESS_MAIN(TestMailMime)
#include "tst_mail_mime.moc"
