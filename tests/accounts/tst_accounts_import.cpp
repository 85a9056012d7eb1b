// AccountImporter and AccountRepository: the demo export, bad rows, reassignments, IPv6 prefixes,
// overlaps, idempotence and the lookups behind correlation.
#include "accounts_test_support.h"

#include <QTest>

using namespace Awb;
using namespace Awb::Test;

class TestAccountsImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void demoImportsCleanly();
    void reimportChangesNothing();
    void changedRowIsUpdated();
    void badRows_data();
    void badRows();
    void wholeFileRejections();
    void extraColumnsAndHostBitsAreNoted();
    void reassignedAddressResolvesByTime_data();
    void reassignedAddressResolvesByTime();
    void ipv6PrefixesOfSeveralLengths_data();
    void ipv6PrefixesOfSeveralLengths();
    void overlapsAreDataErrors();
    void domainsMatchSubdomainsByTime();
    void ourNetworksComeFromAssignments();

private:
    QString write(const char *name, const QByteArray &bytes)
    {
        return writeFile(*m_dir, QLatin1String(name), bytes);
    }
    AccountImportSummary import(const QStringList &paths)
    {
        AccountRepository repository(*m_store);
        Result<AccountImportSummary> summary = AccountImporter(repository).importFiles(paths);
        if (!summary)
            qWarning("%s", qPrintable(summary.error()));
        return summary ? *summary : AccountImportSummary{-1, -1, {}, {}, {}, {}};
    }
    QStringList accountsAt(const char *ip, const QDateTime &at)
    {
        QStringList ids;
        const auto rows = AccountRepository(*m_store).assignmentsAt(
            *IpAddress::parse(QString::fromLatin1(ip)), at);
        for (const IpAssignmentRecord &r : *rows)
            ids << r.accountId + QLatin1Char(' ') + r.prefix.toString();
        return ids;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseStore> m_store;
};

static const QByteArray kCustomers = "account_id,name,status\n"
                                     "A-1,Alpha,active\n"
                                     "B-2,Beta,active\n"
                                     "C-3,Gamma,suspended\n";

void TestAccountsImport::init()
{
    m_store.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = openStore(*m_dir);
    QVERIFY(m_store);
}

void TestAccountsImport::demoImportsCleanly()
{
    const AccountImportSummary summary = import(demoAccountFiles());
    QCOMPARE(summary.rejected.size(), 0);
    QCOMPARE(summary.dataErrors.size(), 0);
    QCOMPARE(summary.notes.size(), 0);
    QCOMPARE(summary.imported, 7 + 10 + 8 + 4);
    QCOMPARE(summary.unchanged, 0);

    AccountRepository repository(*m_store);
    const auto northwind = repository.customer(QStringLiteral("IXC-10042"));
    QVERIFY(northwind && *northwind);
    QCOMPARE((*northwind)->name, QStringLiteral("Northwind Mailers Ltd"));
    QCOMPARE((*northwind)->prepaidCents.value_or(-1), qint64(84000));
    QCOMPARE((*northwind)->createdAt, utc(2025, 2, 20));
    const auto bluefin = repository.customer(QStringLiteral("IXC-10088"));
    QCOMPARE((*bluefin)->name, QStringLiteral("Bluefin Media Group, Inc."));
    QCOMPARE((*bluefin)->status, QStringLiteral("suspended"));
    QCOMPARE((*bluefin)->prepaidCents.value_or(-1), qint64(4550));
    QCOMPARE((*repository.customer(QStringLiteral("IXC-10133")))->name,
             QStringLiteral("Kowloon \"Night Owl\" Studios"));
    QCOMPARE((*repository.customer(QStringLiteral("IXC-10120")))->name,
             QStringLiteral("Tsim Sha Tsui 貿易 Ltd"));

    // The one date-time with a zone: 10:15 at +08:00 is 02:15 UTC.
    const auto lumen = repository.assignments(QStringLiteral("IXC-10101"));
    QVERIFY(lumen);
    QCOMPARE(lumen->size(), 2);
    bool found = false;
    for (const IpAssignmentRecord &a : *lumen) {
        if (a.prefix.toString() == u"203.0.113.72/32") {
            QCOMPARE(a.validity.from, utc(2025, 11, 3, 2, 15));
            found = true;
        }
    }
    QVERIFY(found);

    const auto history = repository.history(QStringLiteral("IXC-10042"));
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().action, QStringLiteral("warning"));
    QCOMPARE(history->first().clause, QStringLiteral("3.1"));
    QCOMPARE(history->first().source, QStringLiteral("import"));
    // The old holder's history is not the bakery's.
    QCOMPARE(repository.history(QStringLiteral("IXC-10077"))->size(), 0);
    QVERIFY(m_store->checkIntegrity());
}

