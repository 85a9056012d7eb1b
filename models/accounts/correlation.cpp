#include "correlation.h"

#include "analysis/auth/dkim_signature.h"
#include "analysis/content_checks/content_support.h"
#include "analysis/content_checks/link_extractor.h"
#include "mail/mail_message.h"
#include "reports/report_analysis.h"
#include "store/account_repository.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <optional>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::Correlation)
};

// The order matches are listed in within one confidence.
const QStringList &howOrder()
{
    static const QStringList order{QStringLiteral("ip-assignment"), QStringLiteral("dkim-domain"),
                                   QStringLiteral("return-path-domain"),
                                   QStringLiteral("from-domain"), QStringLiteral("link-domain")};
    return order;
}

struct IncidentTime
{
    QDateTime at;
    QString source;
};

// The origin hop's date, else the reporter's Arrival-Date, else our receipt.
IncidentTime incidentTime(const ReportAnalysis &analysis, const ChainAnalysis *chain)
{
    if (chain && chain->origin.hop >= 0 && chain->origin.hop < chain->hops.size()) {
        const ReceivedHop &hop = chain->hops.at(chain->origin.hop).parsed;
        if (hop.dateValid && hop.date.isValid())
            return {hop.date.toUTC(), QStringLiteral("origin hop date")};
    }
    if (analysis.report.arrivalDate.isValid())
        return {analysis.report.arrivalDate.toUTC(), QStringLiteral("report arrival date")};
    return {analysis.receipt.at.toUTC(), QStringLiteral("receipt time")};
}

// A domain to look up, with the words that say where it came from.
struct DomainEvidence
{
    QString host;
    QString how;
    QString label; // "From domain", "link host"...
    AccountMatch::Confidence confidence;
};

QList<DomainEvidence> domainEvidence(const MailMessage &message, const Report &report)
{
    using ContentChecks::domainOf;
    using ContentChecks::firstAddress;
    QList<DomainEvidence> out;
    QSet<QString> seen;
    auto add = [&](const QString &host, const char *how, const QString &label,
                   AccountMatch::Confidence confidence) {
        QString name = host.trimmed().toLower();
        while (name.endsWith(QLatin1Char('.')))
            name.chop(1);
        const QString key = QLatin1String(how) + QLatin1Char(' ') + name;
        if (name.isEmpty() || seen.contains(key))
            return;
        seen.insert(key);
        out.append({name, QLatin1String(how), label, confidence});
    };
    using C = AccountMatch::Confidence;
    add(domainOf(firstAddress(message.from())), "from-domain", Tr::tr("From domain"), C::Medium);
    QString returnPath = firstAddress(message.headerValue("Return-Path"));
    if (returnPath.isEmpty())
        returnPath = firstAddress(report.originalMailFrom);
    add(domainOf(returnPath), "return-path-domain", Tr::tr("Return-Path domain"), C::Medium);
    for (const QByteArray &raw : message.rawHeaderValues("DKIM-Signature"))
        add(parseDkimSignature(raw).domain, "dkim-domain", Tr::tr("DKIM d= domain"), C::Medium);
    for (const MessageLink &link : extractLinks(message)) {
        if (!link.host.isEmpty() && !IpAddress::parse(link.host))
            add(link.host, "link-domain", Tr::tr("link host"), C::Low);
    }
    return out;
}

class Correlator
{
public:
    Correlator(const AccountRepository &accounts, const IncidentTime &time)
        : m_accounts(accounts)
        , m_time(time)
    {}

    Status matchAddress(const QString &ipText, const QString &label,
                        AccountMatch::Confidence confidence, const IncidentTime &time)
    {
        const std::optional<IpAddress> ip = IpAddress::parse(ipText.trimmed());
        if (!ip)
            return Status::success();
        Result<QList<IpAssignmentRecord>> held = m_accounts.assignmentsAt(*ip, time.at);
        if (!held)
            return Error{held.error()};
        for (const IpAssignmentRecord &a : *held) {
            const QString matchedBy =
                Tr::tr("%1 %2 in %3, assigned %4")
                    .arg(label, ip->toString(), a.prefix.toString(), a.validity.toString());
            Status status = add(a.accountId, QStringLiteral("ip-assignment"),
                                ip->toString() + QLatin1Char('@') + a.prefix.toString(), matchedBy,
                                confidence, time);
            if (!status)
                return status;
        }
        return Status::success();
    }

