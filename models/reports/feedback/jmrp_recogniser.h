#pragma once

#include "reports/report_recogniser.h"

namespace Awb {

// Microsoft's Junk Mail Reporting Program (Hotmail/Outlook.com) complaints: a report, often
// declared multipart/report; report-type=feedback-report, whose only structured data is the
// sentence of its human part, "This is an email abuse report for an email message received
// from IP 192.0.2.1 on Thu, 05 Nov 2026 06:02:11 -0800.", with the complained-of message
// attached. There is no message/feedback-report part (a report with one is ARF).
//
// The source IP and the arrival date come from that sentence (source "human-part"); the
// recipient Microsoft names in X-HmXmrOriginalRecipient of the original is kept as
// Original-Rcpt-To (source "original-headers") so that notices can tokenise it. The sender
// address is not checked: JMRP arrives from several Microsoft domains and from stand-ins.
class JmrpRecogniser final : public ReportRecogniser
{
public:
    QString name() const override;
    std::optional<Report> recognise(const MailMessage &message) const override;
};

} // namespace Awb
