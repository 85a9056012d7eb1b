#pragma once

#include "common/result.h"
#include "policy/policy_pack.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// Every published version of the policy the desk knows, from a folder holding the markdown files
// and packs.json, the manifest that lists them:
//
//   {"packs": [{"id": "2025-12-10", "version": "2025-12-10", "title": "Anti-Spam Policy",
//               "publisher": "Kvmcloud Network CO., LIMITED", "brand": "IX.CM",
//               "file": "ixcm-anti-spam-policy-2025-12-10.md"}]}
//
// A new version is added by dropping its markdown into the folder and one entry into packs.json.
// Loading fails when any listed pack fails (error naming the file and the reason), when two
// entries give the same version, or when nothing is listed; a markdown file that is not listed is
// not loaded and is named in warnings().
class PolicyLibrary
{
public:
    // dataDirectory() + "/policy"; empty when there is no data directory.
    static QString defaultDirectory();
    static Result<PolicyLibrary> load(const QString &directory = defaultDirectory());

    QList<PolicyPack> packs() const; // oldest version first
    QStringList versions() const;    // "2025-12-10", oldest first
    QStringList warnings() const;
    QString directory() const;

    // The pack of that version ("2025-12-10"); the error names the version and those known.
    Result<PolicyPack> packForVersion(const QString &version) const;
    PolicyPack latest() const;
    // The version in force at an instant: the newest pack whose version date is on or before the
    // Hong Kong date of `at`. Policy section IX: changes take effect upon publication, and the
    // "Last update" date is the publication date. A case keeps the version in force when it was
    // opened. Fails for an instant before the oldest known version.
    Result<PolicyPack> versionInForceAt(const QDateTime &at) const;

private:
    QList<PolicyPack> m_packs;
    QStringList m_warnings;
    QString m_directory;
};

} // namespace Awb
