#include "reports/listings/listing_text.h"

#include "mail/mail_message.h"
#include "network/ip_address.h"

#include <QRegularExpression>

namespace Awb {

namespace {

// Deeper nesting than this is not looked into: a report wraps its spam once or twice, and a
// hostile message must not cost more than a bounded amount of work.
constexpr int MaxMultipartDepth = 6;

// Where the body starts: after the first empty line (LF or CRLF). -1 when there is none.
// A leading mbox envelope line is not a header field and is skipped.
qsizetype bodyStart(const QByteArray &bytes)
{
    qsizetype pos = 0;
    if (bytes.startsWith("From ") || bytes.startsWith(">From ")) {
        pos = bytes.indexOf('\n');
        if (pos < 0)
            return -1;
        ++pos;
    }
    while (pos < bytes.size()) {
        const qsizetype eol = bytes.indexOf('\n', pos);
        if (eol < 0)
            return -1;
        const qsizetype length =
            (eol > pos && bytes.at(eol - 1) == '\r') ? eol - pos - 1 : eol - pos;
        if (length == 0)
            return eol + 1;
        pos = eol + 1;
    }
    return -1;
}

// The unfolded value of the first field `lowerName` in a header block, as bytes.
QByteArray headerField(const QByteArray &block, const QByteArray &lowerName)
{
    QByteArray value;
    bool inField = false;
    for (QByteArray line : block.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (inField) {
            if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
                value += ' ' + line.trimmed();
                continue;
            }
            break;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName) {
            value = line.mid(colon + 1).trimmed();
            inField = true;
        }
    }
    return value;
}

// The parts of a multipart body: the bytes between delimiter lines ("--boundary" at the start
// of a line), without the line break that belongs to the next delimiter. An unclosed
// multipart (a truncated report) gives what it has.
QList<QByteArray> splitParts(const QByteArray &body, const QByteArray &boundary)
{
    const QByteArray delimiter = "--" + boundary;
    QList<QByteArray> parts;
    qsizetype partStart = -1;
    qsizetype from = 0;
    while (from < body.size()) {
        const qsizetype hit = body.indexOf(delimiter, from);
        if (hit < 0)
            break;
        from = hit + delimiter.size();
        if (hit > 0 && body.at(hit - 1) != '\n')
            continue;
        const qsizetype eol = body.indexOf('\n', from);
        const QByteArray rest = body.mid(from, (eol < 0 ? body.size() : eol) - from).trimmed();
        const bool closing = rest.startsWith("--");
        if (!rest.isEmpty() && !closing)
            continue; // a longer boundary that starts with ours
        if (partStart >= 0) {
            qsizetype end = hit;
            if (end > partStart && body.at(end - 1) == '\n')
                --end;
            if (end > partStart && body.at(end - 1) == '\r')
                --end;
            parts.append(body.mid(partStart, end - partStart));
        }
        if (closing)
            return parts;
        partStart = eol < 0 ? body.size() : eol + 1;
    }
    if (partStart >= 0 && partStart < body.size())
        parts.append(body.mid(partStart));
    return parts;
}

void collectEmbedded(const QByteArray &entity, int depth, QList<EmbeddedMessage> *out)
{
    static const QRegularExpression boundaryParameter(
        QStringLiteral(R"re(;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+)))re"),
        QRegularExpression::CaseInsensitiveOption);
    const qsizetype body = bodyStart(entity);
    const QByteArray head = body < 0 ? entity : entity.left(body);
    const QByteArray contentType = headerField(head, "content-type");
    const QByteArray type = contentType.left(contentType.indexOf(';')).trimmed().toLower();
    if (type.startsWith("multipart/")) {
        if (depth >= MaxMultipartDepth || body < 0)
            return;
        const QRegularExpressionMatch m = boundaryParameter.match(QString::fromLatin1(contentType));
        if (!m.hasMatch())
            return;
        const QByteArray boundary =
            (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).toLatin1();
        for (const QByteArray &part : splitParts(entity.mid(body), boundary))
            collectEmbedded(part, depth + 1, out);
        return;
    }
    if (depth == 0 || body < 0 || (type != "message/rfc822" && type != "text/rfc822-headers"))
        return;
    QByteArray content = entity.mid(body);
    const QByteArray encoding = headerField(head, "content-transfer-encoding").toLower();
    if (encoding == "base64")
        content = QByteArray::fromBase64(content);
    out->append({content, type == "text/rfc822-headers"});
}

} // namespace

