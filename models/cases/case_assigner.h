#pragma once

#include "analysis/trust_settings.h"
#include "cases/case_grouper.h"
#include "common/result.h"
#include "store/case_repository.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

class QSettings;

namespace Awb {

class AccountRepository;
class CaseStore;
struct AccountMatch;

// The settings of case grouping ([cases] group): the window (windowDays, 14), the policy version
// new cases record (policyVersion; empty: the version of the policy library in force at the
// time of opening), and who the history names (analyst).
struct CaseSettings
{
    CaseGroupingSettings grouping;
    QString policyVersion; // empty: the version in force when the case is opened
    QString analyst;

    static CaseSettings fromSettings(const QSettings &settings);
};

// The account a report is about: the account of the best High-confidence match (an address of
// ours that a receiver witnessed, or a listing of it), empty when there is none. When High
// matches name two accounts at once (an address assigned twice, a data error) no account is
// picked: the report stays unattributed and the analyst moves it, rather than grouping picking
// one silently. Medium and Low matches (domains, claims, links) never attribute by themselves.
QString attributedAccount(const QList<AccountMatch> &matches);

// Who a stored report is about; an error only when the store or the evidence cannot be read.
using AccountAttribution = std::function<Result<QString>(qint64 evidenceId)>;

// Correlation of a stored report: analyses its stored bytes again (with `trust`, plus our
// networks from the account directory) and correlates the analysis with the directory. The
// stored analysis stays the record of the import; this only asks the directory who held the
// addresses and domains, which may have been imported after the reports.
AccountAttribution correlationAttribution(CaseStore &store, const AccountRepository &accounts,
                                          TrustSettings trust);

struct NotGrouped
{
    qint64 evidenceId = 0;
    QString reason;
};

// An open case the grouping gave an account (case_attribution.h).
struct CaseAttributed
{
    qint64 caseId = 0;
    QString publicId;
    QString accountId;
};

struct CaseAssignmentSummary
{
    QList<qint64> newCaseIds;
    QList<CaseAssignmentPlan::Addition> additions; // reports that joined existing cases
    QList<CasePlacement> placements;               // every grouped report, in grouping order
    QList<NotGrouped> notGrouped; // stored messages that are not cases, with the reason
    int listingsRecorded = 0;     // rows the listing notices among them added (listing_recorder.h)
    // Open cases without an account that the directory now attributes (case_attribution.h).
    QList<CaseAttributed> casesAttributed;
};

// Assigns every stored report that is in no case yet (called after an import): reads each one's
// stored analysis, attributes it, groups it with the open cases and with each other
// (CaseGrouper), records the listings that the listing notices among them state (see
// recordNoticeListings()), and writes all of it in one transaction. The notices that cases took
// before grouping recorded listings (ListingRepository::pendingNotices()) get their rows in the
// same run, and open cases without an account that the directory now names an account for get it
// (attributeOpenCases()). Running it again assigns and records nothing new. `now` fixes the clock
// for tests (invalid: the current time).
Result<CaseAssignmentSummary> assignNewReports(CaseStore &store,
                                               const AccountAttribution &attribution,
                                               const CaseSettings &settings,
                                               const QDateTime &now = {});

} // namespace Awb
