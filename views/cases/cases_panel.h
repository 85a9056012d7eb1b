#pragma once

#include "analysis/trust_settings.h"
#include "cases/case_assigner.h"
#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace Awb {

class AccountHistoryView;
class CaseListModel;
class CaseReportModel;
class CaseStore;
struct CaseRecord;

// The cases view: the case list (sorted by what is due first, filtered by status), and for the
// selected case its fields (owner and notes editable), its reports with the reason each is
// there, and beside the reports the matched account's history (AccountHistoryView, the account
// page's: status, confirmed offences in the look-back window with the rule, prior cases,
// notices, suspensions, terminations, blacklistings, the timeline) or, for an unattributed
// case, the origin that keys it; and the case's own history. Plus the analyst's actions (group
// new reports, merge, split, move, set status).
//
// Every write goes through CaseRepository and names the analyst (analyst()). Merge, split, move
// and status need a reason; the write functions below return the error instead of showing it,
// so that tests call them with a reason; the actions only ask for the target and the reason,
// call them, and show a failure in a message box. Owner and notes are saved with "Save".
class CasesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CasesPanel(QWidget *parent = nullptr);
    ~CasesPanel() override;

    // Borrowed; must outlive the panel or be replaced first. nullptr empties the view.
    void setStore(CaseStore *store);
    // The analysis settings that "Group New Reports" correlates with (the window's).
    void setTrustSettings(const TrustSettings &trust);
    // Reads the cases again, keeping the selected case selected when it still exists.
    void reload();
    // The "as of" time of the account history beside a case; invalid (the default) means the
    // current time. Tests fix it.
    void setNow(const QDateTime &now);
    // The account history's look-back window (default: accountLookBackMonths() of the settings).
    void setLookBackMonths(int months);

    // Who the case history names: [desk] analystName (analystName()), else the OS user name.
    static QString analyst();

    qint64 selectedCaseId() const; // 0 when none
    bool selectCase(qint64 caseId);
    QList<qint64> selectedReportIds() const; // evidence ids, in list order
    // The row id of a loaded case by its public id; 0 when none is loaded.
    qint64 caseIdOfPublicId(const QString &publicId) const;

    QTableView *caseView() const { return m_caseView; }
    QTableView *reportView() const { return m_reportView; }
    QTreeWidget *eventView() const { return m_events; }
    CaseListModel *caseModel() const { return m_caseModel; }
    CaseReportModel *reportModel() const { return m_reportModel; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    AccountHistoryView *accountView() const { return m_accountView; }
    QPushButton *openAccountButton() const { return m_openAccount; }
    QLineEdit *ownerEdit() const { return m_ownerEdit; }
    QPlainTextEdit *notesEdit() const { return m_notesEdit; }
    QPushButton *saveButton() const { return m_save; }

    // The writes behind the actions. Each refuses an empty reason and without a store, and
    // reloads the view (and emits casesChanged) after a successful write.
    Result<CaseAssignmentSummary> groupNewReports();
    // "Grouped reports: 12; new cases: 7; ..." for the status line.
    static QString groupingText(const CaseAssignmentSummary &summary);
    Status mergeCases(qint64 into, qint64 from, const QString &why);
    Result<qint64> splitReports(const QList<qint64> &evidenceIds, const QString &why);
    Status moveReport(qint64 evidenceId, qint64 toCase, const QString &why);
    Status setCaseStatus(const QString &status, const QString &why);
    // Writes the owner and notes of the selected case as the editors hold them (only what
    // changed; CaseRepository records an event for each change).
    Status saveOwnerAndNotes();

Q_SIGNALS:
    void reportActivated(qint64 evidenceId);         // a report was double-clicked
    void accountActivated(const QString &accountId); // "Open Account Page" of the matched account
    void casesChanged(); // a write changed the cases (the queue may show them)
    // Group New Reports, which runs on a worker, is done (also when it failed).
    void groupingFinished();

private:
    void buildActions(QLayout *bar);
    void setStatusFilter(int comboIndex);
    void showSelectedCase();
    void showFields(const CaseRecord *record);
    void showEvents(const CaseRecord *record);
    void showAccount(const CaseRecord *record);
    void updateSave();
    QString deadlinesText(qint64 caseId) const;
    QWidget *buildDetails();
    QWidget *buildAccountPane();
    void updateActions();
    Status checkWrite(const QString &why) const;
    void afterWrite(qint64 keepCaseId);

    // The dialog halves of the actions.
    void groupAction();
    void mergeAction();
    void splitAction();
    void moveAction();
    void statusAction();
    void decideAction();
    void noticeAction();
    // The printable case report (case_report_actions.cpp): data loaded off the GUI thread.
    void printReportAction();
    void previewReportAction();
    void exportReportAction();
    void saveAction();
    bool askReason(const QString &title, QString *why);
    qint64 askTargetCase(const QString &title, const QString &label);
    void showFailure(const QString &title, const QString &error);

    CaseStore *m_store = nullptr;
    TrustSettings m_trust;
    QDateTime m_now;
    int m_lookBackMonths = 12;
    QString m_savedOwner; // the selected case's owner and notes as stored
    QString m_savedNotes;
    CaseListModel *m_caseModel;
    QSortFilterProxyModel *m_caseProxy;
    CaseReportModel *m_reportModel;
    QComboBox *m_statusFilter;
    QTableView *m_caseView;
    QTableView *m_reportView;
    QTreeWidget *m_events;
    QList<QLabel *> m_fields; // one value label per read-only field, in the form's order
    QLineEdit *m_ownerEdit = nullptr;
    QPlainTextEdit *m_notesEdit = nullptr;
    QPushButton *m_save = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    AccountHistoryView *m_accountView = nullptr;
    QPushButton *m_openAccount = nullptr;
    QString m_shownAccount; // the account whose history is shown, empty when none
    QLabel *m_message;      // the outcome of the last action, or the last load error
    QPushButton *m_group = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_split = nullptr;
    QPushButton *m_move = nullptr;
    QPushButton *m_status = nullptr;
    QPushButton *m_decide = nullptr;
    QPushButton *m_notice = nullptr;
    QPushButton *m_printReport = nullptr;
    QPushButton *m_previewReport = nullptr;
    QPushButton *m_exportReport = nullptr;
};

} // namespace Awb
