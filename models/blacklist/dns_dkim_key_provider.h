#pragma once

#include "analysis/auth/dkim_key.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QWaitCondition>

#include <memory>
#include <optional>
#include <vector>

namespace Awb {

// DKIM public keys from DNS (RFC 6376 3.6.2): a TXT query for "selector._domainkey.domain" with
// QDnsLookup, to the system resolver or to one nameserver (always port 53 in Qt 6.4).
//
// Contract, because the DKIM checks call txtRecord() from several worker threads at once:
// - Thread-safe. Each call that needs the network runs its own QDnsLookup in a local QEventLoop
//   on the calling thread; that works on plain std::threads too, since Qt adopts them
//   (QThread::currentThread() gives them thread data and an event dispatcher on first use).
//   On a thread that already runs an event loop (the GUI thread) the local loop re-enters it,
//   so call it from workers there.
// - At most one lookup per name at a time: a second caller for a name in flight waits for the
//   first one's answer instead of asking again. Different names are looked up in parallel (Qt
//   runs the blocking resolver in a pool of 5 threads).
// - Every outcome is cached per name for the life of the provider (of the process, when it is
//   the program's provider): records, "no record", timeouts and resolver failures alike. A
//   batch of reports repeats the same few signers, and asking a dead resolver again would stall
//   each message for the whole timeout. clearCache() forgets them.
// - The interface has no "temporary error": a timeout or failure answers "no record" to the
//   checks; answer() tells them apart for evidence and tests.
class DnsDkimKeyProvider final : public DkimKeyProvider
{
public:
    static constexpr int DefaultTimeoutMs = 3000;

    enum class Outcome {
        Found,    // a TXT record (the one that parses as a usable key, if there are several)
        NoRecord, // NXDOMAIN, or the name has no TXT record
        Timeout,  // no answer within timeoutMs()
        Failed    // the resolver failed (SERVFAIL, refused, malformed answer, invalid name)
    };

    struct Answer
    {
        Outcome outcome = Outcome::NoRecord;
        std::optional<QByteArray> record; // the TXT text, character-strings joined; Found only
        QString detail;                   // what the resolver said, for people
    };

    // A null nameserver (the default) means the system resolver. The timeout counts from the
    // moment the query is handed to Qt and is at least 1 ms. Both are fixed for the provider's
    // life, so the lookups need no lock to read them.
    explicit DnsDkimKeyProvider(const QHostAddress &nameserver = QHostAddress(),
                                int timeoutMs = DefaultTimeoutMs);

    std::optional<QByteArray> txtRecord(const QString &selector,
                                        const QString &domain) const override;
    // "DNS (the system resolver)" or "DNS (nameserver 192.0.2.53)".
    QString describe() const override;

    // The cached answer for the name, looking it up first when it is not cached. A selector or
    // domain that cannot form a DNS name gives Failed without a query.
    Answer answer(const QString &selector, const QString &domain) const;

    QHostAddress nameserver() const { return m_nameserver; }
    int timeoutMs() const { return m_timeoutMs; }
    // DNS queries this provider has sent (cache misses), for tests and diagnostics.
    int lookupCount() const;
    void clearCache();

private:
    Answer resolve(const QString &name) const;

    const QHostAddress m_nameserver;
    const int m_timeoutMs;

    mutable QMutex m_mutex; // guards everything below
    mutable QWaitCondition m_lookupDone;
    mutable QHash<QString, Answer> m_cache; // lower-case "sel._domainkey.example.org" -> answer
    mutable QSet<QString> m_inFlight;       // names some thread is looking up right now
    mutable int m_lookups = 0;
};

// Several key sources asked in order; the first that has a record for the name answers. Used
// for "--dkim-keys FILE --dkim-dns": the key file is consulted before DNS. Immutable, so as
// thread-safe as the providers it holds.
class DkimKeyProviderChain final : public DkimKeyProvider
{
public:
    explicit DkimKeyProviderChain(std::vector<std::shared_ptr<const DkimKeyProvider>> providers);

    std::optional<QByteArray> txtRecord(const QString &selector,
                                        const QString &domain) const override;
    // The sources in order: "the key file demo-dkim-keys.zone, then DNS (the system resolver)".
    QString describe() const override;

private:
    std::vector<std::shared_ptr<const DkimKeyProvider>> m_providers;
};

} // namespace Awb
