#pragma once

#include "common/result.h"

#include <QByteArray>

namespace Awb {

class CaseStore;

// The key of this database's reporter tokens (notices replace reporter names and addresses by
// stable opaque tokens derived with it): 32 random bytes from the system's generator, made on
// first use in the same transaction that stores them (schema 7, desk_secrets), then always the
// same for this database, so that a token in a notice sent last month is the token of today.
// It never leaves the database and is never written to the audit log (its creation is).
Result<QByteArray> redactionKey(CaseStore &store);

} // namespace Awb
