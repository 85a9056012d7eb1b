#include "mail_message.h"

#include "gmime_runtime.h"
#include "header_block.h"
#include "mime_walk.h"
#include "text_codec.h"

#include <gmime/gmime.h>

#include <mutex>

namespace Awb {

// The header block is split eagerly (import needs headers at once and it is cheap); the MIME
// tree is built on first use and cached. std::call_once makes that first use safe even if a
// message is, against the advice in the header, read from two threads.
struct MailMessage::Private
{
    QByteArray bytes;
    HeaderBlock headers;
    std::once_flag mimeOnce;
    MimeTree mime;

    const MimeTree &mimeTree()
    {
        std::call_once(mimeOnce, [this] { mime = walkMimeTree(bytes, headers.begin); });
        return mime;
    }
};

Result<MailMessage> MailMessage::parse(const QByteArray &bytes)
{
    auto d = std::make_unique<Private>();
    QString reason;
    if (!splitHeaderBlock(bytes, &d->headers, &reason))
        return Error{reason};
    d->bytes = bytes;
    return MailMessage(std::move(d));
}

MailMessage::MailMessage(std::unique_ptr<Private> d)
    : d(std::move(d))
{}
MailMessage::MailMessage(MailMessage &&) noexcept = default;
MailMessage &MailMessage::operator=(MailMessage &&) noexcept = default;
MailMessage::~MailMessage() = default;

const QByteArray &MailMessage::bytes() const
{
    return d->bytes;
}

QByteArray MailMessage::rawHeaderBlock() const
{
    return d->bytes.mid(d->headers.begin, d->headers.end - d->headers.begin);
}

bool MailMessage::hasHeaderBodySeparator() const
{
    return d->headers.hasSeparator;
}

QList<RawHeaderField> MailMessage::rawHeaders() const
{
    return d->headers.fields;
}

QList<QByteArray> MailMessage::rawHeaderValues(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const RawHeaderField &field : d->headers.fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            values.append(field.rawValue);
    }
    return values;
}

QString MailMessage::headerValue(const QByteArray &name) const
{
    for (const RawHeaderField &field : d->headers.fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return decodeHeaderText(field.rawValue);
    }
    return {};
}

QStringList MailMessage::headerValues(const QByteArray &name) const
{
    QStringList values;
    for (const QByteArray &raw : rawHeaderValues(name))
        values.append(decodeHeaderText(raw));
    return values;
}

QString MailMessage::subject() const
{
    return headerValue("Subject");
}

QString MailMessage::from() const
{
    return headerValue("From");
}

QString MailMessage::messageId() const
{
    const QString value = headerValue("Message-ID");
    const qsizetype open = value.indexOf(QLatin1Char('<'));
    const qsizetype close = open >= 0 ? value.indexOf(QLatin1Char('>'), open + 1) : -1;
    if (close > open)
        return value.mid(open + 1, close - open - 1).trimmed();
    return value;
}

QString MailMessage::dateText() const
{
    return headerValue("Date");
}

QDateTime MailMessage::date() const
{
    const QList<QByteArray> raw = rawHeaderValues("Date");
    if (raw.isEmpty())
        return {};
    const QByteArray text = utf8OrWindows1252ToUtf8(unfoldHeaderValue(raw.first()));
    if (text.isEmpty() || text.contains('\0'))
        return {};
    ensureGMimeInitialised();
    GDateTime *parsed = g_mime_utils_header_decode_date(text.constData()); // ours to unref
    if (!parsed)
        return {};
    const qint64 seconds = g_date_time_to_unix(parsed);
    g_date_time_unref(parsed);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

QString MailMessage::textBody() const
{
    return d->mimeTree().textBody;
}

QString MailMessage::htmlBody() const
{
    return d->mimeTree().htmlBody;
}

QList<MimePartInfo> MailMessage::mimeParts() const
{
    return d->mimeTree().parts;
}

QList<MimePartInfo> MailMessage::attachments() const
{
    QList<MimePartInfo> found;
    for (const MimePartInfo &part : d->mimeTree().parts) {
        if (part.isAttachment)
            found.append(part);
    }
    return found;
}

QByteArray MailMessage::partContent(qsizetype index) const
{
    return readMimePart(d->bytes, d->headers.begin, index).bytes;
}

LocatedContent MailMessage::locatedPartContent(qsizetype index) const
{
    return readMimePart(d->bytes, d->headers.begin, index);
}

bool MailMessage::mimeTreeTruncated() const
{
    return d->mimeTree().truncated;
}

QString decodeHeaderText(const QByteArray &rawValue)
{
    // Raw 8-bit bytes are settled first (UTF-8, else Windows-1252), so GMime only ever sees
    // valid UTF-8 and its own charset guessing cannot differ from the documented rule.
    QByteArray text = utf8OrWindows1252ToUtf8(unfoldHeaderValue(rawValue));
    if (text.isEmpty())
        return {};
    // A NUL would end the C string early; U+FFFD keeps the rest of the value visible.
    text.replace(QByteArrayView("\0", 1), QByteArrayView("\xEF\xBF\xBD"));
    ensureGMimeInitialised();
    char *decoded = g_mime_utils_header_decode_text(gmimeParserOptions(), text.constData());
    if (!decoded)
        return QString::fromUtf8(text);
    QString result = decodeWithFallback(QByteArray(decoded));
    g_free(decoded);
    return result;
}

} // namespace Awb
