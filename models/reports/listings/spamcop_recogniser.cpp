#include "reports/listings/spamcop_recogniser.h"

#include "analysis/mail_date.h"
#include "mail/mail_message.h"
#include "reports/listings/listing_text.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace Awb {

namespace {

using RE = QRegularExpression;

// Built once: recognise() runs on every imported message, from several threads (a const
// QRegularExpression is safe to share).
struct Patterns
{
    // "[SpamCop (203.0.113.12) id:7012345678]RE: ..." - no space after ']', as SpamCop writes
    // it; the parenthesis holds an address, or a URL for a spamvertised-site report.
    RE subjectTag{QStringLiteral(R"(^\s*\[SpamCop\s*\(([^)]*)\)\s*id:\s*(\d+)\s*\])"),
                  RE::CaseInsensitiveOption};
    RE summarySubject{QStringLiteral(R"(^\s*\[SpamCop\][^\n]*\bsummary\b)"),
                      RE::CaseInsensitiveOption};
    // "[ SpamCop V5.4.0 ]", older "- SpamCop V1.3.3 -".
    RE banner{QStringLiteral(R"(^[ \t]*[\[-][ \t]*SpamCop V([0-9][0-9.]*)[ \t]*[\]-][ \t]*$)"),
              RE::CaseInsensitiveOption | RE::MultilineOption};
    RE emailFrom{QStringLiteral(R"(^[ \t]*Email from[ \t]+(\S+)[ \t]*/[ \t]*(.*?)[ \t]*$)"),
                 RE::CaseInsensitiveOption | RE::MultilineOption};
    RE spamvertised{QStringLiteral(R"(^[ \t]*Spamvertised web site:[ \t]*(\S+))"),
                    RE::CaseInsensitiveOption | RE::MultilineOption};
    // "http://site.example/ is 192.0.2.5; Sun, 11 Aug 2002 00:11:15 -0700"
    RE resolved{QStringLiteral(R"(^[ \t]*(\S+)[ \t]+is[ \t]+([0-9A-Fa-f:.]+);[ \t]*(.*?)[ \t]*$)"),
                RE::MultilineOption};
    RE offending{
        QStringLiteral(R"(^[ \t]*(?:\[[ \t]*Offending message[ \t]*\]|Offending message:)[ \t]*$)"),
        RE::CaseInsensitiveOption | RE::MultilineOption};
    RE tracking{QStringLiteral(R"(https?://\S+?/(?:w3m|sc|mcgi)\?\S+)"), RE::CaseInsensitiveOption};
    RE summaryHeader{QStringLiteral(R"(IP_Address\s+Start/Length\s+Trap\s+User\s+Mole\s+Simp)"),
                     RE::CaseInsensitiveOption};
    // "   192.0.2.10  Nov 3 01h/24     1    2    0    0  comment"
    RE summaryRow{QStringLiteral(R"(^\s*([0-9A-Fa-f:.]{7,})\s+([A-Za-z]{3}\s+\d{1,2}\s+\d{1,2})h/)"
                                 R"((\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)(?:\s+(.*?))?\s*$)")};
    // SpamCop's placeholder for the reporter's addresses in the spam it forwards.
    RE mungedField{
        QStringLiteral(
            R"(^(to|cc|delivered-to|x-original-to|envelope-to)[ \t]*:[ \t]*<?x>?[ \t]*$)"),
        RE::CaseInsensitiveOption | RE::MultilineOption};
    RE mungedFor{QStringLiteral(R"(\bfor\s+<x>)"), RE::CaseInsensitiveOption};
    RE headerLine{QStringLiteral(R"(^[!-9;-~]+[ \t]*:)")};
};

const Patterns &patterns()
{
    static const Patterns p;
    return p;
}

enum class Kind { Spam, SpamvertisedSite, Summary };

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::SpamCopRecogniser)
};

void addField(Report &report, const QString &name, const QString &value, const char *source)
{
    report.fields.append({name, value, QLatin1String(source)});
}

// Sets sourceIp from a claimed address; an unreadable one becomes a problem, a second one
// that disagrees with the first as well.
void claimSource(Report &report, const QString &written, const QString &where)
{
    const QString ip = canonicalIp(written);
    if (ip.isEmpty()) {
        report.problems << Tr::tr("\"%1\" in the %2 is not an IP address").arg(written, where);
        return;
    }
    if (report.sourceIp.isEmpty())
        report.sourceIp = ip;
    else if (report.sourceIp != ip)
        report.problems << Tr::tr("the %1 names %2, but the report's source is %3")
                               .arg(where, ip, report.sourceIp);
}

