#pragma once

#include "reports/report_recogniser.h"
#include "reports/xarf/json_schema_set.h"

#include <QString>

#include <mutex>
#include <optional>

namespace Awb {

// Recognises the X-ARF family:
//  - X-ARF 0.1 and 0.2: a multipart/mixed mail marked "X-ARF: YES" (0.2) or "X-XARF: PLAIN"
//    (0.1) with a human part, a YAML report part named report.txt and the evidence (a
//    message/rfc822 part becomes the original). Fields carry the source "report.txt".
//  - XARF v3 and v4: a JSON report as the message body or as a part (application/json or a
//    *.json file name), validated against the bundled schemas; fields carry the source
//    "json". A message/rfc822 evidence item (v4 "evidence", v3 "Samples") becomes the
//    original; so does a message/rfc822 part of the mail when the JSON carries none.
// feedbackType is the reporter's classification: the 0.x Category ("abuse"), the v3
// ReportType ("Spam"), the v4 type ("spam").
//
// The schemas are read from `schemaDirectory` (default: dataDirectory()/xarf-schemas) on first
// use, once, whichever thread comes first. When they cannot be read, JSON reports are still
// recognised and say in `problems` that they were not validated.
class XarfRecogniser final : public ReportRecogniser
{
public:
    explicit XarfRecogniser(QString schemaDirectory = QString());

    QString name() const override;
    std::optional<Report> recognise(const MailMessage &message) const override;

    // The loaded schemas, or nullptr when none could be loaded (schemaLoadError() says why).
    const JsonSchemaSet *schemas() const;
    QString schemaLoadError() const;

private:
    QString m_schemaDirectory;
    mutable std::once_flag m_loadOnce;
    mutable std::optional<JsonSchemaSet> m_schemas;
    mutable QString m_loadError;
};

} // namespace Awb
