#pragma once

#include <QStringList>
#include <QWidget>

#include <array>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
QT_END_NAMESPACE

namespace Awb {

class AttachmentTableModel;
class AuthVerdictBar;
class LinkTableModel;
class MailMessage;

// What a message says about itself, for the analyst: the decoded identity headers (From, To,
// Cc, Reply-To, Return-Path, Subject, Date as written and in UTC, Message-ID), the verdicts of
// the topmost Authentication-Results as badges, the body as text, its links and its attachments.
//
// Nothing from the message is ever interpreted: every label is plain text (a Subject holding
// "<img src=...>" shows those characters), the bodies are shown in QPlainTextEdits (text/plain
// as it is; text/html turned into the text a reader sees by the content checks' HTML scanner,
// so no remote image, stylesheet or frame can be fetched and no script can run), links are
// listed and never followed, attachments are measured and hashed and never opened or run.
class MessageOverview : public QWidget
{
    Q_OBJECT
public:
    enum class Field { From, To, Cc, ReplyTo, ReturnPath, Subject, Date, MessageId, Count };
    enum Tab { TextBodyTab, HtmlBodyTab, LinksTab, AttachmentsTab };

    explicit MessageOverview(QWidget *parent = nullptr);
    ~MessageOverview() override;

    void setMessage(const MailMessage &message);
    void clear();
    // TrustSettings::trustedAuthservIds, for the verdict badges' note.
    void setTrustedAuthservIds(const QStringList &ids);

    // The value shown for a field, as shown ("(none)" when absent).
    QString fieldText(Field field) const;
    QString textBody() const;
    QString htmlBodyAsText() const;

    QTabWidget *tabs() const { return m_tabs; }
    AuthVerdictBar *verdictBar() const { return m_verdicts; }
    QPlainTextEdit *textBodyView() const { return m_textBody; }
    QPlainTextEdit *htmlBodyView() const { return m_htmlBody; }
    QTableView *linkTable() const { return m_linkTable; }
    QTableView *attachmentTable() const { return m_attachmentTable; }
    LinkTableModel *linkModel() const { return m_linkModel; }
    AttachmentTableModel *attachmentModel() const { return m_attachmentModel; }
    // Copies the SHA-256 of the current attachment (also in the table's context menu).
    QAction *copyHashAction() const { return m_copyHash; }

Q_SIGNALS:
    // The user activated a link whose place in the message's bytes is known: the window can
    // select it in the source viewer (SourceViewer::selectBytes()).
    void sourceRangeActivated(qsizetype offset, qsizetype length);

private:
    QWidget *createHeaderPane();
    QWidget *createLinksPane();
    QWidget *createAttachmentsPane();
    void setField(Field field, const QString &text);
    void updateTabTitles();
    void copyCurrentHash();

    std::array<QLabel *, size_t(Field::Count)> m_fields{};
    AuthVerdictBar *m_verdicts;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_textBody;
    QPlainTextEdit *m_htmlBody;
    LinkTableModel *m_linkModel;
    QSortFilterProxyModel *m_linkSort;
    QTableView *m_linkTable;
    QLabel *m_linkSummary;
    AttachmentTableModel *m_attachmentModel;
    QSortFilterProxyModel *m_attachmentSort;
    QTableView *m_attachmentTable;
    QAction *m_copyHash;
    QAction *m_copyName;
};

} // namespace Awb
