// The RFC 5965/6591 examples against mail-auth's expected parses, one row per sample and key.
//
// Where this recogniser differs from mail-auth on purpose, the row checks our documented
// behaviour instead:
// - feedback_type, auth_failure, delivery_result: mail-auth maps tokens to enums ("AuthFailure",
//   "BodyHash", "Unspecified"); we keep the token as written, lower case, and "Unspecified"
//   means the field is absent.
// - arrival_date, source_ip null (001): mail-auth reads only the feedback part; we also read
//   the human part's "received from IP x on <date>" sentence, tagged "human-part". The row
//   checks that no such value is tagged "feedback-report".
// - original_mail_from/original_rcpt_to: the field keeps the value as written ("<a@b>"); the
//   typed member holds the bare address.
// - authentication_results, dkim_canonicalized_body: folded values are unfolded (RFC 5322
//   2.2.3), so they compare equal after whitespace is collapsed (removed for base64).
// - source_port 0: mail-auth's "absent"; ours is -1.
// - message null: mail-auth leaves it empty; we keep the message/rfc822 original (001-003).
// - headers: compared with the text/rfc822-headers part we keep, up to trailing line breaks.
#include "feedback_test_support.h"

#include "reports/feedback/arf_recogniser.h"
#include "reports/feedback/feedback_common.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Awb;
using namespace AwbFeedbackTest;

namespace {

// The field name a key of the expected JSON stands for, for keys compared as plain fields.
QString fieldNameOf(const QString &key)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("original_envelope_id"), QStringLiteral("Original-Envelope-Id")},
        {QStringLiteral("dkim_adsp_dns"), QStringLiteral("DKIM-ADSP-DNS")},
        {QStringLiteral("dkim_canonicalized_header"), QStringLiteral("DKIM-Canonicalized-Header")},
        {QStringLiteral("dkim_domain"), QStringLiteral("DKIM-Domain")},
        {QStringLiteral("dkim_identity"), QStringLiteral("DKIM-Identity")},
        {QStringLiteral("dkim_selector"), QStringLiteral("DKIM-Selector")},
        {QStringLiteral("dkim_selector_dns"), QStringLiteral("DKIM-Selector-DNS")},
        {QStringLiteral("spf_dns"), QStringLiteral("SPF-DNS")},
        {QStringLiteral("auth_failure"), QStringLiteral("Auth-Failure")},
        {QStringLiteral("delivery_result"), QStringLiteral("Delivery-Result")},
        {QStringLiteral("identity_alignment"), QStringLiteral("Identity-Alignment")},
    };
    return names.value(key);
}

const QString feedbackSource = QStringLiteral("feedback-report");

Report recognised(const QString &sample)
{
    static QHash<QString, Report> cache;
    if (!cache.contains(sample)) {
        const MailMessage message = parse(AwbFeedbackTest::sample(sample + QStringLiteral(".eml")));
        const std::optional<Report> report = ArfRecogniser().recognise(message);
        if (!report)
            qFatal("%s is not recognised as ARF", qPrintable(sample));
        cache.insert(sample, *report);
    }
    return cache.value(sample);
}

QString collapsed(const QString &text)
{
    return text.simplified();
}

} // namespace

class TestFeedbackArfRfc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expectedParse_data();
    void expectedParse();
    void completeness_data();
    void completeness();
};

void TestFeedbackArfRfc::expectedParse_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("expected");
    for (const char *name : {"001", "002", "003", "004", "005"}) {
        const QString sample = QStringLiteral("rfc-examples/") + QLatin1String(name);
        const QJsonObject expected =
            QJsonDocument::fromJson(
                AwbFeedbackTest::sample(sample + QStringLiteral(".expected.json")))
                .object();
        QVERIFY(!expected.isEmpty());
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QTest::addRow("%s/%s", name, qPrintable(it.key()))
                << sample << it.key() << QJsonValue(it.value());
        }
    }
}

