// loadCaseFacts on the demo data: what the advisor and the notices will be told about a case.
#include "../cases_views/demo_cases.h"

#include "enforcement/case_facts.h"
#include "store/case_repository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

class TestCaseFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void northwindCampaign();
    void spamhausNoticeCase();
    void unattributedCase();
    void unreadableAnalysis();
    void unknownCase();

private:
    qint64 caseOfAccount(const QString &accountId, int reports);

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};

void TestCaseFacts::initTestCase()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("facts.awbcase")));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QCOMPARE(DemoCases::importDemo(*m_store), QString());
    QCOMPARE(DemoCases::groupDemo(*m_store, m_now), QString());
}

qint64 TestCaseFacts::caseOfAccount(const QString &accountId, int reports)
{
    auto cases = CaseRepository(*m_store).cases();
    for (const CaseRecord &record : *cases) {
        if (record.accountId == accountId && record.reports.size() == reports)
            return record.id;
    }
    return 0;
}

void TestCaseFacts::northwindCampaign()
{
    // The northwind campaign: five reports in five formats about one account.
    const qint64 id = caseOfAccount(QStringLiteral("IXC-10042"), 5);
    QVERIFY(id > 0);
    auto facts = loadCaseFacts(*m_store, id, m_now, 12);
    QVERIFY2(facts, qPrintable(facts.error()));
    QCOMPARE(facts->reports.size(), 5);
    QVERIFY(facts->history.has_value());
    QCOMPARE(facts->history->customer.accountId, QStringLiteral("IXC-10042"));

    QSet<QString> formats;
    bool sawOriginalFinding = false;
    for (const CaseReportFacts &report : facts->reports) {
        formats.insert(report.format);
        QCOMPARE(report.sha256Hex.size(), 64);
        QVERIFY2(!report.originalHeaderBlock.isEmpty(), qPrintable(report.messageId));
        // The original's header block, not the report's: it names the spam's sender.
        QVERIFY2(report.originalHeaderBlock.contains("northwind"),
                 report.originalHeaderBlock.left(400).constData());
        QVERIFY(!report.originIp.isEmpty());
        for (const CaseFinding &finding : report.findings) {
            QVERIFY(!finding.finding.check.isEmpty());
            QCOMPARE(finding.evidenceId, report.evidenceId);
            sawOriginalFinding |= finding.aboutOriginal && !finding.finding.clause.isEmpty();
        }
    }
    QVERIFY(formats.contains(QStringLiteral("arf")));
    QVERIFY(formats.contains(QStringLiteral("spamcop")));
    QVERIFY(sawOriginalFinding);
    // The reporters and complainants, for redaction: the ARF feedback loop's host and the
    // original's recipient are among them.
    const QStringList terms = facts->personalTerms();
    QVERIFY2(terms.contains(QStringLiteral("mx.example.net")), qPrintable(terms.join(", ")));
    QVERIFY(facts->distinctReporters() >= 3);
}

void TestCaseFacts::spamhausNoticeCase()
{
    const qint64 id = caseOfAccount(QStringLiteral("IXC-10077"), 2);
    QVERIFY(id > 0);
    auto facts = loadCaseFacts(*m_store, id, m_now, 12);
    QVERIFY2(facts, qPrintable(facts.error()));
    bool sawSpamhaus = false;
    for (const CaseReportFacts &report : facts->reports)
        sawSpamhaus |= report.format == QLatin1String("spamhaus");
    QVERIFY(sawSpamhaus);
}

void TestCaseFacts::unattributedCase()
{
    auto cases = CaseRepository(*m_store).cases();
    qint64 id = 0;
    for (const CaseRecord &record : *cases) {
        if (record.accountId.isEmpty())
            id = record.id;
    }
    QVERIFY(id > 0);
    auto facts = loadCaseFacts(*m_store, id, m_now, 12);
    QVERIFY2(facts, qPrintable(facts.error()));
    QVERIFY(!facts->history.has_value());
    QVERIFY(facts->listings.isEmpty());
}

void TestCaseFacts::unreadableAnalysis()
{
    auto bad = reportFactsFromAnalysis(42, QByteArray("{not json"));
    QVERIFY(!bad);
    QVERIFY2(bad.error().contains(QLatin1String("42")), qPrintable(bad.error()));
    // A stored analysis from a plain message: its own complete copy, no report around it.
    auto plain =
        reportFactsFromAnalysis(7, R"({"sha256":"ab","message_id":"m@x","subject":"s","from":"a@b",
               "origin":{"ip":"192.0.2.1","hop":1,"reason":"r"},
               "findings":[{"check":"received.forged-hop","severity":"high","clause":"3.2",
                            "title":"t","evidence":"e","hop":1},
                           {"check":"x.y","severity":"unheard-of","clause":"3.1"}]})");
    QVERIFY2(plain, qPrintable(plain.error()));
    QCOMPARE(plain->format, QStringLiteral("message"));
    QVERIFY(plain->fullHeaders && plain->completeMessage);
    QCOMPARE(plain->findings.size(), 2);
    QCOMPARE(plain->findings.at(0).finding.severity, Severity::High);
    // An unknown severity can never raise a sanction by being misread.
    QCOMPARE(plain->findings.at(1).finding.severity, Severity::Info);
    QCOMPARE(plain->originIp, QStringLiteral("192.0.2.1"));
}

void TestCaseFacts::unknownCase()
{
    auto facts = loadCaseFacts(*m_store, 999999, m_now, 12);
    QVERIFY(!facts);
    QVERIFY2(facts.error().contains(QLatin1String("999999")), qPrintable(facts.error()));
}

QTEST_GUILESS_MAIN(TestCaseFacts)
#include "tst_case_facts.moc"
