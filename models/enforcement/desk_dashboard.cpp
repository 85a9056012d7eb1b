#include "enforcement/desk_dashboard.h"

#include "enforcement/case_deadlines.h"
#include "store/account_repository.h"
#include "store/case_repository.h"
#include "store/case_store.h"
#include "store/decision_repository.h"
#include "store/evidence_repository.h"
#include "store/notice_repository.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Awb {
namespace {

DashboardCase dashboardCase(const CaseRecord &record)
{
    DashboardCase item;
    item.id = record.id;
    item.publicId = record.publicId;
    item.accountId = record.accountId;
    item.status = record.status;
    item.severity = record.severity;
    item.responseDue = record.responseDue;
    item.reportCount = int(record.reports.size());
    return item;
}

bool byDue(const DashboardCase &a, const DashboardCase &b)
{
    if (a.responseDue.isValid() != b.responseDue.isValid())
        return a.responseDue.isValid();
    if (a.responseDue != b.responseDue)
        return a.responseDue < b.responseDue;
    return a.id < b.id;
}

Status sortCases(CaseStore &store, const QList<CaseRecord> &cases, DeskDashboard &board)
{
    NoticeRepository notices(store);
    for (const CaseRecord &record : cases) {
        if (record.status == QLatin1String("closed") || !record.mergedInto.isEmpty())
            continue;
        const DashboardCase item = dashboardCase(record);
        if (record.status == QLatin1String("awaiting-customer")) {
            board.awaitingCustomer.append(item);
            continue;
        }
        if (record.status != QLatin1String("open"))
            continue; // actioned: the desk has answered; what remains is the customer's
        // The state the case view shows (case_deadlines): a response the desk already gave (a
        // notice saved) is met, not overdue, whatever the case's status says.
        Result<QList<NoticeRecord>> saved = notices.forCase(record.id);
        if (!saved)
            return Error{saved.error()};
        const std::optional<CaseDeadline> response =
            caseResponseDeadline(record, *saved, board.now);
        const QString state = response ? response->state : QString();
        if (state == QLatin1String("overdue"))
            board.overdue.append(item);
        else if (state == QLatin1String("due-today"))
            board.dueToday.append(item);
        else
            board.otherOpen.append(item);
    }
    for (QList<DashboardCase> *list :
         {&board.overdue, &board.dueToday, &board.awaitingCustomer, &board.otherOpen})
        std::sort(list->begin(), list->end(), byDue);
    return Status::success();
}

Status countReports(CaseStore &store, const QList<CaseRecord> &cases, int days,
                    DeskDashboard &board)
{
    const QDate last = hongKongDate(board.now);
    const QDate first = last.addDays(-(days - 1));
    for (QDate day = first; day <= last; day = day.addDays(1))
        board.days.append(day);

    QHash<qint64, QString> caseOfReport;
    for (const CaseRecord &record : cases) {
        for (const CaseReportRecord &report : record.reports)
            caseOfReport.insert(report.evidenceId, record.publicId);
    }
    // Only stored reports count: a plain message that is not a report has no receipt of its own
    // as a complaint. Summaries carry the format and receipt of every stored message.
    Result<QList<MessageSummary>> summaries = EvidenceRepository(store).summaries();
    if (!summaries)
        return Error{summaries.error()};
    QSet<QString> formats;
    for (const MessageSummary &summary : *summaries) {
        if (summary.reportFormat.isEmpty() || summary.reportFormat == QLatin1String("message") ||
            !summary.receivedAt.isValid())
            continue;
        const QDate day = hongKongDate(summary.receivedAt);
        if (day < first || day > last)
            continue;
        ++board.reportsPerDay[day][summary.reportFormat];
        formats.insert(summary.reportFormat);
        board.chartReports.append({summary.id, summary.reportFormat, summary.subject,
                                   summary.receivedAt, caseOfReport.value(summary.id)});
    }
    board.formats = QStringList(formats.cbegin(), formats.cend());
    board.formats.sort();
    return Status::success();
}

QList<StoredListing> listingsInForce(const QList<StoredListing> &all)
{
    // all() is in stored order (checked_at, then id): the last one seen per key is the newest.
    QHash<QString, StoredListing> newest;
    QStringList order;
    for (const StoredListing &listing : all) {
        const QString list = listing.zone.isEmpty() ? listing.listName : listing.zone;
        const QString key = list.toLower() + QLatin1Char('|') + listing.addressOrRange +
                            QLatin1Char('|') + listing.accountId;
        if (!newest.contains(key))
            order.append(key);
        newest.insert(key, listing);
    }
    QList<StoredListing> inForce;
    for (const QString &key : order) {
        if (newest.value(key).verdict == QLatin1String("listed"))
            inForce.append(newest.value(key));
    }
    std::sort(inForce.begin(), inForce.end(), [](const StoredListing &a, const StoredListing &b) {
        return a.checkedAt > b.checkedAt;
    });
    return inForce;
}

} // namespace

