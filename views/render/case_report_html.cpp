// The case report's HTML: helpers, cover, summary, contents, timeline, reports and evidence.
#include "render/case_report.h"
#include "render/case_report_p.h"

#include "policy/hong_kong_time.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace Awb::CaseReportHtml {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString shortTime(const QDateTime &at)
{
    if (!at.isValid())
        return QStringLiteral("-");
    return at.toTimeZone(hongKongZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" HKT");
}

QString longTime(const QDateTime &at)
{
    return at.isValid() ? formatHongKongAndUtc(at) : QStringLiteral("-");
}

QString heading(int number, const QString &title)
{
    return QStringLiteral("<h1><a name=\"section-%1\"></a>%1. %2</h1>\n")
        .arg(number)
        .arg(esc(title));
}

QString table(const QStringList &headers, const QList<QStringList> &rows, const QList<int> &widths)
{
    QString html = QStringLiteral("<table width=\"100%\" border=\"0.5\" cellspacing=\"0\" "
                                  "cellpadding=\"3\" style=\"border-collapse: collapse; "
                                  "border-color: #000000\">\n<thead><tr>");
    for (int i = 0; i < headers.size(); ++i) {
        const QString width = i < widths.size() && widths.at(i) > 0
                                  ? QStringLiteral(" width=\"%1%\"").arg(widths.at(i))
                                  : QString();
        html += QStringLiteral("<th align=\"left\" bgcolor=\"#e0e0e0\"%1>%2</th>")
                    .arg(width, esc(headers.at(i)));
    }
    html += QStringLiteral("</tr></thead>\n");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString &cell : row)
            html += QStringLiteral("<td>%1</td>").arg(cell);
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QString keyValues(const QList<QPair<QString, QString>> &pairs)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">\n");
    for (const auto &pair : pairs)
        html += QStringLiteral("<tr><td width=\"24%\"><b>%1</b></td><td>%2</td></tr>\n")
                    .arg(pair.first, pair.second);
    return html + QStringLiteral("</table>\n");
}

QString mono(const QString &text)
{
    return QStringLiteral("<span class=\"mono\">%1</span>").arg(esc(text));
}

QString actionLabel(const QString &action, int days)
{
    if (action == QLatin1String("warning"))
        return Tr::tr("Warning");
    if (action == QLatin1String("suspension"))
        return days > 0 ? Tr::tr("Suspension of %1 days").arg(days) : Tr::tr("Suspension");
    if (action == QLatin1String("termination"))
        return Tr::tr("Termination");
    if (action == QLatin1String("termination-liability"))
        return Tr::tr("Termination with liability");
    return Tr::tr("No sanction");
}

QString timelineSection(const CaseReportData &data, int number)
{
    QList<QStringList> rows;
    for (const CaseReportTimelineItem &item : data.timeline) {
        QString text = esc(item.text);
        if (item.kind == QLatin1String("deadline"))
            text = QStringLiteral("<b>%1</b>").arg(text);
        rows.append({esc(shortTime(item.at)), esc(item.kind), text, esc(item.who)});
    }
    return heading(number, Tr::tr("Timeline")) +
           QStringLiteral("<p>%1</p>\n")
               .arg(esc(
                   Tr::tr("Every event of the case in time order, with each deadline and whether "
                          "it was met. Times are Hong Kong time (UTC+8)."))) +
           table({Tr::tr("When"), Tr::tr("Kind"), Tr::tr("What happened"), Tr::tr("Who")}, rows,
                 {19, 14, 54, 13});
}

QString reportsSection(const CaseReportData &data, int number)
{
    QList<QStringList> rows;
    for (const CaseReportEntry &report : data.reports)
        rows.append({QString::number(report.evidenceId), esc(report.format), esc(report.reporter),
                     esc(shortTime(report.receivedAt)), esc(report.completeness)});
    QString html = heading(number, Tr::tr("Reports in the case"));
    if (!data.options.internalReader)
        html +=
            QStringLiteral("<p>%1</p>\n")
                .arg(esc(Tr::tr("Reporters and complainants are shown as the desk's stable "
                                "tokens (\"redacted-...\"): this copy is for readers outside the "
                                "abuse desk.")));
    return html + table({Tr::tr("Report"), Tr::tr("Format"), Tr::tr("Reporter"), Tr::tr("Received"),
                         Tr::tr("Completeness (policy V)")},
                        rows, {8, 10, 32, 19, 31});
}

