// The lenient mail-date parser: RFC 5322, its obsolete forms and the broken forms seen in mail.

#include "analysis/mail_date.h"

#include <QTest>

using namespace Awb;

namespace {

// One row: the input and what it must read as. valid=false rows check only that it is refused.
struct DateRow
{
    QString text;
    bool valid = false;
    QString wallClock;     // "yyyy-MM-dd hh:mm:ss" as written
    int offsetMinutes = 0; // east of UTC positive
    MailDate::Zone zone = MailDate::Zone::Missing;
    bool twoDigitYear = false;
};

QString wallClockOf(const MailDate &d)
{
    return QStringLiteral("%1-%2-%3 %4:%5:%6")
        .arg(d.year, 4, 10, QLatin1Char('0'))
        .arg(d.month, 2, 10, QLatin1Char('0'))
        .arg(d.day, 2, 10, QLatin1Char('0'))
        .arg(d.hour, 2, 10, QLatin1Char('0'))
        .arg(d.minute, 2, 10, QLatin1Char('0'))
        .arg(d.second, 2, 10, QLatin1Char('0'));
}

} // namespace

Q_DECLARE_METATYPE(DateRow)

class TestMailDate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void toUtc();
    void hostileInput();
};

void TestMailDate::parse_data()
{
    using Z = MailDate::Zone;
    QTest::addColumn<DateRow>("row");
    auto ok = [](const char *name, const char *text, const char *wall, int offset, Z zone,
                 bool twoDigit = false) {
        QTest::newRow(name) << DateRow{
            QString::fromUtf8(text), true, QString::fromLatin1(wall), offset, zone, twoDigit};
    };
    auto bad = [](const char *name, const char *text) {
        QTest::newRow(name) << DateRow{QString::fromUtf8(text), false, {}, 0, Z::Missing, false};
    };

    ok("rfc5322", "Tue, 1 Jul 2003 10:52:37 +0200", "2003-07-01 10:52:37", 120, Z::Numeric);
    ok("no-weekday", "1 Jul 2003 10:52:37 +0200", "2003-07-01 10:52:37", 120, Z::Numeric);
    ok("no-seconds", "Wed, 27 Jun 2001 04:11 +0900", "2001-06-27 04:11:00", 540, Z::Numeric);
    ok("single-digits", "Mon, 2 Jan 2023 1:2:3 -0500", "2023-01-02 01:02:03", -300, Z::Numeric);
    ok("negative-half-hour", "Thu, 13 Feb 1969 23:32:54 -0330", "1969-02-13 23:32:54", -210,
       Z::Numeric);
    ok("minus-zero", "Tue, 1 Jul 2003 10:52:37 -0000", "2003-07-01 10:52:37", 0, Z::Numeric);
    ok("gmt", "Sat, 15 Mar 2003 00:38:03 GMT", "2003-03-15 00:38:03", 0, Z::Named);
    ok("ut", "3 Jul 2002 15:43:50 UT", "2002-07-03 15:43:50", 0, Z::Named);
    ok("est", "Sun, 27 Oct 2002 23:57:07 EST", "2002-10-27 23:57:07", -300, Z::Named);
    ok("pdt", "Fri, 02 Jun 2006 08:15:21 PDT", "2006-06-02 08:15:21", -420, Z::Named);
    ok("cet", "Thu, 13 Feb 2003 14:02:21 CET", "2003-02-13 14:02:21", 60, Z::Named);
    ok("posix-tz", "Thu, 10 Jul 1997 14:53:31 EST5EDT", "1997-07-10 14:53:31", -300, Z::Named);
    ok("gmt-plus", "Thu, 10 Jul 1997 14:53:31 GMT+0200", "1997-07-10 14:53:31", 120, Z::Numeric);
    ok("military", "Thu, 10 Jul 1997 14:53:31 A", "1997-07-10 14:53:31", 0, Z::Unknown);
    ok("unknown-name", "Thu, 10 Jul 1997 14:53:31 ZZZZ", "1997-07-10 14:53:31", 0, Z::Unknown);
    ok("zone-minutes-out-of-range", "Thu, 10 Jul 1997 14:53:31 +0260", "1997-07-10 14:53:31", 0,
       Z::Unknown);
    ok("missing-zone", "30 Apr 2003 15:06:29", "2003-04-30 15:06:29", 0, Z::Missing);
    ok("numeric-then-name", "17 Jan 2011 08:23:27 -0800 PST", "2011-01-17 08:23:27", -480,
       Z::Numeric);
    ok("zone-comment", "Tue, 29 Aug 2023 09:20:10 -0700 (PDT)", "2023-08-29 09:20:10", -420,
       Z::Numeric);
    ok("year-49", "1 Jan 49 00:00:00 +0000", "2049-01-01 00:00:00", 0, Z::Numeric, true);
    ok("year-50", "1 Jan 50 00:00:00 +0000", "1950-01-01 00:00:00", 0, Z::Numeric, true);
    ok("year-3-digits", "1 Jan 103 00:00:00 +0000", "2003-01-01 00:00:00", 0, Z::Numeric, true);
    ok("am", "Tue, 29 Aug 2023 12:05:00 AM +0000", "2023-08-29 00:05:00", 0, Z::Numeric);
    ok("pm", "Tue, 29 Aug 2023 4:20 PM", "2023-08-29 16:20:00", 0, Z::Missing);
    ok("iso-z", "2024-04-01T01:02:19Z", "2024-04-01 01:02:19", 0, Z::Named);
    ok("iso-offset", "2024-04-01 01:02:19 +02:00", "2024-04-01 01:02:19", 120, Z::Numeric);
    ok("iso-fraction", "2024-04-01T01:02:19.250-05:00", "2024-04-01 01:02:19", -300, Z::Numeric);
    ok("ctime", "Fri Feb 07 10:18:12 2003 -0800", "2003-02-07 10:18:12", -480, Z::Numeric);
    ok("ctime-no-zone", "Sun Nov 13 14:50:12 2005", "2005-11-13 14:50:12", 0, Z::Missing);
    ok("ctime-zone-before-year", "Fri Sep 14 14:36:56 EDT 2018", "2018-09-14 14:36:56", -240,
       Z::Named);
    ok("fractional-seconds", "Thu, 02 Apr 2020 07:53:55.516 +0000 (UTC)", "2020-04-02 07:53:55", 0,
       Z::Numeric);
    ok("full-names", "Tuesday, 1 July 2003 10:52:37 +0200", "2003-07-01 10:52:37", 120, Z::Numeric);
    ok("sept", "1 Sept 2003 10:52:37 +0200", "2003-09-01 10:52:37", 120, Z::Numeric);
    ok("dashed", "21-Mar-2003 20:50:56 +0100", "2003-03-21 20:50:56", 60, Z::Numeric);
    ok("numeric-month", "20 11 79 05:34:27 -0300", "1979-11-20 05:34:27", -180, Z::Numeric, true);
    ok("folded", "Thu,\r\n 13\r\n\tFeb 1969\r\n 23:32 -0330", "1969-02-13 23:32:00", -210,
       Z::Numeric);
    ok("nested-comment", "Tue, 1 Jul 2003 ((tricky)\n comment) 10:52:37 +0200",
       "2003-07-01 10:52:37", 120, Z::Numeric);
    ok("received-value", "by 192.0.2.1 with SMTP id abc;\n\tMon, 10 Oct 2022 10:31:15 -0700 (PDT)",
       "2022-10-10 10:31:15", -420, Z::Numeric);
    ok("junk-before", "_ Tue, 21 Jul 2009 14:34:14 +0200", "2009-07-21 14:34:14", 120, Z::Numeric);
    ok("junk-after", "Thu, 20 Mar 2003 10:06:43 +0100 for <x@example.com>", "2003-03-20 10:06:43",
       60, Z::Numeric);
    ok("leap-second", "31 Dec 2016 23:59:60 +0000", "2016-12-31 23:59:60", 0, Z::Numeric);
    ok("extra-spaces", "  Wed,  9 Mar 2011   06:19:47   -0500  ", "2011-03-09 06:19:47", -300,
       Z::Numeric);

    bad("empty", "");
    bad("garbage", "some numbers 0 1 2 but invalid");
    bad("no-time", "Tue, 1 Jul 2003");
    bad("unknown-month", "Tue, 7 Bog 2026 19:14:51 +0000");
    bad("month-zero", "Tue, 7 00 2026 19:14:51 +0000");
    bad("february-30", "30 Feb 2023 10:00:00 +0000");
    bad("hour-25", "1 Jul 2003 25:00:00 +0000");
    bad("minute-60", "1 Jul 2003 10:60:00 +0000");
    bad("pm-hour-13", "1 Jul 2003 13:00 PM");
    bad("broken-fold", "Tue, 1 Jul 2003 ((invalid)\ncomment) 10:52:37 +0200");
    bad("unterminated-comment", "Tue, 1 Jul 2003 (10:52:37 +0200");
    bad("five-digit-year", "1 Jul 20031 10:52:37 +0200");
}

