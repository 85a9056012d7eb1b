// DKIM key records and zone files, and the canonicalisation and body hash of RFC 6376, with the
// RFC's own examples and the well-known hashes of the empty body. Hostile rows included.

#include "analysis/auth/dkim_canonical.h"
#include "analysis/auth/dkim_key.h"
#include "analysis/auth/dkim_signature.h"
#include "analysis/auth/dkim_verifier.h"

#include <QTest>

using namespace Awb;

class TestAuthCanonical : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyRecord_data();
    void keyRecord();
    void zoneFile();
    void bodyCanonicalization_data();
    void bodyCanonicalization();
    void headerCanonicalization_data();
    void headerCanonicalization();
    void bodyHash_data();
    void bodyHash();
};

void TestAuthCanonical::keyRecord_data()
{
    QTest::addColumn<QByteArray>("txt");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("revoked");
    QTest::addColumn<bool>("usable");
    QTest::newRow("rsa") << QByteArray("v=DKIM1; k=rsa; p=AAAA") << "rsa" << false << true;
    QTest::newRow("default type, flags")
        << QByteArray("p=AAAA; t=y:s; h=sha256") << "rsa" << false << true;
    QTest::newRow("ed25519") << QByteArray("v=DKIM1; k=ed25519; p=AAAA") << "ed25519" << false
                             << true;
    QTest::newRow("revoked") << QByteArray("v=DKIM1; p=") << "rsa" << true << false;
    QTest::newRow("v=DKIM2") << QByteArray("v=DKIM2; p=AAAA") << "rsa" << false << false;
    QTest::newRow("unknown type") << QByteArray("k=dsa; p=AAAA") << "dsa" << false << false;
    QTest::newRow("bad base64") << QByteArray("p=A$A") << "rsa" << false << false;
    QTest::newRow("not for email") << QByteArray("s=web; p=AAAA") << "rsa" << false << false;
    QTest::newRow("hostile: no p=") << QByteArray(";;;\xff") << "rsa" << false << false;
}

void TestAuthCanonical::keyRecord()
{
    QFETCH(QByteArray, txt);
    QFETCH(QString, type);
    QFETCH(bool, revoked);
    QFETCH(bool, usable);
    const DkimKeyRecord key = parseDkimKeyRecord(txt);
    QCOMPARE(key.keyType, type);
    QCOMPARE(key.revoked, revoked);
    QCOMPARE(key.isUsable(), usable);
}

void TestAuthCanonical::zoneFile()
{
    auto demo = ZoneFileDkimKeyProvider::load(
        QStringLiteral(AWB_SOURCE_DIR "/resources/demo/dkim/demo-dkim-keys.zone"));
    QVERIFY2(demo, qPrintable(demo.error()));
    QCOMPARE(demo->size(), 6);
    const auto record = demo->txtRecord(QStringLiteral("FBL2026"), QStringLiteral("Example.NET."));
    QVERIFY(record);
    QVERIFY(record->startsWith("v=DKIM1; k=rsa; p=MIIB"));
    QVERIFY(record->endsWith("IDAQAB")); // the three character-strings joined
    QVERIFY(parseDkimKeyRecord(*record).isUsable());
    QVERIFY(!demo->txtRecord(QStringLiteral("nope"), QStringLiteral("example.net")));

    const ZoneFileDkimKeyProvider odd = ZoneFileDkimKeyProvider::fromText(
        "; comment only\n$ORIGIN example.\nrelative._domainkey.a.example TXT \"p=AB\" \"CD; "
        "x=\\\"\"\n"
        "www.a.example. IN A 192.0.2.1\n\"quoted owner\" TXT \"x\"\n(((\n\xff\xfe TXT\n",
        QStringLiteral("odd.zone"));
    QCOMPARE(odd.txtRecord(QStringLiteral("relative"), QStringLiteral("a.example")).value_or(""),
             QByteArray("p=ABCD; x=\""));
    QVERIFY(!odd.txtRecord(QStringLiteral("www"), QStringLiteral("a.example")));
    QVERIFY(!ZoneFileDkimKeyProvider::load(QStringLiteral("/nonexistent/keys.zone")));
}

