#pragma once

// Private to the notices room: the list and table placeholders, drawn for both parts of a
// notice. Every text that comes from the data is escaped here for the HTML part.

#include "notices/notice_data.h"
#include "notices/notice_template.h"

namespace Awb {

// Each clause: "Section 3.2, Deceptive Practices", its text quoted ("> "), its citation.
NoticeValue clausesValue(const QList<NoticeClause> &clauses);
// Each finding: title, check id, severity and clause, then the evidence.
NoticeValue findingsValue(const QList<NoticeFinding> &findings);
// Header fields verbatim (already redacted by the caller of this function).
NoticeValue headerExcerptValue(const QString &headers);
NoticeValue deadlinesValue(const QList<NoticeDeadline> &deadlines);
NoticeValue evidenceValue(const QList<NoticeEvidenceItem> &items);
// A bulleted list of preformatted lines.
NoticeValue listValue(const QStringList &items);

// Clause text as the policy pack writes it (Markdown bullets, **bold**, "|" table rows) in HTML.
QString clauseTextHtml(const QString &text);

} // namespace Awb