Result<DeskDashboard> loadDeskDashboard(CaseStore &store, const QDateTime &now, int days,
                                        int soonDays)
{
    DeskDashboard board;
    board.now = now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    board.soonDays = soonDays;

    Result<QList<CaseRecord>> cases = CaseRepository(store).cases();
    if (!cases)
        return Error{cases.error()};
    if (Status sorted = sortCases(store, *cases, board); !sorted)
        return Error{sorted.error()};
    if (Status counted = countReports(store, *cases, std::max(1, days), board); !counted)
        return Error{counted.error()};

    Result<QList<AccountSummary>> accounts = loadAccountSummaries(store, board.now);
    if (!accounts)
        return Error{accounts.error()};
    for (const AccountSummary &summary : *accounts) {
        if (summary.reportsLast7Days > 0)
            board.topAccounts.append(summary);
    }
    std::stable_sort(board.topAccounts.begin(), board.topAccounts.end(),
                     [](const AccountSummary &a, const AccountSummary &b) {
                         return a.reportsLast7Days > b.reportsLast7Days;
                     });
    if (board.topAccounts.size() > 10)
        board.topAccounts.resize(10);

    Result<QList<StoredListing>> listings = ListingRepository(store).all();
    if (!listings)
        return Error{listings.error()};
    board.listingsInForce = listingsInForce(*listings);

    Result<QList<CustomerRecord>> customers = AccountRepository(store).customers();
    if (!customers)
        return Error{customers.error()};
    const QDateTime soon = board.now.addDays(soonDays);
    QHash<QString, QString> names;
    QSet<QString> listed;
    for (const CustomerRecord &customer : *customers) {
        names.insert(customer.accountId, customer.name);
        if (customer.status == QLatin1String("suspended") && customer.suspendedUntil.isValid() &&
            customer.suspendedUntil >= board.now && customer.suspendedUntil <= soon) {
            board.suspensionsEndingSoon.append(
                {customer.accountId, customer.name, customer.suspendedUntil});
            listed.insert(customer.accountId);
        }
    }
    // Suspensions the desk decided here, whose earliest end comes soon; an account the billing
    // system already lists as suspended with its own end date is shown once, with that date.
    DecisionRepository decisions(store);
    for (const CaseRecord &record : *cases) {
        if (record.accountId.isEmpty() || listed.contains(record.accountId))
            continue;
        Result<std::optional<DecisionRecord>> decision = decisions.latest(record.id);
        if (!decision)
            return Error{decision.error()};
        if (!decision->has_value() || (*decision)->chosenAction != QLatin1String("suspension"))
            continue;
        const QDateTime end = (*decision)->suspensionEnd;
        if (end.isValid() && end >= board.now && end <= soon) {
            board.suspensionsEndingSoon.append(
                {record.accountId, names.value(record.accountId), end});
            listed.insert(record.accountId);
        }
    }
    std::sort(board.suspensionsEndingSoon.begin(), board.suspensionsEndingSoon.end(),
              [](const DashboardSuspension &a, const DashboardSuspension &b) {
                  return a.endsAt < b.endsAt;
              });
    return board;
}

} // namespace Awb
