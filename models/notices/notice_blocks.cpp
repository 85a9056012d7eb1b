#include "notices/notice_blocks.h"

#include "notices/notice_text.h"
#include "policy/hong_kong_time.h"

#include <QRegularExpression>

namespace Awb {

namespace {

// Emphasis markers of the policy's Markdown are not part of the words quoted.
QString withoutEmphasis(const QString &text)
{
    QString out = text;
    out.remove(QStringLiteral("**"));
    return out;
}

QString emphasisHtml(const QString &text)
{
    static const QRegularExpression bold(QStringLiteral("\\*\\*(.+?)\\*\\*"));
    QString html = text.toHtmlEscaped();
    html.replace(bold, QStringLiteral("<b>\\1</b>"));
    return html;
}

// Lines wrapped to the width that is left after `prefix`, each then prefixed.
QStringList wrappedWithPrefix(const QString &line, const QString &prefix)
{
    QStringList out;
    for (const QString &part : wrapNoticeLine(line, kNoticeTextWidth - int(prefix.size())))
        out.append(prefix + part);
    return out;
}

QString tableHtml(const QStringList &headings, const QList<QStringList> &rows)
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                  "style=\"border-collapse: collapse\">\n<tr>");
    for (const QString &heading : headings)
        html += QStringLiteral("<th align=\"left\">%1</th>").arg(heading.toHtmlEscaped());
    html += QStringLiteral("</tr>\n");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString &cell : row)
            html += QStringLiteral("<td valign=\"top\">%1</td>").arg(cell);
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QString sectionName(const NoticeClause &clause)
{
    QString name = QStringLiteral("Section %1").arg(clause.id);
    if (!clause.title.isEmpty())
        name += QStringLiteral(", ") + clause.title;
    return name;
}

} // namespace

QString clauseTextHtml(const QString &text)
{
    QString html;
    int depth = 0;      // open <ul> levels
    QList<int> indents; // the indentation of each open level
    bool inTable = false;
    const auto closeLists = [&](int keep) {
        while (depth > keep) {
            html += QStringLiteral("</li></ul>\n");
            --depth;
            indents.removeLast();
        }
    };
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString trimmed = raw.trimmed();
        qsizetype indent = 0;
        while (indent < raw.size() && raw.at(indent).isSpace())
            ++indent;
        if (trimmed.startsWith(u'|')) {
            closeLists(0);
            if (!inTable)
                html += QStringLiteral("<pre style=\"white-space: pre-wrap\">");
            html += withoutEmphasis(trimmed).toHtmlEscaped() + QLatin1Char('\n');
            inTable = true;
            continue;
        }
        if (inTable) {
            html += QStringLiteral("</pre>\n");
            inTable = false;
        }
        if (trimmed.isEmpty())
            continue;
        if (trimmed.startsWith(QLatin1String("- ")) || trimmed.startsWith(QLatin1String("* "))) {
            while (depth > 0 && indent < indents.constLast())
                closeLists(depth - 1);
            if (depth == 0 || indent > indents.constLast()) {
                html += QStringLiteral("<ul>\n<li>");
                indents.append(int(indent));
                ++depth;
            } else {
                html += QStringLiteral("</li>\n<li>");
            }
            html += emphasisHtml(trimmed.mid(2));
            continue;
        }
        closeLists(0);
        html += QStringLiteral("<p>%1</p>\n").arg(emphasisHtml(trimmed));
    }
    closeLists(0);
    if (inTable)
        html += QStringLiteral("</pre>\n");
    return html;
}

NoticeValue clausesValue(const QList<NoticeClause> &clauses)
{
    QStringList text;
    QString html;
    for (const NoticeClause &clause : clauses) {
        if (!text.isEmpty())
            text.append(QString());
        text.append(QStringLiteral("* ") + sectionName(clause));
        for (const QString &line : withoutEmphasis(clause.text).trimmed().split(u'\n')) {
            if (line.trimmed().isEmpty())
                text.append(QStringLiteral("  >"));
            else
                text += wrappedWithPrefix(line, QStringLiteral("  > "));
        }
        if (!clause.citation.isEmpty())
            text += wrappedWithPrefix(clause.citation, QStringLiteral("  "));
        html += QStringLiteral("<p><b>%1</b></p>\n<blockquote>\n%2</blockquote>\n")
                    .arg(sectionName(clause).toHtmlEscaped(), clauseTextHtml(clause.text));
        if (!clause.citation.isEmpty())
            html += QStringLiteral("<p><i>%1</i></p>\n").arg(clause.citation.toHtmlEscaped());
    }
    return {text.join(u'\n'), html};
}

