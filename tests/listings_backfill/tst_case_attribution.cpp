// Cases grouped before the account directory was imported take their account at the next
// grouping, when every report of the case now belongs to one account: the same accounts as a
// desk that imported the directory first, never a guess, with the reason in the case history and
// the audit log.
#include "listing_test_stores.h"

#include "cases/case_attribution.h"
#include "store/case_repository.h"

#include <QTest>

using namespace Awb;
using namespace Awb::Test;

class TestCaseAttribution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsFirstCasesTakeTheirAccounts();
    void mixedCaseWaitsForTheAnalyst();
    void attributedAsTheDirectoryFirstDeskWould();
    void groupingAgainAttributesNothing();
    void closedCasesAndRefusals();

private:
    QList<CaseRecord> cases(CaseStore &store);

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_first; // the directory imported first
    std::unique_ptr<CaseStore> m_last;  // reports imported and grouped first
    CaseAssignmentSummary m_regrouped;  // m_last's grouping after the directory import
    QString m_closedCase;               // closed in m_last before the directory came
};

QList<CaseRecord> TestCaseAttribution::cases(CaseStore &store)
{
    auto all = CaseRepository(store).cases();
    return all ? *all : QList<CaseRecord>();
}

void TestCaseAttribution::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QStringList reports = demoReportsExcept({});
    auto first = CaseStore::open(m_dir.filePath(QStringLiteral("first.awbcase")));
    QVERIFY2(first, qPrintable(first.error()));
    m_first = std::move(*first);
    m_first->setActor(QStringLiteral("tester"));
    QCOMPARE(importAccounts(*m_first, demoUtc(2026, 11, 1)), QString());
    QCOMPARE(importReports(*m_first, reports), QString());
    QCOMPARE(groupReports(*m_first, demoUtc(2026, 11, 15)), QString());

    auto last = CaseStore::open(m_dir.filePath(QStringLiteral("last.awbcase")));
    QVERIFY2(last, qPrintable(last.error()));
    m_last = std::move(*last);
    m_last->setActor(QStringLiteral("tester"));
    QCOMPARE(importReports(*m_last, reports), QString());
    CaseAssignmentSummary before;
    QCOMPARE(groupReports(*m_last, demoUtc(2026, 11, 15), &before), QString());
    QVERIFY(before.casesAttributed.isEmpty());
    const QList<CaseRecord> unattributed = cases(*m_last);
    QVERIFY(unattributed.size() >= 3);
    for (const CaseRecord &c : unattributed)
        QVERIFY2(c.accountId.isEmpty(), qPrintable(c.publicId));
    // One case closed before the directory arrives (an analyst dealt with it): it stays as it is.
    m_closedCase = unattributed.first().publicId;
    QVERIFY(CaseRepository(*m_last).setStatus(
        unattributed.first().id, QStringLiteral("closed"), QStringLiteral("tester"),
        QStringLiteral("dealt with by hand"), demoUtc(2026, 11, 16)));

    QCOMPARE(importAccounts(*m_last, demoUtc(2026, 11, 17)), QString());
    QCOMPARE(groupReports(*m_last, demoUtc(2026, 11, 18), &m_regrouped), QString());
}

void TestCaseAttribution::reportsFirstCasesTakeTheirAccounts()
{
    QVERIFY(!m_regrouped.casesAttributed.isEmpty());
    QVERIFY(m_regrouped.newCaseIds.isEmpty()); // no new reports: nothing else happened
    for (const CaseAttributed &a : std::as_const(m_regrouped.casesAttributed)) {
        auto c = CaseRepository(*m_last).caseById(a.caseId);
        QVERIFY2(c, qPrintable(c.error()));
        QCOMPARE(c->accountId, a.accountId);
        QCOMPARE(c->publicId, a.publicId);
        QVERIFY(a.publicId != m_closedCase);
        const CaseEventRecord &event = c->events.last();
        QCOMPARE(event.kind, QStringLiteral("attributed"));
        QCOMPARE(event.newValue, a.accountId);
        QCOMPARE(event.who, QStringLiteral("tester"));
        QCOMPARE(event.at, demoUtc(2026, 11, 18));
        QVERIFY2(event.why.startsWith(QStringLiteral("The account directory now gives every "
                                                     "report of the case")),
                 qPrintable(event.why));
    }
    // Of the demo's reports, grouped without the directory: the Lumen newsletter case alone is
    // one account's (the opt-out case of the same account was closed by hand first).
    QCOMPARE(m_regrouped.casesAttributed.size(), 1);
    QCOMPARE(m_regrouped.casesAttributed.first().accountId, QStringLiteral("IXC-10101"));
    QVERIFY(AuditLog(*m_last).verify().value().intact);
    QCOMPARE(auditEntries(*m_last, QStringLiteral("case-attributed")).size(),
             m_regrouped.casesAttributed.size());
}

