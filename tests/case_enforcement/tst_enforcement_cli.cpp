// awb advise, decide and notice end to end on the demo: the proposal with its rule, an override
// refused without a reason, termination with liability for the blocklisted account (amounts in
// cents), the notices as .eml (read back by Python's email package, no reporter data) and PDF,
// and every step in an intact audit chain.
#include "../cli/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QJsonObject lastJson(const QByteArray &out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.value(lines.size() - 1)).object();
}

} // namespace

class TestEnforcementCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void adviseExplains();
    void overrideNeedsReason();
    void terminationWithLiability();
    void noticesAsEmlAndPdf();
    void auditChainHoldsEverything();
    void evidencePackage();
    void caseShowsEnforcement();
    void usageErrors();

private:
    QString caseOf(const QString &account);

    QTemporaryDir m_dir;
    QString m_db;
};

void TestEnforcementCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const CliRun demo = runAwb({QStringLiteral("demo"), QStringLiteral("--out"), m_dir.path()});
    QVERIFY2(demo.exitCode == 0 || demo.exitCode == 1, demo.err.constData());
    m_db = m_dir.filePath(QStringLiteral("demo.awbcase"));
    QVERIFY(QFile::exists(m_db));
}

QString TestEnforcementCli::caseOf(const QString &account)
{
    const CliRun list = runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db,
                                QStringLiteral("list"), QStringLiteral("--json")});
    for (const QByteArray &line : list.out.split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value(QLatin1String("account_id")).toString() == account &&
            object.value(QLatin1String("kind")).toString() == u"complaint")
            return object.value(QLatin1String("id")).toString();
    }
    return {};
}

