// abuse-workbench: the window. Thin: arguments, the case database to open, the demo.
#include "cases/cases_panel.h"
#include "import_controller.h"
#include "main_window.h"

#include "accounts/account_importer.h"
#include "analysis/auth/dkim_key.h"
#include "blacklist/dkim_key_config.h"
#include "common/data_paths.h"
#include "store/account_repository.h"
#include "store/case_store.h"
#include "store/desk_identity.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("abuse-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("Abuse Workbench"));
    QApplication::setOrganizationName(QStringLiteral("Abuse Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(AWB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("abuse-workbench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "The abuse desk's workbench for abuse reports."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("demo"),
                      QApplication::translate("main", "Open a fresh case database with the "
                                                      "bundled demo data imported.")});
    parser.addPositionalArgument(QStringLiteral("database"),
                                 QApplication::translate("main", "The case database to open."),
                                 QStringLiteral("[DATABASE]"));
    parser.process(app);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    QString database;
    if (parser.isSet(QStringLiteral("demo"))) {
        database = dataDir + QStringLiteral("/demo.awbcase");
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(database + suffix);
    } else if (!parser.positionalArguments().isEmpty()) {
        database = parser.positionalArguments().first();
    } else {
        database = QSettings()
                       .value(QStringLiteral("lastDatabase"),
                              dataDir + QStringLiteral("/workbench.awbcase"))
                       .toString();
    }

    if (parser.isSet(QStringLiteral("demo"))) {
        // The demo's account directory first, so that the import knows our networks.
        if (auto store = Awb::CaseStore::open(database)) {
            Awb::AccountRepository accounts(**store);
            const QDir dir(Awb::demoDirectory() + QStringLiteral("/accounts"));
            QStringList csvs;
            for (const QString &name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files))
                csvs << dir.filePath(name);
            Awb::AccountImporter(accounts).importFiles(csvs);
        }
    }

    // First run: ask who the analyst is, since case histories, notices and the audit log name
    // them. The demo does not ask (it is often run unattended); it records the OS user.
    if (!parser.isSet(QStringLiteral("demo")) && Awb::analystName(QSettings()).isEmpty()) {
        QSettings settings;
        Awb::MainWindow::askAnalystName(nullptr, settings);
    }

    // The analyst's DKIM keys (Settings > DKIM Keys) before the window analyses anything; the
    // demo brings its own keys below.
    Awb::Status dkimKeys;
    if (!parser.isSet(QStringLiteral("demo")))
        dkimKeys = Awb::applyDkimKeyConfig(Awb::DkimKeyConfig::fromSettings(QSettings()));

    Awb::MainWindow window;
    QString error;
    if (!window.openDatabase(database, &error))
        QMessageBox::warning(&window, QApplication::translate("main", "Cannot open case database"),
                             error);
    window.show();
    if (!dkimKeys)
        QMessageBox::warning(
            &window, QApplication::translate("main", "DKIM keys not in use"),
            QApplication::translate("main", "No DKIM signature will be verified until this is "
                                            "corrected in Settings > DKIM Keys:\n%1")
                .arg(dkimKeys.error()));
    if (parser.isSet(QStringLiteral("demo"))) {
        // The demo's own analysis settings and DKIM keys, for this session only: the analyst's
        // stored settings stay as they are.
        const QString demo = Awb::demoDirectory();
        window.setTrustSettings(Awb::TrustSettings::fromSettings(
            QSettings(demo + QStringLiteral("/analysis.ini"), QSettings::IniFormat)));
        if (auto keys = Awb::ZoneFileDkimKeyProvider::load(
                demo + QStringLiteral("/dkim/demo-dkim-keys.zone")))
            Awb::setDkimKeyProvider(
                std::make_shared<Awb::ZoneFileDkimKeyProvider>(std::move(keys.value())));
        // Once the demo is imported, group its reports into cases, as `awb demo` does.
        QObject::connect(window.importController(), &Awb::ImportController::finished, &window,
                         [&window] { window.casesPanel()->groupNewReports(); });
        window.importPaths(Awb::demoInputs());
    }
    return app.exec();
}