// Without the directory, Northwind's and the bakery's reports from 203.0.113.0/24 formed one
// case: it names two accounts and stays unattributed. The analyst splits the bakery's reports
// off, and the next grouping gives each part its account.
void TestCaseAttribution::mixedCaseWaitsForTheAnalyst()
{
    QHash<qint64, QString> firstAccountOf; // by evidence id, as the directory-first desk has it
    for (const CaseRecord &c : cases(*m_first)) {
        for (const CaseReportRecord &r : c.reports)
            firstAccountOf.insert(r.evidenceId, c.accountId);
    }
    const CaseRecord *mixed = nullptr;
    const QList<CaseRecord> all = cases(*m_last);
    for (const CaseRecord &c : all) {
        if (c.reports.size() > 2)
            mixed = &c;
    }
    QVERIFY(mixed);
    QVERIFY(mixed->accountId.isEmpty());
    QList<qint64> bakery;
    for (const CaseReportRecord &r : mixed->reports) {
        if (firstAccountOf.value(r.evidenceId) == QLatin1String("IXC-10077"))
            bakery << r.evidenceId;
    }
    QVERIFY(!bakery.isEmpty() && bakery.size() < mixed->reports.size());
    auto split =
        CaseRepository(*m_last).split(mixed->id, bakery, QStringLiteral("tester"),
                                      QStringLiteral("two customers"), demoUtc(2026, 11, 18, 6));
    QVERIFY2(split, qPrintable(split.error()));

    CaseAssignmentSummary regrouped;
    QCOMPARE(groupReports(*m_last, demoUtc(2026, 11, 18, 7), &regrouped), QString());
    QCOMPARE(regrouped.casesAttributed.size(), 2);
    QHash<qint64, QString> accountOf;
    for (const CaseAttributed &a : std::as_const(regrouped.casesAttributed))
        accountOf.insert(a.caseId, a.accountId);
    QCOMPARE(accountOf.value(mixed->id), QStringLiteral("IXC-10042"));
    QCOMPARE(accountOf.value(*split), QStringLiteral("IXC-10077"));
}

// Every report of an attributed case is, in the store that had the directory first, in a case
// of that same account: the attribution is the grouping's own rule applied later, not a guess.
void TestCaseAttribution::attributedAsTheDirectoryFirstDeskWould()
{
    QHash<qint64, QString> firstAccountOf; // by evidence id
    for (const CaseRecord &c : cases(*m_first)) {
        for (const CaseReportRecord &r : c.reports)
            firstAccountOf.insert(r.evidenceId, c.accountId);
    }
    int checked = 0;
    for (const CaseRecord &c : cases(*m_last)) {
        if (c.accountId.isEmpty())
            continue;
        for (const CaseReportRecord &r : c.reports) {
            // Both stores imported the same files in the same order: the same evidence ids.
            QCOMPARE(firstAccountOf.value(r.evidenceId), c.accountId);
            ++checked;
        }
    }
    QVERIFY(checked > 0);
}

void TestCaseAttribution::groupingAgainAttributesNothing()
{
    CaseAssignmentSummary again;
    QCOMPARE(groupReports(*m_last, demoUtc(2026, 11, 19), &again), QString());
    QVERIFY(again.casesAttributed.isEmpty());
    QVERIFY(again.newCaseIds.isEmpty());
}

void TestCaseAttribution::closedCasesAndRefusals()
{
    CaseRepository repository(*m_last);
    auto closed = repository.resolve(m_closedCase);
    QVERIFY(closed);
    auto record = repository.caseById(*closed);
    QVERIFY(record);
    QVERIFY(record->accountId.isEmpty());
    Status refused = repository.attributeToAccount(
        *closed, QStringLiteral("IXC-10077"), QStringLiteral("tester"), QStringLiteral("by hand"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("only an open case is attributed")),
             qPrintable(refused.error()));

    const CaseAttributed done = m_regrouped.casesAttributed.first();
    refused = repository.attributeToAccount(done.caseId, QStringLiteral("IXC-10015"),
                                            QStringLiteral("tester"), QStringLiteral("by hand"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("is already the case of account")),
             qPrintable(refused.error()));
    QVERIFY(AuditLog(*m_last).verify().value().intact);
}

QTEST_GUILESS_MAIN(TestCaseAttribution)
#include "tst_case_attribution.moc"
