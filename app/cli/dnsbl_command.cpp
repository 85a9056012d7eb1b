// awb dnsbl [--zone ZONE]... [--nameserver IP] [--timeout MS] [--json] ADDRESS...
// awb dnsbl --db FILE --account ID [--zone ZONE]... [--nameserver IP] [--timeout MS] [--json]
// Checks addresses against DNS blocklists and reads the return codes. With an account, checks
// the addresses assigned to it now and records every answered check as a listing in the case
// database.
#include "cli/cli_io.h"
#include "cli/commands.h"

#include "blacklist/dnsbl_query.h"
#include "store/account_repository.h"
#include "store/case_store.h"
#include "store/listing_repository.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>

#include <cmath>
#include <memory>

namespace Awb::Cli {

namespace {

// An IPv4 block up to this size is checked address by address (a /29 is 8 addresses); a larger
// one, and any IPv6 block but a /128, only by its first address: a DNSBL check per address of a
// /24 would be 256 queries per zone, and of an IPv6 /64 impossible. Lists that list ranges
// (Spamhaus SBL, DROP) answer for every address of the range, so the first one stands for it.
constexpr int kLongestExpandedV4Prefix = 29;

// Where a checked address came from, when the addresses are an account's assignments.
struct AssignedAddress
{
    QString prefix; // the assigned block, "203.0.113.8/29"
    QString note;   // set when the block was not checked address by address
};

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

// The addresses of the account's assignments valid at `at`, each once, in assignment order,
// and for each where it came from.
QList<IpAddress> assignedAddresses(const QList<IpAssignmentRecord> &assignments,
                                   const QDateTime &at, QHash<QString, AssignedAddress> *origin)
{
    QList<IpAddress> addresses;
    const auto take = [&](const IpAddress &address, const AssignedAddress &from) {
        const QString key = address.toString();
        if (origin->contains(key))
            return;
        origin->insert(key, from);
        addresses << address;
    };
    for (const IpAssignmentRecord &assignment : assignments) {
        if (!assignment.validity.contains(at))
            continue;
        const IpNetwork &block = assignment.prefix;
        const QString prefix = block.toString();
        if (block.isV4() && block.prefixLength() >= kLongestExpandedV4Prefix) {
            for (quint64 v4 = block.first().toV4(); v4 <= block.last().toV4(); ++v4)
                take(IpAddress::fromV4(quint32(v4)), {prefix, QString()});
        } else if (block.prefixLength() == block.address().bitLength()) {
            take(block.first(), {prefix, QString()});
        } else {
            take(
                block.first(),
                {prefix, QStringLiteral("%1 is larger than %2; only its first address, %3, was "
                                        "checked")
                             .arg(prefix,
                                  block.isV4() ? QStringLiteral("/%1").arg(kLongestExpandedV4Prefix)
                                               : QStringLiteral("one address"),
                                  block.first().toString())});
        }
    }
    return addresses;
}

StoredListing listingFor(const DnsblResult &result, const QString &accountId)
{
    StoredListing listing;
    listing.accountId = accountId;
    listing.listName = result.listName;
    listing.zone = result.zone;
    listing.addressOrRange = result.address;
    listing.returnCodes = result.returnCodes;
    listing.meaning = result.meaning;
    listing.verdict = dnsblVerdictName(result.verdict);
    listing.checkedAt = result.checkedAt;
    listing.source = QStringLiteral("dnsbl");
    return listing;
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
    QHash<QString, AssignedAddress> origin; // address text -> assignment, in account mode
    std::unique_ptr<CaseStore> store;
    if (accountMode) {
        Result<std::unique_ptr<CaseStore>> opened =
            CaseStore::open(parser.value(QStringLiteral("db")));
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
        addresses = assignedAddresses(*assignments, QDateTime::currentDateTimeUtc(), &origin);
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
    QList<StoredListing> listings;
    QString lastNoted;
    for (const DnsblResult &result : checker.results()) {
        const bool completed = dnsblCheckCompleted(result);
        unchecked = unchecked || !completed;
        // Only answers are listings: a timeout says nothing about the address.
        if (accountMode && completed)
            listings << listingFor(result, accountId);
        const AssignedAddress from = origin.value(result.address);
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
    if (accountMode && !listings.isEmpty()) {
        ListingRepository repository(*store);
        Result<QList<qint64>> stored = repository.add(listings);
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
