// The shared pieces of the account blocklist check (models/blacklist/dnsbl_account_check): which
// addresses of an account are asked about, the [dnsbl] settings, and the listing model that shows
// the answers. The check itself against a DNS server runs in tst_account_blocklist_panel.
#include "blacklist/dnsbl_account_check.h"
#include "itemmodels/account_listing_model.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Awb;

namespace {

QDateTime utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc());
}

IpAssignmentRecord assignment(const char *prefix, const QDateTime &from, const QDateTime &to = {})
{
    IpAssignmentRecord a;
    a.accountId = QStringLiteral("IXC-1");
    a.prefix = *IpNetwork::parse(QString::fromLatin1(prefix));
    a.validity = Validity{from, to};
    return a;
}

} // namespace

class TestDnsblAccountCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targetsAreCapped_data();
    void targetsAreCapped();
    void expiredAssignmentsAreNotChecked();
    void settings_data();
    void settings();
    void listingModel();
};

void TestDnsblAccountCheck::targetsAreCapped_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    QTest::addColumn<bool>("noted");
    QTest::newRow("single address") << "203.0.113.40/32" << 1 << "203.0.113.40" << false;
    QTest::newRow("/30 expanded") << "203.0.113.48/30" << 4 << "203.0.113.48" << false;
    QTest::newRow("/29 expanded") << "203.0.113.8/29" << 8 << "203.0.113.8" << false;
    QTest::newRow("/28 sampled") << "203.0.113.16/28" << 1 << "203.0.113.16" << true;
    QTest::newRow("/16 sampled") << "198.18.0.0/16" << 1 << "198.18.0.0" << true;
    QTest::newRow("IPv6 /128") << "2001:db8::25/128" << 1 << "2001:db8::25" << false;
    QTest::newRow("IPv6 /64 sampled") << "2001:db8:1c:2::/64" << 1 << "2001:db8:1c:2::" << true;
}

void TestDnsblAccountCheck::targetsAreCapped()
{
    QFETCH(QString, prefix);
    QFETCH(int, count);
    QFETCH(QString, first);
    QFETCH(bool, noted);
    const QList<DnsblTarget> targets = dnsblTargets(
        {assignment(prefix.toLatin1().constData(), utc(2025, 1, 1))}, utc(2026, 11, 20));
    QCOMPARE(targets.size(), count);
    QCOMPARE(targets.first().address.toString(), first);
    QCOMPARE(targets.first().prefix, IpNetwork::parse(prefix)->toString());
    QCOMPARE(!targets.first().note.isEmpty(), noted);
    if (noted)
        QVERIFY2(targets.first().note.contains(QStringLiteral("only its first address")),
                 qPrintable(targets.first().note));
}

void TestDnsblAccountCheck::expiredAssignmentsAreNotChecked()
{
    // An address that went to another customer is not this account's to check any more; one
    // held twice (two rows of one block) is checked once.
    const QList<DnsblTarget> targets =
        dnsblTargets({assignment("203.0.113.40/32", utc(2024, 1, 22), utc(2026, 5, 31)),
                      assignment("203.0.113.80/32", utc(2026, 8, 3)),
                      assignment("203.0.113.80/32", utc(2026, 8, 3))},
                     utc(2026, 11, 20));
    QCOMPARE(targets.size(), 1);
    QCOMPARE(targets.first().address.toString(), QStringLiteral("203.0.113.80"));
}

void TestDnsblAccountCheck::settings_data()
{
    QTest::addColumn<QString>("ini");
    QTest::addColumn<QStringList>("zones");
    QTest::addColumn<QString>("nameserver");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<QString>("error");
    const QStringList defaults{QStringLiteral("zen.spamhaus.org"),
                               QStringLiteral("bl.spamcop.net")};
    QTest::newRow("nothing set") << "" << defaults << "" << 5000 << "";
    QTest::newRow("all set") << "[dnsbl]\nzones=bl.spamcop.net, custom.dnsbl.test\n"
                                "nameserver=127.0.0.53\ntimeoutMs=1500\n"
                             << QStringList{"bl.spamcop.net", "custom.dnsbl.test"} << "127.0.0.53"
                             << 1500 << "";
    QTest::newRow("one zone") << "[dnsbl]\nzones=ZEN.Spamhaus.org.\n"
                              << QStringList{"zen.spamhaus.org"} << "" << 5000 << "";
    QTest::newRow("defunct zone") << "[dnsbl]\nzones=zen.spamhaus.org, dnsbl.sorbs.net\n"
                                  << QStringList{} << "" << 0
                                  << "[dnsbl] zones: dnsbl.sorbs.net: SORBS is defunct";
    QTest::newRow("domain list") << "[dnsbl]\nzones=dbl.spamhaus.org\n"
                                 << QStringList{} << "" << 0 << "[dnsbl] zones: dbl.spamhaus.org";
    QTest::newRow("bad nameserver")
        << "[dnsbl]\nnameserver=ns1.example\n"
        << QStringList{} << "" << 0 << "[dnsbl] nameserver: not an IP address: ns1.example";
    QTest::newRow("bad timeout") << "[dnsbl]\ntimeoutMs=-3\n"
                                 << QStringList{} << "" << 0
                                 << "[dnsbl] timeoutMs: not a positive number";
}

