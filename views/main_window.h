#pragma once

#include "analysis/trust_settings.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QSettings;
class QSplitter;
class QTabWidget;

namespace Awb {

class AccountsPanel;
class AnalysisPanel;
class CasesPanel;
class DashboardPanel;
class CaseStore;
class MessageOverview;
class ReportPanel;
struct Finding;
struct ReportAnalysis;
class ImportController;
class ImportStatusWidget;
class MessageListModel;
class MessageListPanel;
class SourceViewer;
struct ImportSummary;

// The workbench window, four pages: the dashboard (what is due, what came in), the reports queue
// (the imported messages on top; below, the selected message's report, overview, Received chain and
// findings beside its raw source), the cases (grouping, merge, split, move), and the accounts
// (history and timeline). Imports run on a worker with their progress in the status bar; files and
// folders can be dropped anywhere.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a case database and shows its messages. On failure the window keeps
    // what it had and the error names the file and the reason.
    bool openDatabase(const QString &path, QString *error = nullptr);
    QString databasePath() const;

    void importPaths(const QStringList &paths);

    // The analysis settings for this session (the stored Settings > Networks by default; the
    // demo's own with --demo). Re-analyses the message on screen.
    void setTrustSettings(const TrustSettings &trust);

    MessageListModel *messageModel() const { return m_model; }
    MessageListPanel *messageList() const { return m_list; }
    SourceViewer *sourceViewer() const { return m_source; }
    AnalysisPanel *analysisPanel() const { return m_analysis; }
    ReportPanel *reportPanel() const { return m_report; }
    CasesPanel *casesPanel() const { return m_cases; }
    AccountsPanel *accountsPanel() const { return m_accounts; }
    DashboardPanel *dashboardPanel() const { return m_dashboard; }
    QTabWidget *pages() const { return m_pages; }

    // Asks for the analyst's name (case histories, notices and the audit log record it) and
    // stores it in [desk] analystName; false when the analyst cancelled.
    static bool askAnalystName(QWidget *parent, QSettings &settings);
    ImportController *importController() const { return m_imports; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void chooseDatabase();
    void chooseFilesToImport();
    void chooseFolderToImport();
    void showMessage(qint64 evidenceId);
    void showHopInSource(int hop);
    void showChosenPath();
    void showReportFromCase(qint64 evidenceId);
    void showCaseFromAccount(qint64 caseId);
    void reloadQueue();
    void showFindingInSource(const Finding &finding);
    // Where the message the analysis panel shows starts in the bytes on screen: 0 for the
    // message itself, the original's offset inside a report when it is stored verbatim, -1 when
    // it is not (an encoded attachment).
    qsizetype shownAnalysisOffset() const;
    void editNetworks();
    void onImportFinished(const ImportSummary &summary);
    void onImportFailed(const QString &message);
    void updateTitle();

    std::unique_ptr<CaseStore> m_store; // the window's own reading connection
    MessageListModel *m_model;
    MessageListPanel *m_list;
    SourceViewer *m_source;
    AnalysisPanel *m_analysis;
    ReportPanel *m_report;
    MessageOverview *m_overview;
    std::unique_ptr<ReportAnalysis> m_shownAnalysis; // of the message on screen
    QSplitter *m_splitter;
    QTabWidget *m_pages; // the queue, the cases, the accounts
    CasesPanel *m_cases;
    AccountsPanel *m_accounts;
    DashboardPanel *m_dashboard;
    QSplitter *m_detailSplitter;   // the analysis beside the raw source
    TrustSettings m_settingsTrust; // as set (Settings > Networks, or the demo's)
    TrustSettings m_trust;         // with our networks from the account directory added
    QByteArray m_shownBytes;       // the message on screen, to find its header fields
    ImportController *m_imports;
    ImportStatusWidget *m_importStatus;
};

} // namespace Awb
