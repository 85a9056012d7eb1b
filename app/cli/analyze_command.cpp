// awb analyze [--json] [--trusted CIDR]... [--ours CIDR]... FILE...
#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/trust_options.h"

#include "analysis/analysis_json.h"
#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "mail/message_sources.h"
#include "mail/sha256.h"
#include "reports/report_analysis.h"
#include "reports/report_json.h"

#include <QCommandLineParser>

namespace Awb::Cli {

namespace {

QString where(const QString &path, int index)
{
    return index < 0 ? path : QStringLiteral("%1 (message %2)").arg(path).arg(index + 1);
}

// The readable form of one message's analysis: origin, hops top first, findings.
void printAnalysis(const MessageAnalysis &analysis)
{
    QTextStream &o = out();
    const ChainAnalysis &chain = analysis.chain;
    o << "   Origin:  " << (chain.origin.ip.isEmpty() ? QStringLiteral("(none)") : chain.origin.ip)
      << (chain.origin.ours ? " (our network)" : "") << '\n';
    o << "            " << chain.origin.reason << '\n';
    o << "   Hops (0 = top, written last):\n";
    for (int i = 0; i < chain.hops.size(); ++i) {
        const ChainHop &hop = chain.hops.at(i);
        const ReceivedHop &p = hop.parsed;
        const QString mark = hop.trust == HopTrust::Boundary  ? QStringLiteral("boundary")
                             : hop.trust == HopTrust::Claimed ? QStringLiteral("claimed ")
                                                              : QStringLiteral("receiver");
        o << QStringLiteral("   %1 %2  from %3 [%4] by %5")
                 .arg(i, 2)
                 .arg(mark, p.claimedName().isEmpty() ? QStringLiteral("?") : p.claimedName(),
                      p.fromIp, p.by)
          << (p.dateValid ? QStringLiteral("  ") + p.date.toString(Qt::ISODate) : QString())
          << (p.delayValid ? QStringLiteral(" (%1 s)").arg(p.delaySeconds) : QString()) << '\n';
        if (i == chain.boundaryHop && i + 1 < chain.hops.size())
            o << "   ---- trust boundary: the stamps below were written by the sending side ----\n";
    }
    if (!chain.claimedClientIps.isEmpty()) {
        o << "   Claimed client IPs:\n";
        for (const ClaimedClientIp &c : chain.claimedClientIps)
            o << "     " << c.header << ": " << c.value << '\n';
    }
    o << "   Findings: " << analysis.findings.size() << '\n';
    for (const Finding &f : analysis.findings) {
        o << QStringLiteral("     [%1] %2 (policy %3)%4: %5\n")
                 .arg(severityName(f.severity), f.check, f.clause,
                      f.hop < 0 ? QString() : QStringLiteral(" hop %1").arg(f.hop), f.title);
        o << "         " << f.evidence << '\n';
    }
}

void printText(const QString &path, int index, const MailMessage &message,
               const ReportAnalysis &analysis)
{
    QTextStream &o = out();
    o << "== " << where(path, index) << '\n';
    o << "   From:    " << message.from() << '\n';
    o << "   Subject: " << message.subject() << '\n';
    o << "   Date:    " << message.dateText() << '\n';
    o << "   Receipt: " << analysis.receipt.at.toString(Qt::ISODate) << " ("
      << analysis.receipt.explanation << "), respond by "
      << analysis.responseDeadline.toString(Qt::ISODate) << '\n';
    const Report &report = analysis.report;
    if (report.format != ReportFormat::Message) {
        o << "   Report:  " << reportFormatKey(report.format)
          << (report.formatVersion.isEmpty() ? QString() : QLatin1Char(' ') + report.formatVersion)
          << ", " << (report.feedbackType.isEmpty() ? QStringLiteral("-") : report.feedbackType)
          << ", by " << (report.reporter.isEmpty() ? QStringLiteral("?") : report.reporter) << '\n';
        o << "            source IP (claimed): "
          << (report.sourceIp.isEmpty() ? QStringLiteral("-") : report.sourceIp)
          << ", arrival (claimed): "
          << (report.arrivalDate.isValid() ? report.arrivalDate.toString(Qt::ISODate)
                                           : QStringLiteral("-"))
          << '\n';
        o << "            completeness: " << analysis.completeness.summary() << '\n';
        for (const Finding &f : analysis.reportFindings) {
            o << QStringLiteral("     [%1] %2 (policy %3): %4\n")
                     .arg(severityName(f.severity), f.check, f.clause, f.title);
            o << "         " << f.evidence << '\n';
        }
    }
    o << "   -- the message itself --\n";
    printAnalysis(analysis.message);
    if (analysis.original) {
        o << "   -- the reported original" << (report.originalHeadersOnly ? " (headers only)" : "")
          << " --\n";
        printAnalysis(*analysis.original);
    }
    o << '\n';
    o.flush();
}

} // namespace

int analyzeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Parse and analyse messages without a database: the Received chain, the trust boundary, "
        "the origin and the findings. FILE may be an .eml, an mbox, a maildir or a directory."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines, one per message.")});
    addTrustOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Messages to analyse."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(QStringList{QStringLiteral("awb analyze")} + arguments))
        return usageError(parser, QStringLiteral("analyze"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (parser.positionalArguments().isEmpty())
        return usageError(parser, QStringLiteral("analyze"), QStringLiteral("no FILE given"));

    TrustSettings trust;
    QString error;
    if (!trustFromOptions(parser, &trust, &error))
        return usageError(parser, QStringLiteral("analyze"), error);
    const bool json = parser.isSet(QStringLiteral("json"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int rejected = 0;
    const auto reject = [&](const QString &path, int index, const QString &reason) {
        ++rejected;
        err() << "rejected: " << where(path, index) << ": " << reason << '\n';
        err().flush();
        if (json) {
            printJsonLine(QJsonObject{
                {QStringLiteral("file"), path},
                {QStringLiteral("index"), index < 0 ? QJsonValue(QJsonValue::Null) : index},
                {QStringLiteral("error"), reason}});
        }
    };

    const SourcePlan plan = planSources(parser.positionalArguments());
    for (const SourceError &e : plan.errors)
        reject(e.path, e.index, e.reason);
    for (const SourceFile &file : plan.files) {
        readSource(
            file,
            [&](RawMessage &&raw) {
                auto message = MailMessage::parse(raw.bytes);
                if (!message) {
                    reject(raw.path, raw.index, message.error());
                    return true;
                }
                const ReportAnalysis analysis = analyzeReport(*message, trust, now);
                if (json)
                    printJsonLine(reportAnalysisToJson({raw.path, raw.index, sha256Hex(raw.bytes)},
                                                       *message, analysis));
                else
                    printText(raw.path, raw.index, *message, analysis);
                return true;
            },
            [&](SourceError &&e) { reject(e.path, e.index, e.reason); });
    }
    return rejected == 0 ? ExitOk : ExitRejected;
}

} // namespace Awb::Cli
