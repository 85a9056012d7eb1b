// The Hong Kong general-holiday calendar: the shipped iCalendar file (the gazetted lists of 2024,
// 2025 and 2026, and 2027 computed by rule and marked tentative), checked against the fixed-date
// and Easter rules worked out here independently, the parser's RFC 5545 handling (STATUS too),
// and broken files refused with file, line and reason.
#include "policy/holiday_calendar.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

using namespace Awb;

namespace {

const QString kCalendar =
    QStringLiteral(AWB_SOURCE_DIR "/resources/calendars/hk-general-holidays.ics");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A calendar around the given event lines, with CRLF line ends as RFC 5545 writes them.
QByteArray ics(const QList<QByteArray> &eventLines)
{
    QList<QByteArray> lines = {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//EN"};
    lines << eventLines << "END:VCALENDAR";
    return lines.join("\r\n") + "\r\n";
}

QList<QByteArray> holidayEvent(const QByteArray &start, const QByteArray &summary)
{
    return {"BEGIN:VEVENT", "DTSTART;VALUE=DATE:" + start, "SUMMARY:" + summary, "END:VEVENT"};
}

} // namespace

class TestHolidayCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shippedCoverage();
    void shippedHolidays_data();
    void shippedHolidays();
    void shippedFollowsTheRules();
    void tentativeAndCancelled();
    void businessDays_data();
    void businessDays();
    void versionLabel();
    void lineEndsAndFolding();
    void multiDayAndEscapes();
    void ignoresWhatItDoesNotNeed();
    void partialYearIsNotCovered();
    void malformed_data();
    void malformed();

private:
    HolidayCalendar m_calendar;
};

void TestHolidayCalendar::initTestCase()
{
    Result<HolidayCalendar> calendar = HolidayCalendar::load(kCalendar);
    QVERIFY2(calendar.ok(), qPrintable(calendar.error()));
    m_calendar = *calendar;
}

void TestHolidayCalendar::shippedCoverage()
{
    QCOMPARE(m_calendar.coveredYears(), (QList<int>{2024, 2025, 2026, 2027}));
    QCOMPARE(m_calendar.firstYear(), 2024);
    QCOMPARE(m_calendar.lastYear(), 2027);
    QVERIFY(m_calendar.covers(QDate(2024, 1, 1)));
    QVERIFY(m_calendar.covers(QDate(2027, 12, 31)));
    QVERIFY(!m_calendar.covers(QDate(2028, 1, 1)));
    QVERIFY(!m_calendar.covers(QDate(2023, 12, 31)));
    // 2027 was computed by rule before its gazette notice could be checked: every one of its
    // days is TENTATIVE in the file, and no gazetted year's is.
    QCOMPARE(m_calendar.provisionalYears(), QList<int>{2027});
    QVERIFY(m_calendar.isProvisional(QDate(2027, 6, 9)));
    QVERIFY(!m_calendar.isProvisional(QDate(2026, 6, 19)));
    QVERIFY(!m_calendar.isProvisional(QDate(2028, 1, 1)));
    QCOMPARE(m_calendar.coverageText(), QStringLiteral("2024-2027 (2027 provisional)"));
    // Each gazetted year has 17 general holidays besides Sundays, and the 1823 layout never lists
    // a Sunday (a holiday falling on one is replaced by a weekday): a Sunday in the file would be
    // a transcription error.
    QHash<int, int> perYear;
    for (const Holiday &holiday : m_calendar.holidays()) {
        ++perYear[holiday.date.year()];
        QVERIFY2(holiday.date.dayOfWeek() != Qt::Sunday,
                 qPrintable(holiday.date.toString(Qt::ISODate)));
    }
    QCOMPARE(perYear.value(2024), 17);
    QCOMPARE(perYear.value(2025), 17);
    QCOMPARE(perYear.value(2026), 17);
    QCOMPARE(perYear.value(2027), 17);
    QCOMPARE(perYear.size(), 4);
}

