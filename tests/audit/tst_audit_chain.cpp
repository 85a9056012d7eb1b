// The audit log over real writes (the demo imported and grouped by `awb demo`, then a case
// worked through the repositories), verified intact, then tampered with through raw SQL as an
// attacker with the file would: every kind of edit is found at the entry where it was made.
#include "audit_test_support.h"

#include "store/audit_log.h"
#include "store/case_repository.h"
#include "store/decision_repository.h"
#include "store/desk_secrets.h"
#include "store/listing_repository.h"
#include "store/notice_repository.h"

#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;
using namespace Awb::Test;

namespace {

const QDateTime kNow(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC);

enum class Tamper {
    EditWho,
    EditDetails,
    RenameCase,
    DeleteMiddle,
    DeleteFirst,
    SwapContents,
    SwapOrder,
    RehashEdited,
    RehashAfterDelete,
};

QByteArray noticeBytes()
{
    return "From: IX.CM Abuse Desk <abuse@ix.cm>\r\nTo: ops@northwind-deals.example\r\n"
           "Subject: [IXCM-ABUSE-2026-000001] Suspension notice\r\n"
           "Message-ID: <notice-1@abuse.ix.cm>\r\n\r\nYour service is suspended.\r\n";
}

} // namespace

Q_DECLARE_METATYPE(Tamper)

class TestAuditChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void realWritesAreAudited();
    void importEntrySummarisesTheRun();
    void entriesOfOneCase();
    void documentedFormReverifies();
    void independentScriptReverifies();
    void tamperIsFound_data();
    void tamperIsFound();
    void removingTheNewestShowsOnlyAgainstThePinnedHead();
    void triggersRefuseUpdateAndDelete_data();
    void triggersRefuseUpdateAndDelete();
    void entryRollsBackWithTheCaller();
    void appendRefusesIncompleteEntries();

private:
    std::unique_ptr<CaseStore> openCopy(const QString &name);

    QTemporaryDir m_dir;
    QString m_pristine;
    qint64 m_case = 0; // the case worked on
    QString m_casePublicId;
    qint64 m_splitCase = 0; // the case split off it
    qint64 m_count = 0;
    QByteArray m_head;
};

std::unique_ptr<CaseStore> TestAuditChain::openCopy(const QString &name)
{
    const QString path = m_dir.filePath(name);
    if (!copyDatabase(m_pristine, path))
        return nullptr;
    auto store = CaseStore::open(path);
    return store ? std::move(*store) : nullptr;
}

