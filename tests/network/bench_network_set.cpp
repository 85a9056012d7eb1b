// Not a test: prints how long an IpNetworkSet of a million random prefixes takes to fill and
// index, and how many longest-prefix lookups per second it answers. Run a Release build.
#include "network/ip_network_set.h"

#include <QElapsedTimer>

#include <cstdio>
#include <random>

using Awb::IpAddress;
using Awb::IpNetwork;
using Awb::IpNetworkSet;

namespace {

constexpr int NetworkCount = 1'000'000;
constexpr int LookupCount = 5'000'000;

void run(const char *label, bool v4)
{
    std::mt19937_64 random(42);
    // Prefix lengths as an account directory has them: mostly small blocks and single hosts.
    std::discrete_distribution<int> v4Prefix({1, 4, 10, 10, 20, 15, 40}); // /16 ... /32
    std::discrete_distribution<int> v6Prefix({1, 4, 10, 40, 10, 15, 20}); // /32 ... /128
    const int v4Lengths[] = {16, 20, 24, 28, 29, 30, 32};
    const int v6Lengths[] = {32, 40, 48, 56, 64, 112, 128};
    const auto randomAddress = [&] {
        // IPv6 from 2000::/3 (global unicast), IPv4 from the whole space.
        return v4 ? IpAddress::fromV4(quint32(random()))
                  : IpAddress::fromWords((random() >> 3) | 0x2000000000000000ull, random());
    };

    QElapsedTimer timer;
    timer.start();
    IpNetworkSet set;
    set.reserve(NetworkCount);
    for (int i = 0; i < NetworkCount; ++i) {
        const int length = v4 ? v4Lengths[v4Prefix(random)] : v6Lengths[v6Prefix(random)];
        set.add(IpNetwork(randomAddress(), length));
    }
    const qint64 insertMs = timer.restart();
    set.contains(randomAddress()); // the first lookup builds the index
    const qint64 indexMs = timer.restart();

    std::vector<IpAddress> probes;
    probes.reserve(LookupCount);
    for (int i = 0; i < LookupCount; ++i) // half random, half inside a known block
        probes.push_back(i % 2 ? randomAddress() : set.networks().at(i % NetworkCount).last());
    timer.restart();
    qsizetype hits = 0;
    for (const IpAddress &probe : probes)
        hits += set.bestMatchIndex(probe) >= 0;
    const qint64 lookupNs = timer.nsecsElapsed();

    std::printf("%s: %d networks added in %lld ms, indexed in %lld ms; %d lookups in %.1f ms: "
                "%.1f M lookups/s, %.0f ns each, %.1f%% hits\n",
                label, NetworkCount, insertMs, indexMs, LookupCount, lookupNs / 1e6,
                LookupCount / (lookupNs / 1e9) / 1e6, double(lookupNs) / LookupCount,
                100.0 * double(hits) / LookupCount);
}

} // namespace

int main()
{
    run("IPv4", true);
    run("IPv6", false);
    return 0;
}
