// awb dnsbl [--zone ZONE]... [--nameserver IP] [--timeout MS] [--json] ADDRESS...
// Checks addresses against DNS blocklists and reads the return codes.
#include "cli/cli_io.h"
#include "cli/commands.h"

#include "blacklist/dnsbl_query.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>

#include <cmath>

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
        "address that does not parse), 2 for a usage error."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ADDRESS"), QStringLiteral("IPv4 or IPv6 address."),
                                 QStringLiteral("ADDRESS..."));
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
        const DnsblZone zone = dnsblZoneFor(text);
        if (zone.zone.isEmpty())
            return usageError(parser, command, QStringLiteral("empty zone"));
        // Refused rather than flagged: a closed list's zone may answer anything, or belong to
        // someone who now learns which addresses we investigate.
        if (zone.defunct) {
            return usageError(parser, command,
                              QStringLiteral("%1: %2 is defunct (%3); its answers are not "
                                             "evidence")
                                  .arg(zone.zone, zone.name, zone.note));
        }
        if (zone.kind == DnsblZone::Kind::Domain)
            return usageError(parser, command,
                              QStringLiteral("%1: %2 %3").arg(zone.zone, zone.name, zone.note));
        zones << zone;
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
    if (parser.positionalArguments().isEmpty())
        return usageError(parser, command, QStringLiteral("no address given"));

    bool rejected = false;
    QList<IpAddress> addresses;
    for (const QString &text : parser.positionalArguments()) {
        if (std::optional<IpAddress> address = IpAddress::parse(text.trimmed())) {
            addresses << *address;
        } else {
            err() << "awb dnsbl: " << text << ": not an IPv4 or IPv6 address\n";
            rejected = true;
        }
    }
    err().flush();

    // glibc's resolver retries for up to 15 s by default, and Qt 6.4 cannot cancel it: a lookup
    // past our timeout would hold a resolver thread, and the process exit, that long. One attempt
    // of about our timeout keeps the two in step; a RES_OPTIONS the user set wins.
    if (!qEnvironmentVariableIsSet("RES_OPTIONS")) {
        const int seconds = std::clamp(int(std::ceil(checker.timeout() / 1000.0)), 1, 30);
        qputenv("RES_OPTIONS", QStringLiteral("timeout:%1 attempts:1").arg(seconds).toLatin1());
    }

    QEventLoop loop;
    QObject::connect(&checker, &DnsblChecker::finished, &loop, &QEventLoop::quit);
    checker.start(addresses, zones);
    loop.exec();

    const bool json = parser.isSet(QStringLiteral("json"));
    bool unchecked = false;
    for (const DnsblResult &result : checker.results()) {
        unchecked = unchecked || !dnsblCheckCompleted(result);
        if (json)
            printJsonLine(resultToJson(result));
        else
            printResult(result);
    }
    out().flush();
    return rejected || unchecked ? ExitRejected : ExitOk;
}

} // namespace Awb::Cli