    // A single address is looked up as one; a wider block by every assignment it overlaps.
    Status matchRange(const IpNetwork &range, const QString &label,
                      AccountMatch::Confidence confidence, const IncidentTime &time)
    {
        if (range.prefixLength() == range.address().bitLength())
            return matchAddress(range.first().toString(), label, confidence, time);
        Result<QList<IpAssignmentRecord>> held = assignmentsOverlapping(m_accounts, range, time.at);
        if (!held)
            return Error{held.error()};
        for (const IpAssignmentRecord &a : *held) {
            const QString matchedBy =
                Tr::tr("%1 %2 overlaps %3, assigned %4")
                    .arg(label, range.toString(), a.prefix.toString(), a.validity.toString());
            Status status = add(a.accountId, QStringLiteral("ip-assignment"),
                                range.toString() + QLatin1Char('@') + a.prefix.toString(),
                                matchedBy, confidence, time);
            if (!status)
                return status;
        }
        return Status::success();
    }

    Status matchDomain(const DomainEvidence &evidence)
    {
        Result<QList<HostedDomainRecord>> hosted = m_accounts.domainsAt(evidence.host, m_time.at);
        if (!hosted)
            return Error{hosted.error()};
        for (const HostedDomainRecord &d : *hosted) {
            const QString what =
                evidence.host == d.domain
                    ? Tr::tr("%1 %2").arg(evidence.label, d.domain)
                    : Tr::tr("%1 %2 under %3").arg(evidence.label, evidence.host, d.domain);
            Status status = add(d.accountId, evidence.how, d.domain,
                                Tr::tr("%1, hosted %2").arg(what, d.validity.toString()),
                                evidence.confidence, m_time);
            if (!status)
                return status;
        }
        return Status::success();
    }

    QList<AccountMatch> sorted()
    {
        std::stable_sort(m_matches.begin(), m_matches.end(),
                         [](const AccountMatch &a, const AccountMatch &b) {
                             if (a.confidence != b.confidence)
                                 return a.confidence < b.confidence;
                             const auto ha = howOrder().indexOf(a.how);
                             const auto hb = howOrder().indexOf(b.how);
                             if (ha != hb)
                                 return ha < hb;
                             return a.accountId < b.accountId;
                         });
        return m_matches;
    }

private:
    Status add(const QString &accountId, const QString &how, const QString &value,
               const QString &matchedBy, AccountMatch::Confidence confidence,
               const IncidentTime &time)
    {
        const QString key = accountId + QLatin1Char('\n') + how + QLatin1Char('\n') + value;
        if (m_seen.contains(key))
            return Status::success();
        m_seen.insert(key);
        if (!m_names.contains(accountId)) {
            Result<std::optional<CustomerRecord>> customer = m_accounts.customer(accountId);
            if (!customer)
                return Error{customer.error()};
            m_names.insert(accountId, *customer ? (*customer)->name : QString());
        }
        m_matches.append({accountId, m_names.value(accountId), matchedBy, how, confidence, time.at,
                          time.source});
        return Status::success();
    }

    const AccountRepository &m_accounts;
    IncidentTime m_time;
    QList<AccountMatch> m_matches;
    QSet<QString> m_seen;
    QHash<QString, QString> m_names;
};

} // namespace

Result<QList<IpAssignmentRecord>> assignmentsOverlapping(const AccountRepository &accounts,
                                                         const IpNetwork &range,
                                                         const QDateTime &at)
{
    // The directory's own overlap query, asked about a probe row: no stored assignment has id 0
    // or an empty account, so every block sharing an address with the range is "another
    // account's", and a validity of the single instant `at` keeps those valid then.
    IpAssignmentRecord probe;
    probe.prefix = range;
    if (at.isValid())
        probe.validity = Validity{at.toUTC(), at.toUTC()};
    return accounts.conflictingAssignments(probe);
}