void TestAuditChain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliRun demo = runAwb({"demo", "--out", m_dir.filePath("demo")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    m_pristine = m_dir.filePath("pristine.awbcase");
    {
        auto opened = CaseStore::open(m_dir.filePath("demo/demo.awbcase"));
        QVERIFY2(opened, qPrintable(opened.error()));
        CaseStore &store = **opened;
        store.setActor(QStringLiteral("tester"));
        CaseRepository cases(store);
        auto all = cases.cases();
        QVERIFY2(all, qPrintable(all.error()));
        // An attributed case with at least two reports, so that it can also be split.
        for (const CaseRecord &c : *all) {
            if (!c.accountId.isEmpty() && c.reports.size() >= 2 && m_case == 0) {
                m_case = c.id;
                m_casePublicId = c.publicId;
            }
        }
        QVERIFY2(m_case > 0, "the demo has no attributed case with two reports");
        const CaseRecord record = *cases.caseById(m_case);

        QVERIFY(cases.setStatus(m_case, "awaiting-customer", "ana", "warning sent", kNow));
        QVERIFY(cases.setOwner(m_case, "ana", "ana", kNow));
        QVERIFY(cases.setNotes(m_case, "Called the customer.", "ana", kNow));
        QVERIFY(cases.recordCustomerResponse(m_case, "The list was bought; sending stopped.", "ana",
                                             kNow));
        auto split = cases.split(m_case, {record.reports.last().evidenceId}, "ana",
                                 "a different campaign", kNow);
        QVERIFY2(split, qPrintable(split.error()));
        m_splitCase = *split;

        DecisionRecord decision;
        decision.caseId = m_case;
        decision.proposedAction = "termination-liability";
        decision.adviceJson = R"({"action":"termination-liability","factors":["blacklisting"]})";
        decision.chosenAction = "termination-liability";
        decision.who = "ana";
        decision.decidedAt = kNow;
        decision.lines = {{0, 0, "incident", "Blacklisting incidents", 3, 1500, 4500},
                          {0, 0, "delisting", "Spamhaus delisting", 1, 20000, 20000}};
        auto recorded = DecisionRepository(store).record(decision);
        QVERIFY2(recorded, qPrintable(recorded.error()));

        NoticeRecord notice;
        notice.caseId = m_case;
        notice.type = "termination-liability";
        notice.recipientRole = "customer";
        notice.recipient = "ops@northwind-deals.example";
        notice.subject = "[" + m_casePublicId + "] Termination";
        notice.messageId = "<notice-1@abuse.ix.cm>";
        notice.createdAt = kNow;
        notice.eml = noticeBytes();
        auto saved = NoticeRepository(store).add(notice);
        QVERIFY2(saved, qPrintable(saved.error()));

        StoredListing listing;
        listing.accountId = record.accountId;
        listing.listName = "Spamhaus ZEN";
        listing.zone = "zen.spamhaus.org";
        listing.addressOrRange = "203.0.113.40";
        listing.returnCodes = {"127.0.0.2"};
        listing.verdict = "listed";
        listing.checkedAt = kNow;
        listing.source = "dnsbl";
        auto listed = ListingRepository(store).add({listing});
        QVERIFY2(listed, qPrintable(listed.error()));
        QVERIFY(redactionKey(store));

        auto verification = AuditLog(store).verify();
        QVERIFY2(verification, qPrintable(verification.error()));
        QVERIFY2(verification->intact, qPrintable(verification->problem));
        m_count = verification->entryCount;
        m_head = verification->headHash;
    }
    QVERIFY(QFile::copy(m_dir.filePath("demo/demo.awbcase"), m_pristine));
}

void TestAuditChain::realWritesAreAudited()
{
    auto store = openCopy("audited.awbcase");
    QVERIFY(store);
    auto entries = AuditLog(*store).entries();
    QVERIFY2(entries, qPrintable(entries.error()));
    QCOMPARE(entries->size(), m_count);
    QCOMPARE(scalar(*store, "SELECT count(*) FROM audit_log"), m_count);
    QCOMPARE(entries->last().hash, m_head);

    QSet<QString> actions;
    for (const AuditEntry &e : *entries) {
        actions.insert(e.action);
        QVERIFY2(!e.who.trimmed().isEmpty(), qPrintable(QString::number(e.id)));
        QVERIFY2(!e.what.isEmpty(), qPrintable(QString::number(e.id)));
        QVERIFY(e.at.isValid());
    }
    for (const char *action :
         {"accounts-import", "import", "case-opened", "case-status", "case-owner", "case-notes",
          "customer-response", "case-split", "decision", "notice", "listings", "secret-created"})
        QVERIFY2(actions.contains(QString::fromLatin1(action)), action);
    // One entry per account file, per import run and per case opened: never one per message.
    QCOMPARE(scalar(*store, "SELECT count(*) FROM audit_log WHERE action = 'accounts-import'"),
             scalar(*store, "SELECT count(*) FROM account_imports"));
    QCOMPARE(scalar(*store, "SELECT count(*) FROM audit_log WHERE action = 'import'"),
             scalar(*store, "SELECT count(*) FROM import_runs"));
    // Every case but the one split off (its entry is the split) was opened by the grouping.
    QCOMPARE(scalar(*store, "SELECT count(*) FROM audit_log WHERE action = 'case-opened'"),
             scalar(*store, "SELECT count(*) FROM cases") - 1);

    // The grouping was by the demo's analyst; the case's work by ana, at the fixed clock.
    for (const AuditEntry &e : *entries) {
        if (e.action == u"case-opened" && e.caseId != m_splitCase)
            QCOMPARE(e.who, QStringLiteral("awb demo"));
        if (e.action == u"case-status") {
            QCOMPARE(e.who, QStringLiteral("ana"));
            QCOMPARE(e.why, QStringLiteral("warning sent"));
            QCOMPARE(e.at, kNow);
            QCOMPARE(e.details.value("old").toString(), QStringLiteral("open"));
            QCOMPARE(e.details.value("new").toString(), QStringLiteral("awaiting-customer"));
            QCOMPARE(e.casePublicId, m_casePublicId);
        }
        if (e.action == u"decision") {
            QCOMPARE(e.details.value("liability_cents").toInteger(), 24500);
            QCOMPARE(e.details.value("advice_sha256").toString().size(), 64);
        }
        if (e.action == u"secret-created")
            QCOMPARE(e.who, QStringLiteral("tester")); // the store's actor: nobody was named
    }
}

void TestAuditChain::importEntrySummarisesTheRun()
{
    auto store = openCopy("import.awbcase");
    QVERIFY(store);
    auto entries = AuditLog(*store).entries();
    QVERIFY(entries);
    int runs = 0;
    for (const AuditEntry &e : *entries) {
        if (e.action != u"import")
            continue;
        ++runs;
        const qint64 run = e.details.value("run").toInteger();
        QCOMPARE(e.subject, QStringLiteral("import run %1").arg(run));
        const QByteArray where = "FROM import_runs WHERE id = " + QByteArray::number(run);
        QCOMPARE(e.details.value("imported").toInteger(),
                 scalar(*store, ("SELECT imported " + where).constData()));
        QCOMPARE(e.details.value("duplicates").toInteger(),
                 scalar(*store, ("SELECT duplicates " + where).constData()));
        QCOMPARE(e.details.value("rejected").toInteger(),
                 scalar(*store, ("SELECT rejected " + where).constData()));
        QVERIFY(!e.details.value("paths").toArray().isEmpty());
        // The demo's malformed/ files are rejected on purpose; each is named with its reason.
        const QJsonArray rejections = e.details.value("rejections").toArray();
        QCOMPARE(rejections.size(), qMin<qint64>(20, e.details.value("rejected").toInteger()));
        QVERIFY(!rejections.isEmpty());
        for (const QJsonValue &r : rejections) {
            QVERIFY(r.toObject().value("path").toString().contains("malformed"));
            QVERIFY(!r.toObject().value("reason").toString().isEmpty());
        }
    }
    QCOMPARE(runs, 1);
}

void TestAuditChain::entriesOfOneCase()
{
    auto store = openCopy("case.awbcase");
    QVERIFY(store);
    auto own = AuditLog(*store).entries(m_case);
    QVERIFY(own);
    QStringList actions;
    for (const AuditEntry &e : *own) {
        QVERIFY(e.caseId == m_case || e.subject == m_casePublicId);
        actions << e.action;
    }
    QCOMPARE(actions.first(), QStringLiteral("case-opened"));
    for (const char *action : {"case-status", "case-owner", "case-notes", "customer-response",
                               "case-split", "decision", "notice"})
        QVERIFY2(actions.contains(QString::fromLatin1(action)), action);
    QVERIFY(!actions.contains("import"));

    // The split is about both cases: its subject names the new one.
    auto other = AuditLog(*store).entries(m_splitCase);
    QVERIFY(other);
    QStringList otherActions;
    for (const AuditEntry &e : *other)
        otherActions << e.action;
    QCOMPARE(otherActions, QStringList({"case-split"}));
}

void TestAuditChain::documentedFormReverifies()
{
    auto store = openCopy("documented.awbcase");
    QVERIFY(store);
    const QList<RawAuditRow> rows = rawAuditRows(*store);
    QCOMPARE(rows.size(), m_count);
    QByteArray previous(64, '0');
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const RawAuditRow &row = rows.at(i);
        QCOMPARE(row.id, i + 1);
        QCOMPARE(row.fields.last(), previous);
        QCOMPARE(documentedHash(row.id, row.fields), row.hash);
        previous = row.hash;
    }
}

