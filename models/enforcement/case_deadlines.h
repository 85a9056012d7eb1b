#pragma once

#include "common/result.h"
#include "policy/deadlines.h"
#include "store/case_repository.h"
#include "store/decision_repository.h"
#include "store/notice_repository.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Awb {

class CaseStore;
class HolidayCalendar;

// One deadline of a case and where it stands.
struct CaseDeadline
{
    QString label; // "Response to the report (policy V)"
    Deadline deadline;
    QDateTime metAt; // invalid while not met
    QString state;   // deadlineState(): "met", "missed", "overdue", "due-today", "pending"
};

// The earliest receipt among the case's reports (where its deadlines run from); invalid when
// none has a receipt time.
QDateTime earliestReceipt(const CaseRecord &record);

// The desk's response to the reports: 72 hours from the earliest receipt (policy V), met by the
// first notice saved for the case. nullopt when no report has a receipt time.
std::optional<CaseDeadline> caseResponseDeadline(const CaseRecord &record,
                                                 const QList<NoticeRecord> &notices,
                                                 const QDateTime &now);

// Every deadline of a case, as of `now`:
// - the desk's response to the reports, 72 hours from the earliest receipt (policy V), met by
//   the first notice the desk saved for the case;
// - for an opt-out case, 10 Hong Kong business days from the earliest receipt (policy 4.2),
//   met by a customer response recorded after it began;
// - each notice's customer response deadline, met by the first customer response recorded
//   after that notice;
// - the end of the suspension in force (decided), which is "met" once it has passed.
QList<CaseDeadline> caseDeadlines(const CaseRecord &record, const QList<NoticeRecord> &notices,
                                  const std::optional<DecisionRecord> &decision,
                                  const HolidayCalendar &calendar, const QDateTime &now);

// One deadline in a sentence for the case report's timeline: "Deadline met: <label> (due <time>,
// met <time>)." / "Deadline MISSED: ..." / "Deadline pending: ...", followed by the calendar's
// note when the count crossed a provisional or uncovered year.
QString caseDeadlineSentence(const CaseDeadline &deadline);

// Loads what caseDeadlines() needs (the case with its events, notices, decision, the shipped
// calendar). `now` invalid: the current time.
Result<QList<CaseDeadline>> loadCaseDeadlines(CaseStore &store, qint64 caseId,
                                              const QDateTime &now = {});

} // namespace Awb
