// awb: the command-line front end. Everything the window can do, this can do; the integration
// tests drive it.
#include "cli/cli_io.h"
#include "cli/commands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <functional>
#include <memory>

#include <unistd.h>

namespace {

struct Command
{
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
    bool drawsDocuments = false; // lays out text for PDF: needs a QGuiApplication
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
    {"policy", "the policy's clauses and versions, the holiday calendar, deadlines",
     Awb::Cli::policyCommand},
    {"audit", "verify the audit log's hash chain, or list its entries", Awb::Cli::auditCommand},
    {"advise", "what policy section 6.1 proposes for a case, and why", Awb::Cli::adviseCommand},
    {"decide", "record the analyst's decision on a case (accept or override the proposal)",
     Awb::Cli::decideCommand},
    {"notice", "write a policy-cited notice of a case as .eml or PDF, and record it",
     Awb::Cli::noticeCommand, true},
    {"export", "the evidence package of a case (originals, manifest, report, audit)",
     Awb::Cli::exportCommand, true},
    {"report", "the printable case report of a case (PDF)", Awb::Cli::reportCommand, true},
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

// Commands that lay out documents (PDF notices, case reports) need fonts, which only a
// QGuiApplication provides; they run on the offscreen platform so that no display is needed.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (argc > 1) {
        for (const Command &command : commands) {
            if (command.drawsDocuments && qstrcmp(argv[1], command.name) == 0) {
                if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
                    qputenv("QT_QPA_PLATFORM", "offscreen");
                // Without one (cron, CI, a service) Qt warns on every run; a private folder of
                // our own is what it would otherwise improvise.
                if (!qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
                    const QString dir =
                        QDir::tempPath() + QStringLiteral("/awb-runtime-%1").arg(getuid());
                    QDir().mkpath(dir);
                    QFile::setPermissions(dir,
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
                }
                return std::make_unique<QGuiApplication>(argc, argv);
            }
        }
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
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
