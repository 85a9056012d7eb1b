#include "blacklist/dns_dkim_key_provider.h"

#include <QDnsLookup>
#include <QEventLoop>
#include <QMutexLocker>
#include <QTimer>

#include <algorithm>

namespace Awb {

namespace {

// "sel._domainkey.example.org", lower case; empty when the parts cannot form a DNS name (empty
// or over-long labels, white space), so that nothing odd is sent to the resolver.
QString keyName(const QString &selector, QString domain)
{
    if (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    if (selector.isEmpty() || domain.isEmpty())
        return {};
    const QString name = (selector + QLatin1String("._domainkey.") + domain).toLower();
    if (name.size() > 253)
        return {};
    for (const QStringView label : QStringView(name).split(QLatin1Char('.'))) {
        if (label.isEmpty() || label.size() > 63)
            return {};
        for (const QChar c : label) {
            if (c.isSpace() || c.category() == QChar::Other_Control)
                return {};
        }
    }
    return name;
}

} // namespace

DnsDkimKeyProvider::DnsDkimKeyProvider(const QHostAddress &nameserver, int timeoutMs)
    : m_nameserver(nameserver)
    , m_timeoutMs(std::max(1, timeoutMs))
{}

std::optional<QByteArray> DnsDkimKeyProvider::txtRecord(const QString &selector,
                                                        const QString &domain) const
{
    return answer(selector, domain).record;
}

QString DnsDkimKeyProvider::describe() const
{
    if (m_nameserver.isNull())
        return QStringLiteral("DNS (the system resolver)");
    return QStringLiteral("DNS (nameserver %1)").arg(m_nameserver.toString());
}

DnsDkimKeyProvider::Answer DnsDkimKeyProvider::answer(const QString &selector,
                                                      const QString &domain) const
{
    const QString name = keyName(selector, domain);
    if (name.isEmpty())
        return {Outcome::Failed, std::nullopt,
                QStringLiteral("\"%1\" and \"%2\" do not form a DNS name").arg(selector, domain)};

    QMutexLocker locker(&m_mutex);
    // One lookup per name: whoever finds the name in flight waits for that lookup's answer.
    while (m_inFlight.contains(name))
        m_lookupDone.wait(&m_mutex);
    const auto cached = m_cache.constFind(name);
    if (cached != m_cache.constEnd())
        return *cached;
    m_inFlight.insert(name);
    ++m_lookups;
    locker.unlock();

    // The lookup runs without the lock, so that other names are looked up meanwhile.
    const Answer result = resolve(name);

    locker.relock();
    m_cache.insert(name, result);
    m_inFlight.remove(name);
    m_lookupDone.wakeAll();
    return result;
}

int DnsDkimKeyProvider::lookupCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_lookups;
}

void DnsDkimKeyProvider::clearCache()
{
    QMutexLocker locker(&m_mutex);
    m_cache.clear();
}

// Runs on the calling thread. QDnsLookup hands the query to Qt's resolver pool, whose answer
// arrives as a blocking queued call into this thread: the local event loop takes it. On timeout
// the lookup object is deleted here, which drops that pending call (and releases the pool thread
// waiting on it); the resolver itself cannot be cancelled and keeps its pool thread until it
// gives up (resolv.conf timeout and attempts).
DnsDkimKeyProvider::Answer DnsDkimKeyProvider::resolve(const QString &name) const
{
    QDnsLookup lookup(QDnsLookup::TXT, name);
    if (!m_nameserver.isNull())
        lookup.setNameserver(m_nameserver);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&lookup, &QDnsLookup::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    lookup.lookup();
    // finished() may already have come (an invalid name is refused at once, queued or not).
    if (!lookup.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!lookup.isFinished())
        return {Outcome::Timeout, std::nullopt,
                QStringLiteral("no answer for %1 TXT within %2 ms").arg(name).arg(m_timeoutMs)};

    switch (lookup.error()) {
    case QDnsLookup::NoError:
        break;
    case QDnsLookup::NotFoundError:
        return {Outcome::NoRecord, std::nullopt,
                QStringLiteral("%1 does not exist (NXDOMAIN)").arg(name)};
    default:
        return {Outcome::Failed, std::nullopt,
                QStringLiteral("lookup of %1 TXT failed: %2").arg(name, lookup.errorString())};
    }

    // RFC 6376 3.6.2.2: with several TXT records the verifier may pick one. Take the first that
    // parses as a usable key, else the first (so that the checks can say what is wrong with it).
    std::optional<QByteArray> first;
    for (const QDnsTextRecord &record : lookup.textRecords()) {
        // No owner-name filter: a selector is often a CNAME to the mail provider's key, and the
        // records then carry the target's name.
        QByteArray text;
        for (const QByteArray &part : record.values())
            text += part;
        if (parseDkimKeyRecord(text).isUsable())
            return {Outcome::Found, text, QStringLiteral("%1 TXT").arg(name)};
        if (!first)
            first = text;
    }
    if (first)
        return {Outcome::Found, first, QStringLiteral("%1 TXT (not a usable key)").arg(name)};
    return {Outcome::NoRecord, std::nullopt, QStringLiteral("%1 has no TXT record").arg(name)};
}

DkimKeyProviderChain::DkimKeyProviderChain(
    std::vector<std::shared_ptr<const DkimKeyProvider>> providers)
    : m_providers(std::move(providers))
{
    m_providers.erase(std::remove(m_providers.begin(), m_providers.end(), nullptr),
                      m_providers.end());
}

std::optional<QByteArray> DkimKeyProviderChain::txtRecord(const QString &selector,
                                                          const QString &domain) const
{
    for (const auto &provider : m_providers) {
        if (auto record = provider->txtRecord(selector, domain))
            return record;
    }
    return std::nullopt;
}

QString DkimKeyProviderChain::describe() const
{
    QStringList parts;
    for (const auto &provider : m_providers)
        parts << provider->describe();
    return parts.join(QLatin1String(", then "));
}

} // namespace Awb
