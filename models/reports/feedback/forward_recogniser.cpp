#include "forward_recogniser.h"

#include "feedback_common.h"
#include "inline_forward.h"
#include "mail/mail_message.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ForwardRecogniser)
};

struct NoteDate
{
    QString text; // the sentence's date and time as written
    QDateTime date;
    bool zoneWritten = false;
};

// The receipt time a person wrote in a note: a sentence saying the message was received,
// delivered or arrived, with a time of day and a calendar date in any common order ("at
// 03:12:45 UTC on 9 November 2026", "on Nov 9, 2026 03:12 +0000", "2026-11-09 03:12:45Z").
// The pieces are put back into RFC 5322 order for parseMailDate.
std::optional<NoteDate> noteArrivalDate(const QString &note)
{
    static const QRegularExpression sentenceBreak(QStringLiteral(R"((?<=[.!?])\s+|\n\s*\n)"));
    static const QRegularExpression receipt(
        QStringLiteral(R"(\b(received|delivered|arrived|got it|came in)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression time(QStringLiteral(
        R"(\b(\d{1,2}:\d{2}(?::\d{2})?)(?:\s*(UTC|GMT|Z\b|[+-]\d{2}:?\d{2}|[A-Z]{3,4}\b))?)"));
    static const QRegularExpression dayMonthYear(
        QStringLiteral(R"(\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b)"));
    static const QRegularExpression monthDayYear(
        QStringLiteral(R"(\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)"));
    static const QRegularExpression iso(QStringLiteral(R"(\b(\d{4})-(\d{2})-(\d{2})\b)"));

    for (const QString &raw : note.split(sentenceBreak)) {
        const QString sentence = raw.simplified();
        if (!receipt.match(sentence).hasMatch())
            continue;
        const QRegularExpressionMatch t = time.match(sentence);
        if (!t.hasMatch())
            continue;
        QString day;
        QString month;
        QString year;
        if (const QRegularExpressionMatch m = dayMonthYear.match(sentence); m.hasMatch()) {
            day = m.captured(1);
            month = m.captured(2);
            year = m.captured(3);
        } else if (const QRegularExpressionMatch m = monthDayYear.match(sentence); m.hasMatch()) {
            day = m.captured(2);
            month = m.captured(1);
            year = m.captured(3);
        } else if (const QRegularExpressionMatch m = iso.match(sentence); m.hasMatch()) {
            day = m.captured(3);
            month = m.captured(2);
            year = m.captured(1);
        } else {
            continue;
        }
        QString zone = t.captured(2);
        if (zone == QLatin1String("Z"))
            zone = QStringLiteral("UTC");
        const QString rebuilt = day + QLatin1Char(' ') + month + QLatin1Char(' ') + year +
                                QLatin1Char(' ') + t.captured(1) + QLatin1Char(' ') + zone;
        const QDateTime date = claimedDate(rebuilt);
        if (date.isValid())
            return NoteDate{rebuilt.trimmed(), date, !zone.isEmpty()};
    }
    return std::nullopt;
}

bool isNotification(const MailMessage &message, const QList<MimePartInfo> &parts,
                    const QList<int> &own)
{
    static const QRegularExpression reportType(
        QStringLiteral(R"(report-type\s*=\s*["']?(delivery-status|disposition-notification))"),
        QRegularExpression::CaseInsensitiveOption);
    return reportType.match(message.headerValue("Content-Type")).hasMatch() ||
           firstOwnPart(parts, own,
                        {"message/delivery-status", "message/global-delivery-status",
                         "message/disposition-notification", "message/feedback-report"}) >= 0;
}

void readClaims(const MailMessage &message, const QString &note, Report &report)
{
    if (std::optional<NoteDate> date = noteArrivalDate(note)) {
        report.arrivalDate = date->date;
        report.arrivalDateText = date->text;
        addField(report, QStringLiteral("Arrival-Date"), date->text, kSourceBody);
        if (!date->zoneWritten)
            report.problems << Tr::tr("The note gives the receipt time without a time zone; it "
                                      "was read as UTC.");
    }
    if (std::optional<QString> ip = firstIpIn(message.subject())) {
        report.sourceIp = *ip;
        addField(report, QStringLiteral("Source-IP"), *ip, kSourceSubject);
    }
}

} // namespace

QString ForwardRecogniser::name() const
{
    return QStringLiteral("Forwarded message");
}

std::optional<Report> ForwardRecogniser::recognise(const MailMessage &message) const
{
    const QList<MimePartInfo> parts = message.mimeParts();
    const QList<int> own = ownPartIndexes(parts);
    if (isNotification(message, parts, own))
        return std::nullopt;

    Report report;
    report.format = ReportFormat::Forward;
    report.reporter = bareAddress(message.from());
    const QString text = message.textBody();
    if (firstOwnPart(parts, own, {"message/rfc822", "message/global"}) >= 0) {
        report.description = text.trimmed();
        takeOriginal(message, parts, own, report);
    } else {
        const std::optional<InlineForward> forward = findInlineForward(text);
        if (!forward)
            return std::nullopt;
        report.description = forward->note;
        report.originalBytes = forward->original;
        report.originalHeadersOnly = forward->headersOnly;
        if (!forward->marker.isEmpty())
            addField(report, QStringLiteral("Forward-Marker"), forward->marker, kSourceBody);
        report.problems << Tr::tr("The original was forwarded inline: its %n header line(s) were "
                                  "pasted into the text and may be incomplete or reformatted.",
                                  nullptr, forward->headerCount);
        if (forward->headersOnly)
            report.problems << Tr::tr(
                "Only the headers of the original were pasted, not its body.");
    }
    readClaims(message, report.description, report);
    if (message.mimeTreeTruncated())
        report.problems << Tr::tr("The MIME structure is nested too deeply; the inner parts were "
                                  "not read.");
    if (lacksClosingBoundary(message))
        report.problems << Tr::tr("The multipart body has no closing boundary: the forward may "
                                  "have been cut off.");
    return report;
}

} // namespace Awb
