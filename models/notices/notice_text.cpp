#include "notices/notice_text.h"

#include <QRegularExpression>

namespace Awb {

namespace {

QString leadingBlanks(const QString &line)
{
    qsizetype n = 0;
    while (n < line.size() && (line.at(n) == u' ' || line.at(n) == u'\t'))
        ++n;
    return line.left(n);
}

QString trimmedRight(const QString &line)
{
    qsizetype end = line.size();
    while (end > 0 && line.at(end - 1).isSpace())
        --end;
    return line.left(end);
}

} // namespace

QStringList wrapNoticeLine(const QString &line, int width)
{
    if (line.size() <= width)
        return {line};
    const QString indent = leadingBlanks(line);
    QString hang = indent;
    const QString rest = line.mid(indent.size());
    if (rest.startsWith(u"- ") || rest.startsWith(u"* "))
        hang += QStringLiteral("  ");

    QStringList out;
    QString current = indent;
    bool currentHasWord = false;
    const QStringList words = rest.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (currentHasWord && current.size() + 1 + word.size() > width) {
            out.append(current);
            current = hang;
            currentHasWord = false;
        }
        if (currentHasWord)
            current += u' ';
        current += word;
        currentHasWord = true;
    }
    out.append(current);
    return out;
}

bool isNoticeLabelLine(const QString &line)
{
    static const QRegularExpression label(QStringLiteral("^\\s*[^\\s:][^:]{0,30}:\\s+\\S"));
    return label.match(line).hasMatch();
}

bool flowsIntoNextLine(const QString &line, const QString &next)
{
    const auto isBullet = [](const QString &l) {
        const QString t = l.trimmed();
        return t.startsWith(u"- ") || t.startsWith(u"* ");
    };
    return line.trimmed().size() >= 50 && !isNoticeLabelLine(line) && !isNoticeLabelLine(next) &&
           !isBullet(next);
}

QStringList layoutNoticeParagraph(const QStringList &lines, int width)
{
    bool tooLong = false;
    bool prose = !lines.isEmpty();
    const QString indent = lines.isEmpty() ? QString() : leadingBlanks(lines.first());
    for (const QString &line : lines) {
        const QString rest = line.mid(leadingBlanks(line).size());
        tooLong = tooLong || line.size() > width;
        prose = prose && leadingBlanks(line) == indent && !rest.startsWith(u"- ") &&
                !rest.startsWith(u"* ") && !isNoticeLabelLine(line);
    }
    QStringList out;
    if (tooLong && prose) {
        QStringList words;
        for (const QString &line : lines)
            words.append(line.trimmed());
        return wrapNoticeLine(indent + words.join(u' '), width);
    }
    for (const QString &line : lines)
        out += wrapNoticeLine(line, width);
    return out;
}

QString htmlLines(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>\n"));
    return html;
}

QStringList tidyNoticeLines(const QStringList &lines)
{
    QStringList out;
    for (const QString &line : lines) {
        const QString clean = trimmedRight(line);
        if (clean.isEmpty() && (out.isEmpty() || out.constLast().isEmpty()))
            continue;
        out.append(clean);
    }
    while (!out.isEmpty() && out.constLast().isEmpty())
        out.removeLast();
    return out;
}

} // namespace Awb
