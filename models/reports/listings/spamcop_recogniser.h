#pragma once

#include "reports/report_recogniser.h"

#include <QStringList>

namespace Awb {

// SpamCop's reports to network owners, in their three shapes:
// - spam reports: subject "[SpamCop (192.0.2.1) id:1234567890]<spam subject>", a text part
//   with "Email from 192.0.2.1 / <date>" (the date the reporter's server received the spam),
//   a tracking link, and the spam either inline after an "[ Offending message ]" (older:
//   "Offending message:") line or as a message/rfc822 part;
// - spamvertised-site reports: "Spamvertised web site: http://..." and "<url> is <ip>; <date>";
// - summary reports ("[SpamCop] summary report"): a table of several sources with counts.
// SpamCop replaces the recipient's addresses in the spam by "x"; the report records that, since
// those fields are then no evidence of who received it.
//
// Recognised on structure and wording: the subject tag, or a known sender together with
// SpamCop's report text. The sender domains are data (senderDomains()), holding the real
// service's and the demo data set's stand-ins. A message that merely mentions SpamCop is not
// claimed. A claimed report that is damaged (no body, an unreadable address or date) is
// still returned, with `problems` saying what is missing.
class SpamCopRecogniser final : public ReportRecogniser
{
public:
    QString name() const override;
    std::optional<Report> recognise(const MailMessage &message) const override;

    static const QStringList &senderDomains();
};

} // namespace Awb
