// Not a test: what attributing earlier listings adds to an import of the account directory.
// Writes an ip_assignments CSV of ROWS distinct blocks (IPv4 /29 and /32, IPv6 /64 and /48, as
// tests/accounts/bench_ip_lookup does) for 10,000 accounts, stores LISTINGS listings without an
// account (half single addresses inside the blocks, half /27 ranges, as notices grouped before
// the directory leave them), then times AccountImporter on the CSV (which attributes them), and
// the attribution pass alone again once everything is attributed (the cost every later import
// of an assignments or domains file pays).
// Run it from a Release build: bench/bench_listing_attribution [ROWS] [LISTINGS]
#include "accounts/account_importer.h"
#include "accounts/listing_attribution.h"
#include "store/account_repository.h"
#include "store/case_store.h"
#include "store/listing_repository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace Awb;

namespace {

constexpr int kAccounts = 10000;

IpNetwork blockFor(int i)
{
    switch (i % 4) {
    case 0:
        return IpNetwork(IpAddress::fromV4(0x0a000000u + quint32(i / 4) * 8), 29);
    case 1:
        return IpNetwork(IpAddress::fromV4(0x64400000u + quint32(i / 4)), 32);
    case 2:
        return IpNetwork(IpAddress::fromWords(Q_UINT64_C(0x20010db800000000) + quint64(i / 4), 0),
                         64);
    default:
        return IpNetwork(
            IpAddress::fromWords(Q_UINT64_C(0x2a00000000000000) + (quint64(i / 4) << 16), 0), 48);
    }
}

int fail(const QString &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(error));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    const int listingCount = argc > 2 ? QByteArray(argv[2]).toInt() : 2000;
    QTemporaryDir dir;
    const QString customersCsv = dir.filePath(QStringLiteral("customers.csv"));
    const QString assignmentsCsv = dir.filePath(QStringLiteral("ip_assignments.csv"));
    {
        QFile customers(customersCsv);
        QFile assignments(assignmentsCsv);
        if (!customers.open(QIODevice::WriteOnly) || !assignments.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write the CSV files"));
        customers.write("account_id,name,email,status,created_at,country,prepaid_usd\n");
        for (int a = 0; a < kAccounts; ++a)
            customers.write(
                QStringLiteral("B-%1,Bench %1,,active,2020-01-01,HK,0.00\n").arg(a).toUtf8());
        assignments.write("account_id,prefix,valid_from,valid_to,service_id\n");
        const QDate start(2020, 1, 1);
        for (int i = 0; i < rows; ++i)
            assignments.write(
                QStringLiteral("B-%1,%2,%3,,S-%4\n")
                    .arg(i % kAccounts)
                    .arg(blockFor(i).toString(), start.addDays(i % 1000).toString(Qt::ISODate))
                    .arg(i)
                    .toUtf8());
    }

    auto opened = CaseStore::open(dir.filePath(QStringLiteral("bench.db")));
    if (!opened)
        return fail(opened.error());
    CaseStore &store = **opened;
    AccountRepository repository(store);
    if (auto imported = AccountImporter(repository).importFiles({customersCsv}); !imported)
        return fail(imported.error());

    // Listings of the IPv4 /29 blocks (every 4th row), before any block is known.
    QList<StoredListing> listings;
    for (int n = 0; n < listingCount; ++n) {
        const int i = 4 * int((qint64(n) * (rows / 4)) / qMax(1, listingCount));
        StoredListing l;
        l.listName = QStringLiteral("Spamhaus SBL");
        l.addressOrRange =
            n % 2 ? blockFor(i).first().toString() : IpNetwork(blockFor(i).first(), 27).toString();
        l.verdict = QStringLiteral("listed");
        l.checkedAt = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
        l.source = QStringLiteral("report");
        listings << l;
    }
    if (auto added = ListingRepository(store).add(listings); !added)
        return fail(added.error());

    QElapsedTimer timer;
    timer.start();
    auto imported = AccountImporter(repository).importFiles({assignmentsCsv});
    if (!imported)
        return fail(imported.error());
    const qint64 importMs = timer.elapsed();
    std::printf("imported %d assignments with %d earlier listings in %.2f s (%d attributions)\n",
                rows, listingCount, importMs / 1000.0, imported->listingsAttributed);

    timer.restart();
    if (Status begun = store.begin(); !begun)
        return fail(begun.error());
    auto again = attributeRecordedListings(store, QStringLiteral("bench"));
    if (!again)
        return fail(again.error());
    if (Status committed = store.commit(); !committed)
        return fail(committed.error());
    std::printf("attribution pass over %d listings, nothing new (%d): %.3f s\n", listingCount,
                *again, timer.elapsed() / 1000.0);
    return 0;
}
