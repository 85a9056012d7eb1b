#include "analysis/message_analysis.h"

#include "analysis/check_registry.h"
#include "analysis/client_ip_headers.h"
#include "analysis/received_parser.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"

namespace Awb {

namespace {

// "Name:" plus the raw value, folds included (the field's final line break is not part of it).
qsizetype fieldLength(const RawHeaderField &field)
{
    return field.name.size() + 1 + field.rawValue.size();
}

} // namespace

MessageAnalysis analyzeMessage(const MailMessage &message, const TrustSettings &trust,
                               const QDateTime &referenceTime)
{
    return analyzeMessage(message, trust, referenceTime, allChecks());
}

MessageAnalysis analyzeMessage(const MailMessage &message, const TrustSettings &trust,
                               const QDateTime &referenceTime, const QList<const Check *> &checks)
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

    QList<SourceLocation> hopLocations;
    for (const RawHeaderField &field : message.rawHeaders()) {
        if (field.name.compare("Received", Qt::CaseInsensitive) == 0)
            hopLocations.append({field.offset, fieldLength(field)});
    }
    AnalysisCache cache;
    const AnalysisContext context{message,      analysis.chain, trust, analysis.referenceTime,
                                  hopLocations, &cache};
    for (const Check *check : checks) {
        const CheckInfo info = check->info();
        FindingSink sink(info, analysis.findings, hopLocations);
        check->run(context, sink);
    }
    return analysis;
}

} // namespace Awb
