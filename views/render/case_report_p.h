#pragma once

#include "enforcement/case_report_data.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QTextDocument;
QT_END_NAMESPACE

// Helpers of the case report's HTML, shared by case_report_html.cpp and
// case_report_sections.cpp.
namespace Awb::CaseReportHtml {

// Every visible string of the case report is translated in this one context.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseReport)
};

QString esc(const QString &text);
// "2026-11-09 17:04 HKT": short enough for one table line.
QString shortTime(const QDateTime &at);
// "Fri 27 Nov 2026 14:30 HKT (06:30 UTC)" for running text; "-" when invalid.
QString longTime(const QDateTime &at);
// A numbered section heading with its anchor: "<h1><a name=...>4. Evidence</a></h1>".
QString heading(int number, const QString &title);
// A table: header cells, then rows of cells already escaped (HTML).
QString table(const QStringList &headers, const QList<QStringList> &rows,
              const QList<int> &widths = {});
// Two columns, key and value (both already HTML).
QString keyValues(const QList<QPair<QString, QString>> &pairs);
QString mono(const QString &text);
QString actionLabel(const QString &action, int days);

QString timelineSection(const CaseReportData &data, int number);
QString reportsSection(const CaseReportData &data, int number);
QString evidenceSection(const CaseReportData &data, int number);
QString historySection(const CaseReportData &data, int number);
QString decisionSection(const CaseReportData &data, int number);
QString liabilitySection(const CaseReportData &data, int number);
QString noticesSection(const CaseReportData &data, int number);
QString auditSection(const CaseReportData &data, int number);
QString signOffSection(const CaseReportData &data, int number);

// Writes each section's page into the contents table's "[[page:N]]" cells, for the document's
// current page size.
void fillContentsPages(QTextDocument &document);

} // namespace Awb::CaseReportHtml
