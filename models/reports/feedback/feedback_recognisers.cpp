#include "feedback_recognisers.h"

#include "arf_recogniser.h"
#include "forward_recogniser.h"
#include "jmrp_recogniser.h"

namespace Awb {

void appendFeedbackRecognisers(QList<const ReportRecogniser *> &list)
{
    static const ArfRecogniser arf;
    static const JmrpRecogniser jmrp;
    static const ForwardRecogniser forward;
    list << &arf << &jmrp << &forward;
}

} // namespace Awb
