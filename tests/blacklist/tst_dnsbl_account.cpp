// awb dnsbl --db --account end to end, and the ListingRepository it records into. The account
// directory is the demo data (resources/demo/accounts); the DNS server is the loopback one this
// test starts, asked with --nameserver, and every zone is under the reserved .test TLD, so
// nothing here reaches the internet.
#include "cli_runner.h"
#include "loopback_dns_server.h"

#include "accounts/account_importer.h"
#include "store/account_repository.h"
#include "store/case_store.h"
#include "store/listing_repository.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

class TestDnsblAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listedAddressIsRecorded();
    void prefixesAreExpandedOrSampled();
    void unknownAccountIsNamed();
    void usageErrors_data();
    void usageErrors();
    void repositoryRoundTrip();
    void repositoryBatchIsAtomic();

private:
    // Like runAwb(), but keeps this thread's event loop turning so that the server answers.
    CliRun run(const QStringList &arguments);
    QStringList accountArguments(const QString &accountId) const;
    QList<QJsonObject> jsonLines(const QByteArray &out) const;

    LoopbackDnsServer m_server;
    QTemporaryDir m_dir;
    QString m_db;
};

namespace {

const QString kZone = QStringLiteral("account.dnsbl.test");

} // namespace

void TestDnsblAccount::initTestCase()
{
    QVERIFY2(QFileInfo::exists(awbPath()), qPrintable(awbPath()));
    QVERIFY(m_dir.isValid());
    // Not a skip: without the server the command is untested, and that must show as a failure.
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_server.addA(QStringLiteral("40.113.0.203.") + kZone, QStringLiteral("127.0.0.2"));
    m_server.addTxt(QStringLiteral("40.113.0.203.") + kZone, QStringLiteral("Listed for the test"));

    m_db = m_dir.filePath(QStringLiteral("case.awb"));
    auto store = CaseStore::open(m_db);
    QVERIFY2(store, qPrintable(store.error()));
    AccountRepository accounts(**store);
    AccountImporter importer(accounts);
    const QDir demo(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/accounts"));
    QStringList paths;
    for (const QString &name : demo.entryList({QStringLiteral("*.csv")}, QDir::Files))
        paths << demo.filePath(name);
    QCOMPARE(paths.size(), 4);
    Result<AccountImportSummary> summary = importer.importFiles(paths);
    QVERIFY2(summary, qPrintable(summary.error()));
    QVERIFY(summary->rejected.isEmpty());
}

CliRun TestDnsblAccount::run(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(awbPath(), arguments);
    CliRun result;
    if (!process.waitForStarted(5000) || !finished.wait(20000)) {
        process.kill();
        process.waitForFinished(1000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList TestDnsblAccount::accountArguments(const QString &accountId) const
{
    return {QStringLiteral("dnsbl"),
            QStringLiteral("--db"),
            m_db,
            QStringLiteral("--account"),
            accountId,
            QStringLiteral("--zone"),
            kZone,
            QStringLiteral("--nameserver"),
            m_server.address().toString(),
            QStringLiteral("--timeout"),
            QStringLiteral("2000")};
}

QList<QJsonObject> TestDnsblAccount::jsonLines(const QByteArray &out) const
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.trimmed().split('\n'))
        objects << QJsonDocument::fromJson(line).object();
    return objects;
}

void TestDnsblAccount::listedAddressIsRecorded()
{
    const CliRun result =
        run(accountArguments(QStringLiteral("IXC-10077")) + QStringList{QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, result.err + result.out);
    const QList<QJsonObject> lines = jsonLines(result.out);
    QCOMPARE(lines.size(), 1);
    const QJsonObject listed = lines.first();
    QCOMPARE(listed.value(u"address").toString(), QStringLiteral("203.0.113.40"));
    QCOMPARE(listed.value(u"zone").toString(), kZone);
    QCOMPARE(listed.value(u"verdict").toString(), QStringLiteral("listed"));
    QCOMPARE(listed.value(u"return_codes").toArray(), QJsonArray{QStringLiteral("127.0.0.2")});
    QCOMPARE(listed.value(u"txt").toString(), QStringLiteral("Listed for the test"));
    QCOMPARE(listed.value(u"account_id").toString(), QStringLiteral("IXC-10077"));
    QCOMPARE(listed.value(u"prefix").toString(), QStringLiteral("203.0.113.40/32"));
    QVERIFY(!listed.contains(u"note"));
    QVERIFY(m_server.queries().contains(QStringLiteral("40.113.0.203.") + kZone +
                                        QStringLiteral(" A")));

    auto store = CaseStore::open(m_db);
    QVERIFY2(store, qPrintable(store.error()));
    ListingRepository listings(**store);
    Result<QList<StoredListing>> rows = listings.forAccount(QStringLiteral("IXC-10077"));
    QVERIFY2(rows, qPrintable(rows.error()));
    QCOMPARE(rows->size(), 1);
    const StoredListing &row = rows->first();
    QCOMPARE(row.accountId, QStringLiteral("IXC-10077"));
    QCOMPARE(row.zone, kZone);
    QCOMPARE(row.listName, kZone); // a zone without list data is named by its zone
    QCOMPARE(row.addressOrRange, QStringLiteral("203.0.113.40"));
    QCOMPARE(row.returnCodes, QStringList{QStringLiteral("127.0.0.2")});
    QCOMPARE(row.verdict, QStringLiteral("listed"));
    QCOMPARE(row.source, QStringLiteral("dnsbl"));
    QCOMPARE(row.meaning, listed.value(u"meaning").toString());
    QCOMPARE(row.checkedAt.toString(Qt::ISODate), listed.value(u"checked_at").toString());
    QVERIFY(!row.evidenceId);
}

void TestDnsblAccount::prefixesAreExpandedOrSampled()
{
    // IXC-10042 holds 203.0.113.8/29 (8 addresses, each checked) and 2001:db8:1c:2::/64 (only
    // its first address checked, and the output says so).
    const CliRun result =
        run(accountArguments(QStringLiteral("IXC-10042")) + QStringList{QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, result.err + result.out);
    const QList<QJsonObject> lines = jsonLines(result.out);
    QCOMPARE(lines.size(), 9);
    QStringList addresses;
    for (const QJsonObject &line : lines) {
        addresses << line.value(u"address").toString();
        QCOMPARE(line.value(u"verdict").toString(), QStringLiteral("not-listed"));
        QCOMPARE(line.value(u"account_id").toString(), QStringLiteral("IXC-10042"));
    }
    for (int host = 8; host < 16; ++host)
        QVERIFY2(addresses.contains(QStringLiteral("203.0.113.%1").arg(host)),
                 qPrintable(addresses.join(u' ')));
    QVERIFY(addresses.contains(QStringLiteral("2001:db8:1c:2::")));
    for (const QJsonObject &line : lines) {
        if (line.value(u"address").toString() == u"2001:db8:1c:2::") {
            QCOMPARE(line.value(u"prefix").toString(), QStringLiteral("2001:db8:1c:2::/64"));
            QVERIFY2(line.value(u"note").toString().contains(u"only its first address"),
                     qPrintable(line.value(u"note").toString()));
        } else {
            QCOMPARE(line.value(u"prefix").toString(), QStringLiteral("203.0.113.8/29"));
            QVERIFY(!line.contains(u"note"));
        }
    }

    // The text output says it too.
    const CliRun text = run(accountArguments(QStringLiteral("IXC-10042")));
    QVERIFY2(text.exitCode == 0, text.err);
    QVERIFY2(text.out.contains("note: 2001:db8:1c:2::/64 is larger than one address; only its "
                               "first address, 2001:db8:1c:2::, was checked"),
             text.out);

    // Not-listed answers are listings too: both runs recorded all nine.
    auto store = CaseStore::open(m_db);
    QVERIFY2(store, qPrintable(store.error()));
    Result<QList<StoredListing>> rows =
        ListingRepository(**store).forAccount(QStringLiteral("IXC-10042"));
    QVERIFY2(rows, qPrintable(rows.error()));
    QCOMPARE(rows->size(), 18);
    for (const StoredListing &row : *rows) {
        QCOMPARE(row.verdict, QStringLiteral("not-listed"));
        QVERIFY(row.returnCodes.isEmpty());
        QCOMPARE(row.source, QStringLiteral("dnsbl"));
    }
}

void TestDnsblAccount::unknownAccountIsNamed()
{
    const int before = m_server.queries().size();
    const CliRun result = run(accountArguments(QStringLiteral("IXC-99999")));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("no account IXC-99999"), result.err);
    QCOMPARE(m_server.queries().size(), before);
}

void TestDnsblAccount::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("account without db")
        << QStringList{QStringLiteral("--account"), QStringLiteral("IXC-10077")}
        << QStringLiteral("--db and --account go together");
    QTest::newRow("db without account")
        << QStringList{QStringLiteral("--db"), QStringLiteral("x.awb"), QStringLiteral("192.0.2.1")}
        << QStringLiteral("--db and --account go together");
    QTest::newRow("account and addresses")
        << QStringList{QStringLiteral("--db"), QStringLiteral("x.awb"), QStringLiteral("--account"),
                       QStringLiteral("IXC-10077"), QStringLiteral("192.0.2.1")}
        << QStringLiteral("give addresses or --account, not both");
}

void TestDnsblAccount::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(QStringList{QStringLiteral("dnsbl")} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err);
    QVERIFY(result.out.isEmpty());
}

void TestDnsblAccount::repositoryRoundTrip()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("roundtrip.awb")));
    QVERIFY2(store, qPrintable(store.error()));
    CustomerRecord customer;
    customer.accountId = QStringLiteral("IXC-1");
    customer.name = QStringLiteral("Round Trip Ltd");
    customer.status = QStringLiteral("active");
    QVERIFY(AccountRepository(**store).upsertCustomer(customer));

    StoredListing sbl;
    sbl.accountId = QStringLiteral("IXC-1");
    sbl.listName = QStringLiteral("Spamhaus ZEN");
    sbl.zone = QStringLiteral("zen.spamhaus.org");
    sbl.addressOrRange = QStringLiteral("192.0.2.0/24");
    sbl.returnCodes = {QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.4")};
    sbl.meaning = QStringLiteral("127.0.0.2: listed on SBL (Spamhaus Block List)");
    sbl.verdict = QStringLiteral("listed");
    sbl.checkedAt = QDateTime(QDate(2026, 11, 2), QTime(8, 0, 1, 250), Qt::UTC);
    sbl.source = QStringLiteral("history");
    StoredListing unattributed;
    unattributed.listName = QStringLiteral("SpamCop");
    unattributed.zone = QStringLiteral("bl.spamcop.net");
    unattributed.addressOrRange = QStringLiteral("2001:db8::1");
    unattributed.verdict = QStringLiteral("not-listed");
    unattributed.checkedAt = QDateTime(QDate(2026, 11, 1), QTime(9, 30), Qt::UTC);
    unattributed.source = QStringLiteral("dnsbl");

    ListingRepository listings(**store);
    Result<QList<qint64>> ids = listings.add({sbl, unattributed});
    QVERIFY2(ids, qPrintable(ids.error()));
    QCOMPARE(ids->size(), 2);
    sbl.id = ids->at(0);
    unattributed.id = ids->at(1);

    Result<QList<StoredListing>> all = listings.all();
    QVERIFY2(all, qPrintable(all.error()));
    QCOMPARE(all->size(), 2);
    // By checked_at: the unattributed check came first.
    const StoredListing &first = all->at(0);
    QCOMPARE(first.id, unattributed.id);
    QVERIFY(first.accountId.isNull());
    QCOMPARE(first.addressOrRange, unattributed.addressOrRange);
    QVERIFY(first.returnCodes.isEmpty());
    QCOMPARE(first.checkedAt, unattributed.checkedAt);
    QCOMPARE(first.source, QStringLiteral("dnsbl"));
    const StoredListing &second = all->at(1);
    QCOMPARE(second.id, sbl.id);
    QCOMPARE(second.accountId, sbl.accountId);
    QCOMPARE(second.listName, sbl.listName);
    QCOMPARE(second.zone, sbl.zone);
    QCOMPARE(second.addressOrRange, sbl.addressOrRange);
    QCOMPARE(second.returnCodes, sbl.returnCodes);
    QCOMPARE(second.meaning, sbl.meaning);
    QCOMPARE(second.verdict, sbl.verdict);
    QCOMPARE(second.checkedAt, sbl.checkedAt);
    QCOMPARE(second.source, sbl.source);
    QVERIFY(!second.evidenceId);

    Result<QList<StoredListing>> mine = listings.forAccount(QStringLiteral("IXC-1"));
    QVERIFY2(mine, qPrintable(mine.error()));
    QCOMPARE(mine->size(), 1);
    QCOMPARE(mine->first().id, sbl.id);
    Result<QList<StoredListing>> none = listings.forAccount(QStringLiteral("IXC-2"));
    QVERIFY2(none, qPrintable(none.error()));
    QVERIFY(none->isEmpty());
}

void TestDnsblAccount::repositoryBatchIsAtomic()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("atomic.awb")));
    QVERIFY2(store, qPrintable(store.error()));
    StoredListing good;
    good.listName = QStringLiteral("SpamCop");
    good.zone = QStringLiteral("bl.spamcop.net");
    good.addressOrRange = QStringLiteral("192.0.2.1");
    good.verdict = QStringLiteral("not-listed");
    good.checkedAt = QDateTime::currentDateTimeUtc();
    good.source = QStringLiteral("dnsbl");
    StoredListing unknownAccount = good;
    unknownAccount.accountId = QStringLiteral("IXC-404"); // no such customer
    StoredListing badSource = good;
    badSource.source = QStringLiteral("rumour");

    ListingRepository listings(**store);
    QVERIFY(!listings.add({good, unknownAccount}));
    QVERIFY(!listings.add({good, badSource}));
    Result<QList<StoredListing>> all = listings.all();
    QVERIFY2(all, qPrintable(all.error()));
    QVERIFY(all->isEmpty());
}

QTEST_GUILESS_MAIN(TestDnsblAccount)
#include "tst_dnsbl_account.moc"
