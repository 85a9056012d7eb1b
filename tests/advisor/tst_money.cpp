// Money in integer cents: parsing what analysts type and billing systems export, formatting for
// statements, and arithmetic that refuses to wrap.
#include "policy/money.h"

#include <QTest>

using namespace Awb;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAmounts_data();
    void parsesAmounts();
    void rejectsWithReason_data();
    void rejectsWithReason();
    void negativeOnlyWhenAllowed();
    void formats_data();
    void formats();
    void formatThenParseRoundTrips();
    void addsAndRefusesOverflow();
    void multipliesAndRefusesOverflow();
    void sumsExactly();
};

void TestMoney::parsesAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");
    QTest::newRow("whole") << "15" << qint64(1500);
    QTest::newRow("one decimal") << "15.5" << qint64(1550);
    QTest::newRow("two decimals") << "15.50" << qint64(1550);
    QTest::newRow("cents only") << "0.07" << qint64(7);
    QTest::newRow("grouped") << "1,234.56" << qint64(123456);
    QTest::newRow("grouped millions") << "12,345,678.9" << qint64(1234567890);
    QTest::newRow("currency") << "USD 15.00" << qint64(1500);
    QTest::newRow("currency lower case, no space") << "usd15" << qint64(1500);
    QTest::newRow("dollar sign") << "$15" << qint64(1500);
    QTest::newRow("as the policy writes it") << "USD $15" << qint64(1500);
    QTest::newRow("surrounding spaces") << "  840.00 " << qint64(84000);
    // customers.csv of the demo: prepaid_usd of Bluefin Media Group.
    QTest::newRow("billing export") << "45.50" << qint64(4550);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("leading zeros") << "007.10" << qint64(710);
    QTest::newRow("largest") << "92,233,720,368,547,758.07" << kMaxMoneyCents;
}

void TestMoney::parsesAmounts()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    const Result<qint64> parsed = parseMoney(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(*parsed, cents);
}

void TestMoney::rejectsWithReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << ""
                           << "no digits";
    QTest::newRow("currency only") << "USD"
                                   << "no digits";
    QTest::newRow("three decimals") << "15.505"
                                    << "more than two decimals";
    QTest::newRow("trailing point") << "15."
                                    << "no digits after the decimal point";
    QTest::newRow("leading point") << ".50"
                                   << "no digits before the decimal point";
    QTest::newRow("european decimal comma") << "15,50"
                                            << "groups of three digits";
    QTest::newRow("misplaced group") << "1,2345"
                                     << "groups of three digits";
    QTest::newRow("leading comma") << ",123"
                                   << "groups of three digits";
    QTest::newRow("two points") << "1.2.3"
                                << "\".\" is not a digit of the cents";
    QTest::newRow("word") << "fifteen"
                          << "\"f\" is not a digit";
    QTest::newRow("other currency") << "EUR 15"
                                    << "\"E\" is not a digit";
    QTest::newRow("plus sign") << "+15"
                               << "\"+\" is not a digit";
    QTest::newRow("exponent") << "1e3"
                              << "\"e\" is not a digit";
    QTest::newRow("double minus") << "--15"
                                  << "\"-\" is not a digit";
    QTest::newRow("negative") << "-15.00"
                              << "negative amount is not allowed";
    QTest::newRow("overflow by a cent") << "92233720368547758.08"
                                        << "larger than the largest";
    QTest::newRow("overflow by far") << "99999999999999999999999"
                                     << "larger than the largest";
}

void TestMoney::rejectsWithReason()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const Result<qint64> parsed = parseMoney(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(QLatin1Char('"') + text + QLatin1Char('"')),
             qPrintable(parsed.error()));
    QVERIFY2(parsed.error().contains(reason), qPrintable(parsed.error()));
}

void TestMoney::negativeOnlyWhenAllowed()
{
    QCOMPARE(*parseMoney(QStringLiteral("-15.00"), MoneySign::AllowNegative), qint64(-1500));
    QCOMPARE(*parseMoney(QStringLiteral("USD -1,234.56"), MoneySign::AllowNegative),
             qint64(-123456));
    QCOMPARE(*parseMoney(QStringLiteral("-$0.01"), MoneySign::AllowNegative), qint64(-1));
    QCOMPARE(*parseMoney(QStringLiteral("-USD 15"), MoneySign::AllowNegative), qint64(-1500));
    QVERIFY(!parseMoney(QStringLiteral("USD -15")).ok());
}

