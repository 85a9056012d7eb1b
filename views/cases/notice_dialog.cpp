#include "cases/notice_dialog.h"

#include "notices/notice_eml.h"
#include "notices/notice_fields.h"
#include "render/notice_pdf.h"
#include "store/case_repository.h"
#include "store/decision_repository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Awb {

NoticeDialog::NoticeDialog(CaseStore &store, qint64 caseId, QString analyst, QWidget *parent,
                           const QDateTime &now)
    : QDialog(parent)
    , m_store(store)
    , m_caseId(caseId)
    , m_analyst(std::move(analyst))
    , m_now(now)
    , m_type(new QComboBox(this))
    , m_report(new QComboBox(this))
    , m_outcome(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_saveEml(new QPushButton(tr("Save as .eml…"), this))
    , m_savePdf(new QPushButton(tr("Save as PDF…"), this))
{
    setWindowTitle(tr("Notice"));
    for (const QString &type : noticeTypes())
        m_type->addItem(type, type);
    Result<CaseRecord> record = CaseRepository(m_store).caseById(caseId);
    m_report->addItem(tr("The case's first report"), qint64(0));
    if (record) {
        setWindowTitle(tr("Notice of %1").arg(record->publicId));
        for (const CaseReportRecord &report : record->reports)
            m_report->addItem(QStringLiteral("%1 — %2").arg(report.format, report.subject),
                              report.evidenceId);
    }
    // The notice that announces the decision in force is the likely next one.
    Result<std::optional<DecisionRecord>> decision = DecisionRepository(m_store).latest(caseId);
    const QString likely = decision && decision->has_value() ? (*decision)->chosenAction
                                                             : QStringLiteral("acknowledgement");
    m_type->setCurrentIndex(std::max(0, m_type->findData(likely)));
    m_outcome->setPlaceholderText(tr("Outcome and reinstatement notices: what the desk did"));
    m_status->setWordWrap(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFont(QStringLiteral("DejaVu Sans Mono")));

    auto *form = new QFormLayout;
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Report answered:"), m_report);
    form->addRow(tr("Outcome:"), m_outcome);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_preview, tr("As the Recipient Sees It"));
    tabs->addTab(m_text, tr("Text (Editable)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_saveEml, QDialogButtonBox::ActionRole);
    buttons->addButton(m_savePdf, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveEml, &QPushButton::clicked, this, [this] { saveAs(QStringLiteral("eml")); });
    connect(m_savePdf, &QPushButton::clicked, this, [this] { saveAs(QStringLiteral("pdf")); });
    connect(m_type, &QComboBox::currentIndexChanged, this, &NoticeDialog::compose);
    connect(m_report, &QComboBox::currentIndexChanged, this, &NoticeDialog::compose);
    connect(m_outcome, &QLineEdit::editingFinished, this, &NoticeDialog::compose);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(900, 820);
    compose();
}

void NoticeDialog::setType(const QString &type)
{
    m_type->setCurrentIndex(m_type->findData(type));
    compose();
}

void NoticeDialog::compose()
{
    NoticeRequest request;
    request.type = m_type->currentData().toString();
    request.who = m_analyst;
    request.outcome = m_outcome->text().trimmed();
    const bool reporter = isReporterNotice(request.type);
    m_report->setEnabled(reporter);
    m_outcome->setEnabled(request.type == u"outcome" || request.type == u"reinstatement");
    if (reporter)
        request.reportEvidenceId = m_report->currentData().toLongLong();
    Result<PreparedNotice> prepared = prepareNotice(m_store, m_caseId, request, m_now);
    if (!prepared) {
        m_prepared.reset();
        m_problem = prepared.error();
        m_status->setText(tr("This notice cannot be written yet: %1").arg(m_problem));
        m_text->clear();
        m_preview->clear();
    } else {
        m_prepared = std::move(*prepared);
        m_problem.clear();
        const ComposedNotice &notice = m_prepared->composed;
        m_status->setText(tr("To: %1 <%2>. Subject: %3. %4")
                              .arg(notice.to.name, notice.to.address, notice.subject,
                                   reporter ? tr("The customer is not named.")
                                            : tr("Reporter details replaced by tokens: %1.")
                                                  .arg(notice.redactions.size())));
        m_text->setPlainText(notice.text);
        m_preview->setHtml(noticeDocumentHtml(notice, m_prepared->data));
    }
    m_saveEml->setEnabled(m_prepared.has_value());
    m_savePdf->setEnabled(m_prepared.has_value());
}

ComposedNotice NoticeDialog::editedNotice() const
{
    ComposedNotice notice = m_prepared->composed;
    const QString edited = m_text->toPlainText();
    if (edited != notice.text) {
        // The analyst's words go out as they typed them: the text part verbatim, and the HTML
        // part the same text, escaped and kept in its lines, rather than a guess at markup.
        notice.text = edited.endsWith(QLatin1Char('\n')) ? edited : edited + QLatin1Char('\n');
        notice.htmlBody = QStringLiteral("<pre style=\"white-space: pre-wrap; font-family: "
                                         "sans-serif\">%1</pre>")
                              .arg(edited.toHtmlEscaped());
        notice.html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                     "<title>%1</title></head><body>%2</body></html>\n")
                          .arg(notice.subject.toHtmlEscaped(), notice.htmlBody);
    }
    return notice;
}

Status NoticeDialog::saveTo(const QString &path)
{
    if (!m_prepared)
        return Error{m_problem};
    const ComposedNotice notice = editedNotice();
    NoticeEnvelope envelope;
    envelope.messageId = m_prepared->record.messageId;
    Result<QByteArray> eml = buildNoticeEml(notice, envelope);
    if (!eml)
        return Error{eml.error()};
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        if (Status written = writeNoticePdf(notice, m_prepared->data, path); !written)
            return written;
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*eml) != eml->size() || !file.commit())
            return Error{tr("Cannot write %1: %2").arg(path, file.errorString())};
    }
    // The case keeps the .eml either way: the exact message, whichever form was handed out.
    Result<qint64> saved = saveNotice(m_store, *m_prepared, *eml);
    if (!saved)
        return Error{saved.error()};
    compose(); // a saved notice is final; the next one gets its own Message-ID
    return Status::success();
}

void NoticeDialog::saveAs(const QString &suffix)
{
    if (!m_prepared)
        return;
    const QString name =
        QStringLiteral("%1-%2.%3").arg(m_prepared->data.caseId, m_prepared->data.type, suffix);
    const QString path = QFileDialog::getSaveFileName(
        this, suffix == u"pdf" ? tr("Save Notice as PDF") : tr("Save Notice as .eml"), name,
        suffix == u"pdf" ? tr("PDF (*.pdf)") : tr("E-mail message (*.eml)"));
    if (path.isEmpty())
        return;
    if (Status saved = saveTo(path); !saved)
        QMessageBox::warning(this, tr("Notice Not Saved"), saved.error());
}

} // namespace Awb
