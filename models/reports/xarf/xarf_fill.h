#pragma once

// Private to models/reports/xarf: what the YAML (0.1/0.2) and JSON (v3/v4) readers share when
// they turn a reporter's values into the typed members of a Report.

#include "reports/report.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Awb {

// Puts the reported source where it belongs: an address into sourceIp, a URL into
// reportedUris, a domain into reportedDomain. `type` is the reporter's own label ("ipv4",
// "ipv6", "ip-address", "uri", "url", "domain", "email"...) and wins when it is given; without
// one the text decides.
void assignXarfSource(Report *report, const QString &source, const QString &type);

// ISO 8601 / RFC 3339 ("2024-01-15T14:30:25Z") or RFC 2822 ("Wed, 04 Nov 2026 08:55:02 +0100")
// in UTC; invalid when neither reads.
QDateTime parseXarfDate(const QString &text);

// Takes evidence of the given MIME type as the reported original when it is a message
// (message/rfc822, text/rfc822-headers) and no original was taken yet. A complete message has
// a blank line after its headers; evidence without one counts as headers only. `offset` is
// where the bytes stand in the report mail when they are a verbatim slice of it, else -1 (a
// decoded part, a JSON field). Returns whether the evidence was taken.
bool takeXarfEvidence(Report *report, const QByteArray &bytes, const QString &contentType,
                      qsizetype offset = -1);

} // namespace Awb
