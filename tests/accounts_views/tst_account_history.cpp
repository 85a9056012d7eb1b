// The account history over the demo data: the imported enforcement history, the cases that
// grouping opened, reports per day, and the confirmed offences in the look-back window.

#include "demo_account_store.h"

#include "accounts/account_history.h"

#include <QSettings>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

class TestAccountHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void northwindHistory();
    void offencesInWindow_data();
    void offencesInWindow();
    void summaries();
    void unknownAccountIsAnError();
    void lookBackSetting();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
};

void TestAccountHistory::initTestCase()
{
    QString error;
    m_store = buildDemoAccountStore(m_dir, &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TestAccountHistory::cleanupTestCase()
{
    m_store.reset();
}

void TestAccountHistory::northwindHistory()
{
    auto h = loadAccountHistory(*m_store, QStringLiteral("IXC-10042"), demoNow());
    QVERIFY2(h, qPrintable(h.error()));
    QCOMPARE(h->customer.name, QStringLiteral("Northwind Mailers Ltd"));
    QCOMPARE(h->customer.prepaidCents.value_or(-1), 84000);
    QCOMPARE(h->assignments.size(), 2);
    QCOMPARE(h->domains.size(), 2);

    // The imported warning of May 2026, with its clause and reference.
    const auto warning =
        std::find_if(h->events.cbegin(), h->events.cend(),
                     [](const AccountEvent &e) { return e.kind == AccountEvent::Kind::Warning; });
    QVERIFY(warning != h->events.cend());
    QCOMPARE(warning->at.date(), QDate(2026, 5, 14));
    QCOMPARE(warning->clause, QStringLiteral("3.1"));
    QCOMPARE(warning->reference, QStringLiteral("LEGACY-2026-0311"));
    QCOMPARE(warning->source, AccountEvent::Source::History);
    QVERIFY(warning->confirmedOffence);
    QVERIFY(warning->inWindow);
    QVERIFY(h->confirmedOffencesInWindow >= 1);
    QVERIFY(h->offenceRule.contains(QStringLiteral("12 months before 2026-11-20")));

    // Grouping opened at least one case for the Northwind reports; none is confirmed yet.
    QVERIFY(h->caseCount >= 1);
    QCOMPARE(h->openCaseCount, h->caseCount);
    for (const AccountEvent &e : h->events) {
        if (e.kind == AccountEvent::Kind::CaseOpened) {
            QCOMPARE(e.status, QStringLiteral("open"));
            QVERIFY(!e.confirmedOffence);
            QVERIFY(!e.severity.isEmpty());
        }
    }
    // Chronological.
    for (qsizetype i = 1; i < h->events.size(); ++i)
        QVERIFY(h->events[i - 1].at <= h->events[i].at);

    // Reports per day: the demo's Northwind reports arrived in early November 2026.
    QVERIFY(!h->reportsPerDay.isEmpty());
    int perDay = 0;
    for (auto it = h->reportsPerDay.cbegin(); it != h->reportsPerDay.cend(); ++it) {
        QVERIFY(it.key() >= QDate(2026, 11, 1) && it.key() <= QDate(2026, 11, 20));
        perDay += it.value();
    }
    QCOMPARE(perDay + h->reportsWithoutReceipt, h->reportCount);
}

void TestAccountHistory::offencesInWindow_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("months");
    QTest::addColumn<int>("expected");

    // Northwind's warning of 2026-05-14 is the only confirmed offence (the cases are open).
    QTest::newRow("northwind 12 months") << "IXC-10042" << demoNow() << 12 << 1;
    QTest::newRow("northwind 3 months") << "IXC-10042" << demoNow() << 3 << 0;
    QTest::newRow("northwind a year later") << "IXC-10042" << demoUtc(2027, 5, 15) << 12 << 0;
    // Quayside: warning 2025-08-19 and termination 2026-05-29.
    QTest::newRow("quayside both") << "IXC-10015" << demoNow() << 16 << 2;
    QTest::newRow("quayside termination only") << "IXC-10015" << demoNow() << 12 << 1;
    // Bluefin's suspension of 2026-10-28.
    QTest::newRow("bluefin suspension") << "IXC-10088" << demoNow() << 1 << 1;
    QTest::newRow("bakery none") << "IXC-10077" << demoNow() << 12 << 0;
}

void TestAccountHistory::offencesInWindow()
{
    QFETCH(QString, account);
    QFETCH(QDateTime, now);
    QFETCH(int, months);
    QFETCH(int, expected);
    auto h = loadAccountHistory(*m_store, account, now, months);
    QVERIFY2(h, qPrintable(h.error()));
    QCOMPARE(h->confirmedOffencesInWindow, expected);
    QCOMPARE(h->windowStart, now.addMonths(-months));
    QVERIFY(h->offenceRule.contains(QString::number(months) + QStringLiteral(" months")));
}

void TestAccountHistory::summaries()
{
    auto rows = loadAccountSummaries(*m_store, demoNow());
    QVERIFY2(rows, qPrintable(rows.error()));
    QCOMPARE(rows->size(), 7);
    QCOMPARE(rows->at(1).accountId, QStringLiteral("IXC-10042"));
    QCOMPARE(rows->at(1).status, QStringLiteral("active"));
    QVERIFY(rows->at(1).openCases >= 1);
    QVERIFY(rows->at(1).lastReportAt.isValid());
    // The Northwind reports of 2-5 November are more than 7 days before 20 November.
    QCOMPARE(rows->at(1).reportsLast7Days, 0);
    auto early = loadAccountSummaries(*m_store, demoUtc(2026, 11, 6));
    QVERIFY(early->at(1).reportsLast7Days >= 1);
    QCOMPARE(rows->at(0).openCases, 0); // Quayside: terminated, no reports
}

void TestAccountHistory::unknownAccountIsAnError()
{
    auto h = loadAccountHistory(*m_store, QStringLiteral("IXC-99999"), demoNow());
    QVERIFY(!h);
    QVERIFY(h.error().contains(QStringLiteral("IXC-99999")));
}

void TestAccountHistory::lookBackSetting()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    QCOMPARE(accountLookBackMonths(settings), 12);
    settings.setValue(QStringLiteral("accounts/lookBackMonths"), 24);
    QCOMPARE(accountLookBackMonths(settings), 24);
    settings.setValue(QStringLiteral("accounts/lookBackMonths"), 0);
    QCOMPARE(accountLookBackMonths(settings), 1);
    settings.setValue(QStringLiteral("accounts/lookBackMonths"), QStringLiteral("soon"));
    QCOMPARE(accountLookBackMonths(settings), 12);
}

QTEST_GUILESS_MAIN(TestAccountHistory)
#include "tst_account_history.moc"
