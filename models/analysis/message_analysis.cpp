#include "analysis/message_analysis.h"

#include "analysis/check_registry.h"
#include "analysis/client_ip_headers.h"
#include "analysis/received_parser.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"

namespace Awb {

MessageAnalysis analyzeMessage(const MailMessage &message, const TrustSettings &trust,
                               const QDateTime &referenceTime)
{
    MessageAnalysis analysis;
    const QList<ReceivedHop> hops = parseReceivedChain(message.rawHeaderValues("Received"));
    analysis.chain = analyzeChain(hops, trust);
    analysis.chain.claimedClientIps = claimedClientIps(message);

    analysis.referenceTime = referenceTime;
    if (!analysis.referenceTime.isValid() && !hops.isEmpty() && hops.first().dateValid)
        analysis.referenceTime = hops.first().date;
    if (!analysis.referenceTime.isValid())
        analysis.referenceTime = QDateTime::currentDateTimeUtc();

    const AnalysisContext context{message, analysis.chain, trust, analysis.referenceTime};
    for (const Check *check : allChecks()) {
        const CheckInfo info = check->info();
        FindingSink sink(info, analysis.findings);
        check->run(context, sink);
    }
    return analysis;
}

} // namespace Awb
