// awb dnsbl [--zone ZONE]... [--nameserver IP] [--timeout MS] [--json] ADDRESS...
// awb dnsbl --db FILE --account ID [--zone ZONE]... [--nameserver IP] [--timeout MS] [--json]
// Checks addresses against DNS blocklists and reads the return codes. With an account, checks
// the addresses assigned to it now and records every answered check as a listing in the case
// database.
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/store_options.h"

#include "blacklist/dnsbl_account_check.h"
#include "blacklist/dnsbl_query.h"
#include "store/account_repository.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>

#include <memory>

namespace Awb::Cli {

namespace {

QJsonObject resultToJson(const DnsblResult &result)
{
    return {
        {QStringLiteral("address"), result.address},
        {QStringLiteral("zone"), result.zone},
        {QStringLiteral("list"), result.listName},
        {QStringLiteral("verdict"), dnsblVerdictName(result.verdict)},
        {QStringLiteral("return_codes"), QJsonArray::fromStringList(result.returnCodes)},
        {QStringLiteral("meaning"), result.meaning},
        {QStringLiteral("txt"), result.txt},
        {QStringLiteral("checked_at"), result.checkedAt.toString(Qt::ISODate)},
    };
}

void printResult(const DnsblResult &result)
{
    out() << result.address.leftJustified(16) << ' ' << result.zone.leftJustified(20) << ' '
          << dnsblVerdictName(result.verdict).leftJustified(13) << ' ' << result.meaning << '\n';
    for (const QString &line : result.txt.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out() << "    TXT: " << line << '\n';
}

void printZones()
{
    for (const DnsblZone &zone : knownDnsblZones()) {
        QString remark;
        if (zone.defunct)
            remark = QStringLiteral("defunct, %1").arg(zone.note);
        else if (zone.kind == DnsblZone::Kind::Domain || !zone.note.isEmpty())
            remark = zone.note;
        out() << zone.zone.leftJustified(24) << ' ' << zone.name
              << (remark.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(remark)) << '\n';
    }
    out().flush();
}

} // namespace

int dnsblCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("dnsbl");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check addresses against DNS blocklists (default: zen.spamhaus.org and bl.spamcop.net) "
        "and read the return codes. Exit status 0 when every check got an answer (listed or "
        "not), 1 when some could not be checked (timeout, error reply, resolver failure, an "
        "address that does not parse, an account that is not in the database), 2 for a usage "
        "error. With --db and --account, the account's addresses assigned now are checked "
        "(IPv4 blocks up to /29 address by address, larger blocks and IPv6 blocks by their "
        "first address) and every answered check is recorded as a listing of the account."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ADDRESS"), QStringLiteral("IPv4 or IPv6 address."),
                                 QStringLiteral("ADDRESS..."));
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("The case database holding the account (with --account)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("account"),
                      QStringLiteral("Check the addresses assigned to this account now and record "
                                     "the results as its listings (with --db)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("zone"),
                      QStringLiteral("A DNSBL zone to query (repeatable); replaces the defaults."),
                      QStringLiteral("ZONE")});
    parser.addOption({QStringLiteral("nameserver"),
                      QStringLiteral("Ask this DNS server (port 53) instead of the system "
                                     "resolver. Spamhaus refuses queries from public resolvers."),
                      QStringLiteral("IP")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Milliseconds to wait for each answer (default %1).")
                          .arg(DnsblChecker::DefaultTimeoutMs),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines, one per check.")});
    parser.addOption({QStringLiteral("list-zones"),
                      QStringLiteral("List the known blocklists, defunct ones marked, and exit.")});
    addAnalystOption(parser);
    if (!parser.parse(QStringList{QStringLiteral("awb dnsbl")} + arguments))
        return usageError(parser, command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("list-zones"))) {
        printZones();
        return ExitOk;
    }

    QList<DnsblZone> zones;
    for (const QString &text : parser.values(QStringLiteral("zone"))) {
        // Refused rather than flagged: a closed list's zone may answer anything, or belong to
        // someone who now learns which addresses we investigate.
        Result<DnsblZone> zone = checkableDnsblZone(text);
        if (!zone)
            return usageError(parser, command, zone.error());
        zones << *zone;
    }
    if (zones.isEmpty())
        zones = defaultDnsblZones();

    DnsblChecker checker;
    if (parser.isSet(QStringLiteral("nameserver"))) {
        const QHostAddress nameserver(parser.value(QStringLiteral("nameserver")));
        if (nameserver.isNull())
            return usageError(parser, command,
                              QStringLiteral("--nameserver: not an IP address: %1")
                                  .arg(parser.value(QStringLiteral("nameserver"))));
        checker.setNameserver(nameserver);
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const int timeout = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || timeout <= 0)
            return usageError(parser, command,
                              QStringLiteral("--timeout: not a positive number of milliseconds"));
        checker.setTimeout(timeout);
    }
    const bool accountMode = parser.isSet(QStringLiteral("account"));
    if (accountMode != parser.isSet(QStringLiteral("db")))
        return usageError(parser, command, QStringLiteral("--db and --account go together"));
    if (accountMode && !parser.positionalArguments().isEmpty())
        return usageError(parser, command, QStringLiteral("give addresses or --account, not both"));
    if (!accountMode && parser.positionalArguments().isEmpty())
        return usageError(parser, command, QStringLiteral("no address given"));

