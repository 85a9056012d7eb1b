#pragma once

#include "reports/report_recogniser.h"

#include <QStringList>

namespace Awb {

// Spamhaus listing notices sent to a network's abuse contact: the classic SBL notice (subject
// with the listing id, "SBL Ref:"/"Listing ID:", "IP/cidr:"/"IP/range:", "Problem:"/"Reason:",
// the listing date, an evidence excerpt, the removal link) and the newer notification format
// ("IP address:", "Issue:", "Dataset:"/"Blocklist:", "Detected:"/"Listed:"), in plain text or
// HTML only. Also CSS, XBL and DBL listings when a notice names them.
//
// Each listing becomes a ListingRecord {list, listingId, range as listed, reason, listedAt};
// sourceIp is the listed address or the first address of the listed range; feedbackType is
// "blacklisting". These reports are the blacklist-impact evidence of policy sections 3.3, 6.1
// and 6.2. The evidence excerpt is kept as a field, not as the original: it is an excerpt
// with the recipients removed, never a complete copy. The receipt time (arrivalDate) is the
// date of the excerpt's topmost Received field, else the listing time.
//
// Recognised on wording and structure with the sender domains as data (real and demo). A
// damaged notice (no listing date, an unreadable range) is returned with `problems`.
class SpamhausRecogniser final : public ReportRecogniser
{
public:
    QString name() const override;
    std::optional<Report> recognise(const MailMessage &message) const override;

    static const QStringList &senderDomains();
};

} // namespace Awb
