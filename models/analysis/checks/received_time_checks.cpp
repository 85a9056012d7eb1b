// The dates of the sender's own stamps: running backwards, lying in the future, or missing.
//
// Only stamps below the trust boundary are judged. A receiver's clock that is off is a fact
// about that receiver, not about the sender, and no clause of the policy engages it. The
// sender's stamps are the sender's text; times that cannot be true are forged routing
// information, clause 3.2.

#include "received_check_support.h"

namespace Awb::ReceivedChecks {

namespace {

// Servers keep time with NTP to well under a second, but stamps are written when a transaction
// starts or ends, and a slow content filter or a queue run can put minutes between a client's
// stamp and the receiver's. Five minutes absorbs that and ordinary clock skew; a reversal
// beyond it is not explained by how servers keep time.
constexpr qint64 TimeReversalToleranceSeconds = 5 * 60;

// A stamp can run ahead of the receipt time by a misconfigured clock; SpamAssassin's
// DATE_IN_FUTURE rules only start at 3 hours for the Date field. For Received stamps, which
// servers write from their own (normally synchronised) clocks, 15 minutes is already more than
// any honest server is off, and still clear of ordinary skew.
constexpr qint64 FutureToleranceSeconds = 15 * 60;

// The hop above hop i that hop i is dated more than the tolerance after, or -1. That is the
// nearest dated hop above, so that an undated stamp in between does not hide a reversal.
int reversedAgainst(const ChainAnalysis &chain, int i)
{
    const ReceivedHop &hop = chain.hops.at(i).parsed;
    if (!hop.dateValid)
        return -1;
    int above = i - 1;
    while (above >= 0 && !chain.hops.at(above).parsed.dateValid)
        --above;
    if (above < 0 ||
        chain.hops.at(above).parsed.date.secsTo(hop.date) <= TimeReversalToleranceSeconds)
        return -1;
    return above;
}

class TimeReversalCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("received.time-reversal"), Severity::Medium, QStringLiteral("3.2"),
            Tr::tr("Received times run backwards"),
            Tr::tr("A stamp below the trust boundary is dated more than 5 minutes after the stamp "
                   "of the server it supposedly handed the message to.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return;
        for (int i = chain.boundaryHop + 1; i < chain.hops.size(); ++i) {
            const ReceivedHop &hop = chain.hops.at(i).parsed;
            const int above = reversedAgainst(chain, i);
            if (above < 0)
                continue;
            const ReceivedHop &later = chain.hops.at(above).parsed;
            const qint64 ahead = later.date.secsTo(hop.date);
            sink.add(i, Tr::tr("Hop %1 is dated %2, which is %3 later than hop %4 (%5), the server "
                               "that received the message after it (%6).")
                            .arg(QString::number(i), describeDate(hop), describeDuration(ahead),
                                 QString::number(above), describeReceiver(later),
                                 describeDate(later)));
        }
    }
};

// A stamp dated after the hop above it is reported once, as a time reversal. This check adds
// the stamps that do not run backwards against their neighbour but still lie after the receipt:
// a forged section dated consistently within itself, all of it later than the receiver saw it.
class FutureDateCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.future-date"), Severity::Medium, QStringLiteral("3.2"),
                Tr::tr("Received stamp dated in the future"),
                Tr::tr("A stamp below the trust boundary is dated more than 15 minutes after the "
                       "message was received.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0 || !context.referenceTime.isValid())
            return;
        const QString reference =
            context.referenceTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        for (int i = chain.boundaryHop + 1; i < chain.hops.size(); ++i) {
            const ReceivedHop &hop = chain.hops.at(i).parsed;
            if (!hop.dateValid)
                continue;
            const qint64 ahead = context.referenceTime.secsTo(hop.date);
            if (ahead <= FutureToleranceSeconds || reversedAgainst(chain, i) >= 0)
                continue;
            sink.add(i, Tr::tr("Hop %1 is dated %2, %3 after the message was received (%4 UTC).")
                            .arg(QString::number(i), describeDate(hop), describeDuration(ahead),
                                 reference));
        }
    }
};

class MissingDateCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("received.missing-date"), Severity::Low, QStringLiteral("3.2"),
                Tr::tr("Received stamp without a date"),
                Tr::tr("A stamp below the trust boundary has no date or an unreadable one; every "
                       "server writes one (RFC 5321, section 4.4).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const ChainAnalysis &chain = context.chain;
        if (chain.boundaryHop < 0)
            return;
        for (int i = chain.boundaryHop + 1; i < chain.hops.size(); ++i) {
            const ReceivedHop &hop = chain.hops.at(i).parsed;
            if (hop.dateValid || hop.completeness == ReceivedHop::Completeness::None)
                continue; // an unreadable stamp is received.unparsed, not also this
            const QString evidence =
                hop.dateText.isEmpty()
                    ? Tr::tr("Hop %1 (by %2) carries no date.")
                          .arg(QString::number(i), describeReceiver(hop))
                    : Tr::tr("Hop %1 (by %2) is dated \"%3\", which is not a valid date.")
                          .arg(QString::number(i), describeReceiver(hop), hop.dateText);
            sink.add(i, evidence);
        }
    }
};

} // namespace

void appendTimeChecks(QList<const Check *> &list)
{
    static const TimeReversalCheck timeReversal;
    static const FutureDateCheck futureDate;
    static const MissingDateCheck missingDate;
    list << &timeReversal << &futureDate << &missingDate;
}

} // namespace Awb::ReceivedChecks
