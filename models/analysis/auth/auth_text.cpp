#include "auth_text.h"

#include <QRegularExpression>

namespace Awb::AuthText {

namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
           c == QLatin1Char('\n');
}

} // namespace

QString unfold(const QByteArray &rawValue)
{
    QByteArray bytes = rawValue;
    bytes.replace('\r', QByteArray()).replace('\n', QByteArray());
    return QString::fromUtf8(bytes);
}

QString simplified(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const QChar c : text) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += QLatin1Char(' ');
        pendingSpace = false;
        out += c;
    }
    return out;
}

QString stripComments(const QString &text, QStringList *comments)
{
    QString out;
    out.reserve(text.size());
    QString comment;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (depth > 0) {
            if (c == QLatin1Char('\\') && i + 1 < text.size()) {
                comment += text.at(++i);
            } else if (c == QLatin1Char('(')) {
                ++depth;
                comment += c;
            } else if (c == QLatin1Char(')')) {
                if (--depth == 0) {
                    if (comments)
                        comments->append(simplified(comment));
                    comment.clear();
                    out += QLatin1Char(' ');
                } else {
                    comment += c;
                }
            } else {
                comment += c;
            }
            continue;
        }
        if (quoted) {
            out += c;
            if (c == QLatin1Char('\\') && i + 1 < text.size())
                out += text.at(++i);
            else if (c == QLatin1Char('"'))
                quoted = false;
            continue;
        }
        if (c == QLatin1Char('(')) {
            depth = 1;
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = true;
        out += c;
    }
    if (depth > 0) {
        if (comments)
            comments->append(simplified(comment));
        out += QLatin1Char(' ');
    }
    return out;
}

QStringList splitOutside(const QString &text, QChar separator)
{
    QStringList parts;
    QString current;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && (quoted || depth > 0) && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
            continue;
        }
        if (quoted) {
            quoted = c != QLatin1Char('"');
        } else if (depth > 0) {
            depth += c == QLatin1Char('(') ? 1 : c == QLatin1Char(')') ? -1 : 0;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char('(')) {
            depth = 1;
        } else if (c == separator) {
            parts.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    parts.append(current);
    return parts;
}

QList<Item> readItems(const QString &segment)
{
    QList<Item> items;
    const qsizetype n = segment.size();
    qsizetype i = 0;
    const auto skipSpace = [&] {
        while (i < n && isSpace(segment.at(i)))
            ++i;
    };
    // A word or a quoted string; quoted-pairs undone.
    const auto readValue = [&] {
        QString value;
        if (i < n && segment.at(i) == QLatin1Char('"')) {
            for (++i; i < n && segment.at(i) != QLatin1Char('"'); ++i) {
                if (segment.at(i) == QLatin1Char('\\') && i + 1 < n)
                    ++i;
                value += segment.at(i);
            }
            if (i < n)
                ++i; // the closing quote
            return value;
        }
        while (i < n && !isSpace(segment.at(i)) && segment.at(i) != QLatin1Char('='))
            value += segment.at(i++);
        return value;
    };
    while (true) {
        skipSpace();
        if (i >= n)
            break;
        const qsizetype before = i;
        Item item;
        item.key = readValue();
        skipSpace();
        if (i < n && segment.at(i) == QLatin1Char('=')) {
            ++i;
            skipSpace();
            item.hasValue = true;
            item.value = readValue();
            // "a==b" or "k=v=w": the rest up to white space belongs to the value.
            while (i < n && segment.at(i) == QLatin1Char('=')) {
                ++i;
                item.value += QLatin1Char('=') + readValue();
            }
        }
        if (i == before)
            ++i; // never loop without advancing
        items.append(item);
    }
    return items;
}

const Tag *TagList::find(const QString &name) const
{
    for (const Tag &tag : tags) {
        if (tag.name == name)
            return &tag;
    }
    return nullptr;
}

TagList parseTagList(const QString &text)
{
    static const QRegularExpression tagName(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
    TagList list;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char(';'), start);
        if (end < 0)
            end = text.size();
        const QString segment = text.mid(start, end - start);
        const qsizetype eq = segment.indexOf(QLatin1Char('='));
        if (segment.trimmed().isEmpty()) {
            if (end < text.size())
                list.errors.append(QStringLiteral("empty tag"));
        } else if (eq < 0) {
            list.errors.append(QStringLiteral("tag without '=': \"%1\"").arg(simplified(segment)));
        } else {
            Tag tag;
            tag.name = segment.left(eq).trimmed();
            tag.value = segment.mid(eq + 1).trimmed();
            tag.valueStart = start + eq + 1;
            tag.valueEnd = end;
            if (!tagName.match(tag.name).hasMatch())
                list.errors.append(
                    QStringLiteral("invalid tag name \"%1\"").arg(simplified(tag.name)));
            else if (list.find(tag.name))
                list.errors.append(QStringLiteral("duplicate tag %1=").arg(tag.name));
            else
                list.tags.append(tag);
        }
        start = end + 1;
    }
    return list;
}

QString withoutWhitespace(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!isSpace(c))
            out += c;
    }
    return out;
}

QByteArray decodeBase64(const QString &text, bool *ok)
{
    static const QRegularExpression alphabet(
        QStringLiteral("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"));
    const QString compact = withoutWhitespace(text);
    *ok = alphabet.match(compact).hasMatch();
    if (!*ok)
        return {};
    return QByteArray::fromBase64(compact.toLatin1());
}

} // namespace Awb::AuthText
