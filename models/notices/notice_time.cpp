#include "notices/notice_time.h"

namespace Awb {

namespace {

const char *const kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

QString dayAndDate(const QDate &date)
{
    return QStringLiteral("%1 %2 %3")
        .arg(QLatin1String(kDays[date.dayOfWeek() - 1]))
        .arg(date.day())
        .arg(QLatin1String(kMonths[date.month() - 1]));
}

QString hoursAndMinutes(const QTime &time)
{
    return QStringLiteral("%1:%2")
        .arg(time.hour(), 2, 10, QLatin1Char('0'))
        .arg(time.minute(), 2, 10, QLatin1Char('0'));
}

} // namespace

QTimeZone hongKongTimeZone()
{
    static const QTimeZone zone = [] {
        QTimeZone named(QByteArrayLiteral("Asia/Hong_Kong"));
        return named.isValid() ? named : QTimeZone(8 * 3600);
    }();
    return zone;
}

QString formatNoticeTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    const QDateTime local = utc.toTimeZone(hongKongTimeZone());
    QString text = QStringLiteral("%1 %2 %3 HKT (")
                       .arg(dayAndDate(local.date()))
                       .arg(local.date().year())
                       .arg(hoursAndMinutes(local.time()));
    if (utc.date() != local.date())
        text += dayAndDate(utc.date()) + QLatin1Char(' ');
    text += hoursAndMinutes(utc.time()) + QStringLiteral(" UTC)");
    return text;
}

} // namespace Awb
