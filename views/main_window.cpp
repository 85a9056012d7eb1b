#include "main_window.h"

#include "accounts/accounts_panel.h"
#include "cases/cases_panel.h"
#include "chain/analysis_panel.h"
#include "dashboard/dashboard_panel.h"
#include "import_controller.h"
#include "import_status_widget.h"
#include "itemmodels/message_filter_proxy.h"
#include "message_list_panel.h"
#include "network_settings_dialog.h"
#include "overview/message_overview.h"
#include "overview/source_view_data.h"
#include "report_panel.h"
#include "source/source_viewer.h"

#include "accounts/account_history.h"
#include "analysis/message_analysis.h"
#include "itemmodels/message_list_model.h"
#include "mail/mail_message.h"
#include "pipeline/import_pipeline.h"
#include "reports/report_analysis.h"
#include "store/case_store.h"
#include "store/desk_identity.h"
#include "store/evidence_repository.h"

#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace Awb {

namespace {

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

QString rejectionLine(const RejectionRecord &rejection)
{
    const QString where =
        rejection.index < 0
            ? rejection.path
            : MainWindow::tr("%1, message %2").arg(rejection.path).arg(rejection.index + 1);
    return where + QStringLiteral(": ") + rejection.reason;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new MessageListModel(this))
    , m_list(new MessageListPanel(m_model, this))
    , m_source(new SourceViewer(this))
    , m_analysis(new AnalysisPanel(this))
    , m_report(new ReportPanel(this))
    , m_overview(new MessageOverview(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_pages(new QTabWidget(this))
    , m_cases(new CasesPanel(this))
    , m_accounts(new AccountsPanel(this))
    , m_dashboard(new DashboardPanel(this))
    , m_detailSplitter(new QSplitter(Qt::Horizontal, this))
    , m_settingsTrust(NetworkSettingsDialog::storedTrustSettings())
    , m_trust(m_settingsTrust)
    , m_imports(new ImportController(this))
    , m_importStatus(new ImportStatusWidget(this))
{
    m_detailSplitter->addWidget(m_analysis);
    m_detailSplitter->addWidget(m_source);
    m_detailSplitter->setStretchFactor(0, 3);
    m_detailSplitter->setStretchFactor(1, 2);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_detailSplitter);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({260, 640});
    m_pages->addTab(m_splitter, tr("&Reports"));
    m_pages->addTab(m_cases, tr("&Cases"));
    m_pages->addTab(m_accounts, tr("&Accounts"));
    // The first screen of the day: what is due and what came in (issue 8).
    m_pages->insertTab(0, m_dashboard, tr("&Dashboard"));
    m_pages->setCurrentWidget(m_dashboard);
    m_pages->setDocumentMode(true);
    setCentralWidget(m_pages);
    m_accounts->setLookBackMonths(accountLookBackMonths(QSettings()));
    connect(m_cases, &CasesPanel::reportActivated, this, &MainWindow::showReportFromCase);
    connect(m_cases, &CasesPanel::casesChanged, this, &MainWindow::reloadQueue);
    connect(m_cases, &CasesPanel::casesChanged, m_dashboard, &DashboardPanel::reload);
    connect(m_accounts, &AccountsPanel::caseActivated, this, &MainWindow::showCaseFromAccount);
    // The case view's "Open Account Page": the accounts page reloads when shown, then shows it.
    connect(m_cases, &CasesPanel::accountActivated, this, [this](const QString &accountId) {
        m_pages->setCurrentWidget(m_accounts);
        m_accounts->showAccount(accountId);
    });
    connect(m_dashboard, &DashboardPanel::caseActivated, this, &MainWindow::showCaseFromAccount);
    connect(m_dashboard, &DashboardPanel::reportActivated, this, &MainWindow::showReportFromCase);
    connect(m_dashboard, &DashboardPanel::accountActivated, this, [this](const QString &id) {
        m_pages->setCurrentWidget(m_accounts);
        m_accounts->showAccount(id);
    });
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        // The other pages read the store when shown, so they see what imports added since.
        if (m_pages->widget(page) == m_cases)
            m_cases->reload();
        else if (m_pages->widget(page) == m_accounts)
            m_accounts->reload();
        else if (m_pages->widget(page) == m_dashboard)
            m_dashboard->reload();
    });
    statusBar()->addPermanentWidget(m_importStatus);
    setAcceptDrops(true);
    createActions();

