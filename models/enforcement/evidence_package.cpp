#include "enforcement/evidence_package.h"

#include "store/case_repository.h"
#include "store/case_store.h"
#include "store/evidence_repository.h"
#include "store/notice_repository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <zip.h>

#include <algorithm>
#include <memory>

namespace Awb {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::EvidencePackage)
};

const QString kManifest = QStringLiteral("MANIFEST.sha256");

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray readme(const QString &caseId, int originals, int notices)
{
    return Tr::tr(
               "Evidence package of case %1 (Anti-Spam Policy, section XI)\n"
               "\n"
               "originals/   the %2 stored messages of the case, byte for byte as received\n"
               "notices/     the %3 notices the desk saved, byte for byte as sent\n"
               "case.json    the case: account, status, reports, history\n"
               "audit.jsonl  the audit entries of the case, one JSON object per line, and the\n"
               "             audit chain's entry count and head hash when the package was made\n"
               "case-report.pdf  the case report\n"
               "\n"
               "Check the package with:  sha256sum -c MANIFEST.sha256\n"
               "Each original's file name carries its SHA-256, which is how the case report and\n"
               "the case database name it.\n")
        .arg(caseId)
        .arg(originals)
        .arg(notices)
        .toUtf8();
}

// The manifest parsed: path -> sha256 hex. An error names the bad line.
Result<QHash<QString, QByteArray>> parseManifest(const QByteArray &text)
{
    QHash<QString, QByteArray> sums;
    int number = 0;
    for (const QByteArray &line : text.split('\n')) {
        ++number;
        if (line.isEmpty())
            continue;
        const qsizetype gap = line.indexOf("  ");
        if (gap != 64)
            return Error{
                Tr::tr("%1 line %2 is not \"<sha256>  <path>\"").arg(kManifest).arg(number)};
        sums.insert(QString::fromUtf8(line.mid(66)), line.left(64));
    }
    return sums;
}

Status checkAgainst(const QHash<QString, QByteArray> &sums, const QHash<QString, QByteArray> &files,
                    const QString &where)
{
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        if (!files.contains(it.key()))
            return Error{
                Tr::tr("%1: %2 is in the manifest but not in the package").arg(where, it.key())};
        if (sha256Hex(files.value(it.key())) != it.value())
            return Error{
                Tr::tr("%1: %2 does not have the SHA-256 the manifest gives").arg(where, it.key())};
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.key() != kManifest && !sums.contains(it.key()))
            return Error{Tr::tr("%1: %2 is not in the manifest").arg(where, it.key())};
    }
    return Status::success();
}

struct ZipCloser
{
    void operator()(zip_t *archive) const { zip_discard(archive); }
};

QString zipError(zip_t *archive)
{
    return QString::fromUtf8(zip_strerror(archive));
}

} // namespace

QByteArray EvidencePackage::manifest() const
{
    QList<PackageFile> sorted = files;
    std::sort(sorted.begin(), sorted.end(),
              [](const PackageFile &a, const PackageFile &b) { return a.path < b.path; });
    QByteArray text;
    for (const PackageFile &file : sorted)
        text += sha256Hex(file.bytes) + "  " + file.path.toUtf8() + '\n';
    return text;
}

Result<EvidencePackage> buildEvidencePackage(CaseStore &store, qint64 caseId)
{
    Result<CaseRecord> record = CaseRepository(store).caseById(caseId);
    if (!record)
        return Error{record.error()};
    EvidencePackage package;
    package.caseId = record->publicId;
    EvidenceRepository evidence(store);
    for (const CaseReportRecord &report : record->reports) {
        Result<QByteArray> bytes = evidence.bytes(report.evidenceId);
        if (!bytes)
            return Error{Tr::tr("Case %1, evidence %2: %3")
                             .arg(record->publicId)
                             .arg(report.evidenceId)
                             .arg(bytes.error())};
        // The stored bytes must still be what their hash says: a package is no place to find
        // out later that they are not.
        if (sha256Hex(*bytes) != report.sha256Hex)
            return Error{
                Tr::tr("Case %1, evidence %2: the stored bytes no longer match their SHA-256")
                    .arg(record->publicId)
                    .arg(report.evidenceId)};
        package.add(QStringLiteral("originals/%1-%2.eml")
                        .arg(report.evidenceId, 6, 10, QLatin1Char('0'))
                        .arg(QString::fromLatin1(report.sha256Hex)),
                    *bytes);
    }
    Result<QList<NoticeRecord>> notices = NoticeRepository(store).forCase(caseId, true);
    if (!notices)
        return Error{notices.error()};
    for (const NoticeRecord &notice : *notices)
        package.add(QStringLiteral("notices/%1-%2.eml")
                        .arg(notice.id, 4, 10, QLatin1Char('0'))
                        .arg(notice.type),
                    notice.eml);
    package.add(QStringLiteral("README.txt"),
                readme(record->publicId, int(record->reports.size()), int(notices->size())));
    return package;
}

