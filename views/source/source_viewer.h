#pragma once

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QPlainTextEdit;
class QToolButton;
QT_END_NAMESPACE

namespace Awb {

class SourceFindBar;
class SourceHighlighting;
class SourceTextEdit;

// The raw-message source view: the exact bytes of a message, read-only, in a fixed-width font
// with its headers highlighted (through SourceHighlighting), a find bar (Ctrl+F) and a line
// wrap toggle. Bytes that are not valid UTF-8 are shown as Latin-1, with a note; very large
// messages show their first displayLimit() bytes, with a notice. The viewer never keeps or
// changes the bytes: the store holds them.
class SourceViewer : public QWidget
{
    Q_OBJECT
public:
    explicit SourceViewer(QWidget *parent = nullptr);
    ~SourceViewer() override;

    void setMessageBytes(const QByteArray &raw);
    void clear();

    // Selects and scrolls to the bytes [offset, offset + length) of the message last set (for
    // example one header field, from RawHeaderField::offset). Offsets are in bytes; the viewer
    // maps them to the characters it shows. Does nothing past what is shown.
    void selectBytes(qsizetype offset, qsizetype length);

    // At most this many bytes are shown (default MessageSourceText::DefaultDisplayLimit).
    // Applies from the next setMessageBytes().
    void setDisplayLimit(qsizetype bytes) { m_displayLimit = bytes; }
    qsizetype displayLimit() const { return m_displayLimit; }

    // For the window's menus; both are also in the viewer's own tool row and context menu.
    QAction *findAction() const { return m_findAction; }
    QAction *wrapAction() const { return m_wrapAction; }

    QPlainTextEdit *textEdit() const;
    SourceFindBar *findBar() const { return m_findBar; }
    SourceHighlighting *highlighting() const { return m_highlighting.get(); }
    // The notes shown above the text ("shown as Latin-1", "showing the first ..."), or empty.
    QString notice() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void setNotices(const QStringList &notices);

    SourceTextEdit *m_edit;
    SourceFindBar *m_findBar;
    QLabel *m_notice;
    QAction *m_findAction;
    QAction *m_wrapAction;
    std::unique_ptr<SourceHighlighting> m_highlighting;
    qsizetype m_displayLimit;
    QByteArray m_raw; // the bytes shown (shared, not copied), to map byte offsets
    bool m_shownAsLatin1 = false;
};

} // namespace Awb
