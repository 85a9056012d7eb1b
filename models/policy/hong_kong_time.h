#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace Awb {

// Hong Kong time, in which the desk's dates (business days, "due today", policy versions) are
// counted. Hong Kong is UTC+8 all year, without daylight saving time. QTimeZone("Asia/Hong_Kong")
// when the system's time zone database has it, else a fixed +08:00 offset, which gives the same
// answers for every date since 1980. The notices use it too: one Hong Kong clock for the desk.
QTimeZone hongKongZone();

// The Hong Kong calendar date of an instant; invalid for an invalid instant.
QDate hongKongDate(const QDateTime &at);

// The instant that is `time` on `date` in Hong Kong, as UTC.
QDateTime hongKongDateTime(const QDate &date, const QTime &time);

// "10 December 2025": English month names, whatever the locale.
QString englishDate(const QDate &date);

// "Tue": the English short name of the date's day of the week.
QString englishWeekday(const QDate &date);

// "Fri 27 Nov 2026 14:30 HKT (06:30 UTC)", English and independent of the locale. The UTC part
// carries its own date when that differs ("Sat 28 Nov 2026 02:00 HKT (Fri 27 Nov 18:00 UTC)"),
// and seconds are shown when they are not zero ("23:59:59"). Empty for an invalid instant.
QString formatHongKongAndUtc(const QDateTime &at);

} // namespace Awb