void TestAuthCanonical::bodyCanonicalization_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("simple");
    QTest::addColumn<QByteArray>("relaxed");
    // RFC 6376 3.4.5.
    QTest::newRow("RFC 6376 example")
        << QByteArray(" C \r\nD \t E\r\n\r\n\r\n") << QByteArray(" C \r\nD \t E\r\n")
        << QByteArray(" C\r\nD E\r\n");
    QTest::newRow("empty") << QByteArray() << QByteArray("\r\n") << QByteArray();
    QTest::newRow("only empty lines")
        << QByteArray("\r\n\r\n") << QByteArray("\r\n") << QByteArray();
    QTest::newRow("no final line break")
        << QByteArray("abc") << QByteArray("abc\r\n") << QByteArray("abc\r\n");
    QTest::newRow("LF only") << QByteArray("a  b \nc\n\n") << QByteArray("a  b \r\nc\r\n")
                             << QByteArray("a b\r\nc\r\n");
    QTest::newRow("white-space line at the end")
        << QByteArray("x\r\n \t\r\n") << QByteArray("x\r\n \t\r\n") << QByteArray("x\r\n");
}

void TestAuthCanonical::bodyCanonicalization()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, simple);
    QFETCH(QByteArray, relaxed);
    QCOMPARE(canonicalizeBody(body, DkimCanonicalization::Simple), simple);
    QCOMPARE(canonicalizeBody(body, DkimCanonicalization::Relaxed), relaxed);
}

void TestAuthCanonical::headerCanonicalization_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("simple");
    QTest::addColumn<QByteArray>("relaxed");
    QTest::newRow("RFC 6376 A") << QByteArray("A") << QByteArray(" X") << QByteArray("A: X\r\n")
                                << QByteArray("a:X\r\n");
    QTest::newRow("RFC 6376 B, folded")
        << QByteArray("B ") << QByteArray(" Y\t\r\n\tZ  ") << QByteArray("B : Y\t\r\n\tZ  \r\n")
        << QByteArray("b:Y Z\r\n");
    QTest::newRow("LF fold") << QByteArray("Subject") << QByteArray(" a\n  b")
                             << QByteArray("Subject: a\r\n  b\r\n")
                             << QByteArray("subject:a b\r\n");
    QTest::newRow("empty value") << QByteArray("X-Empty") << QByteArray("")
                                 << QByteArray("X-Empty:\r\n") << QByteArray("x-empty:\r\n");
}

void TestAuthCanonical::headerCanonicalization()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, simple);
    QFETCH(QByteArray, relaxed);
    QCOMPARE(canonicalizeHeader(name, value, DkimCanonicalization::Simple), simple);
    QCOMPARE(canonicalizeHeader(name, value, DkimCanonicalization::Relaxed), relaxed);
}

void TestAuthCanonical::bodyHash_data()
{
    QTest::addColumn<QByteArray>("tags");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("hash"); // base64; empty: not computable
    // The well-known hashes of the empty body: SHA-256 of "\r\n" (simple) and of "" (relaxed).
    QTest::newRow("empty, simple") << QByteArray("c=simple/simple") << QByteArray()
                                   << QByteArray("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
    QTest::newRow("empty, relaxed") << QByteArray("c=relaxed/relaxed") << QByteArray("\n\n")
                                    << QByteArray("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    QTest::newRow("l=0 is the empty hash")
        << QByteArray("c=simple/simple; l=0") << QByteArray("abc\n")
        << QByteArray("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    QTest::newRow("l= longer than the body")
        << QByteArray("c=simple/simple; l=99") << QByteArray("abc\n") << QByteArray();
    QTest::newRow("rsa-sha1, empty simple")
        << QByteArray("a=rsa-sha1; c=simple/simple") << QByteArray()
        << QByteArray("uoq1oCgLlTqpdDX/iUbLy7J1Wic=");
}

void TestAuthCanonical::bodyHash()
{
    QFETCH(QByteArray, tags);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, hash);
    QByteArray raw = "v=1; d=a.example; s=s; h=from; bh=AA==; b=AA==; " + tags;
    if (!tags.contains("a="))
        raw += "; a=rsa-sha256";
    const DkimSignature sig = parseDkimSignature(raw);
    QVERIFY2(sig.isUsable(), qPrintable(sig.problemText()));
    QString problem;
    QCOMPARE(dkimBodyHash(sig, body, &problem).toBase64(), hash);
    QCOMPARE(problem.isEmpty(), !hash.isEmpty());
}

QTEST_GUILESS_MAIN(TestAuthCanonical)
#include "tst_auth_canonical.moc"
