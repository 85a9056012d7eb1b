#include "header_check_data.h"

#include "header_check_support.h"

#include "analysis/chain_analysis.h"
#include "analysis/checks/mail_host_data.h"

#include <QHash>
#include <QRegularExpression>

namespace Awb::HeaderChecks {

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    out.reserve(qsizetype(items.size()));
    for (const char *item : items)
        out.append(QString::fromLatin1(item));
    return out;
}

// The registrable label of a host: "paypal" for "www.paypal.co.uk"; empty for literals.
QString registrableLabel(const QString &host)
{
    return organisationalDomain(host).section(QLatin1Char('.'), 0, 0);
}

} // namespace

const QList<Brand> &brands()
{
    // The brands most impersonated in phishing (APWG and vendor reports, 2020-2025), plus the
    // carriers and banks of the provider's home market. Phrases are chosen so that they name the
    // brand and little else: "apple" alone is a fruit and a town, "apple id" is not.
    static const QList<Brand> data = {
        {QStringLiteral("PayPal"), list({"paypal"}), list({"paypal.com", "paypal.me"}),
         list({"paypal"}), true},
        {QStringLiteral("Apple"),
         list({"apple id", "apple support", "apple pay", "apple store", "icloud", "itunes"}),
         list({"apple.com", "icloud.com", "me.com", "mac.com"}), list({"apple", "icloud"}), false},
        {QStringLiteral("Microsoft"),
         list({"microsoft", "office 365", "office365", "outlook web app", "outlook web access",
               "outlook team", "outlook support", "onedrive", "sharepoint", "hotmail",
               "windows live"}),
         list({"microsoft.com", "office.com", "office365.com", "outlook.com", "live.com",
               "hotmail.com", "msn.com", "microsoftonline.com", "sharepoint.com", "onedrive.com",
               "skype.com"}),
         list({"microsoft", "outlook", "hotmail", "onedrive", "sharepoint", "office365",
               "microsoftonline"}),
         true},
        {QStringLiteral("Google"), list({"google", "gmail", "youtube"}),
         list({"google.com", "gmail.com", "googlemail.com", "youtube.com"}),
         list({"google", "gmail", "googlemail", "youtube"}), true},
        {QStringLiteral("Amazon"), list({"amazon", "prime video"}),
         list({"amazon.com", "amazonses.com", "aws.com", "amazonaws.com", "a2z.com",
               "primevideo.com"}),
         list({"amazon"}), true},
        {QStringLiteral("Netflix"), list({"netflix"}), list({"netflix.com"}), list({"netflix"}),
         false},
        {QStringLiteral("Meta"), list({"facebook", "instagram", "whatsapp"}),
         list({"facebook.com", "facebookmail.com", "meta.com", "instagram.com", "whatsapp.com",
               "fb.com"}),
         list({"facebook", "instagram", "whatsapp"}), false},
        {QStringLiteral("LinkedIn"), list({"linkedin"}), list({"linkedin.com"}), list({"linkedin"}),
         false},
        {QStringLiteral("DHL"), list({"dhl"}), list({"dhl.com"}), {}, true},
        {QStringLiteral("FedEx"), list({"fedex"}), list({"fedex.com"}), list({"fedex"}), false},
        {QStringLiteral("UPS"),
         list({"ups", "united parcel service"}),
         list({"ups.com"}),
         {},
         false},
        {QStringLiteral("USPS"),
         list({"usps", "us postal service"}),
         list({"usps.com", "usps.gov"}),
         {},
         false},
        {QStringLiteral("Royal Mail"), list({"royal mail"}),
         list({"royalmail.com", "royalmail.co.uk"}), list({"royalmail"}), false},
        {QStringLiteral("Hongkong Post"), list({"hongkong post", "hong kong post"}),
         list({"hongkongpost.hk", "hkpost.gov.hk"}), list({"hongkongpost"}), false},
        {QStringLiteral("DocuSign"), list({"docusign"}), list({"docusign.com", "docusign.net"}),
         list({"docusign"}), false},
        {QStringLiteral("Dropbox"), list({"dropbox"}), list({"dropbox.com", "dropboxmail.com"}),
         list({"dropbox"}), false},
        {QStringLiteral("Adobe"), list({"adobe"}), list({"adobe.com"}), list({"adobe"}), false},
        {QStringLiteral("Wells Fargo"), list({"wells fargo"}), list({"wellsfargo.com"}),
         list({"wellsfargo"}), false},
        {QStringLiteral("Chase"), list({"chase bank", "jpmorgan chase", "chase online"}),
         list({"chase.com", "jpmorgan.com", "jpmchase.com"}), list({"jpmorgan"}), false},
        {QStringLiteral("Bank of America"), list({"bank of america"}),
         list({"bankofamerica.com", "bofa.com"}), list({"bankofamerica"}), false},
        {QStringLiteral("HSBC"), list({"hsbc"}), list({"hsbc.com"}), {}, true},
        {QStringLiteral("Citibank"), list({"citibank", "citi bank"}),
         list({"citi.com", "citibank.com"}), list({"citibank"}), true},
        {QStringLiteral("American Express"), list({"american express", "amex"}),
         list({"americanexpress.com", "aexp.com"}), list({"americanexpress"}), false},
        {QStringLiteral("Mastercard"), list({"mastercard"}), list({"mastercard.com"}),
         list({"mastercard"}), true},
        {QStringLiteral("eBay"), list({"ebay"}), list({"ebay.com"}), {}, true},
        {QStringLiteral("Alibaba"), list({"alibaba", "aliexpress", "alipay"}),
         list({"alibaba.com", "aliexpress.com", "alipay.com"}),
         list({"alibaba", "aliexpress", "alipay"}), false},
        {QStringLiteral("Coinbase"), list({"coinbase"}), list({"coinbase.com"}), list({"coinbase"}),
         false},
        {QStringLiteral("Binance"), list({"binance"}), list({"binance.com"}), list({"binance"}),
         false},
        {QStringLiteral("Steam"), list({"steam support", "steam community", "steampowered"}),
         list({"steampowered.com", "steamcommunity.com"}), list({"steampowered", "steamcommunity"}),
         false},
        {QStringLiteral("Spotify"), list({"spotify"}), list({"spotify.com"}), list({"spotify"}),
         false},
        {QStringLiteral("Yahoo"), list({"yahoo"}), list({"yahoo.com", "yahoo-inc.com"}),
         list({"yahoo"}), true},
        {QStringLiteral("IRS"),
         list({"irs", "internal revenue service"}),
         list({"irs.gov"}),
         {},
         false},
        {QStringLiteral("HMRC"), list({"hmrc"}), list({"hmrc.gov.uk"}), {}, false},
    };
    return data;
}

