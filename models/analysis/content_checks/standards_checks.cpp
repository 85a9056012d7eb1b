// The message standards of policy section 4.2 ("Legitimate Email Marketing"): a functional
// unsubscribe mechanism, a physical postal address and accurate sender information.
//
// Section IV opens with "If you conduct email marketing": its standards bind bulk and
// commercial mail only. Each check therefore first asks detectBulk() and does nothing for a
// personal or transactional message; every finding quotes the signs that made the message
// bulk or commercial, so that the customer can see why the standard was applied at all.

#include "analysis/message_facts.h"
#include "bulk_detection.h"
#include "content_support.h"
#include "link_extractor.h"
#include "postal_address.h"

#include "mail/mail_message.h"

#include <QRegularExpression>

namespace Awb::ContentChecks {

namespace {

const QRegularExpression &unsubscribeWords()
{
    static const QRegularExpression words(
        QStringLiteral(
            "unsubscri|opt[- ]?out|remove me|to be removed|stop receiving|"
            "abmelden|d[ée]sabonn|d[ée]sinscri|darse de baja|退訂|退订|取消訂閱|取消订阅"),
        QRegularExpression::CaseInsensitiveOption);
    return words;
}

// A line that tells the reader how to unsubscribe: it names the act and gives something to
// act on (a link, an address, or "reply").
bool hasUnsubscribeInstruction(const QString &body)
{
    static const QRegularExpression actionable(
        QStringLiteral("https?://|mailto:|www\\.|[\\w.+-]+@[\\w-]+\\.[\\w.-]+|\\breply\\b|"
                       "\\bclick\\b|\\bvisit\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (unsubscribeWords().match(line).hasMatch() && actionable.match(line).hasMatch())
            return true;
    }
    return false;
}

// Medium, clause 4.2 ("Functional unsubscribe mechanism in every message"): bulk mail that
// gives the recipient no way out at all, neither in the headers nor in the body.
class NoUnsubscribeCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("standards.no-unsubscribe"), Severity::Medium, QStringLiteral("4.2"),
                Tr::tr("Bulk mail without an unsubscribe mechanism"),
                Tr::tr("Bulk or commercial mail with neither a List-Unsubscribe header nor an "
                       "unsubscribe link or instruction in the body.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const MailMessage &message = context.message;
        const BulkVerdict &verdict = bulkOf(context);
        if (!verdict.isBulk || !headerFields(message, "List-Unsubscribe").isEmpty())
            return;
        for (const MessageLink &link : linksOf(context)) {
            const bool usable = link.scheme == QLatin1String("http") ||
                                link.scheme == QLatin1String("https") ||
                                link.scheme == QLatin1String("mailto");
            if (usable && (unsubscribeWords().match(link.url).hasMatch() ||
                           unsubscribeWords().match(link.text).hasMatch()))
                return;
        }
        if (hasUnsubscribeInstruction(readableBodyOf(context)))
            return;
        sink.add(
            -1,
            Tr::tr("The message has no List-Unsubscribe header, and its body has no unsubscribe "
                   "link or instruction (looked for links and lines that say unsubscribe, opt "
                   "out, remove me or stop receiving and give a link, an address or \"reply\" to "
                   "act on). %1")
                .arg(verdict.reason()),
            Severity::Medium, bodyLocation(message));
    }
};

// Low, clause 4.2: the https unsubscribe address works only in a browser unless the sender
// also declares RFC 8058 one-click support; the large mailbox providers require it of bulk
// senders since 2024. The mechanism exists, so this is a shortcoming, not its absence.
class NoOneClickCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("standards.no-one-click"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("Unsubscribe link without one-click support"),
                Tr::tr("Bulk mail with an https List-Unsubscribe address but without the RFC 8058 "
                       "header List-Unsubscribe-Post: List-Unsubscribe=One-Click.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const MailMessage &message = context.message;
        static const QRegularExpression httpsUri(QStringLiteral("<\\s*https://[^>]*>"),
                                                 QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression oneClick(
            QStringLiteral("^\\s*List-Unsubscribe\\s*=\\s*One-Click\\s*$"),
            QRegularExpression::CaseInsensitiveOption);
        const QList<HeaderField> unsubscribe = headerFields(message, "List-Unsubscribe");
        const auto withHttps =
            std::find_if(unsubscribe.cbegin(), unsubscribe.cend(),
                         [](const HeaderField &f) { return httpsUri.match(f.value).hasMatch(); });
        if (withHttps == unsubscribe.cend())
            return;
        const BulkVerdict &verdict = bulkOf(context);
        if (!verdict.isBulk)
            return;
        const QList<HeaderField> post = headerFields(message, "List-Unsubscribe-Post");
        for (const HeaderField &field : post) {
            if (oneClick.match(field.value).hasMatch())
                return;
        }
        const QString found =
            post.isEmpty() ? Tr::tr("there is no List-Unsubscribe-Post header")
                           : Tr::tr("the header reads \"%1\" instead of \"List-Unsubscribe-Post: "
                                    "List-Unsubscribe=One-Click\"")
                                 .arg(elide(post.first().written));
        sink.add(-1,
                 Tr::tr("\"%1\" offers an https unsubscribe address, but %2 (RFC 8058), so a mail "
                        "program cannot unsubscribe the reader with one click. %3")
                     .arg(elide(withHttps->written, 240), found, verdict.reason()),
                 Severity::Low, withHttps->location);
    }
};

// Medium, clause 4.2 ("Physical postal address in message body"). The evidence lists what
// was looked for, so that the customer can see that an address in another form was not
// overlooked by design, and can point to it if it is there.
class NoPostalAddressCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("standards.no-postal-address"), Severity::Medium,
                QStringLiteral("4.2"), Tr::tr("Bulk mail without a postal address"),
                Tr::tr("Bulk or commercial mail whose body shows no physical postal address.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const MailMessage &message = context.message;
        const BulkVerdict &verdict = bulkOf(context);
        if (!verdict.isBulk)
            return;
        const QString body = readableBodyOf(context);
        // No body (a report that carried the headers only) shows nothing either way: the
        // absence of an address can only be found in a body that is there.
        if (body.trimmed().isEmpty() || !findPostalAddress(body).text.isEmpty())
            return;
        sink.add(-1,
                 Tr::tr("No postal address was found in the %1 characters of body text. Looked for "
                        "%2. %3")
                     .arg(body.size())
                     .arg(postalAddressPatternsDescription(), verdict.reason()),
                 Severity::Medium, bodyLocation(message));
    }
};

} // namespace

void appendStandardsChecks(QList<const Check *> &list)
{
    static const NoUnsubscribeCheck noUnsubscribe;
    static const NoOneClickCheck noOneClick;
    static const NoPostalAddressCheck noPostalAddress;
    list << &noUnsubscribe << &noOneClick << &noPostalAddress;
    appendSenderChecks(list);
}

} // namespace Awb::ContentChecks
