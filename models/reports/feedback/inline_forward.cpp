#include "inline_forward.h"

#include <QRegularExpression>
#include <QStringList>

namespace Awb {

namespace {

const QRegularExpression &dashedTitle()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*-{2,}\s*[A-Za-z][A-Za-z ]{1,40}?\s*-{2,}\s*$)"));
    return re;
}

bool isIntroduction(const QString &line)
{
    static const QRegularExpression begin(QStringLiteral(R"(^\s*Begin forwarded message:?\s*$)"),
                                          QRegularExpression::CaseInsensitiveOption);
    return dashedTitle().match(line).hasMatch() || begin.match(line).hasMatch();
}

struct HeaderBlock
{
    QStringList lines;      // header lines with their continuation lines
    QStringList names;      // lower case
    qsizetype next = 0;     // the first line after the block (after its blank line, if any)
    bool separated = false; // a blank line ended it
};

// The header block starting at lines[start], possibly empty.
HeaderBlock readHeaderBlock(const QStringList &lines, qsizetype start)
{
    // Real field names: a letter, then letters, digits and hyphens. Looser names would take
    // "https://..." body lines for fields.
    static const QRegularExpression field(QStringLiteral(R"(^([A-Za-z][A-Za-z0-9-]*)[ \t]*:)"));
    HeaderBlock block;
    qsizetype i = start;
    for (; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            block.separated = !block.lines.isEmpty();
            if (block.separated)
                ++i;
            break;
        }
        const bool fold = line.front() == QLatin1Char(' ') || line.front() == QLatin1Char('\t');
        if (fold && !block.lines.isEmpty()) {
            block.lines.last() += QLatin1Char('\n') + line;
            continue;
        }
        const QRegularExpressionMatch match = field.match(line);
        if (!match.hasMatch())
            break;
        block.lines.append(line);
        block.names.append(match.captured(1).toLower());
    }
    block.next = i;
    return block;
}

bool looksForwarded(const HeaderBlock &block)
{
    const QStringList &n = block.names;
    return block.lines.size() >= 2 &&
           (n.contains(QLatin1String("from")) || n.contains(QLatin1String("received")) ||
            (n.contains(QLatin1String("subject")) &&
             (n.contains(QLatin1String("date")) || n.contains(QLatin1String("sent")))));
}

bool looksLikeRawSource(const HeaderBlock &block)
{
    return block.lines.size() >= 3 && block.names.contains(QLatin1String("received")) &&
           block.names.contains(QLatin1String("from"));
}

bool isEnvelopeLine(const QString &line)
{
    return (line.startsWith(QLatin1String("From ")) || line.startsWith(QLatin1String(">From "))) &&
           !line.contains(QLatin1String("From :"));
}

qsizetype skipBlankLines(const QStringList &lines, qsizetype i)
{
    while (i < lines.size() && lines.at(i).trimmed().isEmpty())
        ++i;
    return i;
}

// The header block that follows an introduction (or an envelope line) at lines[from].
HeaderBlock blockAfter(const QStringList &lines, qsizetype from)
{
    qsizetype i = skipBlankLines(lines, from);
    if (i < lines.size() && isEnvelopeLine(lines.at(i)))
        ++i;
    return readHeaderBlock(lines, i);
}

InlineForward build(const QStringList &lines, qsizetype noteEnd, const QString &marker,
                    const HeaderBlock &block)
{
    InlineForward forward;
    forward.note = lines.mid(0, noteEnd).join(QLatin1Char('\n')).trimmed();
    forward.marker = marker.trimmed();
    forward.headerCount = int(block.lines.size());
    QStringList body;
    if (block.separated) {
        for (qsizetype i = block.next; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            if (dashedTitle().match(line).hasMatch() && !looksForwarded(blockAfter(lines, i + 1)))
                break; // "---------- end ----------": the paste ends here
            body.append(line);
        }
    }
    while (!body.isEmpty() && body.last().trimmed().isEmpty())
        body.removeLast();
    forward.headersOnly = body.isEmpty();
    QString original = block.lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    if (!forward.headersOnly)
        original += QLatin1Char('\n') + body.join(QLatin1Char('\n')) + QLatin1Char('\n');
    forward.original = original.toUtf8();
    return forward;
}

} // namespace

std::optional<InlineForward> findInlineForward(const QString &text)
{
    static const QRegularExpression quote(QStringLiteral(R"(^>[ ]?)"));
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!isIntroduction(lines.at(i)))
            continue;
        HeaderBlock block = blockAfter(lines, i + 1);
        if (!looksForwarded(block)) {
            // Apple Mail and others quote what follows the introduction: read it unquoted.
            QStringList unquotedLines = lines.mid(0, i + 1);
            for (qsizetype j = i + 1; j < lines.size(); ++j)
                unquotedLines.append(QString(lines.at(j)).remove(quote));
            block = blockAfter(unquotedLines, i + 1);
            if (looksForwarded(block))
                return build(unquotedLines, i, lines.at(i), block);
            continue;
        }
        return build(lines, i, lines.at(i), block);
    }
    // Raw source pasted without an introduction: a block with Received and From at a line start
    // after a blank line (or at the very start).
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0 && !lines.at(i - 1).trimmed().isEmpty() && !isEnvelopeLine(lines.at(i - 1)))
            continue;
        const HeaderBlock block = readHeaderBlock(lines, i);
        if (looksLikeRawSource(block)) {
            const bool envelope = i > 0 && isEnvelopeLine(lines.at(i - 1));
            return build(lines, envelope ? i - 1 : i, QString(), block);
        }
        if (!block.lines.isEmpty())
            i = block.next - 1;
    }
    return std::nullopt;
}

} // namespace Awb