void TestEnforcementCli::adviseExplains()
{
    const QString northwind = caseOf(QStringLiteral("IXC-10042"));
    QVERIFY(!northwind.isEmpty());
    const CliRun text = runAwb({QStringLiteral("advise"), QStringLiteral("--db"), m_db,
                                QStringLiteral("--case"), northwind});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("Rule: R2 repeated"), text.out.constData());
    QVERIFY(text.out.contains("LEGACY-2026-0311"));
    const CliRun json = runAwb({QStringLiteral("advise"), QStringLiteral("--db"), m_db,
                                QStringLiteral("--case"), northwind, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject advice = lastJson(json.out);
    QCOMPARE(advice.value(QLatin1String("action")).toString(), QStringLiteral("termination"));
    QVERIFY(advice.value(QLatin1String("factors")).toArray().size() >= 3);
}

void TestEnforcementCli::overrideNeedsReason()
{
    const QString northwind = caseOf(QStringLiteral("IXC-10042"));
    const QStringList base = {QStringLiteral("decide"),
                              QStringLiteral("--db"),
                              m_db,
                              QStringLiteral("--case"),
                              northwind,
                              QStringLiteral("--analyst"),
                              QStringLiteral("Ada Analyst")};
    const CliRun refused =
        runAwb(base + QStringList{QStringLiteral("--action"), QStringLiteral("warning")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("reason"), refused.err.constData());
    const CliRun recorded =
        runAwb(base + QStringList{QStringLiteral("--action"), QStringLiteral("suspension"),
                                  QStringLiteral("--days"), QStringLiteral("21"),
                                  QStringLiteral("--reason"),
                                  QStringLiteral("Legacy warning predates the new owner"),
                                  QStringLiteral("--json")});
    QCOMPARE(recorded.exitCode, 0);
    const QJsonObject decision = lastJson(recorded.out);
    QCOMPARE(decision.value(QLatin1String("chosen")).toString(), QStringLiteral("suspension"));
    QCOMPARE(decision.value(QLatin1String("days")).toInt(), 21);
    QVERIFY(decision.value(QLatin1String("overridden")).toBool());
}

void TestEnforcementCli::terminationWithLiability()
{
    // The harbour bakery's address is on the SBL (the demo's Spamhaus notice): rule R1.
    const QString harbour = caseOf(QStringLiteral("IXC-10077"));
    QVERIFY(!harbour.isEmpty());
    const CliRun decided = runAwb(
        {QStringLiteral("decide"), QStringLiteral("--db"), m_db, QStringLiteral("--case"), harbour,
         QStringLiteral("--accept"), QStringLiteral("--charge"),
         QStringLiteral("delisting-fee=120.50:Spamhaus SBL removal"), QStringLiteral("--charge"),
         QStringLiteral("administrative-overhead=45"), QStringLiteral("--json")});
    QVERIFY2(decided.exitCode == 0, decided.err.constData());
    const QJsonObject decision = lastJson(decided.out);
    QCOMPARE(decision.value(QLatin1String("chosen")).toString(),
             QStringLiteral("termination-liability"));
    const QJsonObject liability = decision.value(QLatin1String("liability")).toObject();
    // One listing and the complaint campaign: two incidents at USD 15.00, plus 165.50 charged.
    const qint64 incidents = liability.value(QLatin1String("incident_total_cents")).toInteger();
    const qint64 charges = liability.value(QLatin1String("charges_total_cents")).toInteger();
    QCOMPARE(incidents, 3000);
    QCOMPARE(charges, 16550);
    QCOMPARE(liability.value(QLatin1String("total_due_cents")).toInteger(), incidents + charges);
    // The customer record's prepaid balance (USD 120.00) is forfeited, not billed.
    QCOMPARE(liability.value(QLatin1String("forfeit_total_cents")).toInteger(), 12000);

    const CliRun low = runAwb({QStringLiteral("decide"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--case"), harbour, QStringLiteral("--accept"),
                               QStringLiteral("--per-incident"), QStringLiteral("14.99")});
    QCOMPARE(low.exitCode, 1);
    QVERIFY2(low.err.contains("15.00"), low.err.constData());
}

void TestEnforcementCli::noticesAsEmlAndPdf()
{
    const QString harbour = caseOf(QStringLiteral("IXC-10077"));
    const QString eml = m_dir.filePath(QStringLiteral("termination.eml"));
    const CliRun written =
        runAwb({QStringLiteral("notice"), QStringLiteral("--db"), m_db, QStringLiteral("--case"),
                harbour, QStringLiteral("--type"), QStringLiteral("termination-liability"),
                QStringLiteral("--out"), eml});
    QVERIFY2(written.exitCode == 0, written.err.constData());
    QFile file(eml);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains(("X-Abuse-Case: " + harbour).toUtf8()));
    QVERIFY(bytes.contains("Auto-Submitted: auto-generated"));

    // Python's email package reads it as a well-formed two-part message.
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import email,sys\nfrom email import policy\n"
                                 "m=email.message_from_bytes(open(sys.argv[1],'rb').read(),"
                                 "policy=policy.default)\n"
                                 "assert not m.defects, m.defects\n"
                                 "t=m.get_body(preferencelist=('plain',)).get_content()\n"
                                 "h=m.get_body(preferencelist=('html',)).get_content()\n"
                                 "print(m['Subject']); print(t)"),
                  eml});
    QVERIFY(python.waitForFinished(30000));
    QCOMPARE(python.exitCode(), 0);
    const QString text = QString::fromUtf8(python.readAllStandardOutput());
    QVERIFY(text.contains(harbour));
    QVERIFY(text.contains(QLatin1String("USD 15.00")));
    QVERIFY(text.contains(QLatin1String("Infrastructure Impact")));
    // The Spamhaus notice's and the phishing victims' addresses never reach the customer.
    for (const char *reporter : {"spamhaus.org", "lakeside", "notices@"})
        QVERIFY2(!bytes.contains(reporter) && !text.contains(QLatin1String(reporter)), reporter);

    const QString pdf = m_dir.filePath(QStringLiteral("termination.pdf"));
    const CliRun drawn =
        runAwb({QStringLiteral("notice"), QStringLiteral("--db"), m_db, QStringLiteral("--case"),
                harbour, QStringLiteral("--type"), QStringLiteral("termination-liability"),
                QStringLiteral("--out"), pdf, QStringLiteral("--dry-run")});
    QVERIFY2(drawn.exitCode == 0, drawn.err.constData());
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString pdfText = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY(pdfText.contains(harbour));
    QVERIFY(pdfText.contains(QLatin1String("Anti-Spam Policy, section 6.2")));

    // Sanction notices need the decision they announce.
    const CliRun mismatch =
        runAwb({QStringLiteral("notice"), QStringLiteral("--db"), m_db, QStringLiteral("--case"),
                harbour, QStringLiteral("--type"), QStringLiteral("warning"),
                QStringLiteral("--out"), m_dir.filePath(QStringLiteral("w.eml"))});
    QCOMPARE(mismatch.exitCode, 1);
    QVERIFY2(mismatch.err.contains("termination-liability"), mismatch.err.constData());
}

void TestEnforcementCli::auditChainHoldsEverything()
{
    const CliRun verify =
        runAwb({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), m_db});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    QVERIFY(verify.out.startsWith("intact: "));
    const CliRun list = runAwb({QStringLiteral("audit"), QStringLiteral("list"),
                                QStringLiteral("--db"), m_db, QStringLiteral("--json")});
    QSet<QString> actions;
    QSet<QString> who;
    for (const QByteArray &line : list.out.split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        actions.insert(entry.value(QLatin1String("action")).toString());
        who.insert(entry.value(QLatin1String("who")).toString());
    }
    for (const char *action : {"override", "decision", "notice"})
        QVERIFY2(actions.contains(QLatin1String(action)), action);
    QVERIFY(who.contains(QStringLiteral("Ada Analyst")));
}