QString htmlToText(const QString &html)
{
    static const QRegularExpression comments(QStringLiteral("<!--.*?-->"),
                                             QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression invisible(
        QStringLiteral(R"(<(script|style|head)\b.*?</\1\s*>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression lineBreaks(
        QStringLiteral(R"(<\s*(br|/p|/div|/tr|/li|/h[1-6]|/table|/pre|hr)\b[^>]*>)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression cellEnds(QStringLiteral(R"(<\s*/t[dh]\s*>)"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression numericEntity(QStringLiteral("&#(x?)([0-9A-Fa-f]{1,6});"));
    static const QRegularExpression blanks(QStringLiteral("[ \\t\\x{00A0}]+"));

    QString text = html;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    // Source line breaks inside HTML are plain spaces; only the markup makes lines.
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.remove(comments);
    text.remove(invisible);
    text.replace(lineBreaks, QStringLiteral("\n"));
    text.replace(cellEnds, QStringLiteral(" "));
    text.remove(tags);
    QString decoded;
    decoded.reserve(text.size());
    qsizetype last = 0;
    for (auto it = numericEntity.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        decoded += QStringView(text).mid(last, m.capturedStart() - last);
        bool ok = false;
        const uint code = m.captured(2).toUInt(&ok, m.captured(1).isEmpty() ? 10 : 16);
        if (ok && code > 0 && code <= 0x10FFFF) {
            const char32_t character = code;
            decoded += QString::fromUcs4(&character, 1);
        }
        last = m.capturedEnd();
    }
    decoded += QStringView(text).mid(last);
    decoded.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    decoded.replace(QLatin1String("&lt;"), QLatin1String("<"));
    decoded.replace(QLatin1String("&gt;"), QLatin1String(">"));
    decoded.replace(QLatin1String("&quot;"), QLatin1String("\""));
    decoded.replace(QLatin1String("&#39;"), QLatin1String("'"));
    decoded.replace(QLatin1String("&amp;"), QLatin1String("&"));
    QStringList lines;
    for (const QString &line : decoded.split(QLatin1Char('\n')))
        lines << QString(line).replace(blanks, QStringLiteral(" ")).trimmed();
    return lines.join(QLatin1Char('\n')).trimmed();
}

QString noticeText(const MailMessage &message, bool *fromHtml)
{
    QString text = message.textBody();
    const bool html = text.trimmed().isEmpty() && !message.htmlBody().trimmed().isEmpty();
    if (html)
        text = htmlToText(message.htmlBody());
    if (fromHtml)
        *fromHtml = html;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text;
}

QString senderDomain(const MailMessage &message)
{
    static const QRegularExpression angle(QStringLiteral("<([^<>]*)>"));
    const QString from = message.from();
    const QRegularExpressionMatch m = angle.match(from);
    const QString address = (m.hasMatch() ? m.captured(1) : from).trimmed();
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).trimmed().toLower();
}

bool domainInList(const QString &domain, const QStringList &domains)
{
    for (const QString &known : domains) {
        if (domain == known || domain.endsWith(QLatin1Char('.') + known))
            return true;
    }
    return false;
}

QString canonicalIp(const QString &text)
{
    const std::optional<IpAddress> address = IpAddress::parse(text.trimmed());
    return address ? address->toString() : QString();
}

QList<EmbeddedMessage> embeddedMessages(const MailMessage &message)
{
    QList<EmbeddedMessage> found;
    collectEmbedded(message.bytes(), 0, &found);
    return found;
}

QByteArray headerBlockOf(const QByteArray &bytes)
{
    const qsizetype body = bodyStart(bytes);
    return body < 0 ? bytes : bytes.left(body);
}

} // namespace Awb
