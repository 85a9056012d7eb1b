#include "content_data.h"

#include "content_support.h"

namespace Awb::ContentChecks {

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

QRegularExpression re(const char *pattern, bool caseInsensitive = false)
{
    return QRegularExpression(QString::fromUtf8(pattern),
                              caseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                              : QRegularExpression::NoPatternOption);
}

} // namespace

const QStringList &urlShortenerDomains()
{
    static const QStringList domains = list(
        {"bit.ly",    "bitly.com", "tinyurl.com", "t.co",    "goo.gl",       "ow.ly",   "is.gd",
         "v.gd",      "buff.ly",   "rebrand.ly",  "cutt.ly", "shorturl.at",  "rb.gy",   "tiny.cc",
         "bl.ink",    "t.ly",      "s.id",        "lnkd.in", "soo.gd",       "bit.do",  "adf.ly",
         "shorte.st", "ouo.io",    "tr.im",       "gg.gg",   "u.to",         "clck.ru", "dub.sh",
         "qr.net",    "x.co",      "trib.al",     "tinu.be", "shorturl.com", "urlz.fr", "t2m.io",
         "snip.ly",   "short.gy",  "tiny.one",    "u.nu",    "2no.co",       "qrco.de", "ln.run"});
    return domains;
}

const QStringList &clickTrackingDomains()
{
    static const QStringList domains =
        list({"sendgrid.net",      "list-manage.com",  "mailchi.mp",
              "mailgun.org",       "awstrack.me",      "mandrillapp.com",
              "sparkpostmail.com", "exacttarget.com",  "rs6.net",
              "hubspotlinks.com",  "mjt.lu",           "sendibt3.com",
              "klclick.com",       "ctrk.klclick.com", "mailjet.com",
              "createsend1.com",   "cmail19.com",      "cmail20.com",
              "mlsend.com",        "mailerlite.com",   "convertkit-mail.com",
              "clicks.beehiiv.com"});
    return domains;
}

QString matchingDomain(const QString &host, const QStringList &domains)
{
    for (const QString &domain : domains) {
        if (isUnderDomain(host, domain))
            return domain;
    }
    return {};
}

const QList<BulkFingerprint> &bulkFingerprints()
{
    // Campaign headers name a campaign, a list or a sender-alliance complaint address: only
    // bulk mail carries them. Infrastructure headers are written on every message a service
    // relays, transactional ones (receipts, password resets) included, so they count once and
    // need another sign.
    static const QList<BulkFingerprint> fingerprints = {
        {QStringLiteral("X-Campaign*"), QStringLiteral("a campaign manager"), true},
        {QStringLiteral("X-CSA-Complaints"),
         QStringLiteral("a Certified Senders Alliance member (bulk sender)"), true},
        {QStringLiteral("X-MC-User"), QStringLiteral("Mailchimp"), true},
        {QStringLiteral("X-Mailchimp-*"), QStringLiteral("Mailchimp"), true},
        {QStringLiteral("X-rpcampaign"), QStringLiteral("Return Path / Validity"), true},
        {QStringLiteral("X-Mailjet-Campaign"), QStringLiteral("Mailjet"), true},
        {QStringLiteral("X-Listmonk-*"), QStringLiteral("listmonk"), true},
        {QStringLiteral("X-Mailgun-*"), QStringLiteral("Mailgun"), false},
        {QStringLiteral("X-SG-EID"), QStringLiteral("SendGrid"), false},
        {QStringLiteral("X-SG-ID"), QStringLiteral("SendGrid"), false},
        {QStringLiteral("X-SMTPAPI"), QStringLiteral("SendGrid"), false},
        {QStringLiteral("X-SES-Outgoing"), QStringLiteral("Amazon SES"), false},
        {QStringLiteral("X-Mandrill-User"), QStringLiteral("Mandrill (Mailchimp)"), false},
        {QStringLiteral("X-MSFBL"), QStringLiteral("SparkPost"), false},
        {QStringLiteral("X-SFMC-Stack"), QStringLiteral("Salesforce Marketing Cloud"), false},
        {QStringLiteral("X-Mailin-EID"), QStringLiteral("Brevo (Sendinblue)"), false},
        {QStringLiteral("X-MJ-Mid"), QStringLiteral("Mailjet"), false},
        {QStringLiteral("X-PM-Message-Id"), QStringLiteral("Postmark"), false},
        {QStringLiteral("Feedback-ID"),
         QStringLiteral("a sender registered with a mailbox provider's feedback loop"), false},
    };
    return fingerprints;
}

