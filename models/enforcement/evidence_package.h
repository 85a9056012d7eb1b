#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Awb {

class CaseStore;

// One file of an evidence package: its path inside the package and its exact bytes.
struct PackageFile
{
    QString path; // "originals/000017-<sha256>.eml"; '/'-separated, relative
    QByteArray bytes;
};

// The evidence package of a case for the authorities (policy section XI): every stored original
// byte for byte, the notices as sent, the case and its audit entries, the case report (added by
// the caller, which renders it), a README saying how to check it, and a manifest of SHA-256 sums
// in the format of `sha256sum` so that `sha256sum -c MANIFEST.sha256` verifies the whole.
struct EvidencePackage
{
    QString caseId;
    QList<PackageFile> files; // without the manifest, which manifest() computes

    void add(const QString &path, const QByteArray &bytes) { files.append({path, bytes}); }
    // "<sha256>  <path>\n" per file, sorted by path.
    QByteArray manifest() const;
};

// Reads the case's stored originals and saved notices, exactly as stored, into a package with
// its README. The front end adds the case record, the audit entries and the rendered report.
// Errors name the case and what could not be read.
Result<EvidencePackage> buildEvidencePackage(CaseStore &store, qint64 caseId);

// Writes the package and its manifest into `directory` (created; it must be empty or absent, so
// that nothing stale sits beside the evidence), or into a .zip archive (libzip; stored paths
// under one top folder named after the case). Errors name the path and the reason.
Status writePackageDirectory(const EvidencePackage &package, const QString &directory);
Status writePackageZip(const EvidencePackage &package, const QString &zipPath);

// Checks a written package, a directory or a .zip: every manifest line's file exists and has
// that SHA-256, and no file is missing from the manifest. The error names the first mismatch.
Status verifyPackage(const QString &path);

} // namespace Awb
