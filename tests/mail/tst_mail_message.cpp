#include "mail/mail_message.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Awb;

namespace {

QByteArray readData(const QString &relative)
{
    QFile file(QStringLiteral(AWB_TEST_DATA "/mail/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

struct FieldRow
{
    QByteArray name;
    QByteArray rawValue;
    qsizetype offset;
};

} // namespace

Q_DECLARE_METATYPE(QList<FieldRow>)

class TestMailMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejectsWhatIsNotMail_data();
    void rejectsWhatIsNotMail();
    void headerBlock_data();
    void headerBlock();
    void rawFields_data();
    void rawFields();
    void decodeHeaderText_data();
    void decodeHeaderText();
    void date_data();
    void date();
    void messageId_data();
    void messageId();
    void realSamples_data();
    void realSamples();
    void foldedFieldRawAndDecoded();
    void duplicateFieldsKeepOrder();
    void megabyteHeaderLine();
};

void TestMailMessage::rejectsWhatIsNotMail_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("not an email message: it is empty");
    QTest::newRow("binary garbage")
        << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
        << QStringLiteral("not an email message: the first line is not a header field");
    QTest::newRow("prose") << QByteArray("Hello,\nthis is not a message.\n")
                           << QStringLiteral(
                                  "not an email message: the first line is not a header field");
    QTest::newRow("blank first line")
        << QByteArray("\nSubject: late\n")
        << QStringLiteral("not an email message: it has no header fields");
    QTest::newRow("folded first line") << QByteArray(" Subject: x\n")
                                       << QStringLiteral("not an email message: the first line "
                                                         "is not a header field");
    QTest::newRow("envelope line then prose")
        << QByteArray("From someone@example.org Mon Jan  1 00:00:00 2024\nHi there\n")
        << QStringLiteral("not an email message: the first line is not a header field");
    QTest::newRow("colon without name") << QByteArray(": value\n")
                                        << QStringLiteral("not an email message: the first line "
                                                          "is not a header field");
}

void TestMailMessage::rejectsWhatIsNotMail()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error(), reason);
}

void TestMailMessage::headerBlock_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("block");
    QTest::addColumn<bool>("separator");

    QTest::newRow("LF") << QByteArray("Subject: a\nTo: b\n\nbody\n")
                        << QByteArray("Subject: a\nTo: b\n") << true;
    QTest::newRow("CRLF") << QByteArray("Subject: a\r\nTo: b\r\n\r\nbody\r\n")
                          << QByteArray("Subject: a\r\nTo: b\r\n") << true;
    QTest::newRow("no separator") << QByteArray("Subject: a\nTo: b\n")
                                  << QByteArray("Subject: a\nTo: b\n") << false;
    QTest::newRow("no final line break")
        << QByteArray("Subject: a") << QByteArray("Subject: a") << false;
    QTest::newRow("empty body") << QByteArray("Subject: a\n\n") << QByteArray("Subject: a\n")
                                << true;
    QTest::newRow("envelope line skipped")
        << QByteArray("From a@example.org Mon Jan  1 00:00:00 2024\nSubject: a\n\nbody\n")
        << QByteArray("Subject: a\n") << true;
    QTest::newRow("quoted envelope line skipped")
        << QByteArray(">From a@example.org Mon Jan  1 00:00:00 2024\nSubject: a\n\nbody\n")
        << QByteArray("Subject: a\n") << true;
    QTest::newRow("malformed line stays in block")
        << QByteArray("Subject: a\nthis line is broken\nTo: b\n\nbody\n")
        << QByteArray("Subject: a\nthis line is broken\nTo: b\n") << true;
}

void TestMailMessage::headerBlock()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, block);
    QFETCH(bool, separator);
    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->bytes(), bytes);
    QCOMPARE(parsed->rawHeaderBlock(), block);
    QCOMPARE(parsed->hasHeaderBodySeparator(), separator);
}

