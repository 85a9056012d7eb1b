#include "feedback_common.h"

#include "analysis/ip_text.h"
#include "analysis/mail_date.h"
#include "mail/mail_message.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::FeedbackRecognisers)
};

bool isEmbeddedMessage(const MimePartInfo &part)
{
    return part.contentType == QLatin1String("message/rfc822") ||
           part.contentType == QLatin1String("message/global");
}

QString contentTypeOf(const MailMessage &message)
{
    return message.headerValue("Content-Type").toLower();
}

} // namespace

void addField(Report &report, const QString &name, const QString &value, const char *source)
{
    report.fields.append({name, value, QLatin1String(source)});
}

QList<int> ownPartIndexes(const QList<MimePartInfo> &parts)
{
    QList<int> own;
    int insideDepth = -1; // depth of the embedded message being skipped, -1 when none
    for (int i = 0; i < parts.size(); ++i) {
        const MimePartInfo &part = parts.at(i);
        if (insideDepth >= 0) {
            if (part.depth > insideDepth)
                continue;
            insideDepth = -1;
        }
        own.append(i);
        if (isEmbeddedMessage(part) && part.isContainer)
            insideDepth = part.depth;
    }
    return own;
}

int firstOwnPart(const QList<MimePartInfo> &parts, const QList<int> &own,
                 std::initializer_list<const char *> types)
{
    for (int index : own) {
        for (const char *type : types) {
            if (parts.at(index).contentType == QLatin1String(type))
                return index;
        }
    }
    return -1;
}

bool isFeedbackReportContainer(const MailMessage &message)
{
    static const QRegularExpression reportType(
        QStringLiteral(R"(report-type\s*=\s*["']?feedback-report)"));
    const QString type = contentTypeOf(message);
    return type.trimmed().startsWith(QLatin1String("multipart/report")) &&
           reportType.match(type).hasMatch();
}

bool lacksClosingBoundary(const MailMessage &message)
{
    static const QRegularExpression boundaryParameter(
        QStringLiteral(R"re(boundary\s*=\s*(?:"([^"]+)"|([^\s;"]+)))re"),
        QRegularExpression::CaseInsensitiveOption);
    const QString type = message.headerValue("Content-Type");
    if (!type.trimmed().startsWith(QLatin1String("multipart/"), Qt::CaseInsensitive))
        return false;
    const QRegularExpressionMatch match = boundaryParameter.match(type);
    if (!match.hasMatch())
        return false;
    const QString boundary = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    return !message.bytes().contains("--" + boundary.toUtf8() + "--");
}

void takeOriginal(const MailMessage &message, const QList<MimePartInfo> &parts,
                  const QList<int> &own, Report &report)
{
    bool headersOnly = false;
    int index = firstOwnPart(parts, own, {"message/rfc822", "message/global"});
    if (index < 0) {
        index = firstOwnPart(parts, own, {"text/rfc822-headers", "text/rfc822-header"});
        headersOnly = index >= 0;
    }
    if (index < 0) {
        report.problems << Tr::tr("The report carries no copy of the reported message (neither "
                                  "message/rfc822 nor text/rfc822-headers).");
        return;
    }
    const LocatedContent part = message.locatedPartContent(index);
    const QByteArray content = withoutEnvelopeLine(part.bytes);
    // A placeholder ("REDACTED") or an empty part is no message: say so instead of analysing it.
    const Result<MailMessage> original = MailMessage::parse(content);
    if (!original || original->rawHeaders().isEmpty()) {
        report.problems << Tr::tr("The attached %1 part is not a readable message.")
                               .arg(parts.at(index).contentType);
        return;
    }
    report.originalBytes = content;
    report.originalHeadersOnly = headersOnly;
    // The envelope line left out is at the front, so the rest keeps its place.
    if (part.isVerbatim())
        report.originalOffset = part.offset + (part.bytes.size() - content.size());
}

QString unquoted(const QString &value)
{
    QString text = value.trimmed();
    if (text.size() >= 2) {
        const QChar first = text.front();
        if ((first == QLatin1Char('"') || first == QLatin1Char('\'')) && text.back() == first)
            text = text.mid(1, text.size() - 2).trimmed();
    }
    return text;
}

std::optional<QString> claimedIp(const QString &value, int *port)
{
    QString text = unquoted(value);
    // "192.0.2.1 (mx.example.net)": the comment names the host, the address comes first.
    const qsizetype comment = text.indexOf(QLatin1Char('('));
    if (comment > 0)
        text = text.left(comment).trimmed();
    text = unquoted(text);
    const std::optional<IpText> ip = normaliseIp(text);
    if (!ip)
        return std::nullopt;
    if (port && ip->port >= 0)
        *port = ip->port;
    return ip->address; // a mapped ::ffff:a.b.c.d already reads as a.b.c.d
}

QDateTime claimedDate(const QString &value)
{
    const std::optional<MailDate> date = parseMailDate(unquoted(value));
    return date ? date->toUtc() : QDateTime();
}

QString bareAddress(const QString &value)
{
    static const QRegularExpression angle(QStringLiteral(R"(<\s*([^<>\s]+@[^<>\s]+)\s*>)"));
    static const QRegularExpression plain(QStringLiteral(R"(([^\s<>"(),;:]+@[^\s<>"(),;:]+))"));
    const QRegularExpressionMatch inAngles = angle.match(value);
    if (inAngles.hasMatch())
        return inAngles.captured(1);
    const QRegularExpressionMatch bare = plain.match(value);
    return bare.hasMatch() ? bare.captured(1) : unquoted(value);
}

std::optional<ReceivedFromClaim> receivedFromClaim(const QString &humanText)
{
    // Built once: the text is collapsed to single spaces first, so wrapped sentences match.
    static const QRegularExpression sentence(
        QStringLiteral(R"((email abuse report for an email message )?)"
                       R"(received from (?:(?:the )?IP(?: address)?:? )?)"
                       R"(\[?([0-9A-Za-z:._-]+?)\]?,? on (.+?)(?:\.(?: |$)|$))"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = humanText.simplified();
    const QRegularExpressionMatch match = sentence.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    ReceivedFromClaim claim;
    claim.jmrpWording = match.capturedLength(1) > 0;
    claim.ipText = match.captured(2);
    claim.ip = claimedIp(claim.ipText).value_or(QString());
    claim.dateText = match.captured(3).trimmed();
    return claim;
}

std::optional<QString> complaintSubjectIp(const QString &subject)
{
    static const QRegularExpression complaint(
        QStringLiteral(R"(complaint about message from \[?([0-9A-Fa-f:.]+)\]?)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = complaint.match(subject);
    if (!match.hasMatch())
        return std::nullopt;
    return claimedIp(match.captured(1));
}

std::optional<QString> firstIpIn(const QString &text)
{
    static const QRegularExpression candidate(
        QStringLiteral(R"((?<![0-9A-Za-z.:])([0-9]{1,3}(?:\.[0-9]{1,3}){3}|)"
                       R"([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}))"));
    QRegularExpressionMatchIterator it = candidate.globalMatch(text);
    while (it.hasNext()) {
        if (std::optional<QString> ip = claimedIp(it.next().captured(1)))
            return ip;
    }
    return std::nullopt;
}

QByteArray withoutEnvelopeLine(const QByteArray &bytes)
{
    if (!bytes.startsWith("From ") && !bytes.startsWith(">From "))
        return bytes;
    const qsizetype end = bytes.indexOf('\n');
    return end < 0 ? QByteArray() : bytes.mid(end + 1);
}

} // namespace Awb
