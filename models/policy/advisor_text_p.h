#pragma once

#include <QDateTime>
#include <QString>

namespace Awb {

// English singular and plural as two translatable strings: the project ships no English
// translation that would resolve "%n offence(s)", and a customer's lawyer should read
// "1 offence", not "1 offence(s)". `one` and `many` hold %1 for the number; the caller
// translates both in its own context, where lupdate finds them.
inline QString advisorCount(int n, const QString &one, const QString &many)
{
    return (n == 1 ? one : many).arg(n);
}

// A factor's date as the advisor's texts write it: the UTC day, `noDate` when unknown.
inline QString advisorDay(const QDateTime &at, const QString &noDate)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd")) : noDate;
}

} // namespace Awb
