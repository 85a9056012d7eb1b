#include "policy/money.h"

#include <QCoreApplication>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::Money)
};

Error notMoney(const QString &text, const QString &reason)
{
    return Error{Tr::tr("\"%1\" is not an amount of money: %2.").arg(text, reason)};
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Digits with optional thousands separators: "1234" or "1,234" but never "1,23" or ",123".
bool validGrouping(QStringView whole)
{
    if (!whole.contains(QLatin1Char(',')))
        return true;
    const QList<QStringView> groups = whole.split(QLatin1Char(','));
    if (groups.first().isEmpty() || groups.first().size() > 3)
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (groups.at(i).size() != 3)
            return false;
    }
    return true;
}

} // namespace

Result<qint64> parseMoney(const QString &text, MoneySign sign)
{
    QStringView rest = QStringView(text).trimmed();
    bool negative = false;
    const auto takeMinus = [&rest, &negative]() {
        if (rest.startsWith(QLatin1Char('-')) && !negative) {
            negative = true;
            rest = rest.mid(1).trimmed();
        }
    };
    takeMinus();
    if (rest.startsWith(QLatin1String("USD"), Qt::CaseInsensitive))
        rest = rest.mid(3).trimmed();
    takeMinus();
    if (rest.startsWith(QLatin1Char('$')))
        rest = rest.mid(1).trimmed();
    takeMinus();

    if (rest.isEmpty())
        return notMoney(text, Tr::tr("it has no digits"));
    const qsizetype point = rest.indexOf(QLatin1Char('.'));
    const QStringView whole = point < 0 ? rest : rest.left(point);
    const QStringView fraction = point < 0 ? QStringView() : rest.mid(point + 1);
    for (QChar c : whole) {
        if (!isAsciiDigit(c) && c != QLatin1Char(','))
            return notMoney(text, Tr::tr("\"%1\" is not a digit").arg(c));
    }
    for (QChar c : fraction) {
        if (!isAsciiDigit(c))
            return notMoney(text, Tr::tr("\"%1\" is not a digit of the cents").arg(c));
    }
    if (whole.isEmpty())
        return notMoney(text, Tr::tr("it has no digits before the decimal point"));
    if (!validGrouping(whole))
        return notMoney(text, Tr::tr("commas must separate groups of three digits"));
    if (point >= 0 && fraction.isEmpty())
        return notMoney(text, Tr::tr("it has no digits after the decimal point"));
    if (fraction.size() > 2)
        return notMoney(text,
                        Tr::tr("it has more than two decimals (a cent is the smallest unit)"));
    if (negative && sign == MoneySign::NonNegative)
        return notMoney(text, Tr::tr("a negative amount is not allowed here"));

    qint64 cents = 0;
    const auto append = [&cents](QChar c) {
        const int digit = c.unicode() - '0';
        if (cents > (kMaxMoneyCents - digit) / 10)
            return false;
        cents = cents * 10 + digit;
        return true;
    };
    QString digits = whole.toString().remove(QLatin1Char(','));
    digits += fraction.toString().leftJustified(2, QLatin1Char('0'));
    for (QChar c : std::as_const(digits)) {
        if (!append(c))
            return notMoney(text, Tr::tr("it is larger than the largest amount this program holds "
                                         "(%1)")
                                      .arg(formatMoney(kMaxMoneyCents)));
    }
    return negative ? -cents : cents;
}

QString formatMoneyAmount(qint64 cents)
{
    // Through the unsigned magnitude, so that the smallest qint64 has a magnitude too.
    const quint64 magnitude = cents < 0 ? 0 - quint64(cents) : quint64(cents);
    const QString whole = QString::number(magnitude / 100);
    QString grouped;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += QLatin1Char(',');
        grouped += whole.at(i);
    }
    return QStringLiteral("%1%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString(), grouped)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString formatMoney(qint64 cents)
{
    return QStringLiteral("USD ") + formatMoneyAmount(cents);
}

Result<qint64> addMoney(qint64 a, qint64 b)
{
    constexpr qint64 lowest = std::numeric_limits<qint64>::min();
    if ((b > 0 && a > kMaxMoneyCents - b) || (b < 0 && a < lowest - b))
        return Error{Tr::tr("%1 + %2 does not fit: the largest amount this program holds is %3.")
                         .arg(formatMoney(a), formatMoney(b), formatMoney(kMaxMoneyCents))};
    return a + b;
}

Result<qint64> multiplyMoney(qint64 unitCents, qint64 quantity)
{
    const auto magnitude = [](qint64 v) { return v < 0 ? 0 - quint64(v) : quint64(v); };
    const quint64 a = magnitude(unitCents);
    const quint64 b = magnitude(quantity);
    const bool negative = (unitCents < 0) != (quantity < 0);
    // The magnitude may reach 2^63 only for a negative result (the smallest qint64).
    const quint64 limit = quint64(kMaxMoneyCents) + (negative ? 1 : 0);
    if (a != 0 && b > limit / a)
        return Error{Tr::tr("%1 x %2 does not fit: the largest amount this program holds is %3.")
                         .arg(formatMoney(unitCents))
                         .arg(quantity)
                         .arg(formatMoney(kMaxMoneyCents))};
    const quint64 product = a * b;
    return negative ? qint64(0 - product) : qint64(product);
}

Result<qint64> sumMoney(const QList<qint64> &amounts)
{
    qint64 total = 0;
    for (qint64 amount : amounts) {
        Result<qint64> next = addMoney(total, amount);
        if (!next)
            return next;
        total = *next;
    }
    return total;
}

} // namespace Awb
