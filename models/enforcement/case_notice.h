#pragma once

#include "common/result.h"
#include "enforcement/case_facts.h"
#include "notices/notice_composer.h"
#include "notices/notice_data.h"
#include "store/decision_repository.h"
#include "store/notice_repository.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Awb {

class CaseStore;
class HolidayCalendar;
class PolicyPack;

// Where a notice is going and what the desk calls itself.
struct NoticeRequest
{
    QString type;                // a notice type key
    qint64 reportEvidenceId = 0; // reporter notices: the report answered (0: the case's first)
    QString deskName = QStringLiteral("IX.CM Abuse Desk");
    QString deskAddress = QStringLiteral("abuse@ix.cm");
    QString messageIdDomain = QStringLiteral("ix.cm");
    int customerResponseHours = 72; // what a customer notice gives the customer to answer
    int paymentDays = 30;           // what a liability notice gives for payment
    QString outcome;                // outcome and reinstatement notices: what the desk did
    QString who;                    // empty: the store's actor
};

// Fills a notice of a case from its facts, the decision in force (sanction notices need one, and
// its action must match the type), the policy pack of the case's version (clauses are quoted
// from it, never from code) and the holiday calendar (opt-out deadlines). The composer redacts.
// Errors name the case, the type and what is missing.
Result<NoticeData> noticeDataForCase(const CaseFacts &facts,
                                     const std::optional<DecisionRecord> &decision,
                                     const PolicyPack &pack, const HolidayCalendar &calendar,
                                     const QByteArray &redactionKey, const NoticeRequest &request);

// A composed notice, its .eml bytes and the record that was (or would be) saved.
struct PreparedNotice
{
    NoticeData data;
    ComposedNotice composed;
    NoticeRecord record; // eml filled; id 0 until saved
};

// Loads the case, the decision in force, the policy pack of the case's version, the calendar and
// the desk's redaction key; composes the notice and builds its .eml. Nothing is saved.
Result<PreparedNotice> prepareNotice(CaseStore &store, qint64 caseId, const NoticeRequest &request,
                                     const QDateTime &now = {});

// Saves a prepared notice (exact bytes, SHA-256, a case event and an audit entry). `emlBytes`
// replaces the prepared bytes when the analyst edited the notice before saving.
Result<qint64> saveNotice(CaseStore &store, PreparedNotice &notice,
                          const QByteArray &emlBytes = {});

} // namespace Awb
