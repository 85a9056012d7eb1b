// The enforcement records of schema 7: decisions with liability lines, notices with their exact
// bytes, the redaction key, the owner, notes and customer-response edits of a case, and the
// analyst's name in the settings. Each write's case event and audit entry are checked with it.
#include "audit_test_support.h"

#include "store/audit_log.h"
#include "store/case_repository.h"
#include "store/decision_repository.h"
#include "store/desk_identity.h"
#include "store/desk_secrets.h"
#include "store/notice_repository.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

const QDateTime kNow(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC);

QByteArray noticeBytes(const QByteArray &id)
{
    return "From: IX.CM Abuse Desk <abuse@ix.cm>\r\nTo: ops@northwind-deals.example\r\n"
           "Subject: Warning\r\nMessage-ID: " +
           id + "\r\n\r\nPlease stop.\r\n";
}

} // namespace

class TestEnforcementRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void decisionRoundTrip();
    void laterDecisionSupersedes();
    void overrideNeedsAReason();
    void decisionRefusals_data();
    void decisionRefusals();
    void constraintsRefuseRawRows_data();
    void constraintsRefuseRawRows();
    void noticeRoundTrip();
    void noticeRefusals_data();
    void noticeRefusals();
    void redactionKeyIsStable();
    void ownerNotesAndResponse();
    void analystNameInSettings();

private:
    qint64 auditCount(const char *action) const;
    DecisionRecord suspension() const;

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    qint64 m_case = 0;
    int m_serial = 0;
};

void TestEnforcementRecords::init()
{
    // A fresh database per test and per data row.
    auto store = CaseStore::open(m_dir.filePath(
        QStringLiteral("%1-%2.awbcase").arg(QTest::currentTestFunction()).arg(++m_serial)));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    m_store->setActor("desk");
    QCOMPARE(execRaw(*m_store, "INSERT INTO customers (account_id, name, status, imported_at)"
                               " VALUES ('IXC-10042', 'Northwind', 'active',"
                               " '2026-11-01T00:00:00.000Z')"),
             QString());
    auto evidence = EvidenceRepository(*m_store).insertBatch({makeEvidence(makeMessage("one"))}, 0);
    QVERIFY(evidence);
    CaseAssignmentPlan plan;
    NewCaseInput input;
    input.accountId = "IXC-10042";
    input.reports = {{evidence->first().evidenceId, "account IXC-10042"}};
    plan.newCases = {input};
    auto opened = CaseRepository(*m_store).assign(plan, "ana", kNow);
    QVERIFY2(opened, qPrintable(opened.error()));
    m_case = opened->first();
}

void TestEnforcementRecords::cleanup()
{
    m_store.reset();
}

qint64 TestEnforcementRecords::auditCount(const char *action) const
{
    const QByteArray sql =
        "SELECT count(*) FROM audit_log WHERE action = '" + QByteArray(action) + "'";
    return scalar(*m_store, sql.constData());
}

DecisionRecord TestEnforcementRecords::suspension() const
{
    DecisionRecord d;
    d.caseId = m_case;
    d.proposedAction = "suspension";
    d.proposedDays = 14;
    d.adviceJson = R"({"action":"suspension","days":14,"factors":["second offence"]})";
    d.chosenAction = "suspension";
    d.chosenDays = 14;
    d.who = "ana";
    d.decidedAt = kNow;
    d.suspensionStart = kNow;
    d.suspensionEnd = kNow.addDays(14);
    return d;
}

