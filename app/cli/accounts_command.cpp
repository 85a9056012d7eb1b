// awb accounts import --db FILE [--json] CSV...
// awb accounts list --db FILE [--json]
// awb accounts show --db FILE [--json] ID
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/store_options.h"

#include "accounts/account_importer.h"
#include "store/account_repository.h"
#include "store/case_store.h"
#include "store/listing_repository.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Awb::Cli {

namespace {

const QString kUsage = QStringLiteral("accounts");

QJsonValue timeJson(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODate))
                           : QJsonValue(QJsonValue::Null);
}

QJsonValue textJson(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

// Cents as "840.00", by integer arithmetic.
QString money(qint64 cents)
{
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return QStringLiteral("%1%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString where(const QString &file, int line)
{
    return line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
}

QJsonObject sourceJson(const SourceRow &row)
{
    return {{QStringLiteral("file"), row.file}, {QStringLiteral("line"), row.line}};
}

QJsonObject summaryJson(const AccountImportSummary &summary)
{
    QJsonArray rejected, dataErrors, notes, files;
    for (const AccountImportRejection &r : summary.rejected)
        rejected.append(QJsonObject{{QStringLiteral("file"), r.file},
                                    {QStringLiteral("line"), r.line},
                                    {QStringLiteral("reason"), r.reason}});
    for (const AccountDataError &e : summary.dataErrors)
        dataErrors.append(QJsonObject{{QStringLiteral("message"), e.message},
                                      {QStringLiteral("first"), sourceJson(e.first)},
                                      {QStringLiteral("second"), sourceJson(e.second)}});
    for (const AccountImportNote &n : summary.notes)
        notes.append(QJsonObject{{QStringLiteral("file"), n.file},
                                 {QStringLiteral("line"), n.line},
                                 {QStringLiteral("text"), n.text}});
    for (const AccountFileSummary &f : summary.files)
        files.append(QJsonObject{{QStringLiteral("file"), f.file},
                                 {QStringLiteral("kind"), textJson(f.kind)},
                                 {QStringLiteral("imported"), f.imported},
                                 {QStringLiteral("unchanged"), f.unchanged},
                                 {QStringLiteral("rejected"), f.rejected}});
    return {{QStringLiteral("imported"), summary.imported},
            {QStringLiteral("unchanged"), summary.unchanged},
            {QStringLiteral("rejected"), rejected},
            {QStringLiteral("data_errors"), dataErrors},
            {QStringLiteral("notes"), notes},
            {QStringLiteral("listings_attributed"), summary.listingsAttributed},
            {QStringLiteral("files"), files}};
}

QJsonObject customerJson(const CustomerRecord &c)
{
    return {{QStringLiteral("account_id"), c.accountId},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("email"), textJson(c.email)},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("suspended_until"), timeJson(c.suspendedUntil)},
            {QStringLiteral("created_at"), timeJson(c.createdAt)},
            {QStringLiteral("country"), textJson(c.country)},
            {QStringLiteral("prepaid_cents"),
             c.prepaidCents ? QJsonValue(*c.prepaidCents) : QJsonValue(QJsonValue::Null)}};
}

int runList(CaseStore &store, bool json)
{
    AccountRepository repository(store);
    Result<QList<CustomerRecord>> customers = repository.customers();
    if (!customers) {
        err() << "awb accounts list: " << customers.error() << '\n';
        return ExitRejected;
    }
    for (const CustomerRecord &c : *customers) {
        if (json)
            printJsonLine(customerJson(c));
        else
            out() << c.accountId.leftJustified(12) << ' ' << c.status.leftJustified(10) << ' '
                  << c.name << '\n';
    }
    out().flush();
    return ExitOk;
}

int runShow(CaseStore &store, const QString &accountId, bool json)
{
    AccountRepository repository(store);
    Result<std::optional<CustomerRecord>> customer = repository.customer(accountId);
    Result<QList<IpAssignmentRecord>> assignments = repository.assignments(accountId);
    Result<QList<HostedDomainRecord>> domains = repository.domains(accountId);
    Result<QList<EnforcementRecord>> history = repository.history(accountId);
    Result<QList<StoredListing>> listings = ListingRepository(store).forAccount(accountId);
    for (const QString *error : {&customer.error(), &assignments.error(), &domains.error(),
                                 &history.error(), &listings.error()}) {
        if (!error->isEmpty()) {
            err() << "awb accounts show: " << *error << '\n';
            return ExitRejected;
        }
    }
    if (!*customer) {
        err() << "awb accounts show: no account " << accountId << " in " << store.path() << '\n';
        return ExitRejected;
    }
    const CustomerRecord &c = **customer;
    if (json) {
        QJsonObject object = customerJson(c);
        QJsonArray a, d, h;
        for (const IpAssignmentRecord &r : *assignments)
            a.append(QJsonObject{{QStringLiteral("prefix"), r.prefix.toString()},
                                 {QStringLiteral("valid_from"), timeJson(r.validity.from)},
                                 {QStringLiteral("valid_to"), timeJson(r.validity.to)},
                                 {QStringLiteral("service_id"), textJson(r.serviceId)}});
        for (const HostedDomainRecord &r : *domains)
            d.append(QJsonObject{{QStringLiteral("domain"), r.domain},
                                 {QStringLiteral("valid_from"), timeJson(r.validity.from)},
                                 {QStringLiteral("valid_to"), timeJson(r.validity.to)}});
        for (const EnforcementRecord &r : *history)
            h.append(QJsonObject{{QStringLiteral("date"), timeJson(r.date)},
                                 {QStringLiteral("action"), r.action},
                                 {QStringLiteral("clause"), r.clause},
                                 {QStringLiteral("reference"), r.reference},
                                 {QStringLiteral("notes"), r.notes},
                                 {QStringLiteral("source"), r.source}});
        object.insert(QStringLiteral("assignments"), a);
        object.insert(QStringLiteral("domains"), d);
        object.insert(QStringLiteral("history"), h);
        QJsonArray l;
        for (const StoredListing &r : *listings)
            l.append(QJsonObject{{QStringLiteral("checked_at"), timeJson(r.checkedAt)},
                                 {QStringLiteral("list"), r.listName},
                                 {QStringLiteral("zone"), textJson(r.zone)},
                                 {QStringLiteral("address"), r.addressOrRange},
                                 {QStringLiteral("verdict"), r.verdict},
                                 {QStringLiteral("source"), r.source},
                                 {QStringLiteral("attributed_at"), timeJson(r.attributedAt)},
                                 {QStringLiteral("attribution"), textJson(r.attributionReason)}});
        object.insert(QStringLiteral("listings"), l);
        printJsonLine(object);
        return ExitOk;
    }
    out() << c.accountId << "  " << c.name << '\n'
          << "  status: " << c.status
          << (c.suspendedUntil.isValid()
                  ? QStringLiteral(" until %1").arg(c.suspendedUntil.date().toString(Qt::ISODate))
                  : QString())
          << '\n';
    if (!c.email.isEmpty())
        out() << "  email: " << c.email << '\n';
    if (c.createdAt.isValid())
        out() << "  created: " << c.createdAt.date().toString(Qt::ISODate) << '\n';
    if (!c.country.isEmpty())
        out() << "  country: " << c.country << '\n';
    if (c.prepaidCents)
        out() << "  prepaid: USD " << money(*c.prepaidCents) << '\n';
    out() << "IP assignments:\n";
    for (const IpAssignmentRecord &r : *assignments)
        out() << "  " << r.prefix.toString().leftJustified(22) << ' ' << r.validity.toString()
              << (r.serviceId.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(r.serviceId))
              << '\n';
    out() << "Hosted domains:\n";
    for (const HostedDomainRecord &r : *domains)
        out() << "  " << r.domain.leftJustified(30) << ' ' << r.validity.toString() << '\n';
    out() << "Enforcement history:\n";
    for (const EnforcementRecord &r : *history)
        out() << "  " << r.date.date().toString(Qt::ISODate) << "  " << r.action
              << (r.clause.isEmpty() ? QString() : QStringLiteral(" (clause %1)").arg(r.clause))
              << (r.reference.isEmpty() ? QString() : QStringLiteral("  %1").arg(r.reference))
              << (r.notes.isEmpty() ? QString() : QStringLiteral("\n      %1").arg(r.notes))
              << '\n';
    // Every observation, listed or not: an analyst reads "not listed" answers as evidence too.
    out() << "Blocklist observations:\n";
    for (const StoredListing &r : *listings)
        out() << "  " << r.checkedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
              << r.addressOrRange << "  " << r.listName << "  " << r.verdict << "  (" << r.source
              << ')'
              << (r.attributedAt.isValid() ? QStringLiteral("\n      attributed %1: %2")
                                                 .arg(r.attributedAt.toUTC().toString(
                                                          QStringLiteral("yyyy-MM-dd HH:mm")),
                                                      r.attributionReason)
                                           : QString())
              << '\n';
    out().flush();
    return ExitOk;
}

} // namespace

