#include "policy/hong_kong_time.h"

namespace Awb {

namespace {

const char *const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char *const kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char *const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};

QString clock(const QTime &time)
{
    return time.second() == 0 ? time.toString(QStringLiteral("HH:mm"))
                              : time.toString(QStringLiteral("HH:mm:ss"));
}

QString shortDate(const QDate &date)
{
    return QStringLiteral("%1 %2 %3")
        .arg(QLatin1String(kDays[date.dayOfWeek() - 1]))
        .arg(date.day())
        .arg(QLatin1String(kShortMonths[date.month() - 1]));
}

} // namespace

QTimeZone hongKongZone()
{
    static const QTimeZone zone = [] {
        QTimeZone named(QByteArrayLiteral("Asia/Hong_Kong"));
        return named.isValid() ? named : QTimeZone(8 * 3600);
    }();
    return zone;
}

QDate hongKongDate(const QDateTime &at)
{
    return at.isValid() ? at.toTimeZone(hongKongZone()).date() : QDate();
}

QDateTime hongKongDateTime(const QDate &date, const QTime &time)
{
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, hongKongZone()).toUTC();
}

QString englishDate(const QDate &date)
{
    if (!date.isValid())
        return {};
    return QStringLiteral("%1 %2 %3")
        .arg(date.day())
        .arg(QLatin1String(kMonths[date.month() - 1]))
        .arg(date.year());
}

QString englishWeekday(const QDate &date)
{
    return date.isValid() ? QString::fromLatin1(kDays[date.dayOfWeek() - 1]) : QString();
}

QString formatHongKongAndUtc(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toTimeZone(hongKongZone());
    const QDateTime utc = at.toUTC();
    const QString utcPart =
        utc.date() == local.date()
            ? clock(utc.time())
            : QStringLiteral("%1 %2").arg(shortDate(utc.date()), clock(utc.time()));
    return QStringLiteral("%1 %2 %3 HKT (%4 UTC)")
        .arg(shortDate(local.date()))
        .arg(local.date().year())
        .arg(clock(local.time()), utcPart);
}

} // namespace Awb
