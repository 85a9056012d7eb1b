#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Awb {

struct ImportProgress;

// The import's place in the status bar: a progress bar over the bytes read, the counts so far,
// and Cancel. Hidden while no import runs.
class ImportStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ImportStatusWidget(QWidget *parent = nullptr);

    void showStarted();
    void showProgress(const ImportProgress &progress);
    void showStopped();

Q_SIGNALS:
    void cancelRequested();

private:
    QProgressBar *m_bar;
    QLabel *m_counts;
    QToolButton *m_cancel;
};

} // namespace Awb