    connect(m_list, &MessageListPanel::currentMessageChanged, this, &MainWindow::showMessage);
    connect(m_analysis, &AnalysisPanel::hopActivated, this, &MainWindow::showHopInSource);
    connect(m_report, &ReportPanel::pathChoiceChanged, this, &MainWindow::showChosenPath);
    connect(m_analysis, &AnalysisPanel::findingActivated, this, &MainWindow::showFindingInSource);
    connect(m_overview, &MessageOverview::sourceRangeActivated, m_source,
            &SourceViewer::selectBytes);
    m_analysis->tabs()->insertTab(0, m_report, tr("Report"));
    m_analysis->tabs()->insertTab(1, m_overview, tr("Overview"));
    m_analysis->tabs()->setCurrentIndex(0);
    connect(m_imports, &ImportController::started, m_importStatus,
            &ImportStatusWidget::showStarted);
    connect(m_imports, &ImportController::progressChanged, m_importStatus,
            &ImportStatusWidget::showProgress);
    connect(m_imports, &ImportController::messagesCommitted, m_model,
            &MessageListModel::appendSummaries);
    connect(m_imports, &ImportController::finished, this, &MainWindow::onImportFinished);
    connect(m_imports, &ImportController::failed, this, &MainWindow::onImportFailed);
    connect(m_importStatus, &ImportStatusWidget::cancelRequested, m_imports,
            &ImportController::cancel);

    m_imports->setTrustSettings(m_trust);
    resize(1400, 900);
    updateTitle();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openDatabase(const QString &path, QString *error)
{
    auto store = CaseStore::open(path);
    if (!store) {
        if (error)
            *error = store.error();
        return false;
    }
    if (Status loaded = m_model->reload(EvidenceRepository(**store)); !loaded) {
        if (error)
            *error = loaded.error();
        return false;
    }
    m_store = std::move(store.value());
    m_store->setActor(analystOrUser(QSettings()));
    m_trust = ImportPipeline::withAccountNetworks(m_settingsTrust, *m_store);
    m_imports->setDatabasePath(m_store->path());
    m_cases->setStore(m_store.get());
    m_cases->setTrustSettings(m_settingsTrust);
    m_accounts->setStore(m_store.get());
    m_dashboard->setStore(m_store.get());
    showMessage(0);
    QSettings().setValue(QStringLiteral("lastDatabase"), m_store->path());
    updateTitle();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_store->path())), 5000);
    return true;
}

QString MainWindow::databasePath() const
{
    return m_store ? m_store->path() : QString();
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (!m_store) {
        QMessageBox::warning(this, tr("No case database"),
                             tr("Open or create a case database before importing."));
        return;
    }
    m_imports->enqueue(paths);
}

void MainWindow::showMessage(qint64 evidenceId)
{
    m_shownBytes.clear();
    m_shownAnalysis.reset();
    if (evidenceId <= 0 || !m_store) {
        m_source->setMessageBytes({});
        m_analysis->clear();
        m_report->clear();
        m_overview->clear();
        return;
    }
    auto bytes = EvidenceRepository(*m_store).bytes(evidenceId);
    if (!bytes) {
        statusBar()->showMessage(bytes.error());
        m_source->setMessageBytes({});
        m_analysis->clear();
        return;
    }
    m_shownBytes = *bytes;
    m_source->setMessageBytes(m_shownBytes);
    // One message's analysis takes milliseconds (parse plus checks), so it runs here, with the
    // settings of now; the import pipeline analyses many messages off this thread and stores
    // what it concluded then.
    auto message = MailMessage::parse(m_shownBytes);
    if (!message) {
        m_analysis->clear();
        m_report->clear();
        statusBar()->showMessage(message.error());
        return;
    }
    const MessageSummary *summary = m_model->summaryAt(m_model->rowOfId(evidenceId));
    const QDateTime imported = summary ? summary->importedAt : QDateTime::currentDateTimeUtc();
    m_shownAnalysis = std::make_unique<ReportAnalysis>(analyzeReport(*message, m_trust, imported));
    m_report->setAnalysis(*m_shownAnalysis);
    m_overview->setTrustedAuthservIds(m_trust.trustedAuthservIds);
    m_source->setDecodedHeaders(decodedHeaderFields(*message));
    showChosenPath();
}

qsizetype MainWindow::shownAnalysisOffset() const
{
    if (!m_shownAnalysis)
        return -1;
    if (m_report->showsReportMessagePath() || !m_shownAnalysis->original)
        return 0;
    return originalOffsetInReport(m_shownAnalysis->report, m_shownBytes);
}

void MainWindow::showFindingInSource(const Finding &finding)
{
    const qsizetype base = shownAnalysisOffset();
    if (!finding.location.isValid() || base < 0)
        return;
    m_source->selectBytes(base + finding.location.offset, finding.location.length);
}

