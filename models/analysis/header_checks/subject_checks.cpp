// The Subject: missing, pretending to continue a conversation, or baiting with a claim the
// body does not bear out.
//
// Policy 3.2 forbids "misleading subject lines" in any mail; 4.2 asks legitimate marketing for
// "clear, non-deceptive subject lines". A lawyer cites the prohibition first: 3.2 applies to
// every message from the network, whether or not it is marketing, and a fake "RE:" or a bait
// subject is the act it names. A missing subject misleads nobody; it only falls short of 4.2's
// standard, so subject.missing cites 4.2.

#include "analysis/message_facts.h"
#include "header_check_support.h"

#include <QRegularExpression>

namespace Awb::HeaderChecks {

namespace {

class SubjectMissingCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("subject.missing"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("No subject line"),
                Tr::tr("The message has no Subject, or an empty one: the clear subject line that "
                       "policy 4.2 asks of every message is missing.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto field = firstField(context.message, "Subject");
        if (!field) {
            sink.add(-1, Tr::tr("The header block has no Subject field."));
            return;
        }
        if (decodeHeaderText(field->rawValue).trimmed().isEmpty())
            sink.add(-1, Tr::tr("%1 is empty.").arg(quotedField(*field)), Severity::Low,
                     fieldLocation(context.message, *field));
    }
};

// Reply and forward prefixes of the common mail programs: English RE/FW/FWD, German AW/WG,
// Scandinavian SV/VS/VB/VL, French TR, Spanish RV, Portuguese RES/ENC, Polish ODP, Dutch
// DOORST, Chinese 回复/回覆/答复/转发/轉寄, with an optional count ("RE[2]:") and a full-width
// colon. One letter prefixes (Italian "R:", "I:") are left out: too many honest subjects start
// that way.
const QRegularExpression &replyPrefix()
{
    static const QRegularExpression prefix(
        QStringLiteral("^\\s*(re|aw|sv|vs|res|odp|\\x{56DE}\\x{590D}|\\x{56DE}\\x{8986}|"
                       "\\x{7B54}\\x{590D}|fwd?|wg|vb|vl|tr|rv|enc|doorst|\\x{8F6C}\\x{53D1}|"
                       "\\x{8F49}\\x{5BC4})\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:\\x{FF1A}]"),
        QRegularExpression::CaseInsensitiveOption);
    return prefix;
}

bool isForwardPrefix(const QString &prefix)
{
    static const QStringList forwards = {
        QStringLiteral("fw"),           QStringLiteral("fwd"),         QStringLiteral("wg"),
        QStringLiteral("vb"),           QStringLiteral("vl"),          QStringLiteral("tr"),
        QStringLiteral("rv"),           QStringLiteral("enc"),         QStringLiteral("doorst"),
        QStringLiteral("\u8F6C\u53D1"), QStringLiteral("\u8F49\u5BC4")};
    return forwards.contains(prefix.toLower());
}

// Outlook and Exchange thread by Thread-Index: 22 bytes for a new conversation, 5 more for each
// reply. A Thread-Index longer than 22 bytes records the message being answered.
bool threadIndexShowsReply(const MailMessage &message)
{
    const auto field = firstField(message, "Thread-Index");
    if (!field)
        return false;
    return QByteArray::fromBase64(field->rawValue.trimmed()).size() > 22;
}

class FakeReplyCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("subject.fake-reply"), Severity::Medium, QStringLiteral("3.2"),
            Tr::tr("Subject pretends to be a reply or forward"),
            Tr::tr("The Subject starts with RE:, FW: or a similar prefix, but the message refers "
                   "to no earlier message (no In-Reply-To, References or Outlook thread index), "
                   "and a forward forwards nothing.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        static const QRegularExpression quotesOriginal(
            QStringLiteral("^\\s*>|\\bwrote:\\s*$|^-{2,}\\s*Original Message"),
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
        const MailMessage &message = context.message;
        const auto field = firstField(message, "Subject");
        if (!field)
            return;
        const QRegularExpressionMatch prefix =
            replyPrefix().match(decodeHeaderText(field->rawValue));
        if (!prefix.hasMatch())
            return;
        for (const QByteArray name : {QByteArray("In-Reply-To"), QByteArray("References")}) {
            const auto ref = firstField(message, name);
            if (ref && !rawText(ref->rawValue).isEmpty())
                return;
        }
        if (threadIndexShowsReply(message))
            return;
        const QString &body = readableBodyOf(context);
        const QString quoted = quotedField(*field);
        const SourceLocation where = fieldLocation(message, *field);
        if (isForwardPrefix(prefix.captured(1))) {
            // A forward need not reference anything (many programs set no References on one),
            // but it carries the message it forwards.
            if (carriesForwardedMessage(message, body))
                return;
            sink.add(-1,
                     Tr::tr("%1 announces a forward, but the message carries no forwarded "
                            "message and references none (no In-Reply-To or References).")
                         .arg(quoted),
                     Severity::Medium, where);
            return;
        }
        // A reply that quotes text is more likely a careless program than a disguise: Low.
        const bool quotes = quotesOriginal.match(body).hasMatch();
        sink.add(-1,
                 quotes ? Tr::tr("%1 announces a reply, but the message has neither In-Reply-To "
                                 "nor References (it does quote some text).")
                              .arg(quoted)
                        : Tr::tr("%1 announces a reply, but the message has neither In-Reply-To "
                                 "nor References and quotes nothing: there is no conversation it "
                                 "continues.")
                              .arg(quoted),
                 quotes ? Severity::Low : Severity::Medium, where);
    }
};

// A kind of bait: what subject words announce it, what in the body would bear the claim out,
// and what the body asks instead when it is bait.
struct Bait
{
    const char *kind; // for evidence, translated
    QRegularExpression subject;
    QRegularExpression substance;
    const char *substanceName; // what was looked for and not found, translated
    QRegularExpression pretext;
    QRegularExpression urgency; // must also match when valid (account bait)
};

const QList<Bait> &baits()
{
    using RE = QRegularExpression;
    const auto ci = RE::CaseInsensitiveOption;
    // A money amount with a currency: what any real invoice, receipt, refund or payment
    // notice states.
    static const QString amount = QStringLiteral(
        "(?:[$\\x{20AC}\\x{00A3}\\x{00A5}]\\s?\\d|\\b(?:USD|EUR|GBP|HKD|HK\\$|RMB|CNY|JPY|AUD|"
        "CAD|SGD|CHF)\\s?\\d|\\d(?:[\\d,.]*\\d)?\\s?(?:USD|EUR|GBP|HKD|RMB|CNY|JPY|AUD|CAD|"
        "SGD|CHF|\\x{20AC})\\b)");
    static const QList<Bait> data = {
        {QT_TRANSLATE_NOOP("Awb::HeaderChecks", "a transaction"),
         RE(QStringLiteral("\\b(refund\\w*|invoice\\w*|receipt|payment|order|billing|bill|"
                           "transaction|purchase|chargeback)\\b"),
            ci),
         RE(amount, ci), QT_TRANSLATE_NOOP("Awb::HeaderChecks", "an amount with a currency"),
         RE(QStringLiteral("confirm (?:your )?(?:details|identity|account|information|payment|"
                           "card)|verify (?:your )?(?:account|identity|details|information|"
                           "payment)|update (?:your )?(?:payment|billing|card)|claim (?:your|my|"
                           "the)\\b|voucher|gift card|offer ends|limited time|only \\d+ "
                           "(?:left|remaining)|release the funds|enter your (?:password|card)"),
            ci),
         RE()},
        {QT_TRANSLATE_NOOP("Awb::HeaderChecks", "a delivery"),
         RE(QStringLiteral("\\b(parcel|package|delivery|shipment|courier|consignment)\\b"), ci),
         RE(QStringLiteral("\\btracking\\s*(?:number|no\\.?|#|id|code)?\\s*[:#]?\\s*[A-Z0-9]{8,}"),
            ci),
         QT_TRANSLATE_NOOP("Awb::HeaderChecks", "a tracking number"),
         RE(QStringLiteral("(?:pay|settle) (?:a |the )?(?:small )?(?:fee|customs|duty|charge)|"
                           "redelivery fee|customs (?:fee|charge|duty)|reschedule|confirm "
                           "(?:your )?(?:address|delivery details)|update (?:your )?(?:address|"
                           "delivery)"),
            ci),
         RE()},
        {QT_TRANSLATE_NOOP("Awb::HeaderChecks", "an account or security problem"),
         RE(QStringLiteral("\\b(account|password|mailbox|storage|quota|verify|verification|"
                           "suspend\\w*|locked|disabled|deactivat\\w*|security alert|unusual "
                           "(?:sign-?in|activity|login))\\b"),
            ci),
         RE(QStringLiteral("if this was you|no (?:further )?action (?:is )?(?:required|needed)|"
                           "you (?:don't|do not) need to do anything|you can (?:safely )?ignore "
                           "this"),
            ci),
         QT_TRANSLATE_NOOP("Awb::HeaderChecks",
                           "the \"if this was you, nothing to do\" wording of a real notice"),
         RE(QStringLiteral("verify (?:your )?(?:account|identity|mailbox|email|password|login|"
                           "details)|confirm (?:your )?(?:account|identity|password|login|"
                           "details|email)|re-?activate|validate (?:your )?(?:account|mailbox|"
                           "email)|update (?:your )?(?:password|credentials)|enter your password"),
            ci),
         RE(QStringLiteral("within \\d+ (?:hours|hrs|days)|\\d+ hours|immediately|will be "
                           "(?:suspended|closed|deleted|disabled|locked|terminated|rejected|"
                           "deactivated)"),
            ci)},
        {QT_TRANSLATE_NOOP("Awb::HeaderChecks", "a prize or windfall"),
         RE(QStringLiteral("\\b(won|winner|winning|prize|lottery|jackpot|congratulations|"
                           "earned|payout|inheritance|beneficiary|withdraw)\\b"),
            ci),
         RE(QStringLiteral("official rules|no purchase necessary"), ci),
         QT_TRANSLATE_NOOP("Awb::HeaderChecks", "official rules of a real promotion"),
         RE(QStringLiteral("\\bclaim\\b|confirm (?:your )?(?:wallet|details|bank|identity|"
                           "address)|processing fee|release (?:the|your) (?:funds|payment|prize)|"
                           "send (?:us )?your"),
            ci),
         RE()},
    };
    return data;
}

QStringList matchedTexts(const QRegularExpression &re, const QString &text)
{
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QString found = it.next().captured().simplified();
        if (!out.contains(found, Qt::CaseInsensitive))
            out << found;
    }
    return out;
}

