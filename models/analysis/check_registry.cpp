#include "analysis/check_registry.h"

#include "analysis/auth/auth_checks.h"
#include "analysis/checks/received_checks.h"
#include "analysis/content_checks/content_checks.h"
#include "analysis/header_checks/header_checks.h"

#include <algorithm>

namespace Awb {

const QList<const Check *> &allChecks()
{
    // A function-local static: built once, thread-safe since C++11, never destroyed before use.
    static const QList<const Check *> checks = [] {
        QList<const Check *> list;
        appendReceivedChecks(list);
        appendContentChecks(list);
        appendAuthChecks(list);
        appendHeaderChecks(list);
        std::sort(list.begin(), list.end(),
                  [](const Check *a, const Check *b) { return a->info().id < b->info().id; });
        return list;
    }();
    return checks;
}

const Check *findCheck(const QString &id)
{
    for (const Check *check : allChecks()) {
        if (check->info().id == id)
            return check;
    }
    return nullptr;
}

} // namespace Awb