void TestAuditChain::independentScriptReverifies()
{
    const QString python = QStandardPaths::findExecutable("python3");
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const QString script = QStringLiteral(AWB_TEST_DATA "/audit/verify_audit.py");
    auto run = [&](const QString &db) {
        QProcess process;
        process.start(python, {script, db});
        process.waitForFinished(60000);
        return std::make_pair(process.exitCode(),
                              process.readAllStandardOutput() + process.readAllStandardError());
    };
    const QString intact = m_dir.filePath("script-intact.awbcase");
    QVERIFY(copyDatabase(m_pristine, intact));
    const auto [code, output] = run(intact);
    QCOMPARE(code, 0);
    QCOMPARE(output.trimmed(),
             "intact: " + QByteArray::number(m_count) + " entries, head " + m_head);

    // The script in the header comment is the one in the data folder.
    QFile header(QStringLiteral(AWB_SOURCE_DIR "/models/store/audit_log.h"));
    QFile file(script);
    QVERIFY(header.open(QIODevice::ReadOnly) && file.open(QIODevice::ReadOnly));
    const QString headerText = QString::fromUtf8(header.readAll());
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith('#') || line.trimmed().isEmpty())
            continue;
        QVERIFY2(headerText.contains("//     " + QString::fromUtf8(line)), line.constData());
    }

    auto store = openCopy("script-broken.awbcase");
    QVERIFY(store);
    QCOMPARE(dropAuditTriggers(*store), QString());
    QCOMPARE(execRaw(*store, "UPDATE audit_log SET who = 'mallory' WHERE id = 3"), QString());
    store.reset();
    const auto [brokenCode, brokenOutput] = run(m_dir.filePath("script-broken.awbcase"));
    QVERIFY(brokenCode != 0);
    QVERIFY2(brokenOutput.contains("entry 3: hash does not match"), brokenOutput.constData());
}

