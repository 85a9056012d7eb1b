// Not a test: fills a temporary case database with a million IP assignments (IPv4 /29 and /32,
// IPv6 /64 and /48, each with a validity period) through AccountRepository, then prints the
// insert time and how many "which account held this address then" lookups run per second.
// Run it from a Release build: bench/bench_ip_lookup [ROWS]
#include "store/account_repository.h"
#include "store/case_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace Awb;

namespace {

constexpr int kAccounts = 10000;
constexpr int kBatch = 10000;

// Row i: a distinct block, so that lookups land on exactly one assignment.
IpNetwork blockFor(int i)
{
    switch (i % 4) {
    case 0: // IPv4 /29 inside 10.0.0.0/8
        return IpNetwork(IpAddress::fromV4(0x0a000000u + quint32(i / 4) * 8), 29);
    case 1: // IPv4 /32 inside 100.64.0.0/10... and above
        return IpNetwork(IpAddress::fromV4(0x64400000u + quint32(i / 4)), 32);
    case 2: // IPv6 /64 under 2001:db8::/32
        return IpNetwork(IpAddress::fromWords(Q_UINT64_C(0x20010db800000000) + quint64(i / 4), 0),
                         64);
    default: // IPv6 /48 under 2a00::/16
        return IpNetwork(
            IpAddress::fromWords(Q_UINT64_C(0x2a00000000000000) + (quint64(i / 4) << 16), 0), 48);
    }
}

// An address inside block i.
IpAddress addressIn(int i, QRandomGenerator &random)
{
    const IpNetwork block = blockFor(i);
    const int hostBits = (block.isV4() ? 32 : 128) - block.prefixLength();
    quint64 lo = block.first().lo();
    if (hostBits > 0)
        lo += random.generate64() & (hostBits >= 64 ? ~quint64(0) : ((quint64(1) << hostBits) - 1));
    return IpAddress::fromWords(block.first().hi(), lo);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    QTemporaryDir dir;
    auto opened = CaseStore::open(dir.filePath(QStringLiteral("bench.db")));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    CaseStore &store = **opened;
    AccountRepository repository(store);

    QElapsedTimer timer;
    timer.start();
    store.begin();
    for (int a = 0; a < kAccounts; ++a) {
        CustomerRecord customer;
        customer.accountId = QStringLiteral("B-%1").arg(a);
        customer.name = customer.accountId;
        customer.status = QStringLiteral("active");
        repository.upsertCustomer(customer);
    }
    store.commit();

    const QDateTime start(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < rows; i += kBatch) {
        if (Status status = store.begin(); !status) {
            std::fprintf(stderr, "%s\n", qPrintable(status.error()));
            return 1;
        }
        for (int j = i; j < qMin(rows, i + kBatch); ++j) {
            IpAssignmentRecord record;
            record.accountId = QStringLiteral("B-%1").arg(j % kAccounts);
            record.prefix = blockFor(j);
            record.validity.from = start.addDays(j % 1000);
            record.serviceId = QStringLiteral("S-%1").arg(j);
            Result<UpsertOutcome> outcome = repository.upsertAssignment(record);
            if (!outcome) {
                std::fprintf(stderr, "%s\n", qPrintable(outcome.error()));
                return 1;
            }
        }
        store.commit();
    }
    const qint64 insertMs = timer.elapsed();
    std::printf("inserted %d assignments (%d accounts) in %.2f s: %.0f rows/s\n", rows, kAccounts,
                insertMs / 1000.0, rows / (insertMs / 1000.0));

    QRandomGenerator random(42);
    const QDateTime at(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
    constexpr int kLookups = 200000;
    int hits = 0;
    timer.restart();
    for (int n = 0; n < kLookups; ++n) {
        const IpAddress address = addressIn(int(random.bounded(rows)), random);
        Result<QList<IpAssignmentRecord>> found = repository.assignmentsAt(address, at);
        hits += found && !found->isEmpty() ? 1 : 0;
    }
    const qint64 hitMs = timer.elapsed();
    std::printf("%d lookups of assigned addresses at a time (%d found) in %.2f s: %.0f "
                "lookups/s\n",
                kLookups, hits, hitMs / 1000.0, kLookups / (hitMs / 1000.0));

    int misses = 0;
    timer.restart();
    for (int n = 0; n < kLookups; ++n) {
        const IpAddress address = IpAddress::fromV4(0xc6336400u + quint32(random.bounded(256)));
        Result<QList<IpAssignmentRecord>> found = repository.assignmentsAt(address, at);
        misses += found && found->isEmpty() ? 1 : 0;
    }
    const qint64 missMs = timer.elapsed();
    std::printf("%d lookups of unassigned addresses (%d not found) in %.2f s: %.0f lookups/s\n",
                kLookups, misses, missMs / 1000.0, kLookups / (missMs / 1000.0));

    timer.restart();
    Result<IpNetworkSet> ours = repository.ourNetworks();
    const qint64 oursMs = timer.elapsed();
    std::printf("ourNetworks(): %lld networks loaded in %.2f s\n",
                ours ? static_cast<long long>(ours->size()) : -1LL, oursMs / 1000.0);
    return 0;
}