void TestMailMessage::rawFields_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<FieldRow>>("fields");

    QTest::newRow("LF folded") << QByteArray("Subject: one\n two\n\tthree\nTo: x\n\nbody")
                               << QList<FieldRow>{{"Subject", " one\n two\n\tthree", 0},
                                                  {"To", " x", 25}};
    QTest::newRow("CRLF folded") << QByteArray("Subject: one\r\n two\r\nTo: x\r\n\r\n")
                                 << QList<FieldRow>{{"Subject", " one\r\n two", 0},
                                                    {"To", " x", 20}};
    QTest::newRow("case and blanks before colon")
        << QByteArray("sUbJeCt : hi\nX-Empty:\n")
        << QList<FieldRow>{{"sUbJeCt", " hi", 0}, {"X-Empty", "", 13}};
    QTest::newRow("offsets after envelope line")
        << QByteArray("From a@b Mon\nTo: x\nCc: y\n")
        << QList<FieldRow>{{"To", " x", 13}, {"Cc", " y", 19}};
    QTest::newRow("malformed line and its fold skipped")
        << QByteArray("To: x\nbroken line\n folded\nCc: y\n\n")
        << QList<FieldRow>{{"To", " x", 0}, {"Cc", " y", 26}};
    QTest::newRow("body not read as headers")
        << QByteArray("To: x\n\nSubject: in body\n") << QList<FieldRow>{{"To", " x", 0}};
    QTest::newRow("8-bit bytes kept")
        << QByteArray("Subject: Caf\xe9\n") << QList<FieldRow>{{"Subject", " Caf\xe9", 0}};
}

void TestMailMessage::rawFields()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<FieldRow>, fields);
    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    const QList<RawHeaderField> raw = parsed->rawHeaders();
    QCOMPARE(raw.size(), fields.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        QCOMPARE(raw[i].name, fields[i].name);
        QCOMPARE(raw[i].rawValue, fields[i].rawValue);
        QCOMPARE(raw[i].offset, fields[i].offset);
        QVERIFY(bytes.mid(raw[i].offset).startsWith(raw[i].name));
    }
}

void TestMailMessage::decodeHeaderText_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");

    QTest::newRow("plain ascii") << QByteArray(" Hello world ") << QStringLiteral("Hello world");
    QTest::newRow("empty") << QByteArray("") << QString();
    QTest::newRow("utf-8 base64") << QByteArray("=?utf-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=")
                                  << QString::fromUtf8("Grüße aus Köln");
    QTest::newRow("utf-8 q with underscores")
        << QByteArray("=?UTF-8?Q?caf=C3=A9_cr=C3=A8me?=") << QString::fromUtf8("café crème");
    QTest::newRow("iso-8859-1 base64")
        << QByteArray("=?iso-8859-1?B?ROlq4CB2dQ==?=") << QString::fromUtf8("Déjà vu");
    QTest::newRow("iso-8859-7") << QByteArray("=?iso-8859-7?B?xevr5+3p6tw=?=")
                                << QString::fromUtf8("Ελληνικά");
    QTest::newRow("koi8-r") << QByteArray("=?koi8-r?B?8NLJ18XU?=") << QString::fromUtf8("Привет");
    QTest::newRow("iso-2022-jp") << QByteArray("=?iso-2022-jp?B?GyRCRnxLXDhsJE43b0w+GyhC?=")
                                 << QString::fromUtf8("日本語の件名");
    QTest::newRow("gb2312") << QByteArray("=?gb2312?B?xOO6w8rAvec=?=")
                            << QString::fromUtf8("你好世界");
    QTest::newRow("shift_jis") << QByteArray("=?shift_jis?B?grGC8YLJgr+CzQ==?=")
                               << QString::fromUtf8("こんにちは");
    QTest::newRow("adjacent words joined")
        << QByteArray("=?utf-8?Q?Gr=C3=BC?=\r\n =?utf-8?Q?=C3=9Fe?=") << QString::fromUtf8("Grüße");
    QTest::newRow("text around a word")
        << QByteArray("Re: =?utf-8?Q?caf=C3=A9?= now") << QString::fromUtf8("Re: café now");
    QTest::newRow("raw utf-8") << QByteArray(" Gr\xc3\xbc\xc3\x9f"
                                             "e")
                               << QString::fromUtf8("Grüße");
    QTest::newRow("raw latin-1 read as windows-1252")
        << QByteArray(" Caf\xe9") << QString::fromUtf8("Café");
    QTest::newRow("raw windows-1252 quotes")
        << QByteArray("\x93quoted\x94 \x80 5") << QString::fromUtf8("“quoted” € 5");
    QTest::newRow("LF fold unfolded") << QByteArray(" one\n two") << QStringLiteral("one two");
    QTest::newRow("CRLF fold keeps the tab")
        << QByteArray(" one\r\n\ttwo") << QStringLiteral("one\ttwo");
}