void TestHolidayCalendar::shippedHolidays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("name");
    const auto add = [](int y, int m, int d, const char *name) {
        QTest::addRow("%04d-%02d-%02d", y, m, d) << QDate(y, m, d) << QString::fromUtf8(name);
    };
    // 2024: the second day of Lunar New Year fell on a Sunday, so the fourth was given.
    add(2024, 2, 10, "Lunar New Year's Day");
    add(2024, 2, 13, "The fourth day of Lunar New Year");
    add(2024, 3, 30, "The day following Good Friday");
    add(2024, 10, 11, "Chung Yeung Festival");
    // 2025
    add(2025, 1, 29, "Lunar New Year's Day");
    add(2025, 1, 31, "The third day of Lunar New Year");
    add(2025, 4, 4, "Ching Ming Festival");
    add(2025, 4, 18, "Good Friday");
    add(2025, 4, 21, "Easter Monday");
    add(2025, 5, 5, "The Birthday of the Buddha");
    add(2025, 5, 31, "Tuen Ng Festival");
    add(2025, 10, 7, "The day following the Chinese Mid-Autumn Festival");
    add(2025, 10, 29, "Chung Yeung Festival");
    add(2025, 12, 25, "Christmas Day");
    add(2025, 12, 26, "The first weekday after Christmas Day");
    // 2026, as gazetted on 16 May 2025: every one of the 17.
    add(2026, 1, 1, "The first day of January");
    add(2026, 2, 17, "Lunar New Year's Day");
    add(2026, 2, 18, "The second day of Lunar New Year");
    add(2026, 2, 19, "The third day of Lunar New Year");
    add(2026, 4, 3, "Good Friday");
    add(2026, 4, 4, "The day following Good Friday");
    add(2026, 4, 6, "The day following Ching Ming Festival"); // Ching Ming on Sunday 5 April
    add(2026, 4, 7, "The day following Easter Monday");       // Easter Monday took the 6th
    add(2026, 5, 1, "Labour Day");
    add(2026, 5, 25, "The day following the Birthday of the Buddha"); // Buddha's Birthday: Sunday
    add(2026, 6, 19, "Tuen Ng Festival");
    add(2026, 7, 1, "Hong Kong Special Administrative Region Establishment Day");
    add(2026, 9, 26, "The day following the Chinese Mid-Autumn Festival"); // a Saturday
    add(2026, 10, 1, "National Day");
    add(2026, 10, 19, "The day following Chung Yeung Festival"); // Chung Yeung: Sunday 18 October
    add(2026, 12, 25, "Christmas Day");
    add(2026, 12, 26, "The first weekday after Christmas Day"); // a Saturday
    // 2027, computed: the second day of Lunar New Year (7 Feb) is a Sunday, so the fourth is
    // given; Christmas Day is a Saturday and 26 Dec a Sunday, so the first weekday is the 27th.
    add(2027, 1, 1, "The first day of January");
    add(2027, 2, 6, "Lunar New Year's Day");
    add(2027, 2, 8, "The third day of Lunar New Year");
    add(2027, 2, 9, "The fourth day of Lunar New Year");
    add(2027, 3, 26, "Good Friday");
    add(2027, 3, 27, "The day following Good Friday");
    add(2027, 3, 29, "Easter Monday");
    add(2027, 4, 5, "Ching Ming Festival");
    add(2027, 5, 1, "Labour Day");
    add(2027, 5, 13, "The Birthday of the Buddha");
    add(2027, 6, 9, "Tuen Ng Festival");
    add(2027, 7, 1, "Hong Kong Special Administrative Region Establishment Day");
    add(2027, 9, 16, "The day following the Chinese Mid-Autumn Festival");
    add(2027, 10, 1, "National Day");
    add(2027, 10, 8, "Chung Yeung Festival");
    add(2027, 12, 25, "Christmas Day");
    add(2027, 12, 27, "The first weekday after Christmas Day");
}

void TestHolidayCalendar::shippedHolidays()
{
    QFETCH(QDate, date);
    QFETCH(QString, name);
    QVERIFY(m_calendar.isHoliday(date));
    QCOMPARE(m_calendar.holidayName(date), name);
    QVERIFY(!m_calendar.isBusinessDay(date));
}

