// `awb policy` end to end: the clause list, a clause's exact text with its citation, versions
// (the shipped one and a second pack from a folder), the calendar, deadlines and exit codes.
#include "../cli/cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

const QString kPolicy =
    QStringLiteral(AWB_SOURCE_DIR "/resources/policy/ixcm-anti-spam-policy-2025-12-10.md");

} // namespace

class TestPolicyCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsClauses();
    void printsOneClause();
    void unknownClauseAndVersion();
    void secondPack();
    void calendar();
    void deadlines();
};

void TestPolicyCli::listsClauses()
{
    const CliRun run = runAwb({QStringLiteral("policy")});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(out.startsWith(QStringLiteral("Anti-Spam Policy, version of 10 December 2025 "
                                          "(2025-12-10), IX.CM, Kvmcloud Network CO., LIMITED\n"
                                          "Governing law: Hong Kong Special Administrative "
                                          "Region\n")));
    QVERIFY(out.contains(QStringLiteral("\nIII    Prohibited Activities\n  3.1  Email Abuse\n")));
    QVERIFY(out.contains(QStringLiteral("\nXI     Cooperation with Authorities\n")));

    const CliRun json = runAwb({QStringLiteral("policy"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QList<QJsonObject> clauses = jsonLines(json.out);
    QCOMPARE(clauses.size(), 17);
    QCOMPARE(clauses.at(3).value(QStringLiteral("id")).toString(), QStringLiteral("3.2"));
    QCOMPARE(clauses.at(3).value(QStringLiteral("citation")).toString(),
             QStringLiteral("Anti-Spam Policy, section 3.2 (Deceptive Practices), version of "
                            "10 December 2025"));
    QCOMPARE(clauses.at(8).value(QStringLiteral("section_title")).toString(),
             QStringLiteral("Reporting Abuse"));
}

void TestPolicyCli::printsOneClause()
{
    const CliRun run =
        runAwb({QStringLiteral("policy"), QStringLiteral("--clause"), QStringLiteral("4.2")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out),
             QStringLiteral("4.2 Message Standards\n\n"
                            "- Accurate sender information in all headers.\n"
                            "- Clear, non-deceptive subject lines.\n"
                            "- Physical postal address in message body.\n"
                            "- Functional unsubscribe mechanism in every message.\n"
                            "- Process opt-out requests within 10 business days.\n\n"
                            "Anti-Spam Policy, section 4.2 (Message Standards), version of "
                            "10 December 2025\n"));
    const CliRun json = runAwb({QStringLiteral("policy"), QStringLiteral("--clause"),
                                QStringLiteral("V"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject v = jsonLines(json.out).value(0);
    QVERIFY(v.value(QStringLiteral("text"))
                .toString()
                .endsWith(QStringLiteral("Response time: 72 hours from receipt.")));
    QCOMPARE(v.value(QStringLiteral("version")).toString(), QStringLiteral("2025-12-10"));
}

void TestPolicyCli::unknownClauseAndVersion()
{
    CliRun run =
        runAwb({QStringLiteral("policy"), QStringLiteral("--clause"), QStringLiteral("9.9")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no clause 9.9 in the policy version 2025-12-10"),
             run.err.constData());
    run = runAwb(
        {QStringLiteral("policy"), QStringLiteral("--version"), QStringLiteral("2030-01-01")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no policy version 2030-01-01 (known: 2025-12-10)"),
             run.err.constData());
    run = runAwb({QStringLiteral("policy"), QStringLiteral("--deadline"), QStringLiteral("soon"),
                  QStringLiteral("--from"), QStringLiteral("2026-11-27T10:00:00+08:00")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("unknown deadline \"soon\""), run.err.constData());
    run = runAwb(
        {QStringLiteral("policy"), QStringLiteral("--packs"), QStringLiteral("/nonexistent")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("/nonexistent/packs.json: cannot read"), run.err.constData());
}

void TestPolicyCli::secondPack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(
        QFile::copy(kPolicy, dir.filePath(QStringLiteral("ixcm-anti-spam-policy-2025-12-10.md"))));
    QVERIFY(QFile::copy(QStringLiteral(AWB_TEST_DATA "/policy/ixcm-anti-spam-policy-2026-03-01.md"),
                        dir.filePath(QStringLiteral("ixcm-anti-spam-policy-2026-03-01.md"))));
    QVERIFY(QFile::copy(QStringLiteral(AWB_TEST_DATA "/policy/packs-two-versions.json"),
                        dir.filePath(QStringLiteral("packs.json"))));
    const QStringList packs = {QStringLiteral("policy"), QStringLiteral("--packs"), dir.path()};

    CliRun run = runAwb(packs + QStringList{QStringLiteral("--versions")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("2025-12-10  Anti-Spam Policy, version of 10 December 2025"));
    QVERIFY(run.out.contains("\n2026-03-01  Anti-Spam Policy, version of 1 March 2026"));

    run = runAwb(packs + QStringList{QStringLiteral("--clause"), QStringLiteral("3.2")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("- Registering lookalike domains"));
    QVERIFY(run.out.endsWith("section 3.2 (Deceptive Practices), version of 1 March 2026\n"));

    // A case opened in January 2026 quotes the version then in force.
    run =
        runAwb(packs + QStringList{QStringLiteral("--clause"), QStringLiteral("3.2"),
                                   QStringLiteral("--at"), QStringLiteral("2026-01-15T09:00:00Z")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains("- Registering lookalike domains"));
    QVERIFY(run.out.endsWith("version of 10 December 2025\n"));

    run = runAwb(packs + QStringList{QStringLiteral("--at"), QStringLiteral("2025-06-01")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no policy version was in force on 2025-06-01"), run.err.constData());
}

void TestPolicyCli::calendar()
{
    const CliRun run = runAwb({QStringLiteral("policy"), QStringLiteral("--calendar")});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(out.startsWith(QStringLiteral("Calendar: Hong Kong General Holidays "
                                          "(hk-general-holidays.ics), covers 2024-2027 (2027 "
                                          "provisional), sha256 ")));
    QVERIFY(out.contains(QStringLiteral("\n2026-04-07 Tue The day following Easter Monday\n")));
    QVERIFY(out.contains(QStringLiteral("\n2027-02-09 Tue The fourth day of Lunar New Year  "
                                        "(provisional: computed, not gazetted)\n")));
    QCOMPARE(out.count(QStringLiteral("(provisional")), 17);
    QCOMPARE(out.count(u'\n'), 5 + 68);

    const CliRun json =
        runAwb({QStringLiteral("policy"), QStringLiteral("--calendar"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = jsonLines(json.out).value(0);
    QCOMPARE(object.value(QStringLiteral("first_year")).toInt(), 2024);
    QCOMPARE(object.value(QStringLiteral("last_year")).toInt(), 2027);
    QCOMPARE(object.value(QStringLiteral("provisional_years")).toArray(), QJsonArray{2027});
    const QJsonArray holidays = object.value(QStringLiteral("holidays")).toArray();
    QCOMPARE(holidays.size(), 68);
    QCOMPARE(holidays.first().toObject().value(QStringLiteral("provisional")).toBool(), false);
    QCOMPARE(holidays.last().toObject().value(QStringLiteral("provisional")).toBool(), true);

    const CliRun broken = runAwb({QStringLiteral("policy"), QStringLiteral("--calendar"),
                                  QStringLiteral("--calendar-file"), kPolicy});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains("ixcm-anti-spam-policy-2025-12-10.md line 1: not an iCalendar"),
             broken.err.constData());
}

void TestPolicyCli::deadlines()
{
    CliRun run =
        runAwb({QStringLiteral("policy"), QStringLiteral("--deadline"), QStringLiteral("opt-out"),
                QStringLiteral("--from"), QStringLiteral("2025-12-22T10:00:00+08:00")});
    QCOMPARE(run.exitCode, 0);
    QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(QStringLiteral("Deadline (opt-out): Tue 6 Jan 2026 23:59:59 HKT "
                                           "(15:59:59 UTC)\nFrom: Mon 22 Dec 2025 10:00 HKT "
                                           "(02:00 UTC)\nBasis: 10 business days from receipt, "
                                           "policy section 4.2: ")),
             qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("\nCalendar: Hong Kong General Holidays")));
    QVERIFY(!out.contains(QStringLiteral("Warning")));

    // No offset: Hong Kong time. Late 2027 runs into 2028, which the calendar does not cover,
    // over 2027's provisional holidays.
    run = runAwb({QStringLiteral("policy"), QStringLiteral("--deadline"), QStringLiteral("opt-out"),
                  QStringLiteral("--from"), QStringLiteral("2027-12-24T10:00:00"),
                  QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = jsonLines(run.out).value(0);
    QCOMPARE(object.value(QStringLiteral("due")).toString(),
             QStringLiteral("2028-01-07T15:59:59Z"));
    QCOMPARE(object.value(QStringLiteral("calendar_incomplete")).toBool(), true);
    QCOMPARE(object.value(QStringLiteral("calendar_provisional")).toBool(), true);
    const QString note = object.value(QStringLiteral("calendar_note")).toString();
    QVERIFY2(note.startsWith(QStringLiteral("the calendar does not cover 2028")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("the 2027 holidays are provisional")), qPrintable(note));

    run =
        runAwb({QStringLiteral("policy"), QStringLiteral("--deadline"), QStringLiteral("response"),
                QStringLiteral("--from"), QStringLiteral("2026-11-27T06:30:00Z"),
                QStringLiteral("--now"), QStringLiteral("2026-11-30T10:00:00+08:00")});
    QCOMPARE(run.exitCode, 0);
    out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(QStringLiteral("Deadline (response): Mon 30 Nov 2026 14:30 HKT (06:30 "
                                           "UTC)\n")),
             qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("Basis: 72 hours from receipt, policy section V\n")));
    QVERIFY(out.endsWith(QStringLiteral("State: due-today\n")));

    run = runAwb({QStringLiteral("policy"), QStringLiteral("--deadline"),
                  QStringLiteral("suspension-end"), QStringLiteral("--from"),
                  QStringLiteral("2026-11-27T14:30:00+08:00")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("suspension-end needs --days"));
    run = runAwb({QStringLiteral("policy"), QStringLiteral("--deadline"),
                  QStringLiteral("suspension-end"), QStringLiteral("--days"), QStringLiteral("7"),
                  QStringLiteral("--from"), QStringLiteral("2026-11-27T14:30:00+08:00")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Deadline (suspension-end): Fri 4 Dec 2026 14:30 HKT (06:30 UTC)"));
    run = runAwb({QStringLiteral("policy"), QStringLiteral("--deadline"), QStringLiteral("opt-out"),
                  QStringLiteral("--from"), QStringLiteral("yesterday")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--from: not an ISO 8601 time: \"yesterday\""));
}

QTEST_GUILESS_MAIN(TestPolicyCli)
#include "tst_policy_cli.moc"
