#pragma once

#include "analysis/check.h"

#include <QList>

namespace Awb {

// Appends the authentication checks (ids "auth.*" and "dkim.*") to the registry's list: the
// verdicts trusted receivers recorded (Authentication-Results, Received-SPF, ARC) and what the
// analysis finds in the DKIM signatures itself. The checks are stateless function-local
// statics: they live for the whole program and serve every thread. Signature verification uses
// the key provider set with setDkimKeyProvider() (dkim_key.h); there is no DNS lookup.
void appendAuthChecks(QList<const Check *> &list);

} // namespace Awb
