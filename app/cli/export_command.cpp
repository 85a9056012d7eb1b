// awb export --db FILE --case ID --out DIR|FILE.zip [--external] [--settings INI] [--trusted ...]
// awb export --verify DIR|FILE.zip
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "cli/trust_options.h"

#include "enforcement/case_report_data.h"
#include "enforcement/evidence_package.h"
#include "pipeline/import_pipeline.h"
#include "render/case_report.h"
#include "store/audit_log.h"
#include "store/case_repository.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace Awb::Cli {

namespace {

const QString kCommand = QStringLiteral("export");

// The case's audit entries, then one line pinning the whole chain as it stood: an authority can
// compare the head with the database later (the chain alone cannot show a cut-off tail).
Result<QByteArray> auditLines(CaseStore &store, qint64 caseId)
{
    AuditLog log(store);
    Result<QList<AuditEntry>> entries = log.entries(caseId);
    if (!entries)
        return Error{entries.error()};
    QByteArray lines;
    for (const AuditEntry &entry : *entries)
        lines += QJsonDocument(auditEntryJson(entry)).toJson(QJsonDocument::Compact) + '\n';
    Result<AuditVerification> verified = log.verify();
    if (!verified)
        return Error{verified.error()};
    const QJsonObject chain{{QStringLiteral("chain_intact"), verified->intact},
                            {QStringLiteral("chain_entries"), verified->entryCount},
                            {QStringLiteral("chain_head"), QString::fromLatin1(verified->headHash)},
                            {QStringLiteral("problem"), verified->problem}};
    lines += QJsonDocument(chain).toJson(QJsonDocument::Compact) + '\n';
    return lines;
}

} // namespace

int exportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes the evidence package of a case for the authorities (policy "
                       "section XI): the original messages byte for byte, the notices, the case, "
                       "its audit entries, the case report, and MANIFEST.sha256 "
                       "(sha256sum -c checks it). --verify checks a written package."));
    parser.addHelpOption();
    addAnalystOption(parser);
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("The case database."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("case"), QStringLiteral("The case: public id or row id."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("A new folder, or FILE.zip."),
                      QStringLiteral("DIR|FILE.zip")});
    parser.addOption({QStringLiteral("external"),
                      QStringLiteral("The report for a reader outside the desk: reporters "
                                     "redacted.")});
    addTrustOptions(parser); // the report's chain diagrams are drawn with these
    parser.addOption({QStringLiteral("verify"),
                      QStringLiteral("Check a written package against its manifest."),
                      QStringLiteral("DIR|FILE.zip")});
    if (!parser.parse(QStringList{QStringLiteral("awb export")} + arguments))
        return usageError(parser, kCommand, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("verify"))) {
        const QString path = parser.value(QStringLiteral("verify"));
        if (Status verified = verifyPackage(path); !verified)
            return rejected(kCommand, verified.error());
        out() << "intact: every file of " << path << " matches MANIFEST.sha256\n";
        out().flush();
        return ExitOk;
    }
    for (const char *required : {"db", "case", "out"}) {
        if (!parser.isSet(QLatin1String(required)))
            return usageError(parser, kCommand,
                              QStringLiteral("--%1 is required").arg(QLatin1String(required)));
    }
    auto store = openStoreAsAnalyst(parser.value(QStringLiteral("db")), parser);
    if (!store)
        return rejected(kCommand, store.error());
    Result<qint64> caseId = CaseRepository(**store).resolve(parser.value(QStringLiteral("case")));
    if (!caseId)
        return rejected(kCommand, caseId.error());

    Result<EvidencePackage> package = buildEvidencePackage(**store, *caseId);
    if (!package)
        return rejected(kCommand, package.error());
    Result<CaseRecord> record = CaseRepository(**store).caseById(*caseId);
    if (!record)
        return rejected(kCommand, record.error());
    package->add(QStringLiteral("case.json"),
                 QJsonDocument(caseJson(*record)).toJson(QJsonDocument::Indented));
    Result<QByteArray> audit = auditLines(**store, *caseId);
    if (!audit)
        return rejected(kCommand, audit.error());
    package->add(QStringLiteral("audit.jsonl"), *audit);

    CaseReportOptions options;
    options.internalReader = !parser.isSet(QStringLiteral("external"));
    QString trustError;
    if (!trustFromOptions(parser, &options.trust, &trustError))
        return usageError(parser, kCommand, trustError);
    options.trust = ImportPipeline::withAccountNetworks(options.trust, **store);
    Result<CaseReportData> data = loadCaseReportData(**store, *caseId, options);
    if (!data)
        return rejected(kCommand, data.error());
    QTemporaryDir scratch;
    const QString pdf = scratch.filePath(QStringLiteral("case-report.pdf"));
    if (Status written = writeCaseReportPdf(*data, pdf); !written)
        return rejected(kCommand, written.error());
    QFile report(pdf);
    if (!report.open(QIODevice::ReadOnly))
        return rejected(
            kCommand,
            QStringLiteral("cannot read the rendered report: %1").arg(report.errorString()));
    package->add(QStringLiteral("case-report.pdf"), report.readAll());

    const QString outPath = parser.value(QStringLiteral("out"));
    const Status written = outPath.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)
                               ? writePackageZip(*package, outPath)
                               : writePackageDirectory(*package, outPath);
    if (!written)
        return rejected(kCommand, written.error());
    if (Status verified = verifyPackage(outPath); !verified)
        return rejected(kCommand, verified.error());
    out() << "Wrote the evidence package of " << package->caseId << " to " << outPath << " ("
          << package->files.size() + 1 << " files with MANIFEST.sha256)\n";
    out().flush();
    return ExitOk;
}

} // namespace Awb::Cli