void TestEnforcementRecords::decisionRoundTrip()
{
    DecisionRepository decisions(*m_store);
    DecisionRecord d = suspension();
    d.chosenAction = "termination-liability";
    d.proposedAction = "termination-liability";
    d.proposedDays = d.chosenDays = 0;
    d.suspensionStart = d.suspensionEnd = QDateTime();
    d.lines = {{0, 0, "incident", "Blacklisting incidents (6.2)", 3, 1500, 4500},
               {0, 0, "delisting", "Spamhaus delisting", 1, 25000, 25000}};
    auto id = decisions.record(d);
    QVERIFY2(id, qPrintable(id.error()));

    auto stored = decisions.forCase(m_case);
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    const DecisionRecord &s = stored->first();
    QCOMPARE(s.id, *id);
    QCOMPARE(s.proposedAction, d.proposedAction);
    QCOMPARE(s.adviceJson, d.adviceJson);
    QCOMPARE(s.chosenAction, QStringLiteral("termination-liability"));
    QCOMPARE(s.overridden, false);
    QCOMPARE(s.who, QStringLiteral("ana"));
    QCOMPARE(s.decidedAt, kNow);
    QCOMPARE(s.policyVersion, QStringLiteral("2025-12-10")); // the case's
    QVERIFY(!s.suspensionStart.isValid());
    QCOMPARE(s.lines.size(), 2);
    QCOMPARE(s.lines.at(0).position, 1);
    QCOMPARE(s.lines.at(1).position, 2);
    QCOMPARE(s.lines.at(1).kind, QStringLiteral("delisting"));
    QCOMPARE(s.lines.at(1).amountCents, 25000);
    QCOMPARE(s.totalCents(), 29500);

    auto c = CaseRepository(*m_store).caseById(m_case);
    QVERIFY(c);
    QCOMPARE(c->events.last().kind, QStringLiteral("decision"));
    QCOMPARE(c->events.last().oldValue, QStringLiteral("termination-liability"));
    QCOMPARE(c->events.last().newValue, QStringLiteral("termination-liability"));
    QCOMPARE(c->status, QStringLiteral("open")); // the caller changes the status, not the record
    auto entries = AuditLog(*m_store).entries(m_case);
    QVERIFY(entries);
    const AuditEntry &e = entries->last();
    QCOMPARE(e.action, QStringLiteral("decision"));
    QCOMPARE(e.details.value("decision").toInteger(), *id);
    QCOMPARE(e.details.value("liability_cents").toInteger(), 29500);
    QVERIFY(e.what.contains("as proposed"));
}

void TestEnforcementRecords::laterDecisionSupersedes()
{
    DecisionRepository decisions(*m_store);
    auto none = decisions.latest(m_case);
    QVERIFY(none && !none->has_value());
    auto first = decisions.record(suspension());
    QVERIFY2(first, qPrintable(first.error()));
    DecisionRecord second = suspension();
    second.chosenDays = 21;
    second.suspensionEnd = kNow.addDays(21);
    second.overridden = true;
    second.reason = "Third complaint this week.";
    auto later = decisions.record(second);
    QVERIFY2(later, qPrintable(later.error()));
    auto latest = decisions.latest(m_case);
    QVERIFY(latest && latest->has_value());
    QCOMPARE((*latest)->id, *later);
    QCOMPARE((*latest)->chosenDays, 21);
    QCOMPARE((*latest)->suspensionEnd, kNow.addDays(21));
    QCOMPARE(decisions.forCase(m_case)->size(), 2);
    QCOMPARE(auditCount("decision"), 1);
    QCOMPARE(auditCount("override"), 1);
}

void TestEnforcementRecords::overrideNeedsAReason()
{
    DecisionRepository decisions(*m_store);
    DecisionRecord d = suspension();
    d.chosenAction = "termination";
    d.chosenDays = 0;
    d.suspensionStart = d.suspensionEnd = QDateTime();
    d.overridden = true;
    d.reason = "   ";
    auto refused = decisions.record(d);
    QVERIFY(!refused);
    QCOMPARE(refused.error(),
             QStringLiteral("Case IXCM-ABUSE-2026-000001: overriding the proposed suspension of 14 "
                            "days with termination needs a reason, which the record keeps."));
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM case_decisions"), 0);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM case_events WHERE kind = 'decision'"), 0);
    QCOMPARE(auditCount("override"), 0);

    d.reason = "The customer relayed for a known spam gang.";
    auto recorded = decisions.record(d);
    QVERIFY2(recorded, qPrintable(recorded.error()));
    const AuditEntry e = AuditLog(*m_store).entries(m_case)->last();
    QCOMPARE(e.action, QStringLiteral("override"));
    QCOMPARE(e.why, d.reason);
    QCOMPARE(e.what, QStringLiteral("Decided termination in case IXCM-ABUSE-2026-000001, "
                                    "overriding the proposed suspension of 14 days."));
    QCOMPARE(CaseRepository(*m_store).caseById(m_case)->events.last().why, d.reason);
}