// In a spamvertised-site report the mail's source is not the address blamed (the web host
// is), so only the date is taken from the line then.
void readEmailFrom(Report &report, const QString &text, bool claimAddress)
{
    const QRegularExpressionMatch m = patterns().emailFrom.match(text);
    if (!m.hasMatch())
        return;
    addField(report, QStringLiteral("Email from"),
             m.captured(1) + QStringLiteral(" / ") + m.captured(2), "body");
    if (claimAddress)
        claimSource(report, m.captured(1), Tr::tr("\"Email from\" line"));
    // The date SpamCop gives is when the reporter's server received the spam: the receipt
    // time policy section V asks for. The text keeps the zone as written.
    report.arrivalDateText = m.captured(2);
    const std::optional<MailDate> date = parseMailDate(m.captured(2));
    if (date)
        report.arrivalDate = date->toUtc();
    else
        report.problems << Tr::tr("the receipt date \"%1\" cannot be read").arg(m.captured(2));
}

void readSpamvertised(Report &report, const QString &text)
{
    for (auto it = patterns().spamvertised.globalMatch(text); it.hasNext();) {
        const QString url = it.next().captured(1);
        addField(report, QStringLiteral("Spamvertised web site"), url, "body");
        if (!report.reportedUris.contains(url))
            report.reportedUris << url;
        if (report.reportedDomain.isEmpty())
            report.reportedDomain = QUrl(url).host().toLower();
    }
    for (auto it = patterns().resolved.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured(1).contains(QLatin1String("://")))
            continue;
        addField(report, QStringLiteral("Resolved"), m.captured(0).trimmed(), "body");
        claimSource(report, m.captured(2), Tr::tr("resolution of %1").arg(m.captured(1)));
    }
}

void readSummary(Report &report, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    const QRegularExpression &row = patterns().summaryRow;
    int sources = 0;
    int complaints = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = row.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        ++sources;
        QString value = lines.at(i).simplified();
        // The reverse DNS name, when known, stands indented on the next line.
        if (i + 1 < lines.size() && lines.at(i + 1).startsWith(QLatin1Char(' ')) &&
            !lines.at(i + 1).trimmed().isEmpty() && !row.match(lines.at(i + 1)).hasMatch())
            value += QStringLiteral(" (") + lines.at(i + 1).trimmed() + QLatin1Char(')');
        addField(report, QStringLiteral("Source-IP"), m.captured(1), "body");
        addField(report, QStringLiteral("Summary row"), value, "body");
        for (int column = 4; column <= 7; ++column)
            complaints += m.captured(column).toInt();
        const QString ip = canonicalIp(m.captured(1));
        if (ip.isEmpty())
            report.problems
                << Tr::tr("\"%1\" in the summary table is not an IP address").arg(m.captured(1));
        else if (report.sourceIp.isEmpty())
            report.sourceIp = ip;
    }
    if (sources == 0)
        report.problems << Tr::tr("a summary report without a readable table of sources");
    if (sources > 1)
        report.problems << Tr::tr("the summary names %1 sources; the report's source address is "
                                  "only the first of them")
                               .arg(sources);
    report.incidents = complaints > 0 ? complaints : qMax(1, sources);
}

// The spam: SpamCop attaches it as message/rfc822 (exact bytes, preferred) or pastes it after
// the marker line (then decoded text, with no place in the report's bytes).
void readOriginal(Report &report, const MailMessage &message, const QString &inlineText)
{
    qsizetype firstPart = -1;
    const QList<MimePartInfo> parts = message.mimeParts();
    for (qsizetype i = 0; i < parts.size() && firstPart < 0; ++i) {
        if (parts.at(i).contentType == QLatin1String("message/rfc822") ||
            parts.at(i).contentType == QLatin1String("text/rfc822-headers"))
            firstPart = i;
    }
    if (firstPart >= 0) {
        const QList<EmbeddedMessage> embedded = embeddedMessages(message);
        if (!embedded.isEmpty()) {
            report.originalBytes = embedded.first().bytes;
            report.originalHeadersOnly = embedded.first().headersOnly;
            // Its place in the report, when the MIME reading finds the same bytes there (a
            // base64 attachment was decoded and has none).
            const LocatedContent located = message.locatedPartContent(firstPart);
            if (located.isVerbatim() && located.bytes == embedded.first().bytes)
                report.originalOffset = located.offset;
        }
    }
    QString pasted = inlineText;
    while (pasted.startsWith(QLatin1Char('\n')) || pasted.startsWith(QLatin1Char(' ')))
        pasted.remove(0, 1);
    if (!report.originalBytes && !pasted.trimmed().isEmpty()) {
        report.originalBytes = pasted.toUtf8();
        if (!patterns().headerLine.match(pasted).hasMatch())
            report.problems << Tr::tr("the offending message after the marker does not start with "
                                      "header fields");
    }
    if (!report.originalBytes)
        return;
    const QByteArray head = headerBlockOf(*report.originalBytes);
    QStringList munged;
    for (auto it = patterns().mungedField.globalMatch(QString::fromLatin1(head)); it.hasNext();) {
        const QString field = it.next().captured(1);
        if (!munged.contains(field, Qt::CaseInsensitive))
            munged << field;
    }
    if (patterns().mungedFor.match(QString::fromLatin1(head)).hasMatch())
        munged << QStringLiteral("Received (for <x>)");
    if (!munged.isEmpty())
        addField(report, QStringLiteral("Recipients"),
                 Tr::tr("munged by SpamCop to \"x\" in: %1").arg(munged.join(QStringLiteral(", "))),
                 "body");
}

} // namespace

