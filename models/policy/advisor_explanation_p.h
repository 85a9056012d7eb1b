#pragma once

#include "policy/enforcement_advisor.h"

namespace Awb {

// What the explanation is written from: the input, the finished proposal (factors, rule) and the
// facts and window the rules saw.
struct AdvisorExplanationInput
{
    const AdvisorInput &input;
    const Recommendation &recommendation;
    const AdvisorFacts &facts;
    const QStringList &scoreTerms; // "3 (clause-3.2)", in the order the points were added
    QDateTime windowStart;
    int lookBackMonths = 12;
};

// The proposal in plain sentences, in the order a reader checks it: the case, the clauses and
// the findings behind them, the other factors, the score, the listings, the prior offences, the
// rule, and what was set aside.
QStringList advisorExplanation(const AdvisorExplanationInput &e);

} // namespace Awb
