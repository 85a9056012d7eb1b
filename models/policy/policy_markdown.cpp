#include "policy/policy_markdown_p.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace Awb {

namespace {

// Roman numerals as the policy writes its sections (I to XI today); 0 when not one.
int romanValue(const QString &roman)
{
    static const QHash<QChar, int> digits = {{u'I', 1},   {u'V', 5},   {u'X', 10},  {u'L', 50},
                                             {u'C', 100}, {u'D', 500}, {u'M', 1000}};
    int total = 0;
    for (int i = 0; i < roman.size(); ++i) {
        const int value = digits.value(roman.at(i));
        if (value == 0)
            return 0;
        const int next = i + 1 < roman.size() ? digits.value(roman.at(i + 1)) : 0;
        total += value < next ? -value : value;
    }
    return total;
}

int monthNumber(const QString &name)
{
    static const QStringList months = {
        QStringLiteral("january"), QStringLiteral("february"), QStringLiteral("march"),
        QStringLiteral("april"),   QStringLiteral("may"),      QStringLiteral("june"),
        QStringLiteral("july"),    QStringLiteral("august"),   QStringLiteral("september"),
        QStringLiteral("october"), QStringLiteral("november"), QStringLiteral("december")};
    return months.indexOf(name.toLower()) + 1;
}

bool isRule(const QString &trimmed)
{
    static const QRegularExpression rule(QStringLiteral("^(-{3,}|\\*{3,}|_{3,})$"));
    return rule.match(trimmed).hasMatch();
}

// One markdown body line as plain text, or nothing for a line that carries no words (a table's
// |---| line).
std::optional<QString> plainLine(QString line)
{
    static const QRegularExpression tableRule(
        QStringLiteral("^\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*:?-*:?\\s*$"));
    static const QRegularExpression quote(QStringLiteral("^\\s*>\\s?"));
    static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+"));
    line.remove(QStringLiteral("**"));
    // Trailing spaces are markdown's hard line break; the line break itself is kept.
    while (!line.isEmpty() && line.back().isSpace())
        line.chop(1);
    line.remove(quote);
    line.remove(heading);
    const QString trimmed = line.trimmed();
    if (trimmed.startsWith(u'|')) {
        if (tableRule.match(trimmed).hasMatch())
            return std::nullopt;
        QStringList cells = trimmed.split(u'|');
        if (!cells.isEmpty() && cells.first().trimmed().isEmpty())
            cells.removeFirst();
        if (!cells.isEmpty() && cells.last().trimmed().isEmpty())
            cells.removeLast();
        for (QString &cell : cells)
            cell = cell.trimmed();
        return cells.join(QStringLiteral(" | "));
    }
    return line;
}

// Paragraphs separated by exactly one empty line, none at the ends.
QString plainText(const QStringList &lines)
{
    QStringList out;
    for (const QString &raw : lines) {
        const std::optional<QString> line = plainLine(raw);
        if (!line)
            continue;
        if (line->trimmed().isEmpty() && (out.isEmpty() || out.last().isEmpty()))
            continue;
        out << (line->trimmed().isEmpty() ? QString() : *line);
    }
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out.join(u'\n');
}

// Reads the provider's markdown line by line: front matter, preamble ("Last update"), "## I."
// sections, "### 3.1" subsections.
class PolicyMarkdownParser
{
public:
    explicit PolicyMarkdownParser(const QString &sourceName)
        : m_source(sourceName)
    {}

    Status parse(const QString &text, ParsedPolicy *policy);

private:
    struct Subheading
    {
        int line;
        QString text;
    };
    struct OpenSection
    {
        PolicySection section;
        int line = 0;
        QStringList lines;              // the section's own text
        QList<Subheading> unnumbered;   // "### Required Information:"
        QList<QStringList> clauseLines; // per numbered subsection
        QList<PolicyClause> clauses;
    };

    Error fail(int line, const QString &reason) const
    {
        return Error{QStringLiteral("%1 line %2: %3").arg(m_source).arg(line).arg(reason)};
    }
    Error fail(const QString &reason) const
    {
        return Error{QStringLiteral("%1: %2").arg(m_source, reason)};
    }
    Status closeSection(ParsedPolicy *policy);

