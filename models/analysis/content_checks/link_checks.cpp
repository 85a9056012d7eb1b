// Links that hide where they lead: a visible text naming one site over a link to another, a
// bare IP address instead of a name, a public URL shortener.
//
// All three are clause 3.2 (Deceptive Practices: "Impersonating legitimate entities",
// misleading the recipient). A reader decides whether to follow a link by the site it names;
// each of these takes that decision away from them by showing something else than the
// destination, or nothing that identifies it.

#include "analysis/message_facts.h"
#include "content_data.h"
#include "content_support.h"
#include "link_extractor.h"

#include "analysis/chain_analysis.h"
#include "mail/mail_message.h"
#include "network/address_scope.h"
#include "network/ip_address.h"

#include <QRegularExpression>

namespace Awb::ContentChecks {

namespace {

bool isWebLink(const MessageLink &link)
{
    return link.scheme == QLatin1String("http") || link.scheme == QLatin1String("https");
}

QString describeKind(const MessageLink &link)
{
    switch (link.kind) {
    case MessageLink::Kind::Anchor:
        return Tr::tr("link");
    case MessageLink::Kind::Image:
        return Tr::tr("image (loaded when the message is opened)");
    case MessageLink::Kind::Form:
        return Tr::tr("form target");
    case MessageLink::Kind::TextUrl:
    case MessageLink::Kind::HtmlTextUrl:
        return Tr::tr("URL in the text");
    }
    return {};
}

// High, clause 3.2: the visible text of a link names one site ("https://mail.lakeside.example.org
// /owa") while the link goes to another organisation: the reader is shown one destination and
// sent to another. Through a bulk-mail service's click tracker the true target is hidden rather
// than contradicted, and every tracked newsletter does it, so that case is Low.
class LinkTextMismatchCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("content.link-text-mismatch"), Severity::High, QStringLiteral("3.2"),
                Tr::tr("Link text shows another site than the link target"),
                Tr::tr("An HTML link whose visible text shows one domain while its target is in "
                       "another organisational domain.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        // A domain as it is written in link text: "www.bank.example", "https://a.b.example/x".
        static const QRegularExpression shownDomain(
            QStringLiteral("(?:^|[\\s(<\"'/@])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+"
                           "[a-z][a-z0-9-]*[a-z0-9])(?=$|[\\s/:?#)>\"',;!])"),
            QRegularExpression::CaseInsensitiveOption);
        for (const MessageLink &link : linksOf(context)) {
            if (link.kind != MessageLink::Kind::Anchor || !isWebLink(link) || link.host.isEmpty())
                continue;
            const QRegularExpressionMatch m = shownDomain.match(link.text);
            if (!m.hasMatch())
                continue;
            const QString shown = m.captured(1).toLower();
            const QString targetOrg = organisationalDomain(link.host);
            const QString shownOrg = organisationalDomain(shown);
            // Both must be names with a registrable part; "4.8" or "v2.1" in a text is no site.
            if (shownOrg.isEmpty() || shownOrg == targetOrg || IpAddress::parse(shown))
                continue;
            static const QRegularExpression lettersTld(QStringLiteral("\\.[a-z]{2,}$"));
            if (!lettersTld.match(shownOrg).hasMatch())
                continue;
            const QString tracker = matchingDomain(link.host, clickTrackingDomains());
            QString evidence =
                Tr::tr("The link text \"%1\" shows %2 (%3), but the link goes to %4 (%5).")
                    .arg(elide(link.text, 200), shown, shownOrg, elide(link.url, 240),
                         targetOrg.isEmpty() ? link.host : targetOrg);
            if (!tracker.isEmpty())
                evidence +=
                    QLatin1Char(' ') +
                    Tr::tr("%1 is a bulk-mail service's click tracker, which hides the real "
                           "destination.")
                        .arg(tracker);
            sink.add(-1, evidence, tracker.isEmpty() ? Severity::High : Severity::Low,
                     link.location);
        }
    }
};

// Medium, clause 3.2: a link to a bare IP address names no one: there is no domain to see,
// to look up or to hold responsible, which is why phishing kits and spam tracking use them.
// Written as a single number or in hexadecimal it is also disguised.
class IpUrlCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("content.ip-url"), Severity::Medium, QStringLiteral("3.2"),
                Tr::tr("Link to a bare IP address"),
                Tr::tr("A link, image or form in the body points at an IP address instead of a "
                       "host name.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        // Forms a browser still reads as IPv4: one decimal or hex number, dotted hex or octal.
        static const QRegularExpression numericHost(
            QStringLiteral("^(?:\\d+|0x[0-9a-f]+|(?:0x[0-9a-f]+|0[0-7]*|\\d+)(?:\\.(?:0x[0-9a-f]+|"
                           "0[0-7]*|\\d+)){1,3})$"),
            QRegularExpression::CaseInsensitiveOption);
        for (const MessageLink &link : linksOf(context)) {
            if (!isWebLink(link) && link.scheme != QLatin1String("ftp"))
                continue;
            if (link.host.isEmpty())
                continue;
            const auto address = IpAddress::parse(link.host);
            if (address) {
                sink.add(-1,
                         Tr::tr("The %1 \"%2\" points at the IP address %3 (%4) instead of a host "
                                "name.")
                             .arg(describeKind(link), elide(link.url, 240), address->toString(),
                                  scopeDescription(scopeOf(*address))),
                         Severity::Medium, link.location);
            } else if (numericHost.match(link.host).hasMatch()) {
                sink.add(-1,
                         Tr::tr("The %1 \"%2\" points at the host \"%3\", an IP address written as "
                                "a number to disguise it.")
                             .arg(describeKind(link), elide(link.url, 240), link.host),
                         Severity::Medium, link.location);
            }
        }
    }
};

// Low, clause 3.2: a public shortener hides the destination until the reader has clicked.
// Legitimate senders use them too (in social posts more than in mail), so it weighs little on
// its own and supports other findings.
class UrlShortenerCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("content.url-shortener"), Severity::Low, QStringLiteral("3.2"),
                Tr::tr("Link through a URL shortener"),
                Tr::tr("A link goes through a public URL shortener, which hides its destination.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        for (const MessageLink &link : linksOf(context)) {
            if (!isWebLink(link))
                continue;
            const QString shortener = matchingDomain(link.host, urlShortenerDomains());
            if (shortener.isEmpty())
                continue;
            sink.add(-1,
                     Tr::tr("The %1 \"%2\" goes through the URL shortener %3, which hides where it "
                            "leads.")
                         .arg(describeKind(link), elide(link.url, 240), shortener),
                     Severity::Low, link.location);
        }
    }
};

} // namespace

void appendLinkChecks(QList<const Check *> &list)
{
    static const LinkTextMismatchCheck linkTextMismatch;
    static const IpUrlCheck ipUrl;
    static const UrlShortenerCheck urlShortener;
    list << &linkTextMismatch << &ipUrl << &urlShortener;
}

} // namespace Awb::ContentChecks