void TestEnforcementRecords::decisionRefusals_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown case") << "case"
                                  << "there is no such case";
    QTest::newRow("unknown action") << "action"
                                    << "unknown enforcement action \u201cban\u201d";
    QTest::newRow("unknown proposal") << "proposal"
                                      << "unknown proposed action";
    QTest::newRow("not marked as override") << "unmarked"
                                            << "record it as an override";
    QTest::newRow("dates on a warning") << "dates"
                                        << "suspension dates belong to a suspension";
    QTest::newRow("ends before it starts") << "backwards"
                                           << "ends (2026-11-20T02:00:00Z) before";
    QTest::newRow("amount not quantity x unit")
        << "amount"
        << "liability line 2 (delisting) does not add up: 1 x 25000 cents is not 2500";
    QTest::newRow("negative quantity") << "negative"
                                       << "liability line 1 (incident)";
    QTest::newRow("overflowing amount") << "overflow"
                                        << "liability line 1 (incident)";
}

void TestEnforcementRecords::decisionRefusals()
{
    QFETCH(QString, field);
    QFETCH(QString, message);
    DecisionRecord d = suspension();
    if (field == u"case")
        d.caseId = 999;
    if (field == u"action")
        d.chosenAction = "ban";
    if (field == u"proposal")
        d.proposedAction = "ban";
    if (field == u"unmarked") {
        d.chosenAction = "warning";
        d.suspensionStart = d.suspensionEnd = QDateTime();
    }
    if (field == u"dates") {
        d.proposedAction = d.chosenAction = "warning";
    }
    if (field == u"backwards")
        d.suspensionEnd = kNow.addDays(-7);
    d.lines = {{0, 0, "incident", "", 3, 1500, 4500}, {0, 0, "delisting", "", 1, 25000, 25000}};
    if (field == u"amount")
        d.lines[1].amountCents = 2500;
    if (field == u"negative")
        d.lines[0] = {0, 0, "incident", "", -3, 1500, -4500};
    if (field == u"overflow")
        d.lines[0] = {0, 0, "incident", "", Q_INT64_C(1) << 40, Q_INT64_C(1) << 40, 0};
    auto refused = DecisionRepository(*m_store).record(d);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(message), qPrintable(refused.error()));
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM case_decisions"), 0);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM liability_lines"), 0);
}

