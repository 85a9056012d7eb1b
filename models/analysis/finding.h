#pragma once

#include <QList>
#include <QString>

namespace Awb {

// How much a finding weighs for the analyst (and later for the enforcement advisor). Ordered.
enum class Severity { Info, Low, Medium, High, Critical };

QString severityName(Severity severity); // "info", "low", "medium", "high", "critical"

// One thing a check found in one message: what, how bad, which policy clause it engages, and
// the evidence that a customer's lawyer can read for themselves.
struct Finding
{
    QString check; // stable dotted id, "received.broken-handoff"
    Severity severity = Severity::Info;
    QString clause;   // policy clause id, "3.2"
    QString title;    // one line, for lists
    QString evidence; // the exact values that triggered it, quoted from the message
    int hop = -1;     // Received hop index (0 = top), or -1 when not about one hop
};

} // namespace Awb
