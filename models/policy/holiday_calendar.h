#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace Awb {

// One gazetted general holiday as the calendar file lists it.
struct Holiday
{
    QDate date;
    QString name; // "The day following Ching Ming Festival"
};

// The Hong Kong general holidays, read from an iCalendar file (RFC 5545) laid out as the one the
// Hong Kong government's 1823 service publishes (https://www.1823.gov.hk/common/ical/en.ics): a
// VCALENDAR with one all-day VEVENT per holiday ("DTSTART;VALUE=DATE:20250101",
// "DTEND;VALUE=DATE:20250102", "SUMMARY:The first day of January"). Sundays are not listed there:
// they are general holidays by the General Holidays Ordinance itself.
//
// The parser unfolds continuation lines, accepts CRLF or LF, takes multi-day events (DTEND is
// exclusive; no DTEND means one day), unescapes TEXT values, and ignores properties and
// components it does not need. A file it cannot trust fails with the file, the line and the
// reason: no VCALENDAR, an unterminated component, an event without a date, a date-time where a
// date belongs, a recurrence rule, an end before the start, or no events at all.
//
// A year counts as covered when the file lists at least kMinimumHolidaysPerYear holidays in it: a
// gazetted year has 17 (some on Saturdays). A year with fewer, such as the next year's 1 January
// that the 1823 file sometimes carries, is not taken as a complete list.
//
// A covered year is provisional when any of its holidays is listed with STATUS:TENTATIVE: the
// desk computed that year by the Ordinance's rules before the gazette notice could be checked.
// Its days count like any other, and whatever rests on them says they are provisional.
class HolidayCalendar
{
public:
    static constexpr int kMinimumHolidaysPerYear = 10;

    // dataDirectory() + "/calendars/hk-general-holidays.ics"; empty without a data directory.
    static QString defaultPath();
    static Result<HolidayCalendar> load(const QString &path = defaultPath());
    static Result<HolidayCalendar> fromIcs(const QByteArray &ics, const QString &sourceName);

    // A gazetted general holiday listed in the file (Sundays are not, see isBusinessDay()).
    bool isHoliday(const QDate &date) const;
    QString holidayName(const QDate &date) const; // empty when not a listed holiday
    // A business day in Hong Kong: not a Sunday and not a general holiday. Saturday IS a business
    // day: the desk's rule (the issue) leaves out "Sundays and gazetted holidays" only, and Hong
    // Kong treats Saturday as a weekday (a holiday that falls on a Saturday is not moved).
    // For a date the calendar does not cover, only the Sunday rule can be applied: see covers().
    bool isBusinessDay(const QDate &date) const;

    int firstYear() const; // 0 when no year is covered
    int lastYear() const;
    bool covers(const QDate &date) const; // the date's year is covered (see above)
    QList<int> coveredYears() const;      // ascending
    QList<Holiday> holidays() const;      // every listed day, ascending, years not covered too
    // "2024-2026", or "2024, 2026" with a gap; "2024-2027 (2027 provisional)"
    QString coverageText() const;
    bool isProvisional(const QDate &date) const; // a covered year with a tentative holiday
    QList<int> provisionalYears() const;         // ascending

    // "Hong Kong General Holidays (hk-general-holidays.ics), covers 2024-2026, sha256 1a2b3c4d":
    // the calendar's X-WR-CALNAME (the file name when absent), the years it covers and the first
    // eight hex digits of the file's SHA-256, so that a deadline names the exact data it used.
    QString versionLabel() const;
    QString productId() const;    // PRODID, "" when absent
    QString calendarName() const; // X-WR-CALNAME, "" when absent
    QByteArray sha256Hex() const;
    QString sourcePath() const;

private:
    QMap<QDate, QString> m_holidays;
    QSet<int> m_coveredYears;
    QSet<int> m_provisionalYears;
    QString m_productId;
    QString m_calendarName;
    QByteArray m_sha256Hex;
    QString m_sourcePath;
};

} // namespace Awb
