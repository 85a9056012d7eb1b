// awb advise --db FILE --case ID [--settings FILE] [--json]
// awb decide --db FILE --case ID (--accept | --action A [--days N]) [--reason TEXT]
//            [--per-incident USD] [--charge KIND=USD[:DESCRIPTION]]... [--setup USD]
//            [--credits USD] [--no-campaign-incident] [--analyst NAME] [--json]
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/store_options.h"

#include "enforcement/case_advice.h"
#include "policy/money.h"
#include "store/case_repository.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QSettings>

namespace Awb::Cli {

namespace {

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("The case database."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("case"), QStringLiteral("The case: its public id or row id."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("settings"),
                      QStringLiteral("Advisor settings ([advisor] of an INI file) instead of the "
                                     "window's."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object.")});
}

AdvisorSettings advisorSettings(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("settings")))
        return AdvisorSettings::fromSettings(
            QSettings(parser.value(QStringLiteral("settings")), QSettings::IniFormat));
    return AdvisorSettings::fromSettings(QSettings());
}

void printRecommendation(const Recommendation &r)
{
    out() << "Case " << r.caseId << " (account " << (r.accountId.isEmpty() ? "none" : r.accountId)
          << ")\n";
    out() << "Proposed: " << (r.action.isEmpty() ? QStringLiteral("no sanction") : r.action);
    if (r.action == u"suspension")
        out() << ", " << r.suspensionDays << " days";
    out() << "  (score " << r.score << ")\n";
    out() << "Rule: " << r.ruleApplied << '\n';
    out() << "Clauses engaged: "
          << (r.clauses.isEmpty() ? QStringLiteral("none") : r.clauses.join(u", "))
          << "\n\nFactors:\n";
    for (const AdvisorFactor &f : r.factors) {
        out() << "  " << (f.counted ? "+" : " ") << QString::number(f.weight).rightJustified(3)
              << "  " << f.label;
        if (!f.counted)
            out() << "  (not counted)";
        out() << "\n        source: " << f.source << '\n';
        if (!f.detail.isEmpty())
            out() << "        " << f.detail << '\n';
    }
    out() << "\nExplanation:\n";
    for (const QString &line : r.explanation)
        out() << "  " << line << '\n';
    out() << "\nRules:\n";
    for (const QString &line : advisorRuleDescriptions(r.settingsUsed))
        out() << "  " << line << '\n';
    out().flush();
}

struct Opened
{
    std::unique_ptr<CaseStore> store;
    qint64 caseId = 0;
};

Result<Opened> openCase(const QString &command, const QCommandLineParser &parser)
{
    auto store = openStoreAsAnalyst(parser.value(QStringLiteral("db")), parser);
    if (!store)
        return Error{store.error()};
    Result<qint64> id = CaseRepository(**store).resolve(parser.value(QStringLiteral("case")));
    if (!id)
        return Error{id.error()};
    Q_UNUSED(command);
    return Opened{std::move(*store), *id};
}

Result<qint64> usdOption(const QCommandLineParser &parser, const QString &name, qint64 fallback)
{
    if (!parser.isSet(name))
        return fallback;
    return parseMoney(parser.value(name));
}

} // namespace

int adviseCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("advise");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("What policy section 6.1 proposes for a case, with every factor, clause, "
                       "prior offence and listing it rests on."));
    addCommonOptions(parser);
    addAnalystOption(parser);
    if (!parser.parse(QStringList{QStringLiteral("awb advise")} + arguments))
        return usageError(parser, command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("db")) || !parser.isSet(QStringLiteral("case")))
        return usageError(parser, command, QStringLiteral("--db and --case are required"));
    Result<Opened> opened = openCase(command, parser);
    if (!opened)
        return rejected(command, opened.error());
    Result<CaseAdvice> advice = adviseCase(*opened->store, opened->caseId, advisorSettings(parser));
    if (!advice)
        return rejected(command, advice.error());
    if (parser.isSet(QStringLiteral("json")))
        printJsonLine(recommendationToJson(advice->recommendation));
    else
        printRecommendation(advice->recommendation);
    return ExitOk;
}

int decideCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("decide");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Records the analyst's decision on a case: the advisor's proposal "
                       "(--accept) or another action (an override, which needs --reason)."));
    addCommonOptions(parser);
    addAnalystOption(parser);
    parser.addOption({QStringLiteral("accept"), QStringLiteral("Take the proposal as it is.")});
    parser.addOption({QStringLiteral("action"),
                      QStringLiteral("warning, suspension, termination or termination-liability."),
                      QStringLiteral("A")});
    parser.addOption({QStringLiteral("days"), QStringLiteral("Suspension length, 7 to 30."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("reason"), QStringLiteral("Why (required for an override)."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("per-incident"),
                      QStringLiteral("USD per incident, at least 15 (policy 6.2)."),
                      QStringLiteral("USD")});
    parser.addOption({QStringLiteral("charge"),
                      QStringLiteral("A charge of policy 6.2: delisting-fee, "
                                     "reputation-remediation, administrative-overhead or "
                                     "legal-fees, as KIND=USD[:DESCRIPTION]. Repeatable."),
                      QStringLiteral("CHARGE")});
    parser.addOption({QStringLiteral("setup"),
                      QStringLiteral("Setup charges forfeited (policy 6.3)."),
                      QStringLiteral("USD")});
    parser.addOption({QStringLiteral("credits"),
                      QStringLiteral("Account credits forfeited (policy 6.3)."),
                      QStringLiteral("USD")});
    parser.addOption({QStringLiteral("no-campaign-incident"),
                      QStringLiteral("Charge only the listings, not the complaint campaign.")});
    if (!parser.parse(QStringList{QStringLiteral("awb decide")} + arguments))
        return usageError(parser, command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("db")) || !parser.isSet(QStringLiteral("case")))
        return usageError(parser, command, QStringLiteral("--db and --case are required"));
    if (parser.isSet(QStringLiteral("accept")) == parser.isSet(QStringLiteral("action")))
        return usageError(parser, command, QStringLiteral("give either --accept or --action"));

    Result<Opened> opened = openCase(command, parser);
    if (!opened)
        return rejected(command, opened.error());
    Result<CaseAdvice> advice = adviseCase(*opened->store, opened->caseId, advisorSettings(parser));
    if (!advice)
        return rejected(command, advice.error());

    DecisionRequest request;
    request.who = analystFromOptions(parser);
    request.decision.reason = parser.value(QStringLiteral("reason"));
    if (parser.isSet(QStringLiteral("accept"))) {
        request.decision.action = advice->recommendation.action;
        request.decision.suspensionDays = advice->recommendation.suspensionDays;
    } else {
        request.decision.action = parser.value(QStringLiteral("action"));
        bool ok = true;
        if (parser.isSet(QStringLiteral("days")))
            request.decision.suspensionDays = parser.value(QStringLiteral("days")).toInt(&ok);
        else if (request.decision.action == u"suspension")
            request.decision.suspensionDays = advice->recommendation.suspensionDays > 0
                                                  ? advice->recommendation.suspensionDays
                                                  : 7;
        if (!ok)
            return usageError(parser, command, QStringLiteral("--days takes a number"));
    }
    Result<qint64> perIncident =
        usdOption(parser, QStringLiteral("per-incident"), kMinimumIncidentCents);
    Result<qint64> setup = usdOption(parser, QStringLiteral("setup"), 0);
    Result<qint64> credits = usdOption(parser, QStringLiteral("credits"), 0);
    for (const Result<qint64> *amount : {&perIncident, &setup, &credits}) {
        if (!*amount)
            return usageError(parser, command, amount->error());
    }
    request.perIncidentCents = *perIncident;
    request.setupCents = *setup;
    request.creditsCents = *credits;
    request.campaignIsIncident = !parser.isSet(QStringLiteral("no-campaign-incident"));
    for (const QString &charge : parser.values(QStringLiteral("charge"))) {
        const qsizetype equals = charge.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return usageError(
                parser, command,
                QStringLiteral("--charge %1: expected KIND=USD[:DESCRIPTION]").arg(charge));
        const QString rest = charge.mid(equals + 1);
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        Result<qint64> cents = parseMoney(colon < 0 ? rest : rest.left(colon));
        if (!cents)
            return usageError(parser, command,
                              QStringLiteral("--charge %1: %2").arg(charge, cents.error()));
        request.charges.append(
            {charge.left(equals), colon < 0 ? QString() : rest.mid(colon + 1), *cents});
    }

    Result<RecordedDecision> recorded = decideCase(*opened->store, *advice, request);
    if (!recorded)
        return rejected(command, recorded.error());
    const DecisionRecord &d = recorded->record;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object{{QStringLiteral("decision_id"), recorded->decisionId},
                           {QStringLiteral("case"), advice->facts.record.publicId},
                           {QStringLiteral("proposed"), d.proposedAction},
                           {QStringLiteral("chosen"), d.chosenAction},
                           {QStringLiteral("days"), d.chosenDays},
                           {QStringLiteral("overridden"), d.overridden},
                           {QStringLiteral("reason"), d.reason}};
        if (recorded->liability)
            object.insert(QStringLiteral("liability"),
                          liabilityStatementToJson(*recorded->liability));
        printJsonLine(object);
        return ExitOk;
    }
    out() << "Recorded decision " << recorded->decisionId << " on " << advice->facts.record.publicId
          << ": " << d.chosenAction;
    if (d.chosenAction == u"suspension")
        out() << ", " << d.chosenDays << " days, until " << d.suspensionEnd.toString(Qt::ISODate);
    out() << (d.overridden ? QStringLiteral(" (override of %1: %2)")
                                 .arg(d.proposedAction.isEmpty() ? QStringLiteral("no sanction")
                                                                 : d.proposedAction,
                                      d.reason)
                           : QStringLiteral(" (as proposed)"))
          << '\n';
    if (recorded->liability) {
        for (const QString &line : liabilityStatementLines(*recorded->liability))
            out() << "  " << line << '\n';
    }
    out().flush();
    return ExitOk;
}

} // namespace Awb::Cli
