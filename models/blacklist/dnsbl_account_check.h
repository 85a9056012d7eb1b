#pragma once

#include "blacklist/dnsbl_query.h"
#include "common/result.h"
#include "store/account_repository.h"
#include "store/listing_repository.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

class QSettings;

namespace Awb {

class CaseStore;

// The DNSBL check of an account's addresses, shared by `awb dnsbl --account` and the account
// page of the window: which addresses are asked about, which zones, how answers are recorded.

// An IPv4 block up to this size is checked address by address (a /29 is 8 addresses); a larger
// one, and any IPv6 block but a /128, only by its first address: a DNSBL check per address of a
// /24 would be 256 queries per zone, and of an IPv6 /64 impossible. Lists that list ranges
// (Spamhaus SBL, DROP) answer for every address of the range, so the first one stands for it.
inline constexpr int kLongestExpandedDnsblV4Prefix = 29;

// One address to check, and the assignment it came from.
struct DnsblTarget
{
    IpAddress address;
    QString prefix; // the assigned block, "203.0.113.8/29"
    QString note;   // set when the block was not checked address by address, saying so
};

// The addresses of the assignments valid at `at`, each once, in assignment order, blocks
// expanded or sampled as kLongestExpandedDnsblV4Prefix says.
QList<DnsblTarget> dnsblTargets(const QList<IpAssignmentRecord> &assignments, const QDateTime &at);

// A zone as an analyst names it, ready to check: a known list, or a custom IP list. An error
// naming the zone for an empty name, a defunct list (its zone may answer anything now, or belong
// to someone who learns which addresses we investigate) and a domain list (not for addresses).
Result<DnsblZone> checkableDnsblZone(const QString &text);

// The settings of DNSBL checks, QSettings group [dnsbl]: zones (a list; default
// zen.spamhaus.org and bl.spamcop.net), nameserver (an IP address; empty: the system
// resolver; Spamhaus refuses queries from public resolvers), timeoutMs (per lookup, default
// DnsblChecker::DefaultTimeoutMs). The command line's --zone, --nameserver and --timeout
// say the same things.
struct DnsblSettings
{
    QList<DnsblZone> zones = defaultDnsblZones();
    QHostAddress nameserver; // null: the system resolver
    int timeoutMs = DnsblChecker::DefaultTimeoutMs;

    // An error names the key and the value that cannot be used.
    static Result<DnsblSettings> fromSettings(const QSettings &settings);
    void applyTo(DnsblChecker &checker) const;
};

// glibc's resolver retries for up to 15 s by default, and Qt 6.4 cannot cancel it: a lookup
// past our timeout would hold a resolver thread (and the process exit) that long. Sets
// RES_OPTIONS to one attempt of about `timeoutMs`, unless the user set RES_OPTIONS.
void limitResolverRetries(int timeoutMs);

// The row of the listings table that records one answer about an account's address.
StoredListing dnsblListing(const DnsblResult &result, const QString &accountId);

// Records the answered checks among `results` (dnsblCheckCompleted(): listed or not) as listings
// of the account, all or none; a timeout says nothing about the address and is not recorded.
// Returns the number of rows written.
Result<int> recordDnsblAnswers(CaseStore &store, const QString &accountId,
                               const QList<DnsblResult> &results);

// A check of one account's current addresses, asynchronous on the thread it lives in (the
// GUI thread: QDnsLookup does not block it). progress() follows each answer; when every check
// is in, or after cancel(), the answers that came in are recorded (recordDnsblAnswers()) and
// finished() is emitted once. The store passed to start() must outlive the check.
class AccountDnsblCheck : public QObject
{
    Q_OBJECT

public:
    explicit AccountDnsblCheck(QObject *parent = nullptr);
    ~AccountDnsblCheck() override;

    // Reads the account's assignments valid at `now` (invalid: the current time) and starts.
    // An error, and nothing started, when a check is running, the store fails, the account is
    // unknown or no zone is configured. An account that holds no address now finishes at once
    // (queued) with nothing checked.
    Status start(CaseStore &store, const QString &accountId, const DnsblSettings &settings,
                 const QDateTime &now = {});
    // Stops asking; the answers already in are still recorded. finished() follows at once.
    void cancel();
    // Stops asking and records nothing: for when the store is about to go away. finished()
    // follows at once, with recordedCount() 0.
    void abandon();

    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    QString accountId() const { return m_accountId; }
    const QList<DnsblTarget> &targets() const { return m_targets; }
    int total() const { return m_total; } // targets x zones
    int done() const { return m_done; }
    QList<DnsblResult> results() const;
    // After finished(): rows recorded, and the error when recording failed (empty otherwise).
    int recordedCount() const { return m_recorded; }
    QString recordError() const { return m_recordError; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished();

private:
    void onCheckerFinished();

    DnsblChecker *m_checker;
    CaseStore *m_store = nullptr;
    QString m_accountId;
    QList<DnsblTarget> m_targets;
    int m_total = 0;
    int m_done = 0;
    int m_recorded = 0;
    QString m_recordError;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace Awb