const Brand *brandInDisplayName(const QString &displayName, QString *phrase)
{
    // Words of letters and digits; a digit inside a word is also read as the letter it imitates,
    // so that "PayPa1 Service" names PayPal.
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList plain, folded;
    for (auto it = word.globalMatch(displayName.toLower()); it.hasNext();) {
        const QString w = it.next().captured();
        plain.append(w);
        bool hasLetter = false;
        for (const QChar c : w)
            hasLetter = hasLetter || c.isLetter();
        QString f = w;
        if (hasLetter) {
            f.replace(QLatin1Char('0'), QLatin1Char('o'));
            f.replace(QLatin1Char('1'), QLatin1Char('l'));
            f.replace(QLatin1Char('3'), QLatin1Char('e'));
            f.replace(QLatin1Char('5'), QLatin1Char('s'));
        }
        folded.append(f);
    }
    const QString a = QLatin1Char(' ') + plain.join(QLatin1Char(' ')) + QLatin1Char(' ');
    const QString b = QLatin1Char(' ') + folded.join(QLatin1Char(' ')) + QLatin1Char(' ');
    for (const Brand &brand : brands()) {
        for (const QString &p : brand.phrases) {
            const QString needle = QLatin1Char(' ') + p + QLatin1Char(' ');
            if (a.contains(needle) || b.contains(needle)) {
                if (phrase)
                    *phrase = p;
                return &brand;
            }
        }
    }
    return nullptr;
}