namespace {

QString evidenceOf(const CaseReportEntry &report, int index, const CaseReportData &data)
{
    QString html = QStringLiteral("<h2>%1</h2>\n")
                       .arg(esc(Tr::tr("Report %1 (%2): %3")
                                    .arg(report.evidenceId)
                                    .arg(report.format, report.subject)));
    QList<QPair<QString, QString>> pairs = {
        {esc(Tr::tr("Stored bytes")), mono(QString::fromLatin1(report.sha256Hex)) +
                                          esc(Tr::tr(" (SHA-256, %1 bytes)").arg(report.size))}};
    if (!report.originalSha256Hex.isEmpty())
        pairs.append(
            {esc(Tr::tr("Reported original")),
             mono(QString::fromLatin1(report.originalSha256Hex)) + esc(Tr::tr(" (SHA-256)"))});
    pairs.append({esc(Tr::tr("Message-ID")), esc(report.messageId)});
    pairs.append({esc(Tr::tr("Receipt")), esc(longTime(report.receivedAt))});
    pairs.append({esc(Tr::tr("Origin")),
                  report.originIp.isEmpty()
                      ? esc(Tr::tr("not established"))
                      : esc(report.originIp) +
                            (report.originOurs ? esc(Tr::tr(" (our network)")) : QString())});
    pairs.append({esc(Tr::tr("Why this origin")), esc(report.originReason)});
    pairs.append({esc(Tr::tr("Account match")), esc(report.accountMatch)});
    html += keyValues(pairs);
    if (!report.chain.hops.isEmpty()) {
        // The object draws its heading itself (see CaseReportObjects): never split from it.
        html += QStringLiteral("<p>[[chain:%1]]</p>\n").arg(index);
    } else {
        html += QStringLiteral("<p><i>%1</i></p>\n")
                    .arg(esc(Tr::tr("The stored bytes show no Received chain to draw.")));
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(Tr::tr("Findings")));
    if (report.findings.isEmpty()) {
        html += QStringLiteral("<p>%1</p>\n").arg(esc(Tr::tr("No findings.")));
    } else {
        QList<QStringList> rows;
        for (const Finding &finding : report.findings)
            rows.append({esc(severityName(finding.severity)), esc(finding.clause),
                         QStringLiteral("<b>%1</b><br><small>%2 \u2014 %3</small>")
                             .arg(esc(finding.title), esc(finding.check), esc(finding.evidence))});
        html += table({Tr::tr("Severity"), Tr::tr("Clause"), Tr::tr("Finding and evidence")}, rows,
                      {11, 8, 81});
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(Tr::tr("Authentication results")));
    if (report.authResults.isEmpty()) {
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(Tr::tr("The message carries no Authentication-Results field.")));
    } else {
        QList<QStringList> rows;
        for (const CaseReportAuthResult &result : report.authResults)
            rows.append(
                {esc(result.method), QStringLiteral("<b>%1</b>").arg(esc(result.result)),
                 esc(result.authservId) +
                     (result.trustedStamp ? QString() : esc(Tr::tr(" (not a trusted stamp)"))),
                 esc(result.detail)});
        html += table({Tr::tr("Method"), Tr::tr("Result"), Tr::tr("Stamped by"), Tr::tr("Details")},
                      rows, {10, 10, 35, 45});
    }
    Q_UNUSED(data)
    return html;
}

} // namespace

QString evidenceSection(const CaseReportData &data, int number)
{
    QString html = heading(number, Tr::tr("Evidence"));
    html +=
        QStringLiteral("<p>%1</p>\n")
            .arg(esc(Tr::tr("For each report: the SHA-256 of the bytes as stored (recomputed for "
                            "this report), the path the message took as its Received fields "
                            "record it, the findings with the policy clauses they engage, the "
                            "authentication results and how the origin was matched to the "
                            "account. In the diagram the oldest stamp is at the top; hops with "
                            "dashed borders were claimed by the sending side, solid ones recorded "
                            "by receiving servers.")));
    for (int i = 0; i < data.reports.size(); ++i)
        html += evidenceOf(data.reports.at(i), i, data);
    return html;
}

void fillContentsPages(QTextDocument &document)
{
    const qreal pageHeight = document.pageSize().height();
    if (pageHeight <= 0)
        return;

    static const QRegularExpression numbered(QStringLiteral("^(\\d+)\\. "));
    QMap<int, int> pages;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() != 1)
            continue;
        const QRegularExpressionMatch match = numbered.match(block.text());
        if (match.hasMatch())
            pages.insert(
                match.captured(1).toInt(),
                int(document.documentLayout()->blockBoundingRect(block).top() / pageHeight) + 1);
    }
    static const QRegularExpression placeholder(QStringLiteral("\\[\\[page:(\\d+)\\]\\]"));
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QRegularExpressionMatch match = placeholder.match(block.text());
        if (!match.hasMatch())
            continue;
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + int(match.capturedStart()));
        cursor.setPosition(block.position() + int(match.capturedEnd()), QTextCursor::KeepAnchor);
        cursor.insertText(QString::number(pages.value(match.captured(1).toInt())));
    }
}

} // namespace Awb::CaseReportHtml
