#include "header_checks.h"

#include "header_check_support.h"

namespace Awb {

void appendHeaderChecks(QList<const Check *> &list)
{
    HeaderChecks::appendDateChecks(list);
    HeaderChecks::appendMessageIdChecks(list);
    HeaderChecks::appendIdentityChecks(list);
    HeaderChecks::appendImpersonationChecks(list);
    HeaderChecks::appendHeaderBlockChecks(list);
    HeaderChecks::appendEncodedWordChecks(list);
    HeaderChecks::appendSubjectChecks(list);
}

} // namespace Awb
