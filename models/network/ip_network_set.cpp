#include "ip_network_set.h"

#include "uint128_p.h"

#include <algorithm>
#include <vector>

namespace Awb {

namespace {

using detail::Uint128;

// One family's flattened index: starts[i] begins an interval that runs to starts[i + 1] - 1 (the
// last to the end of the family's space), labelled owners[i], an index into networks() or -1
// for a gap. Keys are quint32 for IPv4 and the 128-bit number for IPv6.
template <typename Key> struct Intervals
{
    std::vector<Key> starts;
    std::vector<qsizetype> owners;

    qsizetype lookup(Key key) const
    {
        const auto it = std::upper_bound(starts.begin(), starts.end(), key);
        return it == starts.begin() ? -1 : owners[size_t(it - starts.begin()) - 1];
    }
};

quint32 nextKey(quint32 value)
{
    return value + 1;
}

Uint128 nextKey(Uint128 value)
{
    return detail::successor(value);
}

template <typename Key> struct Block
{
    Key first;
    Key last;
    int prefixLength;
    qsizetype owner;
};

// Sweeps the blocks in address order with a stack of the blocks that hold the current point.
// CIDR blocks nest or are disjoint, so the top of the stack is always the innermost one.
template <typename Key> Intervals<Key> flatten(std::vector<Block<Key>> blocks, Key maximum)
{
    std::sort(blocks.begin(), blocks.end(), [](const Block<Key> &a, const Block<Key> &b) {
        if (a.first != b.first)
            return a.first < b.first;
        if (a.prefixLength != b.prefixLength)
            return a.prefixLength < b.prefixLength; // the enclosing block first
        return a.owner < b.owner;                   // equal blocks: the first added wins
    });

    Intervals<Key> result;
    result.starts.reserve(blocks.size() * 2);
    result.owners.reserve(blocks.size() * 2);
    // Several boundaries can fall on one address (nested blocks starting or ending together):
    // the last one written there is the right owner, so it replaces the earlier one.
    const auto mark = [&result](Key start, qsizetype owner) {
        if (!result.starts.empty() && result.starts.back() == start) {
            result.owners.back() = owner;
        } else if (result.owners.empty() ? owner >= 0 : result.owners.back() != owner) {
            result.starts.push_back(start);
            result.owners.push_back(owner);
        }
    };
    std::vector<const Block<Key> *> open;
    const auto close = [&](const Block<Key> *block) {
        if (block->last != maximum)
            mark(nextKey(block->last), open.empty() ? -1 : open.back()->owner);
    };

    const Block<Key> *previous = nullptr;
    for (const Block<Key> &block : blocks) {
        if (previous && previous->first == block.first &&
            previous->prefixLength == block.prefixLength)
            continue;
        previous = &block;
        while (!open.empty() && open.back()->last < block.first) {
            const Block<Key> *done = open.back();
            open.pop_back();
            close(done);
        }
        mark(block.first, block.owner);
        open.push_back(&block);
    }
    while (!open.empty()) {
        const Block<Key> *done = open.back();
        open.pop_back();
        close(done);
    }
    return result;
}

} // namespace

struct IpNetworkSet::Index
{
    Intervals<quint32> v4;
    Intervals<Uint128> v6;
};

IpNetworkSet::IpNetworkSet() = default;

IpNetworkSet::IpNetworkSet(const QList<IpNetwork> &networks)
{
    reserve(networks.size());
    for (const IpNetwork &network : networks)
        add(network);
}

IpNetworkSet::IpNetworkSet(const IpNetworkSet &other)
{
    *this = other;
}

IpNetworkSet::IpNetworkSet(IpNetworkSet &&other) noexcept
{
    *this = std::move(other);
}

IpNetworkSet &IpNetworkSet::operator=(const IpNetworkSet &other)
{
    if (this == &other)
        return *this;
    std::scoped_lock lock(m_indexMutex, other.m_indexMutex);
    m_networks = other.m_networks;
    m_index = other.m_index;
    m_ready.store(m_index.get(), std::memory_order_release);
    return *this;
}

IpNetworkSet &IpNetworkSet::operator=(IpNetworkSet &&other) noexcept
{
    if (this == &other)
        return *this;
    std::scoped_lock lock(m_indexMutex, other.m_indexMutex);
    m_networks = std::move(other.m_networks);
    m_index = std::move(other.m_index);
    m_ready.store(m_index.get(), std::memory_order_release);
    other.m_networks.clear();
    other.m_ready.store(nullptr, std::memory_order_release);
    return *this;
}

IpNetworkSet::~IpNetworkSet() = default;

void IpNetworkSet::add(const IpNetwork &network)
{
    if (network.isNull())
        return;
    m_networks.append(network);
    m_ready.store(nullptr, std::memory_order_release);
    m_index.reset();
}

void IpNetworkSet::reserve(qsizetype count)
{
    m_networks.reserve(count);
}

const IpNetworkSet::Index &IpNetworkSet::index() const
{
    if (const Index *ready = m_ready.load(std::memory_order_acquire))
        return *ready;
    std::lock_guard lock(m_indexMutex);
    if (!m_index) {
        std::vector<Block<quint32>> v4;
        std::vector<Block<Uint128>> v6;
        for (qsizetype i = 0; i < m_networks.size(); ++i) {
            const IpNetwork &network = m_networks.at(i);
            const IpAddress first = network.first();
            const IpAddress last = network.last();
            if (network.isV4())
                v4.push_back({first.toV4(), last.toV4(), network.prefixLength(), i});
            else
                v6.push_back(
                    {{first.hi(), first.lo()}, {last.hi(), last.lo()}, network.prefixLength(), i});
        }
        auto index = std::make_shared<Index>();
        index->v4 = flatten(std::move(v4), ~quint32(0));
        index->v6 = flatten(std::move(v6), Uint128{~quint64(0), ~quint64(0)});
        m_index = std::move(index);
    }
    m_ready.store(m_index.get(), std::memory_order_release);
    return *m_index;
}

qsizetype IpNetworkSet::bestMatchIndex(const IpAddress &address) const
{
    if (address.isNull() || m_networks.isEmpty())
        return -1;
    const Index &built = index();
    if (address.isV4())
        return built.v4.lookup(address.toV4());
    return built.v6.lookup(Uint128{address.hi(), address.lo()});
}

std::optional<IpNetwork> IpNetworkSet::bestMatch(const IpAddress &address) const
{
    const qsizetype i = bestMatchIndex(address);
    if (i < 0)
        return std::nullopt;
    return m_networks.at(i);
}

} // namespace Awb
