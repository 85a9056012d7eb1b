#pragma once

#include "policy/hong_kong_time.h" // formatHongKongAndUtc() for whoever shows a deadline

#include <QDateTime>
#include <QString>

namespace Awb {

class HolidayCalendar;

// A computed deadline and the rule that gave it, in words a customer (or a lawyer) can check.
struct Deadline
{
    QString kind;  // "response", "opt-out", "customer-response", "suspension-end"
    QDateTime due; // UTC; invalid when the start was invalid
    QString basis; // one sentence: "72 hours from receipt, policy section V"
    // For business-day deadlines: the calendar's versionLabel(); empty otherwise.
    QString calendarVersion;
    // Set when a day that was counted lies in a year the calendar does not cover, so that only
    // Sundays could be left out for it.
    bool calendarIncomplete = false;
    // Set when a counted day lies in a year whose holidays are provisional (computed by rule,
    // not yet checked against the gazette; HolidayCalendar::isProvisional()).
    bool calendarProvisional = false;
    // Both of the above in words, for the reader; empty when neither is set. Whoever shows the
    // deadline shows this note with it.
    QString calendarNote; // "the calendar does not cover 2028: Sundays only counted; ..."
};

// Policy section V: "Response time: 72 hours from receipt." Hong Kong has no daylight saving
// time, so 72 hours are always three calendar days to the minute.
Deadline responseDeadline(const QDateTime &receivedAt);

// Policy section 4.2: "Process opt-out requests within 10 business days." The counting rule:
// - days are Hong Kong calendar dates (the provider is in Hong Kong, section I);
// - a business day is any day but a Sunday or a Hong Kong general holiday (Saturdays
//   count, see HolidayCalendar::isBusinessDay());
// - the day of receipt is not counted, business day or not: "within 10 business days" of a
//   request is conventionally reckoned from the next day, so a request received late in the day
//   still gets ten full days; day 1 is the first business day after the day of receipt;
// - the deadline is the end of the 10th business day, 23:59:59 Hong Kong time, returned as UTC.
// When a counted day (any day after the day of receipt up to the deadline) lies in a year the
// calendar does not cover, the deadline is still computed with Sundays only for that year and
// says so in calendarIncomplete and calendarNote; a counted day in a provisional year is said in
// calendarProvisional and calendarNote.
Deadline optOutDeadline(const QDateTime &requestReceivedAt, const HolidayCalendar &calendar);
constexpr int kOptOutBusinessDays = 10;

// The time a notice gives the customer to answer, counted in hours from the moment it was sent.
// The policy fixes no such period; it is the desk's (72 hours by default).
Deadline customerResponseDeadline(const QDateTime &noticeSentAt, int hours = 72);

// The end of a suspension of `days` days from `start` (policy section 6.1: 7 to 30 days for a
// moderate violation). A length outside 7-30 is computed but the basis says it is outside.
Deadline suspensionEnd(const QDateTime &start, int days);

// Where a deadline stands at `now` (both UTC or with an offset; compared as instants):
// "met" (metAt on or before due), "missed" (metAt after due), "overdue" (not met, now after due),
// "due-today" (not met, due later on the same Hong Kong calendar day as now), "pending"
// (not met, due on a later day). metAt is invalid when not met yet. "unknown" for an invalid due.
QString deadlineState(const Deadline &deadline, const QDateTime &now, const QDateTime &metAt = {});

} // namespace Awb
