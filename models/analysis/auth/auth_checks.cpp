#include "auth_checks.h"

#include "auth_check_support.h"

namespace Awb {

void appendAuthChecks(QList<const Check *> &list)
{
    AuthChecks::appendResultChecks(list);
    AuthChecks::appendDkimChecks(list);
}

} // namespace Awb
