#include "report_panel.h"

#include "reports/report_analysis.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Awb {

namespace {

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                          : ReportPanel::tr("not stated");
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

QString mark(bool ok)
{
    // A word as well as a sign, so the meaning survives black-and-white print and screen readers.
    return ok ? ReportPanel::tr("&#10003; yes") : ReportPanel::tr("&#10007; no");
}

QString formatName(const Report &report)
{
    QString name = reportFormatKey(report.format).toUpper();
    if (!report.formatVersion.isEmpty())
        name += QLatin1Char(' ') + report.formatVersion;
    return name;
}

} // namespace

ReportPanel::ReportPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_ownPath(new QCheckBox(tr("Show the path of the report message itself, not of the "
                                 "reported original"),
                              this))
    , m_fields(new QTableWidget(this))
{
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_fields->setColumnCount(3);
    m_fields->setHorizontalHeaderLabels(
        {tr("Field"), tr("Value (as the reporter wrote it)"), tr("Read from")});
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fields->setWordWrap(false);
    connect(m_ownPath, &QCheckBox::toggled, this, &ReportPanel::pathChoiceChanged);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_ownPath);
    layout->addWidget(m_fields, 1);
    clear();
}

bool ReportPanel::showsReportMessagePath() const
{
    return m_ownPath->isChecked();
}

QString ReportPanel::summaryText() const
{
    QTextDocument document;
    document.setHtml(m_summary->text());
    return document.toPlainText();
}

void ReportPanel::clear()
{
    m_summary->setText(tr("No message selected."));
    m_ownPath->hide();
    m_fields->setRowCount(0);
}

void ReportPanel::setAnalysis(const ReportAnalysis &analysis)
{
    const Report &report = analysis.report;
    QString html = QStringLiteral("<table>");
    if (report.format == ReportFormat::Message) {
        html += row(tr("Format"), tr("a plain message, not a report of a known format"));
    } else {
        html += row(tr("Format"), formatName(report).toHtmlEscaped());
        html += row(tr("Reporter"), report.reporter.toHtmlEscaped());
        if (!report.feedbackType.isEmpty())
            html += row(tr("Type"), report.feedbackType.toHtmlEscaped());
        const MessageAnalysis *original = analysis.original ? &*analysis.original : nullptr;
        QString source = report.sourceIp.isEmpty() ? tr("not stated") : report.sourceIp;
        if (original && !report.sourceIp.isEmpty() && !original->chain.origin.ip.isEmpty()) {
            source += report.sourceIp == original->chain.origin.ip
                          ? tr(" — the original's chain shows the same origin")
                          : tr(" — the original's chain shows %1").arg(original->chain.origin.ip);
        }
        html += row(tr("Source IP (claimed)"), source.toHtmlEscaped());
        html += row(tr("Arrival (claimed)"), utc(report.arrivalDate).toHtmlEscaped());
        const ReportCompleteness &c = analysis.completeness;
        html +=
            row(tr("Section V"),
                tr("%1<br>full headers %2 · complete copy %3 · receipt time %4 · "
                   "description %5")
                    .arg(c.summary().toHtmlEscaped(), mark(c.fullHeaders), mark(c.completeMessage),
                         mark(c.receiptTimestamp), mark(c.description)));
    }
    html += row(tr("Received by us"), (utc(analysis.receipt.at) + QStringLiteral(" (") +
                                       analysis.receipt.explanation + QLatin1Char(')'))
                                          .toHtmlEscaped());
    if (report.format != ReportFormat::Message) {
        html += row(tr("Respond by"), tr("%1 (72 hours from receipt, policy section V)")
                                          .arg(utc(analysis.responseDeadline))
                                          .toHtmlEscaped());
    }
    for (const QString &problem : report.problems)
        html += row(tr("Could not read"), problem.toHtmlEscaped());
    for (const Finding &f : analysis.reportFindings) {
        html += row(tr("Finding"), QStringLiteral("[%1] %2 — %3 (policy %4)")
                                       .arg(severityName(f.severity), f.title, f.evidence, f.clause)
                                       .toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_summary->setText(html);
    m_ownPath->setVisible(analysis.original.has_value());

    m_fields->setRowCount(int(report.fields.size()));
    for (int i = 0; i < report.fields.size(); ++i) {
        const ReportField &field = report.fields.at(i);
        const QString values[] = {field.name, field.value, field.source};
        for (int column = 0; column < 3; ++column) {
            auto *item = new QTableWidgetItem(values[column].simplified());
            item->setToolTip(values[column]);
            m_fields->setItem(i, column, item);
        }
    }
    m_fields->setVisible(!report.fields.isEmpty());
    m_fields->resizeColumnToContents(0);
}

} // namespace Awb
