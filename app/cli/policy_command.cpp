// awb policy [--version V | --at TIME] [--json]            the clauses of a policy version
// awb policy --clause ID [--version V | --at TIME] [--json] one clause's exact text and citation
// awb policy --versions [--json]                            the policy versions known
// awb policy --calendar [--json]                            the holiday calendar and its version
// awb policy --deadline KIND --from TIME [--hours N] [--days N] [--now TIME] [--json]
// The policy packs live in <data>/policy (packs.json and the markdown files), the calendar in
// <data>/calendars/hk-general-holidays.ics; --packs and --calendar-file read others.
#include "cli/cli_io.h"
#include "cli/commands.h"

#include "policy/deadlines.h"
#include "policy/holiday_calendar.h"
#include "policy/policy_library.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Awb::Cli {

namespace {

const QString kCommand = QStringLiteral("policy");

// An ISO 8601 time; one without an offset is Hong Kong time, a bare date is its midnight there.
QDateTime parseTime(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() ? hongKongDateTime(date, QTime(0, 0)) : QDateTime();
    }
    if (at.timeSpec() == Qt::LocalTime)
        at = QDateTime(at.date(), at.time(), hongKongZone());
    return at.toUTC();
}

QJsonObject clauseToJson(const PolicyPack &pack, const PolicyClause &clause, bool withText)
{
    QJsonObject object{{QStringLiteral("id"), clause.id},
                       {QStringLiteral("title"), clause.title},
                       {QStringLiteral("section_id"), clause.sectionId},
                       {QStringLiteral("section_title"), clause.sectionTitle},
                       {QStringLiteral("version"), pack.version()},
                       {QStringLiteral("citation"), pack.citation(clause.id)}};
    if (withText)
        object.insert(QStringLiteral("text"), clause.text);
    return object;
}

void printPackHeader(const PolicyPack &pack)
{
    out() << pack.title() << ", version of " << pack.versionLabel() << " (" << pack.version()
          << ")";
    if (!pack.brand().isEmpty() || !pack.publisher().isEmpty())
        out() << ", " << QStringList{pack.brand(), pack.publisher()}.join(QStringLiteral(", "));
    out() << "\nGoverning law: " << pack.governingLaw() << "\nSource: " << pack.sourcePath()
          << " (sha256 " << pack.sha256Hex() << ")\n\n";
}

void listClauses(const PolicyPack &pack, bool json)
{
    if (json) {
        for (const PolicyClause &clause : pack.clauses())
            printJsonLine(clauseToJson(pack, clause, false));
        return;
    }
    printPackHeader(pack);
    for (const PolicySection &section : pack.sections()) {
        out() << section.id.leftJustified(7) << section.title << '\n';
        for (const QString &id : section.clauses)
            out() << "  " << id.leftJustified(5) << pack.clause(id)->title << '\n';
    }
}

void printCalendar(const HolidayCalendar &calendar, bool json)
{
    if (json) {
        QJsonArray holidays;
        for (const Holiday &holiday : calendar.holidays())
            holidays.append(
                QJsonObject{{QStringLiteral("date"), holiday.date.toString(Qt::ISODate)},
                            {QStringLiteral("name"), holiday.name},
                            {QStringLiteral("provisional"), calendar.isProvisional(holiday.date)}});
        QJsonArray provisional;
        for (int year : calendar.provisionalYears())
            provisional.append(year);
        printJsonLine({{QStringLiteral("version"), calendar.versionLabel()},
                       {QStringLiteral("name"), calendar.calendarName()},
                       {QStringLiteral("prodid"), calendar.productId()},
                       {QStringLiteral("file"), calendar.sourcePath()},
                       {QStringLiteral("sha256"), QString::fromLatin1(calendar.sha256Hex())},
                       {QStringLiteral("first_year"), calendar.firstYear()},
                       {QStringLiteral("last_year"), calendar.lastYear()},
                       {QStringLiteral("provisional_years"), provisional},
                       {QStringLiteral("holidays"), holidays}});
        return;
    }
    out() << "Calendar: " << calendar.versionLabel() << "\nPRODID: " << calendar.productId()
          << "\nFile: " << calendar.sourcePath() << "\nBusiness days: every day but Sundays and "
          << "the general holidays below (Saturdays count).\n\n";
    for (const Holiday &holiday : calendar.holidays()) {
        out() << holiday.date.toString(Qt::ISODate) << ' ' << englishWeekday(holiday.date) << ' '
              << holiday.name
              << (!calendar.covers(holiday.date)         ? "  (year not covered)"
                  : calendar.isProvisional(holiday.date) ? "  (provisional: computed, not gazetted)"
                                                         : "")
              << '\n';
    }
}