void TestFeedbackArfRfc::expectedParse()
{
    QFETCH(QString, sample);
    QFETCH(QString, key);
    QFETCH(QJsonValue, expected);
    const Report report = recognised(sample);
    QCOMPARE(report.format, ReportFormat::Arf);

    if (key == QLatin1String("feedback_type")) {
        const QString token = expected.toString() == QLatin1String("AuthFailure")
                                  ? QStringLiteral("auth-failure")
                                  : expected.toString().toLower();
        QCOMPARE(report.feedbackType, token);
    } else if (key == QLatin1String("arrival_date")) {
        if (expected.isNull()) {
            QVERIFY(fieldValues(report, QStringLiteral("Arrival-Date"), feedbackSource).isEmpty());
            QVERIFY(fieldValues(report, QStringLiteral("Received-Date"), feedbackSource).isEmpty());
        } else {
            QCOMPARE(report.arrivalDate.toSecsSinceEpoch(), qint64(expected.toDouble()));
        }
    } else if (key == QLatin1String("authentication_results")) {
        const QStringList ours =
            fieldValues(report, QStringLiteral("Authentication-Results"), feedbackSource);
        QCOMPARE(ours.size(), expected.toArray().size());
        for (int i = 0; i < ours.size(); ++i)
            QCOMPARE(collapsed(ours.at(i)), collapsed(expected.toArray().at(i).toString()));
    } else if (key == QLatin1String("incidents")) {
        QCOMPARE(report.incidents, expected.toInt());
    } else if (key == QLatin1String("original_mail_from")) {
        QCOMPARE(report.originalMailFrom, bareAddress(expected.toString()));
        QCOMPARE(fieldValues(report, QStringLiteral("Original-Mail-From"), feedbackSource).value(0),
                 expected.toString());
    } else if (key == QLatin1String("original_rcpt_to")) {
        const QStringList bare =
            expected.isNull() ? QStringList() : QStringList{bareAddress(expected.toString())};
        QCOMPARE(report.originalRcptTo, bare);
    } else if (key == QLatin1String("reported_domain")) {
        QStringList domains;
        for (const QJsonValue &value : expected.toArray())
            domains << value.toString();
        QCOMPARE(fieldValues(report, QStringLiteral("Reported-Domain"), feedbackSource), domains);
        QCOMPARE(report.reportedDomain, domains.value(0));
    } else if (key == QLatin1String("reported_uri")) {
        QStringList uris;
        for (const QJsonValue &value : expected.toArray())
            uris << value.toString();
        QCOMPARE(report.reportedUris, uris);
    } else if (key == QLatin1String("reporting_mta")) {
        if (expected.isNull())
            QCOMPARE(report.reporter,
                     bareAddress(
                         parse(AwbFeedbackTest::sample(sample + QStringLiteral(".eml"))).from()));
        else
            QCOMPARE(report.reporter, expected.toString());
    } else if (key == QLatin1String("source_ip")) {
        if (expected.isNull())
            QVERIFY(fieldValues(report, QStringLiteral("Source-IP"), feedbackSource).isEmpty());
        else
            QCOMPARE(report.sourceIp, expected.toString());
    } else if (key == QLatin1String("user_agent")) {
        QCOMPARE(report.userAgent, expected.toString());
    } else if (key == QLatin1String("version")) {
        QCOMPARE(report.formatVersion, QString::number(expected.toInt()));
    } else if (key == QLatin1String("source_port")) {
        QCOMPARE(report.sourcePort, expected.toInt() == 0 ? -1 : expected.toInt());
    } else if (key == QLatin1String("dkim_canonicalized_body")) {
        QString ours =
            fieldValues(report, QStringLiteral("DKIM-Canonicalized-Body"), feedbackSource).value(0);
        QString theirs = expected.toString();
        ours.remove(QRegularExpression(QStringLiteral("\\s")));
        theirs.remove(QRegularExpression(QStringLiteral("\\s")));
        QCOMPARE(ours, theirs);
    } else if (key == QLatin1String("message")) {
        QVERIFY(expected.isNull()); // mail-auth never fills it; see the file comment
        QCOMPARE(report.originalBytes.has_value(), true);
    } else if (key == QLatin1String("headers")) {
        QVERIFY(report.originalBytes.has_value());
        QCOMPARE(report.originalHeadersOnly, !expected.isNull());
        if (!expected.isNull()) {
            QByteArray ours = *report.originalBytes;
            QByteArray theirs = expected.toString().toUtf8();
            while (ours.endsWith('\n'))
                ours.chop(1);
            while (theirs.endsWith('\n'))
                theirs.chop(1);
            QCOMPARE(ours, theirs);
        }
    } else {
        const QString name = fieldNameOf(key);
        QVERIFY2(!name.isEmpty(), qPrintable(QStringLiteral("unmapped key ") + key));
        const QString ours = fieldValues(report, name, feedbackSource).value(0);
        if (expected.isNull() || expected.toString() == QLatin1String("Unspecified"))
            QVERIFY2(ours.isEmpty(), qPrintable(ours));
        else
            QCOMPARE(ours.toLower(), expected.toString().toLower());
    }
}

void TestFeedbackArfRfc::completeness_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("summary");
    // 001: message/rfc822 with Received and From; the time comes from the human part.
    QTest::newRow("001") << "rfc-examples/001" << 4 << "4 of 4";
    QTest::newRow("002") << "rfc-examples/002" << 4 << "4 of 4";
    QTest::newRow("003") << "rfc-examples/003" << 4 << "4 of 4";
    // 004: no Arrival-Date, but the human part gives the time.
    QTest::newRow("004 headers only")
        << "rfc-examples/004" << 3 << "3 of 4: no complete copy of the message";
    QTest::newRow("005 headers only")
        << "rfc-examples/005" << 3 << "3 of 4: no complete copy of the message";
}

void TestFeedbackArfRfc::completeness()
{
    QFETCH(QString, sample);
    QFETCH(int, count);
    QFETCH(QString, summary);
    const ReportCompleteness completeness = assessCompleteness(recognised(sample));
    QCOMPARE(completeness.count(), count);
    QCOMPARE(completeness.summary(), summary);
}

QTEST_GUILESS_MAIN(TestFeedbackArfRfc)
#include "tst_feedback_arf_rfc.moc"
