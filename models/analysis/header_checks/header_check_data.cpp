#include "header_check_data.h"

#include "header_check_support.h"

#include "analysis/chain_analysis.h"
#include "analysis/checks/mail_host_data.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

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

// One shape for spellings that look alike: letters from other scripts that render like Latin
// ones, accents dropped, the digits people swap for letters (0/o, 1/l/i, 3/e, 5/s), and the
// letter pairs that read as one letter at a glance (rn/m, vv/w, cl/d). Two labels with the same
// skeleton look the same to a hurried reader (Unicode TR 39 "confusables", much reduced).
QString skeleton(const QString &label)
{
    static const QHash<char16_t, char16_t> homoglyphs = {
        {u'\u0430', u'a'}, {u'\u0435', u'e'}, {u'\u043E', u'o'}, {u'\u0440', u'p'},
        {u'\u0441', u'c'}, {u'\u0443', u'y'}, {u'\u0445', u'x'}, {u'\u0455', u's'},
        {u'\u0456', u'i'}, {u'\u0458', u'j'}, {u'\u0501', u'd'}, {u'\u04BB', u'h'},
        {u'\u04CF', u'l'}, {u'\u0261', u'g'}, {u'\u0578', u'n'}, {u'\u057D', u'u'},
        {u'\u03B1', u'a'}, {u'\u03BF', u'o'}, {u'\u03C1', u'p'}, {u'\u03BD', u'v'},
        {u'\u03B9', u'i'}, {u'\u03BA', u'k'}, {u'\u0131', u'i'}, {u'\u0142', u'l'},
        {u'0', u'o'},      {u'1', u'l'},      {u'3', u'e'},      {u'5', u's'},
        {u'i', u'l'},      {u'|', u'l'}};
    QString out;
    for (const QChar c : label.toLower().normalized(QString::NormalizationForm_KD)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out.append(QChar(homoglyphs.value(c.unicode(), c.unicode())));
    }
    out.replace(QStringLiteral("rn"), QStringLiteral("m"));
    out.replace(QStringLiteral("vv"), QStringLiteral("w"));
    out.replace(QStringLiteral("cl"), QStringLiteral("d"));
    return out;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early
// above `limit`.
int editDistance(const QString &a, const QString &b, int limit)
{
    if (qAbs(a.size() - b.size()) > limit)
        return limit + 1;
    const int n = int(a.size()), m = int(b.size());
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (int i = 0; i <= n; ++i)
        d[i][0] = i;
    for (int j = 0; j <= m; ++j)
        d[0][j] = j;
    for (int i = 1; i <= n; ++i) {
        for (int j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = qMin(qMin(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = qMin(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

struct KnownLabel
{
    QString label;  // "paypal"
    QString domain; // "paypal.com"
};

// The labels worth protecting: each brand's chosen labels and the large providers' user
// domains. Labels under five letters are left out: "aol", "qq", "ups" are one letter away from
// too many honest names, and a skeleton of four letters collides as easily.
const QList<KnownLabel> &knownLabels()
{
    static const QList<KnownLabel> labels = [] {
        QList<KnownLabel> out;
        auto add = [&out](const QString &label, const QString &domain) {
            if (label.size() < 5)
                return;
            for (const KnownLabel &k : out) {
                if (k.label == label)
                    return;
            }
            out.append({label, domain});
        };
        for (const Brand &brand : brands()) {
            for (const QString &label : brand.lookalike) {
                QString domain = brand.domains.value(0);
                for (const QString &d : brand.domains) {
                    if (registrableLabel(d) == label) {
                        domain = d;
                        break;
                    }
                }
                add(label, domain);
            }
        }
        for (const ReceivedChecks::MailProvider &provider : ReceivedChecks::mailProviders()) {
            for (const QString &domain : provider.userDomains)
                add(registrableLabel(domain), domain);
        }
        return out;
    }();
    return labels;
}

bool isLatinLetter(QChar c)
{
    return c.isLetter() && c.script() == QChar::Script_Latin;
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

std::optional<Lookalike> lookalikeOf(const QString &domain)
{
    const QString host = normalizedHost(domain);
    if (host.isEmpty() || brandOwningDomain(host) || ReceivedChecks::providerForHost(host))
        return std::nullopt;

    // A known domain worn as the first labels of another: "paypal.com.secure-login.example".
    const QString org = organisationalDomain(host);
    for (const Brand &brand : brands()) {
        for (const QString &own : brand.domains) {
            if (host.startsWith(own + QLatin1Char('.')) && org != organisationalDomain(own))
                return Lookalike{own,
                                 tr("%1 written in front of the unrelated domain %2").arg(own, org),
                                 {},
                                 true};
        }
    }

    QString unicode;
    if (host.contains(QLatin1String("xn--")))
        // Qt shows Unicode only under TLDs on its IDN whitelist; the analyst needs the Unicode
        // form whatever the TLD, as a mail program that decodes every name would show it.
        unicode = QUrl::fromAce(host.toLatin1(), QUrl::IgnoreIDNWhitelist);
    const QString label = registrableLabel(unicode.isEmpty() ? host : unicode);
    if (label.isEmpty())
        return std::nullopt;
    const QString shape = skeleton(label);
    for (const KnownLabel &known : knownLabels()) {
        if (label == known.label)
            return std::nullopt; // the same spelling under another suffix is not a lookalike
    }
    for (const KnownLabel &known : knownLabels()) {
        if (shape == skeleton(known.label))
            return Lookalike{known.domain,
                             unicode.isEmpty()
                                 ? tr("\"%1\" looks the same as \"%2\" at a glance (swapped "
                                      "look-alike letters or digits)")
                                       .arg(label, known.label)
                                 : tr("the internationalised name \"%1\" is drawn with letters "
                                      "that look like \"%2\"")
                                       .arg(label, known.label),
                             unicode, true};
        if (!unicode.isEmpty())
            continue;
        // One typo away for names of six letters or more, two for nine or more: short names
        // have too many honest neighbours ("email" is one letter from "gmail").
        const int limit = known.label.size() >= 9 ? 2 : known.label.size() >= 6 ? 1 : 0;
        if (limit > 0) {
            const int distance = editDistance(label, known.label, limit);
            if (distance <= limit)
                return Lookalike{
                    known.domain,
                    distance == 1
                        ? tr("\"%1\" is one letter away from \"%2\"").arg(label, known.label)
                        : tr("\"%1\" is two letters away from \"%2\"").arg(label, known.label),
                    {},
                    true};
        }
    }
    // An internationalised label that mixes Latin letters with letters of another script
    // imitates something even when it is not on the list (browsers show such names as
    // punycode for that reason); a label wholly in one script is an ordinary IDN.
    if (!unicode.isEmpty()) {
        bool latin = false, other = false;
        for (const QChar c : label) {
            if (isLatinLetter(c))
                latin = true;
            else if (c.isLetter())
                other = true;
        }
        if (latin && other)
            return Lookalike{{},
                             tr("the internationalised name \"%1\" mixes Latin letters with "
                                "look-alike letters of another script")
                                 .arg(label),
                             unicode,
                             false};
    }
    return std::nullopt;
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
        list({"bank", "banking", "university", "college", "school", "ministry", "government",
              "police", "court", "tax", "revenue", "customs", "postal", "hospital", "insurance",
              "embassy", "council", "municipality"});
    return words;
}

const QStringList &genericNameWords()
{
    static const QStringList words = list({"of",
                                           "the",
                                           "and",
                                           "for",
                                           "de",
                                           "du",
                                           "la",
                                           "le",
                                           "der",
                                           "die",
                                           "das",
                                           "und",
                                           "support",
                                           "service",
                                           "services",
                                           "desk",
                                           "helpdesk",
                                           "help",
                                           "team",
                                           "department",
                                           "dept",
                                           "customer",
                                           "customers",
                                           "care",
                                           "refund",
                                           "refunds",
                                           "billing",
                                           "security",
                                           "alert",
                                           "alerts",
                                           "notice",
                                           "notification",
                                           "notifications",
                                           "no",
                                           "reply",
                                           "noreply",
                                           "online",
                                           "mail",
                                           "info",
                                           "center",
                                           "centre",
                                           "group",
                                           "ltd",
                                           "inc",
                                           "llc",
                                           "co",
                                           "limited",
                                           "corp",
                                           "company",
                                           "official",
                                           "account",
                                           "accounts",
                                           "it",
                                           "admin",
                                           "administrator",
                                           "system",
                                           "staff",
                                           "office",
                                           "national",
                                           "federal",
                                           "state",
                                           "city",
                                           "trust",
                                           "savings",
                                           "credit",
                                           "union",
                                           "financial",
                                           "payments",
                                           "verification",
                                           "fraud",
                                           "prevention",
                                           "desk",
                                           "international",
                                           "global",
                                           "mailbox"});
    return words;
}

} // namespace Awb::HeaderChecks
