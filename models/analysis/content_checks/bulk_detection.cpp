#include "bulk_detection.h"

#include "content_data.h"
#include "content_support.h"
#include "html_scanner.h"

#include "mail/mail_message.h"

#include <QRegularExpression>
#include <QSet>

namespace Awb {

using namespace ContentChecks;

namespace {

struct MarketingTrait
{
    const char *what; // for evidence, translated
    QRegularExpression pattern;
};

// Kinds of promotional wording, each counted once. They are the phrases of retail and
// newsletter mail (SpamAssassin's and the CAN-SPAM guidance's examples of commercial content),
// chosen so that alerts, phishing bait and reports do not match.
const QList<MarketingTrait> &marketingTraits()
{
    static const auto ci = QRegularExpression::CaseInsensitiveOption;
    static const QList<MarketingTrait> traits = {
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a discount or voucher"),
         QRegularExpression(
             QStringLiteral("\\b(\\d{1,2} ?% off|discounts?|coupons?|vouchers?|promo(?:tion)? "
                            "codes?|special offers?|exclusive offers?|free shipping|"
                            "buy one,? get one)\\b"),
             ci)},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "sales urgency"),
         QRegularExpression(QStringLiteral("\\b(offer ends|ends tonight|limited[- ]time|only \\d+ "
                                           "\\w+ left|while (?:stocks|supplies) last|"
                                           "last chance|don't miss out)\\b"),
                            ci)},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a call to buy"),
         QRegularExpression(QStringLiteral("\\b(buy now|shop now|order now|book now|claim your|"
                                           "subscribe now|register now|upgrade now|"
                                           "get \\d+ ?% off)\\b"),
                            ci)},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a retail season"),
         QRegularExpression(QStringLiteral("\\b(black friday|cyber monday|boxing day|flash sale|"
                                           "clearance sale|summer sale|winter sale)\\b"),
                            ci)},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "newsletter framing"),
         QRegularExpression(QStringLiteral("\\b(newsletter|view (?:this|it) (?:e-?mail )?in "
                                           "(?:your|a) browser|read online|view online|"
                                           "you (?:are )?receiv(?:e|ing) (?:this|our)|"
                                           "manage (?:your )?(?:e-?mail )?preferences|"
                                           "unsubscribe|opt[- ]out)\\b"),
                            ci)},
    };
    return traits;
}

// A per-recipient or per-message bounce address (VERP, RFC 3834 practice of list managers):
// "bounce-48213@", "bounces+user=example.net@", "list-bounces+x@".
bool looksLikeVerp(const QString &address)
{
    static const QRegularExpression verp(
        QStringLiteral("^(?:[a-z0-9._-]*[-.])?(?:bounces?|bnc|return|rtn|verp)[-+._=][^@]+@|"
                       "^[^@]*\\+[^@]*=[^@]*@"),
        QRegularExpression::CaseInsensitiveOption);
    return verp.match(address).hasMatch();
}

void addHeaderSign(BulkVerdict &verdict, BulkSign::Kind kind, const HeaderField &field,
                   const QString &why = {})
{
    BulkSign sign;
    sign.kind = kind;
    sign.text =
        why.isEmpty() ? elide(field.written) : Tr::tr("%1 (%2)").arg(elide(field.written), why);
    sign.location = field.location;
    verdict.signs.append(sign);
}

} // namespace

QString BulkVerdict::reason() const
{
    if (!isBulk)
        return {};
    QStringList parts;
    for (const BulkSign &sign : signs)
        parts << sign.text;
    return Tr::tr("It was judged bulk or commercial mail because of: %1.")
        .arg(parts.join(QStringLiteral("; ")));
}

QString readableBody(const MailMessage &message)
{
    const QString text = message.textBody();
    const QString html = message.htmlBody();
    if (html.isEmpty())
        return text;
    return text + QLatin1Char('\n') + htmlToText(html);
}

BulkVerdict detectBulk(const MailMessage &message)
{
    BulkVerdict verdict;
    for (const char *name : {"List-Id", "List-Unsubscribe", "List-Post", "List-Help"}) {
        for (const HeaderField &field : headerFields(message, name))
            addHeaderSign(verdict, BulkSign::Kind::List, field);
    }
    static const QRegularExpression bulkPrecedence(QStringLiteral("^\\s*(bulk|list|junk)\\b"),
                                                   QRegularExpression::CaseInsensitiveOption);
    for (const HeaderField &field : headerFields(message, "Precedence")) {
        if (bulkPrecedence.match(field.value).hasMatch())
            addHeaderSign(verdict, BulkSign::Kind::Automated, field);
    }
    for (const BulkFingerprint &print : bulkFingerprints()) {
        const bool prefix = print.header.endsWith(QLatin1Char('*'));
        const QByteArray name = (prefix ? print.header.chopped(1) : print.header).toLatin1();
        const QList<HeaderField> fields =
            prefix ? headerFieldsWithPrefix(message, name) : headerFields(message, name);
        for (const HeaderField &field : fields)
            addHeaderSign(
                verdict, print.campaign ? BulkSign::Kind::Campaign : BulkSign::Kind::Infrastructure,
                field, Tr::tr("written by %1").arg(print.service));
    }
    for (const char *name : {"X-Mailer", "User-Agent"}) {
        for (const HeaderField &field : headerFields(message, name)) {
            if (bulkMailerPattern().match(field.value).hasMatch())
                addHeaderSign(verdict, BulkSign::Kind::Campaign, field,
                              Tr::tr("bulk-mail software"));
        }
    }
    for (const HeaderField &field : headerFields(message, "Return-Path")) {
        if (looksLikeVerp(firstAddress(field.value)))
            addHeaderSign(verdict, BulkSign::Kind::Infrastructure, field,
                          Tr::tr("a per-recipient bounce address, as bulk mailers use"));
    }

    const QString subject = message.subject();
    const QString body = readableBody(message);
    const qsizetype bodyStart = bodyOffset(message);
    for (const MarketingTrait &trait : marketingTraits()) {
        QRegularExpressionMatch m = trait.pattern.match(subject);
        SourceLocation location;
        if (m.hasMatch()) {
            const QList<HeaderField> fields = headerFields(message, "Subject");
            location = fields.isEmpty() ? SourceLocation{} : fields.first().location;
        } else {
            m = trait.pattern.match(body);
            if (!m.hasMatch())
                continue;
            location = findEncoded(message.bytes(), m.captured(1), bodyStart);
            if (!location.isValid())
                location = bodyLocation(message);
        }
        verdict.signs.append({BulkSign::Kind::Marketing,
                              Tr::tr("%1 (\"%2\")").arg(Tr::tr(trait.what), m.captured(1)),
                              location});
    }

    int score = 0;
    QSet<BulkSign::Kind> counted;
    for (const BulkSign &sign : verdict.signs) {
        if (sign.kind == BulkSign::Kind::List || sign.kind == BulkSign::Kind::Campaign)
            score += 2;
        else if (sign.kind == BulkSign::Kind::Marketing || !counted.contains(sign.kind))
            score += 1;
        counted.insert(sign.kind);
    }
    verdict.isBulk = score >= 2;
    std::stable_sort(verdict.signs.begin(), verdict.signs.end(),
                     [](const BulkSign &a, const BulkSign &b) { return a.kind < b.kind; });
    return verdict;
}

} // namespace Awb
