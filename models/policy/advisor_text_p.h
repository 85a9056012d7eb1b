#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Awb {

// English singular and plural as two translatable strings: the project ships no English
// translation that would resolve "%n offence(s)", and a customer's lawyer should read
// "1 offence", not "1 offence(s)". `one` and `many` hold %1 for the number.
inline QString advisorCount(const char *context, int n, const char *one, const char *many)
{
    return QCoreApplication::translate(context, n == 1 ? one : many).arg(n);
}

// A factor's date as the advisor's texts write it: the UTC day, "(no date)" when unknown.
inline QString advisorDay(const char *context, const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd"))
                        : QCoreApplication::translate(context, "(no date)");
}

} // namespace Awb
