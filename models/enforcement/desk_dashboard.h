#pragma once

#include "accounts/account_history.h"
#include "common/result.h"
#include "policy/hong_kong_time.h"
#include "store/listing_repository.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Awb {

class CaseStore;

// A case as the dashboard lists it.
struct DashboardCase
{
    qint64 id = 0;
    QString publicId;
    QString accountId; // empty when unattributed
    QString status;
    QString severity;
    QDateTime responseDue; // section V: 72 hours from the earliest receipt; invalid when none
    int reportCount = 0;
};

// A report counted in the chart, so that a bar can list what it counts.
struct DashboardReport
{
    qint64 evidenceId = 0;
    QString format;
    QString subject;
    QDateTime receivedAt;
    QString caseId; // public id, empty when in no case
};

// An account suspended now whose suspension ends soon.
struct DashboardSuspension
{
    QString accountId;
    QString name;
    QDateTime endsAt;
};

// The first screen of the day (issue 8): what is due, what came in, who is worst, what is listed.
// Everything is as of `now`; "today" is the Hong Kong calendar day of the desk (UTC+8).
struct DeskDashboard
{
    QDateTime now;
    // Open cases (neither closed nor merged) by the state of their section V deadline. A case
    // waiting on the customer is counted there whatever its deadline says.
    // The section V response deadline as the case view states it (case_deadlines.h): answered
    // by a notice is met, and neither overdue nor due today.
    QList<DashboardCase> overdue;          // status open, due before now, not answered
    QList<DashboardCase> dueToday;         // status open, due later today (Hong Kong day)
    QList<DashboardCase> awaitingCustomer; // status awaiting-customer
    QList<DashboardCase> otherOpen;        // open, due after today or without a deadline
    // Reports per receipt day (Hong Kong) and format over the last `days` days, oldest first;
    // days without reports are present with no formats, so a chart shows the gaps.
    QList<QDate> days;
    QStringList formats;                           // every format seen, sorted
    QMap<QDate, QMap<QString, int>> reportsPerDay; // day -> format -> count
    QList<DashboardReport> chartReports;           // the reports the chart counts
    // Accounts by reports of their cases received in the last 7 days, most first, at most 10,
    // only those with at least one.
    QList<AccountSummary> topAccounts;
    // The newest observation of each (list, address or range) pair, where that says "listed":
    // a later clean check ends a listing, an older one does not restart it.
    QList<StoredListing> listingsInForce;
    // Accounts suspended now whose suspension ends within `soonDays` days: as the account
    // directory states it, or as a suspension decided on one of its cases.
    QList<DashboardSuspension> suspensionsEndingSoon;
    int soonDays = 14;
};

// Reads the dashboard from the store. `now` fixes the clock (invalid: the current time).
Result<DeskDashboard> loadDeskDashboard(CaseStore &store, const QDateTime &now, int days = 30,
                                        int soonDays = 14);

} // namespace Awb
