// Print, Print Preview and Export PDF of the selected case's report.
//
// What runs where: loading the data (every stored original re-analysed, the account history,
// the audit chain walked) can take seconds for a large case, so it runs in a worker thread on a
// connection of its own (a CaseStore is one connection per thread; WAL lets it read while the
// window's connection stays usable). Export PDF lays the document out and writes the PDF in
// that worker too: QTextDocument, QPdfWriter and QPainter are reentrant and the worker owns all
// three. Print and Print Preview hand the loaded data back to the GUI thread, because the
// QPrinter belongs to the dialogs there; the layout for the printer then runs on the GUI thread
// (a fraction of the load time).
#include "cases/cases_panel.h"

#include "enforcement/case_report_data.h"
#include "pipeline/import_pipeline.h"
#include "render/case_report.h"
#include "render/paged_document.h"
#include "store/case_store.h"

#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace Awb {

namespace {

using ReportDone = std::function<void(const Result<CaseReportData> &)>;
using ReportWork = std::function<Status(const CaseReportData &)>;

// Loads the report's data in a worker (then runs `work` there, when given) with a busy
// indicator, and calls `done` on the GUI thread.
void loadReportInWorker(QWidget *parent, const QString &dbPath, qint64 caseId,
                        const CaseReportOptions &options, const QString &label, ReportWork work,
                        ReportDone done)
{
    auto result = std::make_shared<std::optional<Result<CaseReportData>>>();
    QThread *thread = QThread::create([=] {
        Result<std::unique_ptr<CaseStore>> store = CaseStore::open(dbPath);
        if (!store) {
            result->emplace(Error{store.error()});
            return;
        }
        CaseReportOptions withAccounts = options;
        withAccounts.trust = ImportPipeline::withAccountNetworks(options.trust, **store);
        Result<CaseReportData> data = loadCaseReportData(**store, caseId, withAccounts);
        if (data && work) {
            const Status worked = work(*data);
            if (!worked) {
                result->emplace(Error{worked.error()});
                return;
            }
        }
        result->emplace(std::move(data));
    });
    auto *progress = new QProgressDialog(label, QString(), 0, 0, parent);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    // The thread deletes itself when done, whether or not the panel is still there to hear it.
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, parent, [=] {
        progress->close();
        progress->deleteLater();
        if (result->has_value())
            done(**result);
        else
            done(Error{QObject::tr("The case report could not be made.")});
    });
    thread->start();
}

// Laid out as the PDF is, at the document's resolution: the same pages, breaks and font sizes;
// text and drawings stay vectors whatever the printer's resolution.
void preparePrinter(QPrinter &printer)
{
    printer.setResolution(kDocumentResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
}

} // namespace

void CasesPanel::printReportAction()
{
    const qint64 caseId = selectedCaseId();
    if (!m_store || caseId == 0)
        return;
    CaseReportOptions options{m_now, true, m_lookBackMonths, m_trust};
    loadReportInWorker(this, m_store->path(), caseId, options, tr("Preparing the case report…"), {},
                       [this](const Result<CaseReportData> &data) {
                           if (!data) {
                               showFailure(tr("Print"), data.error());
                               return;
                           }
                           QPrinter printer(QPrinter::HighResolution);
                           preparePrinter(printer);
                           printer.setDocName(tr("Case report %1").arg(data->record.publicId));
                           QPrintDialog dialog(&printer, this);
                           if (dialog.exec() != QDialog::Accepted)
                               return;
                           const Status printed = printCaseReport(*data, &printer);
                           if (!printed)
                               showFailure(tr("Print"), printed.error());
                       });
}

void CasesPanel::previewReportAction()
{
    const qint64 caseId = selectedCaseId();
    if (!m_store || caseId == 0)
        return;
    CaseReportOptions options{m_now, true, m_lookBackMonths, m_trust};
    loadReportInWorker(this, m_store->path(), caseId, options, tr("Preparing the case report…"), {},
                       [this](const Result<CaseReportData> &data) {
                           if (!data) {
                               showFailure(tr("Print Preview"), data.error());
                               return;
                           }
                           QPrinter printer(QPrinter::HighResolution);
                           preparePrinter(printer);
                           QPrintPreviewDialog dialog(&printer, this);
                           dialog.setWindowTitle(tr("Case report %1").arg(data->record.publicId));
                           const CaseReportData &shown = *data;
                           connect(&dialog, &QPrintPreviewDialog::paintRequested, this,
                                   [this, &shown](QPrinter *target) {
                                       const Status printed = printCaseReport(shown, target);
                                       if (!printed)
                                           showFailure(tr("Print Preview"), printed.error());
                                   });
                           dialog.exec();
                       });
}

void CasesPanel::exportReportAction()
{
    const qint64 caseId = selectedCaseId();
    if (!m_store || caseId == 0)
        return;
    // The readership is chosen with the file type: the desk's copy names the reporters; the copy
    // for the customer or their counsel replaces them with the desk's tokens, as notices do.
    const QString internal = tr("Case report for the desk (*.pdf)");
    const QString external =
        tr("Case report for the customer or counsel, reporters redacted (*.pdf)");
    QString chosen = internal;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the Case Report"), QString(),
                                     internal + QStringLiteral(";;") + external, &chosen);
    if (path.isEmpty())
        return;
    CaseReportOptions options{m_now, chosen != external, m_lookBackMonths, m_trust};
    loadReportInWorker(
        this, m_store->path(), caseId, options, tr("Writing the case report…"),
        [path](const CaseReportData &data) { return writeCaseReportPdf(data, path); },
        [this, path](const Result<CaseReportData> &data) {
            if (!data) {
                showFailure(tr("Export PDF"), data.error());
                return;
            }
            m_message->setText(
                tr("Wrote the case report of %1 to %2.").arg(data->record.publicId, path));
        });
}

} // namespace Awb
