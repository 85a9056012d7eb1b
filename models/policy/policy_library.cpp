#include "policy/policy_library.h"

#include "common/data_paths.h"
#include "policy/hong_kong_time.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace Awb {

QString PolicyLibrary::defaultDirectory()
{
    const QString base = dataDirectory();
    return base.isEmpty() ? QString() : base + QStringLiteral("/policy");
}

Result<PolicyLibrary> PolicyLibrary::load(const QString &directory)
{
    if (directory.isEmpty())
        return Error{QStringLiteral("no policy folder: the data directory was not found (set "
                                    "AWB_DATA_DIR)")};
    const QDir dir(directory);
    const QString manifestPath = dir.filePath(QStringLiteral("packs.json"));
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot read the manifest of the policy packs: %2")
                         .arg(manifestPath, file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (document.isNull())
        return Error{QStringLiteral("%1: not JSON: %2 at offset %3")
                         .arg(manifestPath, parseError.errorString())
                         .arg(parseError.offset)};
    const QJsonArray entries = document.object().value(QStringLiteral("packs")).toArray();
    if (entries.isEmpty())
        return Error{QStringLiteral("%1: no \"packs\" listed").arg(manifestPath)};

    PolicyLibrary library;
    library.m_directory = dir.absolutePath();
    QSet<QString> listedFiles;
    for (int i = 0; i < entries.size(); ++i) {
        const QJsonObject object = entries.at(i).toObject();
        PolicyManifestEntry entry;
        entry.version = object.value(QStringLiteral("version")).toString();
        entry.id = object.value(QStringLiteral("id")).toString(entry.version);
        entry.title = object.value(QStringLiteral("title")).toString();
        entry.publisher = object.value(QStringLiteral("publisher")).toString();
        entry.brand = object.value(QStringLiteral("brand")).toString();
        entry.file = object.value(QStringLiteral("file")).toString();
        if (entry.version.isEmpty() || entry.file.isEmpty())
            return Error{QStringLiteral("%1: pack %2 has no \"version\" or no \"file\"")
                             .arg(manifestPath)
                             .arg(i + 1)};
        if (entry.id != entry.version)
            return Error{QStringLiteral("%1: pack %2 has the id %3 but the version %4; a pack's "
                                        "id is its version")
                             .arg(manifestPath)
                             .arg(i + 1)
                             .arg(entry.id, entry.version)};
        Result<PolicyPack> pack = PolicyPack::load(dir.filePath(entry.file), entry);
        if (!pack)
            return Error{pack.error()};
        if (library.versions().contains(pack->version()))
            return Error{QStringLiteral("%1: version %2 is listed twice")
                             .arg(manifestPath, pack->version())};
        listedFiles.insert(entry.file);
        library.m_packs << *pack;
    }
    std::sort(
        library.m_packs.begin(), library.m_packs.end(),
        [](const PolicyPack &a, const PolicyPack &b) { return a.versionDate() < b.versionDate(); });
    for (const QString &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
        if (!listedFiles.contains(name))
            library.m_warnings << QStringLiteral("%1: not listed in packs.json, not loaded")
                                      .arg(dir.filePath(name));
    }
    return library;
}

QList<PolicyPack> PolicyLibrary::packs() const
{
    return m_packs;
}
QStringList PolicyLibrary::warnings() const
{
    return m_warnings;
}
QString PolicyLibrary::directory() const
{
    return m_directory;
}

QStringList PolicyLibrary::versions() const
{
    QStringList versions;
    for (const PolicyPack &pack : m_packs)
        versions << pack.version();
    return versions;
}

Result<PolicyPack> PolicyLibrary::packForVersion(const QString &version) const
{
    for (const PolicyPack &pack : m_packs) {
        if (pack.version() == version)
            return pack;
    }
    return Error{QStringLiteral("no policy version %1 (known: %2)")
                     .arg(version, versions().join(QStringLiteral(", ")))};
}

PolicyPack PolicyLibrary::latest() const
{
    return m_packs.isEmpty() ? PolicyPack() : m_packs.last();
}

Result<PolicyPack> PolicyLibrary::versionInForceAt(const QDateTime &at) const
{
    const QDate day = hongKongDate(at);
    if (!day.isValid())
        return Error{QStringLiteral("no policy version for an invalid time")};
    for (auto it = m_packs.crbegin(); it != m_packs.crend(); ++it) {
        if (it->versionDate() <= day)
            return *it;
    }
    return Error{QStringLiteral("no policy version was in force on %1 (Hong Kong date); the "
                                "oldest known is %2")
                     .arg(day.toString(Qt::ISODate), versions().value(0))};
}

} // namespace Awb
