#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Awb {

// How much a finding weighs for the analyst (and later for the enforcement advisor). Ordered.
enum class Severity { Info, Low, Medium, High, Critical };

QString severityName(Severity severity); // "info", "low", "medium", "high", "critical"
// The severity of a name severityName() gives; nullopt for any other text.
std::optional<Severity> severityFromName(const QString &name);

// Where in the message's bytes a finding's evidence stands: a header field, a body line.
struct SourceLocation
{
    qsizetype offset = -1; // byte offset in the message; -1 when not located
    qsizetype length = 0;
    bool isValid() const { return offset >= 0; }
};

// One thing a check found in one message: what, how bad, which policy clause it engages, and
// the evidence that a customer's lawyer can read for themselves.
struct Finding
{
    QString check; // stable dotted id, "received.broken-handoff"
    Severity severity = Severity::Info;
    QString clause;          // policy clause id, "3.2"
    QString title;           // one line, for lists
    QString evidence;        // the exact values that triggered it, quoted from the message
    int hop = -1;            // Received hop index (0 = top), or -1 when not about one hop
    SourceLocation location; // the evidence in the message's bytes (a hop's Received field)
};

} // namespace Awb
