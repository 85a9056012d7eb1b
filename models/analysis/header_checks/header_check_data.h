#pragma once

// Private to the header checks: what they know about the world, as data kept in one place and
// built once. Well-known brands and their domains, the confusable-spelling rules, the services
// that legitimately send and bounce for other organisations, and the words of organisation
// names. The large mailbox providers are not repeated here: they come from the Received
// checks' mail_host_data.h.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Awb::HeaderChecks {

// A brand that phishing and spam like to wear.
struct Brand
{
    QString name;                 // for evidence, "PayPal"
    QStringList phrases;          // lower case words or phrases that name it in a display name
    QStringList domains;          // the domains it sends from; names under them are its own too
    QStringList lookalike;        // the registrable labels worth protecting against confusable
                                  // spellings ("paypal"); short or common labels are left out
    bool countryVariants = false; // label.<cc>, label.co.<cc>, label.com.<cc> are its own too
};

const QList<Brand> &brands();

// The brand named in a display name, matched as whole words, also after undoing digit-letter
// swaps ("PayPa1"); `phrase` receives the matching phrase. nullptr when none is named.
const Brand *brandInDisplayName(const QString &displayName, QString *phrase = nullptr);
// The domain is the brand's own (one of its domains, a name under one, or a country variant).
bool isBrandDomain(const Brand &brand, const QString &domain);
// The brand that owns this domain, or nullptr.
const Brand *brandOwningDomain(const QString &domain);

// A From domain that imitates a well-known one (a brand's or a large mail provider's).
struct Lookalike
{
    QString known;      // the domain imitated, "paypal.com"
    QString how;        // a phrase for the evidence: "the digit 1 for the letter l" and the like
    QString unicode;    // the Unicode form when the domain is punycode, else empty
    bool strong = true; // false: a mixed-script IDN that imitates nothing known
};
// Implemented in lookalike.cpp.
std::optional<Lookalike> lookalikeOf(const QString &domain);

// Confusable characters to the Latin letter they imitate, for comparing spellings by shape.
const QHash<char16_t, char16_t> &homoglyphs();

// The services that send, bounce or host help desks for other organisations (Amazon SES,
// SendGrid, Mailchimp, Zendesk...): an envelope, Message-ID or Reply-To there is how those
// services work, not a sign of a forged sender.
bool isServiceProviderDomain(const QString &domain);

// The domain is a large mailbox provider's user domain (gmail.com...): the provider's name.
QString freemailProvider(const QString &domain);

// Words that say a display name names an institution people trust with money or credentials
// ("bank", "university", "police"...), and words too generic to identify one ("support",
// "team", "refunds"...). Lower case.
const QStringList &institutionWords();
const QStringList &genericNameWords();

} // namespace Awb::HeaderChecks