void TestAccountsImport::reimportChangesNothing()
{
    QCOMPARE(import(demoAccountFiles()).imported, 29);
    // Another order (history first): customers still go first, and nothing changes.
    QStringList reversed = demoAccountFiles();
    std::reverse(reversed.begin(), reversed.end());
    const AccountImportSummary again = import(reversed);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.unchanged, 29);
    QVERIFY(again.rejected.isEmpty());
    QCOMPARE(again.files.first().kind, QStringLiteral("customers"));
    QCOMPARE(*AccountRepository(*m_store).assignmentCount(), qint64(10));
}

void TestAccountsImport::changedRowIsUpdated()
{
    const QString customers = write("customers.csv", kCustomers);
    const QString open = write("a.csv", "account_id,prefix,valid_from,valid_to\n"
                                        "A-1,192.0.2.0/24,2025-01-01,\n");
    QCOMPARE(import({customers, open}).imported, 4);
    const QString closed = write("b.csv", "account_id,prefix,valid_from,valid_to\n"
                                          "A-1,192.0.2.0/24,2025-01-01,2025-12-31\n");
    const AccountImportSummary summary = import({customers, closed});
    QCOMPARE(summary.imported, 1);
    QCOMPARE(summary.unchanged, 3);
    QCOMPARE(accountsAt("192.0.2.9", utc(2026, 1, 1)), QStringList());
    QCOMPARE(accountsAt("192.0.2.9", utc(2025, 12, 31, 23, 59)), QStringList{"A-1 192.0.2.0/24"});
}

void TestAccountsImport::badRows_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("reason");
    const QByteArray a = "account_id,prefix,valid_from,valid_to\n";
    QTest::newRow("bad prefix") << a + "A-1,192.0.2.300/24,2025-01-01,\n"
                                << "not an IPv4";
    QTest::newRow("prefix too long") << a + "A-1,192.0.2.0/33,2025-01-01,\n"
                                     << "not an IPv4";
    QTest::newRow("bad date") << a + "A-1,192.0.2.0/24,01/02/2025,\n"
                              << "not an ISO 8601";
    QTest::newRow("ends before it starts") << a + "A-1,192.0.2.0/24,2025-01-02,2025-01-01\n"
                                           << "before valid_from";
    QTest::newRow("no valid_from") << a + "A-1,192.0.2.0/24,,\n"
                                   << "valid_from is empty";
    QTest::newRow("unknown account") << a + "Z-9,192.0.2.0/24,2025-01-01,\n"
                                     << "Z-9 is not among the customers";
    QTest::newRow("field count") << a + "A-1,192.0.2.0/24,2025-01-01\n"
                                 << "3 fields";
    QTest::newRow("broken quote") << a + "A-1,\"192.0.2.0/24\"x,2025-01-01,\n"
                                  << "after the closing quote";
    const QByteArray c = "account_id,name,status,prepaid_usd\n";
    QTest::newRow("bad status") << c + "D-4,Delta,closed,1.00\n"
                                << "status “closed”";
    QTest::newRow("bad money") << c + "D-4,Delta,active,\"1,000.00\"\n"
                               << "prepaid_usd";
    QTest::newRow("no name") << c + "D-4,,active,1.00\n"
                             << "name is empty";
    const QByteArray h = "account_id,date,action,clause\n";
    QTest::newRow("bad action") << h + "A-1,2025-01-01,fine,3.1\n"
                                << "action “fine”";
    const QByteArray d = "account_id,domain,valid_from\n";
    QTest::newRow("bad domain") << d + "A-1,not a domain,2025-01-01\n"
                                << "not a domain name";
}

