#pragma once

#include "blacklist/dnsbl_zones.h"
#include "network/ip_address.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

class QDnsLookup;

namespace Awb {

// The name a DNSBL is asked about (RFC 5782 2.1, 2.4): the IPv4 octets reversed
// ("192.0.2.1" -> "1.2.0.192.zen.spamhaus.org"), or the 32 nibbles of the IPv6 address reversed
// ("2001:db8::1" -> "1.0.0.0. ... .8.b.d.0.1.0.0.2.<zone>"), then the zone. An IPv6 zone id
// ("%eth0") takes no part. Empty for a null address or an empty zone.
QString dnsblQueryName(const IpAddress &address, QStringView zone);

// The outcome of checking one address against one list.
struct DnsblResult
{
    enum class Verdict {
        NotListed,    // NXDOMAIN, or a name without A records: the list does not list it
        Listed,       // at least one return code is an abuse listing (or undocumented 127/8)
        PolicyListed, // only policy codes (Spamhaus PBL): not evidence of abuse
        ErrorReply,   // only error codes (127.255.255.x from Spamhaus, non-127/8 answers):
                      // the list refused the query, so the address is unchecked
        Timeout,      // no answer within the timeout
        LookupFailed  // the resolver failed, or the list was not queried (defunct, domain list)
    };

    QString address;  // canonical text of the checked address
    QString zone;     // "zen.spamhaus.org"
    QString listName; // "Spamhaus ZEN"
    Verdict verdict = Verdict::NotListed;
    QStringList returnCodes; // the A records, sorted ("127.0.0.2", "127.0.0.4")
    // Evidence-grade wording, one clause per code joined by "; ":
    // "127.0.0.2: listed on SBL (Spamhaus Block List)"; otherwise what happened and why.
    QString meaning;
    QString txt;         // the list's TXT explanation for listed addresses, records joined by '\n'
    QDateTime checkedAt; // UTC, when the answer (or the timeout) came
};

// "not-listed", "listed", "policy-listed", "error-reply", "timeout", "lookup-failed": stable
// names for JSON and the command line.
QString dnsblVerdictName(DnsblResult::Verdict verdict);
// True when the list gave an answer about the address (NotListed, Listed, PolicyListed); false
// when the address is still unchecked on that list.
bool dnsblCheckCompleted(const DnsblResult &result);

// Checks addresses against DNS blocklists with QDnsLookup: an A query per (address, zone), and
// for listed addresses a TXT query for the list's explanation. Asynchronous, on the thread the
// checker lives in; at most parallelLimit() lookups at a time, each with its own timeout.
//
// The model room is the one place in the core that uses QtNetwork (see CMakeLists.txt).
//
// Qt 6.4 facts this class is built around: QDnsLookup runs the blocking system resolver
// (res_nquery) in a pool of 5 threads and cannot cancel it. So parallelLimit() is at most 5,
// and a lookup that timed out keeps its slot until the resolver gives up (resolv.conf
// "options timeout: attempts:", or RES_OPTIONS): otherwise later lookups would queue inside Qt
// behind the stuck ones and time out without having been sent. The nameserver port is always 53.
//
// Defunct lists and domain lists are not queried (a closed list's zone may belong to anyone by
// now); their results say so, as LookupFailed.
class DnsblChecker : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 5000;
    static constexpr int MaxParallel = 5;

    explicit DnsblChecker(QObject *parent = nullptr);
    ~DnsblChecker() override;

    // The DNS server asked; a null address (the default) means the system resolver.
    void setNameserver(const QHostAddress &nameserver);
    QHostAddress nameserver() const { return m_nameserver; }
    // Per lookup, from the moment it is handed to the resolver; at least 1 ms.
    void setTimeout(int milliseconds);
    int timeout() const { return m_timeoutMs; }
    // Lookups in flight at once, 1 to MaxParallel.
    void setParallelLimit(int limit);
    int parallelLimit() const { return m_parallelLimit; }
    // Whether listed addresses get a TXT lookup (default true).
    void setTxtLookups(bool enabled) { m_txtLookups = enabled; }

    // Checks every address against every zone. Returns false, doing nothing, while a check is
    // running. finished() follows when every result is in, also for empty input (queued).
    bool start(const QList<IpAddress> &addresses, const QList<DnsblZone> &zones);
    // Stops: no further results, finished() is emitted once, results() keeps what came in.
    void cancel();
    bool isRunning() const { return m_running; }

    // Ordered by address, then zone, as given to start() (not by arrival). Complete after
    // finished(), except after cancel().
    QList<DnsblResult> results() const;

Q_SIGNALS:
    void resultReady(const Awb::DnsblResult &result);
    void finished();

private:
    struct Job;

    void pump();
    void launch(int jobIndex, bool txt);
    void lookupFinished(QDnsLookup *lookup);
    void lookupTimedOut(QDnsLookup *lookup);
    void readAnswer(Job &job, QDnsLookup *lookup);
    void complete(Job &job);
    void finishIfDone();

    QHostAddress m_nameserver;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_parallelLimit = 4;
    bool m_txtLookups = true;

    std::vector<Job> m_jobs;
    QHash<QDnsLookup *, int> m_owner; // lookup -> the job waiting for it; timed-out ones leave
    int m_nextJob = 0;
    int m_inFlight = 0; // live QDnsLookup objects, timed-out ones included
    int m_done = 0;
    bool m_running = false;
};

} // namespace Awb
