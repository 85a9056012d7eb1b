#include "policy/ics_reader_p.h"

#include <QHash>
#include <QRegularExpression>

#include <optional>

namespace Awb {

namespace {

// A gazetted holiday is one day, Lunar New Year three or four; anything much longer is a broken
// file, not a holiday, and would silently turn weeks into non-business days.
constexpr int kLongestEvent = 31;

// One unfolded content line (RFC 5545 section 3.1): NAME;PARAM=VALUE:value.
struct ContentLine
{
    int line = 0;                       // where it starts in the file, 1-based
    QString name;                       // upper case
    QHash<QString, QString> parameters; // names upper case, quotes removed
    QString value;
};

// TEXT values escape backslash, semicolon, comma and newline (RFC 5545 section 3.3.11).
QString unescapeText(const QString &value)
{
    QString text;
    text.reserve(value.size());
    for (int i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c != u'\\' || i + 1 == value.size()) {
            text += c;
            continue;
        }
        const QChar next = value.at(++i);
        text += (next == u'n' || next == u'N') ? QChar(u'\n') : next;
    }
    return text;
}

// Reads the calendar: unfolding, content lines, components, events.
class IcsReader
{
public:
    explicit IcsReader(const QString &sourceName)
        : m_source(sourceName)
    {}

    Status read(const QString &text, HolidayIcs *calendar);

private:
    struct Event
    {
        int line = 0;
        std::optional<ContentLine> start;
        std::optional<ContentLine> end;
        std::optional<ContentLine> duration;
        std::optional<ContentLine> status;
        QString summary;
    };

    Error fail(int line, const QString &reason) const
    {
        return Error{QStringLiteral("%1 line %2: %3").arg(m_source).arg(line).arg(reason)};
    }
    Result<ContentLine> parse(const QString &text, int line) const;
    Result<QDate> date(const ContentLine &property) const;
    Status addEvent(const Event &event, HolidayIcs *calendar) const;

    QString m_source;
};

Result<ContentLine> IcsReader::parse(const QString &text, int line) const
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9-]+"));
    ContentLine content;
    content.line = line;
    const QRegularExpressionMatch match = name.match(text);
    const int end = match.hasMatch() ? match.capturedLength() : 0;
    if (end == 0 || end == text.size() || (text.at(end) != u';' && text.at(end) != u':'))
        return fail(line, QStringLiteral("not an iCalendar content line (NAME:value), nor the "
                                         "continuation of one (which begins with a space): %1")
                              .arg(text.left(60)));
    content.name = match.captured().toUpper();
    int i = end;
    while (i < text.size() && text.at(i) == u';') {
        const int equals = text.indexOf(u'=', i);
        if (equals < 0)
            return fail(line,
                        QStringLiteral("a parameter without a value in %1").arg(content.name));
        const QString parameter = text.mid(i + 1, equals - i - 1).toUpper();
        QString value;
        i = equals + 1;
        bool quoted = false;
        for (; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c == u'"')
                quoted = !quoted;
            else if (!quoted && (c == u';' || c == u':'))
                break;
            else
                value += c;
        }
        content.parameters.insert(parameter, value);
    }
    if (i >= text.size() || text.at(i) != u':')
        return fail(line, QStringLiteral("%1 has no ':' before its value").arg(content.name));
    content.value = text.mid(i + 1);
    return content;
}

Result<QDate> IcsReader::date(const ContentLine &property) const
{
    static const QRegularExpression digits(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    const QString type = property.parameters.value(QStringLiteral("VALUE")).toUpper();
    if (type == u"DATE-TIME" || property.value.contains(u'T'))
        return fail(property.line,
                    QStringLiteral("%1 is a date-time (%2); a holiday is a whole day "
                                   "(%1;VALUE=DATE:YYYYMMDD)")
                        .arg(property.name, property.value));
    const QRegularExpressionMatch match = digits.match(property.value.trimmed());
    const QDate parsed =
        match.hasMatch()
            ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt())
            : QDate();
    if (!parsed.isValid())
        return fail(property.line, QStringLiteral("%1 is not a date (YYYYMMDD): \"%2\"")
                                       .arg(property.name, property.value));
    return parsed;
}