    bool rejected = false;
    QList<IpAddress> addresses;
    const QString accountId = parser.value(QStringLiteral("account")).trimmed();
    QHash<QString, DnsblTarget> origin; // address text -> assignment, in account mode
    std::unique_ptr<CaseStore> store;
    if (accountMode) {
        Result<std::unique_ptr<CaseStore>> opened =
            openStoreAsAnalyst(parser.value(QStringLiteral("db")), parser);
        if (!opened) {
            err() << "awb dnsbl: " << opened.error() << '\n';
            return ExitRejected;
        }
        store = std::move(*opened);
        AccountRepository accounts(*store);
        Result<bool> known = accounts.hasCustomer(accountId);
        if (!known) {
            err() << "awb dnsbl: " << known.error() << '\n';
            return ExitRejected;
        }
        if (!*known) {
            err() << "awb dnsbl: no account " << accountId << " in "
                  << parser.value(QStringLiteral("db")) << '\n';
            return ExitRejected;
        }
        Result<QList<IpAssignmentRecord>> assignments = accounts.assignments(accountId);
        if (!assignments) {
            err() << "awb dnsbl: " << assignments.error() << '\n';
            return ExitRejected;
        }
        for (const DnsblTarget &target :
             dnsblTargets(*assignments, QDateTime::currentDateTimeUtc())) {
            origin.insert(target.address.toString(), target);
            addresses << target.address;
        }
        if (addresses.isEmpty())
            err() << "awb dnsbl: account " << accountId << " holds no address now\n";
    }
    for (const QString &text : parser.positionalArguments()) {
        if (std::optional<IpAddress> address = IpAddress::parse(text.trimmed())) {
            addresses << *address;
        } else {
            err() << "awb dnsbl: " << text << ": not an IPv4 or IPv6 address\n";
            rejected = true;
        }
    }
    err().flush();

    limitResolverRetries(checker.timeout());

    QEventLoop loop;
    QObject::connect(&checker, &DnsblChecker::finished, &loop, &QEventLoop::quit);
    checker.start(addresses, zones);
    loop.exec();

    const bool json = parser.isSet(QStringLiteral("json"));
    bool unchecked = false;
    QString lastNoted;
    for (const DnsblResult &result : checker.results()) {
        unchecked = unchecked || !dnsblCheckCompleted(result);
        const DnsblTarget from = origin.value(result.address);
        if (json) {
            QJsonObject object = resultToJson(result);
            if (accountMode) {
                object.insert(QStringLiteral("account_id"), accountId);
                object.insert(QStringLiteral("prefix"), from.prefix);
                if (!from.note.isEmpty())
                    object.insert(QStringLiteral("note"), from.note);
            }
            printJsonLine(object);
        } else {
            if (!from.note.isEmpty() && from.prefix != lastNoted) {
                out() << "note: " << from.note << '\n';
                lastNoted = from.prefix;
            }
            printResult(result);
        }
    }
    out().flush();
    if (accountMode) {
        // Only answers are listings: a timeout says nothing about the address.
        Result<int> stored = recordDnsblAnswers(*store, accountId, checker.results());
        if (!stored) {
            err() << "awb dnsbl: the results were not recorded: " << stored.error() << '\n';
            err().flush();
            return ExitRejected;
        }
    }
    err().flush();
    return rejected || unchecked ? ExitRejected : ExitOk;
}

} // namespace Awb::Cli
