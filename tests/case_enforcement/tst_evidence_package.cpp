// The evidence package of a case: originals byte for byte, a manifest that `sha256sum -c`
// accepts, as a folder and as a .zip, and verification that finds a changed, missing or extra
// file.
#include "../cases_views/demo_cases.h"

#include "enforcement/evidence_package.h"
#include "store/case_repository.h"
#include "store/evidence_repository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

class TestEvidencePackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void originalsByteForByte();
    void folderVerifiesWithSha256sum();
    void zipVerifies();
    void tamperingIsFound();
    void refusesAFolderInUse();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    qint64 m_case = 0;
    std::optional<EvidencePackage> m_package;
};

void TestEvidencePackage::initTestCase()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("package.awbcase")));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QCOMPARE(DemoCases::importDemo(*m_store), QString());
    QCOMPARE(DemoCases::groupDemo(*m_store, QDateTime::currentDateTimeUtc()), QString());
    const auto cases = CaseRepository(*m_store).cases();
    QVERIFY(cases);
    for (const CaseRecord &record : *cases) {
        if (record.reports.size() > 1 && m_case == 0)
            m_case = record.id;
    }
    QVERIFY(m_case > 0);
    auto package = buildEvidencePackage(*m_store, m_case);
    QVERIFY2(package, qPrintable(package.error()));
    m_package = *package;
}

void TestEvidencePackage::originalsByteForByte()
{
    const CaseRecord record = *CaseRepository(*m_store).caseById(m_case);
    int originals = 0;
    for (const PackageFile &file : m_package->files) {
        if (!file.path.startsWith(QLatin1String("originals/")))
            continue;
        ++originals;
        const QByteArray sha =
            QCryptographicHash::hash(file.bytes, QCryptographicHash::Sha256).toHex();
        QVERIFY2(file.path.contains(QString::fromLatin1(sha)), qPrintable(file.path));
    }
    QCOMPARE(originals, record.reports.size());
    for (const CaseReportRecord &report : record.reports) {
        const QByteArray stored = *EvidenceRepository(*m_store).bytes(report.evidenceId);
        bool found = false;
        for (const PackageFile &file : m_package->files)
            found |= file.bytes == stored;
        QVERIFY(found);
    }
    QCOMPARE(m_package->caseId, record.publicId);
}

void TestEvidencePackage::folderVerifiesWithSha256sum()
{
    const QString folder = m_dir.filePath(QStringLiteral("package"));
    const Status written = writePackageDirectory(*m_package, folder);
    QVERIFY2(written, qPrintable(written.error()));
    QVERIFY2(verifyPackage(folder), qPrintable(verifyPackage(folder).error()));
    // The manifest is sha256sum's own format: the tool every authority has checks it.
    QProcess sha256sum;
    sha256sum.setWorkingDirectory(folder);
    sha256sum.start(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("--quiet"),
                                                  QStringLiteral("MANIFEST.sha256")});
    QVERIFY(sha256sum.waitForFinished(30000));
    QCOMPARE(sha256sum.exitCode(), 0);
}

void TestEvidencePackage::zipVerifies()
{
    const QString zip = m_dir.filePath(QStringLiteral("package.zip"));
    const Status written = writePackageZip(*m_package, zip);
    QVERIFY2(written, qPrintable(written.error()));
    QVERIFY2(verifyPackage(zip), qPrintable(verifyPackage(zip).error()));
    // Python's zipfile reads it, with every file under one folder named after the case.
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\n"
                                 "assert z.testzip() is None\n"
                                 "print('\\n'.join(z.namelist()))"),
                  zip});
    QVERIFY(python.waitForFinished(30000));
    QCOMPARE(python.exitCode(), 0);
    const QStringList names = QString::fromUtf8(python.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(names.size(), m_package->files.size() + 1);
    for (const QString &name : names)
        QVERIFY2(name.startsWith(m_package->caseId + QLatin1Char('/')), qPrintable(name));
}

void TestEvidencePackage::tamperingIsFound()
{
    const QString folder = m_dir.filePath(QStringLiteral("tampered"));
    QVERIFY(writePackageDirectory(*m_package, folder));
    QString original;
    for (const PackageFile &file : m_package->files) {
        if (file.path.startsWith(QLatin1String("originals/")))
            original = folder + QLatin1Char('/') + file.path;
    }
    QFile file(original);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[bytes.size() / 2] = bytes[bytes.size() / 2] == 'x' ? 'y' : 'x';
    file.seek(0);
    file.write(bytes);
    file.close();
    Status changed = verifyPackage(folder);
    QVERIFY(!changed);
    QVERIFY2(changed.error().contains(QLatin1String("originals/")), qPrintable(changed.error()));

    QVERIFY(QFile::remove(original));
    Status missing = verifyPackage(folder);
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(QLatin1String("not in the package")),
             qPrintable(missing.error()));

    const QString clean = m_dir.filePath(QStringLiteral("extra"));
    QVERIFY(writePackageDirectory(*m_package, clean));
    QFile extra(clean + QStringLiteral("/originals/planted.eml"));
    QVERIFY(extra.open(QIODevice::WriteOnly));
    extra.write("From: someone\n\nplanted\n");
    extra.close();
    Status planted = verifyPackage(clean);
    QVERIFY(!planted);
    QVERIFY2(planted.error().contains(QLatin1String("planted.eml")), qPrintable(planted.error()));
}

void TestEvidencePackage::refusesAFolderInUse()
{
    const QString folder = m_dir.filePath(QStringLiteral("in-use"));
    QVERIFY(QDir().mkpath(folder));
    QFile stale(folder + QStringLiteral("/old.txt"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    const Status written = writePackageDirectory(*m_package, folder);
    QVERIFY(!written);
    QVERIFY2(written.error().contains(QLatin1String("not empty")), qPrintable(written.error()));
}

QTEST_GUILESS_MAIN(TestEvidencePackage)
#include "tst_evidence_package.moc"
