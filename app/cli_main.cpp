// awb: the command-line front end. Everything the window can do, this can do; the integration
// tests drive it.
#include "cli/cli_io.h"
#include "cli/commands.h"

#include <QCoreApplication>

#include <functional>

namespace {

struct Command
{
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const Command commands[] = {
    {"import", "import .eml files, mboxes, maildirs and directories into a case database",
     Awb::Cli::importCommand},
    {"accounts", "import the account directory (CSV) and list or show accounts",
     Awb::Cli::accountsCommand},
    {"cases", "group reports into cases; list, show, merge, split and move them",
     Awb::Cli::casesCommand},
    {"messages", "list the stored messages, or print one message's exact bytes",
     Awb::Cli::messagesCommand},
    {"analyze", "parse and analyse messages (Received chain, origin, findings), no database",
     Awb::Cli::analyzeCommand},
    {"checks", "the catalogue of checks", Awb::Cli::checksCommand},
    {"dnsbl", "check addresses against DNS blocklists and read the return codes",
     Awb::Cli::dnsblCommand},
    {"demo", "the bundled demo data, end to end", Awb::Cli::demoCommand},
};

void printUsage(QTextStream &stream)
{
    stream << "Usage: awb COMMAND [OPTIONS]\n\nCommands:\n";
    for (const Command &command : commands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(10) << command.summary
               << '\n';
    stream << "\n'awb COMMAND --help' describes a command.\n";
    stream.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("awb"));
    QCoreApplication::setOrganizationName(QStringLiteral("Abuse Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AWB_VERSION));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty()) {
        printUsage(Awb::Cli::err());
        return Awb::Cli::ExitUsage;
    }
    const QString name = arguments.takeFirst();
    if (name == u"--help" || name == u"-h" || name == u"help") {
        printUsage(Awb::Cli::out());
        return Awb::Cli::ExitOk;
    }
    if (name == u"--version") {
        Awb::Cli::out() << "awb " << AWB_VERSION << '\n';
        return Awb::Cli::ExitOk;
    }
    for (const Command &command : commands) {
        if (name == QLatin1String(command.name))
            return command.run(arguments);
    }
    Awb::Cli::err() << "awb: unknown command '" << name << "'\n\n";
    printUsage(Awb::Cli::err());
    return Awb::Cli::ExitUsage;
}
