#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

#include <limits>

namespace Awb {

// Money is a count of US cents in a qint64, never a floating-point number: the liability of
// policy section 6.2 is stated to the cent, and a statement's lines must add up to its totals
// exactly. The largest amount is USD 92,233,720,368,547,758.07; arithmetic past it is an error,
// never a wrap-around.
inline constexpr qint64 kMaxMoneyCents = std::numeric_limits<qint64>::max();

enum class MoneySign { NonNegative, AllowNegative };

// Reads "15", "15.5", "15.50", "1,234.56", "$15", "USD 15.00" or "USD $1,234.56" (the currency
// is optional and only US dollars are accepted; "-" is accepted only with AllowNegative, before
// or after the currency). Commas must separate groups of three digits. An error names the text
// and the reason: no digits, more than two decimals, a misplaced comma, a negative amount where
// none is allowed, an amount too large to hold, anything else in the text.
Result<qint64> parseMoney(const QString &text, MoneySign sign = MoneySign::NonNegative);

// "USD 1,234.56"; a negative amount as "USD -15.00" (parseMoney() reads both back).
QString formatMoney(qint64 cents);
// The number alone, "1,234.56", for aligned columns under a "USD" heading.
QString formatMoneyAmount(qint64 cents);

// a + b, a * quantity and the sum of a list, or an error naming the operands when the result
// does not fit (the numbers are shown in USD so that the message reads as money).
Result<qint64> addMoney(qint64 a, qint64 b);
Result<qint64> multiplyMoney(qint64 unitCents, qint64 quantity);
Result<qint64> sumMoney(const QList<qint64> &amounts);

} // namespace Awb
