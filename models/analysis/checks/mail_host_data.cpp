#include "mail_host_data.h"

#include "received_check_support.h"

#include <QRegularExpression>

namespace Awb::ReceivedChecks {

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    out.reserve(qsizetype(items.size()));
    for (const char *item : items)
        out.append(QString::fromLatin1(item));
    return out;
}

// True when `needle` occurs in `text` and is not part of a longer run of `runChars`: "1-2-3-4"
// inside "x1-2-3-4.pool" counts, inside "11-2-3-45" does not.
bool containsDelimited(const QString &text, const QString &needle, const QString &runChars)
{
    for (qsizetype at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        const qsizetype end = at + needle.size();
        const bool clearBefore = at == 0 || !runChars.contains(text.at(at - 1));
        const bool clearAfter = end >= text.size() || !runChars.contains(text.at(end));
        if (clearBefore && clearAfter)
            return true;
    }
    return false;
}

} // namespace

const QList<MailProvider> &mailProviders()
{
    // The consumer mailbox providers that spam most often pretends to come from. User domains
    // are exact (yahoo.co.jp is another company; a Google Workspace customer's own domain is not
    // Google's user domain); host domains are where the providers name their outbound servers,
    // so that a genuine message from them has its rDNS there.
    static const QList<MailProvider> providers = {
        {QStringLiteral("Google (Gmail)"), list({"gmail.com", "googlemail.com"}),
         list({"google.com", "googlemail.com", "gmail.com"})},
        {QStringLiteral("Microsoft (Outlook.com)"),
         list({"outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.co.uk", "hotmail.fr",
               "hotmail.de", "hotmail.it", "hotmail.es", "live.co.uk", "live.fr", "outlook.fr",
               "outlook.de"}),
         list({"outlook.com", "hotmail.com", "live.com", "msn.com"})},
        {QStringLiteral("Yahoo"),
         list({"yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de",
               "yahoo.com.hk", "yahoo.com.tw", "yahoo.ca", "yahoo.in"}),
         list({"yahoo.com", "yahoodns.net", "yahoo.net"})},
        // AOL's mail has run on Yahoo's servers since 2017.
        {QStringLiteral("AOL"), list({"aol.com", "aim.com"}),
         list({"aol.com", "yahoodns.net", "yahoo.com"})},
        {QStringLiteral("Apple (iCloud)"), list({"icloud.com", "me.com", "mac.com"}),
         list({"apple.com", "icloud.com", "me.com"})},
        {QStringLiteral("GMX / WEB.DE"), list({"gmx.de", "gmx.net", "gmx.com", "gmx.at", "web.de"}),
         list({"gmx.net", "gmx.com", "web.de"})},
        {QStringLiteral("Mail.ru"),
         list({"mail.ru", "bk.ru", "inbox.ru", "list.ru", "internet.ru"}), list({"mail.ru"})},
        {QStringLiteral("Yandex"), list({"yandex.ru", "yandex.com", "ya.ru", "yandex.ua"}),
         list({"yandex.net", "yandex.ru", "yandex.com"})},
        {QStringLiteral("Tencent (QQ Mail)"), list({"qq.com", "foxmail.com", "vip.qq.com"}),
         list({"qq.com"})},
        {QStringLiteral("NetEase (163 Mail)"), list({"163.com", "126.com", "yeah.net"}),
         list({"163.com", "126.com", "netease.com", "yeah.net"})},
        {QStringLiteral("Zoho Mail"), list({"zoho.com", "zohomail.com", "zoho.eu"}),
         list({"zoho.com", "zohomail.com", "zoho.eu"})},
        {QStringLiteral("Proton Mail"), list({"proton.me", "protonmail.com", "pm.me"}),
         list({"protonmail.ch", "proton.ch", "protonmail.com"})},
    };
    return providers;
}

const MailProvider *providerForUserDomain(const QString &domain)
{
    const QString d = normalizedHost(domain);
    for (const MailProvider &provider : mailProviders()) {
        if (provider.userDomains.contains(d))
            return &provider;
    }
    return nullptr;
}

bool isProviderHost(const MailProvider &provider, const QString &host)
{
    for (const QString &domain : provider.hostDomains) {
        if (isUnderDomain(host, domain))
            return true;
    }
    for (const QString &domain : provider.userDomains) {
        if (isUnderDomain(host, domain))
            return true;
    }
    return false;
}

const MailProvider *providerForHost(const QString &host)
{
    for (const MailProvider &provider : mailProviders()) {
        if (isProviderHost(provider, host))
            return &provider;
    }
    return nullptr;
}

std::optional<QString> dynamicRdnsReason(const QString &rdns, const std::optional<IpAddress> &ip)
{
    // Words that access providers put into the names of address pools: dial-up, DSL, cable,
    // DHCP and NAT'd customer ranges (SpamAssassin's RDNS_DYNAMIC and the Spamhaus PBL policy
    // use the same signs). A word counts only standing alone between dots, dashes or digits,
    // so "spool" or "dynamo" are no match.
    static const QRegularExpression poolWord(
        QStringLiteral("(?<![a-z])(dynamic|dynip|dyn|dhcp|dialup|dialin|dial|dip|pool|pppoe|ppp|"
                       "adsl|vdsl|xdsl|sdsl|dsl|cablemodem|cable|cpe|clients|client|broadband|"
                       "customer|cust|residential|resnet|unassigned)(?![a-z])"));
    const QString name = normalizedHost(rdns);
    if (name.isEmpty())
        return std::nullopt;

    const QRegularExpressionMatch word = poolWord.match(name);
    if (word.hasMatch())
        return Tr::tr("the label \"%1\"").arg(word.captured(1));

    // The client's own address spelt out in its name ("198-51-100-77", "77.100.51.198",
    // "c6336404"): a name generated for every address of a range, not a server's chosen name.
    if (ip && ip->isV4()) {
        const quint32 v4 = ip->toV4();
        const QString a = QString::number((v4 >> 24) & 0xff),
                      b = QString::number((v4 >> 16) & 0xff), c = QString::number((v4 >> 8) & 0xff),
                      d = QString::number(v4 & 0xff);
        static const QString separators = QStringLiteral("-._");
        static const QString digits = QStringLiteral("0123456789");
        static const QString hexDigits = QStringLiteral("0123456789abcdef");
        for (const QChar sep : separators) {
            const QStringList forward = {a, b, c, d};
            const QStringList backward = {d, c, b, a};
            if (containsDelimited(name, forward.join(sep), digits) ||
                containsDelimited(name, backward.join(sep), digits))
                return Tr::tr("the client address %1 written into the name").arg(ip->toString());
        }
        const QString hex = QStringLiteral("%1").arg(v4, 8, 16, QLatin1Char('0'));
        if (containsDelimited(name, hex, hexDigits))
            return Tr::tr("the client address %1 written into the name in hexadecimal (%2)")
                .arg(ip->toString(), hex);
    }
    return std::nullopt;
}

} // namespace Awb::ReceivedChecks
