#pragma once

// Private to models/reports/xarf: X-ARF 0.1 and 0.2, the YAML report.txt generation.

#include "reports/report.h"
#include "reports/xarf/xarf_yaml.h"

#include <QList>
#include <QString>

namespace Awb {

class MailMessage;

// True when the message announces itself as X-ARF 0.1/0.2 (an "X-ARF" or "X-XARF" header of
// any value) or carries a report.txt part.
bool looksLikeLegacyXarf(const MailMessage &message);

// Reads the human part, report.txt and the evidence of an X-ARF 0.1/0.2 mail. Never fails: a
// wrong header value, a missing or broken report.txt, missing evidence become `problems`, rule
// breaks of the report become `schemaViolations`.
Report readLegacyXarf(const MailMessage &message);

// The rules of the X-ARF 0.1/0.2 specification for report.txt, which ships no schema we could
// load: the mandatory fields (Reported-From, Category, Report-Type, User-Agent, Version, Date,
// Source, Source-Type, Attachment, and Schema-URL from 0.2 on) and the shape of the values
// that have one (Version 0.1/0.2, Reported-From an address, Date a date, Source matching its
// Source-Type, Port 0-65535, Occurrences a positive number). Violations name the rule the way
// JSON Schema does ("required", "enum", "format: email") and the field as the path.
QList<SchemaViolation> checkLegacyXarfRules(const XarfYamlDocument &report, const QString &version);

} // namespace Awb