void TestEnforcementRecords::constraintsRefuseRawRows_data()
{
    QTest::addColumn<QString>("sql");
    const QString decision = QStringLiteral(
        "INSERT INTO case_decisions (id, case_id, chosen_action, overridden, reason, who,"
        " decided_at, policy_version, suspension_start, suspension_end)"
        " VALUES (%1, 1, '%2', %3, '%4', 'ana', '2026-11-27T02:00:00.000Z', '2025-12-10', %5)");
    const QString valid = decision.arg(1).arg("termination").arg(0).arg("").arg("NULL, NULL");
    QTest::newRow("override without reason")
        << decision.arg(2).arg("termination").arg(1).arg("  ").arg("NULL, NULL");
    QTest::newRow("unknown action") << decision.arg(2).arg("ban").arg(0).arg("").arg("NULL, NULL");
    QTest::newRow("dates on a termination") << decision.arg(2)
                                                   .arg("termination")
                                                   .arg(0)
                                                   .arg("")
                                                   .arg("'2026-11-27T02:00:00.000Z', NULL");
    QTest::newRow("suspension ends before it starts")
        << decision.arg(2)
               .arg("suspension")
               .arg(0)
               .arg("")
               .arg("'2026-11-27T02:00:00.000Z', '2026-11-20T02:00:00.000Z'");
    const QString line =
        valid + QStringLiteral("; INSERT INTO liability_lines (decision_id, position, kind,"
                               " quantity, unit_cents, amount_cents) VALUES (1, 1, 'incident',"
                               " %1, %2, %3)");
    QTest::newRow("amount not quantity x unit") << line.arg(3).arg(1500).arg(4000);
    // A lossless real (4500.0) becomes an integer by the column's affinity; these do not.
    QTest::newRow("amount with a fraction") << line.arg(3).arg(1500).arg("4500.5");
    QTest::newRow("unit with a fraction") << line.arg(2).arg("15.5").arg(31);
    QTest::newRow("negative quantity") << line.arg(-3).arg(1500).arg(-4500);
    QTest::newRow("notice without bytes")
        << "INSERT INTO notices (case_id, type, recipient_role, message_id, created_at, who,"
           " policy_version, eml, sha256) VALUES (1, 'warning', 'customer', '<a@b>',"
           " '2026-11-27T02:00:00.000Z', 'ana', '2025-12-10', NULL, printf('%064d', 0))";
    QTest::newRow("notice to the wrong role")
        << "INSERT INTO notices (case_id, type, recipient_role, message_id, created_at, who,"
           " policy_version, eml, sha256) VALUES (1, 'warning', 'lawyer', '<a@b>',"
           " '2026-11-27T02:00:00.000Z', 'ana', '2025-12-10', X'00', printf('%064d', 0))";
}

void TestEnforcementRecords::constraintsRefuseRawRows()
{
    QFETCH(QString, sql);
    const QString message = execRaw(*m_store, sql.toUtf8().constData());
    QVERIFY2(message.contains("constraint failed"), qPrintable(message));
}

void TestEnforcementRecords::noticeRoundTrip()
{
    NoticeRepository notices(*m_store);
    NoticeRecord n;
    n.caseId = m_case;
    n.type = "warning";
    n.recipientRole = "customer";
    n.recipient = "ops@northwind-deals.example";
    n.subject = "[IXCM-ABUSE-2026-000001] Warning";
    n.messageId = "<warning-1@abuse.ix.cm>";
    n.createdAt = kNow;
    n.responseDue = kNow.addSecs(72 * 3600);
    n.eml = noticeBytes("<warning-1@abuse.ix.cm>");
    auto id = notices.add(n);
    QVERIFY2(id, qPrintable(id.error()));
    const QByteArray sha = QCryptographicHash::hash(n.eml, QCryptographicHash::Sha256).toHex();

    auto listed = notices.forCase(m_case);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().id, *id);
    QVERIFY(listed->first().eml.isEmpty());
    QCOMPARE(listed->first().sha256Hex, sha);
    QCOMPARE(listed->first().who, QStringLiteral("desk")); // the store's actor
    QCOMPARE(listed->first().policyVersion, QStringLiteral("2025-12-10"));
    QCOMPARE(listed->first().responseDue, kNow.addSecs(72 * 3600));
    QCOMPARE(notices.forCase(m_case, true)->first().eml, n.eml);
    auto one = notices.byId(*id);
    QVERIFY(one);
    QCOMPARE(one->eml, n.eml);
    QCOMPARE(one->messageId, n.messageId);
    QCOMPARE(one->createdAt, kNow);
    auto missing = notices.byId(*id + 1);
    QVERIFY(!missing);
    QVERIFY(missing.error().contains(QString::number(*id + 1)));

    const CaseEventRecord event = CaseRepository(*m_store).caseById(m_case)->events.last();
    QCOMPARE(event.kind, QStringLiteral("notice"));
    QCOMPARE(event.newValue, QStringLiteral("warning"));
    QCOMPARE(event.oldValue, QStringLiteral("customer"));
    const AuditEntry e = AuditLog(*m_store).entries(m_case)->last();
    QCOMPARE(e.action, QStringLiteral("notice"));
    QCOMPARE(e.subject, n.messageId);
    QCOMPARE(e.details.value("sha256").toString(), QString::fromLatin1(sha));
    QCOMPARE(e.details.value("size").toInteger(), n.eml.size());
}