// The rules of the General Holidays Ordinance that need no lunar calendar, worked out here
// without the file: 1 January, Labour Day, Establishment Day and National Day are holidays, or
// the day after when they fall on a Sunday; Christmas Day unless a Sunday, and the first weekday
// after it; Good Friday, the day after it and the Monday after Easter (Easter Monday, or a
// substitute for Ching Ming when the two meet). A wrong transcription or a wrong computed year
// shows here.
void TestHolidayCalendar::shippedFollowsTheRules()
{
    const auto offOrNextDay = [](const QDate &date) {
        return date.dayOfWeek() == Qt::Sunday ? date.addDays(1) : date;
    };
    for (int year : m_calendar.coveredYears()) {
        for (const QDate &fixed :
             {QDate(year, 1, 1), QDate(year, 5, 1), QDate(year, 7, 1), QDate(year, 10, 1)}) {
            QVERIFY2(m_calendar.isHoliday(offOrNextDay(fixed)),
                     qPrintable(fixed.toString(Qt::ISODate)));
        }
        const QDate christmas(year, 12, 25);
        if (christmas.dayOfWeek() != Qt::Sunday)
            QVERIFY2(m_calendar.isHoliday(christmas), qPrintable(christmas.toString()));
        QDate boxing = christmas.addDays(1);
        while (boxing.dayOfWeek() == Qt::Sunday)
            boxing = boxing.addDays(1);
        QVERIFY2(m_calendar.isHoliday(boxing), qPrintable(boxing.toString(Qt::ISODate)));

        // Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
        const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        const int m = (a + 11 * h + 22 * l) / 451;
        const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        const QDate easter(year, month, day);
        QCOMPARE(easter.dayOfWeek(), int(Qt::Sunday));
        QCOMPARE(m_calendar.holidayName(easter.addDays(-2)), QStringLiteral("Good Friday"));
        QCOMPARE(m_calendar.holidayName(easter.addDays(-1)),
                 QStringLiteral("The day following Good Friday"));
        QVERIFY2(m_calendar.isHoliday(easter.addDays(1)), qPrintable(easter.toString()));
    }
}

void TestHolidayCalendar::tentativeAndCancelled()
{
    // RFC 5545 3.8.1.11. A cancelled event is no holiday; a tentative one is, and makes its year
    // provisional once the year is covered; CONFIRMED (any case) is what no STATUS means.
    QList<QByteArray> lines;
    for (int day = 1; day <= 10; ++day) {
        lines << "BEGIN:VEVENT"
              << "DTSTART;VALUE=DATE:" + QByteArray::number(20300100 + day)
              << (day == 3 ? "STATUS:tentative" : "STATUS:Confirmed") << "SUMMARY:Day"
              << "END:VEVENT";
    }
    lines << holidayEvent("20301225", "Christmas Day");
    lines.insert(lines.size() - 1, "STATUS:CANCELLED");
    lines << holidayEvent("20310101", "Spill") << "BEGIN:VEVENT"
          << "DTSTART;VALUE=DATE:20310101"
          << "STATUS:TENTATIVE"
          << "END:VEVENT";
    const Result<HolidayCalendar> calendar =
        HolidayCalendar::fromIcs(ics(lines), QStringLiteral("t.ics"));
    QVERIFY2(calendar.ok(), qPrintable(calendar.error()));
    QVERIFY(calendar->isHoliday(QDate(2030, 1, 3)));
    QVERIFY(!calendar->isHoliday(QDate(2030, 12, 25)));
    QCOMPARE(calendar->coveredYears(), QList<int>{2030});
    QCOMPARE(calendar->provisionalYears(), QList<int>{2030});
    QVERIFY(calendar->isProvisional(QDate(2030, 7, 1)));
    // 2031 is not covered, so not provisional, whatever its one day says.
    QVERIFY(!calendar->isProvisional(QDate(2031, 1, 1)));
    QCOMPARE(calendar->coverageText(), QStringLiteral("2030 (2030 provisional)"));

    // A day listed by a confirmed and by a tentative event is confirmed, in either order: a
    // year whose only tentative event repeats a confirmed day is not provisional.
    QList<QByteArray> confirmed;
    for (int day = 1; day <= 10; ++day)
        confirmed << holidayEvent(QByteArray::number(20300100 + day), "Day");
    const QList<QByteArray> tentative = {"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300103",
                                         "STATUS:TENTATIVE", "SUMMARY:Again", "END:VEVENT"};
    for (const QList<QByteArray> &order : {confirmed + tentative, tentative + confirmed}) {
        const Result<HolidayCalendar> mixed =
            HolidayCalendar::fromIcs(ics(order), QStringLiteral("m.ics"));
        QVERIFY2(mixed.ok(), qPrintable(mixed.error()));
        QCOMPARE(mixed->coveredYears(), QList<int>{2030});
        QVERIFY(mixed->provisionalYears().isEmpty());
        QVERIFY(mixed->holidayName(QDate(2030, 1, 3)).contains(QStringLiteral("Again")));
    }
}

