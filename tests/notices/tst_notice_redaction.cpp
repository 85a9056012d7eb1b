// Reporter redaction (models/notices/redaction.h) on the demo reports and the third-party ARF
// and X-ARF samples: coverage of every recipient field, stability of the tokens, links.
#include "notice_fixtures.h"

#include "mail/mail_message.h"
#include "notices/redaction.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace Awb;

namespace {

const QByteArray kKey = QByteArrayLiteral("awb-test-redaction-key-2026");
const QString kSamples = QStringLiteral("/work/shared/samples");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The header blocks of a message and of every message embedded in it, as text.
QStringList headerBlocks(const QByteArray &bytes)
{
    QStringList blocks;
    auto message = MailMessage::parse(bytes);
    if (!message)
        return blocks;
    blocks.append(QString::fromUtf8(message->rawHeaderBlock()));
    const QList<MimePartInfo> parts = message->mimeParts();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i).contentType == u"message/rfc822" ||
            parts.at(i).contentType == u"text/rfc822-headers") {
            auto inner = MailMessage::parse(message->partContent(i));
            if (inner)
                blocks.append(QString::fromUtf8(inner->rawHeaderBlock()));
        }
    }
    return blocks;
}

bool isRecipientField(const QString &name)
{
    static const QStringList names = {"to",
                                      "cc",
                                      "bcc",
                                      "delivered-to",
                                      "x-original-to",
                                      "envelope-to",
                                      "original-rcpt-to",
                                      "original-recipient",
                                      "final-recipient",
                                      "removal-recipient",
                                      "x-hmxmroriginalrecipient"};
    return names.contains(name.toLower());
}

// Every addr-spec in the recipient fields and in "for <...>" of a header block.
QStringList recipientAddresses(const QString &block)
{
    static const QRegularExpression address(QStringLiteral("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+"));
    static const QRegularExpression forClause(QStringLiteral("\\bfor\\s+<?([^\\s<>;]+@[^\\s<>;]+)"),
                                              QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    auto message = MailMessage::parse(block.toUtf8() + "\n\n");
    if (!message)
        return found;
    for (const RawHeaderField &field : message->rawHeaders()) {
        const QString name = QString::fromLatin1(field.name);
        const QString value = QString::fromUtf8(field.rawValue);
        if (isRecipientField(name)) {
            for (auto it = address.globalMatch(value); it.hasNext();)
                found.append(it.next().captured(0));
        } else if (name.compare(u"Received", Qt::CaseInsensitive) == 0) {
            for (auto it = forClause.globalMatch(value); it.hasNext();)
                found.append(it.next().captured(1));
        }
    }
    return found;
}

QStringList spellings(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QStringList forms = {value, QString::fromLatin1(QUrl::toPercentEncoding(value)),
                         QString::fromLatin1(utf8.toBase64()),
                         QString::fromLatin1(utf8.toBase64(QByteArray::Base64UrlEncoding |
                                                           QByteArray::OmitTrailingEquals))};
    if (value.contains(u'@'))
        forms.append(QString(value).replace(u'@', u'='));
    return forms;
}

// An occurrence of `form` that is not part of a longer address ("xxx@example.com" is not in
// "xxx+bnxxx@example.com", a different mailbox).
bool containsWhole(const QString &text, const QString &form)
{
    const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9._%+-])%1(?![A-Za-z0-9-])")
                                    .arg(QRegularExpression::escape(form)),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

} // namespace

class TestNoticeRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens()
    {
        const Redactor r(kKey);
        static const QRegularExpression shape(QStringLiteral("^redacted-[0-9a-f]{16}$"));
        const QString t = r.token(QStringLiteral("Jordan Vale"));
        QVERIFY2(shape.match(t).hasMatch(), qPrintable(t));
        QCOMPARE(r.token(QStringLiteral("  jordan   VALE ")), t);
        QVERIFY(r.token(QStringLiteral("Jordan Vales")) != t);
        QVERIFY(Redactor(QByteArrayLiteral("another key")).token(QStringLiteral("Jordan Vale")) !=
                t);

        const QString a = r.redactAddress(QStringLiteral("Pat.Reader@Example.NET"));
        QVERIFY(a.endsWith(u"@redacted.invalid"));
        QCOMPARE(r.redactAddress(QStringLiteral("<pat.reader@example.net>")), a);
        QCOMPARE(Redactor(kKey).redactAddress(QStringLiteral("pat.reader@example.net")), a);
        // The domain is hashed with the rest: nothing of it is left.
        QVERIFY(!a.contains(u"example"));
    }

    void demoOriginals_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("mustVanish");
        QTest::newRow("01 ARF") << "01-arf-fbl-northwind.eml"
                                << QStringList{"pat.reader@example.net"};
        QTest::newRow("02 ARF quirks") << "02-arf-quirks-northwind.eml" << QStringList{};
        QTest::newRow("03 SpamCop") << "03-spamcop-northwind.eml" << QStringList{};
        QTest::newRow("04 X-ARF") << "04-xarf-northwind.eml" << QStringList{};
        QTest::newRow("05 JMRP") << "05-jmrp-northwind.eml"
                                 << QStringList{"lee.mailbox@hotmail.example", "192.0.2.77"};
        QTest::newRow("06 forward")
            << "06-forward-harbour-phish.eml" << QStringList{"staff-all@lakeside.example.org"};
        QTest::newRow("08 ARF") << "08-arf-lumen-newsletter.eml" << QStringList{};
        QTest::newRow("09 opt-out") << "09-arf-optout-lumen.eml" << QStringList{};
    }

    void demoOriginals()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, mustVanish);
        const QByteArray bytes =
            readFile(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/") + file);
        QVERIFY(!bytes.isEmpty());
        const QByteArray before = bytes;
        for (const QString &block : headerBlocks(bytes))
            checkBlock(block, mustVanish);
        QCOMPARE(bytes, before);
    }

    void thirdPartySamples()
    {
        int blocks = 0;
        QDirIterator it(kSamples + QStringLiteral("/arf"), {QStringLiteral("*.eml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            for (const QString &block : headerBlocks(readFile(path))) {
                checkBlock(block, {});
                ++blocks;
            }
        }
        // X-ARF v4: the evidence is a base64 message inside JSON.
        QDirIterator xarf(kSamples + QStringLiteral("/xarf/v4/samples"), {QStringLiteral("*.json")},
                          QDir::Files, QDirIterator::Subdirectories);
        while (xarf.hasNext()) {
            const QJsonObject report = QJsonDocument::fromJson(readFile(xarf.next())).object();
            for (const QJsonValue &evidence : report.value(u"evidence").toArray()) {
                const QJsonObject e = evidence.toObject();
                if (e.value(u"content_type").toString() != u"message/rfc822")
                    continue;
                const QByteArray message =
                    QByteArray::fromBase64(e.value(u"payload").toString().toLatin1());
                for (const QString &block : headerBlocks(message)) {
                    checkBlock(block, {});
                    ++blocks;
                }
            }
        }
        QVERIFY2(blocks >= 30, qPrintable(QString::number(blocks)));
    }

    void sameValueSameTokenEverywhere()
    {
        Redactor r(kKey);
        const QString block =
            AwbTest::embeddedOriginalHeaders(QStringLiteral("01-arf-fbl-northwind.eml"));
        const RedactedText out = r.redactHeaders(block);
        const QString token = r.redactAddress(QStringLiteral("pat.reader@example.net"));
        // Delivered-To, To and three "for <...>" clauses.
        QCOMPARE(out.text.count(token), 5);
        QVERIFY(out.text.contains(QStringLiteral("Delivered-To: ") + token));
        QVERIFY(out.text.contains(QStringLiteral("for <") + token + u'>'));
        // Learned: later text about the same person gets the same token.
        QCOMPARE(r.redactText(QStringLiteral("complaint by PAT.READER@example.net.")).text,
                 QStringLiteral("complaint by ") + token + u'.');
        // Everything else is untouched.
        QVERIFY(out.text.contains(
            u"From: \"support@bigbank.example\" <deals@northwind-deals.example>"));
        QVERIFY(out.text.contains(u"Received: from mx.northwind-deals.example"));
        // The internal record says what went where.
        const auto it = std::find_if(out.redactions.cbegin(), out.redactions.cend(),
                                     [](const Redaction &x) { return x.where == u"Delivered-To"; });
        QVERIFY(it != out.redactions.cend());
        QCOMPARE(it->original, QStringLiteral("pat.reader@example.net"));
        QCOMPARE(it->token, token);
    }

    void displayNamesAndFields()
    {
        Redactor r(kKey);
        const QString block =
            QStringLiteral("To: \"Reader, Pat\" <pat@example.net>, Jo Bloggs <jo@example.org>\n"
                           "Cc: undisclosed-recipients:;\n"
                           "Final-Recipient: rfc822; pat@example.net\n"
                           "X-Reporter-IP: 192.0.2.77\n"
                           "Removal-Recipient: jo@example.org\n"
                           "Subject: hello Jo Bloggs\n");
        const RedactedText out = r.redactHeaders(block);
        QVERIFY2(!out.text.contains(u"Reader") && !out.text.contains(u"Bloggs") &&
                     !out.text.contains(u"example.") && !out.text.contains(u"192.0.2.77"),
                 qPrintable(out.text));
        QVERIFY(
            out.text.contains(QStringLiteral("To: \"") + r.token(QStringLiteral("Reader, Pat"))));
        QVERIFY(out.text.contains(u"Cc: undisclosed-recipients:;"));
        QVERIFY(out.text.contains(QStringLiteral("Final-Recipient: rfc822; ") +
                                  r.redactAddress(QStringLiteral("pat@example.net"))));
        QVERIFY(out.text.contains(QStringLiteral("Subject: hello ") +
                                  r.token(QStringLiteral("Jo Bloggs"))));
        QVERIFY(block.contains(u"Jo Bloggs")); // the input is a copy, never changed
    }

    void links()
    {
        Redactor r(kKey);
        r.addIdentity(QStringLiteral("staff-all@lakeside.example.org"));
        const QString text = QStringLiteral(
            "Kit: https://harbourbakery.example/wp-content/uploads/2026/11/.sync/owa/index.php?u="
            "c3RhZmYtYWxsQGxha2VzaWRlLmV4YW1wbGUub3Jn.\n"
            "Unsub: https://deals.example/u/a8F3kQ9zR2mX7vB1pL4t?c=bf26&e=staff-all%40lakeside."
            "example.org#t9Hq2Lm8Rz5Kx3Wp\n"
            "Bounce: bounce-staff-all=lakeside.example.org@list.example\n"
            "Bare: c3RhZmYtYWxsQGxha2VzaWRlLmV4YW1wbGUub3Jn and "
            "dGhlIGNvbXBsYWluYW50QG90aGVyLmV4YW1wbGU=\n"
            "Keep: https://docs.ix.cm/aup/ and https://deals.example/r/48213");
        const RedactedText out = r.redactText(text);
        for (const QString &form : spellings(QStringLiteral("staff-all@lakeside.example.org")))
            QVERIFY2(!out.text.contains(form, Qt::CaseInsensitive),
                     qPrintable(form + u'\n' + out.text));
        QVERIFY(out.text.contains(u"/wp-content/uploads/2026/11/.sync/owa/index.php?u=redacted-"));
        // The base64 spelling of a known address gets the address's own token.
        QVERIFY(out.text.contains(QStringLiteral("index.php?u=") +
                                  r.token(QStringLiteral("staff-all@lakeside.example.org")) +
                                  QStringLiteral(".\n")));
        QVERIFY(!out.text.contains(u"a8F3kQ9zR2mX7vB1pL4t"));
        QVERIFY(!out.text.contains(u"bf26"));
        QVERIFY(!out.text.contains(u"t9Hq2Lm8Rz5Kx3Wp"));
        QVERIFY(!out.text.contains(u"dGhlIGNvbXBsYWluYW50QG90aGVyLmV4YW1wbGU=")); // other address
        QVERIFY(out.text.contains(u"https://docs.ix.cm/aup/"));
        QVERIFY(out.text.contains(u"https://deals.example/r/48213"));
        QVERIFY(out.text.contains(u"@list.example"));
    }

    void namesAsWholeWords()
    {
        Redactor r(kKey);
        r.addIdentity(QStringLiteral("Jordan Vale"));
        const RedactedText out = r.redactText(
            QStringLiteral("Reported by jordan vale; not Jordan Valentine. Jordan%20Vale"));
        QCOMPARE(out.text, QStringLiteral("Reported by %1; not Jordan Valentine. %1")
                               .arg(r.token(QStringLiteral("Jordan Vale"))));
    }

    void visibleValuesStay()
    {
        Redactor r(kKey);
        r.keepVisible(QStringLiteral("abuse@ix.cm"));
        const RedactedText headers = r.redactHeaders(QStringLiteral("To: abuse@ix.cm\n"));
        QVERIFY(!headers.text.contains(u"abuse@ix.cm")); // a recipient field is replaced whole
        QVERIFY(!r.identities().contains(QStringLiteral("abuse@ix.cm")));
        QCOMPARE(r.redactText(QStringLiteral("Write to abuse@ix.cm.")).text,
                 QStringLiteral("Write to abuse@ix.cm."));
    }

private:
    // No recipient address is left in the block, in any spelling, nor anything in mustVanish.
    void checkBlock(const QString &block, const QStringList &mustVanish)
    {
        Redactor r(kKey);
        const QString copy = block;
        const QStringList recipients = recipientAddresses(block);
        const RedactedText out = r.redactHeaders(block);
        QCOMPARE(block, copy);
        for (const QString &address : recipientAddresses(out.text))
            QVERIFY2(address.endsWith(u"@redacted.invalid"),
                     qPrintable(address + u'\n' + out.text));
        for (const QString &secret : recipients + mustVanish) {
            if (secret.endsWith(u"@redacted.invalid"))
                continue;
            for (const QString &form : spellings(secret))
                QVERIFY2(!containsWhole(out.text, form), qPrintable(form + u'\n' + out.text));
        }
        if (!recipients.isEmpty())
            QVERIFY(!out.redactions.isEmpty());
        // Redacting again changes nothing: tokens are never redacted twice.
        Redactor again(kKey);
        QCOMPARE(again.redactHeaders(out.text).text, out.text);
    }
};

QTEST_GUILESS_MAIN(TestNoticeRedaction)
#include "tst_notice_redaction.moc"
