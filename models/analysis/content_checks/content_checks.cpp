#include "content_checks.h"

#include "content_support.h"

namespace Awb {

void appendContentChecks(QList<const Check *> &list)
{
    ContentChecks::appendStandardsChecks(list);
    ContentChecks::appendLinkChecks(list);
    ContentChecks::appendRelayChecks(list);
}

} // namespace Awb