void TestHolidayCalendar::businessDays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("holiday");
    QTest::addColumn<bool>("businessDay");
    QTest::newRow("an ordinary Friday") << QDate(2026, 11, 27) << false << true;
    QTest::newRow("an ordinary Saturday") << QDate(2026, 11, 28) << false << true;
    QTest::newRow("a Sunday") << QDate(2026, 11, 29) << false << false;
    QTest::newRow("Ching Ming 2026 itself, a Sunday") << QDate(2026, 4, 5) << false << false;
    QTest::newRow("Buddha's Birthday 2026, a Sunday") << QDate(2026, 5, 24) << false << false;
    QTest::newRow("Mid-Autumn Festival 2026 itself") << QDate(2026, 9, 25) << false << true;
    QTest::newRow("27 Dec 2026, a Sunday") << QDate(2026, 12, 27) << false << false;
    QTest::newRow("28 Dec 2026, a Monday") << QDate(2026, 12, 28) << false << true;
    QTest::newRow("1 Jan 2027, provisional") << QDate(2027, 1, 1) << true << false;
    QTest::newRow("1 Jan 2028, not covered") << QDate(2028, 1, 1) << false << true;
    QTest::newRow("invalid") << QDate() << false << false;
}

void TestHolidayCalendar::businessDays()
{
    QFETCH(QDate, date);
    QFETCH(bool, holiday);
    QFETCH(bool, businessDay);
    QCOMPARE(m_calendar.isHoliday(date), holiday);
    QCOMPARE(m_calendar.isBusinessDay(date), businessDay);
    if (!holiday)
        QCOMPARE(m_calendar.holidayName(date), QString());
}

void TestHolidayCalendar::versionLabel()
{
    const QByteArray sha =
        QCryptographicHash::hash(readFile(kCalendar), QCryptographicHash::Sha256).toHex();
    QCOMPARE(m_calendar.sha256Hex(), sha);
    QCOMPARE(m_calendar.versionLabel(),
             QStringLiteral("Hong Kong General Holidays (hk-general-holidays.ics), covers "
                            "2024-2027 (2027 provisional), sha256 ") +
                 QString::fromLatin1(sha.left(8)));
    QCOMPARE(m_calendar.calendarName(), QStringLiteral("Hong Kong General Holidays"));
    QCOMPARE(m_calendar.productId(),
             QStringLiteral("-//Abuse Workbench//Hong Kong General Holidays 2024-2027//EN"));
    QCOMPARE(m_calendar.sourcePath(), kCalendar);
}

void TestHolidayCalendar::lineEndsAndFolding()
{
    // The shipped file has CRLF line ends and a folded X-WR-CALDESC; with LF it reads the same.
    const QByteArray crlf = readFile(kCalendar);
    QVERIFY(crlf.contains("\r\n "));
    QByteArray lf = crlf;
    lf.replace("\r\n", "\n");
    const Result<HolidayCalendar> fromLf = HolidayCalendar::fromIcs(lf, QStringLiteral("lf.ics"));
    QVERIFY2(fromLf.ok(), qPrintable(fromLf.error()));
    QCOMPARE(fromLf->holidays().size(), m_calendar.holidays().size());
    QCOMPARE(fromLf->holidayName(QDate(2026, 4, 7)),
             QStringLiteral("The day following Easter Monday"));

    // A SUMMARY folded twice, once with a space and once with a tab (RFC 5545 3.1): the first
    // white-space character of a continuation is dropped, the rest kept.
    const QByteArray folded =
        ics({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260926", "SUMMARY:The day following the Chi",
             " nese Mid-Autumn", "\t Festival", "END:VEVENT"});
    const Result<HolidayCalendar> calendar =
        HolidayCalendar::fromIcs(folded, QStringLiteral("f.ics"));
    QVERIFY2(calendar.ok(), qPrintable(calendar.error()));
    QCOMPARE(calendar->holidayName(QDate(2026, 9, 26)),
             QStringLiteral("The day following the Chinese Mid-Autumn Festival"));
}

