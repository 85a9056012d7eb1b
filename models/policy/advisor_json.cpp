#include "policy/enforcement_advisor.h"

#include "policy/json_fields_p.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Awb {

namespace {

// Bumped only if a field changes meaning; new fields are added without it.
constexpr int kAdviceVersion = 1;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::EnforcementAdvisor)
};

QJsonObject factorToJson(const AdvisorFactor &f)
{
    return QJsonObject{
        {QStringLiteral("id"), f.id},         {QStringLiteral("label"), f.label},
        {QStringLiteral("weight"), f.weight}, {QStringLiteral("source"), f.source},
        {QStringLiteral("detail"), f.detail}, {QStringLiteral("counted"), f.counted}};
}

} // namespace

QJsonObject advisorSettingsToJson(const AdvisorSettings &s)
{
    QJsonObject json;
    const QList<std::pair<QString, int>> values = s.integers();
    for (const auto &[key, value] : values)
        json.insert(key, value);
    json.insert(QStringLiteral("minimumSeverity"), severityName(s.minimumSeverity));
    json.insert(QStringLiteral("adjustments"), QJsonArray::fromStringList(s.adjustments));
    return json;
}

// A missing key keeps its default: advice stored before a setting existed still reads.
Result<AdvisorSettings> advisorSettingsFromJson(const QJsonObject &json)
{
    AdvisorSettings s;
    JsonFieldReader read(json, Tr::tr("advisor settings"));
    const QList<std::pair<QString, int>> defaults = s.integers();
    for (const auto &[key, value] : defaults) {
        int number = value;
        read.integer(key.toLatin1().constData(), number);
        s.setInteger(key, number);
    }
    QString severity = severityName(s.minimumSeverity);
    read.text("minimumSeverity", severity);
    read.strings("adjustments", s.adjustments);
    if (!read.ok())
        return Error{read.error()};
    const std::optional<Severity> parsed = severityFromName(severity);
    if (!parsed)
        return Error{Tr::tr("advisor settings: \"minimumSeverity\" is \"%1\", not a severity.")
                         .arg(severity)};
    s.minimumSeverity = *parsed;
    return s;
}

QJsonObject recommendationToJson(const Recommendation &r)
{
    QJsonArray factors;
    for (const AdvisorFactor &f : r.factors)
        factors.append(factorToJson(f));
    return QJsonObject{
        {QStringLiteral("version"), kAdviceVersion},
        {QStringLiteral("case_id"), r.caseId},
        {QStringLiteral("account_id"), r.accountId},
        {QStringLiteral("at"),
         r.at.isValid() ? r.at.toUTC().toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("action"), r.action},
        {QStringLiteral("suspension_days"), r.suspensionDays},
        {QStringLiteral("score"), r.score},
        {QStringLiteral("clauses"), QJsonArray::fromStringList(r.clauses)},
        {QStringLiteral("rule_id"), r.ruleId},
        {QStringLiteral("rule_applied"), r.ruleApplied},
        {QStringLiteral("factors"), factors},
        {QStringLiteral("explanation"), QJsonArray::fromStringList(r.explanation)},
        {QStringLiteral("settings"), advisorSettingsToJson(r.settingsUsed)},
    };
}

Result<Recommendation> recommendationFromJson(const QJsonObject &json)
{
    Recommendation r;
    JsonFieldReader read(json, Tr::tr("advice"));
    int version = 0;
    read.integer("version", version, true);
    read.text("case_id", r.caseId);
    read.text("account_id", r.accountId);
    QString at;
    read.text("at", at);
    read.text("action", r.action, true);
    read.integer("suspension_days", r.suspensionDays);
    read.integer("score", r.score, true);
    read.strings("clauses", r.clauses);
    read.text("rule_id", r.ruleId);
    read.text("rule_applied", r.ruleApplied, true);
    read.strings("explanation", r.explanation);
    const QJsonArray items = read.array("factors", true);
    if (!read.ok())
        return Error{read.error()};
    if (version > kAdviceVersion)
        return Error{Tr::tr("advice: version %1 is newer than this program reads (%2).")
                         .arg(version)
                         .arg(kAdviceVersion)};
    if (enforcementActionRank(r.action) < 0)
        return Error{
            Tr::tr("advice: \"action\" is \"%1\", not an enforcement action.").arg(r.action)};
    if (!at.isEmpty()) {
        r.at = QDateTime::fromString(at, Qt::ISODateWithMs);
        if (!r.at.isValid())
            return Error{Tr::tr("advice: \"at\" is \"%1\", not an ISO 8601 time.").arg(at)};
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject())
            return Error{Tr::tr("advice: factor %1 is not an object.").arg(i)};
        AdvisorFactor f;
        JsonFieldReader field(items.at(i).toObject(), Tr::tr("advice, factor %1").arg(i));
        field.text("id", f.id, true);
        field.text("label", f.label);
        field.integer("weight", f.weight);
        field.text("source", f.source);
        field.text("detail", f.detail);
        field.boolean("counted", f.counted);
        if (!field.ok())
            return Error{field.error()};
        r.factors.append(f);
    }
    const QJsonValue settings = json.value(QStringLiteral("settings"));
    if (settings.isObject()) {
        Result<AdvisorSettings> s = advisorSettingsFromJson(settings.toObject());
        if (!s)
            return Error{Tr::tr("advice: %1").arg(s.error())};
        r.settingsUsed = *s;
    } else if (!settings.isUndefined()) {
        return Error{Tr::tr("advice: \"settings\" is not an object.")};
    }
    return r;
}

} // namespace Awb
