// Who the message says it is from, and whether the other identity fields agree: From itself,
// the envelope sender (Return-Path), Reply-To and Sender.
//
// Organisations are compared as DMARC's relaxed alignment compares them: by organisational
// domain (analysis::organisationalDomain), with one large mail provider's domains counted as
// one. A difference is not forgery by itself (mailing lists, delegates and sending services
// all create honest ones), so these checks cite 4.2 ("accurate sender information in all
// headers") and leave forgery (3.2) to the impersonation checks and authentication results.

#include "header_check_data.h"
#include "header_check_support.h"

namespace Awb::HeaderChecks {

namespace {

// A mailing list rewrites Sender and often Reply-To to itself (RFC 5322 3.6.2 gives the list
// as the example of a Sender); a message that says it came through one is judged on that.
bool isListMessage(const MailMessage &message)
{
    return firstField(message, "List-Id").has_value() ||
           firstField(message, "List-Post").has_value();
}

bool alignedWithAny(const QString &domain, const QList<Mailbox> &boxes)
{
    for (const Mailbox &box : boxes) {
        if (sameOrganisation(domain, box.domain))
            return true;
    }
    return false;
}

class FromMissingCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        // Medium, 4.2: a message that names no author withholds the sender information the
        // policy requires in every message.
        return {QStringLiteral("from.missing"), Severity::Medium, QStringLiteral("4.2"),
                Tr::tr("No sender address in From"),
                Tr::tr("The message has no From field, or the From holds no address (RFC 5322, "
                       "section 3.6.2 requires one).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto field = firstField(context.message, "From");
        if (!field) {
            sink.add(-1, Tr::tr("The header block has no From field."));
            return;
        }
        if (parseAddressList(field->rawValue).isEmpty())
            sink.add(-1, Tr::tr("\"%1\" holds no address.").arg(quoteField(*field)),
                     Severity::Medium, fieldLocation(context.message, *field));
    }
};

class FromMultipleCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        // Medium without a Sender (RFC 5322 3.6.2 then requires one, and DMARC cannot pick an
        // author); Low with one, where it is legal but still unusual.
        return {QStringLiteral("from.multiple-addresses"), Severity::Medium, QStringLiteral("4.2"),
                Tr::tr("Several addresses in From"),
                Tr::tr("The From names more than one author; which of them sent it is not said "
                       "(and without a Sender field the message breaks RFC 5322).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto field = firstField(context.message, "From");
        if (!field)
            return;
        const QList<Mailbox> boxes = parseAddressList(field->rawValue);
        if (boxes.size() < 2)
            return;
        const bool hasSender = firstField(context.message, "Sender").has_value();
        sink.add(-1,
                 Tr::tr("\"%1\" names %2 addresses%3.")
                     .arg(quoteField(*field), QString::number(boxes.size()),
                          hasSender ? QString() : Tr::tr(" and the message has no Sender field")),
                 hasSender ? Severity::Low : Severity::Medium,
                 fieldLocation(context.message, *field));
    }
};

class EnvelopeMismatchCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("from.envelope-mismatch"), Severity::Low, QStringLiteral("4.2"),
            Tr::tr("From and envelope sender not aligned"),
            Tr::tr("The From domain and the Return-Path (envelope sender) domain belong to "
                   "different organisations, and the envelope is not a known sending service.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto returnPath = firstField(context.message, "Return-Path");
        const QList<Mailbox> from = mailboxesOf(context.message, "From");
        if (!returnPath || from.isEmpty())
            return;
        const QList<Mailbox> envelope = parseAddressList(returnPath->rawValue);
        if (envelope.isEmpty())
            return; // "<>": a bounce or report, which has no envelope sender to align
        // A forwarder rewrites the envelope with the Sender Rewriting Scheme ("SRS0=hash=tt=
        // orig.example=user@forwarder.example") so that SPF passes at the next hop: the
        // difference is the forwarding, not the sender.
        const QString local = envelope.first().address.section(QLatin1Char('@'), 0, -2);
        if (local.startsWith(QLatin1String("SRS0="), Qt::CaseInsensitive) ||
            local.startsWith(QLatin1String("SRS1="), Qt::CaseInsensitive))
            return;
        const QString domain = envelope.first().domain;
        if (alignedWithAny(domain, from) || isServiceProviderDomain(domain))
            return;
        // A freemail envelope behind an organisation's From, or any envelope behind a brand's
        // From, is how a spoofer who controls neither passes SPF: Medium.
        const QString freemail = freemailProvider(domain);
        const Brand *brand = brandOwningDomain(from.first().domain);
        const bool strong = !freemail.isEmpty() || brand;
        QString evidence = Tr::tr("\"%1\" is on %2, but \"%3\" is on %4.")
                               .arg(quoteField(*returnPath), organisationalDomain(domain),
                                    quoteField(*firstField(context.message, "From")),
                                    organisationalDomain(from.first().domain));
        if (!freemail.isEmpty())
            evidence += QLatin1Char(' ') + Tr::tr("The envelope is a %1 mailbox.").arg(freemail);
        else if (brand)
            evidence += QLatin1Char(' ') + Tr::tr("The From is a %1 domain.").arg(brand->name);
        sink.add(-1, evidence, strong ? Severity::Medium : Severity::Low,
                 fieldLocation(context.message, *returnPath));
    }
};

class ReplyToDivergentCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        // Low for an unrelated domain (agencies and shared inboxes do this honestly); Medium
        // for a freemail box behind an organisation's From, the pattern of advance-fee and
        // business e-mail compromise mail that wants the answers somewhere the sender's
        // organisation cannot see them.
        return {QStringLiteral("reply-to.divergent"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("Replies go to another organisation"),
                Tr::tr("The Reply-To is on a domain unrelated to the From, or on a freemail "
                       "provider the From is not at: answers go to someone other than the named "
                       "sender.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto replyTo = firstField(context.message, "Reply-To");
        const QList<Mailbox> from = mailboxesOf(context.message, "From");
        if (!replyTo || from.isEmpty() || isListMessage(context.message))
            return;
        for (const Mailbox &box : parseAddressList(replyTo->rawValue)) {
            if (alignedWithAny(box.domain, from) || isServiceProviderDomain(box.domain))
                continue;
            const QString freemail = freemailProvider(box.domain);
            QString evidence = Tr::tr("\"%1\" sends answers to %2, but the From is on %3.")
                                   .arg(quoteField(*replyTo), box.address,
                                        organisationalDomain(from.first().domain));
            if (!freemail.isEmpty())
                evidence +=
                    QLatin1Char(' ') + Tr::tr("%1 is a %2 mailbox.").arg(box.domain, freemail);
            sink.add(-1, evidence, freemail.isEmpty() ? Severity::Low : Severity::Medium,
                     fieldLocation(context.message, *replyTo));
            return; // one finding per field
        }
    }
};

class SenderMismatchCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("sender.mismatch"), Severity::Low, QStringLiteral("4.2"),
            Tr::tr("Sender unrelated to From"),
            Tr::tr("The Sender field (who actually sent the message) is on a domain unrelated to "
                   "the From, and the message does not come through a mailing list.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto sender = firstField(context.message, "Sender");
        const QList<Mailbox> from = mailboxesOf(context.message, "From");
        if (!sender || from.isEmpty() || isListMessage(context.message))
            return;
        const QList<Mailbox> boxes = parseAddressList(sender->rawValue);
        if (boxes.isEmpty() || alignedWithAny(boxes.first().domain, from) ||
            isServiceProviderDomain(boxes.first().domain))
            return;
        const Brand *brand = brandOwningDomain(from.first().domain);
        QString evidence = Tr::tr("\"%1\" is on %2, but the From is on %3.")
                               .arg(quoteField(*sender), organisationalDomain(boxes.first().domain),
                                    organisationalDomain(from.first().domain));
        if (brand)
            evidence += QLatin1Char(' ') + Tr::tr("The From is a %1 domain.").arg(brand->name);
        sink.add(-1, evidence, brand ? Severity::Medium : Severity::Low,
                 fieldLocation(context.message, *sender));
    }
};

} // namespace

void appendIdentityChecks(QList<const Check *> &list)
{
    static const FromMissingCheck fromMissing;
    static const FromMultipleCheck fromMultiple;
    static const EnvelopeMismatchCheck envelopeMismatch;
    static const ReplyToDivergentCheck replyTo;
    static const SenderMismatchCheck sender;
    list << &fromMissing << &fromMultiple << &envelopeMismatch << &replyTo << &sender;
}

} // namespace Awb::HeaderChecks
