#pragma once

#include "enforcement/case_notice.h"

#include <QDateTime>
#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace Awb {

class CaseStore;

// The notice editor: pick a type (and, for the reporter, which report to answer), read the
// composed notice as the recipient will see it, edit its text if needed, and save it as an .eml
// or a PDF. Saving records the notice in the case with its exact bytes. Customer notices are
// redacted before they are shown: the analyst edits the redacted text, never the reporter's data.
class NoticeDialog : public QDialog
{
    Q_OBJECT

public:
    NoticeDialog(CaseStore &store, qint64 caseId, QString analyst, QWidget *parent = nullptr,
                 const QDateTime &now = {});

    void setType(const QString &type);
    // The notice as composed (nullopt with the reason in problem() when it cannot be).
    const std::optional<PreparedNotice> &prepared() const { return m_prepared; }
    QString problem() const { return m_problem; }
    QPlainTextEdit *textEditor() const { return m_text; }
    // Writes the notice (with the analyst's edits) to `path` (.eml or .pdf) and records it.
    Status saveTo(const QString &path);

private:
    void compose();
    void saveAs(const QString &suffix);
    // The notice with the edited text; its HTML is the edited text when the analyst changed it.
    ComposedNotice editedNotice() const;

    CaseStore &m_store;
    qint64 m_caseId;
    QString m_analyst;
    QDateTime m_now;
    std::optional<PreparedNotice> m_prepared;
    QString m_problem;

    QComboBox *m_type;
    QComboBox *m_report;
    QLineEdit *m_outcome;
    QLabel *m_status;
    QPlainTextEdit *m_text;
    QTextBrowser *m_preview;
    QPushButton *m_saveEml;
    QPushButton *m_savePdf;
};

} // namespace Awb
