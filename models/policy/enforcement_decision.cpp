#include "policy/enforcement_advisor.h"

#include <QCoreApplication>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::EnforcementAdvisor)
};

} // namespace

bool isOverride(const Recommendation &recommendation, const AnalystDecision &decision)
{
    if (decision.action != recommendation.action)
        return true;
    return decision.action == u"suspension" &&
           decision.suspensionDays != recommendation.suspensionDays;
}

Status validateDecision(const Recommendation &rec, const AnalystDecision &decision)
{
    const QString caseName = rec.caseId.isEmpty() ? Tr::tr("the case") : rec.caseId;
    if (enforcementActionRank(decision.action) < 0)
        return Error{
            Tr::tr("Decision on %1: \"%2\" is not an enforcement action (warning, suspension, "
                   "termination, termination-liability, or none).")
                .arg(caseName, decision.action)};
    if (!decision.action.isEmpty() && rec.accountId.isEmpty())
        return Error{
            Tr::tr("Decision on %1: the case is tied to no customer account, and a %2 needs "
                   "one; attribute the case first.")
                .arg(caseName, decision.action)};
    if (decision.action == u"suspension") {
        if (decision.suspensionDays < 7 || decision.suspensionDays > 30)
            return Error{
                Tr::tr("Decision on %1: a suspension of %2 days is outside the 7 to 30 days of "
                       "policy 6.1.")
                    .arg(caseName, QString::number(decision.suspensionDays))};
    } else if (decision.suspensionDays != 0) {
        return Error{
            Tr::tr("Decision on %1: %2 suspension days given for a %3; days are only for a "
                   "suspension.")
                .arg(caseName, QString::number(decision.suspensionDays),
                     decision.action.isEmpty() ? Tr::tr("decision of no action")
                                               : decision.action)};
    }
    if (isOverride(rec, decision) && decision.reason.trimmed().isEmpty()) {
        const auto name = [](const QString &action, int days) {
            if (action.isEmpty())
                return Tr::tr("no action");
            return action == u"suspension" ? Tr::tr("suspension of %1 days").arg(days) : action;
        };
        return Error{
            Tr::tr("Decision on %1: %2 departs from the proposal (%3, rule %4); an override "
                   "needs a reason.")
                .arg(caseName, name(decision.action, decision.suspensionDays),
                     name(rec.action, rec.suspensionDays), rec.ruleId)};
    }
    return Status::success();
}

} // namespace Awb
