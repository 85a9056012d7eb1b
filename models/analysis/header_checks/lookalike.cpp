// The confusable-spelling logic of from.lookalike-domain: what makes a From domain look like a
// well-known one. The data (brands, providers, homoglyphs) is in header_check_data.cpp.

#include "header_check_data.h"
#include "header_check_support.h"

#include "analysis/chain_analysis.h"
#include "analysis/checks/mail_host_data.h"

#include <QUrl>

namespace Awb::HeaderChecks {

namespace {

// The registrable label of a host: "paypal" for "www.paypal.co.uk"; empty for literals.
QString registrableLabel(const QString &host)
{
    return organisationalDomain(host).section(QLatin1Char('.'), 0, 0);
}

// One shape for spellings that look alike: homoglyphs() mapped to the letters they imitate,
// accents dropped, and the letter pairs that read as one letter at a glance (rn/m, vv/w, cl/d).
// Two labels with the same skeleton look the same to a hurried reader.
QString skeleton(const QString &label)
{
    const QHash<char16_t, char16_t> &map = homoglyphs();
    QString out;
    for (const QChar c : label.toLower().normalized(QString::NormalizationForm_KD)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out.append(QChar(map.value(c.unicode(), c.unicode())));
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
                return Lookalike{
                    own,
                    Tr::tr("%1 written in front of the unrelated domain %2").arg(own, org),
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
                                 ? Tr::tr("\"%1\" looks the same as \"%2\" at a glance (swapped "
                                          "look-alike letters or digits)")
                                       .arg(label, known.label)
                                 : Tr::tr("the internationalised name \"%1\" is drawn with letters "
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
                        ? Tr::tr("\"%1\" is one letter away from \"%2\"").arg(label, known.label)
                        : Tr::tr("\"%1\" is two letters away from \"%2\"").arg(label, known.label),
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
                             Tr::tr("the internationalised name \"%1\" mixes Latin letters with "
                                    "look-alike letters of another script")
                                 .arg(label),
                             unicode,
                             false};
    }
    return std::nullopt;
}

} // namespace Awb::HeaderChecks