int printDeadline(const QCommandLineParser &parser, const QString &kind)
{
    const QDateTime from = parseTime(parser.value(QStringLiteral("from")));
    if (!from.isValid())
        return usageError(parser, kCommand,
                          QStringLiteral("--from: not an ISO 8601 time: \"%1\"")
                              .arg(parser.value(QStringLiteral("from"))));
    const auto number = [&](const char *name, int fallback, int *value) {
        const QString option = QString::fromLatin1(name);
        bool ok = true;
        *value = parser.isSet(option) ? parser.value(option).toInt(&ok) : fallback;
        return ok && *value > 0;
    };
    Deadline deadline;
    if (kind == u"response") {
        deadline = responseDeadline(from);
    } else if (kind == u"opt-out") {
        const QString path = parser.isSet(QStringLiteral("calendar-file"))
                                 ? parser.value(QStringLiteral("calendar-file"))
                                 : HolidayCalendar::defaultPath();
        const Result<HolidayCalendar> calendar = HolidayCalendar::load(path);
        if (!calendar) {
            err() << "awb policy: " << calendar.error() << '\n';
            return ExitRejected;
        }
        deadline = optOutDeadline(from, *calendar);
    } else if (kind == u"customer-response") {
        int hours = 0;
        if (!number("hours", 72, &hours))
            return usageError(parser, kCommand, QStringLiteral("--hours: not a positive number"));
        deadline = customerResponseDeadline(from, hours);
    } else if (kind == u"suspension-end") {
        int days = 0;
        if (!parser.isSet(QStringLiteral("days")) || !number("days", 0, &days))
            return usageError(parser, kCommand,
                              QStringLiteral("suspension-end needs --days, a positive number"));
        deadline = suspensionEnd(from, days);
    } else {
        return usageError(parser, kCommand,
                          QStringLiteral("unknown deadline \"%1\" (response, opt-out, "
                                         "customer-response, suspension-end)")
                              .arg(kind));
    }
    QString state;
    if (parser.isSet(QStringLiteral("now"))) {
        const QDateTime now = parseTime(parser.value(QStringLiteral("now")));
        if (!now.isValid())
            return usageError(parser, kCommand, QStringLiteral("--now: not an ISO 8601 time"));
        state = deadlineState(deadline, now);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object{{QStringLiteral("kind"), deadline.kind},
                           {QStringLiteral("from"), from.toString(Qt::ISODate)},
                           {QStringLiteral("due"), deadline.due.toString(Qt::ISODate)},
                           {QStringLiteral("due_text"), formatHongKongAndUtc(deadline.due)},
                           {QStringLiteral("basis"), deadline.basis},
                           {QStringLiteral("calendar_version"), deadline.calendarVersion},
                           {QStringLiteral("calendar_incomplete"), deadline.calendarIncomplete},
                           {QStringLiteral("calendar_provisional"), deadline.calendarProvisional},
                           {QStringLiteral("calendar_note"), deadline.calendarNote}};
        if (!state.isEmpty())
            object.insert(QStringLiteral("state"), state);
        printJsonLine(object);
        return ExitOk;
    }
    out() << "Deadline (" << deadline.kind << "): " << formatHongKongAndUtc(deadline.due)
          << "\nFrom: " << formatHongKongAndUtc(from) << "\nBasis: " << deadline.basis << '\n';
    if (!deadline.calendarVersion.isEmpty())
        out() << "Calendar: " << deadline.calendarVersion << '\n';
    if (!deadline.calendarNote.isEmpty())
        out() << "Warning: " << deadline.calendarNote << '\n';
    if (!state.isEmpty())
        out() << "State: " << state << '\n';
    return ExitOk;
}

} // namespace

int policyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The Anti-Spam Policy as the program quotes it: its clauses, one clause's exact text with "
        "its citation, the versions known, the Hong Kong holiday calendar, and deadlines. "
        "Policy packs are read from the data folder's policy/ (packs.json lists each version's "
        "markdown file), the calendar from calendars/hk-general-holidays.ics. Times are ISO 8601; "
        "one without an offset is Hong Kong time. Exit status 2 for an unknown clause, version "
        "or deadline, 1 when a pack or the calendar cannot be read."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("version"),
                      QStringLiteral("The policy version (default: the latest)."),
                      QStringLiteral("V")});
    parser.addOption({QStringLiteral("at"),
                      QStringLiteral("The policy version in force at this time (section IX)."),
                      QStringLiteral("TIME")});
    parser.addOption(
        {QStringLiteral("clause"),
         QStringLiteral("Print this clause's exact text and citation (\"3.2\", \"V\")."),
         QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("versions"), QStringLiteral("List the policy versions known.")});
    parser.addOption({QStringLiteral("calendar"),
                      QStringLiteral("Print the holiday calendar's version and holidays.")});
    parser.addOption({QStringLiteral("deadline"),
                      QStringLiteral("Compute a deadline: response, opt-out, customer-response, "
                                     "suspension-end."),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("The deadline's start (receipt, notice, "
                                     "suspension start)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("hours"),
                      QStringLiteral("customer-response: hours given (default 72)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("days"), QStringLiteral("suspension-end: days of suspension."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("now"),
                      QStringLiteral("With --deadline: also print its state at this time."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("packs"),
                      QStringLiteral("Read the policy packs from this folder."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("calendar-file"),
                      QStringLiteral("Read the holiday calendar from this iCalendar file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines.")});
    if (!parser.parse(QStringList{QStringLiteral("awb policy")} + arguments))
        return usageError(parser, kCommand, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(parser, kCommand, QStringLiteral("unexpected arguments"));
    const bool json = parser.isSet(QStringLiteral("json"));

    if (parser.isSet(QStringLiteral("deadline")))
        return printDeadline(parser, parser.value(QStringLiteral("deadline")));
    if (parser.isSet(QStringLiteral("calendar"))) {
        const QString path = parser.isSet(QStringLiteral("calendar-file"))
                                 ? parser.value(QStringLiteral("calendar-file"))
                                 : HolidayCalendar::defaultPath();
        const Result<HolidayCalendar> calendar = HolidayCalendar::load(path);
        if (!calendar) {
            err() << "awb policy: " << calendar.error() << '\n';
            return ExitRejected;
        }
        printCalendar(*calendar, json);
        return ExitOk;
    }

    const Result<PolicyLibrary> library = PolicyLibrary::load(
        parser.isSet(QStringLiteral("packs")) ? parser.value(QStringLiteral("packs"))
                                              : PolicyLibrary::defaultDirectory());
    if (!library) {
        err() << "awb policy: " << library.error() << '\n';
        return ExitRejected;
    }
    for (const QString &warning : library->warnings())
        err() << "awb policy: " << warning << '\n';
    err().flush();
    if (parser.isSet(QStringLiteral("versions"))) {
        for (const PolicyPack &pack : library->packs()) {
            if (json)
                printJsonLine({{QStringLiteral("version"), pack.version()},
                               {QStringLiteral("title"), pack.title()},
                               {QStringLiteral("publisher"), pack.publisher()},
                               {QStringLiteral("brand"), pack.brand()},
                               {QStringLiteral("file"), pack.sourcePath()},
                               {QStringLiteral("sha256"), QString::fromLatin1(pack.sha256Hex())}});
            else
                out() << pack.version() << "  " << pack.title() << ", version of "
                      << pack.versionLabel() << "  " << pack.sourcePath() << '\n';
        }
        return ExitOk;
    }

    PolicyPack pack = library->latest();
    if (parser.isSet(QStringLiteral("version")) && parser.isSet(QStringLiteral("at")))
        return usageError(parser, kCommand, QStringLiteral("give --version or --at, not both"));
    if (parser.isSet(QStringLiteral("version"))) {
        const Result<PolicyPack> chosen =
            library->packForVersion(parser.value(QStringLiteral("version")));
        if (!chosen)
            return usageError(parser, kCommand, chosen.error());
        pack = *chosen;
    } else if (parser.isSet(QStringLiteral("at"))) {
        const QDateTime at = parseTime(parser.value(QStringLiteral("at")));
        if (!at.isValid())
            return usageError(parser, kCommand, QStringLiteral("--at: not an ISO 8601 time"));
        const Result<PolicyPack> chosen = library->versionInForceAt(at);
        if (!chosen)
            return usageError(parser, kCommand, chosen.error());
        pack = *chosen;
    }

    if (parser.isSet(QStringLiteral("clause"))) {
        const QString id = parser.value(QStringLiteral("clause")).trimmed();
        const std::optional<PolicyClause> clause = pack.clause(id);
        if (!clause)
            return usageError(
                parser, kCommand,
                QStringLiteral("no clause %1 in the policy version %2").arg(id, pack.version()));
        if (json)
            printJsonLine(clauseToJson(pack, *clause, true));
        else
            out() << clause->id << ' ' << clause->title << "\n\n"
                  << clause->text << "\n\n"
                  << pack.citation(clause->id) << '\n';
        return ExitOk;
    }
    listClauses(pack, json);
    out().flush();
    return ExitOk;
}

} // namespace Awb::Cli
