// `awb cases` end to end on the demo data: accounts and reports imported, grouped, listed as
// JSON, and merged, split and moved from the command line.
#include "../cli/cli_runner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kDemo = QStringLiteral(AWB_SOURCE_DIR "/resources/demo");

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

QString demoSha(const QString &prefix)
{
    const QStringList files =
        QDir(kDemo + "/reports").entryList({prefix + QStringLiteral("-*.eml")}, QDir::Files);
    QFile file(kDemo + "/reports/" + files.value(0));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestCasesCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void groupsTheDemo();
    void jsonShape();
    void showsHistory();
    void mergeSplitMove();
    void exitCodes();

private:
    QList<QJsonObject> listCases();
    QJsonObject caseOf(const QString &sha256);
    qint64 evidenceIdOf(const QString &sha256);

    QTemporaryDir m_dir;
    QString m_db;
};

void TestCasesCli::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("demo.db"));
    QStringList csv;
    for (const QString &name : QDir(kDemo + "/accounts").entryList({"*.csv"}, QDir::Files))
        csv << kDemo + "/accounts/" + name;
    CliRun accounts = runAwb(QStringList{"accounts", "import", "--db", m_db} + csv);
    QVERIFY2(accounts.exitCode == 0, accounts.err.constData());
    CliRun import =
        runAwb({"import", "--db", m_db, "--settings", kDemo + "/analysis.ini", kDemo + "/reports",
                kDemo + "/demo-abuse-mailbox.mbox", kDemo + "/maildir"});
    QVERIFY2(import.exitCode == 0, import.err.constData());
    CliRun group =
        runAwb({"cases", "--db", m_db, "group", "--settings", kDemo + "/analysis.ini", "--json"});
    QVERIFY2(group.exitCode == 0, group.err.constData());
    const QJsonObject summary = jsonLines(group.out).value(0);
    // The sales inquiry and the customer's reply are messages, not complaints.
    QCOMPARE(summary.value("not_grouped").toArray().size(), 2);
    // A second run finds nothing new.
    CliRun again = runAwb({"cases", "--db", m_db, "group", "--json"});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(jsonLines(again.out).value(0).value("grouped").toInt(), 0);
}

QList<QJsonObject> TestCasesCli::listCases()
{
    const CliRun run = runAwb({"cases", "--db", m_db, "list", "--json"});
    return run.exitCode == 0 ? jsonLines(run.out) : QList<QJsonObject>{};
}

QJsonObject TestCasesCli::caseOf(const QString &sha256)
{
    for (const QJsonObject &c : listCases()) {
        for (const QJsonValue &r : c.value("reports").toArray()) {
            if (r.toObject().value("sha256").toString() == sha256)
                return c;
        }
    }
    return {};
}

qint64 TestCasesCli::evidenceIdOf(const QString &sha256)
{
    for (const QJsonValue &r : caseOf(sha256).value("reports").toArray()) {
        if (r.toObject().value("sha256").toString() == sha256)
            return r.toObject().value("evidence_id").toInteger();
    }
    return 0;
}

void TestCasesCli::groupsTheDemo()
{
    // Northwind's "refund approved" campaign: five reports from three addresses of its /29.
    const QJsonObject northwind = caseOf(demoSha("01"));
    QCOMPARE(northwind.value("account_id").toString(), QStringLiteral("IXC-10042"));
    QCOMPARE(northwind.value("reports").toArray().size(), 5);
    for (const char *report : {"02", "03", "04", "05"})
        QCOMPARE(caseOf(demoSha(report)).value("id"), northwind.value("id"));
    QCOMPARE(northwind.value("severity").toString(), QStringLiteral("high"));

    // The bakery: the forwarded phish and the SBL listing of the same address.
    const QJsonObject bakery = caseOf(demoSha("06"));
    QCOMPARE(bakery.value("account_id").toString(), QStringLiteral("IXC-10077"));
    QCOMPARE(caseOf(demoSha("07")).value("id"), bakery.value("id"));

    // Lumen: the complaint (November) and the opt-out (September) are two cases: an opt-out is
    // a request on the 4.2 clock, not an allegation, and the two are 41 days apart anyway.
    const QJsonObject complaint = caseOf(demoSha("08"));
    const QJsonObject optOut = caseOf(demoSha("09"));
    QCOMPARE(complaint.value("account_id").toString(), QStringLiteral("IXC-10101"));
    QCOMPARE(optOut.value("account_id").toString(), QStringLiteral("IXC-10101"));
    QVERIFY(complaint.value("id") != optOut.value("id"));
    QCOMPARE(complaint.value("kind").toString(), QStringLiteral("complaint"));
    QCOMPARE(optOut.value("kind").toString(), QStringLiteral("opt-out"));

    // Spam from outside our network: unattributed, keyed by its origin network.
    const QJsonObject stranger = caseOf(demoSha("10"));
    QVERIFY(stranger.value("account_id").isNull());
    QCOMPARE(stranger.value("origin_key").toString(), QStringLiteral("198.51.100.0/24"));
    // With Quayside Print Studio's May 2026 complaint about 203.0.113.40 (mbox 0), which belongs
    // to the address's holder then, not to the bakery: six cases.
    QCOMPARE(caseOf(demoSha("06")).value("reports").toArray().size(), 2);
    QCOMPARE(listCases().size(), 6);
}

