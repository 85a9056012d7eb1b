// Deadline arithmetic with fixed clocks: 72 hours (section V), 10 business days in Hong Kong
// dates over the shipped holiday calendar (section 4.2), suspension ends, states, and the
// Hong Kong + UTC formatting that notices and reports show.
#include "policy/deadlines.h"
#include "policy/holiday_calendar.h"

#include <QLocale>
#include <QTest>

using namespace Awb;

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

// A Hong Kong wall-clock time, as the instant it is.
QDateTime hkt(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone(8 * 3600));
}

} // namespace

struct OptOutRow
{
    QDateTime received;
    QDate dueDay; // Hong Kong date of the 10th business day
    bool incomplete;
    QString note;
};
Q_DECLARE_METATYPE(OptOutRow)

class TestDeadlines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hongKongTime();
    void formatting_data();
    void formatting();
    void formattingIgnoresTheLocale();
    void response();
    void optOut_data();
    void optOut();
    void optOutBasis();
    void customerResponseAndSuspension();
    void states_data();
    void states();

private:
    HolidayCalendar m_calendar;
};

void TestDeadlines::initTestCase()
{
    Result<HolidayCalendar> calendar = HolidayCalendar::load(
        QStringLiteral(AWB_SOURCE_DIR "/resources/calendars/hk-general-holidays.ics"));
    QVERIFY2(calendar.ok(), qPrintable(calendar.error()));
    m_calendar = *calendar;
}

void TestDeadlines::hongKongTime()
{
    // UTC+8 on both sides of the dates Europe and North America change their clocks.
    for (const QDateTime &at : {utc(2026, 3, 8, 12), utc(2026, 3, 29, 12), utc(2026, 7, 1),
                                utc(2026, 10, 25, 12), utc(2026, 11, 1, 12)})
        QCOMPARE(hongKongZone().offsetFromUtc(at), 8 * 3600);
    QCOMPARE(hongKongDate(utc(2026, 11, 27, 15, 59, 59)), QDate(2026, 11, 27));
    QCOMPARE(hongKongDate(utc(2026, 11, 27, 16)), QDate(2026, 11, 28));
    QCOMPARE(hongKongDate(QDateTime()), QDate());
    QCOMPARE(hongKongDateTime(QDate(2026, 1, 6), QTime(23, 59, 59)), utc(2026, 1, 6, 15, 59, 59));
    QCOMPARE(englishDate(QDate(2025, 12, 10)), QStringLiteral("10 December 2025"));
    QCOMPARE(englishDate(QDate(2026, 3, 1)), QStringLiteral("1 March 2026"));
}

void TestDeadlines::formatting_data()
{
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("text");
    QTest::newRow("same day") << utc(2026, 11, 27, 6, 30)
                              << "Fri 27 Nov 2026 14:30 HKT (06:30 UTC)";
    QTest::newRow("the UTC day before")
        << utc(2026, 11, 27, 18) << "Sat 28 Nov 2026 02:00 HKT (Fri 27 Nov 18:00 UTC)";
    QTest::newRow("end of a business day")
        << utc(2026, 1, 6, 15, 59, 59) << "Tue 6 Jan 2026 23:59:59 HKT (15:59:59 UTC)";
    QTest::newRow("given with an offset")
        << QDateTime(QDate(2026, 11, 27), QTime(9, 30), QTimeZone(-5 * 3600))
        << "Fri 27 Nov 2026 22:30 HKT (14:30 UTC)";
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestDeadlines::formatting()
{
    QFETCH(QDateTime, at);
    QFETCH(QString, text);
    QCOMPARE(formatHongKongAndUtc(at), text);
}

void TestDeadlines::formattingIgnoresTheLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString text = formatHongKongAndUtc(utc(2026, 5, 1, 2));
    const QString date = englishDate(QDate(2026, 5, 1));
    QLocale::setDefault(before);
    QCOMPARE(text, QStringLiteral("Fri 1 May 2026 10:00 HKT (02:00 UTC)"));
    QCOMPARE(date, QStringLiteral("1 May 2026"));
}

void TestDeadlines::response()
{
    const Deadline deadline = responseDeadline(utc(2026, 11, 27, 6, 30));
    QCOMPARE(deadline.kind, QStringLiteral("response"));
    QCOMPARE(deadline.due, utc(2026, 11, 30, 6, 30));
    QCOMPARE(deadline.due.timeSpec(), Qt::UTC);
    QCOMPARE(deadline.basis, QStringLiteral("72 hours from receipt, policy section V"));
    QVERIFY(deadline.calendarVersion.isEmpty());
    QVERIFY(!deadline.calendarIncomplete);
    // Across the year end and whatever the offset it was given in; Hong Kong has no DST, so the
    // due time is the receipt's Hong Kong time of day, three days on.
    QCOMPARE(responseDeadline(hkt(2025, 12, 30, 23, 15)).due, hkt(2026, 1, 2, 23, 15).toUTC());
    for (const QDateTime &at : {hkt(2026, 3, 28, 9, 0), hkt(2026, 10, 24, 21, 45)}) {
        const QDateTime due = responseDeadline(at).due;
        QCOMPARE(due.toTimeZone(hongKongZone()).time(), at.time());
        QCOMPARE(at.daysTo(due), 3);
    }
    QVERIFY(!responseDeadline(QDateTime()).due.isValid());
}

