#pragma once

#include <QCoreApplication>
#include <QString>

namespace Awb {

// English singular and plural as two translatable strings: the project ships no English
// translation that would resolve "%n offence(s)", and a customer's lawyer should read
// "1 offence", not "1 offence(s)". `one` and `many` hold %1 for the number.
inline QString advisorCount(const char *context, int n, const char *one, const char *many)
{
    return QCoreApplication::translate(context, n == 1 ? one : many).arg(n);
}

} // namespace Awb