void TestAuditChain::tamperIsFound_data()
{
    QTest::addColumn<Tamper>("tamper");
    QTest::addColumn<int>("offset"); // the broken entry, from the middle entry
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("missing"); // entries deleted before the broken one
    const QString edited = QStringLiteral("hash does not match its contents (edited)");
    QTest::newRow("one field edited") << Tamper::EditWho << 0 << edited << 0;
    QTest::newRow("details edited") << Tamper::EditDetails << 0 << edited << 0;
    QTest::newRow("case public id changed") << Tamper::RenameCase << 0 << edited << 0;
    QTest::newRow("middle entry deleted")
        << Tamper::DeleteMiddle << 1
        << QStringLiteral("previous-hash does not match entry %1 (an entry was deleted") << 1;
    QTest::newRow("first entry deleted")
        << Tamper::DeleteFirst << 0 << QStringLiteral("does not match the start of the chain") << 1;
    QTest::newRow("two entries' contents swapped") << Tamper::SwapContents << 0 << edited << 0;
    QTest::newRow("two entries reordered") << Tamper::SwapOrder << 0 << edited << 0;
    QTest::newRow("edited and rehashed")
        << Tamper::RehashEdited << 1 << QStringLiteral("previous-hash does not match entry %1")
        << 0;
    QTest::newRow("deleted and the rest rehashed")
        << Tamper::RehashAfterDelete << 1 << QStringLiteral("ids are not consecutive") << 1;
}

