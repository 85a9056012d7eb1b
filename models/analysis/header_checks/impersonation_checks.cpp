// Impersonation in the From field: a display name that claims someone the address is not, and
// a domain spelt to look like a well-known one. Both are what policy 3.2 forbids in so many
// words ("impersonating legitimate entities", "forging ... sender addresses"), so they cite 3.2
// and weigh High where the imitation is unambiguous.

#include "header_check_data.h"
#include "header_check_support.h"

#include <QRegularExpression>

namespace Awb::HeaderChecks {

namespace {

// The labels of a host that its owner chose, without the public suffix: "mail.bank-of-x.co.uk"
// gives "mail", "bank-of-x". Hyphens are dropped so that "bank-of-x" reads as "bankofx".
QStringList ownLabels(const QString &host)
{
    const QString org = organisationalDomain(host);
    const qsizetype suffixLabels = org.count(QLatin1Char('.'));
    QStringList labels = normalizedHost(host).split(QLatin1Char('.'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < suffixLabels && !labels.isEmpty(); ++i)
        labels.removeLast();
    for (QString &label : labels)
        label.remove(QLatin1Char('-'));
    return labels;
}

// Does the domain carry the organisation name that the display name gives? A distinctive word
// of the name, its first four letters, or its initials ("Hong Kong University of Science and
// Technology" and ust.hk) found in the domain's own labels counts.
bool domainCarriesName(const QStringList &words, const QString &host)
{
    const QStringList labels = ownLabels(host);
    QString initials;
    for (const QString &w : words) {
        if (!genericNameWords().contains(w) || institutionWords().contains(w))
            initials.append(w.at(0));
    }
    for (const QString &label : labels) {
        for (const QString &w : words) {
            if (genericNameWords().contains(w) || institutionWords().contains(w) || w.size() < 3)
                continue;
            if (label.contains(w) || (w.size() >= 4 && label.contains(w.left(4))))
                return true;
        }
        if (initials.size() >= 3 && label.size() >= 3 &&
            (initials.contains(label) || label.contains(initials)))
            return true;
    }
    return false;
}

class DisplayNameSpoofCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("from.display-name-spoof"), Severity::High, QStringLiteral("3.2"),
            Tr::tr("Display name impersonates another sender"),
            Tr::tr("The From's display name shows an address on another domain, a well-known "
                   "brand whose domain the address is not, or an institution (bank, university, "
                   "police...) whose name the address domain does not carry.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        static const QRegularExpression shownAddress(
            QStringLiteral("[^\\s<>\"'()@,;:]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)"));
        static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
        static const QRegularExpression relayedWording(QStringLiteral("\\bvia\\b"),
                                                       QRegularExpression::CaseInsensitiveOption);
        const auto field = firstField(context.message, "From");
        if (!field)
            return;
        const SourceLocation where = fieldLocation(context.message, *field);
        const QString quoted = quotedField(*field);
        for (const Mailbox &box : parseAddressList(field->rawValue)) {
            if (box.displayName.isEmpty())
                continue;
            const QRegularExpressionMatch shown = shownAddress.match(box.displayName);
            if (shown.hasMatch() && !sameOrganisation(shown.captured(1), box.domain)) {
                // Mailing lists that rewrite From for DMARC ("alice@x via List") and ticket
                // systems that name the requester put an address there honestly, and say so
                // with "via" or a List-Id: Medium for those, High otherwise.
                const bool relayed = relayedWording.match(box.displayName).hasMatch() ||
                                     firstField(context.message, "List-Id").has_value();
                QString evidence = Tr::tr("%1: the display name shows the address %2, but the "
                                          "message is from %3.")
                                       .arg(quoted, shown.captured(), box.address);
                if (relayed)
                    evidence += QLatin1Char(' ') +
                                Tr::tr("The message says it was relayed by a list or service, "
                                       "which can explain this.");
                sink.add(-1, evidence, relayed ? Severity::Medium : Severity::High, where);
                return;
            }
            QString phrase;
            if (const Brand *brand = brandInDisplayName(box.displayName, &phrase)) {
                if (!isBrandDomain(*brand, box.domain)) {
                    sink.add(-1,
                             Tr::tr("%1: the display name says \"%2\" (%3), but %4 is not one "
                                    "of %3's domains.")
                                 .arg(quoted, phrase, brand->name, box.domain),
                             Severity::High, where);
                    return;
                }
                continue;
            }
            QStringList words;
            for (auto it = word.globalMatch(box.displayName.toLower()); it.hasNext();)
                words << it.next().captured();
            QString institution;
            for (const QString &w : words) {
                if (institutionWords().contains(w)) {
                    institution = w;
                    break;
                }
            }
            if (institution.isEmpty())
                continue;
            bool distinctive = false;
            for (const QString &w : words)
                distinctive = distinctive || (!genericNameWords().contains(w) &&
                                              !institutionWords().contains(w) && w.size() >= 3);
            if (!distinctive || domainCarriesName(words, box.domain))
                continue;
            // Medium: the name is an institution's, but not one on the brand list, so the
            // analyst should confirm that it is not the sender's own trading name.
            sink.add(-1,
                     Tr::tr("%1: the display name names an institution (\"%2\"), but the address "
                            "domain %3 carries no part of its name.")
                         .arg(quoted, box.displayName, box.domain),
                     Severity::Medium, where);
            return;
        }
    }
};

class LookalikeDomainCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("from.lookalike-domain"), Severity::High, QStringLiteral("3.2"),
            Tr::tr("From domain imitates a well-known domain"),
            Tr::tr("The From domain is spelt to look like a well-known brand's or mail "
                   "provider's (swapped look-alike letters or digits, one or two typos, letters "
                   "of another script in punycode, or the known name in front of another "
                   "domain).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto field = firstField(context.message, "From");
        if (!field)
            return;
        for (const Mailbox &box : parseAddressList(field->rawValue)) {
            const std::optional<Lookalike> look = lookalikeOf(box.domain);
            if (!look)
                continue;
            QString evidence =
                look->known.isEmpty()
                    ? Tr::tr("%1: %2.").arg(quotedField(*field), look->how)
                    : Tr::tr("%1: %2 imitates %3: %4.")
                          .arg(quotedField(*field), box.domain, look->known, look->how);
            if (!look->unicode.isEmpty())
                evidence +=
                    QLatin1Char(' ') + Tr::tr("Shown to the reader as %1.").arg(look->unicode);
            // A mixed-script name that imitates nothing on the list is a warning sign, not yet
            // an identified impersonation: Medium.
            sink.add(-1, evidence, look->strong ? Severity::High : Severity::Medium,
                     fieldLocation(context.message, *field));
            return;
        }
    }
};

} // namespace

void appendImpersonationChecks(QList<const Check *> &list)
{
    static const DisplayNameSpoofCheck displayNameSpoof;
    static const LookalikeDomainCheck lookalikeDomain;
    list << &displayNameSpoof << &lookalikeDomain;
}

} // namespace Awb::HeaderChecks
