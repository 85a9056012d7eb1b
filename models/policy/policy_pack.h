#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb {

// A clause of the Anti-Spam Policy as notices quote it: a numbered subsection ("3.2") or a Roman
// section without subsections ("V").
struct PolicyClause
{
    QString id;           // "3.2", "V"
    QString title;        // "Deceptive Practices"
    QString text;         // the policy's words under the heading, as plain text (see PolicyPack)
    QString sectionId;    // "III"; the clause's own id for a section without subsections
    QString sectionTitle; // "Prohibited Activities"
};

// A Roman section. Sections with subsections (III, IV, VI) are addressable by their id too;
// their text is what stands before the first subsection (often nothing).
struct PolicySection
{
    QString id;          // "IV"
    QString title;       // "Requirements for Legitimate Email Marketing"
    QString text;        // the section's own text (all of it when it has no subsections)
    QStringList clauses; // ids of its numbered subsections, in order; empty when it has none
};

// What a pack's manifest (packs.json) says about one markdown file. Empty fields are not checked.
struct PolicyManifestEntry
{
    QString id;        // "2025-12-10"
    QString version;   // "2025-12-10"; must be the "Last update" date of the markdown
    QString title;     // "Anti-Spam Policy"; must be the markdown's front-matter title
    QString publisher; // "Kvmcloud Network CO., LIMITED"
    QString brand;     // "IX.CM"
    QString file;      // "ixcm-anti-spam-policy-2025-12-10.md", relative to the manifest
};

// One published version of the Anti-Spam Policy, parsed from the provider's markdown. The text of
// each clause is the markdown under its heading with the emphasis markers (**) removed, list items
// and numbered items kept as lines ("- Forging email headers..."), table rows as
// "cell | cell" lines (the |---| line dropped), block quotes without their ">", and paragraphs
// separated by one empty line. A horizontal rule (---) closes a section: what follows it up to the
// next section (the closing contact lines) belongs to no clause and is kept as closingText().
//
// A pack that cannot be read fails with an error naming the file and the reason: an empty file,
// no "Last update:" line, a subsection heading without a number in a section that has numbered
// ones, a number that does not belong to its section, a duplicate id, no "Governing Law:" line, or
// a manifest whose version or title disagrees with the markdown.
class PolicyPack
{
public:
    static Result<PolicyPack> load(const QString &markdownPath,
                                   const PolicyManifestEntry &manifest = {});
    static Result<PolicyPack> fromText(const QByteArray &markdown, const QString &sourceName,
                                       const PolicyManifestEntry &manifest = {});

    QString version() const;      // "2025-12-10", the ISO date of the "Last update" line
    QDate versionDate() const;    // 2025-12-10
    QString versionLabel() const; // "10 December 2025"
    QString title() const;        // "Anti-Spam Policy", from the front matter
    QString governingLaw() const; // "Hong Kong Special Administrative Region"
    QString publisher() const;    // from the manifest; empty without one
    QString brand() const;        // from the manifest; empty without one

    // The clauses in the policy's order: I, II, 3.1, 3.2, 3.3, 4.1, ..., V, 6.1, ..., XI.
    QList<PolicyClause> clauses() const;
    QList<PolicySection> sections() const;
    // A clause by id ("3.2", "V"), or a section with subsections by its Roman id ("IV"), with its
    // title and its own text. Ids are compared exactly (Roman ids in capitals).
    std::optional<PolicyClause> clause(const QString &id) const;
    bool hasClause(const QString &id) const { return clause(id).has_value(); }

    // "Anti-Spam Policy, section 3.2 (Deceptive Practices), version of 10 December 2025"; empty
    // for an id that is neither a clause nor a section.
    QString citation(const QString &clauseId) const;

    QString closingText() const;  // after the last section's rule: "Contact: ..."
    QByteArray sha256Hex() const; // of the file's bytes, lower-case hex
    QString sourcePath() const;

private:
    QString m_version;
    QDate m_versionDate;
    QString m_title;
    QString m_governingLaw;
    QString m_publisher;
    QString m_brand;
    QList<PolicyClause> m_clauses;
    QList<PolicySection> m_sections;
    QString m_closingText;
    QByteArray m_sha256Hex;
    QString m_sourcePath;
};

} // namespace Awb
