#pragma once

#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;
QT_END_NAMESPACE

namespace Awb {

// The find bar under a source view: case-insensitive text search as you type, next/previous,
// every match marked and the current one selected. It owns the extra selections of the edit it
// searches (nothing else there sets them). Return finds the next match, Shift+Return the
// previous one, Escape closes the bar and gives the focus back to the text.
class SourceFindBar : public QWidget
{
    Q_OBJECT
public:
    explicit SourceFindBar(QPlainTextEdit *edit, QWidget *parent = nullptr);

    // Shows the bar and focuses the search field with its text selected.
    void activate();
    void findNext();
    void findPrevious();
    // The document's text changed: search it again (done on show too; a hidden bar keeps nothing).
    void refresh();

    QLineEdit *searchField() const { return m_field; }
    int matchCount() const { return int(m_matches.size()); }
    // Index of the selected match, or -1.
    int currentMatch() const { return m_current; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void search();
    void select(int index);
    void updateSelections();
    void updateStatus();

    QPlainTextEdit *m_edit;
    QLineEdit *m_field;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
    QLabel *m_status;
    QString m_text; // the document's plain text, positions equal document positions
    QList<int> m_matches;
    int m_current = -1;
    bool m_capped = false;
};

} // namespace Awb
