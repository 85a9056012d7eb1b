#include "cli/store_options.h"

#include "store/case_store.h"
#include "store/desk_identity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>

namespace Awb::Cli {

void addAnalystOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("analyst"),
                      QStringLiteral("Who the case history and the audit log name for this "
                                     "command's writes (default: [desk] analystName of the "
                                     "settings, else the OS user)."),
                      QStringLiteral("NAME")});
}

QString analystFromOptions(const QCommandLineParser &parser)
{
    const QString given = parser.value(QStringLiteral("analyst")).trimmed();
    if (!given.isEmpty())
        return given;
    // optionNames() lists only the options given, and asking isSet() about an option a command
    // does not define prints a warning: not every command takes --settings.
    if (parser.optionNames().contains(QStringLiteral("settings"))) {
        const QString name =
            analystName(QSettings(parser.value(QStringLiteral("settings")), QSettings::IniFormat));
        if (!name.isEmpty())
            return name;
    }
    // The window's settings: the name set there is the analyst's on this machine.
    const QString name = analystName(
        QSettings(QCoreApplication::organizationName(), QStringLiteral("abuse-workbench")));
    if (!name.isEmpty())
        return name;
    return QString(); // CaseStore's default: the OS user
}

Result<std::unique_ptr<CaseStore>> openStoreAsAnalyst(const QString &path,
                                                      const QCommandLineParser &parser)
{
    Result<std::unique_ptr<CaseStore>> store = CaseStore::open(path);
    if (store)
        (*store)->setActor(analystFromOptions(parser));
    return store;
}

} // namespace Awb::Cli
