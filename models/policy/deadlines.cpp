#include "policy/deadlines.h"

#include "policy/holiday_calendar.h"
#include "policy/year_list_p.h"

#include <QSet>

#include <algorithm>

namespace Awb {

Deadline responseDeadline(const QDateTime &receivedAt)
{
    Deadline deadline;
    deadline.kind = QStringLiteral("response");
    deadline.basis = QStringLiteral("72 hours from receipt, policy section V");
    if (receivedAt.isValid())
        deadline.due = receivedAt.toUTC().addSecs(72 * 3600);
    return deadline;
}

Deadline optOutDeadline(const QDateTime &requestReceivedAt, const HolidayCalendar &calendar)
{
    Deadline deadline;
    deadline.kind = QStringLiteral("opt-out");
    deadline.basis = QStringLiteral(
        "10 business days from receipt, policy section 4.2: counted in Hong Kong dates from the "
        "day after the day of receipt, every day being a business day except Sundays and Hong "
        "Kong general holidays, and due at 23:59:59 Hong Kong time on the 10th business day");
    deadline.calendarVersion = calendar.versionLabel();
    const QDate received = hongKongDate(requestReceivedAt);
    if (!received.isValid())
        return deadline;

    // Day 1 is the first business day after the day of receipt: the day of receipt itself is
    // never counted, whatever kind of day it is.
    QDate day = received;
    QSet<int> uncoveredYears;
    QSet<int> provisionalYears;
    for (int counted = 0; counted < kOptOutBusinessDays;) {
        day = day.addDays(1);
        if (!calendar.covers(day))
            uncoveredYears.insert(day.year());
        else if (calendar.isProvisional(day))
            provisionalYears.insert(day.year());
        if (calendar.isBusinessDay(day))
            ++counted;
    }
    deadline.due = hongKongDateTime(day, QTime(23, 59, 59));

    QStringList notes;
    if (!uncoveredYears.isEmpty()) {
        const QList<int> years = sortedYears(uncoveredYears);
        deadline.calendarIncomplete = true;
        notes << QStringLiteral("the calendar does not cover %1: Sundays only counted; a general "
                                "holiday in %2 would move the deadline later")
                     .arg(yearList(years), years.size() == 1 ? QStringLiteral("that year")
                                                             : QStringLiteral("those years"));
    }
    if (!provisionalYears.isEmpty()) {
        const QList<int> years = sortedYears(provisionalYears);
        deadline.calendarProvisional = true;
        notes << QStringLiteral("the %1 holidays are provisional: computed by the rules of the "
                                "General Holidays Ordinance, not yet checked against the gazette")
                     .arg(yearList(years));
    }
    deadline.calendarNote = notes.join(QStringLiteral("; "));
    return deadline;
}

Deadline customerResponseDeadline(const QDateTime &noticeSentAt, int hours)
{
    Deadline deadline;
    deadline.kind = QStringLiteral("customer-response");
    deadline.basis = QStringLiteral("%1 hours from the notice, the time the notice gives the "
                                    "customer to answer (set by the desk; the policy fixes none)")
                         .arg(hours);
    if (noticeSentAt.isValid() && hours > 0)
        deadline.due = noticeSentAt.toUTC().addSecs(qint64(hours) * 3600);
    return deadline;
}

Deadline suspensionEnd(const QDateTime &start, int days)
{
    Deadline deadline;
    deadline.kind = QStringLiteral("suspension-end");
    const QString length =
        days == 1 ? QStringLiteral("1 day") : QStringLiteral("%1 days").arg(days);
    deadline.basis = days >= 7 && days <= 30
                         ? QStringLiteral("%1 of suspension from its start, policy section 6.1 "
                                          "(7 to 30 days for a moderate violation)")
                               .arg(length)
                         : QStringLiteral("%1 of suspension from its start, outside the 7 to 30 "
                                          "days of policy section 6.1 for a moderate violation")
                               .arg(length);
    // Hong Kong has no daylight saving time: a day is always 24 hours, so the suspension ends at
    // the same Hong Kong time of day as it began.
    if (start.isValid() && days > 0)
        deadline.due = start.toUTC().addDays(days);
    return deadline;
}

QString deadlineState(const Deadline &deadline, const QDateTime &now, const QDateTime &metAt)
{
    if (!deadline.due.isValid())
        return QStringLiteral("unknown");
    if (metAt.isValid())
        return metAt <= deadline.due ? QStringLiteral("met") : QStringLiteral("missed");
    if (now > deadline.due)
        return QStringLiteral("overdue");
    if (hongKongDate(now) == hongKongDate(deadline.due))
        return QStringLiteral("due-today");
    return QStringLiteral("pending");
}

} // namespace Awb