void TestEnforcementCli::evidencePackage()
{
    const QString harbour = caseOf(QStringLiteral("IXC-10077"));
    for (const QString &out : {m_dir.filePath(QStringLiteral("package")),
                               m_dir.filePath(QStringLiteral("package.zip"))}) {
        const CliRun exported =
            runAwb({QStringLiteral("export"), QStringLiteral("--db"), m_db,
                    QStringLiteral("--case"), harbour, QStringLiteral("--out"), out});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const CliRun verified = runAwb({QStringLiteral("export"), QStringLiteral("--verify"), out});
        QVERIFY2(verified.exitCode == 0, verified.err.constData());
    }
    const QString folder = m_dir.filePath(QStringLiteral("package"));
    for (const char *file :
         {"MANIFEST.sha256", "case.json", "audit.jsonl", "case-report.pdf", "README.txt"})
        QVERIFY2(QFile::exists(folder + QLatin1Char('/') + QLatin1String(file)), file);
    QVERIFY(!QDir(folder + QStringLiteral("/originals")).entryList(QDir::Files).isEmpty());
    QVERIFY(!QDir(folder + QStringLiteral("/notices")).entryList(QDir::Files).isEmpty());
    // The audit lines end with the chain's head as it stood: the pin for later comparison.
    QFile audit(folder + QStringLiteral("/audit.jsonl"));
    QVERIFY(audit.open(QIODevice::ReadOnly));
    const QJsonObject pin = lastJson(audit.readAll());
    QVERIFY(pin.value(QLatin1String("chain_intact")).toBool());
    QCOMPARE(pin.value(QLatin1String("chain_head")).toString().size(), 64);
    // A changed original is found.
    const QString original =
        folder + QStringLiteral("/originals/") +
        QDir(folder + QStringLiteral("/originals")).entryList(QDir::Files).first();
    QFile file(original);
    QVERIFY(file.open(QIODevice::Append));
    file.write("tampered\n");
    file.close();
    const CliRun broken = runAwb({QStringLiteral("export"), QStringLiteral("--verify"), folder});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains("originals/"), broken.err.constData());
    // A package never lands on top of another.
    const CliRun again =
        runAwb({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--case"),
                harbour, QStringLiteral("--out"), folder});
    QCOMPARE(again.exitCode, 1);
}

void TestEnforcementCli::caseShowsEnforcement()
{
    // `awb cases show` tells what the case view tells: deadlines, the decision, the notices.
    const QString harbour = caseOf(QStringLiteral("IXC-10077"));
    const CliRun shown = runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db,
                                 QStringLiteral("show"), harbour, QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject object = lastJson(shown.out);
    QCOMPARE(object.value(QLatin1String("decision"))
                 .toObject()
                 .value(QLatin1String("chosen"))
                 .toString(),
             QStringLiteral("termination-liability"));
    QVERIFY(object.value(QLatin1String("decision"))
                .toObject()
                .value(QLatin1String("total_cents"))
                .toInteger() > 0);
    QVERIFY(!object.value(QLatin1String("notices")).toArray().isEmpty());
    QStringList kinds;
    for (const QJsonValue &deadline : object.value(QLatin1String("deadlines")).toArray())
        kinds << deadline.toObject().value(QLatin1String("kind")).toString();
    QVERIFY2(kinds.contains(QStringLiteral("response")), qPrintable(kinds.join(u',')));
    QVERIFY2(kinds.contains(QStringLiteral("customer-response")), qPrintable(kinds.join(u',')));
    const CliRun text = runAwb(
        {QStringLiteral("cases"), QStringLiteral("--db"), m_db, QStringLiteral("show"), harbour});
    QVERIFY(text.out.contains("Deadlines:"));
    QVERIFY(text.out.contains("Decision: termination-liability"));
}

void TestEnforcementCli::usageErrors()
{
    QCOMPARE(runAwb({QStringLiteral("notice"), QStringLiteral("--db"), m_db,
                     QStringLiteral("--case"), QStringLiteral("1"), QStringLiteral("--type"),
                     QStringLiteral("apology"), QStringLiteral("--out"), QStringLiteral("x.eml")})
                 .exitCode,
             2);
    QCOMPARE(runAwb({QStringLiteral("notice"), QStringLiteral("--db"), m_db,
                     QStringLiteral("--case"), QStringLiteral("1"), QStringLiteral("--type"),
                     QStringLiteral("warning"), QStringLiteral("--out"), QStringLiteral("x.txt")})
                 .exitCode,
             2);
    QCOMPARE(runAwb({QStringLiteral("decide"), QStringLiteral("--db"), m_db,
                     QStringLiteral("--case"), QStringLiteral("1")})
                 .exitCode,
             2);
    const CliRun unknown = runAwb({QStringLiteral("advise"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--case"), QStringLiteral("IXCM-ABUSE-1999-9")});
    QCOMPARE(unknown.exitCode, 1);
}

QTEST_GUILESS_MAIN(TestEnforcementCli)
#include "tst_enforcement_cli.moc"