void TestAccountsImport::badRows()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, reason);
    const QString customers = write("customers.csv", kCustomers);
    // The bad row is line 2; a good row of the same kind follows on line 3 and still imports.
    QByteArray good;
    if (csv.startsWith("account_id,prefix"))
        good = "B-2,198.51.100.0/24,2025-01-01,\n";
    else if (csv.startsWith("account_id,name"))
        good = "E-5,Epsilon,active,2.50\n";
    else if (csv.startsWith("account_id,date"))
        good = "A-1,2025-01-01,warning,3.1\n";
    else
        good = "A-1,alpha.example,2025-01-01\n";
    const QString path = write("bad.csv", csv + good);
    const AccountImportSummary summary = import({customers, path});
    QCOMPARE(summary.rejected.size(), 1);
    QCOMPARE(summary.rejected.first().file, path);
    QCOMPARE(summary.rejected.first().line, 2);
    QVERIFY2(summary.rejected.first().reason.contains(reason),
             qPrintable(summary.rejected.first().reason));
    QCOMPARE(summary.imported, 3 + 1);
}

void TestAccountsImport::wholeFileRejections()
{
    const QString unknown = write("x.csv", "id,foo\n1,2\n");
    const QString empty = write("empty.csv", "");
    const QString latin1 = write("latin1.csv", "account_id,name,status\nX,Caf\xe9,active\n");
    const AccountImportSummary summary =
        import({unknown, empty, latin1, m_dir->filePath(QStringLiteral("missing.csv"))});
    QCOMPARE(summary.rejected.size(), 4);
    QCOMPARE(summary.rejected.at(0).line, 1);
    QVERIFY(summary.rejected.at(0).reason.contains(QLatin1String("not an account file")));
    QVERIFY(summary.rejected.at(1).reason.contains(QLatin1String("empty")));
    QVERIFY(summary.rejected.at(2).reason.contains(QLatin1String("UTF-8")));
    QVERIFY(summary.rejected.at(3).reason.contains(QLatin1String("cannot read")));
    QCOMPARE(summary.imported, 0);
}

void TestAccountsImport::extraColumnsAndHostBitsAreNoted()
{
    const QString customers = write("customers.csv", kCustomers);
    const QString path = write("a.csv", "\xef\xbb\xbfprefix,rack,account_id,valid_from\r\n"
                                        "192.0.2.5/24,R12,A-1,2025-01-01\r\n");
    const AccountImportSummary summary = import({customers, path});
    QVERIFY(summary.rejected.isEmpty());
    QCOMPARE(summary.notes.size(), 2);
    QCOMPARE(summary.notes.at(0).line, 1);
    QVERIFY(summary.notes.at(0).text.contains(QLatin1String("rack")));
    QCOMPARE(summary.notes.at(1).line, 2);
    QVERIFY(summary.notes.at(1).text.contains(QLatin1String("stored as 192.0.2.0/24")));
    QCOMPARE(accountsAt("192.0.2.200", QDateTime()), QStringList{"A-1 192.0.2.0/24"});
}

void TestAccountsImport::reassignedAddressResolvesByTime_data()
{
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QStringList>("accounts");
    const QStringList quayside{"IXC-10015 203.0.113.40/32"};
    const QStringList bakery{"IXC-10077 203.0.113.40/32"};
    QTest::newRow("before any assignment") << utc(2024, 1, 21, 23, 59) << QStringList();
    QTest::newRow("May 2026 complaint") << utc(2026, 5, 19, 21, 14, 5) << quayside;
    QTest::newRow("last second of 31 May") << utc(2026, 5, 31, 23, 59, 59) << quayside;
    QTest::newRow("first second of 1 June") << utc(2026, 6, 1) << bakery;
    QTest::newRow("November 2026 phish") << utc(2026, 11, 9, 3, 12, 45) << bakery;
    QTest::newRow("any time") << QDateTime() << quayside + bakery;
}

