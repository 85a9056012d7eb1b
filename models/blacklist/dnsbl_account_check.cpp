#include "blacklist/dnsbl_account_check.h"

#include "store/case_store.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace Awb {

namespace {

// Not for the members of AccountDnsblCheck: a QObject, they use its own tr().
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::DnsblAccountCheck)
};

} // namespace

QList<DnsblTarget> dnsblTargets(const QList<IpAssignmentRecord> &assignments, const QDateTime &at)
{
    QList<DnsblTarget> targets;
    QSet<QString> seen;
    const auto take = [&](const IpAddress &address, const QString &prefix, const QString &note) {
        if (seen.contains(address.toString()))
            return;
        seen.insert(address.toString());
        targets.append({address, prefix, note});
    };
    for (const IpAssignmentRecord &assignment : assignments) {
        if (!assignment.validity.contains(at))
            continue;
        const IpNetwork &block = assignment.prefix;
        const QString prefix = block.toString();
        if (block.isV4() && block.prefixLength() >= kLongestExpandedDnsblV4Prefix) {
            for (quint64 v4 = block.first().toV4(); v4 <= block.last().toV4(); ++v4)
                take(IpAddress::fromV4(quint32(v4)), prefix, QString());
        } else if (block.prefixLength() == block.address().bitLength()) {
            take(block.first(), prefix, QString());
        } else {
            take(block.first(), prefix,
                 Tr::tr("%1 is larger than %2; only its first address, %3, was checked")
                     .arg(prefix,
                          block.isV4() ? QStringLiteral("/%1").arg(kLongestExpandedDnsblV4Prefix)
                                       : Tr::tr("one address"),
                          block.first().toString()));
        }
    }
    return targets;
}

Result<DnsblZone> checkableDnsblZone(const QString &text)
{
    const DnsblZone zone = dnsblZoneFor(text);
    if (zone.zone.isEmpty())
        return Error{Tr::tr("empty zone")};
    if (zone.defunct)
        return Error{Tr::tr("%1: %2 is defunct (%3); its answers are not evidence")
                         .arg(zone.zone, zone.name, zone.note)};
    if (zone.kind == DnsblZone::Kind::Domain)
        return Error{QStringLiteral("%1: %2 %3").arg(zone.zone, zone.name, zone.note)};
    return zone;
}

Result<DnsblSettings> DnsblSettings::fromSettings(const QSettings &settings)
{
    DnsblSettings s;
    // An INI list is "a, b"; a single string may also hold several names.
    QStringList names;
    for (const QString &entry : settings.value(QStringLiteral("dnsbl/zones")).toStringList())
        names << entry.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
    if (!names.isEmpty()) {
        s.zones.clear();
        for (const QString &name : names) {
            Result<DnsblZone> zone = checkableDnsblZone(name);
            if (!zone)
                return Error{Tr::tr("[dnsbl] zones: %1").arg(zone.error())};
            s.zones << *zone;
        }
    }
    const QString nameserver =
        settings.value(QStringLiteral("dnsbl/nameserver")).toString().trimmed();
    if (!nameserver.isEmpty()) {
        s.nameserver = QHostAddress(nameserver);
        if (s.nameserver.isNull())
            return Error{Tr::tr("[dnsbl] nameserver: not an IP address: %1").arg(nameserver)};
    }
    const QVariant timeout = settings.value(QStringLiteral("dnsbl/timeoutMs"));
    if (timeout.isValid()) {
        bool ok = false;
        s.timeoutMs = timeout.toInt(&ok);
        if (!ok || s.timeoutMs <= 0)
            return Error{Tr::tr("[dnsbl] timeoutMs: not a positive number of milliseconds: %1")
                             .arg(timeout.toString())};
    }
    return s;
}

void DnsblSettings::applyTo(DnsblChecker &checker) const
{
    checker.setNameserver(nameserver);
    checker.setTimeout(timeoutMs);
}

void limitResolverRetries(int timeoutMs)
{
    if (qEnvironmentVariableIsSet("RES_OPTIONS"))
        return;
    const int seconds = std::clamp(int(std::ceil(timeoutMs / 1000.0)), 1, 30);
    qputenv("RES_OPTIONS", QStringLiteral("timeout:%1 attempts:1").arg(seconds).toLatin1());
}

StoredListing dnsblListing(const DnsblResult &result, const QString &accountId)
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

Result<int> recordDnsblAnswers(CaseStore &store, const QString &accountId,
                               const QList<DnsblResult> &results)
{
    QList<StoredListing> rows;
    for (const DnsblResult &result : results) {
        if (dnsblCheckCompleted(result))
            rows << dnsblListing(result, accountId);
    }
    if (rows.isEmpty())
        return 0;
    Result<QList<qint64>> added = ListingRepository(store).add(rows);
    if (!added)
        return Error{added.error()};
    return int(added->size());
}

AccountDnsblCheck::AccountDnsblCheck(QObject *parent)
    : QObject(parent)
    , m_checker(new DnsblChecker(this))
{
    connect(m_checker, &DnsblChecker::resultReady, this, [this] {
        ++m_done;
        Q_EMIT progress(m_done, m_total);
    });
    connect(m_checker, &DnsblChecker::finished, this, &AccountDnsblCheck::onCheckerFinished);
}

AccountDnsblCheck::~AccountDnsblCheck() = default;

Status AccountDnsblCheck::start(CaseStore &store, const QString &accountId,
                                const DnsblSettings &settings, const QDateTime &now)
{
    if (m_running)
        return Error{tr("A blocklist check of %1 is still running.").arg(m_accountId)};
    if (settings.zones.isEmpty())
        return Error{tr("No blocklist zone is configured ([dnsbl] zones).")};
    AccountRepository accounts(store);
    Result<bool> known = accounts.hasCustomer(accountId);
    if (!known)
        return Error{known.error()};
    if (!*known)
        return Error{tr("No account %1 in the account directory.").arg(accountId)};
    Result<QList<IpAssignmentRecord>> assignments = accounts.assignments(accountId);
    if (!assignments)
        return Error{assignments.error()};

    m_store = &store;
    m_accountId = accountId;
    m_targets =
        dnsblTargets(*assignments, now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc());
    m_total = int(m_targets.size() * settings.zones.size());
    m_done = 0;
    m_recorded = 0;
    m_recordError.clear();
    m_cancelled = false;
    settings.applyTo(*m_checker);
    limitResolverRetries(settings.timeoutMs);
    QList<IpAddress> addresses;
    for (const DnsblTarget &target : std::as_const(m_targets))
        addresses << target.address;
    m_running = m_checker->start(addresses, settings.zones);
    if (!m_running)
        return Error{tr("The blocklist checker is busy.")};
    return Status::success();
}

void AccountDnsblCheck::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_checker->cancel(); // emits finished() at once
}

void AccountDnsblCheck::abandon()
{
    if (!m_running)
        return;
    m_store = nullptr;
    cancel();
}

QList<DnsblResult> AccountDnsblCheck::results() const
{
    return m_checker->results();
}

void AccountDnsblCheck::onCheckerFinished()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_store) {
        Result<int> recorded = recordDnsblAnswers(*m_store, m_accountId, m_checker->results());
        if (recorded)
            m_recorded = *recorded;
        else
            m_recordError = recorded.error();
    }
    Q_EMIT finished();
}

} // namespace Awb
