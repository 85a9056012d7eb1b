#include "reports/listings/listing_recognisers.h"

#include "reports/listings/spamcop_recogniser.h"
#include "reports/listings/spamhaus_recogniser.h"

namespace Awb {

void appendListingRecognisers(QList<const ReportRecogniser *> &list)
{
    static const SpamCopRecogniser spamCop;
    static const SpamhausRecogniser spamhaus;
    list << &spamCop << &spamhaus;
}

} // namespace Awb
