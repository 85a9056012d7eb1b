// awb import --db FILE [--json] PATH...
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "cli/trust_options.h"

#include "pipeline/import_pipeline.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Awb::Cli {

namespace {

QString where(const RejectionRecord &rejection)
{
    if (rejection.index < 0)
        return rejection.path;
    return QStringLiteral("%1 (message %2)").arg(rejection.path).arg(rejection.index + 1);
}

QJsonObject summaryJson(const ImportSummary &summary)
{
    QJsonArray rejected;
    for (const RejectionRecord &rejection : summary.rejected) {
        rejected.append(QJsonObject{
            {QStringLiteral("path"), rejection.path},
            {QStringLiteral("index"),
             rejection.index < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(rejection.index)},
            {QStringLiteral("reason"), rejection.reason},
        });
    }
    return QJsonObject{
        {QStringLiteral("imported"), summary.imported},
        {QStringLiteral("duplicates"), summary.duplicates},
        {QStringLiteral("rejected"), rejected},
    };
}

} // namespace

int importInto(CaseStore &store, const QStringList &paths, const TrustSettings &trust, bool json,
               bool *storeFailed)
{
    TerminalProgress progress;
    ImportPipeline::Options options;
    options.trust = trust;
    ImportPipeline pipeline(options);
    pipeline.setProgressCallback([&progress](const ImportProgress &p) {
        const int percent = p.totalBytes > 0 ? int(100 * p.bytesRead / p.totalBytes) : 0;
        progress.update(QStringLiteral("importing: %1% read, %2 imported, %3 duplicates, "
                                       "%4 rejected")
                            .arg(percent)
                            .arg(p.imported)
                            .arg(p.duplicates)
                            .arg(p.rejected));
    });
    auto summary = pipeline.run(store, paths);
    progress.finish();
    if (storeFailed)
        *storeFailed = !summary;
    if (!summary) {
        err() << "awb import: " << summary.error() << '\n';
        return ExitRejected;
    }
    for (const RejectionRecord &rejection : summary->rejected)
        err() << "rejected: " << where(rejection) << ": " << rejection.reason << '\n';
    err().flush();
    if (json) {
        printJsonLine(summaryJson(*summary));
    } else {
        out() << QStringLiteral("Imported %1 new messages into %2 (%3 duplicates, %4 rejected).")
                     .arg(summary->imported)
                     .arg(store.path())
                     .arg(summary->duplicates)
                     .arg(summary->rejected.size())
              << '\n';
        out().flush();
    }
    return summary->rejected.isEmpty() ? ExitOk : ExitRejected;
}

int importCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import .eml files, mboxes, maildirs and directories into a case database."
                       " The exact bytes of every message are stored once, by SHA-256."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("The case database (created if new)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as JSON.")});
    addTrustOptions(parser);
    addAnalystOption(parser);
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("Files, mboxes, maildirs or directories."),
                                 QStringLiteral("PATH..."));
    if (!parser.parse(QStringList{QStringLiteral("awb import")} + arguments))
        return usageError(parser, QStringLiteral("import"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("db")))
        return usageError(parser, QStringLiteral("import"),
                          QStringLiteral("--db FILE is required"));
    if (parser.positionalArguments().isEmpty())
        return usageError(parser, QStringLiteral("import"), QStringLiteral("no PATH given"));

    TrustSettings trust;
    QString error;
    if (!trustFromOptions(parser, &trust, &error))
        return usageError(parser, QStringLiteral("import"), error);

    auto store = openStoreAsAnalyst(parser.value(QStringLiteral("db")), parser);
    if (!store) {
        err() << "awb import: " << store.error() << '\n';
        return ExitRejected;
    }
    return importInto(**store, parser.positionalArguments(), trust,
                      parser.isSet(QStringLiteral("json")));
}

} // namespace Awb::Cli