void TestEnforcementRecords::noticeRefusals_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown type") << "type"
                                  << "unknown notice type \u201cthreat\u201d";
    QTest::newRow("unknown role") << "role"
                                  << "unknown recipient role";
    QTest::newRow("no message id") << "messageId"
                                   << "has no Message-ID";
    QTest::newRow("no bytes") << "eml"
                              << "has no bytes";
    QTest::newRow("wrong sha256") << "sha"
                                  << "is not that of the bytes";
    QTest::newRow("saved twice") << "twice"
                                 << "is saved already (notice 1)";
    QTest::newRow("unknown case") << "case"
                                  << "there is no such case";
}

void TestEnforcementRecords::noticeRefusals()
{
    QFETCH(QString, field);
    QFETCH(QString, message);
    NoticeRecord n;
    n.caseId = m_case;
    n.type = "warning";
    n.recipientRole = "customer";
    n.messageId = "<warning-1@abuse.ix.cm>";
    n.eml = noticeBytes(n.messageId.toLatin1());
    if (field == u"twice")
        QVERIFY(NoticeRepository(*m_store).add(n));
    const qint64 before = scalar(*m_store, "SELECT count(*) FROM audit_log");
    if (field == u"type")
        n.type = "threat";
    if (field == u"role")
        n.recipientRole = "lawyer";
    if (field == u"messageId")
        n.messageId = " ";
    if (field == u"eml")
        n.eml.clear();
    if (field == u"sha")
        n.sha256Hex = QByteArray(64, 'a');
    if (field == u"case")
        n.caseId = 999;
    auto refused = NoticeRepository(*m_store).add(n);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(message), qPrintable(refused.error()));
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM notices"), field == u"twice" ? 1 : 0);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM audit_log"), before);
}

void TestEnforcementRecords::redactionKeyIsStable()
{
    auto key = redactionKey(*m_store);
    QVERIFY2(key, qPrintable(key.error()));
    QCOMPARE(key->size(), 32);
    QVERIFY(*key != QByteArray(32, '\0'));
    QCOMPARE(*redactionKey(*m_store), *key);
    const QString path = m_store->path();
    m_store.reset();
    auto reopened = CaseStore::open(path);
    QVERIFY(reopened);
    QCOMPARE(*redactionKey(**reopened), *key);
    QCOMPARE(scalar(**reopened, "SELECT count(*) FROM audit_log WHERE action = 'secret-created'"),
             1);
    // The key itself is never in the log.
    QVERIFY(!scalarText(**reopened, "SELECT group_concat(details) FROM audit_log")
                 .contains(QString::fromLatin1(key->toHex())));

    auto other = CaseStore::open(m_dir.filePath("other.awbcase"));
    QVERIFY(other);
    auto otherKey = redactionKey(**other);
    QVERIFY(otherKey);
    QVERIFY(*otherKey != *key);

    // A damaged key is reported, not silently replaced (every earlier token would change).
    QCOMPARE(execRaw(**other, "UPDATE desk_secrets SET value = X'0102'"), QString());
    auto damaged = redactionKey(**other);
    QVERIFY(!damaged);
    QVERIFY2(damaged.error().contains("2 bytes instead of 32"), qPrintable(damaged.error()));
}

