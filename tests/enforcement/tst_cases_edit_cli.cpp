// awb cases set-owner / set-notes: what the case view's Owner and Notes editors do, from the
// command line, on the demo database that `awb demo` builds.
#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCasesEditCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void setsOwnerAndNotes();
    void analystFromTheSettings();
    void clearsOwner();
    void usageErrors_data();
    void usageErrors();

private:
    QJsonObject showCase(const QString &id) const;
    QStringList edits(const QJsonObject &c) const;

    QTemporaryDir m_dir;
    QString m_db;
};

void TestCasesEditCli::initTestCase()
{
    QVERIFY2(QFileInfo::exists(awbPath()), qPrintable(awbPath()));
    const CliRun demo = runAwb({QStringLiteral("demo"), QStringLiteral("--out"), m_dir.path()});
    QVERIFY2(demo.exitCode == 0, demo.err);
    m_db = m_dir.filePath(QStringLiteral("demo.awbcase"));
    QVERIFY(QFileInfo::exists(m_db));
}

QJsonObject TestCasesEditCli::showCase(const QString &id) const
{
    const CliRun run = runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db,
                               QStringLiteral("show"), id, QStringLiteral("--json")});
    return QJsonDocument::fromJson(run.out).object();
}

QStringList TestCasesEditCli::edits(const QJsonObject &c) const
{
    QStringList found;
    for (const QJsonValue &value : c.value(u"events").toArray()) {
        const QJsonObject e = value.toObject();
        const QString kind = e.value(u"kind").toString();
        if (kind == u"owner" || kind == u"notes")
            found << kind + QLatin1Char(' ') + e.value(u"who").toString();
    }
    return found;
}

void TestCasesEditCli::setsOwnerAndNotes()
{
    const QString id = QStringLiteral("IXCM-ABUSE-2026-000003");
    CliRun run =
        runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db, QStringLiteral("set-owner"),
                id, QStringLiteral("Jordan Lee"), QStringLiteral("--who"), QStringLiteral("lead")});
    QVERIFY2(run.exitCode == 0, run.err);
    QVERIFY2(run.out.contains("owner:          Jordan Lee"), run.out);
    run =
        runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db, QStringLiteral("set-notes"),
                QStringLiteral("3"), QStringLiteral("Customer called; list cleaned by Friday."),
                QStringLiteral("--who"), QStringLiteral("lead"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err);
    const QJsonObject c = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(c.value(u"id").toString(), id);
    QCOMPARE(c.value(u"owner").toString(), QStringLiteral("Jordan Lee"));
    QCOMPARE(c.value(u"notes").toString(),
             QStringLiteral("Customer called; list cleaned by Friday."));
    QCOMPARE(edits(c), (QStringList{QStringLiteral("owner lead"), QStringLiteral("notes lead")}));

    // The same value again records nothing.
    run = runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db,
                  QStringLiteral("set-owner"), id, QStringLiteral("Jordan Lee")});
    QVERIFY2(run.exitCode == 0, run.err);
    QCOMPARE(edits(showCase(id)).size(), 2);
}

void TestCasesEditCli::analystFromTheSettings()
{
    const QString ini = m_dir.filePath(QStringLiteral("desk.ini"));
    QFile file(ini);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[desk]\nanalystName=Mei Chan\n");
    file.close();
    const CliRun run =
        runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db, QStringLiteral("set-owner"),
                QStringLiteral("2"), QStringLiteral("Mei Chan"), QStringLiteral("--settings"), ini,
                QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err);
    const QJsonObject c = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(c.value(u"owner").toString(), QStringLiteral("Mei Chan"));
    QCOMPARE(edits(c), QStringList{QStringLiteral("owner Mei Chan")});
}

void TestCasesEditCli::clearsOwner()
{
    const CliRun run =
        runAwb({QStringLiteral("cases"), QStringLiteral("--db"), m_db, QStringLiteral("set-owner"),
                QStringLiteral("2"), QString(), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err);
    const QJsonObject c = QJsonDocument::fromJson(run.out).object();
    QVERIFY(c.value(u"owner").isNull());
}

void TestCasesEditCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("owner without a name")
        << QStringList{"set-owner", "2"} << 2 << "'set-owner' takes 2 operand(s)";
    QTest::newRow("notes without text")
        << QStringList{"set-notes", "2"} << 2 << "'set-notes' takes 2 operand(s)";
    QTest::newRow("no such case") << QStringList{"set-owner", "IXCM-ABUSE-2026-000999", "x"} << 1
                                  << "IXCM-ABUSE-2026-000999";
}

void TestCasesEditCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const CliRun run =
        runAwb(QStringList{QStringLiteral("cases"), QStringLiteral("--db"), m_db} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message.toUtf8()), run.err);
}

QTEST_GUILESS_MAIN(TestCasesEditCli)
#include "tst_cases_edit_cli.moc"
