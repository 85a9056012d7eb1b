#pragma once

#include "reports/report.h"

#include <QList>

#include <optional>

namespace Awb {

class MailMessage;

// Recognises one family of report formats. Stateless; one instance serves every thread.
class ReportRecogniser
{
public:
    virtual ~ReportRecogniser() = default;
    virtual QString name() const = 0; // for diagnostics: "ARF (RFC 5965)"
    // A Report when the message is of this family (even a damaged one: then with `problems`),
    // nullopt when it is not.
    virtual std::optional<Report> recognise(const MailMessage &message) const = 0;
};

// Every recogniser, most specific first: ARF, X-ARF, JMRP, SpamCop, Spamhaus, then forwards.
const QList<const ReportRecogniser *> &allRecognisers();

// Runs the recognisers in order; the first that claims the message wins. A message no
// recogniser claims is a Report of format Message. Never fails.
Report recogniseReport(const MailMessage &message);

} // namespace Awb
