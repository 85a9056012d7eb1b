// What `awb cases show` adds about enforcement: the case's deadlines with their state, the
// decision in force, and the notices saved (the same as the case view of the window).
#include "cli/cli_io.h"
#include "cli/commands.h"

#include "enforcement/case_deadlines.h"
#include "policy/hong_kong_time.h"
#include "store/case_store.h"
#include "store/decision_repository.h"
#include "store/notice_repository.h"

#include <QJsonArray>

namespace Awb::Cli {

namespace {

QJsonValue utcOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate))
                          : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject caseEnforcementJson(CaseStore &store, const CaseRecord &c)
{
    QJsonObject object;
    QJsonArray deadlines;
    if (Result<QList<CaseDeadline>> loaded = loadCaseDeadlines(store, c.id); loaded) {
        for (const CaseDeadline &d : *loaded)
            deadlines.append(QJsonObject{{QStringLiteral("kind"), d.deadline.kind},
                                         {QStringLiteral("label"), d.label},
                                         {QStringLiteral("due"), utcOrNull(d.deadline.due)},
                                         {QStringLiteral("state"), d.state},
                                         {QStringLiteral("met_at"), utcOrNull(d.metAt)},
                                         {QStringLiteral("basis"), d.deadline.basis},
                                         {QStringLiteral("calendar"), d.deadline.calendarVersion}});
    }
    object.insert(QStringLiteral("deadlines"), deadlines);
    Result<std::optional<DecisionRecord>> decision = DecisionRepository(store).latest(c.id);
    if (decision && decision->has_value()) {
        const DecisionRecord &d = **decision;
        object.insert(QStringLiteral("decision"),
                      QJsonObject{{QStringLiteral("proposed"), d.proposedAction},
                                  {QStringLiteral("chosen"), d.chosenAction},
                                  {QStringLiteral("days"), d.chosenDays},
                                  {QStringLiteral("overridden"), d.overridden},
                                  {QStringLiteral("reason"), d.reason},
                                  {QStringLiteral("who"), d.who},
                                  {QStringLiteral("decided_at"), utcOrNull(d.decidedAt)},
                                  {QStringLiteral("suspension_end"), utcOrNull(d.suspensionEnd)},
                                  {QStringLiteral("total_cents"), d.totalCents()}});
    } else {
        object.insert(QStringLiteral("decision"), QJsonValue(QJsonValue::Null));
    }
    QJsonArray notices;
    if (Result<QList<NoticeRecord>> saved = NoticeRepository(store).forCase(c.id); saved) {
        for (const NoticeRecord &n : *saved)
            notices.append(
                QJsonObject{{QStringLiteral("type"), n.type},
                            {QStringLiteral("to"), n.recipientRole},
                            {QStringLiteral("message_id"), n.messageId},
                            {QStringLiteral("created_at"), utcOrNull(n.createdAt)},
                            {QStringLiteral("response_due"), utcOrNull(n.responseDue)},
                            {QStringLiteral("sha256"), QString::fromLatin1(n.sha256Hex)}});
    }
    object.insert(QStringLiteral("notices"), notices);
    return object;
}

void printCaseEnforcement(CaseStore &store, const CaseRecord &c)
{
    const QJsonObject object = caseEnforcementJson(store, c);
    out() << "\nDeadlines:\n";
    const QJsonArray deadlines = object.value(QLatin1String("deadlines")).toArray();
    if (deadlines.isEmpty())
        out() << "  none\n";
    for (const QJsonValue &value : deadlines) {
        const QJsonObject d = value.toObject();
        out() << "  " << d.value(QLatin1String("state")).toString().toUpper() << "  "
              << d.value(QLatin1String("label")).toString() << ": "
              << formatHongKongAndUtc(
                     QDateTime::fromString(d.value(QLatin1String("due")).toString(), Qt::ISODate))
              << "\n        " << d.value(QLatin1String("basis")).toString() << '\n';
        if (!d.value(QLatin1String("calendar")).toString().isEmpty())
            out() << "        counted on " << d.value(QLatin1String("calendar")).toString() << '\n';
    }
    const QJsonObject decision = object.value(QLatin1String("decision")).toObject();
    out() << "\nDecision: ";
    if (decision.isEmpty()) {
        out() << "none yet (awb advise, awb decide)\n";
    } else {
        out() << decision.value(QLatin1String("chosen")).toString();
        if (decision.value(QLatin1String("days")).toInt() > 0)
            out() << ", " << decision.value(QLatin1String("days")).toInt() << " days";
        out() << " by " << decision.value(QLatin1String("who")).toString() << ", "
              << decision.value(QLatin1String("decided_at")).toString();
        if (decision.value(QLatin1String("overridden")).toBool())
            out() << " (override of " << decision.value(QLatin1String("proposed")).toString()
                  << ": " << decision.value(QLatin1String("reason")).toString() << ')';
        out() << '\n';
    }
    const QJsonArray notices = object.value(QLatin1String("notices")).toArray();
    out() << "\nNotices: " << (notices.isEmpty() ? QStringLiteral("none") : QString()) << '\n';
    for (const QJsonValue &value : notices) {
        const QJsonObject n = value.toObject();
        out() << "  " << n.value(QLatin1String("created_at")).toString() << "  "
              << n.value(QLatin1String("type")).toString() << " to the "
              << n.value(QLatin1String("to")).toString() << "  <"
              << n.value(QLatin1String("message_id")).toString() << ">\n";
    }
}

} // namespace Awb::Cli