void TestMoney::formats_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "USD 0.00";
    QTest::newRow("one cent") << qint64(1) << "USD 0.01";
    QTest::newRow("minimum penalty") << qint64(1500) << "USD 15.00";
    QTest::newRow("thousands") << qint64(123456) << "USD 1,234.56";
    QTest::newRow("exact thousand") << qint64(100000) << "USD 1,000.00";
    QTest::newRow("negative") << qint64(-1500) << "USD -15.00";
    QTest::newRow("largest") << kMaxMoneyCents << "USD 92,233,720,368,547,758.07";
    QTest::newRow("smallest qint64")
        << std::numeric_limits<qint64>::min() << "USD -92,233,720,368,547,758.08";
}

void TestMoney::formats()
{
    QFETCH(qint64, cents);
    QFETCH(QString, text);
    QCOMPARE(formatMoney(cents), text);
    QCOMPARE(formatMoneyAmount(cents), text.mid(4));
}

void TestMoney::formatThenParseRoundTrips()
{
    for (qint64 cents : {qint64(0), qint64(5), qint64(99), qint64(100), qint64(1500),
                         qint64(123456789), qint64(-42), kMaxMoneyCents, -kMaxMoneyCents}) {
        const Result<qint64> back = parseMoney(formatMoney(cents), MoneySign::AllowNegative);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(*back, cents);
    }
}

void TestMoney::addsAndRefusesOverflow()
{
    QCOMPARE(*addMoney(1500, 2599), qint64(4099));
    QCOMPARE(*addMoney(-1500, 1000), qint64(-500));
    QCOMPARE(*addMoney(kMaxMoneyCents - 1, 1), kMaxMoneyCents);
    const Result<qint64> over = addMoney(kMaxMoneyCents, 1);
    QVERIFY(!over.ok());
    QVERIFY2(over.error().contains(QStringLiteral("USD 92,233,720,368,547,758.07 + USD 0.01")),
             qPrintable(over.error()));
    QVERIFY(!addMoney(std::numeric_limits<qint64>::min(), -1).ok());
}

void TestMoney::multipliesAndRefusesOverflow()
{
    QCOMPARE(*multiplyMoney(1500, 7), qint64(10500));
    QCOMPARE(*multiplyMoney(1500, 0), qint64(0));
    QCOMPARE(*multiplyMoney(0, kMaxMoneyCents), qint64(0));
    QCOMPARE(*multiplyMoney(-1500, 3), qint64(-4500));
    QCOMPARE(*multiplyMoney(kMaxMoneyCents, 1), kMaxMoneyCents);
    QCOMPARE(*multiplyMoney(kMaxMoneyCents / 2, 2), kMaxMoneyCents - 1);
    const Result<qint64> over = multiplyMoney(kMaxMoneyCents / 2 + 1, 2);
    QVERIFY(!over.ok());
    QVERIFY2(over.error().contains(QStringLiteral("x 2 does not fit")), qPrintable(over.error()));
    QVERIFY(!multiplyMoney(1500, kMaxMoneyCents).ok());
    // 2^32 x 2^32 wraps to 0 in 64 bits: the kind of overflow a naive check misses.
    QVERIFY(!multiplyMoney(qint64(1) << 32, qint64(1) << 32).ok());
    QCOMPARE(*multiplyMoney(std::numeric_limits<qint64>::min(), 1),
             std::numeric_limits<qint64>::min());
    QVERIFY(!multiplyMoney(std::numeric_limits<qint64>::min(), -1).ok());
}

void TestMoney::sumsExactly()
{
    // A thousand 0.1-dollar lines: exactly USD 100.00, as no sum of doubles would guarantee.
    QList<qint64> dimes(1000, 10);
    QCOMPARE(*sumMoney(dimes), qint64(10000));
    QCOMPARE(*sumMoney({}), qint64(0));
    QVERIFY(!sumMoney({kMaxMoneyCents, 1, -1}).ok());
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
