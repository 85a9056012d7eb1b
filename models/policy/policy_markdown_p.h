#pragma once

#include "common/result.h"
#include "policy/policy_pack.h"

#include <QDate>
#include <QList>
#include <QString>

namespace Awb {

// What the provider's markdown says, before PolicyPack checks it against its manifest.
struct ParsedPolicy
{
    QString title;
    QDate versionDate;
    QString governingLaw;
    QList<PolicySection> sections;
    QList<PolicyClause> clauses;
    QString closingText;
};

// Reads the policy markdown line by line: front matter, preamble ("Last update"), "## I."
// sections, "### 3.1" subsections; the rules are those PolicyPack documents. Errors name
// `sourceName`, and the line when there is one.
Result<ParsedPolicy> parsePolicyMarkdown(const QString &text, const QString &sourceName);

} // namespace Awb
