#pragma once

#include "common/result.h"
#include "store/account_repository.h"
#include "store/listing_repository.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

class QSettings;

namespace Awb {

class CaseStore;

// One entry of an account's timeline.
struct AccountEvent
{
    enum class Kind {
        Warning,      // enforcement history "warning"
        Suspension,   // enforcement history "suspension"
        Termination,  // enforcement history "termination"
        Liability,    // enforcement history "liability"
        Blacklisting, // enforcement history "blacklisting", or a listing of the listings table
        CaseOpened,   // a case of this account was opened
        Notice,       // a notice of a case of this account was saved (to the customer or reporter)
        Other,        // an enforcement action this program does not know by name
    };
    enum class Source {
        History, // the enforcement history of the account directory
        Case,    // a case of this account, its decision or one of its notices
        Report,  // a listing that a notice among the evidence states (listings, source report)
        Dnsbl,   // a DNSBL check of this program that found an address listed
    };

    QDateTime at; // UTC
    Kind kind = Kind::Other;
    Source source = Source::History;
    QString action;    // the stored action name ("warning"), "case", or "blacklisting"
    QString clause;    // policy clause of an enforcement entry, may be empty
    QString reference; // enforcement reference, case public id, a notice's Message-ID, or the
                       // checked zone
    QString status;    // a case's status ("open".."closed"); empty otherwise
    QString severity;  // a case's severity; empty otherwise
    QString notes;     // enforcement notes, or the listing: list, address or range, meaning
    QDateTime endsAt;  // a suspension's end when the customer record states it; invalid else
    qint64 caseId = 0; // the case's row id (also the case holding a listing notice), 0 when none
    // Counts towards confirmedOffencesInWindow (see AccountHistory::offenceRule).
    bool confirmedOffence = false;
    bool inWindow = false; // at lies within the look-back window
};

// Everything the desk knows of one account, as of `now` (see loadAccountHistory()).
struct AccountHistory
{
    CustomerRecord customer;
    QList<IpAssignmentRecord> assignments;
    QList<HostedDomainRecord> domains;
    QList<AccountEvent> events; // chronological; equal times keep history, case, listing order
    // Every listing of the account's addresses (listings table, any source and verdict, the
    // not-listed answers of DNSBL checks too), by time.
    QList<StoredListing> listings;
    // Reports of the account's cases per receipt day (UTC). Days without reports are absent;
    // reports without a receipt time are only counted in reportsWithoutReceipt.
    QMap<QDate, int> reportsPerDay;
    int reportCount = 0;
    int reportsWithoutReceipt = 0;
    int caseCount = 0;
    int openCaseCount = 0; // cases neither closed nor merged

    QDateTime now;         // the "as of" time
    QDateTime windowStart; // now minus lookBackMonths; the window is [windowStart, now]
    int lookBackMonths = 12;
    // The number of confirmed offences in the window: what policy section 6.1 calls "repeated"
    // when it is more than zero before a new offence.
    int confirmedOffencesInWindow = 0;
    // The rule that gave confirmedOffencesInWindow, in words for the customer (and a lawyer).
    QString offenceRule;
};

// One row of the accounts list.
struct AccountSummary
{
    QString accountId;
    QString name;
    QString status;
    int openCases = 0;
    int reportsLast7Days = 0; // reports of its cases received in the 7 days before `now`
    QDateTime lastReportAt;   // the latest receipt among its cases' reports; invalid when none
};

// The look-back window in months: [accounts] lookBackMonths, 12 when unset, clamped to 1..120.
int accountLookBackMonths(const QSettings &settings);

// The "as of" text of the rule, with the counting spelled out: which entries count (warnings,
// suspensions, terminations and liability entries of the enforcement history; complaint cases
// that were actioned or closed and not merged into another case) and which do not (open cases,
// blacklistings by third parties, opt-out cases).
QString offenceRuleText(const QDateTime &windowStart, const QDateTime &now, int lookBackMonths);

// Loads an account's history from the directory (customer, assignments, domains, enforcement
// history), its cases (with their reports) and its listings. An error when the store fails or no
// customer has the id (the message names it). Enforcement entries count when dated within the
// window; a case counts when it was opened within it.
//
// Blacklistings come from two places and from each only once: the enforcement history's
// "blacklisting" entries (what an older system recorded), and the listings table (one event per
// listing a notice states, and per address and zone a DNSBL check found listed where the check
// before it had not). A policy listing (Spamhaus PBL) is not a blacklisting: it is in `listings`
// only. `now` fixes the clock (invalid: the current time).
Result<AccountHistory> loadAccountHistory(CaseStore &store, const QString &accountId,
                                          const QDateTime &now, int lookBackMonths = 12);

// Every customer with its case and report counts as of `now`, by account id.
Result<QList<AccountSummary>> loadAccountSummaries(CaseStore &store, const QDateTime &now);

// "warning", "suspension", ... "case opened", translated, for lists and the chart legend.
QString accountEventKindLabel(AccountEvent::Kind kind);

} // namespace Awb
