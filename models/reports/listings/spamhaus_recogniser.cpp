#include "reports/listings/spamhaus_recogniser.h"

#include "analysis/mail_date.h"
#include "mail/mail_message.h"
#include "network/ip_network.h"
#include "reports/listings/listing_text.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Awb {

namespace {

using RE = QRegularExpression;

enum class Label { ListingId, Range, Reason, ListedAt, List, Domain, Other };

// The labels Spamhaus has used over the years (classic SBL notices, the newer notifications)
// and the demo's wording, lower case, as written before the colon. "Other" labels are kept as
// fields and otherwise not interpreted.
struct LabelNames
{
    Label label;
    const char *names; // '|'-separated
};

constexpr LabelNames labelTable[] = {
    {Label::ListingId, "listing id|sbl ref|sbl reference|sbl id|ref|reference|listing|ticket"},
    {Label::Range, "ip/range|ip/cidr|ip range|ip address|ip|range|cidr|netblock|listed ip|"
                   "listed range"},
    {Label::Reason, "reason|problem|issue|listing reason"},
    {Label::ListedAt, "listed|listing date|date listed|listed at|listed on|listed since|created|"
                      "detected"},
    {Label::List, "blocklist|blacklist|dataset|list|zone|listed in"},
    {Label::Domain, "domain|listed domain"},
    {Label::Other, "network|abuse contact|malware|asn|removal|country"},
};

struct Patterns
{
    RE labelLine{
        QStringLiteral(R"(^([ \t]*)([A-Za-z][A-Za-z /-]{0,30}?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$)")};
    RE listingId{QStringLiteral(R"(\b(SBL|CSS)[ -]?(\d{2,})\b)")};
    RE listName{QStringLiteral(R"(\b(SBL|CSS|XBL|DBL|PBL|EDROP|DROP|ZRD)\b)")};
    RE evidenceHeading{QStringLiteral(R"(^[ \t]*Evidence\b.*$)"),
                       RE::CaseInsensitiveOption | RE::MultilineOption};
    RE underline{QStringLiteral(R"(^[ \t]*[-=]{3,}[ \t]*$)")};
    RE reply{QStringLiteral(R"(^\s*(re|aw|sv|fwd?|wg)\s*:)"), RE::CaseInsensitiveOption};
    RE isoDate{QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)")};
    RE subjectTokens{QStringLiteral(R"([\s\[\]()]+)")};
    RE domainName{QStringLiteral(R"(^(?=.*[A-Za-z])[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\.?$)")};
};

const Patterns &patterns()
{
    static const Patterns p;
    return p;
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::SpamhausRecogniser)
};

std::optional<Label> labelFor(const QString &name)
{
    static const QHash<QString, Label> labels = [] {
        QHash<QString, Label> map;
        for (const LabelNames &entry : labelTable) {
            for (const QString &key : QString::fromLatin1(entry.names).split(QLatin1Char('|')))
                map.insert(key, entry.label);
        }
        return map;
    }();
    const auto it = labels.constFind(name.simplified().toLower());
    return it == labels.cend() ? std::nullopt : std::optional<Label>(*it);
}

struct LabelledValue
{
    QString name;
    QString value;
    Label label;
};

// Known "Label: value" lines; a value continues on the following lines that are indented
// deeper than its label and are not labels themselves (a wrapped reason).
QList<LabelledValue> readLabels(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QList<LabelledValue> values;
    qsizetype indent = -1;
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = patterns().labelLine.match(line);
        const std::optional<Label> label = m.hasMatch() ? labelFor(m.captured(2)) : std::nullopt;
        if (label) {
            values.append({m.captured(2).simplified(), m.captured(3).trimmed(), *label});
            indent = m.capturedLength(1);
            continue;
        }
        qsizetype lead = 0;
        while (lead < line.size() && (line.at(lead) == u' ' || line.at(lead) == u'\t'))
            ++lead;
        if (indent >= 0 && lead < line.size() && lead > indent && !values.isEmpty()) {
            LabelledValue &last = values.last();
            last.value += (last.value.isEmpty() ? QString() : QStringLiteral(" ")) + line.trimmed();
            continue;
        }
        indent = -1;
    }
    return values;
}

struct Draft
{
    QString list, listingId, range, reason, listedAt;
};