void TestHolidayCalendar::multiDayAndEscapes()
{
    const QByteArray bytes =
        ics({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250129", "DTEND;VALUE=DATE:20250201",
             "SUMMARY:Lunar New Year\\, three days", "END:VEVENT", "BEGIN:VEVENT",
             "DTSTART:20250404", "SUMMARY:Ching Ming\\; no DTEND", "END:VEVENT", "BEGIN:VEVENT",
             "DTSTART;VALUE=DATE:20250418", "DURATION:P2D", "SUMMARY:Easter\\\\Good Friday",
             "END:VEVENT"});
    const Result<HolidayCalendar> calendar =
        HolidayCalendar::fromIcs(bytes, QStringLiteral("m.ics"));
    QVERIFY2(calendar.ok(), qPrintable(calendar.error()));
    QCOMPARE(calendar->holidays().size(), 3 + 1 + 2);
    QCOMPARE(calendar->holidayName(QDate(2025, 1, 31)),
             QStringLiteral("Lunar New Year, three days"));
    QVERIFY(!calendar->isHoliday(QDate(2025, 2, 1))); // DTEND is exclusive
    QCOMPARE(calendar->holidayName(QDate(2025, 4, 4)), QStringLiteral("Ching Ming; no DTEND"));
    QVERIFY(!calendar->isHoliday(QDate(2025, 4, 5)));
    QCOMPARE(calendar->holidayName(QDate(2025, 4, 19)), QStringLiteral("Easter\\Good Friday"));
    QVERIFY(!calendar->isHoliday(QDate(2025, 4, 20)));
}

void TestHolidayCalendar::ignoresWhatItDoesNotNeed()
{
    const QByteArray bytes = ics({"X-WR-CALNAME:Holidays\\, tested",
                                  "CALSCALE:GREGORIAN",
                                  "BEGIN:VTIMEZONE",
                                  "TZID:Asia/Hong_Kong",
                                  "BEGIN:STANDARD",
                                  "DTSTART:19700101T000000",
                                  "TZOFFSETFROM:+0800",
                                  "TZOFFSETTO:+0800",
                                  "END:STANDARD",
                                  "END:VTIMEZONE",
                                  "BEGIN:VEVENT",
                                  "UID:1@test",
                                  "DTSTAMP:20250506T032740Z",
                                  "TRANSP:TRANSPARENT",
                                  "X-UNKNOWN;FOO=\"a:b;c\":value",
                                  "DTSTART;VALUE=DATE:20251001",
                                  "SUMMARY:National Day",
                                  "BEGIN:VALARM",
                                  "TRIGGER:-PT15M",
                                  "DTSTART:bogus",
                                  "END:VALARM",
                                  "END:VEVENT"});
    const Result<HolidayCalendar> calendar =
        HolidayCalendar::fromIcs(bytes, QStringLiteral("i.ics"));
    QVERIFY2(calendar.ok(), qPrintable(calendar.error()));
    QCOMPARE(calendar->holidays().size(), 1);
    QCOMPARE(calendar->holidayName(QDate(2025, 10, 1)), QStringLiteral("National Day"));
    QCOMPARE(calendar->calendarName(), QStringLiteral("Holidays, tested"));
    QCOMPARE(calendar->productId(), QStringLiteral("-//Test//Test//EN"));
}

void TestHolidayCalendar::partialYearIsNotCovered()
{
    // The 1823 file sometimes carries the next year's 1 January: one day does not make a year.
    QByteArray crlf = readFile(kCalendar);
    const QByteArray spill = "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280101\r\n"
                             "DTEND;VALUE=DATE:20280102\r\nSUMMARY:The first day of January\r\n"
                             "END:VEVENT\r\nEND:VCALENDAR\r\n";
    crlf.replace("END:VCALENDAR\r\n", spill);
    const Result<HolidayCalendar> calendar =
        HolidayCalendar::fromIcs(crlf, QStringLiteral("s.ics"));
    QVERIFY2(calendar.ok(), qPrintable(calendar.error()));
    QVERIFY(calendar->isHoliday(QDate(2028, 1, 1)));
    QVERIFY(!calendar->covers(QDate(2028, 1, 1)));
    QVERIFY(!calendar->isProvisional(QDate(2028, 1, 1)));
    QCOMPARE(calendar->lastYear(), 2027);
    QCOMPARE(calendar->coverageText(), QStringLiteral("2024-2027 (2027 provisional)"));
}

