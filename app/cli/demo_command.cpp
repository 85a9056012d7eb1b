// awb demo [--out DIR]: the bundled demo data, end to end, without a window.
#include "cli/cli_io.h"
#include "cli/commands.h"

#include "cli/trust_options.h"

#include "analysis/trust_settings.h"
#include "cases/case_assigner.h"
#include "common/data_paths.h"
#include "enforcement/case_advice.h"
#include "store/case_repository.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace Awb::Cli {

namespace {

void removeDatabase(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

} // namespace

namespace {

// What section 6.1 proposes for each attributed case: the demo ends where the analyst's decision
// begins (nothing is decided for them).
void printProposals(CaseStore &store)
{
    Result<QList<CaseRecord>> cases = CaseRepository(store).cases();
    if (!cases)
        return;
    out() << "\nProposals of the enforcement advisor (policy 6.1):\n";
    for (const CaseRecord &record : *cases) {
        if (record.accountId.isEmpty() || !record.mergedInto.isEmpty())
            continue;
        Result<CaseAdvice> advice =
            adviseCase(store, record.id, AdvisorSettings::fromSettings(QSettings()));
        if (!advice) {
            out() << "  " << record.publicId << ": " << advice.error() << '\n';
            continue;
        }
        const Recommendation &r = advice->recommendation;
        out() << "  " << record.publicId << "  "
              << (r.action.isEmpty() ? QStringLiteral("no sanction") : r.action)
              << (r.action == u"suspension" ? QStringLiteral(" %1 days").arg(r.suspensionDays)
                                            : QString())
              << "  (" << r.ruleApplied << ")\n";
    }
}

} // namespace

int demoCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run the bundled demo: import the demo reports, mailbox and maildir into a fresh case "
        "database and list what was imported."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("out"),
         QStringLiteral("Where to write the demo case database (default: ./awb-demo)."),
         QStringLiteral("DIR"), QStringLiteral("awb-demo")});
    if (!parser.parse(QStringList{QStringLiteral("awb demo")} + arguments))
        return usageError(parser, QStringLiteral("demo"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(parser, QStringLiteral("demo"), QStringLiteral("unexpected arguments"));

    const QString demoDir = demoDirectory();
    if (demoDir.isEmpty() || !QFileInfo(demoDir).isDir()) {
        err() << "awb demo: the demo data was not found (set AWB_DATA_DIR to the folder that "
                 "holds demo/)\n";
        return ExitRejected;
    }
    const QString outDir = QDir(parser.value(QStringLiteral("out"))).absolutePath();
    if (!QDir().mkpath(outDir)) {
        err() << "awb demo: cannot create " << outDir << '\n';
        return ExitRejected;
    }
    const QString dbPath = outDir + QStringLiteral("/demo.awbcase");
    removeDatabase(dbPath);
    auto store = CaseStore::open(dbPath);
    if (!store) {
        err() << "awb demo: " << store.error() << '\n';
        return ExitRejected;
    }

    const QStringList inputs = demoInputs();
    out() << "Demo data: " << demoDir << '\n';
    for (const QString &input : inputs)
        out() << "  importing " << QDir(demoDir).relativeFilePath(input) << '\n';
    out().flush();
    bool storeFailed = false;
    const QString settingsPath = demoDir + QStringLiteral("/analysis.ini");
    const TrustSettings trust =
        TrustSettings::fromSettings(QSettings(settingsPath, QSettings::IniFormat));
    out() << "Analysis settings: " << settingsPath << '\n';
    QString keysError;
    if (!loadDkimKeys(demoDir + QStringLiteral("/dkim/demo-dkim-keys.zone"), &keysError))
        err() << "awb demo: DKIM signatures will not be verified: " << keysError << '\n';
    // The account directory first, so that the import knows our networks and the cases their
    // accounts.
    const QDir accountsDir(demoDir + QStringLiteral("/accounts"));
    QStringList csvs;
    for (const QString &name :
         accountsDir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
        csvs << accountsDir.filePath(name);
    out() << "Account directory: " << accountsDir.path() << '\n';
    importAccountsInto(**store, csvs, false);
    importInto(**store, inputs, trust, false, &storeFailed);
    out() << "(The files in malformed/ are broken on purpose: they show how bad input is named "
             "and reported.)\n\n";
    listMessages(**store, false);
    out() << '\n';
    CaseSettings caseSettings =
        CaseSettings::fromSettings(QSettings(settingsPath, QSettings::IniFormat));
    caseSettings.analyst = QStringLiteral("awb demo");
    groupCasesIn(**store, trust, caseSettings, false);
    out() << '\n';
    listCasesIn(**store, false);
    printProposals(**store);
    out() << "\nCase database: " << dbPath << '\n'
          << "Open it in the workbench: abuse-workbench " << dbPath << '\n'
          << "Next: awb advise --db " << dbPath << " --case ID, then awb decide, awb notice, "
          << "awb report and awb export.\n";
    out().flush();
    // Rejections are expected here (malformed/); a failing store is a real failure.
    return storeFailed ? ExitRejected : ExitOk;
}

} // namespace Awb::Cli
