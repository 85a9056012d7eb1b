// DKIM verification end to end: keys made at test time sign messages that must verify, and
// then fail in the right way when the body or a signed header is altered; and the demo set's
// signatures checked against resources/demo/dkim/demo-dkim-keys.zone.

#include "dkim_test_signer.h"

#include "analysis/auth/dkim_key.h"
#include "analysis/auth/dkim_verifier.h"
#include "mail/mail_message.h"

#include <QFile>
#include <QTest>

using namespace Awb;
using AwbTest::DkimTestKey;
using AwbTest::SignOptions;

namespace {

const QByteArray Plain = "Received: from mta.shop.example (mta.shop.example [203.0.113.5])\n"
                         "\tby mx.example.net (Postfix) with ESMTP id 1\n"
                         "\tfor <pat@example.net>; Mon,  2 Nov 2026 09:14:22 +0000 (UTC)\n"
                         "From: Shop <news@shop.example>\n"
                         "To: pat@example.net\n"
                         "Subject: Your  receipt\n"
                         "Date: Mon, 2 Nov 2026 09:14:20 +0000\n"
                         "Message-ID: <r1@shop.example>\n"
                         "X-Unsigned: anything\n"
                         "\n"
                         "Thank you for your order.  \n"
                         "Total: 12.00\n"
                         "\n\n";

// Where a test wants the message changed after signing.
enum class Change { None, Body, SignedHeader, UnsignedHeader, BodyWhitespace, AddedHeader };

struct Outcome
{
    DkimBodyHashStatus body;
    DkimSignatureStatus signature;
};

Outcome verify(const QByteArray &bytes, const DkimKeyProvider *keys)
{
    auto message = MailMessage::parse(bytes);
    if (!message)
        return {DkimBodyHashStatus::NotComputed, DkimSignatureStatus::NotChecked};
    const QList<RawHeaderField> headers = message->rawHeaders();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (headers.at(i).name.compare("DKIM-Signature", Qt::CaseInsensitive) != 0)
            continue;
        const qsizetype lf = bytes.indexOf("\n\n");
        const qsizetype crlf = bytes.indexOf("\r\n\r\n");
        std::optional<QByteArray> body; // none without a separator line
        if (lf >= 0 && (crlf < 0 || lf < crlf))
            body = bytes.mid(lf + 2);
        else if (crlf >= 0)
            body = bytes.mid(crlf + 4);
        const DkimVerification v =
            verifyDkimSignature(parseDkimSignature(headers.at(i).rawValue), headers, i, body, keys);
        return {v.bodyHash, v.signature};
    }
    return {DkimBodyHashStatus::NotComputed, DkimSignatureStatus::NotChecked};
}

} // namespace

Q_DECLARE_METATYPE(Change)
Q_DECLARE_METATYPE(DkimTestKey::Type)
Q_DECLARE_METATYPE(DkimBodyHashStatus)
Q_DECLARE_METATYPE(DkimSignatureStatus)

class TestAuthDkim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signedMessages_data();
    void signedMessages();
    void keyProblems();
    void demo_data();
    void demo();
};

