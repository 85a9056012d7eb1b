// awb audit verify --db FILE [--json] | awb audit list --db FILE [--case ID] [--json]
#include "cli/cli_io.h"
#include "cli/commands.h"

#include "store/audit_log.h"
#include "store/case_repository.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>

namespace Awb::Cli {

namespace {

const QString kCommand = QStringLiteral("audit");

} // namespace

// The JSON of one audit entry, as `awb audit list --json` and `awb export` write it.
QJsonObject auditEntryJson(const AuditEntry &e)
{
    return QJsonObject{{QStringLiteral("id"), e.id},
                       {QStringLiteral("at"), e.at.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("who"), e.who},
                       {QStringLiteral("action"), e.action},
                       {QStringLiteral("case"), e.casePublicId.isEmpty()
                                                    ? QJsonValue(QJsonValue::Null)
                                                    : QJsonValue(e.casePublicId)},
                       {QStringLiteral("subject"), e.subject},
                       {QStringLiteral("what"), e.what},
                       {QStringLiteral("why"), e.why},
                       {QStringLiteral("details"), e.details},
                       {QStringLiteral("prev_hash"), QString::fromLatin1(e.prevHash)},
                       {QStringLiteral("hash"), QString::fromLatin1(e.hash)}};
}

namespace {

int verify(CaseStore &store, bool json)
{
    Result<AuditVerification> result = AuditLog(store).verify();
    if (!result)
        return rejected(kCommand, result.error());
    if (json) {
        printJsonLine(
            QJsonObject{{QStringLiteral("intact"), result->intact},
                        {QStringLiteral("entries"), result->entryCount},
                        {QStringLiteral("head"),
                         result->intact ? QJsonValue(QString::fromLatin1(result->headHash))
                                        : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("first_broken_id"), result->firstBrokenId},
                        {QStringLiteral("problem"), result->problem}});
        return result->intact ? ExitOk : ExitRejected;
    }
    if (!result->intact) {
        out() << "broken: " << result->problem << '\n'
              << "(" << result->entryCount << " entries before it are intact)\n";
        out().flush();
        return ExitRejected;
    }
    const QString head =
        result->entryCount > 0 ? QString::fromLatin1(result->headHash) : QStringLiteral("(none)");
    out() << "intact: " << result->entryCount << " entries, head " << head << '\n'
          << "Note: removing the newest entries cannot be seen from inside the database alone;\n"
             "compare this count and head with those a report or an export pinned.\n";
    out().flush();
    return ExitOk;
}

int list(CaseStore &store, qint64 caseId, bool json)
{
    Result<QList<AuditEntry>> entries = AuditLog(store).entries(caseId);
    if (!entries)
        return rejected(kCommand, entries.error());
    for (const AuditEntry &e : *entries) {
        if (json) {
            printJsonLine(auditEntryJson(e));
            continue;
        }
        out() << e.id << "  " << e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
              << "  " << e.who << "  " << e.action;
        if (!e.casePublicId.isEmpty())
            out() << "  " << e.casePublicId;
        out() << "\n    " << e.what << '\n';
        if (!e.why.isEmpty())
            out() << "    why: " << e.why << '\n';
    }
    out().flush();
    return ExitOk;
}

} // namespace

int auditCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The audit log of a case database: every write, with who, when, what and why, "
        "hash-chained so that an edit or a deletion shows.\n"
        "  verify   check the chain; exit status 1 names the first broken entry\n"
        "  list     the entries (of one case with --case)"));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("The case database."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("case"),
                      QStringLiteral("list: only the entries about this case."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines output.")});
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("verify or list"));
    if (!parser.parse(QStringList{QStringLiteral("awb audit")} + arguments))
        return usageError(parser, kCommand, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 || (args.first() != u"verify" && args.first() != u"list"))
        return usageError(parser, kCommand, QStringLiteral("give one action: verify or list"));
    if (!parser.isSet(QStringLiteral("db")))
        return usageError(parser, kCommand, QStringLiteral("--db FILE is required"));
    if (args.first() == u"verify" && parser.isSet(QStringLiteral("case")))
        return usageError(parser, kCommand,
                          QStringLiteral("verify checks the whole chain; --case is for list"));
    // Verifying must not create the database it is asked about.
    const QString path = parser.value(QStringLiteral("db"));
    if (!QFileInfo(path).isFile())
        return rejected(kCommand, QStringLiteral("no case database at %1").arg(path));

    Result<std::unique_ptr<CaseStore>> store = CaseStore::open(path);
    if (!store)
        return rejected(kCommand, store.error());
    const bool json = parser.isSet(QStringLiteral("json"));
    if (args.first() == u"verify")
        return verify(**store, json);
    qint64 caseId = 0;
    if (parser.isSet(QStringLiteral("case"))) {
        Result<qint64> resolved =
            CaseRepository(**store).resolve(parser.value(QStringLiteral("case")));
        if (!resolved)
            return rejected(kCommand, resolved.error());
        caseId = *resolved;
    }
    return list(**store, caseId, json);
}

} // namespace Awb::Cli
