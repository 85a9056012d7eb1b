#include "policy/enforcement_rules.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>
#include <iterator>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::EnforcementRules)
};

// The whole-number settings: key in [advisor], member, and the range a value must lie in.
struct IntSetting
{
    const char *key;
    int AdvisorSettings::*member;
    int min;
    int max;
};

const IntSetting kIntSettings[] = {
    {"lookBackMonths", &AdvisorSettings::lookBackMonths, 1, 120},
    {"repeatedAfter", &AdvisorSettings::repeatedAfter, 1, 100},
    {"moderateThreshold", &AdvisorSettings::moderateThreshold, 1, 1000},
    {"severeThreshold", &AdvisorSettings::severeThreshold, 1, 1000},
    {"volumeThreshold", &AdvisorSettings::volumeThreshold, 1, 1000000},
    {"highVolumeThreshold", &AdvisorSettings::highVolumeThreshold, 1, 1000000},
    {"distinctReportersThreshold", &AdvisorSettings::distinctReportersThreshold, 1, 100000},
    {"suspensionBaseDays", &AdvisorSettings::suspensionBaseDays, 7, 30},
    {"suspensionDaysPerPoint", &AdvisorSettings::suspensionDaysPerPoint, 0, 30},
    {"suspensionMaxDays", &AdvisorSettings::suspensionMaxDays, 7, 30},
};
constexpr int kIntSettingCount = int(std::size(kIntSettings));
constexpr int kMaxWeight = 100;

void readInt(const QSettings &settings, const QString &key, int &target, int min, int max,
             QStringList &adjustments)
{
    const QVariant value = settings.value(key);
    bool ok = false;
    const int number = value.toString().trimmed().toInt(&ok);
    if (!ok) {
        // One arg() call: the text read from the file may hold "%3" itself.
        adjustments << Tr::tr("%1 = \"%2\" is not a whole number; used %3.")
                           .arg(key, value.toString(), QString::number(target));
        return;
    }
    target = std::clamp(number, min, max);
    if (target != number)
        adjustments << Tr::tr("%1 = %2 is outside %3..%4; used %5.")
                           .arg(key)
                           .arg(number)
                           .arg(min)
                           .arg(max)
                           .arg(target);
}

// Settings that must not undercut another one: raised to it, and said so.
void atLeast(int &value, int floor, const char *name, const char *floorName,
             QStringList &adjustments)
{
    if (value >= floor)
        return;
    adjustments << Tr::tr("advisor/%1 = %2 is below %3 = %4; used %4.")
                       .arg(QLatin1String(name))
                       .arg(value)
                       .arg(QLatin1String(floorName))
                       .arg(floor);
    value = floor;
}

} // namespace

AdvisorSettings::AdvisorSettings()
{
    for (const AdvisorFactorRule &factor : advisorFactorRules())
        weights.insert(factor.id, factor.defaultWeight);
}

AdvisorSettings AdvisorSettings::fromSettings(const QSettings &settings)
{
    AdvisorSettings s;
    const auto key = [](const QString &name) { return QStringLiteral("advisor/") + name; };
    for (const IntSetting &setting : kIntSettings) {
        QString k = key(QLatin1String(setting.key));
        if (setting.member == &AdvisorSettings::lookBackMonths && !settings.contains(k) &&
            settings.contains(QStringLiteral("accounts/lookBackMonths")))
            k = QStringLiteral("accounts/lookBackMonths");
        if (settings.contains(k))
            readInt(settings, k, s.*setting.member, setting.min, setting.max, s.adjustments);
    }
    atLeast(s.severeThreshold, s.moderateThreshold, "severeThreshold", "moderateThreshold",
            s.adjustments);
    atLeast(s.highVolumeThreshold, s.volumeThreshold, "highVolumeThreshold", "volumeThreshold",
            s.adjustments);
    atLeast(s.suspensionMaxDays, s.suspensionBaseDays, "suspensionMaxDays", "suspensionBaseDays",
            s.adjustments);
    for (const AdvisorFactorRule &factor : advisorFactorRules()) {
        const QString k = key(factor.settingsKey);
        if (settings.contains(k))
            readInt(settings, k, s.weights[factor.id], 0, kMaxWeight, s.adjustments);
    }
    const QString severityKey = key(QStringLiteral("minimumSeverity"));
    if (settings.contains(severityKey)) {
        const QString text = settings.value(severityKey).toString().trimmed().toLower();
        const std::optional<Severity> severity = severityFromName(text);
        if (severity && *severity != Severity::Info) {
            s.minimumSeverity = *severity;
        } else {
            s.adjustments << Tr::tr("%1 = \"%2\" is not one of low, medium, high, critical (info "
                                    "findings never engage a clause); used %3.")
                                 .arg(severityKey, text, severityName(s.minimumSeverity));
        }
    }
    return s;
}

QList<std::pair<QString, int>> AdvisorSettings::integers() const
{
    QList<std::pair<QString, int>> values;
    for (const IntSetting &setting : kIntSettings)
        values.append({QLatin1String(setting.key), this->*setting.member});
    for (const AdvisorFactorRule &factor : advisorFactorRules())
        values.append({factor.settingsKey, weight(factor.id)});
    return values;
}

bool AdvisorSettings::setInteger(const QString &key, int value)
{
    for (const IntSetting &setting : kIntSettings) {
        if (key == QLatin1String(setting.key)) {
            this->*setting.member = value;
            return true;
        }
    }
    for (const AdvisorFactorRule &factor : advisorFactorRules()) {
        if (key == factor.settingsKey) {
            weights[factor.id] = value;
            return true;
        }
    }
    return false;
}

QStringList AdvisorSettings::describe() const
{
    QStringList lines;
    const QList<std::pair<QString, int>> values = integers();
    for (const auto &[key, value] : values)
        lines << QStringLiteral("%1 = %2").arg(key).arg(value);
    // After the thresholds, before the weights, as the header lists them.
    lines.insert(kIntSettingCount,
                 QStringLiteral("minimumSeverity = %1").arg(severityName(minimumSeverity)));
    return lines;
}

bool operator==(const AdvisorSettings &a, const AdvisorSettings &b)
{
    for (const IntSetting &setting : kIntSettings) {
        if (a.*setting.member != b.*setting.member)
            return false;
    }
    return a.minimumSeverity == b.minimumSeverity && a.weights == b.weights &&
           a.adjustments == b.adjustments;
}

} // namespace Awb
