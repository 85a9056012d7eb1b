// The Date field: absent, unreadable, contradicted by the receipt, or in a zone no clock uses.
//
// The Date is written by the sender's software, so it is judged against the first Received
// stamp that can be believed: the trust boundary's (the receiver that saw the sender connect),
// or, when the chain has no boundary, the top stamp. The sender's own stamps below the boundary
// are no reference: they are the same sender's text.

#include "header_check_support.h"

#include "analysis/mail_date.h"

#include <QRegularExpression>

namespace Awb::HeaderChecks {

namespace {

// SpamAssassin's DATE_IN_FUTURE and DATE_IN_PAST rules start at 3 hours; in the future that is
// already more than a wrong desktop clock usually explains. In the past a message may honestly
// wait in a sender's queue for the whole retry period (RFC 5321 4.5.4.1 suggests 4-5 days), so
// only a Date older than that counts.
constexpr qint64 FutureToleranceSeconds = 3 * 3600;
constexpr qint64 PastToleranceSeconds = 5 * 24 * 3600;

struct ReadDate
{
    RawHeaderField field;
    QString text; // decoded value
    std::optional<MailDate> date;
};

std::optional<ReadDate> readDate(const MailMessage &message)
{
    const auto field = firstField(message, "Date");
    if (!field)
        return std::nullopt;
    ReadDate read{*field, decodeHeaderText(field->rawValue), std::nullopt};
    read.date = parseMailDate(read.text);
    return read;
}

struct Reference
{
    QDateTime time;
    QString description; // "hop 1 (by mx.example.net, 2026-11-02 09:14:22 UTC)"
    int hop = -1;
};

// The first trustworthy Received stamp with a date: the boundary, else the top stamp. When the
// boundary's stamp is undated the top stamp, written later by a receiver, still bounds the
// Date from above and, less tightly, from below.
std::optional<Reference> trustedReceipt(const ChainAnalysis &chain)
{
    QList<int> candidates;
    if (chain.boundaryHop >= 0)
        candidates << chain.boundaryHop;
    if (!chain.hops.isEmpty() && chain.boundaryHop != 0)
        candidates << 0;
    for (const int i : candidates) {
        const ReceivedHop &hop = chain.hops.at(i).parsed;
        if (!hop.dateValid)
            continue;
        const QString utc = hop.date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QString by = hop.by.isEmpty() ? Tr::tr("an unnamed server") : hop.by;
        return Reference{hop.date,
                         Tr::tr("the Received stamp of hop %1 (by %2, %3 UTC)").arg(i).arg(by, utc),
                         i};
    }
    return std::nullopt;
}

QString hours(qint64 seconds)
{
    return QString::number(double(seconds) / 3600.0, 'f', 1);
}

class DateMissingCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        // Low, 4.2: a missing Date is a defect of the message format (RFC 5322 3.6 requires
        // one), not a falsehood; it is a mark of hand-rolled bulk software.
        return {QStringLiteral("date.missing"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("No Date header"),
                Tr::tr("The message has no Date field, which every message must carry (RFC 5322, "
                       "section 3.6).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        if (!firstField(context.message, "Date"))
            sink.add(-1, Tr::tr("The header block has no Date field."));
    }
};

class DateInvalidCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("date.invalid"), Severity::Low, QStringLiteral("4.2"),
            Tr::tr("Malformed Date header"),
            Tr::tr("The Date cannot be read, or it lacks a time zone so that the moment it names "
                   "is uncertain by up to a day.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto read = readDate(context.message);
        if (!read)
            return;
        const QString quoted = quoteField(read->field);
        const SourceLocation where = fieldLocation(context.message, read->field);
        if (!read->date) {
            sink.add(-1, Tr::tr("\"%1\" is not a date that can be read.").arg(quoted),
                     Severity::Medium, where);
        } else if (read->date->zone == MailDate::Zone::Missing) {
            sink.add(
                -1,
                Tr::tr("\"%1\" names no time zone (RFC 5322, section 3.3 requires one); read as "
                       "UTC it is %2.")
                    .arg(quoted,
                         read->date->toUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))),
                Severity::Low, where);
        }
    }
};