void TestCasesCli::jsonShape()
{
    const QRegularExpression publicId(QStringLiteral("^IXCM-ABUSE-\\d{4}-\\d{6}$"));
    const QList<QJsonObject> cases = listCases();
    QVERIFY(!cases.isEmpty());
    for (const QJsonObject &c : cases) {
        QVERIFY2(publicId.match(c.value("id").toString()).hasMatch(),
                 qPrintable(c.value("id").toString()));
        QVERIFY(c.value("account_id").isString() || c.value("account_id").isNull());
        QCOMPARE(c.value("status").toString(), QStringLiteral("open"));
        QVERIFY(c.value("severity").isString());
        QVERIFY(QDateTime::fromString(c.value("opened").toString(), Qt::ISODate).isValid());
        QCOMPARE(c.value("policy_version").toString(), QStringLiteral("2025-12-10"));
        QVERIFY(!c.value("reports").toArray().isEmpty());
        for (const QJsonValue &value : c.value("reports").toArray()) {
            const QJsonObject r = value.toObject();
            QCOMPARE(r.value("sha256").toString().size(), 64);
            QVERIFY(r.value("message_id").isString());
            QVERIFY(r.value("format").isString());
            QVERIFY(r.value("origin_ip").isString() || r.value("origin_ip").isNull());
        }
    }
    // The Northwind case's deadline: report 01's receipt at mx1.ix.cm + 72 hours.
    QCOMPARE(caseOf(demoSha("01")).value("response_due").toString(),
             QStringLiteral("2026-11-05T09:20:09Z"));
}

void TestCasesCli::showsHistory()
{
    const QString id = caseOf(demoSha("06")).value("id").toString();
    const CliRun run = runAwb({"cases", "--db", m_db, "show", id, "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject shown = jsonLines(run.out).value(0);
    QCOMPARE(shown.value("id").toString(), id);
    const QJsonArray events = shown.value("events").toArray();
    QCOMPARE(events.size(), 3); // opened, two reports added
    QCOMPARE(events.at(0).toObject().value("kind").toString(), QStringLiteral("opened"));
    QVERIFY(events.at(2).toObject().value("why").toString().startsWith(
        QStringLiteral("same account IXC-10077 and ")));
    const CliRun text = runAwb({"cases", "--db", m_db, "show", id});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("IXC-10077"));
    QVERIFY(text.out.contains("History:"));
}

void TestCasesCli::mergeSplitMove()
{
    const QString northwind = caseOf(demoSha("01")).value("id").toString();
    const qint64 jmrp = evidenceIdOf(demoSha("05"));
    const qint64 xarf = evidenceIdOf(demoSha("04"));
    CliRun split = runAwb({"cases", "--db", m_db, "split", northwind, "--reports",
                           QStringLiteral("%1,%2").arg(jmrp).arg(xarf), "--why", "trap reports",
                           "--who", "ana", "--json"});
    QVERIFY2(split.exitCode == 0, split.err.constData());
    const QJsonObject part = jsonLines(split.out).value(0);
    QCOMPARE(part.value("reports").toArray().size(), 2);
    QCOMPARE(part.value("account_id").toString(), QStringLiteral("IXC-10042"));
    const QString partId = part.value("id").toString();
    QVERIFY(partId != northwind);

    CliRun move = runAwb({"cases", "--db", m_db, "move", QString::number(jmrp), "--to", northwind,
                          "--why", "a complaint, not a trap", "--who", "ana", "--json"});
    QVERIFY2(move.exitCode == 0, move.err.constData());
    QCOMPARE(jsonLines(move.out).value(0).value("reports").toArray().size(), 4);

    CliRun merge = runAwb({"cases", "--db", m_db, "merge", northwind, partId, "--why",
                           "one campaign", "--who", "ana", "--json"});
    QVERIFY2(merge.exitCode == 0, merge.err.constData());
    const QJsonObject merged = jsonLines(merge.out).value(0);
    QCOMPARE(merged.value("reports").toArray().size(), 5);
    QStringList kinds;
    for (const QJsonValue &e : merged.value("events").toArray()) {
        kinds << e.toObject().value("kind").toString();
        if (e.toObject().value("kind").toString() != u"opened" &&
            e.toObject().value("kind").toString() != u"report-added")
            QCOMPARE(e.toObject().value("who").toString(), QStringLiteral("ana"));
    }
    QCOMPARE(kinds.mid(kinds.size() - 4), (QStringList{"split", "split", "move", "merge"}));
    const QJsonObject closed =
        jsonLines(runAwb({"cases", "--db", m_db, "show", partId, "--json"}).out).value(0);
    QCOMPARE(closed.value("status").toString(), QStringLiteral("closed"));
    QCOMPARE(closed.value("merged_into").toString(), northwind);
}

void TestCasesCli::exitCodes()
{
    QCOMPARE(runAwb({"cases"}).exitCode, 2);                                  // no --db
    QCOMPARE(runAwb({"cases", "--db", m_db, "frobnicate"}).exitCode, 2);      // unknown action
    QCOMPARE(runAwb({"cases", "--db", m_db, "show"}).exitCode, 2);            // no ID
    QCOMPARE(runAwb({"cases", "--db", m_db, "merge", "1", "2"}).exitCode, 2); // no --why
    QCOMPARE(runAwb({"cases", "--db", m_db, "show", "IXCM-ABUSE-1999-000001"}).exitCode, 1);
    QCOMPARE(runAwb({"cases", "--db", m_db, "status", "1", "pending", "--why", "x"}).exitCode, 1);
    QCOMPARE(runAwb({"cases", "--db", m_db, "list"}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCasesCli)
#include "tst_cases_cli.moc"