void TestAccountsImport::reassignedAddressResolvesByTime()
{
    QFETCH(QDateTime, at);
    QFETCH(QStringList, accounts);
    QVERIFY(import(demoAccountFiles()).rejected.isEmpty());
    QCOMPARE(accountsAt("203.0.113.40", at), accounts);
}

void TestAccountsImport::ipv6PrefixesOfSeveralLengths_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QStringList>("accounts");
    QTest::newRow("/128") << "2001:db8:1:2:3:4:5:6"
                          << QStringList{"C-3 2001:db8:1:2:3:4:5:6/128", "B-2 2001:db8:1:2::/64",
                                         "A-1 2001:db8::/32"};
    QTest::newRow("/64") << "2001:db8:1:2::1"
                         << QStringList{"B-2 2001:db8:1:2::/64", "A-1 2001:db8::/32"};
    QTest::newRow("/48 end") << "2001:db8:ff:ffff:ffff:ffff:ffff:ffff"
                             << QStringList{"B-2 2001:db8:ff::/48", "A-1 2001:db8::/32"};
    QTest::newRow("/56") << "2001:db8:abcd:1200::9"
                         << QStringList{"C-3 2001:db8:abcd:1200::/56", "A-1 2001:db8::/32"};
    QTest::newRow("/127 pair") << "2001:db8:9::1"
                               << QStringList{"C-3 2001:db8:9::/127", "A-1 2001:db8::/32"};
    QTest::newRow("just outside /32") << "2001:db9::" << QStringList();
    QTest::newRow("IPv4 never matches IPv6") << "0.0.0.1" << QStringList();
}

void TestAccountsImport::ipv6PrefixesOfSeveralLengths()
{
    QFETCH(QString, ip);
    QFETCH(QStringList, accounts);
    // Nested blocks of different accounts at different times are no data error; with an
    // invalid time every period is returned, most specific block first.
    const QString customers = write("customers.csv", kCustomers);
    const QString path = write("v6.csv", "account_id,prefix,valid_from,valid_to\n"
                                         "A-1,2001:db8::/32,2020-01-01,2020-12-31\n"
                                         "B-2,2001:DB8:1:2::/64,2021-01-01,2021-12-31\n"
                                         "B-2,2001:db8:ff::/48,2021-01-01,2021-12-31\n"
                                         "C-3,2001:db8:1:2:3:4:5:6,2022-01-01,\n"
                                         "C-3,2001:db8:abcd:1200::/56,2022-01-01,\n"
                                         "C-3,[2001:db8:9::]/127,2022-01-01,\n"
                                         "A-1,0.0.0.0/8,2022-01-01,\n");
    const AccountImportSummary summary = import({customers, path});
    QVERIFY(summary.rejected.isEmpty());
    QVERIFY(summary.dataErrors.isEmpty());
    QStringList found = accountsAt(ip.toLatin1().constData(), QDateTime());
    if (ip == u"0.0.0.1")
        found.removeAll(QStringLiteral("A-1 0.0.0.0/8"));
    QCOMPARE(found, accounts);
    // At one time only the block valid then answers.
    if (ip == u"2001:db8:1:2:3:4:5:6")
        QCOMPARE(accountsAt("2001:db8:1:2:3:4:5:6", utc(2021, 6, 1)),
                 QStringList{"B-2 2001:db8:1:2::/64"});
}

