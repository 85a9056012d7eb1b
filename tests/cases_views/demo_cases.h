#pragma once

// The demo data as the cases views see it: the account directory and the demo reports imported
// into a store with resources/demo/analysis.ini, grouped or not.
#include "accounts/account_importer.h"
#include "analysis/trust_settings.h"
#include "cases/case_assigner.h"
#include "pipeline/import_pipeline.h"
#include "store/account_repository.h"
#include "store/case_store.h"

#include <QDir>
#include <QSettings>

namespace DemoCases {

inline QString demoDir()
{
    return QStringLiteral(AWB_SOURCE_DIR "/resources/demo");
}

inline Awb::TrustSettings demoTrust()
{
    return Awb::TrustSettings::fromSettings(
        QSettings(demoDir() + QStringLiteral("/analysis.ini"), QSettings::IniFormat));
}

// Imports the demo accounts and reports; the error names what failed.
inline QString importDemo(Awb::CaseStore &store)
{
    QStringList csvs;
    const QDir accounts(demoDir() + QStringLiteral("/accounts"));
    for (const QString &name : accounts.entryList({QStringLiteral("*.csv")}, QDir::Files))
        csvs << accounts.filePath(name);
    Awb::AccountRepository repository(store);
    auto imported = Awb::AccountImporter(repository).importFiles(csvs);
    if (!imported)
        return imported.error();
    Awb::ImportPipeline::Options options;
    options.parserThreads = 2;
    options.trust = Awb::ImportPipeline::withAccountNetworks(demoTrust(), store);
    auto run = Awb::ImportPipeline(options).run(store, {demoDir() + QStringLiteral("/reports")});
    if (!run)
        return run.error();
    return run->imported > 0 ? QString() : QStringLiteral("no demo report was imported");
}

// Groups the imported reports as the desk would, at a fixed clock.
inline QString groupDemo(Awb::CaseStore &store, const QDateTime &now)
{
    const Awb::AccountRepository accounts(store);
    Awb::CaseSettings settings = Awb::CaseSettings::fromSettings(
        QSettings(demoDir() + QStringLiteral("/analysis.ini"), QSettings::IniFormat));
    settings.analyst = QStringLiteral("test");
    auto summary = Awb::assignNewReports(
        store, Awb::correlationAttribution(store, accounts, demoTrust()), settings, now);
    return summary ? QString() : summary.error();
}

} // namespace DemoCases
