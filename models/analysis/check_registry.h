#pragma once

#include "analysis/check.h"

#include <QList>

namespace Awb {

// Every check the program knows, in a stable order (by id). The checks are stateless and live
// for the whole program; the list is built once, thread-safely, on first use.
const QList<const Check *> &allChecks();
const Check *findCheck(const QString &id);

} // namespace Awb
