#include "reports/xarf/xarf_recognisers.h"

#include "reports/xarf/xarf_recogniser.h"

namespace Awb {

void appendXarfRecognisers(QList<const ReportRecogniser *> &list)
{
    static const XarfRecogniser xarf;
    list.append(&xarf);
}

} // namespace Awb
