#pragma once

#include "cases/case_assigner.h"
#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Awb {

class CaseStore;

// Reports grouped before the account directory knew their addresses form unattributed cases
// (keyed by the origin's network). Once the directory is imported, each open unattributed case
// (open or awaiting the customer, not merged) whose every report `attribution` now gives to one
// and the same account is attributed to it (CaseRepository::attributeToAccount(), with the reason
// and an audit entry), so that the account's history, the advisor and new reports see the case.
// A case whose reports name no account, or two, stays as it is for the analyst. Run by the
// grouping (assignNewReports()) before it places new reports; attributes nothing twice.
Result<QList<CaseAttributed>> attributeOpenCases(CaseStore &store,
                                                 const AccountAttribution &attribution,
                                                 const QString &who, const QDateTime &now = {});

} // namespace Awb
