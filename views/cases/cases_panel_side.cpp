// The selected case's side of the cases view: its fields with the owner and notes editors, and
// the matched account's history beside the evidence (AccountHistoryView, the account page's).
#include "cases/cases_panel.h"

#include "accounts/account_history.h"
#include "accounts/account_history_view.h"
#include "enforcement/case_deadlines.h"
#include "itemmodels/case_list_model.h"
#include "policy/hong_kong_time.h"
#include "store/case_repository.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace Awb {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                          : QString();
}

} // namespace

QWidget *CasesPanel::buildDetails()
{
    // The fields of the selected case: read-only labels, replaced on selection, and the two the
    // analyst edits here, the owner and the notes.
    auto *details = new QWidget(this);
    auto *form = new QFormLayout(details);
    form->setContentsMargins(0, 0, 0, 0);
    const QString names[] = {tr("Case:"),   tr("Account:"),      tr("Kind:"),
                             tr("Status:"), tr("Severity:"),     tr("Policy version:"),
                             tr("Opened:"), tr("Response due:"), tr("Deadlines:")};
    for (const QString &name : names) {
        auto *value = new QLabel(details);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(name, value);
        m_fields.append(value);
    }
    m_ownerEdit = new QLineEdit(details);
    m_ownerEdit->setObjectName(QStringLiteral("caseOwner"));
    m_ownerEdit->setPlaceholderText(tr("nobody"));
    m_notesEdit = new QPlainTextEdit(details);
    m_notesEdit->setObjectName(QStringLiteral("caseNotes"));
    m_notesEdit->setPlaceholderText(tr("Notes of the desk about this case"));
    m_notesEdit->setTabChangesFocus(true);
    m_notesEdit->setMinimumHeight(3 * m_notesEdit->fontMetrics().lineSpacing());
    m_save = new QPushButton(tr("Save Owner and Notes"), details);
    m_save->setObjectName(QStringLiteral("saveCase"));
    form->addRow(tr("Owner:"), m_ownerEdit);
    form->addRow(tr("Notes:"), m_notesEdit);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    form->addRow(QString(), saveRow);
    connect(m_ownerEdit, &QLineEdit::textChanged, this, &CasesPanel::updateSave);
    connect(m_notesEdit, &QPlainTextEdit::textChanged, this, &CasesPanel::updateSave);
    connect(m_ownerEdit, &QLineEdit::returnPressed, this, &CasesPanel::saveAction);
    connect(m_save, &QPushButton::clicked, this, &CasesPanel::saveAction);
    return details;
}

QWidget *CasesPanel::buildAccountPane()
{
    m_accountView = new AccountHistoryView(this);
    m_accountView->setObjectName(QStringLiteral("caseAccountHistory"));
    m_accountView->setDetailsVisible(false);
    m_openAccount = new QPushButton(tr("Open Account Page"), m_accountView);
    m_openAccount->setObjectName(QStringLiteral("openAccountPage"));
    connect(m_openAccount, &QPushButton::clicked, this, [this] {
        if (!m_shownAccount.isEmpty())
            Q_EMIT accountActivated(m_shownAccount);
    });
    m_accountView->addHeaderWidget(m_openAccount);
    // A case of the same account, activated in its history, is selected here.
    connect(m_accountView, &AccountHistoryView::caseActivated, this,
            [this](qint64 caseId) { selectCase(caseId); });
    return m_accountView;
}

void CasesPanel::showAccount(const CaseRecord *record)
{
    m_shownAccount.clear();
    m_openAccount->setEnabled(false);
    if (!record) {
        m_accountView->clear(tr("No case selected"));
        return;
    }
    if (record->accountId.isEmpty()) {
        m_accountView->clear(
            tr("Unattributed case: no account held its origin %1 when the mail was sent. Move "
               "its reports to an account's case once the holder is known.")
                .arg(record->originKey.isEmpty() ? tr("(unknown)") : record->originKey));
        return;
    }
    Result<AccountHistory> history = loadAccountHistory(
        *m_store, record->accountId, m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(),
        m_lookBackMonths);
    if (!history) {
        m_accountView->clear(
            tr("The history of %1 could not be read: %2").arg(record->accountId, history.error()));
        return;
    }
    m_accountView->setHistory(*history);
    m_shownAccount = record->accountId;
    m_openAccount->setEnabled(true);
}

void CasesPanel::showFields(const CaseRecord *record)
{
    m_savedOwner = record ? record->owner : QString();
    m_savedNotes = record ? record->notes : QString();
    {
        // Filling the editors is not an edit.
        const QSignalBlocker ownerBlocker(m_ownerEdit);
        const QSignalBlocker notesBlocker(m_notesEdit);
        m_ownerEdit->setText(m_savedOwner);
        m_notesEdit->setPlainText(m_savedNotes);
    }
    // A merged case is closed for good: its notes stay as they were.
    const bool editable = record && record->mergedInto.isEmpty();
    m_ownerEdit->setEnabled(editable);
    m_notesEdit->setEnabled(editable);
    updateSave();
    if (!record) {
        for (QLabel *field : std::as_const(m_fields))
            field->clear();
        return;
    }
    QString status = CaseListModel::statusLabel(record->status);
    if (!record->mergedInto.isEmpty())
        status = tr("%1 (merged into %2)").arg(status, record->mergedInto);
    const QString values[] = {record->publicId,
                              record->accountId.isEmpty()
                                  ? tr("(unattributed; origin %1)").arg(record->originKey)
                                  : record->accountId,
                              record->kind,
                              status,
                              record->severity,
                              record->policyVersion,
                              timeText(record->openedAt),
                              timeText(record->responseDue),
                              deadlinesText(record->id)};
    for (int i = 0; i < m_fields.size(); ++i)
        m_fields.at(i)->setText(values[i]);
}

QString CasesPanel::deadlinesText(qint64 caseId) const
{
    Result<QList<CaseDeadline>> deadlines = loadCaseDeadlines(*m_store, caseId, m_now);
    if (!deadlines)
        return tr("(could not be computed: %1)").arg(deadlines.error());
    QStringList lines;
    QString calendar;
    for (const CaseDeadline &item : *deadlines) {
        // The state leads, in words, so that "OVERDUE" reads in any theme and on paper.
        lines.append(
            tr("%1: %2, %3")
                .arg(item.state.toUpper(), item.label, formatHongKongAndUtc(item.deadline.due)));
        if (!item.deadline.calendarVersion.isEmpty())
            calendar = item.deadline.calendarVersion;
        if (!item.deadline.calendarNote.isEmpty())
            lines.append(QStringLiteral("  ") + item.deadline.calendarNote);
    }
    if (!calendar.isEmpty())
        lines.append(tr("Business days counted on: %1").arg(calendar));
    return lines.isEmpty() ? tr("none") : lines.join(QLatin1Char('\n'));
}

void CasesPanel::updateSave()
{
    const bool changed =
        m_ownerEdit->text().trimmed() != m_savedOwner || m_notesEdit->toPlainText() != m_savedNotes;
    m_save->setEnabled(m_ownerEdit->isEnabled() && changed);
}

} // namespace Awb
