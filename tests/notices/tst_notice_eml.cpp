// The notice as an .eml (models/notices/notice_eml.h): golden files, and the message read back
// by GMime (Awb::MailMessage) and by Python's email package, two independent parsers.
#include "notice_fixtures.h"

#include "mail/mail_message.h"
#include "notices/notice_composer.h"
#include "notices/notice_eml.h"
#include "notices/notice_fields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Awb;

namespace {

const NoticeTemplateSet &templates()
{
    static const NoticeTemplateSet set = [] {
        auto loaded = NoticeTemplateSet::load(QStringLiteral(AWB_SOURCE_DIR "/resources/notices"));
        if (!loaded)
            qFatal("%s", qPrintable(loaded.error()));
        return *loaded;
    }();
    return set;
}

ComposedNotice composed(const QString &type)
{
    auto notice = composeNotice(AwbTest::noticeFixture(type), templates());
    if (!notice)
        qFatal("%s", qPrintable(notice.error()));
    return *notice;
}

// What Python's email package reads from the bytes; an empty object when it could not run.
QJsonObject readWithPython(const QByteArray &eml, QString *problem)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notice.eml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(eml) != eml.size()) {
        *problem = QStringLiteral("cannot write ") + path;
        return {};
    }
    file.close();
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral(AWB_SOURCE_DIR "/tests/notices/read_notice_eml.py"), path});
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        *problem =
            QStringLiteral("python3 failed: ") + QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
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

} // namespace

