#pragma once

#include "reports/report_recogniser.h"

namespace Awb {

// Spam forwarded by a person: the message attached as message/rfc822 with a short note, or
// forwarded inline with its headers pasted into the text.
//
// The most general of the report shapes, so it must run after every recogniser of a format
// that also attaches the spam (ARF, X-ARF, JMRP, SpamCop). It leaves alone delivery and
// disposition notifications (a bounce carries the bounced message as message/rfc822 too).
//
// The note is the description. Claims are read from the note and the subject when a person
// wrote them down: the receipt time ("delivered to us at 03:12:45 UTC on 9 November 2026",
// source "body") and the address the subject blames (source "subject"). An inline forward's
// original is rebuilt from the pasted lines; `problems` always says that such headers are a
// paste and may be incomplete, and originalHeadersOnly is set when no body was pasted.
class ForwardRecogniser final : public ReportRecogniser
{
public:
    QString name() const override;
    std::optional<Report> recognise(const MailMessage &message) const override;
};

} // namespace Awb
