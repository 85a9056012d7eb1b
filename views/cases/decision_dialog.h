#pragma once

#include "enforcement/case_advice.h"

#include <QDateTime>
#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTreeWidget;

namespace Awb {

class CaseStore;

// Advise & Decide: what policy section 6.1 proposes for a case (the rule, every factor with its
// points and source, the clauses) beside the analyst's choice. Accepting records the proposal;
// any other action or length is an override and needs a reason before it can be recorded. For a
// termination with liability the analyst enters the charges of section 6.2 (the per-incident
// amount, at least USD 15) and the forfeitures of 6.3; amounts are read as exact cents.
class DecisionDialog : public QDialog
{
    Q_OBJECT

public:
    DecisionDialog(CaseStore &store, qint64 caseId, QString analyst, QWidget *parent = nullptr,
                   const QDateTime &now = {});

    bool hasAdvice() const { return m_advice.has_value(); }
    const CaseAdvice &advice() const { return *m_advice; }
    QString loadError() const { return m_loadError; }

    // The choice as the form holds it, and what is wrong with it (empty when it can be recorded).
    AnalystDecision decision() const;
    QString problem() const;
    // The recorded decision after accept(); nullopt before or on failure.
    const std::optional<RecordedDecision> &recorded() const { return m_recorded; }

    // For tests and keyboard users: the form's fields.
    QComboBox *actionBox() const { return m_action; }
    QSpinBox *daysBox() const { return m_days; }
    QPlainTextEdit *reasonBox() const { return m_reason; }
    QLineEdit *chargeField(const QString &kind) const;

public Q_SLOTS:
    void accept() override;

private:
    void showAdvice();
    void updateState();
    Result<DecisionRequest> request() const;

    CaseStore &m_store;
    QString m_analyst;
    QDateTime m_now;
    std::optional<CaseAdvice> m_advice;
    QString m_loadError;
    std::optional<RecordedDecision> m_recorded;

    QLabel *m_proposal;
    QTreeWidget *m_factors;
    QPlainTextEdit *m_explanation;
    QComboBox *m_action;
    QSpinBox *m_days;
    QPlainTextEdit *m_reason;
    QLabel *m_problem;
    QGroupBox *m_liability;
    QLineEdit *m_perIncident;
    QList<QPair<QString, QLineEdit *>> m_charges;
    QLineEdit *m_setup;
    QLineEdit *m_credits;
    QCheckBox *m_campaignIncident;
    QDialogButtonBox *m_buttons;
};

} // namespace Awb
