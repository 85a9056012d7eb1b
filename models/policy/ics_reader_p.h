#pragma once

#include "common/result.h"

#include <QDate>
#include <QMap>
#include <QSet>
#include <QString>

namespace Awb {

// What a holiday iCalendar file lists, before HolidayCalendar decides which years it covers.
struct HolidayIcs
{
    QString productId;         // PRODID
    QString calendarName;      // X-WR-CALNAME
    QMap<QDate, QString> days; // every day of every event, with its SUMMARY
    QSet<QDate> tentativeDays; // the days of events with STATUS:TENTATIVE
};

// Reads RFC 5545 text as HolidayCalendar documents (unfolding, CRLF or LF, all-day events);
// errors name `sourceName`, the line and the reason.
Result<HolidayIcs> readHolidayIcs(const QString &text, const QString &sourceName);

} // namespace Awb
