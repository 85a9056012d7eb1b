#pragma once

#include <QList>

namespace Awb {

class ReportRecogniser;

// Appends the blacklist operators' recognisers, SpamCop then Spamhaus, to `list`. The
// instances are static and stateless: they live as long as the program and serve every thread.
void appendListingRecognisers(QList<const ReportRecogniser *> &list);

} // namespace Awb
