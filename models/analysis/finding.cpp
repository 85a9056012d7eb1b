#include "analysis/finding.h"

namespace Awb {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Low:
        return QStringLiteral("low");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::High:
        return QStringLiteral("high");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

} // namespace Awb