Result<QStringList> accountsHoldingListed(const AccountRepository &accounts, const QString &listed,
                                          const QDateTime &at)
{
    QStringList ids;
    const QString text = listed.trimmed();
    if (const std::optional<IpNetwork> range = IpNetwork::parse(text)) {
        Result<QList<IpAssignmentRecord>> held = assignmentsOverlapping(accounts, *range, at);
        if (!held)
            return Error{held.error()};
        for (const IpAssignmentRecord &a : *held)
            ids << a.accountId;
    } else if (text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char(' ')) &&
               !text.contains(QLatin1Char('/'))) {
        Result<QList<HostedDomainRecord>> hosted = accounts.domainsAt(text, at);
        if (!hosted)
            return Error{hosted.error()};
        for (const HostedDomainRecord &d : *hosted)
            ids << d.accountId;
    }
    ids.sort();
    ids.removeDuplicates();
    return ids;
}

QString confidenceName(AccountMatch::Confidence confidence)
{
    switch (confidence) {
    case AccountMatch::Confidence::High:
        return QStringLiteral("high");
    case AccountMatch::Confidence::Medium:
        return QStringLiteral("medium");
    case AccountMatch::Confidence::Low:
        break;
    }
    return QStringLiteral("low");
}

Result<QList<AccountMatch>> correlate(const ReportAnalysis &analysis,
                                      const AccountRepository &accounts,
                                      const MailMessage *reportMail)
{
    const bool plainMessage = analysis.report.format == ReportFormat::Message;
    // A report's own chain is the reporter's mail; only a plain message is its own original.
    const ChainAnalysis *chain = analysis.original ? &analysis.original->chain
                                 : plainMessage    ? &analysis.message.chain
                                                   : nullptr;
    const IncidentTime time = incidentTime(analysis, chain);
    Correlator correlator(accounts, time);
    using C = AccountMatch::Confidence;

    // A listing of our address is High evidence of its own, looked up first so that a
    // reporter's claim about the same address (Medium) does not stand in for it.
    Status status;
    for (const ListingRecord &listing : analysis.report.listings) {
        const std::optional<IpNetwork> range = IpNetwork::parse(listing.range.trimmed());
        if (!range)
            continue;
        const IncidentTime listed =
            listing.listedAt.isValid()
                ? IncidentTime{listing.listedAt.toUTC(), QStringLiteral("listing date")}
                : time;
        const bool single = range->prefixLength() == range->address().bitLength();
        const QString label =
            (single ? Tr::tr("listed address (%1 %2)") : Tr::tr("listed range (%1 %2)"))
                .arg(listing.list, listing.listingId)
                .simplified();
        status = correlator.matchRange(*range, label, C::High, listed);
        if (!status)
            return Error{status.error()};
    }
    if (chain && !chain->origin.ip.isEmpty())
        status = correlator.matchAddress(chain->origin.ip, Tr::tr("origin IP"), C::High, time);
    else if (!analysis.report.sourceIp.isEmpty())
        status = correlator.matchAddress(analysis.report.sourceIp,
                                         Tr::tr("reported source IP (the reporter's claim)"),
                                         C::Medium, time);
    if (!status)
        return Error{status.error()};

    std::optional<MailMessage> original;
    if (analysis.report.originalBytes) {
        Result<MailMessage> parsed = MailMessage::parse(*analysis.report.originalBytes);
        if (parsed)
            original.emplace(std::move(*parsed));
    }
    const MailMessage *evidence = original ? &*original : (plainMessage ? reportMail : nullptr);
    if (evidence) {
        for (const DomainEvidence &domain : domainEvidence(*evidence, analysis.report)) {
            status = correlator.matchDomain(domain);
            if (!status)
                return Error{status.error()};
        }
    }
    return correlator.sorted();
}

} // namespace Awb