Status IcsReader::addEvent(const Event &event, HolidayIcs *calendar) const
{
    if (!event.start)
        return fail(event.line, QStringLiteral("the event that begins here has no DTSTART"));
    const Result<QDate> start = date(*event.start);
    if (!start)
        return Error{start.error()};
    QDate end = start->addDays(1); // RFC 5545 3.6.1: a DATE event without DTEND lasts one day
    if (event.end) {
        const Result<QDate> parsed = date(*event.end);
        if (!parsed)
            return Error{parsed.error()};
        end = *parsed;
    } else if (event.duration) {
        static const QRegularExpression days(QStringLiteral("^P(\\d+)([DW])$"));
        const QRegularExpressionMatch match = days.match(event.duration->value.trimmed());
        if (!match.hasMatch())
            return fail(event.duration->line,
                        QStringLiteral("DURATION is not a number of days or weeks: \"%1\"")
                            .arg(event.duration->value));
        end = start->addDays(match.captured(1).toLongLong() * (match.captured(2) == u"W" ? 7 : 1));
    }
    if (end <= *start)
        return fail(event.end ? event.end->line : event.line,
                    QStringLiteral("the event ends (%1) before it begins (%2); DTEND is the day "
                                   "after the last day")
                        .arg(end.toString(Qt::ISODate), start->toString(Qt::ISODate)));
    if (start->daysTo(end) > kLongestEvent)
        return fail(event.line, QStringLiteral("the event lasts %1 days, longer than any holiday")
                                    .arg(start->daysTo(end)));
    // RFC 5545 3.8.1.11: an event is TENTATIVE, CONFIRMED or CANCELLED. A cancelled holiday is
    // no holiday; a tentative one counts but is remembered, so that a deadline resting on it
    // can say so. Any other value would leave open whether the day is off: refused.
    bool tentative = false;
    if (event.status) {
        const QString status = event.status->value.trimmed().toUpper();
        if (status == u"CANCELLED")
            return {};
        if (status != u"CONFIRMED" && status != u"TENTATIVE")
            return fail(event.status->line,
                        QStringLiteral("STATUS \"%1\" is not one an event can have (TENTATIVE, "
                                       "CONFIRMED or CANCELLED)")
                            .arg(event.status->value));
        tentative = status == u"TENTATIVE";
    }
    const QString name =
        event.summary.isEmpty() ? QStringLiteral("(unnamed general holiday)") : event.summary;
    for (QDate day = *start; day < end; day = day.addDays(1)) {
        // A day stays tentative only while every event that lists it is.
        if (!tentative)
            calendar->tentativeDays.remove(day);
        else if (!calendar->days.contains(day))
            calendar->tentativeDays.insert(day);
        QString &entry = calendar->days[day];
        if (entry.isEmpty())
            entry = name;
        else if (!entry.split(QStringLiteral(" / ")).contains(name))
            entry += QStringLiteral(" / ") + name;
    }
    return {};
}

Status IcsReader::read(const QString &text, HolidayIcs *calendar)
{
    // Unfold: a line that begins with a space or a tab continues the previous one (RFC 5545 3.1).
    struct Logical
    {
        int line;
        QString text;
    };
    QList<Logical> logical;
    const QStringList physical = text.split(u'\n');
    for (int i = 0; i < physical.size(); ++i) {
        QString line = physical.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.startsWith(u' ') || line.startsWith(u'\t')) {
            if (logical.isEmpty())
                return fail(i + 1, QStringLiteral("a continuation line with no line before it"));
            logical.last().text += line.mid(1);
        } else if (!line.isEmpty()) {
            logical << Logical{i + 1, line};
        }
    }
    if (logical.isEmpty())
        return Error{QStringLiteral("%1: empty file, not a calendar").arg(m_source)};

    QList<std::pair<QString, int>> open; // component name, line of its BEGIN
    std::optional<Event> event;
    bool closed = false;
    for (const Logical &entry : logical) {
        Result<ContentLine> parsed = parse(entry.text, entry.line);
        if (!parsed)
            return Error{parsed.error()};
        const ContentLine &property = *parsed;
        const QString value = property.value.trimmed().toUpper();
        if (closed)
            return fail(property.line, QStringLiteral("content after END:VCALENDAR"));
        if (open.isEmpty() && !(property.name == u"BEGIN" && value == u"VCALENDAR"))
            return fail(property.line,
                        QStringLiteral("not an iCalendar file: expected BEGIN:VCALENDAR, found %1")
                            .arg(entry.text.left(60)));
        if (property.name == u"BEGIN") {
            open.append({value, property.line});
            if (value == u"VEVENT" && open.size() == 2)
                event = Event{property.line, {}, {}, {}, {}, {}};
            continue;
        }
        if (property.name == u"END") {
            if (open.isEmpty() || open.last().first != value)
                return fail(property.line, QStringLiteral("END:%1 while %2 (line %3) is open")
                                               .arg(value, open.last().first)
                                               .arg(open.last().second));
            open.removeLast();
            if (value == u"VEVENT" && open.size() == 1) {
                const Status added = addEvent(*event, calendar);
                if (!added)
                    return added;
                event.reset();
            }
            closed = open.isEmpty();
            continue;
        }
        if (open.size() == 1) {
            if (property.name == u"PRODID")
                calendar->productId = unescapeText(property.value);
            else if (property.name == u"X-WR-CALNAME")
                calendar->calendarName = unescapeText(property.value);
            else if (property.name == u"VERSION" && property.value.trimmed() != u"2.0")
                return fail(
                    property.line,
                    QStringLiteral("iCalendar VERSION %1, expected 2.0").arg(property.value));
        } else if (event && open.size() == 2) {
            if (property.name == u"DTSTART")
                event->start = property;
            else if (property.name == u"DTEND")
                event->end = property;
            else if (property.name == u"DURATION")
                event->duration = property;
            else if (property.name == u"STATUS")
                event->status = property;
            else if (property.name == u"SUMMARY")
                event->summary = unescapeText(property.value).trimmed();
            else if (property.name == u"RRULE" || property.name == u"RDATE")
                return fail(property.line, QStringLiteral("%1: recurring events are not read; a "
                                                          "holiday calendar lists each day")
                                               .arg(property.name));
        }
    }
    if (!open.isEmpty())
        return fail(open.last().second,
                    QStringLiteral("BEGIN:%1 is never closed").arg(open.last().first));
    if (calendar->days.isEmpty())
        return Error{QStringLiteral("%1: no holidays (VEVENT) in the calendar").arg(m_source)};
    return {};
}

} // namespace

Result<HolidayIcs> readHolidayIcs(const QString &text, const QString &sourceName)
{
    HolidayIcs ics;
    IcsReader reader(sourceName);
    const Status status = reader.read(text, &ics);
    if (!status)
        return Error{status.error()};
    return ics;
}

} // namespace Awb