class TestNoticeEml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void types_data()
    {
        QTest::addColumn<QString>("type");
        for (const QString &type : noticeTypes())
            QTest::newRow(qPrintable(type)) << type;
    }

    void golden_data() { types_data(); }
    void golden()
    {
        QFETCH(QString, type);
        const ComposedNotice notice = composed(type);
        const NoticeEnvelope envelope = AwbTest::envelopeFixture(AwbTest::noticeFixture(type));
        auto eml = buildNoticeEml(notice, envelope);
        QVERIFY2(eml.ok(), qPrintable(eml.error()));
        QString message;
        QVERIFY2(AwbTest::matchesGolden(type + QStringLiteral(".eml"), *eml, &message),
                 qPrintable(message));
        QCOMPARE(*buildNoticeEml(composed(type), envelope), *eml); // deterministic
        for (const QByteArray &line : eml->split('\n'))
            QVERIFY2(line.size() <= 78, line.constData()); // QP and folded headers
        QVERIFY(!eml->contains('\r'));
    }

    void gmimeReadsItBack_data() { types_data(); }
    void gmimeReadsItBack()
    {
        QFETCH(QString, type);
        const NoticeData data = AwbTest::noticeFixture(type);
        const ComposedNotice notice = composed(type);
        auto eml = buildNoticeEml(notice, AwbTest::envelopeFixture(data));
        QVERIFY2(eml.ok(), qPrintable(eml.error()));
        auto message = MailMessage::parse(*eml);
        QVERIFY2(message.ok(), qPrintable(message.error()));

        QCOMPARE(message->subject(), notice.subject);
        QCOMPARE(message->from(), QStringLiteral("\"IX.CM Abuse Desk\" <abuse@ix.cm>"));
        QVERIFY(message->headerValue("To").contains(u'<' + data.recipientAddress + u'>'));
        QCOMPARE(message->messageId(), QStringLiteral("%1.%2.1@ix.cm").arg(data.caseId, type));
        QCOMPARE(message->date(), data.now.toUTC());
        QVERIFY(message->dateText().endsWith(u"+0800"));
        QCOMPARE(message->headerValue("Auto-Submitted"), autoSubmittedValue(type));
        QCOMPARE(message->headerValue("X-Abuse-Case"), data.caseId);
        QCOMPARE(message->headerValue("MIME-Version"), QStringLiteral("1.0"));
        if (data.inReplyToMessageId.isEmpty()) {
            QVERIFY(message->headerValue("In-Reply-To").isEmpty());
        } else {
            QCOMPARE(message->headerValue("In-Reply-To"), data.inReplyToMessageId);
            QCOMPARE(message->headerValue("References"), data.inReplyToMessageId);
        }

        const QList<MimePartInfo> parts = message->mimeParts();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(0).contentType, QStringLiteral("multipart/alternative"));
        QCOMPARE(parts.at(1).contentType, QStringLiteral("text/plain"));
        QCOMPARE(parts.at(2).contentType, QStringLiteral("text/html"));
        for (int i : {1, 2}) {
            QCOMPARE(parts.at(i).charset, QStringLiteral("utf-8"));
            QCOMPARE(parts.at(i).transferEncoding, QStringLiteral("quoted-printable"));
        }
        QCOMPARE(message->textBody(), notice.text);
        QCOMPARE(message->htmlBody(), notice.html);
    }

    void pythonReadsItBack_data() { types_data(); }
    void pythonReadsItBack()
    {
        QFETCH(QString, type);
        const NoticeData data = AwbTest::noticeFixture(type);
        const ComposedNotice notice = composed(type);
        auto eml = buildNoticeEml(notice, AwbTest::envelopeFixture(data));
        QVERIFY2(eml.ok(), qPrintable(eml.error()));
        QString problem;
        const QJsonObject read = readWithPython(*eml, &problem);
        QVERIFY2(!read.isEmpty(), qPrintable(problem));

        QCOMPARE(read.value(u"defects").toArray().size(), 0);
        const QJsonObject headers = read.value(u"headers").toObject();
        QCOMPARE(headers.value(u"Subject").toString(), notice.subject);
        QCOMPARE(headers.value(u"From").toString(),
                 QStringLiteral("\"IX.CM Abuse Desk\" <abuse@ix.cm>"));
        QVERIFY(headers.value(u"To").toString().contains(data.recipientAddress));
        QCOMPARE(headers.value(u"Message-Id").toString(),
                 QStringLiteral("<%1.%2.1@ix.cm>").arg(data.caseId, type));
        QCOMPARE(headers.value(u"Auto-Submitted").toString(), autoSubmittedValue(type));
        QCOMPARE(headers.value(u"X-Abuse-Case").toString(), data.caseId);
        QCOMPARE(read.value(u"date_utc").toString(),
                 data.now.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
        if (!data.inReplyToMessageId.isEmpty())
            QCOMPARE(headers.value(u"In-Reply-To").toString(), data.inReplyToMessageId);

        const QJsonArray parts = read.value(u"parts").toArray();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(0).toObject().value(u"type").toString(),
                 QStringLiteral("multipart/alternative"));
        const QJsonObject plain = parts.at(1).toObject();
        const QJsonObject html = parts.at(2).toObject();
        QCOMPARE(plain.value(u"type").toString(), QStringLiteral("text/plain"));
        QCOMPARE(html.value(u"type").toString(), QStringLiteral("text/html"));
        for (const QJsonObject &part : {plain, html}) {
            QCOMPARE(part.value(u"charset").toString(), QStringLiteral("utf-8"));
            QCOMPARE(part.value(u"cte").toString(), QStringLiteral("quoted-printable"));
            QCOMPARE(part.value(u"defects").toArray().size(), 0);
        }
        QCOMPARE(plain.value(u"text").toString(), notice.text);
        QCOMPARE(html.value(u"text").toString(), notice.html);
    }

    void noReporterDataInCustomerNotices_data() { types_data(); }
    void noReporterDataInCustomerNotices()
    {
        QFETCH(QString, type);
        if (isReporterNotice(type))
            QSKIP("goes to the reporter");
        const NoticeData data = AwbTest::noticeFixture(type);
        auto eml = buildNoticeEml(composed(type), AwbTest::envelopeFixture(data));
        QVERIFY2(eml.ok(), qPrintable(eml.error()));
        auto message = MailMessage::parse(*eml);
        QVERIFY(message.ok());
        const QString raw = QString::fromUtf8(*eml);
        for (const QString &identity : AwbTest::demoReporterIdentities()) {
            for (const QString &form : spellings(identity)) {
                for (const QString &part :
                     {raw, message->textBody(), message->htmlBody(), message->subject()})
                    QVERIFY2(!part.contains(form, Qt::CaseInsensitive), qPrintable(form));
            }
        }
    }

    void encodedWordsAndNames()
    {
        auto t = NoticeTemplate::parse(
            QStringLiteral("Subject: [{{case_id}}] 通知 – {{recipient_name}}\n\n"
                           "Hello {{recipient_name}}.\n{{report_references}}\n"),
            QStringLiteral("test.txt"), QStringLiteral("acknowledgement"));
        QVERIFY2(t.ok(), qPrintable(t.error()));
        NoticeTemplateSet set;
        set.insert(*t);
        NoticeData data = AwbTest::noticeFixture(QStringLiteral("acknowledgement"));
        data.recipientName = QStringLiteral("陳大文 (Chan Tai Man)");
        data.recipientAddress = QStringLiteral("chan@example.net");
        auto notice = composeNotice(data, set);
        QVERIFY2(notice.ok(), qPrintable(notice.error()));
        auto eml = buildNoticeEml(*notice, AwbTest::envelopeFixture(data));
        QVERIFY2(eml.ok(), qPrintable(eml.error()));
        static const QRegularExpression encodedWord(QStringLiteral("=\\?utf-8\\?[bq]\\?"),
                                                    QRegularExpression::CaseInsensitiveOption);
        auto raw = MailMessage::parse(*eml);
        QVERIFY(raw.ok());
        const QString subjectField = QString::fromLatin1(raw->rawHeaderValues("Subject").value(0));
        QVERIFY2(encodedWord.match(subjectField).hasMatch(), qPrintable(subjectField));
        for (char c : *eml)
            QVERIFY(uchar(c) < 0x80); // 7-bit clean: encoded words and quoted-printable
        auto message = MailMessage::parse(*eml);
        QVERIFY(message.ok());
        QCOMPARE(message->subject(), notice->subject);
        QVERIFY(message->headerValue("To").contains(u"陳大文"));
        QVERIFY(message->textBody().contains(u"Hello 陳大文 (Chan Tai Man)."));
        QString problem;
        const QJsonObject read = readWithPython(*eml, &problem);
        QVERIFY2(!read.isEmpty(), qPrintable(problem));
        QCOMPARE(read.value(u"headers").toObject().value(u"Subject").toString(), notice->subject);
    }

    void badEnvelopes()
    {
        const ComposedNotice notice = composed(QStringLiteral("warning"));
        for (const QString &id : {QString(), QStringLiteral("no-at-sign"),
                                  QStringLiteral("<a b@ix.cm>"), QStringLiteral("<a@b@ix.cm>")}) {
            auto eml = buildNoticeEml(notice, {id, {}});
            QVERIFY2(!eml.ok(), qPrintable(id));
            QVERIFY2(eml.error().contains(notice.caseId) && eml.error().contains(u"Message-ID"),
                     qPrintable(eml.error()));
        }
        auto eml = buildNoticeEml(
            notice, {QStringLiteral("x@ix.cm"),
                     {QStringLiteral("<earlier@ix.cm>"), QStringLiteral("broken id")}});
        QVERIFY(!eml.ok());
        QVERIFY(eml.error().contains(u"broken id"));
        ComposedNotice noDate = notice;
        noDate.date = {};
        QVERIFY(!buildNoticeEml(noDate, {QStringLiteral("x@ix.cm"), {}}).ok());
    }

    void referencesOfAThread()
    {
        const ComposedNotice notice = composed(QStringLiteral("outcome"));
        auto eml =
            buildNoticeEml(notice, {QStringLiteral("IXCM-ABUSE-2026-000124.outcome.1@ix.cm"),
                                    {QStringLiteral("<IXCM-ABUSE-2026-000124.ack.1@ix.cm>")}});
        QVERIFY2(eml.ok(), qPrintable(eml.error()));
        auto message = MailMessage::parse(*eml);
        QVERIFY(message.ok());
        QCOMPARE(message->headerValue("References").simplified(), // GMime folds it
                 QStringLiteral("<IXCM-ABUSE-2026-000124.ack.1@ix.cm> <%1>").arg(notice.inReplyTo));
        QCOMPARE(message->headerValue("In-Reply-To"), u'<' + notice.inReplyTo + u'>');
    }
};

QTEST_GUILESS_MAIN(TestNoticeEml)
#include "tst_notice_eml.moc"
