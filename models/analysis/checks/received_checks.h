#pragma once

#include "analysis/check.h"

#include <QList>

namespace Awb {

// Appends the Received-chain checks (ids "received.*") to the registry's list. The checks are
// stateless function-local statics: they live for the whole program and serve every thread.
void appendReceivedChecks(QList<const Check *> &list);

} // namespace Awb
