// SchemaCheck's oneOf, anyOf and allOf: which alternative a failing instance was meant to be.

#include "reports/xarf/json_schema_check_p.h"

#include <QJsonArray>

#include <algorithm>
#include <utility>

namespace Awb {

void SchemaCheck::checkCombinator(const QString &keyword, const QJsonArray &branches,
                                  const QString &base, const QJsonValue &instance,
                                  const QString &path, QList<SchemaViolation> *out)
{
    if (keyword == QLatin1String("allOf")) {
        for (const QJsonValue &branch : branches)
            run(branch, base, instance, path, out);
        return;
    }
    struct Outcome
    {
        QList<SchemaViolation> violations;
        int matched = 0;
        int known = 0;
    };
    QList<Outcome> outcomes;
    int passed = 0;
    const int matchedBefore = m_matched;
    const int knownBefore = m_known;
    for (const QJsonValue &branch : branches) {
        Outcome outcome;
        m_matched = matchedBefore;
        m_known = knownBefore;
        run(branch, base, instance, path, &outcome.violations);
        outcome.matched = m_matched - matchedBefore;
        outcome.known = m_known - knownBefore;
        passed += outcome.violations.isEmpty() ? 1 : 0;
        outcomes.append(outcome);
    }
    // Only the alternative taken counts towards an enclosing oneOf/anyOf: the first that passed,
    // else the one reported below.
    auto settle = [&](const Outcome &taken) {
        m_matched = matchedBefore + taken.matched;
        m_known = knownBefore + taken.known;
    };
    for (const Outcome &outcome : outcomes) {
        if (outcome.violations.isEmpty()) {
            settle(outcome);
            break;
        }
    }
    if (keyword == QLatin1String("oneOf") && passed > 1) {
        out->append({path, keyword,
                     QStringLiteral("matches %1 of the %2 alternatives, exactly one is allowed")
                         .arg(passed)
                         .arg(branches.size())});
        return;
    }
    if (passed > 0)
        return;
    out->append({path, keyword,
                 QStringLiteral("matches none of the %1 alternatives").arg(branches.size())});
    // The alternative meant is the one whose enum and const values the instance matched most
    // (for XARF v3: the report type's own schema), then the one that declares most of the
    // instance's properties. Where alternatives tie, each of them is reported (an address that
    // is neither ipv4 nor ipv6); more than a few tied alternatives carry no signal, so then
    // only the one with the fewest violations is shown.
    auto rank = [](const Outcome &outcome) { return std::pair(outcome.matched, outcome.known); };
    std::pair<int, int> best(-1, -1);
    for (const Outcome &outcome : outcomes)
        best = std::max(best, rank(outcome));
    QList<const Outcome *> tied;
    for (const Outcome &outcome : outcomes) {
        if (rank(outcome) == best)
            tied.append(&outcome);
    }
    if (tied.size() > 3) {
        const Outcome *fewest = tied.first();
        for (const Outcome *outcome : tied) {
            if (outcome->violations.size() < fewest->violations.size())
                fewest = outcome;
        }
        tied = {fewest};
    }
    settle(*tied.first());
    for (const Outcome *outcome : tied)
        out->append(outcome->violations);
}

} // namespace Awb
