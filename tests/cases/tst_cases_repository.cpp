// The case repository (schema 5) and the assignment of stored reports to cases.
#include "../store/store_test_support.h"

#include "cases/case_assigner.h"
#include "store/case_repository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

// Raw SQL on the test's own connection; true when SQLite accepted it.
bool execSql(const CaseStore &store, const char *sql)
{
    return sqlite3_exec(static_cast<sqlite3 *>(store.nativeHandle()), sql, nullptr, nullptr,
                        nullptr) == SQLITE_OK;
}

const QDateTime kNow(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC);
const QDateTime kReceived(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

// A stored report whose analysis says: an ARF complaint about a message from `origin`, From
// `sender`, with `subject`, received `day` days after kReceived.
EvidenceInput storedReport(int key, double day, const QString &sender, const QString &subject,
                           const QString &origin, const QString &feedbackType = "abuse")
{
    EvidenceInput input = makeEvidence(makeMessage("report " + QByteArray::number(key)),
                                       QStringLiteral("r%1.eml").arg(key), -1);
    const QDateTime received = kReceived.addSecs(qint64(day * 86400));
    const QJsonObject original{{"from", "Deals <deals@" + sender + ">"},
                               {"subject", subject},
                               {"origin", QJsonObject{{"ip", origin}}},
                               {"findings", QJsonArray{QJsonObject{{"severity", "high"}}}}};
    const QJsonObject analysis{
        {"receipt", QJsonObject{{"at", received.toString(Qt::ISODate)}}},
        {"report",
         QJsonObject{{"format", "arf"}, {"feedback_type", feedbackType}, {"original", original}}}};
    ReportRecord record;
    record.format = QStringLiteral("arf");
    record.originIp = origin;
    record.receivedAt = received;
    record.receiptSource = QStringLiteral("our-server");
    record.receiptExplanation = QStringLiteral("stamped by mx1.ix.cm (hop 0)");
    record.responseDue = received.addSecs(72 * 3600);
    record.completenessSummary = QStringLiteral("4 of 4");
    record.analysisJson = QJsonDocument(analysis).toJson(QJsonDocument::Compact);
    input.report = record;
    return input;
}

} // namespace

class TestCasesRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void opensNumberedCasesWithHistory();
    void numbersPerYear();
    void mergeRoundTrip();
    void splitRoundTrip();
    void moveRoundTrip();
    void statusChanges();
    void eventsAreAppendOnly();
    void failedPlanLeavesNothing();
    void assignsNewReportsIncrementally();

private:
    QList<qint64> storeReports(const QList<EvidenceInput> &inputs);
    QList<qint64> groupAll();

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    QHash<qint64, QString> m_accounts; // evidence id -> account, for the attribution
};

void TestCasesRepository::init()
{
    auto store = CaseStore::open(m_dir.filePath(QTest::currentTestFunction()));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QCOMPARE(m_store->schemaVersion(), CaseStore::latestSchemaVersion());
    m_accounts.clear();
    // Accounts that the cases refer to (cases.account_id is a foreign key).
    QVERIFY(execSql(*m_store, "INSERT INTO customers (account_id, name, status, imported_at) VALUES"
                              " ('IXC-10042', 'Northwind', 'active', '2026-11-01T00:00:00.000Z'),"
                              " ('IXC-10077', 'Bakery', 'active', '2026-11-01T00:00:00.000Z')"));
}

void TestCasesRepository::cleanup()
{
    m_store.reset();
}

QList<qint64> TestCasesRepository::storeReports(const QList<EvidenceInput> &inputs)
{
    auto outcomes = EvidenceRepository(*m_store).insertBatch(inputs, 0);
    QList<qint64> ids;
    if (outcomes) {
        for (const EvidenceInsertOutcome &o : *outcomes)
            ids.append(o.evidenceId);
    }
    return ids;
}

QList<qint64> TestCasesRepository::groupAll()
{
    const QHash<qint64, QString> accounts = m_accounts;
    CaseSettings settings;
    settings.analyst = QStringLiteral("tester");
    auto summary = assignNewReports(
        *m_store, [accounts](qint64 id) -> Result<QString> { return accounts.value(id); }, settings,
        kNow);
    return summary ? summary->newCaseIds : QList<qint64>{-1};
}

