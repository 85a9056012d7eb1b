#include "analysis/trust_settings.h"

#include <QSettings>

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

namespace {

const QString trustedKey = QStringLiteral("analysis/trustedNetworks");
const QString oursKey = QStringLiteral("analysis/ourNetworks");
const QString mailDomainsKey = QStringLiteral("analysis/ourMailDomains");
const QString authservKey = QStringLiteral("analysis/trustedAuthservIds");

// An INI list is written "a, b"; QSettings reads it as a list, a single entry as a string.
QStringList listValue(const QSettings &settings, const QString &key)
{
    QStringList out;
    for (const QString &item : settings.value(key).toStringList()) {
        if (!item.trimmed().isEmpty())
            out << item.trimmed();
    }
    return out;
}

} // namespace

TrustSettings TrustSettings::fromSettings(const QSettings &settings, QStringList *invalid)
{
    TrustSettings trust =
        fromText(listValue(settings, trustedKey), listValue(settings, oursKey), invalid);
    trust.ourMailDomains = listValue(settings, mailDomainsKey);
    trust.trustedAuthservIds = listValue(settings, authservKey);
    return trust;
}

void TrustSettings::store(QSettings &settings, const QStringList &trusted, const QStringList &ours,
                          const QStringList &ourMailDomains, const QStringList &trustedAuthservIds)
{
    settings.setValue(trustedKey, trusted);
    settings.setValue(oursKey, ours);
    settings.setValue(mailDomainsKey, ourMailDomains);
    settings.setValue(authservKey, trustedAuthservIds);
}

} // namespace Awb
