#include "feedback_fields.h"

#include "feedback_common.h"

#include <QRegularExpression>

namespace Awb {

FeedbackFields parseFeedbackFields(const QByteArray &content)
{
    // A field name is printable US-ASCII without the colon (RFC 5322 2.2); YAML writers may put
    // quotes around it.
    static const QRegularExpression fieldLine(
        QStringLiteral(R"(^\s*["']?([!-9;-~]+?)["']?\s*:(.*)$)"));
    FeedbackFields result;
    const QString text = QString::fromUtf8(content);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (trimmed == QLatin1String("---") || trimmed == QLatin1String("...") ||
            trimmed.startsWith(QLatin1Char('#'))) {
            result.yamlStyled = true;
            continue;
        }
        const bool fold = line.front() == QLatin1Char(' ') || line.front() == QLatin1Char('\t');
        if (fold && !result.fields.isEmpty()) {
            FeedbackField &last = result.fields.last();
            last.value = last.value.isEmpty() ? trimmed : last.value + QLatin1Char(' ') + trimmed;
            continue;
        }
        const QRegularExpressionMatch match = fieldLine.match(line);
        if (!match.hasMatch()) {
            ++result.unreadableLines;
            continue;
        }
        const QString rawValue = match.captured(2).trimmed();
        if (rawValue.size() >= 2 && rawValue.front() == QLatin1Char('"') &&
            rawValue.back() == QLatin1Char('"'))
            result.yamlStyled = true;
        result.fields.append({match.captured(1), rawValue});
    }
    // Quotes are removed after unfolding, so a quoted value folded over lines loses them too.
    for (FeedbackField &field : result.fields)
        field.value = unquoted(field.value);
    return result;
}

QString fieldValue(const FeedbackFields &fields, const char *name)
{
    for (const FeedbackField &field : fields.fields) {
        if (field.name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return field.value;
    }
    return {};
}

QStringList fieldValues(const FeedbackFields &fields, const char *name)
{
    QStringList values;
    for (const FeedbackField &field : fields.fields) {
        if (field.name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            values.append(field.value);
    }
    return values;
}

} // namespace Awb