void TestDeadlines::optOut_data()
{
    QTest::addColumn<OptOutRow>("row");
    const QString no;
    // 23, 24 Dec; 25, 26 Dec are holidays; 27 (Sat); 29, 30, 31; 1 Jan a holiday; 2, 3 (Sat); 5, 6.
    QTest::newRow("across Christmas and New Year")
        << OptOutRow{hkt(2025, 12, 22, 10), QDate(2026, 1, 6), false, no};
    // Received at 23:30 in Hong Kong (15:30 UTC): the day of receipt is still the 22nd.
    QTest::newRow("late on the 22nd")
        << OptOutRow{hkt(2025, 12, 22, 23, 30), QDate(2026, 1, 6), false, no};
    // 16:30 UTC on the 22nd is 00:30 on the 23rd in Hong Kong: the day of receipt is the 23rd.
    QTest::newRow("the 22nd in UTC, the 23rd in Hong Kong")
        << OptOutRow{utc(2025, 12, 22, 16, 30), QDate(2026, 1, 7), false, no};
    // Lunar New Year 2026: 17-19 Feb; then 20, 21 (Sat), 23-28, 2 Mar, 3 Mar.
    QTest::newRow("Lunar New Year 2026")
        << OptOutRow{hkt(2026, 2, 16, 9), QDate(2026, 3, 3), false, no};
    // Easter 2025: Good Friday 18, the day following 19 (Sat), Easter Monday 21; Labour Day 1 May.
    QTest::newRow("Easter 2025") << OptOutRow{hkt(2025, 4, 17, 15), QDate(2025, 5, 3), false, no};
    // Ching Ming and Easter 2026: 3, 4 (Sat), 5 (Sun), 6 and 7 April are all days off.
    QTest::newRow("Easter and Ching Ming 2026")
        << OptOutRow{hkt(2026, 4, 2, 11), QDate(2026, 4, 18), false, no};
    QTest::newRow("received on a Saturday")
        << OptOutRow{hkt(2025, 11, 15, 10), QDate(2025, 11, 27), false, no};
    QTest::newRow("received on a Sunday")
        << OptOutRow{hkt(2025, 11, 16, 10), QDate(2025, 11, 27), false, no};
    QTest::newRow("received on Christmas Day")
        << OptOutRow{hkt(2025, 12, 25, 10), QDate(2026, 1, 8), false, no};
    QTest::newRow("December 2026, inside the calendar")
        << OptOutRow{hkt(2026, 12, 10, 10), QDate(2026, 12, 22), false, no};
    // 19 (Sat), 21-24, 28-31 Dec; 1 Jan 2027 is a holiday, so 2 Jan (Sat) is the tenth. 2027's
    // holidays are in the calendar, computed by rule (provisional), and the deadline says so.
    const QString provisional2027 =
        QStringLiteral("the 2027 holidays are provisional: computed by the rules of the General "
                       "Holidays Ordinance, not yet checked against the gazette");
    QTest::newRow("late 2026 into 2027")
        << OptOutRow{hkt(2026, 12, 18, 10), QDate(2027, 1, 2), false, provisional2027};
    // 1 Jan (holiday), 2 (Sat), 4-9, 11, 12, 13.
    QTest::newRow("New Year's Eve 2026")
        << OptOutRow{hkt(2026, 12, 31, 10), QDate(2027, 1, 13), false, provisional2027};
    // 25 (Sat) and 27 Dec 2027 are holidays; 28-31; 1 Jan 2028 is counted (2028 is not covered).
    QTest::newRow("late 2027 into 2028") << OptOutRow{
        hkt(2027, 12, 24, 10), QDate(2028, 1, 7), true,
        QStringLiteral("the calendar does not cover 2028: Sundays only counted; a "
                       "general holiday in that year would move the deadline later; ") +
            provisional2027};
    QTest::newRow("before the calendar")
        << OptOutRow{hkt(2023, 12, 28, 10), QDate(2024, 1, 10), true,
                     QStringLiteral("the calendar does not cover 2023: Sundays only counted; a "
                                    "general holiday in that year would move the deadline later")};
}

