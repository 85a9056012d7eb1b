#include "reports/report_recogniser.h"

#include "reports/feedback/feedback_recognisers.h"
#include "reports/listings/listing_recognisers.h"
#include "reports/xarf/xarf_recognisers.h"

namespace Awb {

const QList<const ReportRecogniser *> &allRecognisers()
{
    // Most specific first: a JMRP complaint is also a multipart/report, and a SpamCop report
    // also carries the spam as a message/rfc822 part, so the forward recogniser comes last.
    static const QList<const ReportRecogniser *> recognisers = [] {
        QList<const ReportRecogniser *> feedback; // ARF, JMRP, forwards
        appendFeedbackRecognisers(feedback);
        const ReportRecogniser *forward = feedback.takeLast();
        QList<const ReportRecogniser *> list;
        list << feedback.first();    // ARF
        appendXarfRecognisers(list); // X-ARF 0.1/0.2, v3, v4
        list << feedback.mid(1);     // JMRP
        appendListingRecognisers(list); // SpamCop, Spamhaus
        list << forward;
        return list;
    }();
    return recognisers;
}

Report recogniseReport(const MailMessage &message)
{
    for (const ReportRecogniser *recogniser : allRecognisers()) {
        if (std::optional<Report> report = recogniser->recognise(message))
            return std::move(*report);
    }
    return Report{};
}

} // namespace Awb
