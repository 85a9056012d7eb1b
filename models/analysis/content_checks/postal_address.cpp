#include "postal_address.h"

#include "content_data.h"
#include "content_support.h"

#include <QRegularExpression>

namespace Awb::ContentChecks {

namespace {

struct AddressPattern
{
    const char *kind;
    QRegularExpression pattern;
};

const QList<AddressPattern> &addressPatterns()
{
    static const auto ci = QRegularExpression::CaseInsensitiveOption;
    static const QList<AddressPattern> patterns = {
        // "99 Example Road", "1600 Pennsylvania Avenue NW", "12B Baker St."
        {
            QT_TRANSLATE_NOOP("Awb::ContentChecks", "a street number and street name"),
            QRegularExpression(QStringLiteral(
                "\\b\\d{1,5}[A-Za-z]?(?:[-\u2013/]\\d{1,5})?,?[ \\t]+(?:[A-Z][\\w'.-]*[ \\t]+){1,4}"
                "(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Boulevard|Blvd\\.?|Lane|"
                "Ln\\.?|Drive|Dr\\.?|Way|Court|Ct\\.?|Place|Pl\\.?|Square|Sq\\.?|"
                "Terrace|Parkway|Pkwy\\.?|Highway|Hwy\\.?|Crescent|Close|Circle|"
                "Plaza|Quay|Wharf|Gardens)(?![\\w])")),
        },
        // "Rue de Rivoli 5" is rare; "12 rue de la Paix", "Via Roma 12", "Hauptstraße 5"
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a street name and number"),
         QRegularExpression(
             QStringLiteral(
                 "\\b(?:\\d{1,4},?\\s+(?:rue|avenue|boulevard|chemin|place|allée)\\s+\\w|"
                 "(?:Via|Viale|Calle|Avenida|Rua|Carrer|Piazza)\\s+[\\w' "
                 ".-]{2,40}?,?\\s+\\d{1,4}\\b|"
                 "\\w{3,}(?:straße|strasse|str\\.|weg|gasse|platz|allee|laan|straat|gracht|"
                 "vej|gatan|gata|väg)\\s+\\d{1,4}[a-z]?\\b)"),
             ci)},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a post office box"),
         QRegularExpression(QStringLiteral("\\b(?:P\\.?\\s?O\\.?\\s*Box|Post(?:al)? Office Box|"
                                           "Postfach|Bo[iî]te postale|Apartado(?: de correos)?|"
                                           "Private Bag|GPO Box)\\s*\\d+"),
                            ci)},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a US state and ZIP code"),
         QRegularExpression(QStringLiteral(
             "\\b(?:A[LKZR]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|"
             "O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\\s+\\d{5}(?:-\\d{4})?\\b"))},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a UK postcode"),
         QRegularExpression(
             QStringLiteral("\\b(?:[A-Z]{1,2}\\d[A-Z\\d]?|GIR)\\s+\\d[ABD-HJLNP-UW-Z]{2}\\b"))},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a Canadian postal code"),
         QRegularExpression(QStringLiteral("\\b[ABCEGHJ-NPRSTVXY]\\d[A-Z]\\s?\\d[A-Z]\\d\\b"))},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a European postcode and town"),
         QRegularExpression(
             QStringLiteral("(?:^|[\\s,])(?:[A-Z]{1,2}-)?(?!(?:19|20)\\d\\d\\b)\\d{4,5}[ "
                            "\\t]+[A-ZÄÖÜÉÈ][a-zäöüßéèàç]{2,}(?:[ -][A-Z]?[a-zäöüßéèàç]+)?\\b"))},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a Dutch postcode"),
         QRegularExpression(QStringLiteral("\\b[1-9]\\d{3} ?[A-Z]{2}[ \\t]+[A-Z][a-z]{2,}"))},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "an Australian state and postcode"),
         QRegularExpression(QStringLiteral("\\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\\s+\\d{4}\\b"))},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a Japanese postal code"),
         QRegularExpression(QStringLiteral("〒\\s?\\d{3}-?\\d{4}"))},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a Singapore postal code"),
         QRegularExpression(QStringLiteral("\\bSingapore\\s+\\d{6}\\b"), ci)},
        {QT_TRANSLATE_NOOP("Awb::ContentChecks", "a Chinese street number"),
         QRegularExpression(QStringLiteral("[\\p{Han}]{1,12}[道街路里巷]\\s*\\d{1,4}\\s*號"))},
    };
    return patterns;
}

// Hong Kong addresses have no postcode: a district with "Hong Kong", "Kowloon" or "New
// Territories" (or 香港/九龍/新界) on the same line is taken as an address.
PostalAddressMatch findHongKongAddress(const QString &text)
{
    static const QRegularExpression region(
        QStringLiteral("\\b(?:Hong Kong|Kowloon|New Territories|H\\.K\\.)\\b|香港|九龍|新界"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        for (const QString &district : hongKongDistricts()) {
            const qsizetype at = line.indexOf(district, 0, Qt::CaseInsensitive);
            if (at < 0)
                continue;
            QString rest = line;
            rest.replace(at, district.size(), QString(district.size(), QLatin1Char(' ')));
            if (region.match(rest).hasMatch())
                return {elide(line.trimmed(), 120), Tr::tr("a Hong Kong district and region")};
        }
    }
    return {};
}

} // namespace

PostalAddressMatch findPostalAddress(const QString &text)
{
    for (const AddressPattern &p : addressPatterns()) {
        const QRegularExpressionMatch m = p.pattern.match(text);
        if (m.hasMatch())
            return {m.captured(0).trimmed(), Tr::tr(p.kind)};
    }
    return findHongKongAddress(text);
}

QString postalAddressPatternsDescription()
{
    return Tr::tr(
        "a street number with a street name (\"12 Main Street\", \"Hauptstraße 5\", \"12 "
        "rue de la Paix\"), a P.O. Box or Postfach, a US state with ZIP code, a UK, "
        "Canadian, Dutch, Australian, Japanese (〒) or Singapore postcode, a European "
        "postcode with a town, a Chinese street number (…道99號), or a Hong Kong district "
        "(Kwun Tong, Wan Chai, 旺角…) with Hong Kong, Kowloon or New Territories");
}

} // namespace Awb::ContentChecks
