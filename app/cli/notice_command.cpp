// awb notice --db FILE --case ID --type TYPE --out FILE.eml|FILE.pdf [--report EVIDENCE_ID]
//            [--outcome TEXT] [--dry-run] [--analyst NAME]
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/store_options.h"

#include "enforcement/case_notice.h"
#include "notices/notice_fields.h"
#include "render/notice_pdf.h"
#include "store/case_repository.h"
#include "store/case_store.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSaveFile>

namespace Awb::Cli {

namespace {

const QString kCommand = QStringLiteral("notice");

Status writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return Status::success();
}

} // namespace

int noticeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a policy-cited notice of a case as a ready-to-send .eml or as a "
                       "PDF, and records it in the case (its exact bytes, SHA-256, an audit "
                       "entry). Customer notices are redacted: the reporter is never named."));
    parser.addHelpOption();
    addAnalystOption(parser);
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("The case database."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("case"), QStringLiteral("The case: public id or row id."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("type"),
                      QStringLiteral("One of: %1.").arg(noticeTypes().join(u", ")),
                      QStringLiteral("TYPE")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Where to write: FILE.eml or FILE.pdf."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("report"),
                      QStringLiteral("Reporter notices: the report answered (evidence id; "
                                     "default the case's first)."),
                      QStringLiteral("EVIDENCE_ID")});
    parser.addOption({QStringLiteral("outcome"),
                      QStringLiteral("Outcome and reinstatement notices: what the desk did."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Write the file but do not record the notice in the case.")});
    if (!parser.parse(QStringList{QStringLiteral("awb notice")} + arguments))
        return usageError(parser, kCommand, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    for (const char *required : {"db", "case", "type", "out"}) {
        if (!parser.isSet(QLatin1String(required)))
            return usageError(parser, kCommand,
                              QStringLiteral("--%1 is required").arg(QLatin1String(required)));
    }
    const QString type = parser.value(QStringLiteral("type"));
    if (!isNoticeType(type))
        return usageError(parser, kCommand,
                          QStringLiteral("unknown notice type '%1' (one of: %2)")
                              .arg(type, noticeTypes().join(u", ")));
    const QString outPath = parser.value(QStringLiteral("out"));
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != u"eml" && suffix != u"pdf")
        return usageError(
            parser, kCommand,
            QStringLiteral("--out %1: the file must end in .eml or .pdf").arg(outPath));

    auto store = openStoreAsAnalyst(parser.value(QStringLiteral("db")), parser);
    if (!store)
        return rejected(kCommand, store.error());
    Result<qint64> caseId = CaseRepository(**store).resolve(parser.value(QStringLiteral("case")));
    if (!caseId)
        return rejected(kCommand, caseId.error());

    NoticeRequest request;
    request.type = type;
    request.who = analystFromOptions(parser);
    request.outcome = parser.value(QStringLiteral("outcome"));
    if (parser.isSet(QStringLiteral("report"))) {
        bool ok = false;
        request.reportEvidenceId = parser.value(QStringLiteral("report")).toLongLong(&ok);
        if (!ok)
            return usageError(parser, kCommand, QStringLiteral("--report takes an evidence id"));
    }
    Result<PreparedNotice> notice = prepareNotice(**store, *caseId, request);
    if (!notice)
        return rejected(kCommand, notice.error());

    const Status written = suffix == u"pdf"
                               ? writeNoticePdf(notice->composed, notice->data, outPath)
                               : writeFile(outPath, notice->record.eml);
    if (!written)
        return rejected(kCommand, written.error());
    if (!parser.isSet(QStringLiteral("dry-run"))) {
        Result<qint64> saved = saveNotice(**store, *notice);
        if (!saved)
            return rejected(kCommand, saved.error());
    }
    out() << "Wrote the " << type << " notice of " << notice->data.caseId << " to " << outPath
          << " (To: " << notice->composed.to.address << ", Message-ID <" << notice->record.messageId
          << ">)" << (parser.isSet(QStringLiteral("dry-run")) ? " — not recorded (dry run)" : "")
          << '\n';
    out().flush();
    return ExitOk;
}

} // namespace Awb::Cli
