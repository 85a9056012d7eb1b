#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace Awb {

struct ReportAnalysis;

// What the reporter says, beside what the message shows: the format and reporter, the claimed
// source IP and arrival time (each compared with the original's chain), our receipt time and
// the 72-hour response time of section V, the completeness of section V, problems reading the
// report, the report.* findings, and every field as read with where it was read.
class ReportPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReportPanel(QWidget *parent = nullptr);

    void setAnalysis(const ReportAnalysis &analysis);
    void clear();

    // Whether the window should show the report message's own path instead of the original's.
    bool showsReportMessagePath() const;
    QTableWidget *fieldTable() const { return m_fields; }
    QString summaryText() const; // the upper part as plain text, for tests and copying

Q_SIGNALS:
    void pathChoiceChanged(bool reportMessagePath);

private:
    QLabel *m_summary;
    QCheckBox *m_ownPath;
    QTableWidget *m_fields;
};

} // namespace Awb