QString SpamCopRecogniser::name() const
{
    return QStringLiteral("SpamCop");
}

const QStringList &SpamCopRecogniser::senderDomains()
{
    // The real service and the stand-ins of the demo data set (resources/demo/README.md).
    static const QStringList domains = {QStringLiteral("spamcop.net"),
                                        QStringLiteral("spamcop.example")};
    return domains;
}

std::optional<Report> SpamCopRecogniser::recognise(const MailMessage &message) const
{
    const Patterns &p = patterns();
    const QString subject = message.subject();
    const QRegularExpressionMatch tag = p.subjectTag.match(subject);
    const bool summarySubject = p.summarySubject.match(subject).hasMatch();
    bool fromHtml = false;
    const QString text = noticeText(message, &fromHtml);
    // The plain search first: most messages never name SpamCop, and the patterns below
    // then cost nothing.
    const bool named = text.contains(QLatin1String("SpamCop"), Qt::CaseInsensitive);
    const bool structure =
        named && (p.emailFrom.match(text).hasMatch() || p.spamvertised.match(text).hasMatch() ||
                  p.summaryHeader.match(text).hasMatch());
    const bool banner = structure && p.banner.match(text).hasMatch();
    const bool knownSender = structure && domainInList(senderDomain(message), senderDomains());
    // Without the subject tag, SpamCop's report text has to be there, from SpamCop's own
    // domains or under its banner: a message that talks about SpamCop has neither.
    if (!tag.hasMatch() && !summarySubject && !(structure && (knownSender || banner)))
        return std::nullopt;

    Report report;
    report.format = ReportFormat::SpamCop;
    report.reporter = QStringLiteral("SpamCop");
    report.feedbackType = QStringLiteral("abuse");
    addField(report, QStringLiteral("From"), message.from(), "headers");
    if (fromHtml)
        report.problems << Tr::tr("no plain-text part: the report was read from its HTML part");
    if (text.trimmed().isEmpty())
        report.problems << Tr::tr("the report has no text: only its subject could be read");

    const QRegularExpressionMatch version = p.banner.match(text);
    if (version.hasMatch()) {
        report.formatVersion = version.captured(1);
        report.userAgent = QStringLiteral("SpamCop V") + version.captured(1);
    }
    const QRegularExpressionMatch marker = p.offending.match(text);
    const QString explanation = marker.hasMatch() ? text.left(marker.capturedStart()) : text;
    report.description = explanation.trimmed();
    const QRegularExpressionMatch tracking = p.tracking.match(explanation);
    if (tracking.hasMatch())
        addField(report, QStringLiteral("Tracking-URL"), tracking.captured(0), "body");

    Kind kind = Kind::Spam;
    if (summarySubject || p.summaryHeader.match(text).hasMatch())
        kind = Kind::Summary;
    else if (p.spamvertised.match(explanation).hasMatch() ||
             tag.captured(1).trimmed().contains(QLatin1String("://")))
        kind = Kind::SpamvertisedSite;

    if (tag.hasMatch()) {
        report.reportId = tag.captured(2);
        addField(report, QStringLiteral("Report-ID"), report.reportId, "subject");
        const QString target = tag.captured(1).trimmed();
        addField(report,
                 kind == Kind::SpamvertisedSite ? QStringLiteral("Spamvertised web site")
                                                : QStringLiteral("Source-IP"),
                 target, "subject");
        if (kind == Kind::SpamvertisedSite && target.contains(QLatin1String("://")))
            report.reportedUris << target;
        else if (!target.isEmpty())
            claimSource(report, target, Tr::tr("subject"));
    }

    switch (kind) {
    case Kind::Summary:
        readSummary(report, text);
        break;
    case Kind::SpamvertisedSite:
        report.feedbackType = QStringLiteral("spamvertised");
        readSpamvertised(report, explanation);
        readEmailFrom(report, explanation, false);
        break;
    case Kind::Spam:
        readEmailFrom(report, explanation, true);
        if (!text.trimmed().isEmpty() && !p.emailFrom.match(explanation).hasMatch())
            report.problems << Tr::tr("no \"Email from\" line: the report gives no receipt date");
        break;
    }
    if (kind != Kind::Summary) {
        readOriginal(report, message,
                     marker.hasMatch() ? text.mid(marker.capturedEnd()) : QString());
        if (!report.originalBytes)
            report.problems << Tr::tr("no copy of the offending message");
    }
    return report;
}

} // namespace Awb
