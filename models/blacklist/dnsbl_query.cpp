#include "blacklist/dnsbl_query.h"

#include <QDnsLookup>
#include <QTimer>

#include <algorithm>

namespace Awb {

QString dnsblQueryName(const IpAddress &address, QStringView zone)
{
    const QString suffix = normaliseDnsblZone(zone);
    if (address.isNull() || suffix.isEmpty())
        return {};
    QStringList labels;
    const IpAddress::Bytes &bytes = address.bytes();
    if (address.isV4()) {
        for (int i = 15; i >= 12; --i)
            labels << QString::number(bytes[i]);
    } else {
        static const char hex[] = "0123456789abcdef";
        for (int i = 15; i >= 0; --i) {
            labels << QString(QLatin1Char(hex[bytes[i] & 0x0f]));
            labels << QString(QLatin1Char(hex[bytes[i] >> 4]));
        }
    }
    labels << suffix;
    return labels.join(QLatin1Char('.'));
}

QString dnsblVerdictName(DnsblResult::Verdict verdict)
{
    switch (verdict) {
    case DnsblResult::Verdict::NotListed:
        return QStringLiteral("not-listed");
    case DnsblResult::Verdict::Listed:
        return QStringLiteral("listed");
    case DnsblResult::Verdict::PolicyListed:
        return QStringLiteral("policy-listed");
    case DnsblResult::Verdict::ErrorReply:
        return QStringLiteral("error-reply");
    case DnsblResult::Verdict::Timeout:
        return QStringLiteral("timeout");
    case DnsblResult::Verdict::LookupFailed:
        return QStringLiteral("lookup-failed");
    }
    return {};
}

bool dnsblCheckCompleted(const DnsblResult &result)
{
    return result.verdict == DnsblResult::Verdict::NotListed ||
           result.verdict == DnsblResult::Verdict::Listed ||
           result.verdict == DnsblResult::Verdict::PolicyListed;
}

struct DnsblChecker::Job
{
    IpAddress address;
    DnsblZone zone;
    bool txtPhase = false;
    bool done = false;
    DnsblResult result;
};

DnsblChecker::DnsblChecker(QObject *parent)
    : QObject(parent)
{}

// Lookups still in flight are children and go with the checker; Qt drops their late answers.
DnsblChecker::~DnsblChecker() = default;

void DnsblChecker::setNameserver(const QHostAddress &nameserver)
{
    m_nameserver = nameserver;
}

void DnsblChecker::setTimeout(int milliseconds)
{
    m_timeoutMs = std::max(1, milliseconds);
}

void DnsblChecker::setParallelLimit(int limit)
{
    m_parallelLimit = std::clamp(limit, 1, MaxParallel);
}

bool DnsblChecker::start(const QList<IpAddress> &addresses, const QList<DnsblZone> &zones)
{
    if (m_running)
        return false;
    m_jobs.clear();
    m_owner.clear();
    m_nextJob = 0;
    m_done = 0;
    for (const IpAddress &address : addresses) {
        for (const DnsblZone &zone : zones) {
            Job job;
            job.address = address.withoutZone();
            job.zone = zone;
            job.result.address = job.address.toString();
            job.result.zone = zone.zone;
            job.result.listName = zone.name;
            m_jobs.push_back(std::move(job));
        }
    }
    m_running = true;
    // Queued, so that no signal is emitted before the caller has returned from start().
    QMetaObject::invokeMethod(this, &DnsblChecker::pump, Qt::QueuedConnection);
    return true;
}

void DnsblChecker::cancel()
{
    if (!m_running)
        return;
    // The lookups stay alive (and counted in m_inFlight) until Qt's resolver thread returns;
    // only their answers are no longer wanted.
    m_owner.clear();
    m_running = false;
    Q_EMIT finished();
}

QList<DnsblResult> DnsblChecker::results() const
{
    QList<DnsblResult> list;
    for (const Job &job : m_jobs) {
        if (job.done)
            list << job.result;
    }
    return list;
}

void DnsblChecker::pump()
{
    while (m_running && m_inFlight < m_parallelLimit && m_nextJob < int(m_jobs.size())) {
        const int index = m_nextJob++;
        Job &job = m_jobs[size_t(index)];
        DnsblResult &result = job.result;
        if (job.zone.defunct) {
            result.verdict = DnsblResult::Verdict::LookupFailed;
            result.meaning = QStringLiteral("not queried: %1 is defunct (%2), its answers are not "
                                            "evidence")
                                 .arg(job.zone.name, job.zone.note);
            complete(job);
        } else if (job.zone.kind == DnsblZone::Kind::Domain) {
            result.verdict = DnsblResult::Verdict::LookupFailed;
            result.meaning =
                QStringLiteral("not queried: %1 lists domains, not addresses").arg(job.zone.name);
            complete(job);
        } else if (job.address.isNull()) {
            result.verdict = DnsblResult::Verdict::LookupFailed;
            result.meaning = QStringLiteral("not queried: no address");
            complete(job);
        } else {
            launch(index, false);
        }
    }
    finishIfDone();
}

void DnsblChecker::launch(int jobIndex, bool txt)
{
    const Job &job = m_jobs[size_t(jobIndex)];
    auto *lookup = new QDnsLookup(txt ? QDnsLookup::TXT : QDnsLookup::A,
                                  dnsblQueryName(job.address, job.zone.zone), this);
    if (!m_nameserver.isNull())
        lookup->setNameserver(m_nameserver);
    connect(lookup, &QDnsLookup::finished, this, [this, lookup] { lookupFinished(lookup); });
    // The timer belongs to the lookup, so it goes when the lookup goes.
    auto *timer = new QTimer(lookup);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, lookup] { lookupTimedOut(lookup); });
    m_owner.insert(lookup, jobIndex);
    ++m_inFlight;
    lookup->lookup();
    timer->start(m_timeoutMs);
}

