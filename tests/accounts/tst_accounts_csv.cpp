// The RFC 4180 reader, the file-kind detection and the value parsers of the account import.
#include "accounts/account_csv.h"
#include "accounts/csv_reader.h"

#include <QTest>

using namespace Awb;

class TestAccountsCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void brokenRecords_data();
    void brokenRecords();
    void decodesUtf8WithOrWithoutBom();
    void refusesOtherEncodings();
    void timestamps_data();
    void timestamps();
    void money_data();
    void money();
    void detectsKind_data();
    void detectsKind();
    void refusesHeader_data();
    void refusesHeader();
};

// Records as "line:field|field" strings, for compact rows.
static QStringList flatten(const QList<CsvRecord> &records)
{
    QStringList out;
    for (const CsvRecord &r : records)
        out << QStringLiteral("%1:%2").arg(r.line).arg(r.fields.join(QLatin1Char('|')));
    return out;
}

void TestAccountsCsv::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("records");
    QTest::newRow("plain LF") << QStringLiteral("a,b,c\n1,2,3\n")
                              << QStringList{"1:a|b|c", "2:1|2|3"};
    QTest::newRow("CRLF") << QStringLiteral("a,b\r\n1,2\r\n") << QStringList{"1:a|b", "2:1|2"};
    QTest::newRow("lone CR") << QStringLiteral("a,b\r1,2") << QStringList{"1:a|b", "2:1|2"};
    QTest::newRow("no final line break")
        << QStringLiteral("a,b\n1,2") << QStringList{"1:a|b", "2:1|2"};
    QTest::newRow("empty fields") << QStringLiteral("a,,c\n,,\n") << QStringList{"1:a||c", "2:||"};
    QTest::newRow("quoted comma") << QStringLiteral("\"Bluefin Media Group, Inc.\",x\n")
                                  << QStringList{"1:Bluefin Media Group, Inc.|x"};
    QTest::newRow("doubled quotes") << QStringLiteral("\"Kowloon \"\"Night Owl\"\" Studios\"\n")
                                    << QStringList{"1:Kowloon \"Night Owl\" Studios"};
    QTest::newRow("empty quoted field") << QStringLiteral("a,\"\",c\n") << QStringList{"1:a||c"};
    QTest::newRow("embedded LF") << QStringLiteral("id,notes\n1,\"line one\nline two\"\n2,x\n")
                                 << QStringList{"1:id|notes", "2:1|line one\nline two", "4:2|x"};
    QTest::newRow("embedded CRLF kept as LF")
        << QStringLiteral("id,notes\r\n1,\"one\r\ntwo\"\r\n2,x\r\n")
        << QStringList{"1:id|notes", "2:1|one\ntwo", "4:2|x"};
    QTest::newRow("blank lines skipped")
        << QStringLiteral("a\n\n\nb\n") << QStringList{"1:a", "4:b"};
    QTest::newRow("BOM") << QStringLiteral("\ufeffaccount_id,name\nX,Y\n")
                         << QStringList{"1:account_id|name", "2:X|Y"};
    QTest::newRow("non-ASCII") << QStringLiteral("IXC-10120,Tsim Sha Tsui 貿易 Ltd\n")
                               << QStringList{"1:IXC-10120|Tsim Sha Tsui 貿易 Ltd"};
    QTest::newRow("spaces kept") << QStringLiteral(" a , b \n") << QStringList{"1: a | b "};
}

void TestAccountsCsv::parse()
{
    QFETCH(QString, text);
    QFETCH(QStringList, records);
    const QList<CsvRecord> parsed = parseCsv(text);
    for (const CsvRecord &r : parsed)
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(flatten(parsed), records);
}

void TestAccountsCsv::brokenRecords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("badLine");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("goodRecords");
    QTest::newRow("quote inside unquoted field")
        << QStringLiteral("a,b\n1,x\"y\n2,z\n") << 2 << QStringLiteral("double quote inside")
        << QStringList{"1:a|b", "3:2|z"};
    QTest::newRow("text after closing quote")
        << QStringLiteral("a,b\n1,\"x\"y\n2,z\n") << 2 << QStringLiteral("after the closing quote")
        << QStringList{"1:a|b", "3:2|z"};
    QTest::newRow("quote never closed")
        << QStringLiteral("a,b\n1,2\n3,\"open\n4,5\n") << 3
        << QStringLiteral("opened on line 3 is not closed") << QStringList{"1:a|b", "2:1|2"};
}

void TestAccountsCsv::brokenRecords()
{
    QFETCH(QString, text);
    QFETCH(int, badLine);
    QFETCH(QString, reason);
    QFETCH(QStringList, goodRecords);
    QList<CsvRecord> good;
    int errors = 0;
    for (const CsvRecord &r : parseCsv(text)) {
        if (r.error.isEmpty()) {
            good << r;
            continue;
        }
        ++errors;
        QCOMPARE(r.line, badLine);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    }
    QCOMPARE(errors, 1);
    QCOMPARE(flatten(good), goodRecords);
}

void TestAccountsCsv::decodesUtf8WithOrWithoutBom()
{
    const QByteArray body = "a,b\nTsim Sha Tsui \xe8\xb2\xbf\xe6\x98\x93,x\n";
    for (const QByteArray &bytes : {body, QByteArray("\xef\xbb\xbf") + body}) {
        Result<QString> text = decodeCsvText(bytes);
        QVERIFY(text);
        QVERIFY(text->startsWith(QLatin1String("a,b")));
        QVERIFY(text->contains(QStringLiteral("貿易")));
    }
}

