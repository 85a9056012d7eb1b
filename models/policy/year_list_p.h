#pragma once

#include <QList>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace Awb {

// Years as the calendar and the deadlines name them: ascending, "2026, 2027".
inline QList<int> sortedYears(const QSet<int> &set)
{
    QList<int> years(set.cbegin(), set.cend());
    std::sort(years.begin(), years.end());
    return years;
}

inline QString yearList(const QList<int> &years)
{
    QStringList parts;
    for (int year : years)
        parts << QString::number(year);
    return parts.join(QStringLiteral(", "));
}

} // namespace Awb
