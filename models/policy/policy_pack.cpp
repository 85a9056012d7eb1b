#include "policy/policy_pack.h"

#include "policy/hong_kong_time.h"
#include "policy/policy_markdown_p.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStringDecoder>

namespace Awb {

Result<PolicyPack> PolicyPack::load(const QString &markdownPath,
                                    const PolicyManifestEntry &manifest)
{
    QFile file(markdownPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("%1: cannot read the policy: %2").arg(markdownPath, file.errorString())};
    Result<PolicyPack> pack = fromText(file.readAll(), markdownPath, manifest);
    if (pack)
        pack->m_sourcePath = markdownPath;
    return pack;
}

Result<PolicyPack> PolicyPack::fromText(const QByteArray &markdown, const QString &sourceName,
                                        const PolicyManifestEntry &manifest)
{
    if (markdown.trimmed().isEmpty())
        return Error{QStringLiteral("%1: empty file, not a policy").arg(sourceName)};
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(markdown);
    if (decoder.hasError())
        return Error{QStringLiteral("%1: not UTF-8 text").arg(sourceName)};

    Result<ParsedPolicy> parsed = parsePolicyMarkdown(text, sourceName);
    if (!parsed)
        return Error{parsed.error()};
    PolicyPack pack;
    pack.m_title = parsed->title;
    pack.m_versionDate = parsed->versionDate;
    pack.m_version = parsed->versionDate.toString(Qt::ISODate);
    pack.m_governingLaw = parsed->governingLaw;
    pack.m_sections = parsed->sections;
    pack.m_clauses = parsed->clauses;
    pack.m_closingText = parsed->closingText;
    if (!manifest.version.isEmpty() && manifest.version != pack.m_version)
        return Error{QStringLiteral("%1: the manifest gives version %2, but the policy's \"Last "
                                    "update\" line says %3")
                         .arg(sourceName, manifest.version, pack.m_version)};
    if (!manifest.title.isEmpty() && manifest.title != pack.m_title)
        return Error{QStringLiteral("%1: the manifest gives the title \"%2\", but the policy's "
                                    "is \"%3\"")
                         .arg(sourceName, manifest.title, pack.m_title)};
    pack.m_publisher = manifest.publisher;
    pack.m_brand = manifest.brand;
    pack.m_sha256Hex = QCryptographicHash::hash(markdown, QCryptographicHash::Sha256).toHex();
    pack.m_sourcePath = sourceName;
    return pack;
}

QString PolicyPack::version() const
{
    return m_version;
}
QDate PolicyPack::versionDate() const
{
    return m_versionDate;
}
QString PolicyPack::versionLabel() const
{
    return englishDate(m_versionDate);
}
QString PolicyPack::title() const
{
    return m_title;
}
QString PolicyPack::governingLaw() const
{
    return m_governingLaw;
}
QString PolicyPack::publisher() const
{
    return m_publisher;
}
QString PolicyPack::brand() const
{
    return m_brand;
}
QList<PolicyClause> PolicyPack::clauses() const
{
    return m_clauses;
}
QList<PolicySection> PolicyPack::sections() const
{
    return m_sections;
}
QString PolicyPack::closingText() const
{
    return m_closingText;
}
QByteArray PolicyPack::sha256Hex() const
{
    return m_sha256Hex;
}
QString PolicyPack::sourcePath() const
{
    return m_sourcePath;
}

std::optional<PolicyClause> PolicyPack::clause(const QString &id) const
{
    for (const PolicyClause &clause : m_clauses) {
        if (clause.id == id)
            return clause;
    }
    for (const PolicySection &section : m_sections) {
        if (section.id == id)
            return PolicyClause{section.id, section.title, section.text, section.id, section.title};
    }
    return std::nullopt;
}

QString PolicyPack::citation(const QString &clauseId) const
{
    const std::optional<PolicyClause> found = clause(clauseId);
    if (!found)
        return {};
    return QStringLiteral("%1, section %2 (%3), version of %4")
        .arg(m_title, found->id, found->title, versionLabel());
}

} // namespace Awb
