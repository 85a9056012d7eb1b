#include "notices/notice_template.h"

#include "notices/notice_fields.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace Awb {

namespace {

using Segment = NoticeTemplate::Segment;
using Line = NoticeTemplate::Line;

// Parsing state shared by the steps below, so that every error can name the file and the line.
class Parser
{
public:
    Parser(const QString &fileName, const QString &type)
        : m_fileName(fileName)
        , m_type(type)
    {}

    Error error(int line, const QString &reason) const
    {
        return Error{QStringLiteral("%1, line %2: %3").arg(m_fileName).arg(line).arg(reason)};
    }

    // A placeholder name: known to the catalogue and offered to this type of notice.
    std::optional<Error> checkName(const QString &name, int line) const
    {
        if (name.isEmpty())
            return error(line, QStringLiteral("empty placeholder {{}}"));
        if (!isNoticeField(name))
            return error(line, QStringLiteral("unknown placeholder {{%1}}").arg(name));
        if (!noticeFieldsForType(m_type).contains(name)) {
            const QString why = isReporterNotice(m_type)
                                    ? QStringLiteral(" (it goes to the reporter, who must not "
                                                     "learn about the customer)")
                                    : QString();
            return error(
                line,
                QStringLiteral("{{%1}} is not available in a %2 notice%3").arg(name, m_type, why));
        }
        return std::nullopt;
    }

    Result<QList<Segment>> tokenize(const QString &text, int line) const
    {
        QList<Segment> segments;
        qsizetype pos = 0;
        while (pos < text.size()) {
            const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
            const qsizetype stray = text.indexOf(QLatin1String("}}"), pos);
            if (stray >= 0 && (open < 0 || stray < open))
                return error(line, QStringLiteral("\"}}\" without an opening \"{{\""));
            if (open < 0) {
                segments.append(Segment{Segment::Text, text.mid(pos)});
                break;
            }
            if (open > pos)
                segments.append(Segment{Segment::Text, text.mid(pos, open - pos)});
            const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
            const QString inner = close < 0 ? QString() : text.mid(open + 2, close - open - 2);
            if (close < 0 || inner.contains(QLatin1String("{{")))
                return error(line, QStringLiteral("unclosed \"{{\" (no \"}}\" after it on the "
                                                  "same line)"));
            const QString tag = inner.trimmed();
            pos = close + 2;
            if (tag.startsWith(u'!'))
                continue; // a comment for the desk
            if (tag == u"/if") {
                segments.append(Segment{Segment::IfClose, {}});
                continue;
            }
            if (tag.startsWith(QLatin1String("#if")) && (tag.size() == 3 || tag.at(3).isSpace())) {
                const QString name = tag.mid(3).trimmed();
                if (auto bad = checkName(name, line))
                    return *bad;
                segments.append(Segment{Segment::IfOpen, name});
                continue;
            }
            if (tag.startsWith(u'#') || tag.startsWith(u'/'))
                return error(line, QStringLiteral("unknown tag {{%1}} (only {{#if name}} and "
                                                  "{{/if}} exist)")
                                       .arg(tag));
            if (auto bad = checkName(tag, line))
                return *bad;
            segments.append(Segment{Segment::Field, tag});
        }
        return segments;
    }

    Result<Line> classify(const QList<Segment> &segments, int number) const
    {
        Line line;
        line.number = number;
        int tags = 0;
        int blocks = 0;
        int others = 0;
        const Segment *tag = nullptr;
        for (const Segment &s : segments) {
            NoticeFieldKind kind = NoticeFieldKind::Inline;
            if (s.kind == Segment::IfOpen || s.kind == Segment::IfClose) {
                ++tags;
                tag = &s;
            } else if (s.kind == Segment::Field && isNoticeField(s.text, &kind) &&
                       kind == NoticeFieldKind::Block) {
                ++blocks;
                line.name = s.text;
            } else if (s.kind == Segment::Field || !s.text.trimmed().isEmpty()) {
                ++others;
            }
        }
        if (blocks > 0) {
            if (blocks > 1 || tags > 0 || others > 0)
                return error(number, QStringLiteral("{{%1}} is a list and must stand alone on "
                                                    "its line")
                                         .arg(line.name));
            line.kind = Line::Block;
            if (!segments.isEmpty() && segments.first().kind == Segment::Text)
                line.indent = segments.first().text;
            return line;
        }
        // A tag alone on its line takes the line with it, so that sections do not leave
        // blank lines behind.
        if (tags == 1 && others == 0) {
            line.kind = tag->kind == Segment::IfOpen ? Line::IfOpen : Line::IfClose;
            line.name = tag->text;
            return line;
        }
        int depth = 0;
        for (const Segment &s : segments) {
            depth += s.kind == Segment::IfOpen ? 1 : s.kind == Segment::IfClose ? -1 : 0;
            if (depth < 0)
                break;
        }
        if (depth != 0)
            return error(number, QStringLiteral("an {{#if}} that starts or ends inside a line "
                                                "must start and end on that line"));
        line.segments = segments;
        return line;
    }

private:
    QString m_fileName;
    QString m_type;
};

QStringList fieldsOf(const QList<Segment> &segments)
{
    QStringList names;
    for (const Segment &s : segments) {
        if (s.kind == Segment::Field || s.kind == Segment::IfOpen)
            names.append(s.text);
    }
    return names;
}

} // namespace

