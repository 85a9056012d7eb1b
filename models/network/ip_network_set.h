#pragma once

#include "ip_network.h"

#include <QList>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace Awb {

// A set of networks answering "is this address in any of them, and in which most specific one"
// (longest-prefix match): the trusted relays and our own networks of the Received-chain analysis,
// and the account directory's assignments held in memory.
//
// Lookups are O(log n) binary searches over a flattened index: the networks cut the address line
// into disjoint intervals, each labelled with the innermost network covering it (or none), one
// sorted array per family. The index is built on the first lookup after a change, O(n log n);
// add all networks first, then look up. A million networks take well under a microsecond per
// lookup (tests/network/bench_network_set prints the numbers).
//
// Thread safety: const functions may be called from several threads at once (the lazy index
// build is serialised internally); add() must not run concurrently with anything else.
class IpNetworkSet
{
public:
    IpNetworkSet();
    explicit IpNetworkSet(const QList<IpNetwork> &networks);
    IpNetworkSet(const IpNetworkSet &other);
    IpNetworkSet(IpNetworkSet &&other) noexcept;
    IpNetworkSet &operator=(const IpNetworkSet &other);
    IpNetworkSet &operator=(IpNetworkSet &&other) noexcept;
    ~IpNetworkSet();

    // Null networks are ignored. Duplicates are kept in networks() and cost nothing in lookups.
    void add(const IpNetwork &network);
    void reserve(qsizetype count);

    // In the order added; index i here is what bestMatchIndex() returns, so a caller can keep
    // a parallel list of payloads (the account of an assignment, the reason a relay is trusted).
    const QList<IpNetwork> &networks() const { return m_networks; }
    qsizetype size() const { return m_networks.size(); }
    bool isEmpty() const { return m_networks.isEmpty(); }

    bool contains(const IpAddress &address) const { return bestMatchIndex(address) >= 0; }
    // The longest-prefix network holding the address (of the same family; zones ignored).
    std::optional<IpNetwork> bestMatch(const IpAddress &address) const;
    // Its index in networks(), the first added among equal networks; -1 when none holds it.
    qsizetype bestMatchIndex(const IpAddress &address) const;

private:
    struct Index;
    const Index &index() const;

    QList<IpNetwork> m_networks;
    // Built on demand under m_indexMutex and shared between copies until one of them changes;
    // never modified once built. m_ready is the lock-free path for lookups: null until built.
    mutable std::shared_ptr<const Index> m_index;
    mutable std::atomic<const Index *> m_ready{nullptr};
    mutable std::mutex m_indexMutex;
};

} // namespace Awb