NoticeValue findingsValue(const QList<NoticeFinding> &findings)
{
    QStringList text;
    QList<QStringList> rows;
    for (const NoticeFinding &f : findings) {
        QStringList facts;
        if (!f.check.isEmpty())
            facts << f.check;
        if (!f.severity.isEmpty())
            facts << f.severity;
        if (!f.clause.isEmpty())
            facts << QStringLiteral("clause ") + f.clause;
        text += wrapNoticeLine(QStringLiteral("- %1 (%2)").arg(f.title, facts.join(u"; ")));
        if (!f.evidence.isEmpty())
            text += wrappedWithPrefix(f.evidence, QStringLiteral("    "));
        rows.append({QStringLiteral("%1<br><small>%2</small>")
                         .arg(f.title.toHtmlEscaped(), f.check.toHtmlEscaped()),
                     f.severity.toHtmlEscaped(), f.clause.toHtmlEscaped(), htmlLines(f.evidence)});
    }
    return {text.join(u'\n'), tableHtml({QStringLiteral("Finding"), QStringLiteral("Severity"),
                                         QStringLiteral("Clause"), QStringLiteral("Evidence")},
                                        rows)};
}

NoticeValue headerExcerptValue(const QString &headers)
{
    QString text = headers;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    while (text.endsWith(u'\n'))
        text.chop(1);
    return {text, QStringLiteral("<pre style=\"white-space: pre-wrap\">%1</pre>\n")
                      .arg(text.toHtmlEscaped())};
}

NoticeValue deadlinesValue(const QList<NoticeDeadline> &deadlines)
{
    QStringList text;
    QList<QStringList> rows;
    for (const NoticeDeadline &d : deadlines) {
        const QString due = formatHongKongAndUtc(d.due);
        text += wrapNoticeLine(QStringLiteral("- %1: %2").arg(d.label, due));
        QString basis = d.basis;
        if (!d.calendarVersion.isEmpty())
            basis += (basis.isEmpty() ? QString() : QStringLiteral("; ")) +
                     QStringLiteral("calendar: ") + d.calendarVersion;
        if (!basis.isEmpty())
            text += wrappedWithPrefix(basis, QStringLiteral("    "));
        rows.append({d.label.toHtmlEscaped(), QStringLiteral("<b>%1</b>").arg(due.toHtmlEscaped()),
                     basis.toHtmlEscaped()});
    }
    return {
        text.join(u'\n'),
        tableHtml({QStringLiteral("What"), QStringLiteral("Due"), QStringLiteral("Basis")}, rows)};
}

NoticeValue evidenceValue(const QList<NoticeEvidenceItem> &items)
{
    QStringList text;
    QList<QStringList> rows;
    for (const NoticeEvidenceItem &e : items) {
        const QString at = formatHongKongAndUtc(e.at);
        text += wrapNoticeLine(QStringLiteral("- %1: %2").arg(at, e.description));
        QStringList refs;
        if (!e.reference.isEmpty())
            refs << QStringLiteral("Reference ") + e.reference;
        if (!e.sha256.isEmpty())
            refs << QStringLiteral("SHA-256 ") + e.sha256;
        if (!refs.isEmpty())
            text += wrappedWithPrefix(refs.join(u"; "), QStringLiteral("    "));
        rows.append({at.toHtmlEscaped(), e.description.toHtmlEscaped(), e.reference.toHtmlEscaped(),
                     QStringLiteral("<small>%1</small>").arg(e.sha256.toHtmlEscaped())});
    }
    return {text.join(u'\n'), tableHtml({QStringLiteral("Received"), QStringLiteral("Evidence"),
                                         QStringLiteral("Reference"), QStringLiteral("SHA-256")},
                                        rows)};
}

NoticeValue listValue(const QStringList &items)
{
    QStringList text;
    QString html = QStringLiteral("<ul>\n");
    for (const QString &item : items) {
        text += wrapNoticeLine(QStringLiteral("- ") + item);
        html += QStringLiteral("<li>%1</li>\n").arg(htmlLines(item));
    }
    return {text.join(u'\n'), html + QStringLiteral("</ul>\n")};
}

} // namespace Awb
