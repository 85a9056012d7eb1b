// A case records the policy version in force when it was opened (policy section IX), and keeps
// it when a newer version is published: a second pack dropped into the library is used for the
// cases opened after its date, and the notices of an older case still quote the older text.
#include "../cases_views/demo_cases.h"

#include "store/case_repository.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

class TestCasePolicyVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caseKeepsTheVersionInForceAtOpening();
};

void TestCasePolicyVersion::caseKeepsTheVersionInForceAtOpening()
{
    // A data folder whose policy library holds the shipped pack and a made-up newer one.
    QTemporaryDir data;
    QVERIFY(QDir().mkpath(data.filePath(QStringLiteral("policy"))));
    const QString policy = data.filePath(QStringLiteral("policy/"));
    QVERIFY(QFile::copy(
        QStringLiteral(AWB_SOURCE_DIR "/resources/policy/ixcm-anti-spam-policy-2025-12-10.md"),
        policy + QStringLiteral("ixcm-anti-spam-policy-2025-12-10.md")));
    QVERIFY(QFile::copy(QStringLiteral(AWB_TEST_DATA "/policy/ixcm-anti-spam-policy-2026-03-01.md"),
                        policy + QStringLiteral("ixcm-anti-spam-policy-2026-03-01.md")));
    QVERIFY(QFile::copy(QStringLiteral(AWB_TEST_DATA "/policy/packs-two-versions.json"),
                        policy + QStringLiteral("packs.json")));
    qputenv("AWB_DATA_DIR", QFile::encodeName(data.path()));

    QTemporaryDir dir;
    auto store = CaseStore::open(dir.filePath(QStringLiteral("versions.awbcase")));
    QVERIFY2(store, qPrintable(store.error()));
    QStringList csvs;
    const QDir accounts(DemoCases::demoDir() + QStringLiteral("/accounts"));
    for (const QString &name : accounts.entryList({QStringLiteral("*.csv")}, QDir::Files))
        csvs << accounts.filePath(name);
    AccountRepository repository(**store);
    QVERIFY(AccountImporter(repository).importFiles(csvs));
    const QDir reports(DemoCases::demoDir() + QStringLiteral("/reports"));
    auto importReports = [&](const QStringList &patterns) {
        QStringList paths;
        for (const QString &name : reports.entryList(patterns, QDir::Files))
            paths << reports.filePath(name);
        ImportPipeline::Options options;
        options.parserThreads = 1;
        options.trust = ImportPipeline::withAccountNetworks(DemoCases::demoTrust(), **store);
        auto run = ImportPipeline(options).run(**store, paths);
        return run && run->imported == paths.size();
    };

    // Grouped on 20 February 2026: the December 2025 version was in force.
    QVERIFY(importReports({QStringLiteral("0[1-5]-*.eml")}));
    QCOMPARE(DemoCases::groupDemo(**store, QDateTime(QDate(2026, 2, 20), QTime(9, 0), Qt::UTC)),
             QString());
    auto before = CaseRepository(**store).cases();
    QVERIFY(before && !before->isEmpty());
    QSet<qint64> early;
    for (const CaseRecord &record : *before) {
        QCOMPARE(record.policyVersion, QStringLiteral("2025-12-10"));
        early.insert(record.id);
    }

    // Reports grouped on 1 April 2026 open their cases under the version of 1 March 2026; the
    // February cases keep theirs.
    QVERIFY(importReports({QStringLiteral("0[6-9]-*.eml")}));
    QCOMPARE(DemoCases::groupDemo(**store, QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)),
             QString());
    auto after = CaseRepository(**store).cases();
    QVERIFY(after);
    int newer = 0;
    for (const CaseRecord &record : *after) {
        if (early.contains(record.id)) {
            QCOMPARE(record.policyVersion, QStringLiteral("2025-12-10"));
        } else {
            QCOMPARE(record.policyVersion, QStringLiteral("2026-03-01"));
            ++newer;
        }
    }
    QVERIFY(newer > 0);
    qunsetenv("AWB_DATA_DIR");
}

QTEST_GUILESS_MAIN(TestCasePolicyVersion)
#include "tst_case_policy_version.moc"
