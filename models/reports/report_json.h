#pragma once

#include "analysis/analysis_json.h"

#include <QJsonObject>

namespace Awb {

class MailMessage;
struct ReportAnalysis;

// The JSON Lines object of DESIGN.md for one imported message: analysisToJson() of the message,
// plus "receipt", "response_deadline" and "report" (the format's fields, completeness, the
// report.* findings and, when there is one, the "original" analysed in the same shape).
QJsonObject reportAnalysisToJson(const MessageOrigin &where, const MailMessage &message,
                                 const ReportAnalysis &analysis);

} // namespace Awb