void TestAccountsImport::overlapsAreDataErrors()
{
    const QString customers = write("customers.csv", kCustomers);
    const QString path = write("overlap.csv", "account_id,prefix,valid_from,valid_to\n"
                                              "A-1,203.0.113.8/29,2025-03-01,\n"
                                              "A-1,203.0.113.12/32,2025-03-01,\n"
                                              "B-2,203.0.113.12/32,2026-10-01,2026-10-31\n"
                                              "C-3,203.0.113.0/24,2020-01-01,2025-02-28\n"
                                              "C-3,203.0.113.100/32,2026-01-01,\n");
    const AccountImportSummary summary = import({customers, path});
    QVERIFY(summary.rejected.isEmpty());
    // B-2's /32 overlaps both of A-1's rows at once; the same account nested (lines 2 and 3),
    // the /24 that ended before (line 5) and a disjoint block (line 6) are no error.
    QCOMPARE(summary.dataErrors.size(), 2);
    for (const AccountDataError &e : summary.dataErrors) {
        QCOMPARE(e.second.line, 4);
        QVERIFY(e.first.line == 2 || e.first.line == 3);
        QVERIFY2(e.message.contains(QLatin1String("203.0.113.12/32")), qPrintable(e.message));
        QVERIFY(e.message.contains(QLatin1String("A-1")) && e.message.contains("B-2"));
        QVERIFY(e.message.contains(QStringLiteral("overlap.csv line 4")));
    }
    // Both rows are stored; a lookup in October 2026 gives both accounts.
    const QStringList october = accountsAt("203.0.113.12", utc(2026, 10, 15));
    QCOMPARE(october.size(), 3);
    QVERIFY(october.contains(QStringLiteral("B-2 203.0.113.12/32")));
    QVERIFY(october.contains(QStringLiteral("A-1 203.0.113.8/29")));
    // A re-import changes nothing and still names the contradiction.
    const AccountImportSummary again = import({customers, path});
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.dataErrors.size(), 2);
}

void TestAccountsImport::domainsMatchSubdomainsByTime()
{
    QVERIFY(import(demoAccountFiles()).rejected.isEmpty());
    AccountRepository repository(*m_store);
    auto ids = [&](const char *host, const QDateTime &at) {
        QStringList out;
        const Result<QList<HostedDomainRecord>> found =
            repository.domainsAt(QLatin1String(host), at);
        for (const HostedDomainRecord &d : *found)
            out << d.accountId + QLatin1Char(' ') + d.domain;
        return out;
    };
    QCOMPARE(ids("deals.northwind-deals.example", utc(2026, 11, 2)),
             QStringList{"IXC-10042 northwind-deals.example"});
    QCOMPARE(ids("NW-Mailers.example.", utc(2026, 1, 31, 12)),
             QStringList{"IXC-10042 nw-mailers.example"});
    QCOMPARE(ids("nw-mailers.example", utc(2026, 2, 1)), QStringList());
    QCOMPARE(ids("quayside-print.example", utc(2026, 11, 9)), QStringList());
    QCOMPARE(ids("quayside-print.example", utc(2026, 5, 19)),
             QStringList{"IXC-10015 quayside-print.example"});
    QCOMPARE(ids("xnorthwind-deals.example", utc(2026, 11, 2)), QStringList());
}

void TestAccountsImport::ourNetworksComeFromAssignments()
{
    QVERIFY(import(demoAccountFiles()).rejected.isEmpty());
    Result<IpNetworkSet> ours = AccountRepository(*m_store).ourNetworks();
    QVERIFY(ours);
    QCOMPARE(ours->size(), 9); // ten rows, 203.0.113.40/32 twice
    for (const char *ip : {"203.0.113.12", "203.0.113.40", "2001:db8:1c:4::25", "203.0.113.80"})
        QVERIFY2(ours->contains(*IpAddress::parse(QString::fromLatin1(ip))), ip);
    for (const char *ip : {"203.0.113.16", "198.51.100.77", "2001:db8:1c:5::1"})
        QVERIFY2(!ours->contains(*IpAddress::parse(QString::fromLatin1(ip))), ip);
}

QTEST_GUILESS_MAIN(TestAccountsImport)
#include "tst_accounts_import.moc"