bool isBrandDomain(const Brand &brand, const QString &domain)
{
    for (const QString &own : brand.domains) {
        if (isUnderDomain(domain, own))
            return true;
    }
    if (!brand.countryVariants)
        return false;
    // label.cc, label.co.cc, label.com.cc: the country sites of a global brand.
    static const QRegularExpression country(QStringLiteral("^(?:co\\.|com\\.)?[a-z]{2}$"));
    const QString org = organisationalDomain(domain);
    const QString label = org.section(QLatin1Char('.'), 0, 0);
    const QString suffix = org.section(QLatin1Char('.'), 1);
    for (const QString &own : brand.domains) {
        if (registrableLabel(own) == label && country.match(suffix).hasMatch())
            return true;
    }
    return false;
}

const Brand *brandOwningDomain(const QString &domain)
{
    for (const Brand &brand : brands()) {
        if (isBrandDomain(brand, domain))
            return &brand;
    }
    return nullptr;
}

const QHash<char16_t, char16_t> &homoglyphs()
{
    // Letters of other scripts that render like Latin ones (Cyrillic, Greek, Armenian, IPA,
    // dotless i, l with stroke) and the digits people swap for letters (0/o, 1/l, 3/e, 5/s),
    // with i and | read as l so that 1, i and l are one shape. After Unicode TR 39's
    // confusables, much reduced: only what lowers to a Latin letter in a host name.
    static const QHash<char16_t, char16_t> table = {
        {u'\u0430', u'a'}, {u'\u0435', u'e'}, {u'\u043E', u'o'}, {u'\u0440', u'p'},
        {u'\u0441', u'c'}, {u'\u0443', u'y'}, {u'\u0445', u'x'}, {u'\u0455', u's'},
        {u'\u0456', u'i'}, {u'\u0458', u'j'}, {u'\u0501', u'd'}, {u'\u04BB', u'h'},
        {u'\u04CF', u'l'}, {u'\u0261', u'g'}, {u'\u0578', u'n'}, {u'\u057D', u'u'},
        {u'\u03B1', u'a'}, {u'\u03BF', u'o'}, {u'\u03C1', u'p'}, {u'\u03BD', u'v'},
        {u'\u03B9', u'i'}, {u'\u03BA', u'k'}, {u'\u0131', u'i'}, {u'\u0142', u'l'},
        {u'0', u'o'},      {u'1', u'l'},      {u'3', u'e'},      {u'5', u's'},
        {u'i', u'l'},      {u'|', u'l'}};
    return table;
}

bool isServiceProviderDomain(const QString &domain)
{
    static const QStringList services =
        list({"amazonses.com",       "sendgrid.net",     "sendgrid.com",      "mcsv.net",
              "mcdlv.net",           "rsgsv.net",        "mailchimp.com",     "mandrillapp.com",
              "mailgun.org",         "mailgun.net",      "sparkpostmail.com", "mktomail.com",
              "exacttarget.com",     "sendinblue.com",   "brevo.com",         "mailjet.com",
              "postmarkapp.com",     "createsend.com",   "cmail19.com",       "cmail20.com",
              "constantcontact.com", "hubspotemail.net", "salesforce.com",    "zendesk.com",
              "freshdesk.com",       "helpscout.net",    "intercom-mail.com", "mailerlite.com",
              "klaviyomail.com",     "sendpulse.com"});
    for (const QString &service : services) {
        if (isUnderDomain(domain, service))
            return true;
    }
    return false;
}

QString freemailProvider(const QString &domain)
{
    const ReceivedChecks::MailProvider *provider = ReceivedChecks::providerForUserDomain(domain);
    return provider ? provider->name : QString();
}

const QStringList &institutionWords()
{
    static const QStringList words =
        QStringLiteral("bank banking university college school ministry government police court "
                       "tax revenue customs postal hospital insurance embassy council "
                       "municipality")
            .split(QLatin1Char(' '));
    return words;
}

const QStringList &genericNameWords()
{
    // Articles and prepositions (English, French, German), departments and roles, legal forms,
    // and the words every notification sender uses: none of them tells one bank from another.
    static const QStringList words =
        QStringLiteral("of the and for de du la le der die das und support service services desk "
                       "helpdesk help team department dept customer customers care refund "
                       "refunds billing security alert alerts notice notification notifications "
                       "no reply noreply online mail info center centre group ltd inc llc co "
                       "limited corp company official account accounts it admin administrator "
                       "system staff office national federal state city trust savings credit "
                       "union financial payments verification fraud prevention international "
                       "global mailbox")
            .split(QLatin1Char(' '));
    return words;
}

} // namespace Awb::HeaderChecks
