#include "notices/notice_template.h"

#include "notices/notice_text.h"

#include <algorithm>

namespace Awb {

namespace {

using Segment = NoticeTemplate::Segment;
using Line = NoticeTemplate::Line;

bool hasValue(const NoticeValues &values, const QString &name)
{
    const auto it = values.constFind(name);
    return it != values.cend() && !it->text.trimmed().isEmpty();
}

// One line of the body after sections and placeholders are resolved.
struct RenderedLine
{
    bool block = false;
    QString text; // inline: the line; block: the value's lines
    QString html; // inline: the escaped line; block: the value's HTML
    QString indent;
};

bool isHeading(const QString &text)
{
    return text.startsWith(QLatin1String("# "));
}

bool isBullet(const QString &text)
{
    const QString t = text.trimmed();
    return t.startsWith(QLatin1String("- ")) || t.startsWith(QLatin1String("* "));
}

} // namespace

Result<QString> NoticeTemplate::renderSubject(const NoticeValues &values) const
{
    QString subject;
    for (const Segment &s : m_subject) {
        if (s.kind == Segment::Text) {
            subject += s.text;
            continue;
        }
        if (!hasValue(values, s.text))
            return Error{QStringLiteral("%1, line %2: the data has no value for {{%3}}")
                             .arg(m_fileName)
                             .arg(m_subjectLine)
                             .arg(s.text)};
        subject += values.value(s.text).text.simplified();
    }
    return subject.simplified();
}

Result<NoticeTemplate::Body> NoticeTemplate::renderBody(const NoticeValues &values) const
{
    const auto missing = [this](int line, const QString &name) {
        return Error{QStringLiteral("%1, line %2: the data has no value for {{%3}}")
                         .arg(m_fileName)
                         .arg(line)
                         .arg(name)};
    };

    // Resolve sections and placeholders. `shown` holds, for every open section, whether it
    // and all the sections around it are shown.
    QList<RenderedLine> rendered;
    QList<bool> shown;
    const auto visible = [&shown] { return shown.isEmpty() || shown.constLast(); };
    for (const Line &line : m_body) {
        switch (line.kind) {
        case Line::IfOpen:
            shown.append(visible() && hasValue(values, line.name));
            continue;
        case Line::IfClose:
            shown.removeLast();
            continue;
        case Line::Block:
            if (!visible())
                continue;
            if (!hasValue(values, line.name))
                return missing(line.number, line.name);
            rendered.append(
                {true, values.value(line.name).text, values.value(line.name).html, line.indent});
            continue;
        case Line::Inline:
            break;
        }
        if (!visible())
            continue;
        RenderedLine out;
        QList<bool> inlineShown;
        for (const Segment &s : line.segments) {
            const bool on = inlineShown.isEmpty() || inlineShown.constLast();
            if (s.kind == Segment::IfOpen) {
                inlineShown.append(on && hasValue(values, s.text));
            } else if (s.kind == Segment::IfClose) {
                inlineShown.removeLast();
            } else if (!on) {
                continue;
            } else if (s.kind == Segment::Text) {
                out.text += s.text;
                out.html += s.text.toHtmlEscaped();
            } else if (!hasValue(values, s.text)) {
                return missing(line.number, s.text);
            } else {
                out.text += values.value(s.text).text;
                out.html += htmlLines(values.value(s.text).text);
            }
        }
        rendered.append(out);
    }

    // The text part, paragraph by paragraph.
    QStringList text;
    QStringList paragraphLines;
    const auto endParagraph = [&text, &paragraphLines] {
        text += layoutNoticeParagraph(paragraphLines);
        paragraphLines.clear();
    };
    for (const RenderedLine &line : rendered) {
        if (line.block) {
            endParagraph();
            for (const QString &blockLine : line.text.split(QLatin1Char('\n')))
                text.append(blockLine.isEmpty() ? blockLine : line.indent + blockLine);
        } else if (isHeading(line.text)) {
            endParagraph();
            const QString title = line.text.mid(2).trimmed();
            text << title << QString(title.size(), QLatin1Char('-'));
        } else if (line.text.trimmed().isEmpty()) {
            endParagraph();
            text.append(QString());
        } else {
            paragraphLines += line.text.split(QLatin1Char('\n'));
        }
    }
    endParagraph();

    // The HTML part: runs of lines make paragraphs (or a list when every line is a bullet).
    QString html;
    QList<const RenderedLine *> paragraph;
    const auto flush = [&html, &paragraph] {
        if (paragraph.isEmpty())
            return;
        const bool list = std::all_of(paragraph.cbegin(), paragraph.cend(),
                                      [](const RenderedLine *l) { return isBullet(l->text); });
        QString joined;
        for (qsizetype i = 0; i < paragraph.size(); ++i) {
            const QString h = paragraph.at(i)->html.trimmed();
            if (list) {
                joined += QStringLiteral("<li>%1</li>\n").arg(h.mid(2));
                continue;
            }
            joined += h;
            if (i + 1 < paragraph.size())
                joined += flowsIntoNextLine(paragraph.at(i)->text, paragraph.at(i + 1)->text)
                              ? QStringLiteral("\n")
                              : QStringLiteral("<br>\n");
        }
        html += list ? QStringLiteral("<ul>\n%1</ul>\n").arg(joined)
                     : QStringLiteral("<p>%1</p>\n").arg(joined);
        paragraph.clear();
    };
    for (const RenderedLine &line : rendered) {
        if (line.block) {
            flush();
            html += line.html;
            if (!html.endsWith(u'\n'))
                html += u'\n';
        } else if (line.text.trimmed().isEmpty()) {
            flush();
        } else if (isHeading(line.text)) {
            flush();
            html += QStringLiteral("<h2>%1</h2>\n").arg(line.html.mid(2).trimmed());
        } else {
            paragraph.append(&line);
        }
    }
    flush();

    Body body;
    body.text = tidyNoticeLines(text).join(QLatin1Char('\n')) + QLatin1Char('\n');
    body.html = html;
    return body;
}

} // namespace Awb
