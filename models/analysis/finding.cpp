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

std::optional<Severity> severityFromName(const QString &name)
{
    for (Severity s :
         {Severity::Info, Severity::Low, Severity::Medium, Severity::High, Severity::Critical}) {
        if (severityName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace Awb
