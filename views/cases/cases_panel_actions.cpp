// The analyst's actions of the cases view: the writes (which tests call with a reason) and the
// thin dialog layer that asks for a target and a reason and shows what failed.
#include "cases/cases_panel.h"
#include "cases/decision_dialog.h"
#include "cases/notice_dialog.h"

#include "itemmodels/case_list_model.h"
#include "itemmodels/case_report_model.h"
#include "store/account_repository.h"
#include "store/case_repository.h"
#include "store/case_store.h"
#include "store/desk_identity.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QThread>

#include <memory>
#include <optional>

namespace Awb {

QString CasesPanel::analyst()
{
    return analystOrUser(QSettings());
}

Status CasesPanel::checkWrite(const QString &why) const
{
    if (!m_store)
        return Error{tr("No case database is open.")};
    // The history is the desk's record of why a case changed; a change without a reason is not
    // recorded at all.
    if (why.trimmed().isEmpty())
        return Error{tr("A reason is required: the case history records why every change was "
                        "made.")};
    return {};
}

void CasesPanel::afterWrite(qint64 keepCaseId)
{
    reload();
    if (keepCaseId != 0)
        selectCase(keepCaseId);
    Q_EMIT casesChanged();
}

QString CasesPanel::groupingText(const CaseAssignmentSummary &summary)
{
    QString text = tr("Grouped reports: %1; new cases: %2; added to open cases: %3; messages not "
                      "grouped: %4.")
                       .arg(summary.placements.size())
                       .arg(summary.newCaseIds.size())
                       .arg(summary.additions.size())
                       .arg(summary.notGrouped.size());
    // Cases grouped before the account directory knew their addresses.
    if (!summary.casesAttributed.isEmpty()) {
        QStringList cases;
        for (const CaseAttributed &a : summary.casesAttributed)
            cases << tr("%1 to %2").arg(a.publicId, a.accountId);
        text +=
            QLatin1Char(' ') +
            tr("Attributed by the account directory: %1.").arg(cases.join(QStringLiteral(", ")));
    }
    return text;
}

Result<CaseAssignmentSummary> CasesPanel::groupNewReports()
{
    if (!m_store)
        return Error{tr("No case database is open.")};
    // Grouping writes its own reasons (what matched) and needs none from the analyst.
    CaseSettings settings = CaseSettings::fromSettings(QSettings());
    settings.analyst = analyst();
    const AccountRepository accounts(*m_store);
    Result<CaseAssignmentSummary> summary =
        assignNewReports(*m_store, correlationAttribution(*m_store, accounts, m_trust), settings);
    if (!summary)
        return summary;
    m_message->setText(groupingText(*summary));
    afterWrite(selectedCaseId());
    return summary;
}

Status CasesPanel::mergeCases(qint64 into, qint64 from, const QString &why)
{
    if (Status ok = checkWrite(why); !ok)
        return ok;
    Status merged = CaseRepository(*m_store).merge(into, from, analyst(), why.trimmed());
    if (merged)
        afterWrite(into);
    return merged;
}

Result<qint64> CasesPanel::splitReports(const QList<qint64> &evidenceIds, const QString &why)
{
    if (Status ok = checkWrite(why); !ok)
        return Error{ok.error()};
    const qint64 from = selectedCaseId();
    if (from == 0)
        return Error{tr("No case is selected.")};
    Result<qint64> created =
        CaseRepository(*m_store).split(from, evidenceIds, analyst(), why.trimmed());
    if (created)
        afterWrite(created.value());
    return created;
}

Status CasesPanel::moveReport(qint64 evidenceId, qint64 toCase, const QString &why)
{
    if (Status ok = checkWrite(why); !ok)
        return ok;
    Status moved = CaseRepository(*m_store).move(evidenceId, toCase, analyst(), why.trimmed());
    if (moved)
        afterWrite(selectedCaseId());
    return moved;
}

Status CasesPanel::setCaseStatus(const QString &status, const QString &why)
{
    if (Status ok = checkWrite(why); !ok)
        return ok;
    const qint64 caseId = selectedCaseId();
    if (caseId == 0)
        return Error{tr("No case is selected.")};
    Status changed = CaseRepository(*m_store).setStatus(caseId, status, analyst(), why.trimmed());
    if (changed)
        afterWrite(caseId);
    return changed;
}

Status CasesPanel::saveOwnerAndNotes()
{
    if (!m_store)
        return Error{tr("No case database is open.")};
    const qint64 caseId = selectedCaseId();
    if (caseId == 0)
        return Error{tr("No case is selected.")};
    const QString owner = m_ownerEdit->text().trimmed();
    const QString notes = m_notesEdit->toPlainText();
    if (owner == m_savedOwner && notes == m_savedNotes)
        return {};
    CaseRepository cases(*m_store);
    // Two writes, each its own event; the repository records nothing for an unchanged value.
    if (owner != m_savedOwner) {
        if (Status saved = cases.setOwner(caseId, owner, analyst()); !saved)
            return saved;
    }
    if (notes != m_savedNotes) {
        if (Status saved = cases.setNotes(caseId, notes, analyst()); !saved) {
            afterWrite(caseId); // the owner may have been saved already: show what is stored
            return saved;
        }
    }
    m_message->setText(tr("Saved the owner and notes of the case."));
    afterWrite(caseId);
    return {};
}

void CasesPanel::saveAction()
{
    if (!m_save->isEnabled())
        return;
    if (Status saved = saveOwnerAndNotes(); !saved)
        showFailure(tr("Save Owner and Notes"), saved.error());
}

bool CasesPanel::askReason(const QString &title, QString *why)
{
    bool ok = false;
    *why = QInputDialog::getText(this, title, tr("Reason (recorded in the case history):"),
                                 QLineEdit::Normal, QString(), &ok);
    // An empty reason goes on to the write, which refuses it with the explanation.
    return ok;
}

qint64 CasesPanel::askTargetCase(const QString &title, const QString &label)
{
    // Cases that can still take reports: not merged, and not the selected one.
    QStringList items;
    QList<qint64> ids;
    const qint64 selected = selectedCaseId();
    for (int row = 0; row < m_caseModel->rowCount(); ++row) {
        const CaseRecord *c = m_caseModel->caseAt(row);
        if (c->id == selected || !c->mergedInto.isEmpty())
            continue;
        items << tr("%1 — %2 (%3, %n report(s))", nullptr, int(c->reports.size()))
                     .arg(c->publicId, c->accountId.isEmpty() ? tr("(unattributed)") : c->accountId,
                          CaseListModel::statusLabel(c->status));
        ids << c->id;
    }
    if (items.isEmpty()) {
        showFailure(title, tr("There is no other case to choose."));
        return 0;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, title, label, items, 0, false, &ok);
    return ok ? ids.value(items.indexOf(chosen)) : 0;
}

void CasesPanel::showFailure(const QString &title, const QString &error)
{
    m_message->setText(error);
    QMessageBox::warning(this, title, tr("The change was not made.\n\n%1").arg(error));
}

void CasesPanel::groupAction()
{
    if (!m_store)
        return;
    // Grouping reads every new report's analysis and correlates it: seconds for a large import,
    // so it runs on a worker with a connection of its own (WAL lets the window keep reading), and
    // the window reloads when it is done.
    CaseSettings settings = CaseSettings::fromSettings(QSettings());
    settings.analyst = analyst();
    const QString path = m_store->path();
    const TrustSettings trust = m_trust;
    auto result = std::make_shared<std::optional<Result<CaseAssignmentSummary>>>();
    QThread *thread = QThread::create([result, path, settings, trust] {
        Result<std::unique_ptr<CaseStore>> store = CaseStore::open(path);
        if (!store) {
            result->emplace(Error{store.error()});
            return;
        }
        (*store)->setActor(settings.analyst);
        const AccountRepository accounts(**store);
        result->emplace(
            assignNewReports(**store, correlationAttribution(**store, accounts, trust), settings));
    });
    m_group->setEnabled(false);
    m_message->setText(tr("Grouping new reports…"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, result] {
        m_group->setEnabled(m_store != nullptr);
        if (!result->has_value() || !**result) {
            m_message->clear();
            showFailure(tr("Group New Reports"),
                        result->has_value() ? (*result)->error() : tr("The grouping stopped."));
            Q_EMIT groupingFinished();
            return;
        }
        m_message->setText(groupingText(***result));
        afterWrite(selectedCaseId());
        Q_EMIT groupingFinished();
    });
    thread->start();
}

void CasesPanel::mergeAction()
{
    const QString title = tr("Merge Into");
    const qint64 from = selectedCaseId();
    const qint64 into = askTargetCase(title, tr("Merge the selected case into:"));
    QString why;
    if (from == 0 || into == 0 || !askReason(title, &why))
        return;
    if (Status merged = mergeCases(into, from, why); !merged)
        showFailure(title, merged.error());
}

void CasesPanel::splitAction()
{
    const QString title = tr("Split Selected Reports");
    const QList<qint64> ids = selectedReportIds();
    QString why;
    if (ids.isEmpty() || !askReason(title, &why))
        return;
    if (Result<qint64> created = splitReports(ids, why); !created)
        showFailure(title, created.error());
}

void CasesPanel::moveAction()
{
    const QString title = tr("Move Report To");
    const QList<qint64> ids = selectedReportIds();
    if (ids.size() != 1)
        return;
    const qint64 to = askTargetCase(title, tr("Move the selected report to:"));
    QString why;
    if (to == 0 || !askReason(title, &why))
        return;
    if (Status moved = moveReport(ids.first(), to, why); !moved)
        showFailure(title, moved.error());
}

void CasesPanel::statusAction()
{
    const QString title = tr("Set Status");
    const CaseRecord *current = m_caseModel->caseAt(m_caseModel->rowOfId(selectedCaseId()));
    if (!current)
        return;
    const QStringList keys = caseStatusKeys();
    QStringList labels;
    for (const QString &key : keys)
        labels << CaseListModel::statusLabel(key);
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, title, tr("New status of %1:").arg(current->publicId), labels,
                              qMax(0, int(keys.indexOf(current->status))), false, &ok);
    const QString status = keys.value(labels.indexOf(chosen));
    QString why;
    if (!ok || status.isEmpty() || !askReason(title, &why))
        return;
    if (Status changed = setCaseStatus(status, why); !changed)
        showFailure(title, changed.error());
}

void CasesPanel::decideAction()
{
    const qint64 caseId = selectedCaseId();
    if (!m_store || caseId == 0)
        return;
    DecisionDialog dialog(*m_store, caseId, analyst(), this, m_now);
    if (dialog.exec() == QDialog::Accepted)
        afterWrite(caseId);
}

void CasesPanel::noticeAction()
{
    const qint64 caseId = selectedCaseId();
    if (!m_store || caseId == 0)
        return;
    NoticeDialog dialog(*m_store, caseId, analyst(), this, m_now);
    dialog.exec();
    afterWrite(caseId); // saved notices are events of the case
}

} // namespace Awb