void MainWindow::showChosenPath()
{
    if (!m_shownAnalysis) {
        m_analysis->clear();
        return;
    }
    // For a report the path that matters is the original's: the report mail only shows how the
    // reporter reached us.
    const bool own = m_report->showsReportMessagePath() || !m_shownAnalysis->original;
    m_analysis->setAnalysis(own ? m_shownAnalysis->message : *m_shownAnalysis->original);
    // The overview follows the same choice: the reported message's links and attachments are
    // what the analyst needs, the report mail's only on request.
    auto overviewMessage =
        MailMessage::parse(own ? m_shownBytes : *m_shownAnalysis->report.originalBytes);
    if (overviewMessage)
        m_overview->setMessage(*overviewMessage);
    else
        m_overview->clear();
    // Mark the findings in the source when their bytes are the ones on screen.
    const QList<Finding> findings = m_analysis->findings();
    const QList<SourceMark> marks =
        own ? sourceMarksFromFindings(findings)
            : sourceMarksForOriginal(findings, m_shownAnalysis->report, m_shownBytes);
    m_source->setFindingMarks(marks);
}

void MainWindow::showHopInSource(int hop)
{
    if (!m_shownAnalysis)
        return;
    const bool own = m_report->showsReportMessagePath() || !m_shownAnalysis->original;
    const QByteArray &shownMessage = own ? m_shownBytes : *m_shownAnalysis->report.originalBytes;
    auto message = MailMessage::parse(shownMessage);
    if (!message)
        return;
    int index = 0;
    for (const RawHeaderField &field : message->rawHeaders()) {
        if (field.name.compare("Received", Qt::CaseInsensitive) != 0 || index++ != hop)
            continue;
        const qsizetype length = field.name.size() + 1 + field.rawValue.size();
        const qsizetype base = shownAnalysisOffset();
        if (base >= 0) {
            m_source->selectBytes(base + field.offset, length);
            return;
        }
        statusBar()->showMessage(
            tr("Hop %1 of the original does not stand byte for byte in the report (the "
               "original was decoded, or pasted and its line ends rewritten), so it cannot be "
               "shown in the source.")
                .arg(hop),
            5000);
        return;
    }
}

void MainWindow::showReportFromCase(qint64 evidenceId)
{
    m_pages->setCurrentWidget(m_splitter);
    QTableView *table = m_list->tableView();
    const int sourceRow = m_model->rowOfId(evidenceId);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_list->proxy()->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        statusBar()->showMessage(tr("The report is hidden by the queue's filters."), 5000);
        return;
    }
    table->setCurrentIndex(index);
    table->scrollTo(index);
}

void MainWindow::showCaseFromAccount(qint64 caseId)
{
    m_pages->setCurrentWidget(m_cases);
    m_cases->selectCase(caseId);
}

void MainWindow::reloadQueue()
{
    if (!m_store)
        return;
    const qint64 current = m_list->currentEvidenceId();
    if (Status loaded = m_model->reload(EvidenceRepository(*m_store)); !loaded)
        statusBar()->showMessage(loaded.error());
    if (current > 0)
        showReportFromCase(current);
}

void MainWindow::setTrustSettings(const TrustSettings &trust)
{
    m_settingsTrust = trust;
    m_trust = m_store ? ImportPipeline::withAccountNetworks(trust, *m_store) : trust;
    m_imports->setTrustSettings(trust); // the pipeline adds the account networks itself
    m_cases->setTrustSettings(trust);
    showMessage(m_list->currentEvidenceId());
}

void MainWindow::onImportFinished(const ImportSummary &summary)
{
    m_importStatus->showStopped();
    m_dashboard->reload();
    QString text = tr("Imported %n new message(s)", nullptr, summary.imported) +
                   QStringLiteral(", ") + tr("%n duplicate(s)", nullptr, summary.duplicates) +
                   QStringLiteral(", ") + tr("%n rejected", nullptr, int(summary.rejected.size()));
    if (summary.cancelled)
        text += tr(" (cancelled)");
    statusBar()->showMessage(text);
    if (summary.rejected.isEmpty())
        return;
    // Rejections are shown, never swallowed: the analyst must know which inputs did not land.
    QStringList lines;
    for (const RejectionRecord &rejection : summary.rejected)
        lines << rejectionLine(rejection);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Some inputs were rejected"),
                                tr("%n input(s) could not be imported; the rest were.", nullptr,
                                   int(summary.rejected.size())),
                                QMessageBox::Ok, this);
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("rejectionsBox"));
    box->open();
}

void MainWindow::onImportFailed(const QString &message)
{
    m_importStatus->showStopped();
    statusBar()->showMessage(tr("Import failed: %1").arg(message));
    QMessageBox::critical(this, tr("Import failed"), message);
}

void MainWindow::updateTitle()
{
    const QString name = m_store ? QFileInfo(m_store->path()).fileName() : tr("no case database");
    setWindowTitle(tr("%1 — Abuse Workbench").arg(name));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    importPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Cancelling keeps what was committed; the controller's destructor waits for the worker.
    m_imports->cancel();
    event->accept();
}

} // namespace Awb
