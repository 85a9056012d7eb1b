#include "render/case_report.h"

#include "render/case_report_objects.h"
#include "render/case_report_p.h"
#include "render/paged_document.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocument>

namespace Awb {

using namespace CaseReportHtml;

namespace {

// Page 1 is the cover; the numbered sections follow in this order.
QStringList numberedTitles()
{
    return {Tr::tr("Executive summary"), Tr::tr("Contents"),
            Tr::tr("Timeline"),          Tr::tr("Reports in the case"),
            Tr::tr("Evidence"),          Tr::tr("Account history"),
            Tr::tr("Decision"),          Tr::tr("Liability statement"),
            Tr::tr("Notices sent"),      Tr::tr("Audit"),
            Tr::tr("Sign-off")};
}

QString styleSheet()
{
    return QStringLiteral("body { color: #000000; background-color: #ffffff; }\n"
                          "h1 { font-size: 13pt; margin-top: 18px; margin-bottom: 6px; }\n"
                          "h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }\n"
                          "h3 { font-size: 9.5pt; margin-top: 10px; margin-bottom: 3px; }\n"
                          "h4 { font-size: 9pt; margin-top: 8px; margin-bottom: 2px; }\n"
                          ".mono { font-family: '%1'; font-size: 7.5pt; }\n"
                          "small { font-size: 7.5pt; }\n"
                          "th { font-weight: bold; }\n"
                          "td { font-size: 8pt; }\n")
        .arg(documentFontFamily(true));
}

QString coverHtml(const CaseReportData &data)
{
    const CaseRecord &record = data.record;
    QList<QPair<QString, QString>> pairs = {
        {esc(Tr::tr("Case")), QStringLiteral("<b>%1</b>").arg(esc(record.publicId))},
        {esc(Tr::tr("Status")), esc(record.status)},
        {esc(Tr::tr("Severity")), esc(record.severity)},
        {esc(Tr::tr("Kind")), esc(record.kind)},
        {esc(Tr::tr("Account")),
         record.accountId.isEmpty()
             ? esc(Tr::tr("unattributed (origin network %1)").arg(record.originKey))
             : esc(QStringLiteral("%1 \u2014 %2 (%3)")
                       .arg(record.accountId, data.accountName, data.accountStatus))},
        {esc(Tr::tr("Owner")), esc(record.owner.isEmpty() ? Tr::tr("(nobody)") : record.owner)},
        {esc(Tr::tr("Opened")), esc(longTime(record.openedAt))},
        {esc(Tr::tr("Response due")), esc(longTime(record.responseDue))},
        {esc(Tr::tr("Reports")), QString::number(data.reports.size())},
        {esc(Tr::tr("Policy version")),
         esc(Tr::tr("%1, version of %2 (%3)")
                 .arg(data.policyTitle, data.policyVersionLabel, record.policyVersion))},
        {esc(Tr::tr("Report generated")), esc(longTime(data.generatedAt))},
        {esc(Tr::tr("Readership")),
         esc(data.options.internalReader ? Tr::tr("Internal: abuse desk and management")
                                         : Tr::tr("External: reporter identities redacted"))}};
    return QStringLiteral(
               "<p style=\"font-size: 9pt\">%1</p>\n"
               "<p style=\"font-size: 20pt; font-weight: bold; margin-top: 40px\">%2</p>\n"
               "<p style=\"font-size: 14pt; margin-bottom: 30px\">%3</p>\n")
               .arg(esc(Tr::tr("IX.CM Abuse Desk \u2014 Incident report")),
                    esc(Tr::tr("Case report")), esc(record.publicId)) +
           keyValues(pairs) +
           QStringLiteral("<p style=\"margin-top: 30px\"><small>%1</small></p>\n")
               .arg(
                   esc(Tr::tr("Confidential. Prepared under the %1 of %2. Times are Hong Kong time "
                              "(UTC+8) unless marked UTC.")
                           .arg(data.policyTitle, data.policyVersionLabel)));
}

QString contentsHtml(int number)
{
    QList<QStringList> rows;
    const QStringList titles = numberedTitles();
    for (int i = 0; i < titles.size(); ++i)
        rows.append({QStringLiteral("%1. %2").arg(i + 1).arg(esc(titles.at(i))),
                     QStringLiteral("[[page:%1]]").arg(i + 1)});
    return heading(number, titles.at(number - 1)) +
           table({Tr::tr("Section"), Tr::tr("Page")}, rows, {85, 15});
}

constexpr QMarginsF kMarginsMm(18, 12, 18, 12);

} // namespace

QStringList caseReportSectionTitles()
{
    return QStringList{Tr::tr("Case report")} + numberedTitles();
}

QString caseReportHtml(const CaseReportData &data)
{
    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                                  "<body>\n")
                       .arg(esc(Tr::tr("Case report %1").arg(data.record.publicId)));
    html += coverHtml(data);
    QString summary;
    for (const QString &sentence : data.summary)
        summary += esc(sentence) + QLatin1Char(' ');
    html += QStringLiteral("<h1 style=\"page-break-before: always\"><a name=\"section-1\"></a>"
                           "1. %1</h1>\n<p>%2</p>\n")
                .arg(esc(numberedTitles().first()), summary.trimmed());
    html += contentsHtml(2);
    html += timelineSection(data, 3);
    html += reportsSection(data, 4);
    html += evidenceSection(data, 5);
    html += historySection(data, 6);
    html += decisionSection(data, 7);
    html += liabilitySection(data, 8);
    html += noticesSection(data, 9);
    html += auditSection(data, 10);
    html += signOffSection(data, 11);
    return html + QStringLiteral("</body></html>\n");
}