void TestEnforcementRecords::ownerNotesAndResponse()
{
    CaseRepository cases(*m_store);
    QVERIFY(cases.setOwner(m_case, " ana ", "ben", kNow));
    QVERIFY(cases.setOwner(m_case, "ana", "ben", kNow)); // unchanged: nothing recorded
    QVERIFY(cases.setNotes(m_case, "Phoned the customer.", "", kNow));
    QVERIFY(cases.recordCustomerResponse(m_case, "  Bought a list; stopped sending.  ", "ana",
                                         kNow.addSecs(3600)));
    QVERIFY(cases.setOwner(m_case, "", "ana", kNow));
    auto empty = cases.recordCustomerResponse(m_case, " ", "ana", kNow);
    QVERIFY(!empty);
    QVERIFY2(empty.error().contains("IXCM-ABUSE-2026-000001"), qPrintable(empty.error()));
    QVERIFY(!cases.setOwner(999, "ana", "ana", kNow));

    auto c = cases.caseById(m_case);
    QVERIFY(c);
    QCOMPARE(c->owner, QString());
    QCOMPARE(c->notes, QStringLiteral("Phoned the customer."));
    QCOMPARE(scalarText(*m_store, "SELECT owner FROM cases"), QStringLiteral("<null>"));
    QList<CaseEventRecord> events = c->events.mid(2); // after "opened", "report-added"
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.at(0).kind, QStringLiteral("owner"));
    QCOMPARE(events.at(0).oldValue, QString());
    QCOMPARE(events.at(0).newValue, QStringLiteral("ana"));
    QCOMPARE(events.at(0).who, QStringLiteral("ben"));
    QCOMPARE(events.at(1).kind, QStringLiteral("notes"));
    QCOMPARE(events.at(1).who, QStringLiteral("desk")); // nobody named: the store's actor
    QCOMPARE(events.at(2).kind, QStringLiteral("customer-response"));
    QCOMPARE(events.at(2).newValue, QStringLiteral("Bought a list; stopped sending."));
    QCOMPARE(events.at(2).at, kNow.addSecs(3600));
    QCOMPARE(events.at(3).kind, QStringLiteral("owner"));
    QCOMPARE(events.at(3).oldValue, QStringLiteral("ana"));
    QCOMPARE(events.at(3).newValue, QString());

    auto entries = AuditLog(*m_store).entries(m_case);
    QVERIFY(entries);
    QStringList actions;
    for (const AuditEntry &e : entries->mid(1))
        actions << e.action;
    QCOMPARE(actions, QStringList({"case-owner", "case-notes", "customer-response", "case-owner"}));
    QCOMPARE(entries->at(1).what,
             QStringLiteral("Owner of case IXCM-ABUSE-2026-000001 set to ana."));
    QCOMPARE(entries->at(2).details.value("new").toString(),
             QStringLiteral("Phoned the customer."));
    QCOMPARE(entries->at(3).at, kNow.addSecs(3600));
    QCOMPARE(entries->at(4).what, QStringLiteral("Case IXCM-ABUSE-2026-000001 no longer has an "
                                                 "owner (was ana)."));
    QVERIFY(AuditLog(*m_store).verify()->intact);
}

void TestEnforcementRecords::analystNameInSettings()
{
    const QString path = m_dir.filePath("desk.ini");
    {
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(analystName(settings), QString());
        settings.setValue("cases/analyst", "old name");
        QCOMPARE(analystName(settings), QStringLiteral("old name"));
        setAnalystName(settings, "  Ana Lim ");
        QCOMPARE(analystName(settings), QStringLiteral("Ana Lim"));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("[desk]\nanalystName=Ana Lim"), text.constData());
    {
        QSettings settings(path, QSettings::IniFormat);
        setAnalystName(settings, "");
        QCOMPARE(analystName(settings), QStringLiteral("old name"));
        QVERIFY(!settings.contains("desk/analystName"));
    }
}

QTEST_GUILESS_MAIN(TestEnforcementRecords)
#include "tst_enforcement_records.moc"
