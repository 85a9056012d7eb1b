#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>

namespace Awb {

class CaseStore;

// Listings recorded before the account directory knew who held what they list (reports
// imported and grouped before the customer directory, a DNSBL answer stored without an account)
// reach their accounts when the directory changes. The rule is the one a listing is recorded
// by, accountsHoldingListed() (correlation.h): the accounts that held the address, every block a
// range overlaps, or the domain, at the listing's time. So a listing ends with the same accounts
// whichever was imported first.
//
// Attributes each unsettled listing (ListingRepository::unsettled()) to the accounts that held
// what it lists when it was listed and that it does not name yet, in one audited
// ListingRepository::attribute() batch. Only adds: a listing keeps the accounts it was recorded
// with and those attributed before, and its own columns (source, time, verdict) never change.
// The rows of one observation (a notice's range, recorded once for each of two holders) count
// as one: an account holding any of them gets no other.
//
// Run it inside the transaction of the directory change that prompted it; `why` says what that
// was ("the account file ip_assignments.csv was imported"), and goes into each attribution's
// reason and the audit entry. `now` is the time recorded (invalid: the current time). Returns
// the number of attributions made; none writes nothing, not even an audit entry, so running it
// again after no change is a no-op.
Result<int> attributeRecordedListings(CaseStore &store, const QString &why,
                                      const QDateTime &now = {});

} // namespace Awb
