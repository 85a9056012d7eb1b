#include "policy/holiday_calendar.h"

#include "common/data_paths.h"
#include "policy/ics_reader_p.h"
#include "policy/year_list_p.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>

#include <algorithm>

namespace Awb {

QString HolidayCalendar::defaultPath()
{
    const QString base = dataDirectory();
    return base.isEmpty() ? QString() : base + QStringLiteral("/calendars/hk-general-holidays.ics");
}

Result<HolidayCalendar> HolidayCalendar::load(const QString &path)
{
    if (path.isEmpty())
        return Error{QStringLiteral("no holiday calendar: the data directory was not found (set "
                                    "AWB_DATA_DIR)")};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: cannot read the holiday calendar: %2")
                         .arg(path, file.errorString())};
    return fromIcs(file.readAll(), path);
}

Result<HolidayCalendar> HolidayCalendar::fromIcs(const QByteArray &ics, const QString &sourceName)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(ics);
    if (decoder.hasError())
        return Error{QStringLiteral("%1: not UTF-8 text").arg(sourceName)};
    const Result<HolidayIcs> read = readHolidayIcs(text, sourceName);
    if (!read)
        return Error{read.error()};
    HolidayCalendar calendar;
    calendar.m_holidays = read->days;
    calendar.m_productId = read->productId;
    calendar.m_calendarName = read->calendarName;
    QHash<int, int> perYear;
    for (auto it = calendar.m_holidays.cbegin(); it != calendar.m_holidays.cend(); ++it)
        ++perYear[it.key().year()];
    for (auto it = perYear.cbegin(); it != perYear.cend(); ++it) {
        if (it.value() >= kMinimumHolidaysPerYear)
            calendar.m_coveredYears.insert(it.key());
    }
    for (const QDate &day : std::as_const(read->tentativeDays)) {
        if (calendar.m_coveredYears.contains(day.year()))
            calendar.m_provisionalYears.insert(day.year());
    }
    calendar.m_sha256Hex = QCryptographicHash::hash(ics, QCryptographicHash::Sha256).toHex();
    calendar.m_sourcePath = sourceName;
    return calendar;
}

bool HolidayCalendar::isHoliday(const QDate &date) const
{
    return m_holidays.contains(date);
}

QString HolidayCalendar::holidayName(const QDate &date) const
{
    return m_holidays.value(date);
}

bool HolidayCalendar::isBusinessDay(const QDate &date) const
{
    return date.isValid() && date.dayOfWeek() != Qt::Sunday && !isHoliday(date);
}

QList<int> HolidayCalendar::coveredYears() const
{
    return sortedYears(m_coveredYears);
}

int HolidayCalendar::firstYear() const
{
    return coveredYears().value(0);
}

int HolidayCalendar::lastYear() const
{
    const QList<int> years = coveredYears();
    return years.isEmpty() ? 0 : years.last();
}

bool HolidayCalendar::covers(const QDate &date) const
{
    return date.isValid() && m_coveredYears.contains(date.year());
}

QList<Holiday> HolidayCalendar::holidays() const
{
    QList<Holiday> list;
    for (auto it = m_holidays.cbegin(); it != m_holidays.cend(); ++it)
        list << Holiday{it.key(), it.value()};
    return list;
}

QString HolidayCalendar::coverageText() const
{
    const QList<int> years = coveredYears();
    if (years.isEmpty())
        return QStringLiteral("no complete year");
    QString text;
    if (years.last() - years.first() + 1 == years.size())
        text = years.size() == 1 ? QString::number(years.first())
                                 : QStringLiteral("%1-%2").arg(years.first()).arg(years.last());
    else
        text = yearList(years);
    const QList<int> provisional = provisionalYears();
    if (!provisional.isEmpty())
        text += QStringLiteral(" (%1 provisional)").arg(yearList(provisional));
    return text;
}

bool HolidayCalendar::isProvisional(const QDate &date) const
{
    return date.isValid() && m_provisionalYears.contains(date.year());
}

QList<int> HolidayCalendar::provisionalYears() const
{
    return sortedYears(m_provisionalYears);
}

QString HolidayCalendar::versionLabel() const
{
    const QString name =
        m_calendarName.isEmpty() ? QStringLiteral("Hong Kong general holidays") : m_calendarName;
    return QStringLiteral("%1 (%2), covers %3, sha256 %4")
        .arg(name, QFileInfo(m_sourcePath).fileName(), coverageText(),
             QString::fromLatin1(m_sha256Hex.left(8)));
}

QString HolidayCalendar::productId() const
{
    return m_productId;
}
QString HolidayCalendar::calendarName() const
{
    return m_calendarName;
}
QByteArray HolidayCalendar::sha256Hex() const
{
    return m_sha256Hex;
}
QString HolidayCalendar::sourcePath() const
{
    return m_sourcePath;
}

} // namespace Awb