const QRegularExpression &bulkMailerPattern()
{
    static const QRegularExpression pattern =
        re("\\b(phplist|sendy|mailwizz|interspire|acelle|mailster|mailpoet|newsletter2go|"
           "greenarrow|powermta|mumara|oempro|sendblaster|atompark|mass ?mail|bulk ?mail)\\b",
           true);
    return pattern;
}

const QList<MuaFormat> &muaFormats()
{
    // Message-ID and boundary formats as the clients write them (the public references are
    // SpamAssassin's and rspamd's forged-MUA rules). A claim is judged only when the format is
    // certain; a client that is only "Mozilla" or a mobile app is not claimed here.
    static const QList<MuaFormat> formats = {
        {QStringLiteral("Microsoft Outlook"),
         re("^\\s*Microsoft (?:Office )?Outlook(?: Express)?\\b", true),
         {re("^[0-9a-f]{12,}\\$[0-9a-f]{4,}\\$[0-9a-f]{4,}@", true), re("^[0-9a-f]{32,}@", true)},
         list({"000001dc4e3f$5c3b2a10$14d17e30@host", "<32 or more hex digits>@exchange-server"}),
         {re("^----=_NextPart_"), re("^_\\d{3}_")},
         list({"----=_NextPart_000_0001_01DC4E3F.5C3B2A10", "_000_...(Exchange)"})},
        {QStringLiteral("Mozilla Thunderbird"),
         re("\\b(?:Thunderbird|Icedove|Betterbird)\\b", true),
         {re("^[0-9A-F]{8}\\.\\d{1,7}@"),
          re("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@")},
         list({"0b5e2d5a-6f2e-4b4a-9c2f-3c8d7a1b2e4f@host", "4A1B2C3D.1050607@host"}),
         {re("^-{12}[0-9A-Za-z]{24}$")},
         list({"------------0fGh7Kp2Lm9Qr4St6Uv8Wx1Y"})},
        {QStringLiteral("Apple Mail"),
         re("^\\s*(?:Apple Mail|iPhone Mail|iPad Mail)\\b", true),
         {re("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}@")},
         list({"6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F@host"}),
         {re("^Apple-Mail(?:=_|-)")},
         list({"Apple-Mail=_6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F"})},
        {QStringLiteral("Gmail (web)"),
         re("^\\s*(?:Gmail|Google Mail)\\b", true),
         {re("@mail\\.gmail\\.com$", true)},
         list({"CAF=x7Yq...@mail.gmail.com"}),
         {re("^0{12}[0-9a-f]{16}$")},
         list({"000000000000a1b2c3d4e5f60718"})},
    };
    return formats;
}

const QRegularExpression &providerRewrittenIdPattern()
{
    static const QRegularExpression pattern =
        re("@(?:[a-z0-9-]+\\.)*(?:outlook\\.com|exchangelabs\\.com)$", true);
    return pattern;
}

const QStringList &hongKongDistricts()
{
    static const QStringList districts =
        list({"Kwun Tong",    "Kowloon Bay",    "Tsim Sha Tsui", "Mong Kok",     "Yau Ma Tei",
              "Sham Shui Po", "Cheung Sha Wan", "Lai Chi Kok",   "Kowloon Tong", "Hung Hom",
              "To Kwa Wan",   "Wong Tai Sin",   "San Po Kong",   "Wan Chai",     "Causeway Bay",
              "Sheung Wan",   "Admiralty",      "Quarry Bay",    "North Point",  "Chai Wan",
              "Aberdeen",     "Wong Chuk Hang", "Sai Ying Pun",  "Kennedy Town", "Happy Valley",
              "Sha Tin",      "Tsuen Wan",      "Tuen Mun",      "Yuen Long",    "Kwai Chung",
              "Tsing Yi",     "Sai Kung",       "Tai Po",        "Fanling",      "Sheung Shui",
              "Ma On Shan",   "Tseung Kwan O",  "Tung Chung",    "Lantau",       "Fo Tan",
              "觀塘",         "九龍灣",         "尖沙咀",        "旺角",         "油麻地",
              "深水埗",       "長沙灣",         "荔枝角",        "九龍塘",       "紅磡",
              "土瓜灣",       "黃大仙",         "灣仔",          "銅鑼灣",       "上環",
              "中環",         "金鐘",           "鰂魚涌",        "北角",         "柴灣",
              "香港仔",       "沙田",           "荃灣",          "屯門",         "元朗",
              "葵涌",         "青衣",           "西貢",          "大埔",         "將軍澳"});
    return districts;
}

} // namespace Awb::ContentChecks