void TestAuthDkim::signedMessages_data()
{
    QTest::addColumn<DkimTestKey::Type>("keyType");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QString>("canonicalization");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<Change>("change");
    QTest::addColumn<DkimBodyHashStatus>("body");
    QTest::addColumn<DkimSignatureStatus>("signature");
    const auto rsa = DkimTestKey::Type::Rsa2048;
    const auto match = DkimBodyHashStatus::Match;
    const auto mismatch = DkimBodyHashStatus::Mismatch;
    const auto valid = DkimSignatureStatus::Valid;
    const auto invalid = DkimSignatureStatus::Invalid;
    const QString rs = QStringLiteral("rsa-sha256");
    const QString rr = QStringLiteral("relaxed/relaxed");
    const QString ss = QStringLiteral("simple/simple");
    QTest::newRow("rsa, relaxed, as signed")
        << rsa << rs << rr << -1ll << Change::None << match << valid;
    QTest::newRow("rsa, simple, as signed")
        << rsa << rs << ss << -1ll << Change::None << match << valid;
    QTest::newRow("rsa, relaxed, body altered")
        << rsa << rs << rr << -1ll << Change::Body << mismatch << valid;
    QTest::newRow("rsa, relaxed, signed header altered")
        << rsa << rs << rr << -1ll << Change::SignedHeader << match << invalid;
    QTest::newRow("rsa, simple, signed header altered")
        << rsa << rs << ss << -1ll << Change::SignedHeader << match << invalid;
    QTest::newRow("rsa, unsigned header altered")
        << rsa << rs << rr << -1ll << Change::UnsignedHeader << match << valid;
    QTest::newRow("rsa, relaxed survives white space")
        << rsa << rs << rr << -1ll << Change::BodyWhitespace << match << valid;
    QTest::newRow("rsa, simple breaks on white space")
        << rsa << rs << ss << -1ll << Change::BodyWhitespace << mismatch << valid;
    QTest::newRow("rsa, second From added below (h= picks the bottom one)")
        << rsa << rs << rr << -1ll << Change::AddedHeader << match << invalid;
    QTest::newRow("rsa, l= covers the changed part only")
        << rsa << rs << rr << 10ll << Change::Body << match << valid;
    QTest::newRow("rsa-sha1") << rsa << QStringLiteral("rsa-sha1") << rr << -1ll << Change::None
                              << match << valid;
    QTest::newRow("ed25519, as signed")
        << DkimTestKey::Type::Ed25519 << QStringLiteral("ed25519-sha256") << rr << -1ll
        << Change::None << match << valid;
    QTest::newRow("ed25519, signed header altered")
        << DkimTestKey::Type::Ed25519 << QStringLiteral("ed25519-sha256") << rr << -1ll
        << Change::SignedHeader << match << invalid;
    QTest::newRow("rsa 1024 is still accepted")
        << DkimTestKey::Type::Rsa1024 << rs << rr << -1ll << Change::None << match << valid;
}

void TestAuthDkim::signedMessages()
{
    QFETCH(DkimTestKey::Type, keyType);
    QFETCH(QString, algorithm);
    QFETCH(QString, canonicalization);
    QFETCH(qint64, length);
    QFETCH(Change, change);
    QFETCH(DkimBodyHashStatus, body);
    QFETCH(DkimSignatureStatus, signature);

    const DkimTestKey key(keyType);
    QVERIFY(key.isValid());
    SignOptions options;
    options.algorithm = algorithm;
    options.canonicalization = canonicalization;
    options.bodyLength = length;
    QByteArray bytes = AwbTest::signMessage(Plain, key, options);
    QVERIFY(!bytes.isEmpty());
    switch (change) {
    case Change::None:
        break;
    case Change::Body:
        bytes.replace("Total: 12.00", "Total: 99.00");
        break;
    case Change::SignedHeader:
        bytes.replace("Subject: Your  receipt", "Subject: Your refund");
        break;
    case Change::UnsignedHeader:
        bytes.replace("X-Unsigned: anything", "X-Unsigned: changed");
        break;
    case Change::BodyWhitespace:
        bytes.replace("Thank you for", "Thank  you\tfor");
        break;
    case Change::AddedHeader:
        bytes.replace("X-Unsigned: anything\n", "X-Unsigned: anything\nFrom: evil@bad.example\n");
        break;
    }
    const ZoneFileDkimKeyProvider keys = ZoneFileDkimKeyProvider::fromText(
        key.zoneRecord(QStringLiteral("s2026"), QStringLiteral("shop.example")),
        QStringLiteral("test.zone"));
    const Outcome outcome = verify(bytes, &keys);
    QCOMPARE(outcome.body, body);
    QCOMPARE(outcome.signature, signature);
}