QString quotedList(const QStringList &items)
{
    QStringList q;
    for (const QString &item : items)
        q << QStringLiteral("\"%1\"").arg(item);
    return q.join(QLatin1String(", "));
}

class DeceptiveSubjectCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("subject.deceptive"), Severity::Medium, QStringLiteral("3.2"),
            Tr::tr("Subject bait not borne out by the body"),
            Tr::tr("The Subject announces a transaction, delivery, account problem or prize, but "
                   "the body lacks what a real one states (an amount, a tracking number, the "
                   "reassurance of a real alert, official rules) and asks the reader to act "
                   "instead.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto field = firstField(context.message, "Subject");
        if (!field)
            return;
        QString subject = decodeHeaderText(field->rawValue);
        subject.remove(replyPrefix());
        const QString &body = readableBodyOf(context);
        if (body.isEmpty())
            return; // headers only: nothing to hold the subject against
        for (const Bait &bait : baits()) {
            const QStringList triggers = matchedTexts(bait.subject, subject);
            if (triggers.isEmpty() || bait.substance.match(body).hasMatch())
                continue;
            const QStringList asks = matchedTexts(bait.pretext, body);
            if (asks.isEmpty())
                continue;
            QStringList pressure;
            if (!bait.urgency.pattern().isEmpty()) {
                pressure = matchedTexts(bait.urgency, body);
                if (pressure.isEmpty())
                    continue;
            }
            QString evidence =
                Tr::tr("%1 announces %2 (%3), but the body lacks %4; it asks the reader: %5.")
                    .arg(quotedField(*field), Tr::tr(bait.kind), quotedList(triggers),
                         Tr::tr(bait.substanceName), quotedList(asks));
            if (!pressure.isEmpty())
                evidence += QLatin1Char(' ') + Tr::tr("Pressure: %1.").arg(quotedList(pressure));
            sink.add(-1, evidence, Severity::Medium, fieldLocation(context.message, *field));
            return;
        }
    }
};

} // namespace

void appendSubjectChecks(QList<const Check *> &list)
{
    static const SubjectMissingCheck missing;
    static const FakeReplyCheck fakeReply;
    static const DeceptiveSubjectCheck deceptive;
    list << &missing << &fakeReply << &deceptive;
}

} // namespace Awb::HeaderChecks
