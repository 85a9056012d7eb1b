// Which blocklists an observation shows an address on, as policy 6.2's incidents count them: a
// combined zone's answer is the component list's listing, the same one a notice reports.
#include "blacklist/listed_blocklists.h"

#include <QTest>

using namespace Awb;

class TestListedBlocklists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
};

void TestListedBlocklists::names_data()
{
    QTest::addColumn<QString>("listName");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QStringList>("expected");
    const QString zen = QStringLiteral("Spamhaus ZEN");
    const QString zenZone = QStringLiteral("zen.spamhaus.org");
    const QString sbl = QStringLiteral("Spamhaus SBL");
    QTest::newRow("SBL notice") << sbl << QString() << QStringList() << QStringList{sbl};
    QTest::newRow("ZEN, SBL code")
        << zen << zenZone << QStringList{"127.0.0.2"} << QStringList{sbl};
    QTest::newRow("sbl.spamhaus.org") << sbl << QStringLiteral("sbl.spamhaus.org")
                                      << QStringList{"127.0.0.2"} << QStringList{sbl};
    QTest::newRow("ZEN, SBL and XBL") << zen << zenZone << QStringList{"127.0.0.4", "127.0.0.2"}
                                      << QStringList{QStringLiteral("Spamhaus XBL"), sbl};
    QTest::newRow("ZEN, two XBL codes") << zen << zenZone << QStringList{"127.0.0.4", "127.0.0.6"}
                                        << QStringList{QStringLiteral("Spamhaus XBL")};
    QTest::newRow("ZEN, CSS") << zen << QStringLiteral(" ZEN.Spamhaus.org. ")
                              << QStringList{"127.0.0.3"}
                              << QStringList{QStringLiteral("Spamhaus CSS")};
    QTest::newRow("ZEN, PBL and SBL: the policy code shows no listing")
        << zen << zenZone << QStringList{"127.0.0.11", "127.0.0.2"} << QStringList{sbl};
    QTest::newRow("ZEN, undocumented code")
        << zen << zenZone << QStringList{"127.0.0.99"} << QStringList{zen};
    QTest::newRow("zone known by name only")
        << zen << QString() << QStringList{"127.0.0.2"} << QStringList{sbl};
    QTest::newRow("SpamCop: no sublists")
        << QStringLiteral("SpamCop Blocking List") << QStringLiteral("bl.spamcop.net")
        << QStringList{"127.0.0.2"} << QStringList{QStringLiteral("SpamCop Blocking List")};
    QTest::newRow("unknown list") << QStringLiteral("dnsbl.example.net")
                                  << QStringLiteral("dnsbl.example.net") << QStringList{"127.0.0.2"}
                                  << QStringList{QStringLiteral("dnsbl.example.net")};
    QTest::newRow("garbled code") << zen << zenZone << QStringList{"not-an-ip"} << QStringList{zen};
}

void TestListedBlocklists::names()
{
    QFETCH(QString, listName);
    QFETCH(QString, zone);
    QFETCH(QStringList, codes);
    QFETCH(QStringList, expected);
    QCOMPARE(listedBlocklists(listName, zone, codes), expected);
}

QTEST_GUILESS_MAIN(TestListedBlocklists)
#include "tst_listed_blocklists.moc"