void TestAuditChain::tamperIsFound()
{
    QFETCH(Tamper, tamper);
    QFETCH(int, offset);
    QFETCH(QString, problem);
    QFETCH(int, missing);
    auto store = openCopy(QStringLiteral("tamper-%1.awbcase").arg(int(tamper)));
    QVERIFY(store);
    QCOMPARE(dropAuditTriggers(*store), QString());
    qint64 mid = m_count / 2;
    auto rehash = [&](qint64 from) {
        // What a careful attacker does after a change: recompute each later entry in turn.
        const QList<RawAuditRow> rows = rawAuditRows(*store);
        QByteArray previous;
        for (const RawAuditRow &row : rows) {
            if (row.id < from) {
                previous = row.hash;
                continue;
            }
            QList<QByteArray> fields = row.fields;
            fields.last() = previous;
            const QByteArray hash = documentedHash(row.id, fields);
            QCOMPARE(execBound(*store,
                               "UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
                               {QString::fromLatin1(previous), QString::fromLatin1(hash), row.id}),
                     QString());
            previous = hash;
        }
    };
    switch (tamper) {
    case Tamper::EditWho:
        QCOMPARE(execBound(*store, "UPDATE audit_log SET who = 'mallory' WHERE id = ?1", {mid}),
                 QString());
        break;
    case Tamper::EditDetails:
        QCOMPARE(execBound(*store, "UPDATE audit_log SET details = '{}' WHERE id = ?1", {mid}),
                 QString());
        break;
    case Tamper::RenameCase:
        mid = scalar(*store, "SELECT min(id) FROM audit_log WHERE case_id IS NOT NULL");
        QCOMPARE(execRaw(*store, "UPDATE cases SET public_id = 'IXCM-ABUSE-2026-999999' WHERE id ="
                                 " (SELECT case_id FROM audit_log WHERE case_id IS NOT NULL"
                                 " ORDER BY id LIMIT 1)"),
                 QString());
        break;
    case Tamper::DeleteMiddle:
        QCOMPARE(execBound(*store, "DELETE FROM audit_log WHERE id = ?1", {mid}), QString());
        problem = problem.arg(mid - 1);
        break;
    case Tamper::DeleteFirst:
        mid = 2;
        QCOMPARE(execRaw(*store, "DELETE FROM audit_log WHERE id = 1"), QString());
        break;
    case Tamper::SwapContents: {
        QCOMPARE(execBound(*store,
                           "CREATE TEMP TABLE pair AS SELECT * FROM audit_log"
                           " WHERE id IN (?1, ?1 + 1)",
                           {mid}),
                 QString());
        const char *swap =
            "UPDATE audit_log SET (at, who, action, case_id, subject, what, why, details) ="
            " (SELECT at, who, action, case_id, subject, what, why, details FROM pair"
            " WHERE pair.id = CASE audit_log.id WHEN ?1 THEN ?1 + 1 ELSE ?1 END)"
            " WHERE id IN (?1, ?1 + 1)";
        QCOMPARE(execBound(*store, swap, {mid}), QString());
        break;
    }
    case Tamper::SwapOrder:
        QCOMPARE(execBound(*store, "UPDATE audit_log SET id = -1 WHERE id = ?1", {mid}), QString());
        QCOMPARE(execBound(*store, "UPDATE audit_log SET id = ?1 WHERE id = ?1 + 1", {mid}),
                 QString());
        QCOMPARE(execBound(*store, "UPDATE audit_log SET id = ?1 + 1 WHERE id = -1", {mid}),
                 QString());
        break;
    case Tamper::RehashEdited: {
        QCOMPARE(execBound(*store, "UPDATE audit_log SET what = 'Nothing happened.' WHERE id = ?1",
                           {mid}),
                 QString());
        const RawAuditRow row = rawAuditRows(*store).at(mid - 1);
        QCOMPARE(row.id, mid);
        QCOMPARE(execBound(*store, "UPDATE audit_log SET hash = ?1 WHERE id = ?2",
                           {QString::fromLatin1(documentedHash(row.id, row.fields)), mid}),
                 QString());
        problem = problem.arg(mid);
        break;
    }
    case Tamper::RehashAfterDelete:
        QCOMPARE(execBound(*store, "DELETE FROM audit_log WHERE id = ?1", {mid}), QString());
        rehash(mid + 1);
        break;
    }
    auto verification = AuditLog(*store).verify();
    QVERIFY2(verification, qPrintable(verification.error()));
    QVERIFY(!verification->intact);
    QCOMPARE(verification->firstBrokenId, mid + offset);
    QVERIFY2(verification->problem.startsWith(QStringLiteral("entry %1: ").arg(mid + offset)),
             qPrintable(verification->problem));
    QVERIFY2(verification->problem.contains(problem), qPrintable(verification->problem));
    // The entries before the broken one are intact and counted.
    QCOMPARE(verification->entryCount, mid + offset - 1 - missing);
}