void TestCasesRepository::opensNumberedCasesWithHistory()
{
    const QList<qint64> ids =
        storeReports({storedReport(1, 1, "nw.example", "RE: Order 1", "203.0.113.12"),
                      storedReport(2, 0, "nw.example", "RE: Order 2", "203.0.113.13"),
                      storedReport(3, 0, "x.test", "Hi", "198.51.100.7")});
    m_accounts = {{ids[0], "IXC-10042"}, {ids[1], "IXC-10042"}};
    const QList<qint64> opened = groupAll();
    QCOMPARE(opened.size(), 2);
    CaseRepository cases(*m_store);
    auto first = cases.caseById(opened[0]);
    QVERIFY2(first, qPrintable(first.error()));
    // Receipt order: report 2 (day 0) opened it, report 1 joined it.
    QCOMPARE(first->publicId, QStringLiteral("IXCM-ABUSE-2026-000001"));
    QCOMPARE(first->accountId, QStringLiteral("IXC-10042"));
    QCOMPARE(first->status, QStringLiteral("open"));
    QCOMPARE(first->severity, QStringLiteral("high"));
    QCOMPARE(first->policyVersion, QStringLiteral("2025-12-10"));
    QCOMPARE(first->openedAt, kNow);
    QCOMPARE(first->responseDue, kReceived.addSecs(72 * 3600));
    QCOMPARE(first->reports.size(), 2);
    QCOMPARE(first->reports[0].evidenceId, ids[1]);
    QVERIFY(first->reports[1].reason.startsWith(
        QStringLiteral("same account IXC-10042 and same sender domain nw.example")));
    QCOMPARE(first->events.size(), 3);
    QCOMPARE(first->events[0].kind, QStringLiteral("opened"));
    QCOMPARE(first->events[1].kind, QStringLiteral("report-added"));
    QCOMPARE(first->events[2].who, QStringLiteral("tester"));
    auto second = cases.caseById(opened[1]);
    QCOMPARE(second->publicId, QStringLiteral("IXCM-ABUSE-2026-000002"));
    QVERIFY(second->accountId.isEmpty());
    QCOMPARE(second->originKey, QStringLiteral("198.51.100.0/24"));
    QCOMPARE(cases.resolve(QStringLiteral("IXCM-ABUSE-2026-000002")).value(), opened[1]);
    QVERIFY(!cases.resolve(QStringLiteral("IXCM-ABUSE-2026-000099")));
    QVERIFY(cases.unassignedReports()->isEmpty());
    QCOMPARE(groupAll(), QList<qint64>{}); // nothing new: nothing happens
}

void TestCasesRepository::numbersPerYear()
{
    const QList<qint64> ids = storeReports({storedReport(1, 0, "a.example", "a", "192.0.2.1"),
                                            storedReport(2, 0, "b.example", "b", "198.51.100.1")});
    CaseRepository cases(*m_store);
    CaseAssignmentPlan plan;
    plan.newCases.append(NewCaseInput{{}, {}, "complaint", "low", "2025-12-10", {{ids[0], "r"}}});
    QVERIFY(cases.assign(plan, "t", kNow));
    plan.newCases[0].reports[0].evidenceId = ids[1];
    auto next = cases.assign(plan, "t", QDateTime(QDate(2027, 1, 1), QTime(0, 5), Qt::UTC));
    QVERIFY2(next, qPrintable(next.error()));
    QCOMPARE(cases.caseById(next->first())->publicId, QStringLiteral("IXCM-ABUSE-2027-000001"));
}

