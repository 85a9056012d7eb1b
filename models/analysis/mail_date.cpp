#include "mail_date.h"

#include <QDate>
#include <QList>
#include <QRegularExpression>
#include <QTime>

namespace Awb {

namespace {

// Drops everything from a line break that is not a fold, keeps folds as spaces.
QString unfoldDate(QStringView in)
{
    QString out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in[i];
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            qsizetype j = i;
            while (j < in.size() && (in[j] == QLatin1Char('\r') || in[j] == QLatin1Char('\n')))
                ++j;
            if (j < in.size() && in[j] != QLatin1Char(' ') && in[j] != QLatin1Char('\t'))
                break;
            out += QLatin1Char(' ');
            i = j - 1;
            continue;
        }
        out += c.isPrint() ? c : QChar(QLatin1Char(' '));
    }
    return out;
}

// Replaces comments (nested, with quoted-pairs) by a space. An unterminated comment runs to the
// end of the text, as RFC 5322 reads it.
QString stripComments(const QString &in)
{
    QString out;
    out.reserve(in.size());
    int depth = 0;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in[i];
        if (depth > 0 && c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('(')) {
            if (depth++ == 0)
                out += QLatin1Char(' ');
        } else if (c == QLatin1Char(')') && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

int monthFromName(QStringView w)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    static const char *const full[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};
    if (w.size() < 3)
        return 0;
    for (int m = 0; m < 12; ++m) {
        if (w.compare(QLatin1String(names[m]), Qt::CaseInsensitive) == 0)
            return m + 1;
        // "Sept", "June", "Sept." are prefixes of the full name.
        if (w.size() > 3 && QLatin1String(full[m]).startsWith(w, Qt::CaseInsensitive))
            return m + 1;
    }
    return 0;
}

bool isWeekday(QStringView w)
{
    static const char *const full[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    if (w.size() < 3)
        return false;
    for (const char *day : full) {
        if (QLatin1String(day).startsWith(w, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Known zone names, offset in minutes. RFC 5322 4.3 names first; the others are common in mail
// and unambiguous enough (IST, CST of China and similar clashes are deliberately left out).
std::optional<int> namedZone(QStringView w)
{
    struct Zone
    {
        const char *name;
        int minutes;
    };
    static const Zone zones[] = {
        {"UT", 0},      {"UTC", 0},     {"GMT", 0},    {"Z", 0},      {"EST", -300}, {"EDT", -240},
        {"CST", -360},  {"CDT", -300},  {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420},
        {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"WET", 0},    {"WEST", 60},  {"BST", 60},
        {"CET", 60},    {"CEST", 120},  {"MET", 60},   {"MEST", 120}, {"MEZ", 60},   {"MESZ", 120},
        {"EET", 120},   {"EEST", 180},  {"MSK", 180},  {"JST", 540},  {"KST", 540},  {"HKT", 480},
        {"SGT", 480},   {"AEST", 600},  {"AEDT", 660}, {"ACST", 570}, {"AWST", 480}, {"NZST", 720},
        {"NZDT", 780},  {"NST", -210},  {"NDT", -150}, {"AST", -240}, {"ADT", -180}};
    for (const Zone &z : zones) {
        if (w.compare(QLatin1String(z.name), Qt::CaseInsensitive) == 0)
            return z.minutes;
    }
    return std::nullopt;
}

struct ZoneRead
{
    MailDate::Zone kind = MailDate::Zone::Missing;
    int minutes = 0;
};

// Reads one token as a zone, or nullopt if it is not zone-like.
std::optional<ZoneRead> readZone(QStringView w)
{
    static const QRegularExpression numeric(
        QStringLiteral("^(?:GMT|UTC|UT)?([+-])(\\d{1,2})(?::?(\\d{2}))?$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression posix(QStringLiteral("^([A-Za-z]{3,5})[+-]?\\d.*$"));
    static const QRegularExpression alpha(QStringLiteral("^[A-Za-z]{1,5}$"));
    const auto m = numeric.match(w);
    if (m.hasMatch()) {
        const int hours = m.capturedView(2).toInt();
        const int mins = m.capturedView(3).toInt();
        // "+0200" must be four digits; "+2" or "+02:00" come from ISO-like and GMT+2 forms.
        if (m.capturedView(3).isEmpty() && m.capturedView(2).size() > 2)
            return std::nullopt;
        if (hours > 23 || mins > 59)
            return ZoneRead{MailDate::Zone::Unknown, 0};
        const int sign = m.capturedView(1) == QLatin1String("-") ? -1 : 1;
        return ZoneRead{MailDate::Zone::Numeric, sign * (hours * 60 + mins)};
    }
    if (const auto z = namedZone(w))
        return ZoneRead{MailDate::Zone::Named, *z};
    // POSIX TZ strings such as "EST5EDT": the leading name is the standard-time zone.
    const auto p = posix.match(w);
    if (p.hasMatch()) {
        if (const auto z = namedZone(p.capturedView(1)))
            return ZoneRead{MailDate::Zone::Named, *z};
    }
    if (alpha.match(w).hasMatch())
        return ZoneRead{MailDate::Zone::Unknown, 0};
    return std::nullopt;
}

enum class Kind { Number, Month, Time, AmPm, Zone, Word, Junk };

struct Token
{
    Kind kind = Kind::Junk;
    QString text;
    int value = 0; // number or month
};

bool isYearLike(const Token &t)
{
    return t.kind == Kind::Number && t.text.size() >= 2 && t.text.size() <= 4;
}

int expandYear(const QString &digits, bool *twoDigit)
{
    const int y = digits.toInt();
    *twoDigit = digits.size() < 4;
    if (digits.size() == 2)
        return y < 50 ? 2000 + y : 1900 + y;
    if (digits.size() == 3)
        return 1900 + y;
    return y;
}

QList<Token> tokenize(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    static const QRegularExpression splittable(
        QStringLiteral("^[0-9A-Za-z]+([-/.])[0-9A-Za-z]+\\1[0-9A-Za-z]+$"));
    static const QRegularExpression time(
        QStringLiteral("^\\d{1,2}:\\d{1,2}(:\\d{1,2}([.,]\\d+)?)?"));
    QList<Token> tokens;
    const auto words = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &raw : words) {
        QStringList pieces{raw};
        const auto split = splittable.match(raw);
        if (split.hasMatch() && !raw.startsWith(QLatin1Char('-')))
            pieces = raw.split(split.captured(1));
        for (QString w : pieces) {
            Token t;
            t.text = w;
            const auto tm = time.match(w);
            bool ok = false;
            if (tm.hasMatch()) {
                t.kind = Kind::Time;
                t.text = tm.captured(0);
                tokens.append(t);
                const QString rest = w.mid(tm.capturedLength(0));
                if (!rest.isEmpty()) { // "10:52:37+0200", "01:02:19Z"
                    Token z;
                    z.text = rest;
                    z.kind = readZone(rest) ? Kind::Zone : Kind::Junk;
                    tokens.append(z);
                }
                continue;
            }
            while (w.endsWith(QLatin1Char('.')) && w.size() > 1 && !w.at(0).isDigit())
                w.chop(1);
            const uint n = w.toUInt(&ok);
            if (ok && !w.startsWith(QLatin1Char('+'))) {
                t.kind = Kind::Number;
                t.value = int(n);
            } else if (w.compare(QLatin1String("AM"), Qt::CaseInsensitive) == 0 ||
                       w.compare(QLatin1String("PM"), Qt::CaseInsensitive) == 0 ||
                       w.compare(QLatin1String("a.m"), Qt::CaseInsensitive) == 0 ||
                       w.compare(QLatin1String("p.m"), Qt::CaseInsensitive) == 0) {
                t.kind = Kind::AmPm;
                t.value = w.startsWith(QLatin1Char('p'), Qt::CaseInsensitive) ? 12 : 0;
            } else if (const int m = monthFromName(w)) {
                t.kind = Kind::Month;
                t.value = m;
            } else if (isWeekday(w)) {
                continue;
            } else if (readZone(w)) {
                t.kind = Kind::Zone;
            } else {
                bool hasAlnum = false;
                for (QChar c : w)
                    hasAlnum = hasAlnum || c.isLetterOrNumber();
                t.kind = hasAlnum ? Kind::Word : Kind::Junk;
            }
            tokens.append(t);
        }
    }
    return tokens;
}

std::optional<MailDate> parseIsoLike(const QString &text)
{
    static const QRegularExpression iso(
        QStringLiteral("(?<![\\d-])(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ]\\s*(\\d{1,2}):(\\d{2})"
                       "(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|[A-Za-z]{2,5})?"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = iso.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    MailDate d;
    d.year = m.capturedView(1).toInt();
    d.month = m.capturedView(2).toInt();
    d.day = m.capturedView(3).toInt();
    d.hour = m.capturedView(4).toInt();
    d.minute = m.capturedView(5).toInt();
    d.second = m.capturedView(6).toInt();
    if (m.capturedLength(7) > 0) {
        if (const auto z = readZone(m.capturedView(7))) {
            d.zone = z->kind;
            d.zoneOffsetSeconds = z->minutes * 60;
        }
    }
    return d;
}

bool valid(const MailDate &d)
{
    return QDate::isValid(d.year, d.month, d.day) && d.hour >= 0 && d.hour <= 23 && d.minute >= 0 &&
           d.minute <= 59 && d.second >= 0 && d.second <= 60;
}

// Assigns day/month/year from the tokens written before the time; false if they make no date.
bool readDateParts(const QList<Token> &parts, MailDate &d, const Token *yearAfterTime)
{
    auto num = [](const Token &t) { return t.kind == Kind::Number; };
    auto mon = [](const Token &t) { return t.kind == Kind::Month; };
    auto setYear = [&d](const Token &t) {
        if (t.text.size() > 4)
            return false;
        d.year = expandYear(t.text, &d.twoDigitYear);
        return true;
    };
    if (parts.size() == 3) {
        const Token &a = parts[0];
        const Token &b = parts[1];
        const Token &c = parts[2];
        if (num(a) && mon(b) && num(c)) { // 1 Jul 2003 (RFC 5322)
            d.day = a.value;
            d.month = b.value;
            return setYear(c);
        }
        if (mon(a) && num(b) && num(c)) { // Jul 1 2003
            d.month = a.value;
            d.day = b.value;
            return setYear(c);
        }
        if (num(a) && num(b) && num(c)) {
            if (a.text.size() == 4) { // 2003/07/01
                d.year = a.value;
                d.month = b.value;
                d.day = c.value;
                return true;
            }
            // Numeric month in RFC order ("20 11 79"); fall back to US order when the middle
            // value cannot be a month ("03/13/2003").
            d.day = a.value;
            d.month = b.value;
            if (b.value > 12) {
                d.day = b.value;
                d.month = a.value;
            }
            return setYear(c);
        }
        return false;
    }
    if (parts.size() == 2 && yearAfterTime) { // ctime: "Feb 7 10:18:12 2003"
        const Token &a = parts[0];
        const Token &b = parts[1];
        if (mon(a) && num(b)) {
            d.month = a.value;
            d.day = b.value;
        } else if (num(a) && mon(b)) {
            d.day = a.value;
            d.month = b.value;
        } else {
            return false;
        }
        return setYear(*yearAfterTime);
    }
    return false;
}

} // namespace

QDateTime MailDate::toUtc() const
{
    // Built as UTC and shifted, so that offsets QTimeZone would reject (beyond +-14h) still work.
    const QDateTime wall(QDate(year, month, day), QTime(hour, minute, qMin(second, 59)), Qt::UTC);
    return wall.addSecs(-zoneOffsetSeconds);
}

std::optional<MailDate> parseMailDate(QStringView input)
{
    QString text = unfoldDate(input);
    const qsizetype semicolon = text.lastIndexOf(QLatin1Char(';'));
    if (semicolon >= 0 && !QStringView(text).mid(semicolon + 1).trimmed().isEmpty())
        text = text.mid(semicolon + 1);
    text = stripComments(text);

    if (auto iso = parseIsoLike(text); iso && valid(*iso))
        return iso;

    const QList<Token> tokens = tokenize(text);
    qsizetype timeIndex = -1;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == Kind::Time) {
            timeIndex = i;
            break;
        }
    }
    if (timeIndex < 0)
        return std::nullopt;

    QList<Token> parts;
    for (qsizetype i = 0; i < timeIndex; ++i) {
        if (tokens[i].kind == Kind::Number || tokens[i].kind == Kind::Month ||
            tokens[i].kind == Kind::Word || tokens[i].kind == Kind::Zone)
            parts.append(tokens[i]);
    }
    // Junk before the date ("_ Tue, 21 Jul 2009") is skipped; the date is the last three parts.
    if (parts.size() > 3)
        parts = parts.mid(parts.size() - 3);

    MailDate d;
    const QStringList hms = tokens[timeIndex].text.split(QLatin1Char(':'));
    d.hour = hms.value(0).toInt();
    d.minute = hms.value(1).toInt();
    // Fractional seconds ("07:53:55.516", SendGrid) are dropped.
    d.second = hms.size() > 2 ? hms[2].left(2).split(QLatin1Char('.')).value(0).toInt() : 0;

    const Token *yearAfterTime = nullptr;
    bool zoneSeen = false;
    // Look a few tokens past the time for AM/PM, the zone, and (ctime order) the year.
    for (qsizetype i = timeIndex + 1; i < tokens.size() && i <= timeIndex + 3; ++i) {
        const Token &t = tokens[i];
        if (t.kind == Kind::AmPm) {
            if (d.hour < 1 || d.hour > 12)
                return std::nullopt;
            d.hour = d.hour % 12 + t.value;
        } else if (t.kind == Kind::Zone && !zoneSeen) {
            const auto z = readZone(t.text);
            d.zone = z->kind;
            d.zoneOffsetSeconds = z->minutes * 60;
            zoneSeen = true;
        } else if (parts.size() == 2 && !yearAfterTime && isYearLike(t)) {
            yearAfterTime = &t;
        } else if (t.kind == Kind::Zone && zoneSeen) {
            continue; // "-0800 PST": the numeric zone already read wins
        } else {
            break;
        }
    }
    if (parts.size() == 3 && parts[0].kind == Kind::Zone)
        return std::nullopt;
    for (const Token &p : parts) {
        if (p.kind == Kind::Word || (p.kind == Kind::Zone && !monthFromName(p.text)))
            return std::nullopt; // "7 Bog 2026": a word where the month should be
    }
    if (!readDateParts(parts, d, yearAfterTime) || !valid(d))
        return std::nullopt;
    return d;
}

} // namespace Awb