void TestMailDate::parse()
{
    QFETCH(DateRow, row);
    const auto d = parseMailDate(row.text);
    QCOMPARE(d.has_value(), row.valid);
    if (!d)
        return;
    QCOMPARE(wallClockOf(*d), row.wallClock);
    QCOMPARE(d->zoneOffsetSeconds, row.offsetMinutes * 60);
    QCOMPARE(int(d->zone), int(row.zone));
    QCOMPARE(d->twoDigitYear, row.twoDigitYear);
}

void TestMailDate::toUtc()
{
    const auto d = parseMailDate(u"Tue, 29 Aug 2023 09:20:10 -0700");
    QVERIFY(d);
    QCOMPARE(d->toUtc(), QDateTime(QDate(2023, 8, 29), QTime(16, 20, 10), Qt::UTC));
    const auto leap = parseMailDate(u"31 Dec 2016 23:59:60 +0100");
    QVERIFY(leap);
    QCOMPARE(leap->toUtc(), QDateTime(QDate(2016, 12, 31), QTime(22, 59, 59), Qt::UTC));
}

void TestMailDate::hostileInput()
{
    const QString big = QStringLiteral("1 Jul 2003 ").repeated(100000);
    QVERIFY(!parseMailDate(big));
    QVERIFY(!parseMailDate(QString(1 << 20, QLatin1Char('('))));
    const auto d = parseMailDate(big + QStringLiteral("10:00 +0000"));
    QVERIFY(d);
    QCOMPARE(d->year, 2003);
}

QTEST_GUILESS_MAIN(TestMailDate)
#include "tst_mail_date.moc"
