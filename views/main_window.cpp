#include "main_window.h"

#include "import_controller.h"
#include "import_status_widget.h"
#include "message_list_panel.h"
#include "source/source_viewer.h"

#include "itemmodels/message_list_model.h"
#include "store/case_store.h"
#include "store/evidence_repository.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

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
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_imports(new ImportController(this))
    , m_importStatus(new ImportStatusWidget(this))
{
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_source);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);
    statusBar()->addPermanentWidget(m_importStatus);
    setAcceptDrops(true);
    createActions();

    connect(m_list, &MessageListPanel::currentMessageChanged, this, &MainWindow::showMessage);
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

    resize(1200, 800);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Case Database…"), this, &MainWindow::chooseDatabase);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *importFiles =
        file->addAction(tr("&Import Files…"), this, &MainWindow::chooseFilesToImport);
    importFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *importFolder =
        file->addAction(tr("Import &Folder…"), this, &MainWindow::chooseFolderToImport);
    importFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    QAction *cancel = file->addAction(tr("&Cancel Import"), m_imports, &ImportController::cancel);
    cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

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
    m_imports->setDatabasePath(m_store->path());
    m_source->setMessageBytes({});
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

void MainWindow::chooseDatabase()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Open or Create Case Database"), QFileInfo(databasePath()).absolutePath(),
        tr("Case databases (*.awbcase);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    QString error;
    if (!openDatabase(path, &error))
        QMessageBox::warning(this, tr("Cannot open case database"), error);
}

void MainWindow::chooseFilesToImport()
{
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Import Messages and Mailboxes"), QString(),
                                      tr("Mail (*.eml *.mbox *.msg *.txt);;All files (*)"));
    importPaths(files);
}

void MainWindow::chooseFolderToImport()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Import a Maildir or a Folder of Messages"));
    if (!folder.isEmpty())
        importPaths({folder});
}

void MainWindow::showMessage(qint64 evidenceId)
{
    if (evidenceId <= 0 || !m_store) {
        m_source->setMessageBytes({});
        return;
    }
    auto bytes = EvidenceRepository(*m_store).bytes(evidenceId);
    if (!bytes) {
        statusBar()->showMessage(bytes.error());
        m_source->setMessageBytes({});
        return;
    }
    m_source->setMessageBytes(*bytes);
}

void MainWindow::onImportFinished(const ImportSummary &summary)
{
    m_importStatus->showStopped();
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
