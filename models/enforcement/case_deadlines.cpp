#include "enforcement/case_deadlines.h"

#include "policy/holiday_calendar.h"
#include "policy/hong_kong_time.h"
#include "store/case_store.h"

#include <QCoreApplication>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseDeadlines)
};

QDateTime firstCustomerResponseAfter(const CaseRecord &record, const QDateTime &after)
{
    for (const CaseEventRecord &event : record.events) {
        if (event.kind == QLatin1String("customer-response") && event.at >= after)
            return event.at;
    }
    return {};
}

CaseDeadline make(const QString &label, const Deadline &deadline, const QDateTime &metAt,
                  const QDateTime &now)
{
    return {label, deadline, metAt, deadlineState(deadline, now, metAt)};
}

} // namespace

QDateTime earliestReceipt(const CaseRecord &record)
{
    QDateTime earliest;
    for (const CaseReportRecord &report : record.reports) {
        if (report.receivedAt.isValid() && (!earliest.isValid() || report.receivedAt < earliest))
            earliest = report.receivedAt;
    }
    return earliest;
}

std::optional<CaseDeadline> caseResponseDeadline(const CaseRecord &record,
                                                 const QList<NoticeRecord> &notices,
                                                 const QDateTime &now)
{
    const QDateTime received = earliestReceipt(record);
    if (!received.isValid())
        return std::nullopt;
    QDateTime answered;
    for (const NoticeRecord &notice : notices) {
        if (!answered.isValid() || notice.createdAt < answered)
            answered = notice.createdAt;
    }
    return make(Tr::tr("Response to the report (policy V)"), responseDeadline(received), answered,
                now);
}

QList<CaseDeadline> caseDeadlines(const CaseRecord &record, const QList<NoticeRecord> &notices,
                                  const std::optional<DecisionRecord> &decision,
                                  const HolidayCalendar &calendar, const QDateTime &now)
{
    QList<CaseDeadline> deadlines;
    const QDateTime received = earliestReceipt(record);
    if (received.isValid()) {
        deadlines.append(*caseResponseDeadline(record, notices, now));
        if (record.kind == QLatin1String("opt-out")) {
            deadlines.append(make(Tr::tr("Opt-out processed (policy 4.2)"),
                                  optOutDeadline(received, calendar),
                                  firstCustomerResponseAfter(record, received), now));
        }
    }
    for (const NoticeRecord &notice : notices) {
        if (!notice.responseDue.isValid())
            continue;
        Deadline deadline;
        deadline.kind = QStringLiteral("customer-response");
        deadline.due = notice.responseDue;
        deadline.basis = Tr::tr("The answer the %1 notice of %2 asks for")
                             .arg(notice.type, notice.createdAt.toUTC().toString(Qt::ISODate));
        deadlines.append(make(Tr::tr("Customer response to the %1 notice").arg(notice.type),
                              deadline, firstCustomerResponseAfter(record, notice.createdAt), now));
    }
    if (decision && decision->chosenAction == QLatin1String("suspension") &&
        decision->suspensionStart.isValid()) {
        const Deadline end = suspensionEnd(decision->suspensionStart, decision->chosenDays);
        // A suspension end is not something anyone can miss: it is reached once it has passed.
        deadlines.append(make(Tr::tr("Earliest end of the suspension"), end,
                              end.due <= now ? end.due : QDateTime(), now));
    }
    return deadlines;
}

QString caseDeadlineSentence(const CaseDeadline &deadline)
{
    QString sentence;
    if (deadline.state == QLatin1String("met"))
        sentence = Tr::tr("Deadline met: %1 (due %2, met %3).")
                       .arg(deadline.label, formatHongKongAndUtc(deadline.deadline.due),
                            formatHongKongAndUtc(deadline.metAt));
    else if (deadline.state == QLatin1String("missed") ||
             deadline.state == QLatin1String("overdue"))
        sentence = Tr::tr("Deadline MISSED: %1 (due %2).")
                       .arg(deadline.label, formatHongKongAndUtc(deadline.deadline.due));
    else
        sentence = Tr::tr("Deadline pending: %1 (due %2).")
                       .arg(deadline.label, formatHongKongAndUtc(deadline.deadline.due));
    // A business-day count over a provisional or uncovered year says so wherever it is shown.
    if (!deadline.deadline.calendarNote.isEmpty())
        sentence += QLatin1Char(' ') + Tr::tr("Note: %1.").arg(deadline.deadline.calendarNote);
    return sentence;
}

Result<QList<CaseDeadline>> loadCaseDeadlines(CaseStore &store, qint64 caseId, const QDateTime &now)
{
    const QDateTime at = now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    Result<CaseRecord> record = CaseRepository(store).caseById(caseId);
    if (!record)
        return Error{record.error()};
    Result<QList<NoticeRecord>> notices = NoticeRepository(store).forCase(caseId);
    if (!notices)
        return Error{notices.error()};
    Result<std::optional<DecisionRecord>> decision = DecisionRepository(store).latest(caseId);
    if (!decision)
        return Error{decision.error()};
    Result<HolidayCalendar> calendar = HolidayCalendar::load();
    if (!calendar)
        return Error{calendar.error()};
    return caseDeadlines(*record, *notices, *decision, *calendar, at);
}

} // namespace Awb
