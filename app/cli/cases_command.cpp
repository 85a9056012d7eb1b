// awb cases --db FILE [list | show ID | group | merge A B | split ID | move EVIDENCE | status ID S
//                      | set-owner ID NAME | set-notes ID TEXT]
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "cli/trust_options.h"

#include "cases/case_assigner.h"
#include "store/account_repository.h"
#include "store/case_repository.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QSettings>

namespace Awb::Cli {

namespace {

const QString kCommand = QStringLiteral("cases");

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate))
                          : QJsonValue(QJsonValue::Null);
}

} // namespace

// The case object of `awb cases --json` (issue 6): at least id, account_id, status, severity,
// opened and reports (sha256, message_id, format, origin_ip). Fields are only ever added.
QJsonObject caseJson(const CaseRecord &c)
{
    QJsonArray reports;
    for (const CaseReportRecord &r : c.reports)
        reports.append(QJsonObject{{QStringLiteral("evidence_id"), r.evidenceId},
                                   {QStringLiteral("sha256"), QString::fromLatin1(r.sha256Hex)},
                                   {QStringLiteral("message_id"), r.messageId},
                                   {QStringLiteral("subject"), r.subject},
                                   {QStringLiteral("format"), textOrNull(r.format)},
                                   {QStringLiteral("origin_ip"), textOrNull(r.originIp)},
                                   {QStringLiteral("received_at"), timeOrNull(r.receivedAt)},
                                   {QStringLiteral("added_at"), timeOrNull(r.addedAt)},
                                   {QStringLiteral("reason"), r.reason}});
    QJsonObject object{{QStringLiteral("id"), c.publicId},
                       {QStringLiteral("row_id"), c.id},
                       {QStringLiteral("account_id"), textOrNull(c.accountId)},
                       {QStringLiteral("origin_key"), textOrNull(c.originKey)},
                       {QStringLiteral("kind"), c.kind},
                       {QStringLiteral("status"), c.status},
                       {QStringLiteral("severity"), c.severity},
                       {QStringLiteral("owner"), textOrNull(c.owner)},
                       {QStringLiteral("policy_version"), c.policyVersion},
                       {QStringLiteral("opened"), timeOrNull(c.openedAt)},
                       {QStringLiteral("response_due"), timeOrNull(c.responseDue)},
                       {QStringLiteral("notes"), c.notes},
                       {QStringLiteral("merged_into"), textOrNull(c.mergedInto)},
                       {QStringLiteral("reports"), reports}};
    if (!c.events.isEmpty()) {
        QJsonArray events;
        for (const CaseEventRecord &e : c.events)
            events.append(QJsonObject{
                {QStringLiteral("kind"), e.kind},
                {QStringLiteral("evidence_id"),
                 e.evidenceId > 0 ? QJsonValue(e.evidenceId) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("other_case"), textOrNull(e.otherCaseId)},
                {QStringLiteral("old"), textOrNull(e.oldValue)},
                {QStringLiteral("new"), textOrNull(e.newValue)},
                {QStringLiteral("who"), e.who},
                {QStringLiteral("at"), timeOrNull(e.at)},
                {QStringLiteral("why"), e.why}});
        object.insert(QStringLiteral("events"), events);
    }
    return object;
}