void TestCasesRepository::mergeRoundTrip()
{
    const QList<qint64> ids =
        storeReports({storedReport(1, 0, "nw.example", "a", "203.0.113.12"),
                      storedReport(2, 2, "bakery.example", "b", "203.0.113.40")});
    m_accounts = {{ids[0], "IXC-10042"}, {ids[1], "IXC-10077"}};
    const QList<qint64> opened = groupAll();
    QCOMPARE(opened.size(), 2);
    CaseRepository cases(*m_store);
    const Status merged = cases.merge(opened[0], opened[1], "ana", "same operator", kNow);
    QVERIFY2(merged, qPrintable(merged.error()));
    auto into = cases.caseById(opened[0]);
    auto from = cases.caseById(opened[1]);
    QCOMPARE(into->reports.size(), 2);
    QCOMPARE(from->reports.size(), 0);
    QCOMPARE(from->status, QStringLiteral("closed"));
    QCOMPARE(from->mergedInto, into->publicId);
    QVERIFY(!from->responseDue.isValid());
    QCOMPARE(into->events.last().kind, QStringLiteral("merge"));
    QCOMPARE(into->events.last().otherCaseId, from->publicId);
    QCOMPARE(into->events.last().who, QStringLiteral("ana"));
    QCOMPARE(into->events.last().why, QStringLiteral("same operator"));
    QCOMPARE(from->events.last().newValue, QStringLiteral("closed"));
    QVERIFY(!cases.merge(opened[0], opened[1], "ana", "again", kNow));
    QVERIFY(!cases.merge(opened[0], opened[0], "ana", "self", kNow));
    QVERIFY(!cases.setStatus(opened[1], "open", "ana", "reopen", kNow));
    // A merged case takes no new report.
    const QList<qint64> later =
        storeReports({storedReport(3, 3, "bakery.example", "b", "203.0.113.40")});
    m_accounts.insert(later[0], "IXC-10077");
    const QList<qint64> reopened = groupAll();
    QCOMPARE(reopened.size(), 1);
    QVERIFY(m_store->checkIntegrity());
}

void TestCasesRepository::splitRoundTrip()
{
    const QList<qint64> ids = storeReports({storedReport(1, 0, "nw.example", "a", "203.0.113.12"),
                                            storedReport(2, 1, "nw.example", "a", "203.0.113.12"),
                                            storedReport(3, 2, "nw.example", "a", "203.0.113.12")});
    for (qint64 id : ids)
        m_accounts.insert(id, "IXC-10042");
    const qint64 caseId = groupAll().value(0);
    CaseRepository cases(*m_store);
    QVERIFY(!cases.split(caseId, ids, "ana", "all of them", kNow)); // one must stay
    QVERIFY(!cases.split(caseId, {}, "ana", "none", kNow));
    QVERIFY(!cases.split(caseId, {9999}, "ana", "foreign", kNow));
    auto split = cases.split(caseId, {ids[0], ids[1]}, "ana", "second campaign", kNow);
    QVERIFY2(split, qPrintable(split.error()));
    auto source = cases.caseById(caseId);
    auto target = cases.caseById(*split);
    QCOMPARE(source->reports.size(), 1);
    QCOMPARE(target->reports.size(), 2);
    QCOMPARE(target->accountId, QStringLiteral("IXC-10042"));
    QCOMPARE(target->policyVersion, source->policyVersion);
    QCOMPARE(source->responseDue, kReceived.addDays(2).addSecs(72 * 3600));
    QCOMPARE(target->responseDue, kReceived.addSecs(72 * 3600));
    QVERIFY(target->reports[0].reason.contains(QStringLiteral("second campaign")));
    QCOMPARE(source->events.last().kind, QStringLiteral("split"));
    QCOMPARE(source->events.last().otherCaseId, target->publicId);
    QCOMPARE(target->events.first().kind, QStringLiteral("opened"));
    QCOMPARE(target->events.last().why, QStringLiteral("second campaign"));
    // And back: merging undoes the split, with both steps in the history.
    QVERIFY(cases.merge(caseId, *split, "ana", "one campaign after all", kNow));
    QCOMPARE(cases.caseById(caseId)->reports.size(), 3);
    QCOMPARE(cases.caseById(caseId)->responseDue, kReceived.addSecs(72 * 3600));
}

