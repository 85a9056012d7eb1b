// awb report --db FILE --case ID --out FILE.pdf [--external] [--settings INI] [--now ISO]
//            [--look-back MONTHS]
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "cli/trust_options.h"

#include "enforcement/case_report_data.h"
#include "pipeline/import_pipeline.h"
#include "policy/enforcement_rules.h"
#include "render/case_report.h"
#include "store/case_repository.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

namespace Awb::Cli {

namespace {

const QString kCommand = QStringLiteral("report");

} // namespace

int reportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes the printable case report (PDF, A4): cover, summary, timeline, "
                       "reports, evidence with the chain diagrams, account history, decision, "
                       "liability, notices, audit with the pinned head hash, sign-off."));
    parser.addHelpOption();
    addAnalystOption(parser);
    addTrustOptions(parser);
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("The case database."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("case"), QStringLiteral("The case: public id or row id."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("The PDF to write."), QStringLiteral("FILE.pdf")});
    parser.addOption({QStringLiteral("external"),
                      QStringLiteral("A copy for readers outside the desk: reporters and "
                                     "complainants replaced by the desk's tokens.")});
    parser.addOption({QStringLiteral("now"),
                      QStringLiteral("The report's \"as of\" time (ISO 8601; default now)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("look-back"),
                      QStringLiteral("Months of account history (default: the advisor's "
                                     "lookBackMonths)."),
                      QStringLiteral("MONTHS")});
    if (!parser.parse(QStringList{QStringLiteral("awb report")} + arguments))
        return usageError(parser, kCommand, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    for (const char *required : {"db", "case", "out"}) {
        if (!parser.isSet(QLatin1String(required)))
            return usageError(parser, kCommand,
                              QStringLiteral("--%1 is required").arg(QLatin1String(required)));
    }
    const QString outPath = parser.value(QStringLiteral("out"));
    if (QFileInfo(outPath).suffix().toLower() != u"pdf")
        return usageError(parser, kCommand,
                          QStringLiteral("--out %1: the file must end in .pdf").arg(outPath));

    CaseReportOptions options;
    options.internalReader = !parser.isSet(QStringLiteral("external"));
    options.lookBackMonths = AdvisorSettings::fromSettings(QSettings()).lookBackMonths;
    if (parser.isSet(QStringLiteral("look-back"))) {
        bool ok = false;
        options.lookBackMonths = parser.value(QStringLiteral("look-back")).toInt(&ok);
        if (!ok || options.lookBackMonths < 1 || options.lookBackMonths > 120)
            return usageError(parser, kCommand,
                              QStringLiteral("--look-back takes 1 to 120 months"));
    }
    if (parser.isSet(QStringLiteral("now"))) {
        options.now = QDateTime::fromString(parser.value(QStringLiteral("now")), Qt::ISODate);
        if (!options.now.isValid())
            return usageError(parser, kCommand,
                              QStringLiteral("--now %1: not an ISO 8601 time")
                                  .arg(parser.value(QStringLiteral("now"))));
    }
    QString trustError;
    if (!trustFromOptions(parser, &options.trust, &trustError))
        return usageError(parser, kCommand, trustError);

    const QString dbPath = parser.value(QStringLiteral("db"));
    if (!QFileInfo::exists(dbPath))
        return rejected(kCommand, QStringLiteral("%1: no such case database").arg(dbPath));
    auto store = openStoreAsAnalyst(dbPath, parser);
    if (!store)
        return rejected(kCommand, store.error());
    const QString caseText = parser.value(QStringLiteral("case"));
    Result<qint64> caseId = CaseRepository(**store).resolve(caseText);
    if (!caseId)
        return rejected(kCommand, QStringLiteral("case %1: %2").arg(caseText, caseId.error()));
    // The account directory's networks are ours too, as at import.
    options.trust = ImportPipeline::withAccountNetworks(options.trust, **store);
    Result<CaseReportData> data = loadCaseReportData(**store, *caseId, options);
    if (!data)
        return rejected(kCommand, data.error());
    const Status written = writeCaseReportPdf(*data, outPath);
    if (!written)
        return rejected(kCommand, written.error());
    out() << "Wrote the case report of " << data->record.publicId << " to " << outPath << " ("
          << (options.internalReader ? "internal" : "external, reporters redacted") << ", "
          << data->reports.size() << " report(s), audit head " << data->auditHeadHash.left(12)
          << "...)\n";
    out().flush();
    return ExitOk;
}

} // namespace Awb::Cli