void TestMailMessage::decodeHeaderText()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    QCOMPARE(Awb::decodeHeaderText(raw), text);
}

void TestMailMessage::date_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QDateTime>("utc");

    const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
    };
    QTest::newRow("numeric zone") << QByteArray("Date: Tue, 05 Oct 2021 17:37:02 +1300\n")
                                  << utc(2021, 10, 5, 4, 37, 2);
    QTest::newRow("obsolete zone EDT")
        << QByteArray("Date: Thu, 8 Mar 2005 17:40:36 EDT\n") << utc(2005, 3, 8, 21, 40, 36);
    QTest::newRow("zone comment and folding")
        << QByteArray("Date: Tue,  5 Oct 2021\r\n 17:37:02 -0400 (EDT)\r\n")
        << utc(2021, 10, 5, 21, 37, 2);
    QTest::newRow("no weekday, GMT")
        << QByteArray("Date: 29 Apr 2009 00:00:00 GMT\n") << utc(2009, 4, 29, 0, 0, 0);
    QTest::newRow("missing") << QByteArray("Subject: no date\n") << QDateTime();
    QTest::newRow("unreadable") << QByteArray("Date: sometime last week\n") << QDateTime();
}

void TestMailMessage::date()
{
    QFETCH(QByteArray, field);
    QFETCH(QDateTime, utc);
    const Result<MailMessage> parsed = MailMessage::parse(field + "\nbody\n");
    QVERIFY(parsed.ok());
    const QDateTime date = parsed->date();
    QCOMPARE(date.isValid(), utc.isValid());
    if (utc.isValid()) {
        QCOMPARE(date, utc);
        QCOMPARE(date.timeSpec(), Qt::UTC);
    }
}

void TestMailMessage::messageId_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("id");
    QTest::newRow("angle brackets")
        << QByteArray("Message-ID: <a.b@example.org>") << QStringLiteral("a.b@example.org");
    QTest::newRow("lower-case name, comment")
        << QByteArray("message-id: (x) <id@h> (y)") << QStringLiteral("id@h");
    QTest::newRow("no brackets") << QByteArray("Message-ID: 8787KJ.mail@example.net")
                                 << QStringLiteral("8787KJ.mail@example.net");
    QTest::newRow("absent") << QByteArray("Subject: x") << QString();
}

void TestMailMessage::messageId()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, id);
    const Result<MailMessage> parsed = MailMessage::parse(field + "\n\n");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->messageId(), id);
}

void TestMailMessage::realSamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("messageId");
    QTest::addColumn<QDateTime>("date");
    QTest::addColumn<int>("fieldCount");

    QTest::newRow("RFC 5965 minimal")
        << "arf/rfc-examples/001.eml"
        << "FW: Earn money"
        << "<abusedesk@example.com>" << QString()
        << QDateTime(QDate(2005, 3, 8), QTime(21, 40, 36), Qt::UTC) << 6;
    QTest::newRow("OpenDMARC report")
        << "arf/rfc-examples/004.eml"
        << "FW: Wir kaufen dein Auto!"
        << "OpenDMARC Filter <opendmarc@box.mydomain.name>"
        << "20211005043702.CF8FA658E0@box.mydomain.name"
        << QDateTime(QDate(2021, 10, 5), QTime(4, 37, 2), Qt::UTC) << 10;
    QTest::newRow("auth-failure report")
        << "arf/rfc-examples/005.eml"
        << "FW: You have a new bill from your bank"
        << "\"SomeISP Antispam Feedback\" <feedback@mail.receiver.example>"
        << "433689.81121.example@mta.mail.receiver.example"
        << QDateTime(QDate(2011, 10, 8), QTime(20, 15, 59), Qt::UTC) << 8;
    QTest::newRow("sisimai Yahoo FBL")
        << "arf/sisimai/arf-14.eml"
        << "Fw: Nyaan"
        << "complaints@email-abuse.amazonses.com"
        << "222222222222eeee-22222222-2222-2222-2222-2222222222222222222@email.amazonses.com"
        << QDateTime(QDate(2017, 4, 29), QTime(23, 34, 45), Qt::UTC) << 20;
}

