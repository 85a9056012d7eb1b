#include "reports/xarf/xarf_yaml.h"

namespace Awb {

namespace {

int indentOf(const QString &line)
{
    int indent = 0;
    while (indent < line.size() &&
           (line.at(indent) == QLatin1Char(' ') || line.at(indent) == QLatin1Char('\t')))
        ++indent;
    return indent;
}

// A plain scalar ends at " #" (a comment); quoted scalars end at their closing quote.
// *unterminated is set when the closing quote is missing; the rest of the line is then kept.
QString scalar(const QString &raw, bool *unterminated)
{
    *unterminated = false;
    const QString text = raw.trimmed();
    if (text.startsWith(QLatin1Char('"'))) {
        QString value;
        for (qsizetype i = 1; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('"'))
                return value;
            if (c == QLatin1Char('\\') && i + 1 < text.size()) {
                const QChar next = text.at(++i);
                value += next == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                         : next == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                                    : next;
                continue;
            }
            value += c;
        }
        *unterminated = true;
        return value;
    }
    if (text.startsWith(QLatin1Char('\''))) {
        QString value;
        for (qsizetype i = 1; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\'')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\'')) {
                    value += QLatin1Char('\'');
                    ++i;
                    continue;
                }
                return value;
            }
            value += text.at(i);
        }
        *unterminated = true;
        return value;
    }
    const qsizetype comment = text.indexOf(QLatin1String(" #"));
    return (comment >= 0 ? text.left(comment) : text).trimmed();
}

// "[a, 'b, c', d]" -> a | b, c | d
QStringList flowList(const QString &text, bool *unterminated)
{
    QStringList items;
    *unterminated = !text.endsWith(QLatin1Char(']'));
    const QString inner = text.mid(1, text.size() - (*unterminated ? 1 : 2));
    QString current;
    QChar quote;
    for (const QChar c : inner) {
        if (!quote.isNull()) {
            current += c;
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            current += c;
        } else if (c == QLatin1Char(',')) {
            bool open = false;
            items << scalar(current, &open);
            current.clear();
        } else {
            current += c;
        }
    }
    bool open = false;
    if (!current.trimmed().isEmpty())
        items << scalar(current, &open);
    return items;
}

} // namespace

const XarfYamlEntry *XarfYamlDocument::find(QStringView key) const
{
    for (const XarfYamlEntry &entry : entries) {
        if (QStringView(entry.key).compare(key, Qt::CaseInsensitive) == 0)
            return &entry;
    }
    return nullptr;
}

QString XarfYamlDocument::value(QStringView key) const
{
    const XarfYamlEntry *entry = find(key);
    return entry && !entry->values.isEmpty() ? entry->values.first() : QString();
}

XarfYamlDocument readXarfYaml(const QString &input)
{
    XarfYamlDocument document;
    QString text = input;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const QStringList lines = text.split(QLatin1Char('\n'));

    XarfYamlEntry *open = nullptr; // the entry indented lines continue
    QChar block;                   // '|' or '>' while reading a block scalar
    bool seenDocument = false;
    auto problem = [&document](int line, const QString &what) {
        document.problems << QStringLiteral("line %1: %2").arg(line).arg(what);
    };

    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        const QString &line = lines.at(i);
        const QString trimmed = line.trimmed();
        const int indent = indentOf(line);
        if (trimmed.isEmpty()) {
            if (open && !block.isNull() && !open->values.isEmpty())
                open->values.last() += QLatin1Char('\n');
            continue;
        }
        if (indent > 0 && open) {
            if (!block.isNull()) {
                QString &value = open->values.last();
                if (!value.isEmpty() && !value.endsWith(QLatin1Char('\n')))
                    value += block == QLatin1Char('|') ? QLatin1Char('\n') : QLatin1Char(' ');
                value += trimmed;
            } else if (trimmed.startsWith(QLatin1String("- ")) || trimmed == QLatin1String("-")) {
                bool unterminated = false;
                if (!open->isList && !open->values.isEmpty())
                    problem(number, QStringLiteral("a list item under \"%1\", which has a value")
                                        .arg(open->key));
                open->isList = true;
                open->values << scalar(trimmed.mid(1), &unterminated);
                if (unterminated)
                    problem(number, QStringLiteral("a quoted value is not closed"));
            } else if (open->isList) {
                problem(number,
                        QStringLiteral("an indented line inside the list \"%1\"").arg(open->key));
            } else if (open->values.isEmpty()) {
                open->values << trimmed; // "Key:" with the value on the next line
            } else {
                // A plain scalar continued on the next line folds with a space.
                open->values.last() += QLatin1Char(' ') + trimmed;
            }
            continue;
        }
        block = QChar();
        if (trimmed.startsWith(QLatin1Char('#')))
            continue;
        if (trimmed == QLatin1String("---") || trimmed == QLatin1String("...")) {
            if (trimmed == QLatin1String("---") && (seenDocument || !document.entries.isEmpty()))
                problem(number,
                        QStringLiteral("a second YAML document; read as part of the first"));
            seenDocument = true;
            open = nullptr;
            continue;
        }
        qsizetype colon = trimmed.indexOf(QLatin1String(": "));
        if (colon < 0 && trimmed.endsWith(QLatin1Char(':')))
            colon = trimmed.size() - 1;
        if (colon <= 0) {
            problem(number,
                    QStringLiteral("not a \"key: value\" line: \"%1\"").arg(trimmed.left(60)));
            open = nullptr;
            continue;
        }
        XarfYamlEntry entry;
        entry.line = number;
        bool unterminated = false;
        entry.key = scalar(trimmed.left(colon), &unterminated);
        if (document.find(entry.key))
            problem(number, QStringLiteral("\"%1\" appears more than once").arg(entry.key));
        const QString rest = trimmed.mid(colon + 1).trimmed();
        if (rest == QLatin1String("|") || rest == QLatin1String(">") ||
            rest.startsWith(QLatin1String("|-")) || rest.startsWith(QLatin1String(">-"))) {
            block = rest.at(0);
            entry.values << QString();
        } else if (rest.startsWith(QLatin1Char('['))) {
            entry.isList = true;
            entry.values = flowList(rest, &unterminated);
        } else if (!rest.isEmpty()) {
            entry.values << scalar(rest, &unterminated);
        }
        if (unterminated)
            problem(number, QStringLiteral("the value of \"%1\" is not closed").arg(entry.key));
        document.entries.append(entry);
        open = &document.entries.last();
    }
    for (XarfYamlEntry &entry : document.entries) {
        for (QString &value : entry.values) {
            while (value.endsWith(QLatin1Char('\n')))
                value.chop(1);
        }
    }
    return document;
}

} // namespace Awb