int importAccountsInto(CaseStore &store, const QStringList &paths, bool json)
{
    AccountRepository repository(store);
    Result<AccountImportSummary> summary = AccountImporter(repository).importFiles(paths);
    if (!summary) {
        err() << "awb accounts import: " << summary.error() << '\n';
        return ExitRejected;
    }
    for (const AccountImportRejection &r : summary->rejected)
        err() << "rejected: " << where(r.file, r.line) << ": " << r.reason << '\n';
    for (const AccountDataError &e : summary->dataErrors)
        err() << "data error: " << e.message << '\n';
    for (const AccountImportNote &n : summary->notes)
        err() << "note: " << where(n.file, n.line) << ": " << n.text << '\n';
    err().flush();
    if (json) {
        printJsonLine(summaryJson(*summary));
    } else {
        for (const AccountFileSummary &f : summary->files)
            out() << QStringLiteral("%1 (%2): %3 imported, %4 unchanged, %5 rejected")
                         .arg(f.file, f.kind.isEmpty() ? QStringLiteral("not imported") : f.kind)
                         .arg(f.imported)
                         .arg(f.unchanged)
                         .arg(f.rejected)
                  << '\n';
        out() << QStringLiteral("Imported %1 rows into %2 (%3 unchanged, %4 rejected, %5 data "
                                "errors).")
                     .arg(summary->imported)
                     .arg(store.path())
                     .arg(summary->unchanged)
                     .arg(summary->rejected.size())
                     .arg(summary->dataErrors.size())
              << '\n';
        // Blacklistings recorded before these accounts were known (reports imported first)
        // now count for them: the analyst should hear of it.
        if (summary->listingsAttributed > 0)
            out() << QStringLiteral("Attributed %1 blocklist observation(s) recorded earlier to "
                                    "the accounts that held the addresses then.")
                         .arg(summary->listingsAttributed)
                  << '\n';
        out().flush();
    }
    // Data errors are not rejections (both rows are stored) but need a person: a script must
    // notice them, so they also make the status 1.
    return summary->rejected.isEmpty() && summary->dataErrors.isEmpty() ? ExitOk : ExitRejected;
}

int accountsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The account directory. 'import' reads the billing system's CSV exports (customers, IP "
        "assignments, domains, history; told apart by their header rows); exit status 1 when "
        "rows were rejected or the data contradicts itself (one address assigned to two "
        "accounts at once). 'list' lists the customers, 'show ID' one account with its "
        "assignments, domains and enforcement history."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("The case database (created if new)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON (JSON Lines).")});
    addAnalystOption(parser);
    parser.addPositionalArgument(QStringLiteral("SUBCOMMAND"),
                                 QStringLiteral("import CSV... | list | show ID"));
    if (!parser.parse(QStringList{QStringLiteral("awb accounts")} + arguments))
        return usageError(parser, kUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(parser, kUsage, QStringLiteral("no subcommand (import, list, show)"));
    const QString subcommand = positional.takeFirst();
    const bool json = parser.isSet(QStringLiteral("json"));
    if (subcommand == u"import" && positional.isEmpty())
        return usageError(parser, kUsage, QStringLiteral("import: no CSV file given"));
    if (subcommand == u"list" && !positional.isEmpty())
        return usageError(parser, kUsage, QStringLiteral("list takes no arguments"));
    if (subcommand == u"show" && positional.size() != 1)
        return usageError(parser, kUsage, QStringLiteral("show takes one account id"));
    if (subcommand != u"import" && subcommand != u"list" && subcommand != u"show")
        return usageError(parser, kUsage,
                          QStringLiteral("unknown subcommand '%1'").arg(subcommand));
    if (!parser.isSet(QStringLiteral("db")))
        return usageError(parser, kUsage, QStringLiteral("--db FILE is required"));

    auto store = openStoreAsAnalyst(parser.value(QStringLiteral("db")), parser);
    if (!store) {
        err() << "awb accounts: " << store.error() << '\n';
        return ExitRejected;
    }
    if (subcommand == u"import")
        return importAccountsInto(**store, positional, json);
    if (subcommand == u"list")
        return runList(**store, json);
    return runShow(**store, positional.first(), json);
}

} // namespace Awb::Cli