std::unique_ptr<QTextDocument> caseReportDocument(const CaseReportData &data, qreal width)
{
    auto document = std::make_unique<QTextDocument>();
    QFont font(documentFontFamily());
    font.setPointSizeF(9);
    // No ligatures: a PDF whose "fi" is one glyph does not give "findings" to a text search.
    font.setStyleStrategy(QFont::PreferNoShaping);
    document->setDefaultFont(font);
    document->setDefaultStyleSheet(styleSheet());
    document->setDocumentMargin(0);
    document->setMetaInformation(QTextDocument::DocumentTitle,
                                 Tr::tr("Case report %1").arg(data.record.publicId));
    auto *objects = new CaseReportObjects(data, document.get());
    objects->install();
    // A4 less the margins and the running head and foot, in 96-per-inch units: what the PDF
    // uses, and what the contents' page numbers are counted for.
    const QPageLayout a4(QPageSize(QPageSize::A4), QPageLayout::Portrait, kMarginsMm,
                         QPageLayout::Millimeter);
    const QSizeF printable = a4.paintRectPixels(kDocumentResolution).size();
    document->setPageSize(
        QSizeF(width > 0 ? width : printable.width(), printable.height() - 2 * kPageBand));
    document->setHtml(caseReportHtml(data));
    objects->replacePlaceholders();
    // Lay the whole document out again with the drawings in place before counting pages: the
    // incremental layout after the placeholders were replaced came out two pages shorter than
    // the one the PDF is painted from, and the contents named the wrong pages.
    document->setPageSize(document->pageSize());
    fillContentsPages(*document);
    return document;
}

Status printCaseReportDocument(QTextDocument &document, const CaseReportData &data,
                               QPagedPaintDevice *device)
{
    if (!device)
        return Error{Tr::tr("%1: no printer to print on").arg(data.record.publicId)};
    return paintDocumentPages(
        document, *device,
        {data.record.publicId,
         Tr::tr("Case report \u2014 %1")
             .arg(data.options.internalReader ? Tr::tr("internal") : Tr::tr("external copy")),
         Tr::tr("%1  \u00b7  generated %2").arg(data.record.publicId, shortTime(data.generatedAt))},
        data.record.publicId);
}

Status printCaseReport(const CaseReportData &data, QPagedPaintDevice *device)
{
    auto document = caseReportDocument(data);
    return printCaseReportDocument(*document, data, device);
}

Status writeCaseReportPdf(const CaseReportData &data, const QString &path)
{
    QPdfWriter writer(path);
    writer.setResolution(kDocumentResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, kMarginsMm,
                                     QPageLayout::Millimeter));
    writer.setTitle(Tr::tr("Case report %1").arg(data.record.publicId));
    writer.setCreator(QStringLiteral("Abuse Workbench"));
    auto document = caseReportDocument(data);
    const Status painted = printCaseReportDocument(*document, data, &writer);
    if (!painted)
        return Error{Tr::tr("%1: cannot write the PDF (%2)").arg(path, painted.error())};
    if (QFileInfo(path).size() <= 0)
        return Error{Tr::tr("%1: the PDF is empty (is the folder writable?)").arg(path)};
    return Status::success();
}

} // namespace Awb
