#include "received_checks.h"

#include "received_check_support.h"

namespace Awb {

void appendReceivedChecks(QList<const Check *> &list)
{
    ReceivedChecks::appendPathChecks(list);
    ReceivedChecks::appendOriginChecks(list);
    ReceivedChecks::appendTimeChecks(list);
    ReceivedChecks::appendAddressChecks(list);
    ReceivedChecks::appendIdentityChecks(list);
}

} // namespace Awb