    QString m_source;
    std::optional<OpenSection> m_open;
    QSet<QString> m_ids;
};

Status PolicyMarkdownParser::closeSection(ParsedPolicy *policy)
{
    if (!m_open)
        return {};
    OpenSection &open = *m_open;
    if (!open.clauses.isEmpty() && !open.unnumbered.isEmpty()) {
        const Subheading &first = open.unnumbered.first();
        return fail(first.line, QStringLiteral("the subsection heading \"%1\" has no clause "
                                               "number, but section %2 numbers its subsections")
                                    .arg(first.text, open.section.id));
    }
    open.section.text = plainText(open.lines);
    for (int i = 0; i < open.clauses.size(); ++i) {
        open.clauses[i].text = plainText(open.clauseLines.at(i));
        open.section.clauses << open.clauses.at(i).id;
        policy->clauses << open.clauses.at(i);
    }
    if (open.clauses.isEmpty()) {
        policy->clauses << PolicyClause{open.section.id, open.section.title, open.section.text,
                                        open.section.id, open.section.title};
    }
    policy->sections << open.section;
    m_open.reset();
    return {};
}

Status PolicyMarkdownParser::parse(const QString &text, ParsedPolicy *policy)
{
    static const QRegularExpression sectionHeading(
        QStringLiteral("^##\\s+([IVXLCDM]+)\\.\\s+(.+?)\\s*$"));
    static const QRegularExpression clauseHeading(
        QStringLiteral("^###\\s+(\\d+)\\.(\\d+)\\.?\\s+(.+?)\\s*$"));
    static const QRegularExpression lastUpdate(
        QStringLiteral("Last update:\\s*([A-Za-z]+)\\s+(\\d{1,2}),\\s*(\\d{4})"));
    static const QRegularExpression governingLaw(QStringLiteral("Governing Law:\\s*(.+)$"));

    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    int index = 0;
    // YAML front matter: "---", "title: Anti-Spam Policy", "---".
    if (!lines.isEmpty() && lines.first().trimmed() == u"---") {
        for (index = 1; index < lines.size() && lines.at(index).trimmed() != u"---"; ++index) {
            const QString line = lines.at(index);
            if (line.startsWith(QStringLiteral("title:")))
                policy->title = line.mid(6).trimmed().remove(u'"');
        }
        if (index == lines.size())
            return fail(1, QStringLiteral("the front matter opened here is never closed (---)"));
        ++index;
    }

    // Text between a rule and the next heading belongs to no clause. At the end of the document
    // that is the closing contact block; anywhere else it would be words no clause quotes, so it
    // is refused rather than dropped.
    bool afterRule = false;
    QStringList closing;
    int closingLine = 0;
    const auto strayText = [&]() -> Status {
        for (const QString &stray : closing) {
            if (!stray.trimmed().isEmpty())
                return fail(closingLine, QStringLiteral("text after a horizontal rule (---) "
                                                        "belongs to no section: %1")
                                             .arg(stray.trimmed()));
        }
        closing.clear();
        closingLine = 0;
        afterRule = false;
        return {};
    };
    for (; index < lines.size(); ++index) {
        const int number = index + 1;
        const QString &line = lines.at(index);
        const QString trimmed = line.trimmed();
        const QString plain = QString(trimmed).remove(QStringLiteral("**"));

        if (policy->versionDate.isNull() && plain.contains(QStringLiteral("Last update:"))) {
            const QRegularExpressionMatch match = lastUpdate.match(plain);
            const QDate date =
                match.hasMatch() ? QDate(match.captured(3).toInt(), monthNumber(match.captured(1)),
                                         match.captured(2).toInt())
                                 : QDate();
            if (!date.isValid())
                return fail(number, QStringLiteral("the \"Last update\" date is not of the form "
                                                   "\"December 10, 2025\": %1")
                                        .arg(trimmed));
            policy->versionDate = date;
        }
        if (policy->governingLaw.isEmpty()) {
            const QRegularExpressionMatch match = governingLaw.match(plain);
            if (match.hasMatch()) {
                QString law = match.captured(1).trimmed();
                if (law.endsWith(u'.'))
                    law.chop(1);
                policy->governingLaw = law;
            }
        }

        if (trimmed.startsWith(QStringLiteral("## ")) ||
            trimmed.startsWith(QStringLiteral("### "))) {
            const Status stray = strayText();
            if (!stray)
                return stray;
        }
        if (trimmed.startsWith(QStringLiteral("## "))) {
            const Status closed = closeSection(policy);
            if (!closed)
                return closed;
            const QRegularExpressionMatch match = sectionHeading.match(plain);
            if (!match.hasMatch() || romanValue(match.captured(1)) == 0)
                return fail(number, QStringLiteral("a section heading without a Roman numeral "
                                                   "id (\"## V. Title\"): %1")
                                        .arg(trimmed));
            const QString id = match.captured(1);
            if (m_ids.contains(id))
                return fail(number, QStringLiteral("section %1 appears twice").arg(id));
            m_ids.insert(id);
            m_open = OpenSection();
            m_open->section.id = id;
            m_open->section.title = match.captured(2);
            m_open->line = number;
            continue;
        }
        if (trimmed.startsWith(QStringLiteral("### "))) {
            if (!m_open)
                return fail(number,
                            QStringLiteral("a subsection before any section: %1").arg(trimmed));
            const QString heading = plain.mid(4).trimmed();
            if (heading.isEmpty())
                return fail(number, QStringLiteral("an empty subsection heading"));
            const QRegularExpressionMatch match = clauseHeading.match(plain);
            if (!match.hasMatch() && heading.front().isDigit())
                return fail(number, QStringLiteral("a clause number that is not of the form "
                                                   "\"3.1\": %1")
                                        .arg(trimmed));
            if (!match.hasMatch()) {
                m_open->unnumbered << Subheading{number, heading};
                (m_open->clauses.isEmpty() ? m_open->lines : m_open->clauseLines.last()) << line;
                continue;
            }
            const QString id = QStringLiteral("%1.%2").arg(match.captured(1), match.captured(2));
            if (match.captured(1).toInt() != romanValue(m_open->section.id))
                return fail(
                    number,
                    QStringLiteral("clause %1 is under section %2").arg(id, m_open->section.id));
            if (m_ids.contains(id))
                return fail(number, QStringLiteral("clause %1 appears twice").arg(id));
            m_ids.insert(id);
            m_open->clauses << PolicyClause{id, match.captured(3), QString(), m_open->section.id,
                                            m_open->section.title};
            m_open->clauseLines << QStringList();
            continue;
        }
        if (isRule(trimmed)) {
            afterRule = true;
            continue;
        }
        if (!m_open)
            continue; // the preamble: title and "Last update" line
        if (afterRule) {
            if (closingLine == 0 && !trimmed.isEmpty())
                closingLine = number;
            closing << line;
        } else if (m_open->clauses.isEmpty()) {
            m_open->lines << line;
        } else {
            m_open->clauseLines.last() << line;
        }
    }
    const Status closed = closeSection(policy);
    if (!closed)
        return closed;
    policy->closingText = plainText(closing);

    if (policy->versionDate.isNull())
        return fail(QStringLiteral("no \"Last update:\" line, so the policy version is unknown"));
    if (policy->title.isEmpty())
        return fail(QStringLiteral("no title in the front matter (\"title: Anti-Spam Policy\")"));
    if (policy->sections.isEmpty())
        return fail(QStringLiteral("no sections (\"## I. Policy Statement\")"));
    if (policy->governingLaw.isEmpty())
        return fail(QStringLiteral("no \"Governing Law:\" line"));
    return {};
}

} // namespace

Result<ParsedPolicy> parsePolicyMarkdown(const QString &text, const QString &sourceName)
{
    ParsedPolicy parsed;
    PolicyMarkdownParser parser(sourceName);
    const Status status = parser.parse(text, &parsed);
    if (!status)
        return Error{status.error()};
    return parsed;
}

} // namespace Awb
