#pragma once

#include "common/result.h"
#include "store/listing_repository.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace Awb {

class AccountRepository;
class CaseStore;

// A stored report and its analysis as stored at import (the `awb analyze --json` object).
using StoredNotice = std::pair<qint64, QJsonObject>;

// True when the stored analysis states blocklist listings (report.listings is not empty): a
// Spamhaus notice, or any other report that carries a listing.
bool statesListings(const QJsonObject &analysis);

// The rows of the listings table that one notice states, as the notice says them: the list
// ("Spamhaus SBL"), the listed address or range (a single address as its address), the listing
// id and reason as the meaning, no zone and no return code (a notice names neither), verdict
// "listed", or "policy-listed" for the Spamhaus PBL, which is not evidence of abuse. The time
// is the listing date, else the report's arrival date, else our receipt, else `fallback`.
//
// Each listing goes to the accounts that held the listed address, range or domain at that time
// (accountsHoldingListed(): a range spanning two customers' blocks gives a row for each); a
// listing nobody held is one row without an account. A listing without a readable address or
// domain is skipped: the report already carries that problem as a finding.
Result<QList<StoredListing>> noticeListings(const AccountRepository &accounts, qint64 evidenceId,
                                            const QJsonObject &analysis, const QDateTime &fallback);

// Records the listings of `notices` (see noticeListings()) in one ListingRepository::add, and
// returns how many rows it wrote. A notice that already has a row of source "report" is skipped,
// so recording the same notices again adds nothing. Run it inside the caller's transaction to
// land together with the caller's writes. `now` fixes the fallback time (invalid: current time).
Result<int> recordNoticeListings(CaseStore &store, const QList<StoredNotice> &notices,
                                 const QDateTime &now = {});

} // namespace Awb