Result<NoticeTemplate> NoticeTemplate::parse(const QString &source, const QString &fileName,
                                             const QString &type)
{
    if (!isNoticeType(type))
        return Error{QStringLiteral("%1: \"%2\" is not a notice type").arg(fileName, type)};
    const Parser parser(fileName, type);
    QStringList lines = source.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }

    NoticeTemplate t;
    t.m_type = type;
    t.m_fileName = fileName;

    // The header part: "Subject:" (folded lines continue it) and comments, up to a blank line.
    static const QRegularExpression field(QStringLiteral("^([A-Za-z][A-Za-z0-9-]*)\\s*:(.*)$"));
    QString subject;
    qsizetype i = 0;
    for (; i < lines.size() && !lines.at(i).trimmed().isEmpty(); ++i) {
        const QString &line = lines.at(i);
        const int number = int(i) + 1;
        if (line.trimmed().startsWith(QLatin1String("{{!")) && line.trimmed().endsWith(u"}}"))
            continue;
        if (line.at(0).isSpace() && t.m_subjectLine > 0) {
            subject += u' ' + line.trimmed();
            continue;
        }
        const QRegularExpressionMatch m = field.match(line);
        if (!m.hasMatch())
            return parser.error(number, QStringLiteral("the header part holds \"Name: value\" "
                                                       "lines only, then a blank line"));
        if (m.captured(1).compare(u"Subject", Qt::CaseInsensitive) != 0)
            return parser.error(number, QStringLiteral("unknown header field \"%1\" (only "
                                                       "Subject is allowed)")
                                            .arg(m.captured(1)));
        if (t.m_subjectLine > 0)
            return parser.error(number, QStringLiteral("a second Subject line"));
        t.m_subjectLine = number;
        subject = m.captured(2).trimmed();
    }
    if (t.m_subjectLine == 0)
        return Error{
            QStringLiteral("%1: no \"Subject:\" line before the first blank line").arg(fileName)};
    if (i >= lines.size())
        return Error{
            QStringLiteral("%1: no blank line between the Subject and the body").arg(fileName)};

    auto subjectSegments = parser.tokenize(subject, t.m_subjectLine);
    if (!subjectSegments)
        return Error{subjectSegments.error()};
    for (const Segment &s : *subjectSegments) {
        NoticeFieldKind kind = NoticeFieldKind::Inline;
        if (s.kind == Segment::IfOpen || s.kind == Segment::IfClose)
            return parser.error(t.m_subjectLine, QStringLiteral("the subject cannot hold "
                                                                "{{#if}} sections"));
        if (s.kind == Segment::Field && isNoticeField(s.text, &kind) &&
            kind == NoticeFieldKind::Block)
            return parser.error(
                t.m_subjectLine,
                QStringLiteral("{{%1}} is a list and cannot stand in the subject").arg(s.text));
    }
    if (!fieldsOf(*subjectSegments).contains(QStringLiteral("case_id")))
        return parser.error(t.m_subjectLine, QStringLiteral("the subject must carry "
                                                            "{{case_id}}"));
    t.m_subject = *subjectSegments;

    // The body, line by line; sections must nest.
    QList<int> open;
    for (++i; i < lines.size(); ++i) {
        const int number = int(i) + 1;
        const QString &text = lines.at(i);
        auto segments = parser.tokenize(text, number);
        if (!segments)
            return Error{segments.error()};
        const bool onlyComments =
            text.contains(QLatin1String("{{")) &&
            std::all_of(segments->cbegin(), segments->cend(), [](const Segment &s) {
                return s.kind == Segment::Text && s.text.trimmed().isEmpty();
            });
        if (onlyComments)
            continue; // a line that holds nothing but notes for the desk
        auto line = parser.classify(*segments, number);
        if (!line)
            return Error{line.error()};
        if (line->kind == Line::IfOpen) {
            open.append(number);
        } else if (line->kind == Line::IfClose) {
            if (open.isEmpty())
                return parser.error(number, QStringLiteral("{{/if}} without an {{#if}}"));
            open.removeLast();
        }
        t.m_body.append(*line);
    }
    if (!open.isEmpty())
        return parser.error(open.constLast(), QStringLiteral("{{#if}} is never closed"));

    const QStringList used = t.usedFields();
    for (const QString &required : requiredNoticeFields(type)) {
        if (!used.contains(required))
            return Error{QStringLiteral("%1: a %2 notice must show {{%3}}, and this template "
                                        "does not use it")
                             .arg(fileName, type, required)};
    }
    return t;
}

Result<NoticeTemplate> NoticeTemplate::load(const QString &path, const QString &type)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("%1: cannot read the template (%2)").arg(path, file.errorString())};
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return Error{QStringLiteral("%1: the template is not UTF-8 text").arg(path)};
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // a byte order mark that an editor added
    return parse(text, path, type);
}

QStringList NoticeTemplate::usedFields() const
{
    QStringList names = fieldsOf(m_subject);
    for (const Line &line : m_body) {
        if (line.kind == Line::Block || line.kind == Line::IfOpen)
            names.append(line.name);
        names += fieldsOf(line.segments);
    }
    names.removeDuplicates();
    return names;
}

} // namespace Awb