namespace {

QString cell(const QString &text, int width)
{
    QString flat = text.simplified();
    if (flat.size() > width)
        flat = flat.left(width - 1) + QChar(0x2026);
    return flat.leftJustified(width);
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QStringLiteral("-");
}

void printCaseLine(const CaseRecord &c)
{
    const QString account =
        c.accountId.isEmpty()
            ? QStringLiteral("(%1)").arg(c.originKey.isEmpty() ? QStringLiteral("unattributed")
                                                               : c.originKey)
            : c.accountId;
    out() << cell(c.publicId, 24) << cell(account, 20) << cell(c.kind, 10)
          << cell(c.mergedInto.isEmpty() ? c.status : QStringLiteral("merged"), 18)
          << cell(c.severity, 9) << cell(timeText(c.responseDue), 17)
          << QString::number(c.reports.size()) << '\n';
}

void printCase(const CaseRecord &c)
{
    out() << c.publicId << '\n'
          << "  account:        "
          << (c.accountId.isEmpty() ? QStringLiteral("none (unattributed)") : c.accountId) << '\n'
          << "  origin:         " << (c.originKey.isEmpty() ? QStringLiteral("-") : c.originKey)
          << '\n'
          << "  kind:           " << c.kind << '\n'
          << "  status:         " << c.status
          << (c.mergedInto.isEmpty() ? QString()
                                     : QStringLiteral(" (merged into %1)").arg(c.mergedInto))
          << '\n'
          << "  severity:       " << c.severity << '\n'
          << "  owner:          " << (c.owner.isEmpty() ? QStringLiteral("-") : c.owner) << '\n'
          << "  policy version: " << c.policyVersion << '\n'
          << "  opened:         " << timeText(c.openedAt) << " UTC\n"
          << "  response due:   " << timeText(c.responseDue) << " UTC\n";
    if (!c.notes.isEmpty())
        out() << "  notes:          " << c.notes << '\n';
    out() << "\nReports:\n";
    for (const CaseReportRecord &r : c.reports)
        out() << "  " << cell(QString::number(r.evidenceId), 6) << cell(r.format, 9)
              << cell(r.originIp, 20) << cell(timeText(r.receivedAt), 17) << r.subject.simplified()
              << "\n        " << r.reason << '\n';
    out() << "\nHistory:\n";
    for (const CaseEventRecord &e : c.events) {
        out() << "  " << timeText(e.at) << "  " << cell(e.kind, 13) << e.who;
        if (e.evidenceId > 0)
            out() << "  report " << e.evidenceId;
        if (!e.otherCaseId.isEmpty())
            out() << "  with " << e.otherCaseId;
        if (!e.newValue.isEmpty())
            out() << "  " << e.oldValue << " -> " << e.newValue;
        if (!e.why.isEmpty())
            out() << "  : " << e.why;
        out() << '\n';
    }
}

int fail(const QString &message)
{
    err() << "awb cases: " << message << '\n';
    return ExitRejected;
}

int showCase(CaseStore &store, qint64 caseId, bool json)
{
    Result<CaseRecord> c = CaseRepository(store).caseById(caseId);
    if (!c)
        return fail(c.error());
    if (json) {
        QJsonObject object = caseJson(*c);
        const QJsonObject enforcement = caseEnforcementJson(store, *c);
        for (auto it = enforcement.begin(); it != enforcement.end(); ++it)
            object.insert(it.key(), it.value());
        printJsonLine(object);
    } else {
        printCase(*c);
        printCaseEnforcement(store, *c);
    }
    out().flush();
    return ExitOk;
}

} // namespace

int listCasesIn(CaseStore &store, bool json)
{
    CaseRepository cases(store);
    Result<QList<CaseRecord>> list = cases.cases();
    if (!list)
        return fail(list.error());
    if (json) {
        for (const CaseRecord &c : *list)
            printJsonLine(caseJson(c));
        return ExitOk;
    }
    out() << cell(QStringLiteral("CASE"), 24) << cell(QStringLiteral("ACCOUNT"), 20)
          << cell(QStringLiteral("KIND"), 10) << cell(QStringLiteral("STATUS"), 18)
          << cell(QStringLiteral("SEVERITY"), 9) << cell(QStringLiteral("DUE (UTC)"), 17)
          << QStringLiteral("REPORTS") << '\n';
    for (const CaseRecord &c : *list)
        printCaseLine(c);
    out().flush();
    return ExitOk;
}

