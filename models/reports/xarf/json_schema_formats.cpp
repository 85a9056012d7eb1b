#include "reports/xarf/json_schema_formats.h"

#include "network/ip_address.h"

#include <QDate>
#include <QRegularExpression>

namespace Awb {

namespace {

bool isDate(int year, int month, int day)
{
    return QDate::isValid(year, month, day);
}

bool isFullDate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    return match.hasMatch() &&
           isDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
}

bool isDateTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?"
                       "(?:[Zz]|[+-](\\d{2}):(\\d{2}))$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    auto number = [&match](int group) { return match.captured(group).toInt(); };
    if (!isDate(number(1), number(2), number(3)))
        return false;
    if (number(4) > 23 || number(5) > 59 || number(6) > 60)
        return false;
    // The offset groups are empty for "Z", and then read as 0.
    return number(8) <= 23 && number(9) <= 59;
}

bool isHostname(QString text)
{
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (text.isEmpty() || text.size() > 253)
        return false;
    for (const QString &label : text.split(QLatin1Char('.'))) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) ||
            label.endsWith(QLatin1Char('-')))
            return false;
        for (const QChar c : label) {
            if (!(c.isDigit() || c == QLatin1Char('-') || (c.unicode() < 128 && c.isLetter())))
                return false;
        }
    }
    return true;
}

bool isIpv4(const QString &text)
{
    if (text.contains(QLatin1Char(':')) || text.contains(QLatin1Char('[')))
        return false;
    const std::optional<IpAddress> address = IpAddress::parse(text);
    return address && address->isV4();
}

bool isIpv6(const QString &text)
{
    // IpAddress also reads brackets, "IPv6:" tags and zone ids, none of which RFC 4291 text is.
    if (!text.contains(QLatin1Char(':')) || text.contains(QLatin1Char('[')) ||
        text.contains(QLatin1Char('%')) ||
        text.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive))
        return false;
    return IpAddress::parse(text).has_value();
}

bool isEmail(const QString &text)
{
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == text.size() - 1)
        return false;
    const QString local = text.left(at);
    const QString domain = text.mid(at + 1);
    for (const QChar c : local) {
        if (c.isSpace() || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    if (!local.startsWith(QLatin1Char('"')) && local.contains(QLatin1Char('@')))
        return false;
    if (domain.startsWith(QLatin1Char('[')) && domain.endsWith(QLatin1Char(']'))) {
        const QString literal = domain.mid(1, domain.size() - 2);
        return isIpv4(literal) ||
               (literal.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive) &&
                isIpv6(literal.mid(5)));
    }
    return isHostname(domain);
}

bool isUri(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z][A-Za-z0-9+.\\-]*:[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*$"));
    if (!pattern.match(text).hasMatch())
        return false;
    for (qsizetype i = text.indexOf(QLatin1Char('%')); i >= 0;
         i = text.indexOf(QLatin1Char('%'), i + 1)) {
        if (i + 2 >= text.size() || !isxdigit(text.at(i + 1).toLatin1()) ||
            !isxdigit(text.at(i + 2).toLatin1()))
            return false;
    }
    return true;
}

bool isUuid(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return pattern.match(text).hasMatch();
}

} // namespace

QStringList supportedSchemaFormats()
{
    return {QStringLiteral("date-time"), QStringLiteral("date"), QStringLiteral("email"),
            QStringLiteral("hostname"),  QStringLiteral("ipv4"), QStringLiteral("ipv6"),
            QStringLiteral("uri"),       QStringLiteral("uuid")};
}

bool matchesSchemaFormat(const QString &format, const QString &text, bool *known)
{
    *known = true;
    if (format == QLatin1String("date-time"))
        return isDateTime(text);
    if (format == QLatin1String("date"))
        return isFullDate(text);
    if (format == QLatin1String("email"))
        return isEmail(text);
    if (format == QLatin1String("hostname"))
        return isHostname(text);
    if (format == QLatin1String("ipv4"))
        return isIpv4(text);
    if (format == QLatin1String("ipv6"))
        return isIpv6(text);
    if (format == QLatin1String("uri"))
        return isUri(text);
    if (format == QLatin1String("uuid"))
        return isUuid(text);
    *known = false;
    return true;
}

} // namespace Awb
