// awb checks [--json]: the catalogue of checks.
#include "cli/cli_io.h"
#include "cli/commands.h"

#include "analysis/analysis_json.h"
#include "analysis/check_registry.h"
#include "reports/report_analysis.h"

#include <QCommandLineParser>

namespace Awb::Cli {

int checksCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List every check: id, severity, policy clause, title, and what it looks for."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines, one per check.")});
    if (!parser.parse(QStringList{QStringLiteral("awb checks")} + arguments))
        return usageError(parser, QStringLiteral("checks"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(parser, QStringLiteral("checks"), QStringLiteral("unexpected arguments"));

    QList<CheckInfo> catalogue;
    for (const Check *check : allChecks())
        catalogue << check->info();
    catalogue << reportCheckCatalogue();
    std::sort(catalogue.begin(), catalogue.end(),
              [](const CheckInfo &a, const CheckInfo &b) { return a.id < b.id; });
    for (const CheckInfo &info : catalogue) {
        if (parser.isSet(QStringLiteral("json"))) {
            printJsonLine(checkInfoToJson(info));
            continue;
        }
        out() << info.id.leftJustified(36) << severityName(info.severity).leftJustified(9)
              << QStringLiteral("policy %1").arg(info.clause).leftJustified(12) << info.title
              << "\n    " << info.description << '\n';
    }
    out().flush();
    return ExitOk;
}

} // namespace Awb::Cli
