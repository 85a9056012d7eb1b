#pragma once

#include <QList>

namespace Awb {

class ReportRecogniser;

// Appends this family's recognisers in their order, ARF, JMRP, forwards. The instances are
// static and stateless; they live for the whole process. The forward recogniser claims any
// message with an attached message, so the caller places it after every other family
// (X-ARF, SpamCop...) that also attaches one.
void appendFeedbackRecognisers(QList<const ReportRecogniser *> &list);

} // namespace Awb