Status writePackageDirectory(const EvidencePackage &package, const QString &directory)
{
    QDir dir(directory);
    if (dir.exists() && !dir.isEmpty())
        return Error{Tr::tr("%1 is not empty: an evidence package goes into a new folder")
                         .arg(QDir::toNativeSeparators(directory))};
    QList<PackageFile> files = package.files;
    files.append({kManifest, package.manifest()});
    for (const PackageFile &file : std::as_const(files)) {
        const QString path = dir.filePath(file.path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return Error{
                Tr::tr("Cannot create the folder of %1").arg(QDir::toNativeSeparators(path))};
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.bytes) != file.bytes.size() ||
            !out.commit())
            return Error{Tr::tr("Cannot write %1: %2")
                             .arg(QDir::toNativeSeparators(path), out.errorString())};
    }
    return Status::success();
}

Status writePackageZip(const EvidencePackage &package, const QString &zipPath)
{
    int error = 0;
    const QByteArray name = QFile::encodeName(zipPath);
    std::unique_ptr<zip_t, ZipCloser> archive(
        zip_open(name.constData(), ZIP_CREATE | ZIP_TRUNCATE, &error));
    if (!archive) {
        zip_error_t zipError;
        zip_error_init_with_code(&zipError, error);
        const QString reason = QString::fromUtf8(zip_error_strerror(&zipError));
        zip_error_fini(&zipError);
        return Error{Tr::tr("Cannot create %1: %2").arg(QDir::toNativeSeparators(zipPath), reason)};
    }
    QList<PackageFile> files = package.files;
    files.append({kManifest, package.manifest()});
    const QString top = package.caseId + QLatin1Char('/');
    for (const PackageFile &file : std::as_const(files)) {
        // libzip reads the buffer at zip_close(); the package outlives the archive here.
        zip_source_t *source = zip_source_buffer(archive.get(), file.bytes.constData(),
                                                 zip_uint64_t(file.bytes.size()), 0);
        const QByteArray entry = (top + file.path).toUtf8();
        if (!source || zip_file_add(archive.get(), entry.constData(), source,
                                    ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
            if (source)
                zip_source_free(source);
            return Error{
                Tr::tr("Cannot add %1 to %2: %3")
                    .arg(file.path, QDir::toNativeSeparators(zipPath), zipError(archive.get()))};
        }
    }
    if (zip_close(archive.get()) != 0)
        return Error{Tr::tr("Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(zipPath), zipError(archive.get()))};
    archive.release(); // closed: nothing left to discard
    return Status::success();
}

Status verifyPackage(const QString &path)
{
    QHash<QString, QByteArray> files;
    if (QFileInfo(path).isDir()) {
        const QDir root(path);
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                return Error{Tr::tr("Cannot read %1: %2").arg(file, in.errorString())};
            files.insert(root.relativeFilePath(file), in.readAll());
        }
    } else {
        int error = 0;
        std::unique_ptr<zip_t, ZipCloser> archive(
            zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error));
        if (!archive)
            return Error{Tr::tr("%1 is not a readable .zip archive").arg(path)};
        const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
        for (zip_int64_t i = 0; i < count; ++i) {
            zip_stat_t stat;
            if (zip_stat_index(archive.get(), zip_uint64_t(i), 0, &stat) != 0)
                return Error{Tr::tr("%1: entry %2 is unreadable").arg(path).arg(i)};
            QString entry = QString::fromUtf8(stat.name);
            if (entry.endsWith(QLatin1Char('/')))
                continue;
            entry = entry.mid(entry.indexOf(QLatin1Char('/')) + 1); // below the case's folder
            QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
            zip_file_t *file = zip_fopen_index(archive.get(), zip_uint64_t(i), 0);
            const bool read =
                file && zip_fread(file, bytes.data(), stat.size) == zip_int64_t(stat.size);
            if (file)
                zip_fclose(file);
            if (!read)
                return Error{Tr::tr("%1: cannot read %2").arg(path, entry)};
            files.insert(entry, bytes);
        }
    }
    if (!files.contains(kManifest))
        return Error{Tr::tr("%1 has no %2").arg(path, kManifest)};
    Result<QHash<QString, QByteArray>> sums = parseManifest(files.value(kManifest));
    if (!sums)
        return Error{sums.error()};
    return checkAgainst(*sums, files, path);
}

} // namespace Awb
