#pragma once

#include "accounts/account_history.h"

#include <QChartView>

namespace Awb {

// The timeline of one account (Qt Charts): reports per day over the look-back window as a line,
// and the history's actions as markers above it, one scatter series per kind of action so that
// the legend names them. Each kind has its own marker shape as well as its own colour, so the
// chart reads in black and white (a printed page, a colour-blind reader); colours follow the
// palette's lightness. Actions outside the window are not drawn (the events table lists them).
class AccountTimelineView : public QChartView
{
    Q_OBJECT

public:
    explicit AccountTimelineView(QWidget *parent = nullptr);

    void setHistory(const AccountHistory &history);
    void clear();

    // The largest number of reports on one day of the window, 0 when there were none.
    int peakReportsPerDay() const { return m_peak; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void replaceChart(QChart *chart);

    AccountHistory m_history;
    bool m_hasHistory = false;
    int m_peak = 0;
};

} // namespace Awb
