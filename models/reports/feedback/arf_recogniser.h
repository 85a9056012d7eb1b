#pragma once

#include "reports/report_recogniser.h"

namespace Awb {

// Abuse Reporting Format: RFC 5965 feedback reports, with the authentication-failure fields of
// RFC 6591 and the Source-Port of RFC 6692.
//
// Claims a message that has a message/feedback-report part of its own (not one inside an
// attached message), or that is a multipart/report of report-type feedback-report, or whose
// subject is a "complaint about message from <address>" with the original attached. The last
// two are feedback-loop reports without a feedback part (seen from Microsoft's older loop):
// they are read from the subject and the human part, and `problems` says the part is missing.
// Leaves to the JMRP recogniser a report without a feedback part whose human part carries
// the JMRP sentence ("This is an email abuse report for an email message received from IP ...
// on ..."): that sentence is JMRP's only structured data.
//
// Everything the reporter wrote lands in Report::fields (source "feedback-report", or
// "human-part"/"subject" for values read from the prose); the typed members hold the readable
// values. Tolerated: field names in any case, versions "1", "1.0", "0.1" or quoted, quoted or
// YAML-styled parts, "::ffff:" addresses, a "(hostname)" comment after Source-IP, the historic
// Received-Date, broken dates, a leading ">From " line in the original, text/rfc822-header.
class ArfRecogniser final : public ReportRecogniser
{
public:
    QString name() const override;
    std::optional<Report> recognise(const MailMessage &message) const override;
};

} // namespace Awb