// Low, 3.2 (Medium beyond a day): a Date the receipt proves false is false header information.
// A wrong clock explains some of it, hence the tolerance and the low weight of small gaps;
// ratware dates mail ahead so that it sorts to the top of the inbox.
class DateInFutureCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("date.in-future"), Severity::Low, QStringLiteral("3.2"),
                Tr::tr("Date later than the message was received"),
                Tr::tr("The Date is more than 3 hours after the first trustworthy Received stamp "
                       "(the trust boundary, else the top stamp).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto read = readDate(context.message);
        if (!read || !read->date)
            return;
        std::optional<Reference> reference = trustedReceipt(context.chain);
        // With no dated stamp at all, the receipt time given to the analysis (or its "now")
        // still bounds the Date from above: nothing can be written after it was received.
        if (!reference && context.chain.hops.isEmpty() && context.referenceTime.isValid())
            reference = Reference{context.referenceTime,
                                  Tr::tr("the time the message was received (%1 UTC)")
                                      .arg(context.referenceTime.toUTC().toString(
                                          QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                                  -1};
        if (!reference)
            return;
        const qint64 ahead = reference->time.secsTo(read->date->toUtc());
        if (ahead <= FutureToleranceSeconds)
            return;
        QString evidence = Tr::tr("\"%1\" is %2 hours after %3.")
                               .arg(quoteField(read->field), hours(ahead), reference->description);
        if (read->date->zone == MailDate::Zone::Missing)
            evidence += QLatin1Char(' ') + Tr::tr("The Date names no zone and was read as UTC.");
        sink.add(reference->hop, evidence, ahead > 24 * 3600 ? Severity::Medium : Severity::Low,
                 fieldLocation(context.message, read->field));
    }
};

class DateInPastCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("date.in-past"), Severity::Low, QStringLiteral("3.2"),
            Tr::tr("Date long before the message was received"),
            Tr::tr("The Date is more than 5 days (longer than any retry queue holds mail) before "
                   "the first trustworthy Received stamp.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto read = readDate(context.message);
        if (!read || !read->date)
            return;
        const std::optional<Reference> reference = trustedReceipt(context.chain);
        if (!reference)
            return; // without a receipt stamp, "now" says nothing about when it was sent
        const qint64 behind = read->date->toUtc().secsTo(reference->time);
        if (behind <= PastToleranceSeconds)
            return;
        sink.add(reference->hop,
                 Tr::tr("\"%1\" is %2 hours (%3 days) before %4.")
                     .arg(quoteField(read->field), hours(behind), QString::number(behind / 86400),
                          reference->description),
                 behind > 30 * 86400 ? Severity::Medium : Severity::Low,
                 fieldLocation(context.message, read->field));
    }
};

// Low, 3.2: an offset that no clock in the world uses was not written by a clock; the Date was
// made up by the sending software. What is not judged: a Date zone that differs from the zone of
// the sender's Received stamps. Servers commonly keep UTC while the client writing the Date uses
// the user's zone, and webmail writes the server's zone for every user, so a difference proves
// nothing.
class DateAbsurdZoneCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("date.absurd-zone"), Severity::Low, QStringLiteral("3.2"),
                Tr::tr("Date in an impossible time zone"),
                Tr::tr("The Date's zone offset lies outside -12:00 to +14:00, has minutes no zone "
                       "uses (only :00, :30 and :45 exist), or is an unknown zone name.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        // The numeric zone after the time of day, read here rather than from MailDate because
        // parseMailDate reads an offset beyond 23:59 as "unknown" and keeps no digits.
        static const QRegularExpression numeric(
            QStringLiteral("\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[AP]M\\s*)?"
                           "(?:GMT|UTC|UT)?([+-])(\\d{2}):?(\\d{2})(?!\\d)"),
            QRegularExpression::CaseInsensitiveOption);
        const auto read = readDate(context.message);
        if (!read || !read->date)
            return;
        const QString quoted = quoteField(read->field);
        const SourceLocation where = fieldLocation(context.message, read->field);
        const QRegularExpressionMatch m = numeric.match(read->text);
        if (m.hasMatch()) {
            const int h = m.captured(2).toInt();
            const int min = m.captured(3).toInt();
            const bool east = m.captured(1) == QLatin1String("+");
            const int total = h * 60 + min;
            const QString zone = m.captured(1) + m.captured(2) + m.captured(3);
            if (min >= 60 || h >= 24) {
                sink.add(
                    -1,
                    Tr::tr("\"%1\": the zone %2 is not a time offset at all.").arg(quoted, zone),
                    Severity::Low, where);
            } else if ((east && total > 14 * 60) || (!east && total > 12 * 60)) {
                sink.add(
                    -1,
                    Tr::tr("\"%1\": the zone %2 lies outside the offsets in use, -1200 to +1400.")
                        .arg(quoted, zone),
                    Severity::Low, where);
            } else if (min != 0 && min != 30 && min != 45) {
                sink.add(-1,
                         Tr::tr("\"%1\": the zone %2 has %3 minutes; every zone in use is a whole "
                                "hour, or :30 or :45 past it.")
                             .arg(quoted, zone, m.captured(3)),
                         Severity::Low, where);
            }
            return;
        }
        if (read->date->zone == MailDate::Zone::Unknown)
            sink.add(-1,
                     Tr::tr("\"%1\" ends in a zone name that is not known; RFC 5322 (section 4.3) "
                            "reads it as -0000, a time whose zone is unknown.")
                         .arg(quoted),
                     Severity::Info, where);
    }
};

} // namespace

void appendDateChecks(QList<const Check *> &list)
{
    static const DateMissingCheck missing;
    static const DateInvalidCheck invalid;
    static const DateInFutureCheck future;
    static const DateInPastCheck past;
    static const DateAbsurdZoneCheck absurdZone;
    list << &missing << &invalid << &future << &past << &absurdZone;
}

} // namespace Awb::HeaderChecks
