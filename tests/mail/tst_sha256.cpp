#include "mail/sha256.h"

#include <QTest>

using namespace Awb;

class TestSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownVectors_data();
    void knownVectors();
    void incrementalMatchesOneShot_data();
    void incrementalMatchesOneShot();
    void rawDigestIs32Bytes();
};

// FIPS 180-2 Appendix B and the NIST example values.
void TestSha256::knownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("hex");

    QTest::newRow("empty") << QByteArray()
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
                                         "7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
                                       "f20015ad");
    QTest::newRow("448 bits")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("896 bits")
        << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklm"
                      "nopqklmnopqrlmnopqrsmnopqrstnopqrstu")
        << QByteArray("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    QTest::newRow("million a") << QByteArray(1000000, 'a')
                               << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d"
                                             "39ccc7112cd0");
}

void TestSha256::knownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, hex);
    QCOMPARE(sha256Hex(input), hex);
    QCOMPARE(sha256(input), QByteArray::fromHex(hex));
}

void TestSha256::incrementalMatchesOneShot_data()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("1 byte") << 1;
    QTest::newRow("63 bytes (across block edges)") << 63;
    QTest::newRow("64 bytes (one block)") << 64;
    QTest::newRow("whole input") << 100000;
}

void TestSha256::incrementalMatchesOneShot()
{
    QFETCH(int, chunk);
    QByteArray input;
    for (int i = 0; i < 5000; ++i)
        input.append(char(i * 31 + 7));

    Sha256Hasher hasher;
    for (qsizetype at = 0; at < input.size(); at += chunk)
        hasher.addData(input.mid(at, chunk));
    QCOMPARE(hasher.result(), sha256(input));
}

void TestSha256::rawDigestIs32Bytes()
{
    QCOMPARE(sha256("x").size(), 32);
    QCOMPARE(sha256Hex("x").size(), 64);
}

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