int groupCasesIn(CaseStore &store, const TrustSettings &trust, const CaseSettings &settings,
                 bool json)
{
    AccountRepository accounts(store);
    Result<CaseAssignmentSummary> summary =
        assignNewReports(store, correlationAttribution(store, accounts, trust), settings);
    if (!summary)
        return fail(summary.error());
    if (json) {
        QJsonArray opened;
        CaseRepository cases(store);
        for (qint64 id : summary->newCaseIds) {
            Result<CaseRecord> c = cases.caseById(id);
            if (c)
                opened.append(c->publicId);
        }
        QJsonArray attributed;
        for (const CaseAttributed &a : summary->casesAttributed)
            attributed.append(QJsonObject{{QStringLiteral("case"), a.publicId},
                                          {QStringLiteral("account"), a.accountId}});
        QJsonArray skipped;
        for (const NotGrouped &n : summary->notGrouped)
            skipped.append(QJsonObject{{QStringLiteral("evidence_id"), n.evidenceId},
                                       {QStringLiteral("reason"), n.reason}});
        printJsonLine(QJsonObject{{QStringLiteral("opened"), opened},
                                  {QStringLiteral("added"), summary->additions.size()},
                                  {QStringLiteral("grouped"), summary->placements.size()},
                                  {QStringLiteral("not_grouped"), skipped},
                                  {QStringLiteral("listings_recorded"), summary->listingsRecorded},
                                  {QStringLiteral("attributed"), attributed}});
        return ExitOk;
    }
    out() << "Grouped " << summary->placements.size() << " reports: " << summary->newCaseIds.size()
          << " new cases, " << summary->additions.size() << " added to existing cases.\n";
    if (summary->listingsRecorded > 0)
        out() << "Recorded " << summary->listingsRecorded
              << " blocklist listing(s) stated by listing notices.\n";
    // Cases grouped before the account directory knew their addresses (reports first).
    for (const CaseAttributed &a : summary->casesAttributed)
        out() << "Attributed " << a.publicId << " to account " << a.accountId
              << ": every report of it is the account's by the account directory now.\n";
    for (const NotGrouped &n : summary->notGrouped)
        out() << "  not grouped: message " << n.evidenceId << ": " << n.reason << '\n';
    out().flush();
    return ExitOk;
}

int casesCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Cases: reports grouped by account and campaign.\n"
        "  list                       the cases (default)\n"
        "  show ID                    one case with its reports and history\n"
        "  group                      assign every report that is in no case yet\n"
        "  merge A B --why TEXT       move B's reports into A and close B\n"
        "  split ID --reports E1,E2 --why TEXT   the reports into a new case\n"
        "  move EVIDENCE --to ID --why TEXT      one report into another case\n"
        "  status ID STATUS --why TEXT           open, awaiting-customer, actioned, closed\n"
        "  set-owner ID NAME          the analyst who owns the case (\"\" for nobody)\n"
        "  set-notes ID TEXT          replace the case's notes (\"\" to clear them)\n"
        "ID is a case id (IXCM-ABUSE-2026-000001) or its row number; EVIDENCE a message id "
        "as `awb messages` lists it."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("The case database."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines output.")});
    parser.addOption({QStringLiteral("why"), QStringLiteral("The reason, for the case history."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("reports"), QStringLiteral("Evidence ids, comma-separated."),
                      QStringLiteral("E1,E2")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("The case to move to."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("who"),
                      QStringLiteral("The analyst named in the history (default: the settings' "
                                     "[desk] analystName or [cases] analyst, else $USER)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("window-days"),
                      QStringLiteral("Grouping window in days (default: [cases] windowDays, 14)."),
                      QStringLiteral("N")});
    addTrustOptions(parser);
    addAnalystOption(parser);
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral("list, show, group, merge, split, move, status, "
                                                "set-owner, set-notes"));
    if (!parser.parse(QStringList{QStringLiteral("awb cases")} + arguments))
        return usageError(parser, kCommand, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("db")))
        return usageError(parser, kCommand, QStringLiteral("--db FILE is required"));

    QStringList args = parser.positionalArguments();
    const QString action = args.isEmpty() ? QStringLiteral("list") : args.takeFirst();
    const QMap<QString, int> operands{
        {QStringLiteral("list"), 0},     {QStringLiteral("show"), 1},
        {QStringLiteral("group"), 0},    {QStringLiteral("merge"), 2},
        {QStringLiteral("split"), 1},    {QStringLiteral("move"), 1},
        {QStringLiteral("status"), 2},   {QStringLiteral("set-owner"), 2},
        {QStringLiteral("set-notes"), 2}};
    if (!operands.contains(action))
        return usageError(parser, kCommand, QStringLiteral("unknown action '%1'").arg(action));
    if (args.size() != operands.value(action))
        return usageError(
            parser, kCommand,
            QStringLiteral("'%1' takes %2 operand(s)").arg(action).arg(operands.value(action)));
    // Owner and notes are the desk's own bookkeeping: the event records the old and new value,
    // no reason is asked for (as in the window).
    const bool writes = action != u"list" && action != u"show" && action != u"group" &&
                        action != u"set-owner" && action != u"set-notes";
    const QString why = parser.value(QStringLiteral("why")).trimmed();
    if (writes && why.isEmpty())
        return usageError(parser, kCommand, QStringLiteral("'%1' needs --why TEXT").arg(action));

    CaseSettings settings;
    if (parser.isSet(QStringLiteral("settings")))
        settings = CaseSettings::fromSettings(
            QSettings(parser.value(QStringLiteral("settings")), QSettings::IniFormat));
    if (parser.isSet(QStringLiteral("window-days"))) {
        bool ok = false;
        settings.grouping.windowDays = parser.value(QStringLiteral("window-days")).toInt(&ok);
        if (!ok || settings.grouping.windowDays <= 0)
            return usageError(parser, kCommand,
                              QStringLiteral("--window-days needs a positive number"));
    }
    Result<std::unique_ptr<CaseStore>> store =
        openStoreAsAnalyst(parser.value(QStringLiteral("db")), parser);
    if (!store)
        return fail(store.error());
    // --who is this command's older name for --analyst; either names the case history's analyst.
    const QString named = parser.value(QStringLiteral("who")).trimmed();
    settings.analyst = named.isEmpty() ? (*store)->actor() : named;
    (*store)->setActor(settings.analyst);
    CaseRepository cases(**store);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (action == u"list")
        return listCasesIn(**store, json);
    if (action == u"group") {
        TrustSettings trust;
        QString error;
        if (!trustFromOptions(parser, &trust, &error))
            return usageError(parser, kCommand, error);
        return groupCasesIn(**store, trust, settings, json);
    }

    // Every other action names a case or a report first.
    const QString who = settings.analyst;
    if (action == u"move") {
        bool ok = false;
        const qint64 evidenceId = args.at(0).toLongLong(&ok);
        if (!ok || !parser.isSet(QStringLiteral("to")))
            return usageError(parser, kCommand, QStringLiteral("move EVIDENCE --to ID --why TEXT"));
        Result<qint64> to = cases.resolve(parser.value(QStringLiteral("to")));
        if (!to)
            return fail(to.error());
        const Status moved = cases.move(evidenceId, *to, who, why);
        return moved ? showCase(**store, *to, json) : fail(moved.error());
    }
    Result<qint64> caseId = cases.resolve(args.at(0));
    if (!caseId)
        return fail(caseId.error());
    if (action == u"show")
        return showCase(**store, *caseId, json);
    if (action == u"merge") {
        Result<qint64> from = cases.resolve(args.at(1));
        if (!from)
            return fail(from.error());
        const Status merged = cases.merge(*caseId, *from, who, why);
        return merged ? showCase(**store, *caseId, json) : fail(merged.error());
    }
    if (action == u"status") {
        const Status changed = cases.setStatus(*caseId, args.at(1), who, why);
        return changed ? showCase(**store, *caseId, json) : fail(changed.error());
    }
    if (action == u"set-owner") {
        const Status changed = cases.setOwner(*caseId, args.at(1), who);
        return changed ? showCase(**store, *caseId, json) : fail(changed.error());
    }
    if (action == u"set-notes") {
        const Status changed = cases.setNotes(*caseId, args.at(1), who);
        return changed ? showCase(**store, *caseId, json) : fail(changed.error());
    }
    QList<qint64> evidenceIds;
    for (const QString &part :
         parser.value(QStringLiteral("reports")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        evidenceIds.append(part.trimmed().toLongLong(&ok));
        if (!ok)
            return usageError(parser, kCommand, QStringLiteral("not an evidence id: %1").arg(part));
    }
    if (evidenceIds.isEmpty())
        return usageError(parser, kCommand, QStringLiteral("split ID --reports E1,E2 --why TEXT"));
    Result<qint64> opened = cases.split(*caseId, evidenceIds, who, why);
    return opened ? showCase(**store, *opened, json) : fail(opened.error());
}

} // namespace Awb::Cli
