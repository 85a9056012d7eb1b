#pragma once

#include "source_mark.h"

#include <QList>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QToolButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace Awb {

// One header field for the viewer's "Decoded headers" pane: its name, its value with folds
// undone and RFC 2047 encoded words decoded (as MailMessage::headerValue() decodes), and where
// the whole field stands in the message's bytes (from its name to the end of its value), so
// that choosing it selects the raw field. The viewer does not parse mail: the window supplies
// these (decodedHeaderFields() in views/overview/source_view_data.h builds them).
struct DecodedHeaderField
{
    QString name;
    QString decodedValue;
    QString rawValue; // unfolded, not decoded: shown beside the decoded value when they differ
    qsizetype offset = 0;
    qsizetype length = 0;
};

class SourceFindBar;
class SourceHighlighting;
class SourceTextEdit;

// The raw-message source view: the exact bytes of a message, read-only, in a fixed-width font
// with its headers highlighted (through SourceHighlighting), a find bar (Ctrl+F) and a line
// wrap toggle. Bytes that are not valid UTF-8 are shown as Latin-1, with a note; very large
// messages show their first displayLimit() bytes, with a notice. The viewer never keeps or
// changes the bytes: the store holds them.
//
// Findings can be marked in place (setFindingMarks()), and a "Decoded headers" pane beside the
// raw text lists each header field decoded (setDecodedHeaders(), showDecodedHeaders()).
class SourceViewer : public QWidget
{
    Q_OBJECT
public:
    explicit SourceViewer(QWidget *parent = nullptr);
    ~SourceViewer() override;

    // Shows raw; drops the finding marks and the decoded headers of the previous message.
    void setMessageBytes(const QByteArray &raw);
    void clear();

    // Selects and scrolls to the bytes [offset, offset + length) of the message last set (for
    // example one header field, from RawHeaderField::offset). Offsets are in bytes; the viewer
    // maps them to the characters it shows. Does nothing past what is shown.
    void selectBytes(qsizetype offset, qsizetype length);

    // Marks findings in the text of the message last set (replacing earlier marks): byte ranges
    // mapped to characters as selectBytes() maps them. Marks with a negative offset, and marks
    // starting past the part shown of a large message, are left out; a mark running past it is
    // cut there. Drawn over the highlighting, with the titles in a tooltip.
    void setFindingMarks(const QList<SourceMark> &marks);
    // How many of the marks last set are shown (the others lay outside the shown part).
    int shownMarkCount() const;

    // The header fields of the message last set, decoded, for the "Decoded headers" pane. Call
    // after setMessageBytes(), which empties the pane.
    void setDecodedHeaders(const QList<DecodedHeaderField> &fields);
    // Shows or hides the pane beside the raw text (the same as decodedHeadersAction()).
    void showDecodedHeaders(bool show);
    bool isShowingDecodedHeaders() const;

    // At most this many bytes are shown (default MessageSourceText::DefaultDisplayLimit).
    // Applies from the next setMessageBytes().
    void setDisplayLimit(qsizetype bytes) { m_displayLimit = bytes; }
    qsizetype displayLimit() const { return m_displayLimit; }

    // For the window's menus; both are also in the viewer's own tool row and context menu.
    QAction *findAction() const { return m_findAction; }
    QAction *wrapAction() const { return m_wrapAction; }
    QAction *decodedHeadersAction() const { return m_decodedAction; }

    QPlainTextEdit *textEdit() const;
    SourceTextEdit *sourceEdit() const { return m_edit; }
    QTreeWidget *decodedHeadersView() const { return m_headerTree; }
    SourceFindBar *findBar() const { return m_findBar; }
    SourceHighlighting *highlighting() const { return m_highlighting.get(); }
    // The notes shown above the text ("shown as Latin-1", "showing the first ..."), or empty.
    QString notice() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void setNotices(const QStringList &notices);
    // The document positions of byte offsets of the message: the one mapping from bytes to
    // shown characters. -1 for an offset outside the shown part.
    QList<int> documentPositions(const QList<qsizetype> &byteOffsets) const;
    void onHeaderFieldChosen();

    SourceTextEdit *m_edit;
    SourceFindBar *m_findBar;
    QLabel *m_notice;
    QAction *m_findAction;
    QAction *m_wrapAction;
    QAction *m_decodedAction;
    QSplitter *m_splitter;
    QTreeWidget *m_headerTree;
    std::unique_ptr<SourceHighlighting> m_highlighting;
    qsizetype m_displayLimit;
    QByteArray m_raw;           // the bytes shown (shared, not copied), to map byte offsets
    qsizetype m_shownBytes = 0; // how many of m_raw's bytes the text shows
    bool m_shownAsLatin1 = false;
};

} // namespace Awb