void TestDeadlines::optOut()
{
    QFETCH(OptOutRow, row);
    const Deadline deadline = optOutDeadline(row.received, m_calendar);
    QCOMPARE(deadline.kind, QStringLiteral("opt-out"));
    QCOMPARE(deadline.due, hongKongDateTime(row.dueDay, QTime(23, 59, 59)));
    QCOMPARE(deadline.due.timeSpec(), Qt::UTC);
    QCOMPARE(deadline.calendarIncomplete, row.incomplete);
    QCOMPARE(deadline.calendarProvisional, row.note.contains(QStringLiteral("provisional")));
    QCOMPARE(deadline.calendarNote, row.note);
    QCOMPARE(deadline.calendarVersion, m_calendar.versionLabel());

    // Recount independently: ten business days strictly after the Hong Kong day of receipt.
    int counted = 0;
    for (QDate day = hongKongDate(row.received).addDays(1); day <= row.dueDay; day = day.addDays(1))
        counted += m_calendar.isBusinessDay(day) ? 1 : 0;
    QCOMPARE(counted, kOptOutBusinessDays);
    QVERIFY(m_calendar.isBusinessDay(row.dueDay));
}

void TestDeadlines::optOutBasis()
{
    const Deadline deadline = optOutDeadline(hkt(2025, 12, 22, 10), m_calendar);
    QCOMPARE(deadline.basis,
             QStringLiteral("10 business days from receipt, policy section 4.2: counted in Hong "
                            "Kong dates from the day after the day of receipt, every day being a "
                            "business day except Sundays and Hong Kong general holidays, and due "
                            "at 23:59:59 Hong Kong time on the 10th business day"));
    QCOMPARE(formatHongKongAndUtc(deadline.due),
             QStringLiteral("Tue 6 Jan 2026 23:59:59 HKT (15:59:59 UTC)"));
    const Deadline invalid = optOutDeadline(QDateTime(), m_calendar);
    QVERIFY(!invalid.due.isValid());
    QCOMPARE(deadlineState(invalid, utc(2026, 1, 1)), QStringLiteral("unknown"));
}

void TestDeadlines::customerResponseAndSuspension()
{
    const Deadline answer = customerResponseDeadline(utc(2026, 11, 27, 6, 30));
    QCOMPARE(answer.kind, QStringLiteral("customer-response"));
    QCOMPARE(answer.due, utc(2026, 11, 30, 6, 30));
    QCOMPARE(answer.basis, QStringLiteral("72 hours from the notice, the time the notice gives the "
                                          "customer to answer (set by the desk; the policy fixes "
                                          "none)"));
    QCOMPARE(customerResponseDeadline(utc(2026, 11, 27, 6, 30), 48).due, utc(2026, 11, 29, 6, 30));
    QVERIFY(!customerResponseDeadline(utc(2026, 11, 27), 0).due.isValid());

    const Deadline week = suspensionEnd(hkt(2026, 12, 28, 9), 7);
    QCOMPARE(week.kind, QStringLiteral("suspension-end"));
    QCOMPARE(week.due, hkt(2027, 1, 4, 9).toUTC());
    QCOMPARE(week.basis, QStringLiteral("7 days of suspension from its start, policy section 6.1 "
                                        "(7 to 30 days for a moderate violation)"));
    QCOMPARE(suspensionEnd(hkt(2026, 2, 1, 9), 30).due, hkt(2026, 3, 3, 9).toUTC());
    QCOMPARE(suspensionEnd(hkt(2026, 2, 1, 9), 40).basis,
             QStringLiteral("40 days of suspension from its start, outside the 7 to 30 days of "
                            "policy section 6.1 for a moderate violation"));
    QVERIFY(!suspensionEnd(hkt(2026, 2, 1, 9), 0).due.isValid());
}

void TestDeadlines::states_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("metAt");
    QTest::addColumn<QString>("state");
    // The deadline: Mon 30 Nov 2026 14:30 HKT (06:30 UTC).
    QTest::newRow("days ahead") << utc(2026, 11, 28, 6, 30) << QDateTime() << "pending";
    QTest::newRow("23:59:59 the day before (HKT)")
        << utc(2026, 11, 29, 15, 59, 59) << QDateTime() << "pending";
    // 20:00 UTC on the 29th is 04:00 on the 30th in Hong Kong: the due day, though not in UTC.
    QTest::newRow("early on the due day (HKT)")
        << utc(2026, 11, 29, 20) << QDateTime() << "due-today";
    QTest::newRow("a minute before") << utc(2026, 11, 30, 6, 29) << QDateTime() << "due-today";
    QTest::newRow("at the due instant") << utc(2026, 11, 30, 6, 30) << QDateTime() << "due-today";
    QTest::newRow("a minute after") << utc(2026, 11, 30, 6, 31) << QDateTime() << "overdue";
    QTest::newRow("met early") << utc(2026, 11, 28) << utc(2026, 11, 27, 9) << "met";
    QTest::newRow("met at the due instant")
        << utc(2026, 12, 5) << utc(2026, 11, 30, 6, 30) << "met";
    QTest::newRow("met late") << utc(2026, 12, 5) << utc(2026, 11, 30, 6, 31) << "missed";
}

void TestDeadlines::states()
{
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, metAt);
    QFETCH(QString, state);
    const Deadline deadline = responseDeadline(utc(2026, 11, 27, 6, 30));
    QCOMPARE(deadlineState(deadline, now, metAt), state);
}

QTEST_GUILESS_MAIN(TestDeadlines)
#include "tst_deadlines.moc"