void TestMailMessage::realSamples()
{
    QFETCH(QString, file);
    QFETCH(QString, subject);
    QFETCH(QString, from);
    QFETCH(QString, messageId);
    QFETCH(QDateTime, date);
    QFETCH(int, fieldCount);

    const QByteArray bytes = readData(file);
    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->subject(), subject);
    QCOMPARE(parsed->from(), from);
    QCOMPARE(parsed->messageId(), messageId);
    QCOMPARE(parsed->date(), date);
    QCOMPARE(parsed->rawHeaders().size(), fieldCount);
    QVERIFY(parsed->hasHeaderBodySeparator());
    QCOMPARE(parsed->bytes(), bytes);
}

void TestMailMessage::foldedFieldRawAndDecoded()
{
    const Result<MailMessage> parsed = MailMessage::parse(readData("arf/rfc-examples/004.eml"));
    QVERIFY(parsed.ok());
    const QList<QByteArray> raw = parsed->rawHeaderValues("dkim-signature");
    QCOMPARE(raw.size(), 1);
    QVERIFY(
        raw.first().startsWith(" v=1; a=rsa-sha256; c=relaxed/simple; d=box.mydomain.name;\n\ts="));
    QVERIFY(raw.first().endsWith("\n\t dlKrYiXsfd3BQ=="));
    const QString decoded = parsed->headerValue("DKIM-Signature");
    QVERIFY(!decoded.contains(QLatin1Char('\n')));
    QVERIFY(decoded.startsWith(QLatin1String("v=1; a=rsa-sha256; c=relaxed/simple; "
                                             "d=box.mydomain.name;\ts=mail;")));
    QCOMPARE(parsed->dateText(), QStringLiteral("Tue,  5 Oct 2021 17:37:02 +1300 (NZDT)"));
}

void TestMailMessage::duplicateFieldsKeepOrder()
{
    const Result<MailMessage> parsed = MailMessage::parse(readData("arf/sisimai/arf-22.eml"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->rawHeaderValues("Return-Path"),
             (QList<QByteArray>{" <neko@example.org>", " neko@example.org"}));
    QCOMPARE(parsed->headerValue("return-path"), QStringLiteral("<neko@example.org>"));
    QCOMPARE(parsed->headerValues("Received").size(), 3);
    QVERIFY(parsed->headerValues("Received").first().startsWith(QLatin1String("by 192.0.2.25")));
    QCOMPARE(parsed->subject(), QStringLiteral("complaint about message from 192.0.2.222"));

    const QList<RawHeaderField> fields = parsed->rawHeaders();
    for (qsizetype i = 1; i < fields.size(); ++i)
        QVERIFY(fields[i - 1].offset < fields[i].offset);
}

void TestMailMessage::megabyteHeaderLine()
{
    const QByteArray word("spam ");
    QByteArray subject;
    while (subject.size() < 1024 * 1024)
        subject.append(word);
    const QByteArray bytes = "From: a@example.org\nSubject: " + subject + "\nTo: b\n\nbody\n";

    QElapsedTimer timer;
    timer.start();
    const Result<MailMessage> parsed = MailMessage::parse(bytes);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->rawHeaders().size(), 3);
    QCOMPARE(parsed->rawHeaderValues("Subject").first().size(), subject.size() + 1);
    QCOMPARE(parsed->subject().size(), subject.trimmed().size());
    QCOMPARE(parsed->headerValue("To"), QStringLiteral("b"));
    QCOMPARE(parsed->textBody(), QStringLiteral("body\n"));
    QVERIFY2(timer.elapsed() < 5000, "a long header line must cost linear time");
}

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mail_message.moc"
