#pragma once

#include <QList>

namespace Awb {

class ReportRecogniser;

// Appends the X-ARF family's recognisers (one XarfRecogniser using the bundled schemas) to
// `list`. The instances live for the whole process.
void appendXarfRecognisers(QList<const ReportRecogniser *> &list);

} // namespace Awb
