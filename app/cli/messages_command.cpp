// awb messages --db FILE [list | show ID] [--json]
#include "cli/cli_io.h"
#include "cli/commands.h"

#include "itemmodels/message_list_model.h"
#include "store/case_store.h"
#include "store/evidence_repository.h"

#include <QCommandLineParser>
#include <QFile>

#include <cstdio>

namespace Awb::Cli {

namespace {

QJsonObject summaryJson(const MessageSummary &s)
{
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("sha256"), QString::fromLatin1(s.sha256Hex)},
        {QStringLiteral("size"), s.size},
        {QStringLiteral("message_id"), s.messageId},
        {QStringLiteral("date"), s.date.isValid() ? s.date.toString(Qt::ISODate) : QString()},
        {QStringLiteral("date_text"), s.dateText},
        {QStringLiteral("from"), s.from},
        {QStringLiteral("subject"), s.subject},
        {QStringLiteral("source"), s.sourcePath},
        {QStringLiteral("index"),
         s.sourceIndex < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.sourceIndex)},
        {QStringLiteral("imported_at"), s.importedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("format"),
         s.reportFormat.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.reportFormat)},
        {QStringLiteral("reporter"), s.reporter},
        {QStringLiteral("received_at"), s.receivedAt.isValid()
                                            ? QJsonValue(s.receivedAt.toString(Qt::ISODate))
                                            : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("response_due"), s.responseDue.isValid()
                                             ? QJsonValue(s.responseDue.toString(Qt::ISODate))
                                             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("completeness"), s.completenessSummary},
        {QStringLiteral("origin_ip"), s.originIp},
        {QStringLiteral("origin_ours"), s.originOurs},
        {QStringLiteral("finding_count"), s.findingCount},
        {QStringLiteral("top_severity"), s.topSeverity},
    };
}

QString cell(const QString &text, int width)
{
    QString flat = text.simplified();
    if (flat.size() > width)
        flat = flat.left(width - 1) + QChar(0x2026);
    return flat.leftJustified(width);
}

int showMessage(CaseStore &store, const QString &idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok) {
        err() << "awb messages: not a message id: " << idText << '\n';
        return ExitUsage;
    }
    auto bytes = EvidenceRepository(store).bytes(id);
    if (!bytes) {
        err() << "awb messages: " << bytes.error() << '\n';
        return ExitRejected;
    }
    // The evidence exactly as stored: raw bytes, no re-encoding.
    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return ExitRejected;
    stdoutFile.write(*bytes);
    return ExitOk;
}

} // namespace

int listMessages(CaseStore &store, bool json)
{
    auto summaries = EvidenceRepository(store).summaries();
    if (!summaries) {
        err() << "awb messages: " << summaries.error() << '\n';
        return ExitRejected;
    }
    if (json) {
        for (const MessageSummary &s : *summaries)
            printJsonLine(summaryJson(s));
        return ExitOk;
    }
    out() << cell(QStringLiteral("ID"), 5) << cell(QStringLiteral("DUE (UTC)"), 17)
          << cell(QStringLiteral("FORMAT"), 9) << cell(QStringLiteral("FROM"), 28)
          << cell(QStringLiteral("SUBJECT"), 38) << cell(QStringLiteral("ORIGIN"), 20)
          << QStringLiteral("FINDINGS") << '\n';
    for (const MessageSummary &s : *summaries) {
        const bool hasDeadline = s.responseDue.isValid() && s.reportFormat != u"message";
        const QString due = hasDeadline ? s.responseDue.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                        : QStringLiteral("-");
        const QString findings =
            s.findingCount == 0 ? QStringLiteral("-")
                                : QStringLiteral("%1 (%2)").arg(s.findingCount).arg(s.topSeverity);
        out() << cell(QString::number(s.id), 5) << cell(due, 17)
              << cell(s.reportFormat.isEmpty() ? QStringLiteral("?") : s.reportFormat, 9)
              << cell(s.from, 28) << cell(s.subject, 38)
              << cell(s.originIp + (s.originOurs ? QStringLiteral(" *") : QString()), 20)
              << findings << '\n';
    }
    out().flush();
    return ExitOk;
}

int messagesCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the stored messages, or print one "
                                                    "message's exact bytes."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("The case database."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines, one per message.")});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list (default) or "
                                                "show ID"),
                                 QStringLiteral("[list | show ID]"));
    if (!parser.parse(QStringList{QStringLiteral("awb messages")} + arguments))
        return usageError(parser, QStringLiteral("messages"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("db")))
        return usageError(parser, QStringLiteral("messages"),
                          QStringLiteral("--db FILE is required"));
    const QStringList action = parser.positionalArguments();
    const bool list = action.isEmpty() || (action.size() == 1 && action.first() == u"list");
    const bool show = action.size() == 2 && action.first() == u"show";
    if (!list && !show)
        return usageError(parser, QStringLiteral("messages"),
                          QStringLiteral("expected 'list' or 'show ID'"));
    if (!QFile::exists(parser.value(QStringLiteral("db")))) {
        err() << "awb messages: no such case database: " << parser.value(QStringLiteral("db"))
              << '\n';
        return ExitRejected;
    }
    auto store = CaseStore::open(parser.value(QStringLiteral("db")));
    if (!store) {
        err() << "awb messages: " << store.error() << '\n';
        return ExitRejected;
    }
    if (show)
        return showMessage(**store, action.at(1));
    return listMessages(**store, parser.isSet(QStringLiteral("json")));
}

} // namespace Awb::Cli
