// Bulk and commercial detection (which messages the 4.2 standards apply to, and why) and the
// postal-address finder, as units.

#include "analysis/content_checks/bulk_detection.h"
#include "analysis/content_checks/postal_address.h"
#include "mail/mail_message.h"

#include <QTest>

using namespace Awb;
using namespace Awb::ContentChecks;

namespace {

QByteArray message(const QByteArray &headers, const QByteArray &body)
{
    return "From: Sender <a@sender.example>\nTo: b@example.net\nSubject: Hello\n"
           "Date: Thu, 12 Nov 2026 10:00:00 +0000\nMessage-ID: <1@sender.example>\n" +
           headers + "\n" + body;
}

} // namespace

class TestContentBulk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bulk_data();
    void bulk();
    void postal_data();
    void postal();
};

void TestContentBulk::bulk_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("isBulk");
    QTest::addColumn<QString>("reason"); // a part of the reason, when bulk

    const QByteArray personal = "Hi Sam, lunch on Friday? Lee\n";
    QTest::newRow("personal") << message("", personal) << false << QString();
    QTest::newRow("List-Id") << message("List-Id: Club <club.example>\n", personal) << true
                             << "List-Id: Club <club.example>";
    // Report senders and notifiers write Precedence too (SpamCop: "list"), to stop auto-replies.
    QTest::newRow("Precedence alone")
        << message("Precedence: list\n", personal) << false << QString();
    QTest::newRow("Precedence and a discount")
        << message("Precedence: bulk\n", "Members get 15% off in March.\n") << true
        << "Precedence: bulk";
    QTest::newRow("Precedence: first-class")
        << message("Precedence: first-class\n", personal) << false << QString();
    QTest::newRow("campaign header") << message("X-Campaign-Id: bf26\n", personal) << true
                                     << "X-Campaign-Id: bf26 (written by a campaign manager)";
    QTest::newRow("CSA complaints")
        << message("X-CSA-Complaints: csa-complaints@eco.de\n", personal) << true
        << "Certified Senders Alliance";
    QTest::newRow("bulk software")
        << message("X-Mailer: phpList v3.6.14\n", personal) << true << "bulk-mail software";
    QTest::newRow("SES alone is transactional")
        << message("X-SES-Outgoing: 2026.11.12-54.240.0.1\n",
                   "Your password reset code is 443812.\n")
        << false << QString();
    QTest::newRow("two ESP headers count once")
        << message("X-SES-Outgoing: 2026.11.12-54.240.0.1\nFeedback-ID: 1.eu-west-1.x:AmazonSES\n",
                   "Your receipt for order 1182.\n")
        << false << QString();
    QTest::newRow("ESP and a discount")
        << message("X-Mailgun-Sid: WyI3ZjNhIl0=\n", "Take 20% off all jackets this week.\n") << true
        << "Mailgun";
    QTest::newRow("VERP and a call to buy")
        << message("Return-Path: <bounce-4821@sender.example>\n", "Order now while it lasts.\n")
        << true << "per-recipient bounce address";
    QTest::newRow("two kinds of wording")
        << message("", "Black Friday: claim your voucher before midnight.\n") << true
        << "a retail season (\"Black Friday\")";
    QTest::newRow("one kind of wording")
        << message("", "Our webinar on Friday: register now.\n") << false << QString();
    QTest::newRow("phishing bait is not marketing")
        << message("", "Your mailbox is 98% full. Verify your account within 24 hours.\n") << false
        << QString();
    QTest::newRow("subject counts") << message("", "Winter jackets are in.\n")
                                           .replace("Subject: Hello", "Subject: 30% off, shop now")
                                    << true << "a call to buy (\"shop now\")";
}

void TestContentBulk::bulk()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, isBulk);
    QFETCH(QString, reason);
    auto parsed = MailMessage::parse(bytes);
    QVERIFY(parsed);
    const BulkVerdict verdict = detectBulk(*parsed);
    QCOMPARE(verdict.isBulk, isBulk);
    if (isBulk) {
        QVERIFY2(verdict.reason().contains(reason), qPrintable(verdict.reason()));
        for (const BulkSign &sign : verdict.signs)
            QVERIFY2(sign.location.isValid() &&
                         sign.location.offset + sign.location.length <= bytes.size(),
                     qPrintable(sign.text));
    } else {
        QVERIFY(verdict.reason().isEmpty());
    }
}

void TestContentBulk::postal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("found"); // empty: none
    QTest::newRow("US street and ZIP") << "Shop Inc., 1600 Example Avenue, Springfield, IL 62701"
                                       << "1600 Example Avenue";
    QTest::newRow("UK postcode") << "Brand Ltd, Unit 4, London EC1A 1BB"
                                 << "EC1A 1BB";
    QTest::newRow("German street") << "Beispiel GmbH, Hauptstraße 5, Berlin"
                                   << "Hauptstraße 5";
    QTest::newRow("French street") << "Exemple SARL, 12 rue de la Paix"
                                   << "12 rue d";
    QTest::newRow("European postcode and town") << "Exemple SA\n75002 Paris"
                                                << "75002 Paris";
    QTest::newRow("P.O. Box") << "Print Shop, P.O. Box 4410"
                              << "P.O. Box 4410";
    QTest::newRow("Postfach") << "Postfach 1234, Wien"
                              << "Postfach 1234";
    QTest::newRow("Canada") << "Toronto ON M5V 3L9"
                            << "M5V 3L9";
    QTest::newRow("Australia") << "Sydney NSW 2000"
                               << "NSW 2000";
    QTest::newRow("Japan") << "東京都 〒100-0001"
                           << "〒100-0001";
    QTest::newRow("Hong Kong district") << "Suite 1207, Kwun Tong, Kowloon, Hong Kong"
                                        << "Suite 1207, Kwun Tong, Kowloon, Hong Kong";
    QTest::newRow("Hong Kong in Chinese") << "香港九龍觀塘"
                                          << "香港九龍觀塘";
    QTest::newRow("Chinese street number") << "觀塘道99號"
                                           << "觀塘道99號";
    QTest::newRow("none: an order number") << "Your order #48213: refund approved"
                                           << "";
    QTest::newRow("none: a year and a name") << "November 2026\n\nHello Sam"
                                             << "";
    QTest::newRow("none: a district alone") << "Meet me in Central at 3"
                                            << "";
    QTest::newRow("none: quantities") << "Only 14 vouchers left, 24 November 15:00 HKT"
                                      << "";
}

void TestContentBulk::postal()
{
    QFETCH(QString, text);
    QFETCH(QString, found);
    const PostalAddressMatch match = findPostalAddress(text);
    if (found.isEmpty()) {
        QVERIFY2(match.text.isEmpty(), qPrintable(match.text + QLatin1String(" / ") + match.kind));
    } else {
        QVERIFY2(match.text.contains(found), qPrintable(match.text));
        QVERIFY(!match.kind.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestContentBulk)
#include "tst_content_bulk.moc"