QDateTime readListingDate(const QString &text, Report &report)
{
    if (text.isEmpty()) {
        report.problems << Tr::tr("a listing without a listing date");
        return {};
    }
    if (const std::optional<MailDate> date = parseMailDate(text))
        return date->toUtc();
    if (patterns().isoDate.match(text).hasMatch()) // a day only: midnight UTC of that day
        return QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    report.problems << Tr::tr("the listing date \"%1\" cannot be read").arg(text);
    return {};
}

// The list a listing is on: as labelled, else from the listing id ("SBL000123"), else the
// first list name the notice mentions.
QString listOf(const Draft &draft, const QString &subject, const QString &text)
{
    if (!draft.list.isEmpty())
        return draft.list;
    const QRegularExpressionMatch id = patterns().listingId.match(draft.listingId);
    if (id.hasMatch())
        return id.captured(1).toUpper();
    for (const QString &where : {subject, text}) {
        const QRegularExpressionMatch m = patterns().listName.match(where);
        if (m.hasMatch())
            return m.captured(1);
    }
    return QStringLiteral("Spamhaus");
}

void addRecord(Report &report, const Draft &draft, const QString &subject, const QString &text)
{
    ListingRecord record;
    record.list = listOf(draft, subject, text);
    record.listingId = QString(draft.listingId).remove(QLatin1Char(' '));
    record.range = draft.range.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
    record.reason = draft.reason;
    record.listedAt = readListingDate(draft.listedAt, report);
    if (record.range.isEmpty()) {
        report.problems << Tr::tr("a listing without a listed address or range");
    } else if (const std::optional<IpNetwork> network = IpNetwork::parse(record.range)) {
        if (report.sourceIp.isEmpty())
            report.sourceIp = network->first().toString();
    } else if (patterns().domainName.match(record.range).hasMatch()) {
        if (report.reportedDomain.isEmpty()) // a DBL listing names a domain
            report.reportedDomain = record.range.toLower();
    } else {
        report.problems
            << Tr::tr("the listed range \"%1\" is not an address or CIDR block").arg(record.range);
    }
    report.listings.append(record);
}

// The evidence excerpt: from its heading to the next underlined heading, or the end.
QString evidenceExcerpt(const QString &text, qsizetype start)
{
    const QStringList lines = text.mid(start).split(QLatin1Char('\n'));
    QStringList excerpt;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 1 && i + 1 < lines.size() && patterns().underline.match(lines.at(i + 1)).hasMatch())
            break;
        excerpt << lines.at(i);
    }
    return excerpt.join(QLatin1Char('\n')).trimmed();
}

// The date of the excerpt's topmost Received field: when the spam trap received the spam.
void readEvidenceReceipt(Report &report, const QString &excerpt)
{
    const QStringList lines = excerpt.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).startsWith(QLatin1String("Received:"), Qt::CaseInsensitive))
            continue;
        QString field = lines.at(i);
        for (qsizetype j = i + 1; j < lines.size() && (lines.at(j).startsWith(QLatin1Char(' ')) ||
                                                       lines.at(j).startsWith(QLatin1Char('\t')));
             ++j)
            field += QLatin1Char(' ') + lines.at(j).trimmed();
        if (const std::optional<MailDate> date = parseMailDate(field)) {
            report.arrivalDate = date->toUtc();
            report.arrivalDateText = field.section(QLatin1Char(';'), -1).trimmed();
        }
        return;
    }
}

} // namespace

QString SpamhausRecogniser::name() const
{
    return QStringLiteral("Spamhaus");
}

const QStringList &SpamhausRecogniser::senderDomains()
{
    // The real project's domains and the stand-in of the demo data set.
    static const QStringList domains = {QStringLiteral("spamhaus.org"),
                                        QStringLiteral("spamhaus.com"),
                                        QStringLiteral("spamhaus.example")};
    return domains;
}