void DnsblChecker::lookupFinished(QDnsLookup *lookup)
{
    --m_inFlight;
    lookup->deleteLater();
    const auto owner = m_owner.constFind(lookup);
    if (owner != m_owner.constEnd()) {
        Job &job = m_jobs[size_t(*owner)];
        const int jobIndex = *owner;
        m_owner.erase(owner);
        if (!job.txtPhase) {
            readAnswer(job, lookup);
            const bool listed = job.result.verdict == DnsblResult::Verdict::Listed ||
                                job.result.verdict == DnsblResult::Verdict::PolicyListed;
            if (listed && m_txtLookups) {
                job.txtPhase = true;
                launch(jobIndex, true);
            } else {
                complete(job);
            }
        } else {
            // TXT is the list's explanation, best effort: its failure leaves the verdict alone.
            QStringList texts;
            const QList<QDnsTextRecord> records = lookup->textRecords();
            for (const QDnsTextRecord &record : records) {
                QByteArray joined;
                for (const QByteArray &part : record.values())
                    joined += part; // RFC 7208 3.3: the strings of one record are concatenated
                texts << QString::fromUtf8(joined);
            }
            job.result.txt = texts.join(QLatin1Char('\n'));
            complete(job);
        }
    }
    pump();
}

void DnsblChecker::lookupTimedOut(QDnsLookup *lookup)
{
    const auto owner = m_owner.constFind(lookup);
    if (owner == m_owner.constEnd())
        return;
    Job &job = m_jobs[size_t(*owner)];
    // Orphaned, not aborted: the lookup keeps its slot until the resolver thread returns.
    m_owner.erase(owner);
    if (!job.txtPhase) {
        job.result.verdict = DnsblResult::Verdict::Timeout;
        job.result.meaning =
            QStringLiteral("no answer from the nameserver within %1 ms, not checked")
                .arg(m_timeoutMs);
        job.result.checkedAt = QDateTime::currentDateTimeUtc();
    }
    complete(job);
    pump();
}

void DnsblChecker::readAnswer(Job &job, QDnsLookup *lookup)
{
    DnsblResult &result = job.result;
    result.checkedAt = QDateTime::currentDateTimeUtc();
    // NXDOMAIN is the list's "not listed". Qt 6.4 reports a name without A records (NOERROR,
    // no answers) as InvalidReplyError, the same as a resolver that gave up; both stay
    // LookupFailed, since the two cannot be told apart and only one of them is an answer.
    if (lookup->error() != QDnsLookup::NoError && lookup->error() != QDnsLookup::NotFoundError) {
        result.verdict = DnsblResult::Verdict::LookupFailed;
        result.meaning =
            QStringLiteral("lookup failed, not checked: %1").arg(lookup->errorString());
        return;
    }

    QList<IpAddress> codes;
    const QList<QDnsHostAddressRecord> records = lookup->hostAddressRecords();
    for (const QDnsHostAddressRecord &record : records) {
        if (std::optional<IpAddress> code = IpAddress::parse(record.value().toString()))
            codes << *code;
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    if (codes.isEmpty()) {
        result.verdict = DnsblResult::Verdict::NotListed;
        result.meaning = QStringLiteral("not listed on %1").arg(job.zone.name);
        if (job.address.isV6() && !job.zone.supportsIpv6)
            result.meaning += QStringLiteral(" (this list does not cover IPv6 addresses)");
        return;
    }

    bool listing = false;
    bool policy = false;
    QStringList meanings;
    for (const IpAddress &code : codes) {
        const DnsblCodeReading reading = readDnsblCode(job.zone, code);
        result.returnCodes << code.toString();
        meanings << reading.meaning;
        listing = listing || reading.kind == DnsblCodeKind::Listing ||
                  reading.kind == DnsblCodeKind::Unknown;
        policy = policy || reading.kind == DnsblCodeKind::Policy;
    }
    result.meaning = meanings.join(QStringLiteral("; "));
    result.verdict = listing  ? DnsblResult::Verdict::Listed
                     : policy ? DnsblResult::Verdict::PolicyListed
                              : DnsblResult::Verdict::ErrorReply;
}

void DnsblChecker::complete(Job &job)
{
    if (job.done)
        return;
    job.done = true;
    if (!job.result.checkedAt.isValid())
        job.result.checkedAt = QDateTime::currentDateTimeUtc();
    ++m_done;
    Q_EMIT resultReady(job.result);
}

void DnsblChecker::finishIfDone()
{
    if (m_running && m_done == int(m_jobs.size())) {
        m_running = false;
        Q_EMIT finished();
    }
}

} // namespace Awb
