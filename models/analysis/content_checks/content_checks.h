#pragma once

#include "analysis/check.h"

#include <QList>

namespace Awb {

// Appends the content and message-standards checks (ids "standards.*", "content.*",
// "relay.*", "mailer.*") to the registry's list. The checks are stateless function-local
// statics: they live for the whole program and serve every thread.
void appendContentChecks(QList<const Check *> &list);

} // namespace Awb