std::optional<Report> SpamhausRecogniser::recognise(const MailMessage &message) const
{
    const Patterns &p = patterns();
    const QString subject = message.subject();
    const bool knownSender = domainInList(senderDomain(message), senderDomains());
    bool fromHtml = false;
    const QString text = noticeText(message, &fromHtml);
    const bool mentionsSpamhaus =
        subject.contains(QLatin1String("spamhaus"), Qt::CaseInsensitive) ||
        text.contains(QLatin1String("spamhaus"), Qt::CaseInsensitive);
    // Cheap exit for the common case: nothing here is about Spamhaus.
    if (!knownSender && !mentionsSpamhaus && !p.listingId.match(subject).hasMatch())
        return std::nullopt;

    const QRegularExpressionMatch evidence = p.evidenceHeading.match(text);
    const QString notice = evidence.hasMatch() ? text.left(evidence.capturedStart()) : text;
    const QList<LabelledValue> labels = readLabels(notice);
    auto hasLabel = [&labels](Label wanted) {
        return std::any_of(labels.cbegin(), labels.cend(),
                           [wanted](const LabelledValue &v) { return v.label == wanted; });
    };
    const bool idInSubject = p.listingId.match(subject).hasMatch();
    const bool idLabelled =
        std::any_of(labels.cbegin(), labels.cend(), [&p](const LabelledValue &v) {
            return v.label == Label::ListingId && p.listingId.match(v.value).hasMatch();
        });
    const bool listed = hasLabel(Label::Range) || hasLabel(Label::Domain);
    // A known sender with a listing in the subject or labelled in the text; from elsewhere
    // (a relayed or re-sent notice) Spamhaus's name, an SBL/CSS listing id and a labelled
    // listed range together, and never in a reply: a customer writing about a listing, or a
    // "Ref: our ticket" line, is correspondence.
    const bool claimed =
        (knownSender && (idInSubject || idLabelled || listed || hasLabel(Label::ListingId) ||
                         p.listingId.match(text).hasMatch())) ||
        (mentionsSpamhaus && (idInSubject || idLabelled) && listed &&
         !p.reply.match(subject).hasMatch());
    if (!claimed)
        return std::nullopt;

    Report report;
    report.format = ReportFormat::Spamhaus;
    report.reporter = QStringLiteral("Spamhaus");
    report.feedbackType = QStringLiteral("blacklisting");
    report.description = notice.trimmed();
    report.fields.append({QStringLiteral("From"), message.from(), QStringLiteral("headers")});
    if (fromHtml)
        report.problems << Tr::tr("no plain-text part: the notice was read from its HTML part");
    if (text.trimmed().isEmpty())
        report.problems << Tr::tr("the notice has no text: only its subject could be read");

    QList<Draft> drafts(1);
    for (const LabelledValue &v : labels) {
        report.fields.append({v.name, v.value, QStringLiteral("body")});
        Draft *d = &drafts.last();
        // A second listing id or range starts the next listing of a multi-listing notice.
        if ((v.label == Label::ListingId && !d->listingId.isEmpty()) ||
            ((v.label == Label::Range || v.label == Label::Domain) && !d->range.isEmpty())) {
            drafts.append(Draft{});
            d = &drafts.last();
        }
        switch (v.label) {
        case Label::ListingId:
            d->listingId = v.value;
            break;
        case Label::Range:
            d->range = v.value;
            break;
        case Label::Domain:
            d->range = v.value;
            break;
        case Label::Reason:
            d->reason = v.value;
            break;
        case Label::ListedAt:
            d->listedAt = v.value;
            break;
        case Label::List:
            d->list = v.value.section(QLatin1Char(' '), 0, 0).toUpper();
            break;
        case Label::Other:
            break;
        }
    }
    // What the text does not label, the subject may say: "[SBL000123] 203.0.113.40/32 listed".
    Draft &first = drafts.first();
    if (first.listingId.isEmpty()) {
        const QRegularExpressionMatch id = p.listingId.match(subject);
        if (id.hasMatch()) {
            first.listingId = id.captured(1) + id.captured(2);
            report.fields.append(
                {QStringLiteral("Listing ID"), first.listingId, QStringLiteral("subject")});
        }
    }
    if (first.range.isEmpty()) {
        for (const QString &token : subject.split(p.subjectTokens, Qt::SkipEmptyParts)) {
            if (IpNetwork::parse(token)) {
                first.range = token;
                report.fields.append(
                    {QStringLiteral("IP/range"), token, QStringLiteral("subject")});
                break;
            }
        }
    }
    for (const Draft &draft : drafts)
        addRecord(report, draft, subject, text);
    if (!report.listings.isEmpty())
        report.reportId = report.listings.first().listingId;

    if (evidence.hasMatch()) {
        const QString excerpt = evidenceExcerpt(text, evidence.capturedStart());
        report.fields.append({QStringLiteral("Evidence"), excerpt, QStringLiteral("body")});
        readEvidenceReceipt(report, excerpt);
    }
    if (!report.arrivalDate.isValid() && !report.listings.isEmpty() &&
        report.listings.first().listedAt.isValid()) {
        report.arrivalDate = report.listings.first().listedAt;
        report.arrivalDateText = drafts.first().listedAt;
    }
    return report;
}

} // namespace Awb