void TestAccountsCsv::refusesOtherEncodings()
{
    Result<QString> text = decodeCsvText("name\nCaf\xe9 Ltd\n"); // Windows-1252
    QVERIFY(!text);
    QVERIFY2(text.error().contains(QLatin1String("UTF-8")), qPrintable(text.error()));
}

void TestAccountsCsv::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("endOfDay");
    QTest::addColumn<QString>("expected"); // ISO with ms in UTC, empty = refused
    QTest::newRow("date") << "2026-05-31" << false << "2026-05-31T00:00:00.000Z";
    QTest::newRow("date, end of day") << "2026-05-31" << true << "2026-05-31T23:59:59.999Z";
    QTest::newRow("date-time with zone")
        << "2025-11-03T10:15:00+08:00" << false << "2025-11-03T02:15:00.000Z";
    QTest::newRow("zone without colon")
        << "2025-11-03T10:15:00-0400" << false << "2025-11-03T14:15:00.000Z";
    QTest::newRow("Z") << "2026-11-09T03:12:45Z" << false << "2026-11-09T03:12:45.000Z";
    QTest::newRow("no zone is UTC") << "2026-11-09 03:12" << false << "2026-11-09T03:12:00.000Z";
    QTest::newRow("fraction") << "2026-11-09T03:12:45.1234Z" << false << "2026-11-09T03:12:45.123Z";
    QTest::newRow("date-time is not widened")
        << "2026-05-31T12:00:00Z" << true << "2026-05-31T12:00:00.000Z";
    QTest::newRow("impossible date") << "2026-02-30" << false << "";
    QTest::newRow("day first") << "31/05/2026" << false << "";
    QTest::newRow("hour 25") << "2026-05-31T25:00:00Z" << false << "";
    QTest::newRow("words") << "yesterday" << false << "";
}

void TestAccountsCsv::timestamps()
{
    QFETCH(QString, text);
    QFETCH(bool, endOfDay);
    QFETCH(QString, expected);
    const std::optional<QDateTime> value = parseIsoTimestamp(text, endOfDay);
    if (expected.isEmpty()) {
        QVERIFY(!value);
        return;
    }
    QVERIFY(value);
    QCOMPARE(value->timeSpec(), Qt::UTC);
    QCOMPARE(value->toString(Qt::ISODateWithMs), expected);
}

void TestAccountsCsv::money_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents"); // -1 = refused (no row below is -1 cent)
    QTest::newRow("two decimals") << "120.50" << qint64(12050);
    QTest::newRow("one decimal") << "45.5" << qint64(4550);
    QTest::newRow("whole") << "840" << qint64(84000);
    QTest::newRow("zero") << "0.00" << qint64(0);
    QTest::newRow("negative") << "-3.07" << qint64(-307);
    QTest::newRow("exact where a double is not") << "0.29" << qint64(29);
    QTest::newRow("large") << "9999999999999.99" << qint64(999999999999999);
    QTest::newRow("thousands separator") << "1,200.00" << qint64(-1);
    QTest::newRow("currency sign") << "$5" << qint64(-1);
    QTest::newRow("three decimals") << "1.234" << qint64(-1);
    QTest::newRow("exponent") << "1e3" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestAccountsCsv::money()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    const std::optional<qint64> value = parseMoneyCents(text);
    if (cents == -1)
        QVERIFY(!value);
    else
        QCOMPARE(value.value_or(-1), cents);
}

void TestAccountsCsv::detectsKind_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("ignored");
    QTest::newRow("customers") << "account_id,name,email,status,created_at,country,prepaid_usd"
                               << "customers" << QStringList();
    QTest::newRow("customers, other order and case") << "Status,NAME, account_id ,prepaid_usd"
                                                     << "customers" << QStringList();
    QTest::newRow("assignments") << "account_id,prefix,valid_from,valid_to,service_id"
                                 << "ip_assignments" << QStringList();
    QTest::newRow("assignments with extra columns")
        << "prefix,account_id,valid_from,rack,comment"
        << "ip_assignments" << QStringList{"rack", "comment"};
    QTest::newRow("domains") << "account_id,domain,valid_from,valid_to"
                             << "domains" << QStringList();
    QTest::newRow("history") << "account_id,date,action,clause,reference,notes"
                             << "history" << QStringList();
}

void TestAccountsCsv::detectsKind()
{
    QFETCH(QString, header);
    QFETCH(QString, kind);
    QFETCH(QStringList, ignored);
    Result<AccountFileLayout> layout = detectAccountFile(header.split(QLatin1Char(',')));
    QVERIFY2(layout, qPrintable(layout.error()));
    QCOMPARE(accountFileKindName(layout->kind), kind);
    QCOMPARE(layout->ignoredColumns, ignored);
    QCOMPARE(layout->columnCount, int(header.split(QLatin1Char(',')).size()));
}

void TestAccountsCsv::refusesHeader_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown") << "id,foo,bar"
                             << "not an account file";
    QTest::newRow("two kinds") << "account_id,prefix,domain,valid_from"
                               << "more than one kind";
    QTest::newRow("missing required") << "account_id,prefix"
                                      << "no “valid_from” column";
    QTest::newRow("duplicate column") << "account_id,domain,domain,valid_from"
                                      << "twice";
}

void TestAccountsCsv::refusesHeader()
{
    QFETCH(QString, header);
    QFETCH(QString, reason);
    Result<AccountFileLayout> layout = detectAccountFile(header.split(QLatin1Char(',')));
    QVERIFY(!layout);
    QVERIFY2(layout.error().contains(reason), qPrintable(layout.error()));
}

QTEST_GUILESS_MAIN(TestAccountsCsv)
#include "tst_accounts_csv.moc"