void TestAuthDkim::keyProblems()
{
    const DkimTestKey key(DkimTestKey::Type::Rsa2048);
    const QByteArray bytes = AwbTest::signMessage(Plain, key);
    // No key source: the body hash is still checked.
    QCOMPARE(verify(bytes, nullptr).body, DkimBodyHashStatus::Match);
    QCOMPARE(verify(bytes, nullptr).signature, DkimSignatureStatus::NotChecked);
    // No record for the selector.
    const auto other = ZoneFileDkimKeyProvider::fromText("x._domainkey.shop.example TXT \"p=AA\"",
                                                         QStringLiteral("z"));
    QCOMPARE(verify(bytes, &other).signature, DkimSignatureStatus::NotChecked);
    // A revoked key fails the signature.
    const auto revoked = ZoneFileDkimKeyProvider::fromText(
        "s2026._domainkey.shop.example TXT \"v=DKIM1; p=\"", QStringLiteral("z"));
    QCOMPARE(verify(bytes, &revoked).signature, DkimSignatureStatus::Invalid);
    // Another key: the signature does not verify.
    const DkimTestKey stranger(DkimTestKey::Type::Rsa2048);
    const auto wrong = ZoneFileDkimKeyProvider::fromText(
        stranger.zoneRecord(QStringLiteral("s2026"), QStringLiteral("shop.example")),
        QStringLiteral("z"));
    QCOMPARE(verify(bytes, &wrong).signature, DkimSignatureStatus::Invalid);
    // An RSA key under 1024 bits is refused (RFC 8301), even for a correct signature.
    const DkimTestKey weak(DkimTestKey::Type::Rsa512);
    if (weak.isValid()) {
        const QByteArray weakBytes = AwbTest::signMessage(Plain, weak);
        const auto weakKeys = ZoneFileDkimKeyProvider::fromText(
            weak.zoneRecord(QStringLiteral("s2026"), QStringLiteral("shop.example")),
            QStringLiteral("z"));
        QCOMPARE(verify(weakBytes, &weakKeys).signature, DkimSignatureStatus::Invalid);
    }
    // A key that allows only sha1 refuses rsa-sha256; garbage in p= is unreadable.
    QString error;
    DkimKeyRecord sha1Only = parseDkimKeyRecord("k=rsa; h=sha1; p=" + key.publicKeyBase64());
    QVERIFY(!verifyDkimData(DkimAlgorithm::RsaSha256, sha1Only, "x", "y", &error));
    QVERIFY(error.contains(QLatin1String("sha256")));
    QVERIFY(
        !verifyDkimData(DkimAlgorithm::RsaSha256, parseDkimKeyRecord("p=AAAA"), "x", "y", &error));
    QVERIFY(error.contains(QLatin1String("cannot be read")));
    QVERIFY(!verifyDkimData(DkimAlgorithm::Ed25519Sha256,
                            parseDkimKeyRecord("p=" + key.publicKeyBase64()), "x", "y", &error));
}

void TestAuthDkim::demo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("part"); // empty: the report itself; else the embedded type
    QTest::addColumn<DkimBodyHashStatus>("body");
    QTest::addColumn<DkimSignatureStatus>("signature");
    const auto match = DkimBodyHashStatus::Match;
    const auto valid = DkimSignatureStatus::Valid;
    QTest::newRow("01 report") << "01-arf-fbl-northwind.eml" << QByteArray() << match << valid;
    QTest::newRow("02 report") << "02-arf-quirks-northwind.eml" << QByteArray() << match << valid;
    QTest::newRow("06 report") << "06-forward-harbour-phish.eml" << QByteArray() << match << valid;
    QTest::newRow("07 report") << "07-spamhaus-sbl-harbour.eml" << QByteArray() << match << valid;
    QTest::newRow("08 report") << "08-arf-lumen-newsletter.eml" << QByteArray() << match << valid;
    QTest::newRow("08 original") << "08-arf-lumen-newsletter.eml" << QByteArray("message/rfc822")
                                 << match << valid;
    // The trap operator removed a token from the body: the headers are still as signed.
    QTest::newRow("04 original") << "04-xarf-northwind.eml" << QByteArray("message/rfc822")
                                 << DkimBodyHashStatus::Mismatch << valid;
    QTest::newRow("09 original, headers only")
        << "09-arf-optout-lumen.eml" << QByteArray("text/rfc822-headers")
        << DkimBodyHashStatus::BodyNotIncluded << valid;
}

void TestAuthDkim::demo()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, part);
    QFETCH(DkimBodyHashStatus, body);
    QFETCH(DkimSignatureStatus, signature);
    auto keys = ZoneFileDkimKeyProvider::load(
        QStringLiteral(AWB_SOURCE_DIR "/resources/demo/dkim/demo-dkim-keys.zone"));
    QVERIFY(keys);
    QFile f(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/") + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    if (!part.isEmpty())
        bytes = AwbTest::embeddedMessage(bytes, part);
    QVERIFY(!bytes.isEmpty());
    const Outcome outcome = verify(bytes, &*keys);
    QCOMPARE(outcome.body, body);
    QCOMPARE(outcome.signature, signature);
}

QTEST_GUILESS_MAIN(TestAuthDkim)
#include "tst_auth_dkim.moc"
