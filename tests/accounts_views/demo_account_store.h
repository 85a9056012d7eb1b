#pragma once

// Shared by the accounts view tests: the demo case database, built as an analyst would build it
// (the billing CSVs with AccountImporter, the demo reports with ImportPipeline and the demo's
// analysis settings, then case grouping), with a fixed clock.

#include "accounts/account_importer.h"
#include "analysis/trust_settings.h"
#include "cases/case_assigner.h"
#include "pipeline/import_pipeline.h"
#include "store/account_repository.h"
#include "store/case_store.h"

#include <QDateTime>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

namespace Awb::Test {

inline QDateTime demoUtc(int y, int m, int d, int h = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), QTimeZone::utc());
}

// The "now" of the accounts tests: after the demo reports (November 2026).
inline QDateTime demoNow()
{
    return demoUtc(2026, 11, 20, 12);
}

// Builds the demo store in `dir`; nullptr with `error` set when any step fails.
inline std::unique_ptr<CaseStore> buildDemoAccountStore(const QTemporaryDir &dir, QString *error)
{
    const QString demo = QStringLiteral(AWB_SOURCE_DIR "/resources/demo");
    auto opened = CaseStore::open(dir.filePath(QStringLiteral("accounts.db")));
    if (!opened) {
        *error = opened.error();
        return nullptr;
    }
    std::unique_ptr<CaseStore> store = std::move(*opened);

    AccountRepository accounts(*store);
    QStringList csvs;
    for (const char *name : {"customers.csv", "ip_assignments.csv", "domains.csv", "history.csv"})
        csvs << demo + QStringLiteral("/accounts/") + QLatin1String(name);
    auto imported = AccountImporter(accounts).importFiles(csvs);
    if (!imported) {
        *error = imported.error();
        return nullptr;
    }

    const TrustSettings trust = TrustSettings::fromSettings(
        QSettings(demo + QStringLiteral("/analysis.ini"), QSettings::IniFormat));
    ImportPipeline::Options options;
    options.parserThreads = 2;
    options.trust = ImportPipeline::withAccountNetworks(trust, *store);
    auto run = ImportPipeline(options).run(*store, {demo + QStringLiteral("/reports")});
    if (!run) {
        *error = run.error();
        return nullptr;
    }

    CaseSettings settings;
    settings.analyst = QStringLiteral("tester");
    auto grouped = assignNewReports(*store, correlationAttribution(*store, accounts, trust),
                                    settings, demoUtc(2026, 11, 10));
    if (!grouped) {
        *error = grouped.error();
        return nullptr;
    }
    return store;
}

} // namespace Awb::Test