void TestHolidayCalendar::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray okEvent = "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\nEND:VEVENT\r\n";
    QTest::newRow("empty") << QByteArray() << "bad.ics: empty file, not a calendar";
    QTest::newRow("not a calendar") << QByteArray("Date,Name\n2025-01-01,New Year\n")
                                    << "bad.ics line 1: not an iCalendar content line "
                                       "(NAME:value), nor the continuation of one "
                                       "(which begins with a space): Date,Name";
    QTest::newRow("no VCALENDAR")
        << QByteArray("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nEND:VEVENT\n")
        << "bad.ics line 1: not an iCalendar file: expected BEGIN:VCALENDAR, found BEGIN:VEVENT";
    QTest::newRow("broken DTSTART")
        << ics({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:2025-01-01", "END:VEVENT"})
        << "bad.ics line 5: DTSTART is not a date (YYYYMMDD): \"2025-01-01\"";
    QTest::newRow("impossible DTSTART")
        << ics(holidayEvent("20250230", "No such day")) << "bad.ics line 5: DTSTART is not a date";
    QTest::newRow("date-time DTSTART")
        << ics({"BEGIN:VEVENT", "DTSTART:20250101T000000", "END:VEVENT"})
        << "bad.ics line 5: DTSTART is a date-time (20250101T000000); a holiday is a whole day";
    QTest::newRow("no DTSTART") << ics({"BEGIN:VEVENT", "SUMMARY:Nothing", "END:VEVENT"})
                                << "bad.ics line 4: the event that begins here has no DTSTART";
    QTest::newRow("end before start")
        << ics({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250102", "DTEND;VALUE=DATE:20250102",
                "END:VEVENT"})
        << "bad.ics line 6: the event ends (2025-01-02) before it begins (2025-01-02)";
    QTest::newRow("a year-long event")
        << ics({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250101", "DTEND;VALUE=DATE:20260101",
                "END:VEVENT"})
        << "bad.ics line 4: the event lasts 365 days, longer than any holiday";
    QTest::newRow("recurrence") << ics({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250101",
                                        "RRULE:FREQ=YEARLY", "END:VEVENT"})
                                << "bad.ics line 6: RRULE: recurring events are not read";
    QTest::newRow("unfolded line")
        << QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\n"
                      "SUMMARY:The first day\r\nof January\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        << "bad.ics line 5: not an iCalendar content line (NAME:value), nor the continuation of "
           "one (which begins with a space): of January";
    QTest::newRow("continuation first") << QByteArray(" BEGIN:VCALENDAR\r\n")
                                        << "bad.ics line 1: a continuation line with no line "
                                           "before it";
    QTest::newRow("mismatched END")
        << QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\n"
                      "END:VCALENDAR\r\n")
        << "bad.ics line 4: END:VCALENDAR while VEVENT (line 2) is open";
    QTest::newRow("never closed") << QByteArray("BEGIN:VCALENDAR\r\n" + okEvent)
                                  << "bad.ics line 1: BEGIN:VCALENDAR is never closed";
    QTest::newRow("content after the end")
        << ics(holidayEvent("20250101", "A")) + "SUMMARY:late\r\n"
        << "bad.ics line 9: content after END:VCALENDAR";
    QTest::newRow("no events") << ics({}) << "bad.ics: no holidays (VEVENT) in the calendar";
    QTest::newRow("version 1.0") << QByteArray("BEGIN:VCALENDAR\r\nVERSION:1.0\r\n" + okEvent +
                                               "END:VCALENDAR\r\n")
                                 << "bad.ics line 2: iCalendar VERSION 1.0, expected 2.0";
    QTest::newRow("bad DURATION")
        << ics({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250101", "DURATION:PT24H", "END:VEVENT"})
        << "bad.ics line 6: DURATION is not a number of days or weeks: \"PT24H\"";
    QTest::newRow("unknown STATUS")
        << ics({"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250101", "STATUS:MAYBE", "END:VEVENT"})
        << "bad.ics line 6: STATUS \"MAYBE\" is not one an event can have (TENTATIVE, "
           "CONFIRMED or CANCELLED)";
    QTest::newRow("not utf-8") << QByteArray("BEGIN:VCALENDAR\r\nX-WR-CALNAME:\xff\xfe\r\n")
                               << "bad.ics: not UTF-8 text";
}

void TestHolidayCalendar::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const Result<HolidayCalendar> calendar =
        HolidayCalendar::fromIcs(bytes, QStringLiteral("bad.ics"));
    QVERIFY(!calendar.ok());
    QVERIFY2(calendar.error().startsWith(error), qPrintable(calendar.error()));
}

QTEST_GUILESS_MAIN(TestHolidayCalendar)
#include "tst_holiday_calendar.moc"