void TestCasesRepository::moveRoundTrip()
{
    const QList<qint64> ids = storeReports({storedReport(1, 0, "nw.example", "a", "203.0.113.12"),
                                            storedReport(2, 0, "x.test", "b", "198.51.100.9")});
    m_accounts.insert(ids[0], "IXC-10042");
    const QList<qint64> opened = groupAll();
    CaseRepository cases(*m_store);
    QVERIFY(!cases.move(ids[1], opened[1], "ana", "already there", kNow));
    QVERIFY(!cases.move(9999, opened[0], "ana", "no such report", kNow));
    const Status moved = cases.move(ids[1], opened[0], "ana", "same spam run", kNow);
    QVERIFY2(moved, qPrintable(moved.error()));
    QCOMPARE(cases.caseOfReport(ids[1])->value(), opened[0]);
    auto left = cases.caseById(opened[1]);
    QCOMPARE(left->reports.size(), 0);
    QCOMPARE(left->events.last().kind, QStringLiteral("move"));
    QCOMPARE(left->events.last().evidenceId, ids[1]);
    QCOMPARE(cases.caseById(opened[0])->events.last().otherCaseId, left->publicId);
    QVERIFY(cases.move(ids[1], opened[1], "ana", "back", kNow));
    QCOMPARE(cases.caseById(opened[1])->reports.size(), 1);
    QCOMPARE(cases.caseById(opened[1])->events.size(), 4); // opened, added, moved out, moved in
}

void TestCasesRepository::statusChanges()
{
    const QList<qint64> ids = storeReports({storedReport(1, 0, "x.test", "a", "198.51.100.9")});
    const qint64 caseId = groupAll().value(0);
    CaseRepository cases(*m_store);
    QVERIFY(!cases.setStatus(caseId, "pending", "ana", "typo", kNow));
    QVERIFY(cases.setStatus(caseId, "awaiting-customer", "ana", "notice sent", kNow));
    auto c = cases.caseById(caseId);
    QCOMPARE(c->status, QStringLiteral("awaiting-customer"));
    QCOMPARE(c->events.last().oldValue, QStringLiteral("open"));
    QCOMPARE(c->events.last().newValue, QStringLiteral("awaiting-customer"));
    QCOMPARE(c->events.last().why, QStringLiteral("notice sent"));
    QVERIFY(cases.setStatus(caseId, "closed", "ana", "done", kNow));
    // A closed case takes no new report of the same campaign.
    storeReports({storedReport(2, 1, "x.test", "a", "198.51.100.9")});
    QCOMPARE(groupAll().size(), 1);
    Q_UNUSED(ids);
}

void TestCasesRepository::eventsAreAppendOnly()
{
    storeReports({storedReport(1, 0, "x.test", "a", "198.51.100.9")});
    groupAll();
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM case_events"), 2);
    QVERIFY(!execSql(*m_store, "UPDATE case_events SET why = 'rewritten'"));
    QVERIFY(!execSql(*m_store, "DELETE FROM case_events"));
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM case_events"), 2);
}

void TestCasesRepository::failedPlanLeavesNothing()
{
    const QList<qint64> ids = storeReports({storedReport(1, 0, "x.test", "a", "198.51.100.9")});
    CaseAssignmentPlan plan;
    plan.newCases.append(NewCaseInput{{}, {}, "complaint", "low", "2025-12-10", {{ids[0], "r"}}});
    plan.newCases.append(
        NewCaseInput{{}, {}, "complaint", "low", "2025-12-10", {{ids[0], "twice"}}});
    QVERIFY(!CaseRepository(*m_store).assign(plan, "t", kNow)); // UNIQUE evidence_id
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM cases"), 0);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM case_events"), 0);
}

void TestCasesRepository::assignsNewReportsIncrementally()
{
    const QList<qint64> first =
        storeReports({storedReport(1, 0, "nw.example", "a", "203.0.113.12")});
    m_accounts.insert(first[0], "IXC-10042");
    const qint64 caseId = groupAll().value(0);
    const QList<qint64> more =
        storeReports({storedReport(2, 5, "nw.example", "b", "2001:db8::1"),
                      storedReport(3, 9, "nw.example", "a", "203.0.113.12", "opt-out")});
    for (qint64 id : more)
        m_accounts.insert(id, "IXC-10042");
    const QList<qint64> opened = groupAll();
    QCOMPARE(opened.size(), 1); // the opt-out opens its own case; report 2 joins the first
    CaseRepository cases(*m_store);
    QCOMPARE(cases.caseOfReport(more[0])->value(), caseId);
    QCOMPARE(cases.caseById(opened[0])->kind, QStringLiteral("opt-out"));
    QCOMPARE(cases.caseById(caseId)->events.last().kind, QStringLiteral("report-added"));
}

QTEST_GUILESS_MAIN(TestCasesRepository)
#include "tst_cases_repository.moc"