void TestAuditChain::removingTheNewestShowsOnlyAgainstThePinnedHead()
{
    auto store = openCopy("truncated.awbcase");
    QVERIFY(store);
    QCOMPARE(dropAuditTriggers(*store), QString());
    QCOMPARE(execBound(*store, "DELETE FROM audit_log WHERE id > ?1", {m_count - 2}), QString());
    auto verification = AuditLog(*store).verify();
    QVERIFY(verification);
    // A shorter chain is a valid chain: only the count and head pinned elsewhere tell.
    QVERIFY(verification->intact);
    QCOMPARE(verification->entryCount, m_count - 2);
    QVERIFY(verification->headHash != m_head);
}

void TestAuditChain::triggersRefuseUpdateAndDelete_data()
{
    QTest::addColumn<QString>("table");
    for (const char *table :
         {"audit_log", "case_events", "case_decisions", "liability_lines", "notices"})
        QTest::newRow(table) << QString::fromLatin1(table);
}

void TestAuditChain::triggersRefuseUpdateAndDelete()
{
    QFETCH(QString, table);
    auto store = openCopy("triggers-" + table + ".awbcase");
    QVERIFY(store);
    const QByteArray count = "SELECT count(*) FROM " + table.toLatin1();
    const qint64 before = scalar(*store, count.constData());
    QVERIFY(before > 0);
    const QString update =
        execRaw(*store, ("UPDATE " + table.toLatin1() + " SET id = id").constData());
    QVERIFY2(update.contains(table + " is append-only"), qPrintable(update));
    const QString removal = execRaw(*store, ("DELETE FROM " + table.toLatin1()).constData());
    QVERIFY2(removal.contains(table + " is append-only"), qPrintable(removal));
    QCOMPARE(scalar(*store, count.constData()), before);
}

void TestAuditChain::entryRollsBackWithTheCaller()
{
    auto store = openCopy("rollback.awbcase");
    QVERIFY(store);
    AuditLog log(*store);
    QVERIFY(store->begin());
    AuditEntryInput entry;
    entry.action = "test";
    entry.what = "An entry that is rolled back.";
    auto appended = log.append(entry);
    QVERIFY2(appended, qPrintable(appended.error()));
    QCOMPARE(*appended, m_count + 1);
    QVERIFY(store->rollback());
    QCOMPARE(scalar(*store, "SELECT count(*) FROM audit_log"), m_count);

    // A write that fails leaves no entry: the decision is refused, nothing is recorded.
    DecisionRecord bad;
    bad.caseId = m_case;
    bad.proposedAction = "warning";
    bad.chosenAction = "termination";
    bad.overridden = true;
    QVERIFY(!DecisionRepository(*store).record(bad));
    QVERIFY(!CaseRepository(*store).setStatus(m_case, "lost", "ana", "no such status"));
    QCOMPARE(scalar(*store, "SELECT count(*) FROM audit_log"), m_count);

    // The next entry continues the chain.
    appended = log.append(entry);
    QCOMPARE(*appended, m_count + 1);
    auto verification = log.verify();
    QVERIFY(verification && verification->intact);
    QCOMPARE(verification->entryCount, m_count + 1);
}

void TestAuditChain::appendRefusesIncompleteEntries()
{
    auto store = openCopy("incomplete.awbcase");
    QVERIFY(store);
    AuditLog log(*store);
    AuditEntryInput entry;
    entry.what = "No action.";
    QVERIFY(!log.append(entry));
    entry.action = "test";
    entry.what = "  ";
    QVERIFY(!log.append(entry));
    entry.what = "About a case that does not exist.";
    entry.caseId = 9999;
    auto missing = log.append(entry);
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains("9999"), qPrintable(missing.error()));
    QCOMPARE(scalar(*store, "SELECT count(*) FROM audit_log"), m_count);

    // Nobody named: the store's actor; with one set, that name.
    entry.caseId = 0;
    store->setActor("  ");
    QVERIFY(!store->actor().isEmpty());
    store->setActor("night shift");
    QVERIFY(log.append(entry));
    QCOMPARE(log.entries()->last().who, QStringLiteral("night shift"));
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_audit_chain.moc"