void TestDnsblAccountCheck::settings()
{
    QFETCH(QString, ini);
    QFETCH(QStringList, zones);
    QFETCH(QString, nameserver);
    QFETCH(int, timeout);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(ini.toUtf8());
    file.close();
    const Result<DnsblSettings> read =
        DnsblSettings::fromSettings(QSettings(path, QSettings::IniFormat));
    if (!error.isEmpty()) {
        QVERIFY(!read);
        QVERIFY2(read.error().startsWith(error), qPrintable(read.error()));
        return;
    }
    QVERIFY2(read, qPrintable(read.error()));
    QStringList names;
    for (const DnsblZone &zone : read->zones)
        names << zone.zone;
    QCOMPARE(names, zones);
    QCOMPARE(read->nameserver.isNull() ? QString() : read->nameserver.toString(), nameserver);
    QCOMPARE(read->timeoutMs, timeout);
}

void TestDnsblAccountCheck::listingModel()
{
    AccountListingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StoredListing notice;
    notice.accountId = QStringLiteral("IXC-10077");
    notice.listName = QStringLiteral("Spamhaus SBL");
    notice.addressOrRange = QStringLiteral("203.0.113.40");
    notice.meaning = QStringLiteral("listed on SBL as SBL000123");
    notice.verdict = QStringLiteral("listed");
    notice.checkedAt = utc(2026, 11, 10);
    notice.source = QStringLiteral("report");
    notice.evidenceId = 7;
    StoredListing check = notice;
    check.listName = QStringLiteral("Spamhaus ZEN");
    check.zone = QStringLiteral("zen.spamhaus.org");
    check.returnCodes = {QStringLiteral("127.0.0.10")};
    check.verdict = QStringLiteral("policy-listed");
    check.source = QStringLiteral("dnsbl");
    check.evidenceId.reset();
    check.checkedAt = utc(2026, 11, 20);
    model.setListings({notice, check});
    QCOMPARE(model.rowCount(), 2);
    using C = AccountListingModel::Column;
    const auto cell = [&model](int row, C column) {
        return model.index(row, int(column)).data().toString();
    };
    QCOMPARE(cell(0, C::Checked), QStringLiteral("2026-11-10 00:00"));
    QCOMPARE(cell(0, C::List), QStringLiteral("Spamhaus SBL"));
    QCOMPARE(cell(0, C::Source), QStringLiteral("Listing notice"));
    QCOMPARE(model.index(0, 0).data(AccountListingModel::EvidenceIdRole).toLongLong(), 7);
    QCOMPARE(cell(1, C::List), QStringLiteral("Spamhaus ZEN (zen.spamhaus.org)"));
    QCOMPARE(cell(1, C::Verdict), QStringLiteral("Policy list (not abuse)"));
    QCOMPARE(cell(1, C::Codes), QStringLiteral("127.0.0.10"));
    QCOMPARE(model.index(1, 0).data(AccountListingModel::SortRole).toDateTime(), utc(2026, 11, 20));
    QCOMPARE(model.index(1, 0).data(AccountListingModel::EvidenceIdRole).toLongLong(), 0);
    QVERIFY(model.index(0, int(C::Source)).data(Qt::ToolTipRole).isNull());

    // A notice recorded before the customer directory, attributed when it was imported.
    notice.attributedAt = utc(2026, 11, 27);
    notice.attributionReason = QStringLiteral("IXC-10077 held 203.0.113.40 when it was listed");
    model.setListings({notice});
    QCOMPARE(cell(0, C::Source), QStringLiteral("Listing notice, attributed later"));
    QCOMPARE(model.index(0, int(C::Source)).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Attributed to this account 2026-11-27 00:00 UTC: IXC-10077 held "
                            "203.0.113.40 when it was listed"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestDnsblAccountCheck)
#include "tst_dnsbl_account_check.moc"
