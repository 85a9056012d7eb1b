// The window's menus and the dialogs they open: File (open, import, cancel, quit), View (the
// pages), Settings (networks, the analyst's name).
#include "main_window.h"

#include "accounts/accounts_panel.h"
#include "cases/cases_panel.h"
#include "dashboard/dashboard_panel.h"
#include "import_controller.h"
#include "network_settings_dialog.h"

#include "store/case_store.h"
#include "store/desk_identity.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

#include <tuple>

namespace Awb {

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

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const std::tuple<QString, QKeySequence, QWidget *> pages[] = {
        {tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_0), m_dashboard},
        {tr("&Reports Queue"), QKeySequence(Qt::CTRL | Qt::Key_1), m_splitter},
        {tr("&Cases"), QKeySequence(Qt::CTRL | Qt::Key_2), m_cases},
        {tr("&Accounts"), QKeySequence(Qt::CTRL | Qt::Key_3), m_accounts}};
    for (const auto &[label, shortcut, page] : pages) {
        QAction *action =
            view->addAction(label, this, [this, page = page] { m_pages->setCurrentWidget(page); });
        action->setShortcut(shortcut);
    }

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Networks…"), this, &MainWindow::editNetworks);
    settings->addAction(tr("&DKIM Keys…"), this, [this] {
        NetworkSettingsDialog dialog(this);
        dialog.showDkimKeys();
        // The dialog has applied the keys; the message on screen is analysed again with them.
        if (dialog.exec() == QDialog::Accepted)
            setTrustSettings(NetworkSettingsDialog::storedTrustSettings());
    });
    settings->addAction(tr("&Analyst Name…"), this, [this] {
        QSettings stored;
        if (askAnalystName(this, stored) && m_store)
            m_store->setActor(analystOrUser(stored));
    });
}

bool MainWindow::askAnalystName(QWidget *parent, QSettings &settings)
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        parent, tr("Analyst Name"),
        tr("Your name as case histories, notices and the audit log will record it:"),
        QLineEdit::Normal, analystOrUser(settings), &ok);
    if (!ok || name.trimmed().isEmpty())
        return false;
    setAnalystName(settings, name);
    return true;
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

void MainWindow::editNetworks()
{
    NetworkSettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        setTrustSettings(NetworkSettingsDialog::storedTrustSettings());
}

} // namespace Awb
