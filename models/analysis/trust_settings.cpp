#include "analysis/trust_settings.h"

namespace Awb {

namespace {

void addAll(const QStringList &texts, IpNetworkSet &set, QStringList *invalid)
{
    for (const QString &text : texts) {
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (const auto network = IpNetwork::parse(trimmed))
            set.add(*network);
        else if (invalid)
            invalid->append(trimmed);
    }
}

} // namespace

TrustSettings TrustSettings::fromText(const QStringList &trusted, const QStringList &ours,
                                      QStringList *invalid)
{
    TrustSettings settings;
    addAll(trusted, settings.trusted, invalid);
    addAll(ours, settings.ours, invalid);
    return settings;
}

} // namespace Awb
