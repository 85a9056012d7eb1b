#include "notices/notice_eml.h"

#include "mail/gmime_runtime.h"
#include "mail/gobject_ref.h"
#include "policy/hong_kong_time.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <gmime/gmime.h>

#include <utility>

namespace Awb {

namespace {

Error emlError(const ComposedNotice &notice, const QString &reason)
{
    return Error{
        QStringLiteral("case %1, %2 notice, .eml: %3").arg(notice.caseId, notice.type, reason)};
}

// A msg-id without its angle brackets, or empty when it is not one (RFC 5322, section 3.6.4:
// id-left "@" id-right, no blanks, no brackets inside).
QString bareMessageId(const QString &id)
{
    QString bare = id.trimmed();
    if (bare.startsWith(u'<') && bare.endsWith(u'>'))
        bare = bare.mid(1, bare.size() - 2);
    static const QRegularExpression shape(QStringLiteral(
        "^[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x5a\\x5e-\\x7e]+$"));
    if (!shape.match(bare).hasMatch() || bare.count(u'@') != 1)
        return {};
    return bare;
}

bool isAddress(const QString &address)
{
    static const QRegularExpression shape(QStringLiteral("^[^\\s@<>\",;]+@[^\\s@<>\",;]+$"));
    return shape.match(address).hasMatch();
}

GObjectRef<GMimeTextPart> textPart(const char *subtype, const QString &text)
{
    auto part = GObjectRef<GMimeTextPart>::adopt(g_mime_text_part_new_with_subtype(subtype));
    const QByteArray utf8 = text.toUtf8();
    // The stream copies the bytes, so `utf8` may go when this function returns.
    auto stream = GObjectRef<GMimeStream>::adopt(
        g_mime_stream_mem_new_with_buffer(utf8.constData(), size_t(utf8.size())));
    auto content = GObjectRef<GMimeDataWrapper>::adopt(
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(GMIME_PART(part.get()), content.get());
    // Set after the content: UTF-8 always (g_mime_text_part_set_text() would pick the smallest
    // charset that fits, e.g. ISO-8859-1), quoted-printable so that the text stays readable.
    g_mime_text_part_set_charset(part.get(), "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(part.get()),
                                     GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    return part;
}

// A boundary made from the content: stable for golden files, and never found in a
// quoted-printable body, where every '=' is written "=3D".
QByteArray boundaryFor(const ComposedNotice &notice)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(notice.text.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(notice.html.toUtf8());
    return QByteArrayLiteral("=_awb_") + hash.result().toHex().left(32);
}

void setHeader(GMimeMessage *message, const char *name, const QString &value)
{
    g_mime_object_set_header(GMIME_OBJECT(message), name, value.toUtf8().constData(), "utf-8");
}

} // namespace

QString autoSubmittedValue(const QString &noticeType)
{
    return noticeType == u"acknowledgement" ? QStringLiteral("auto-replied")
                                            : QStringLiteral("auto-generated");
}

Result<QByteArray> buildNoticeEml(const ComposedNotice &notice, const NoticeEnvelope &envelope)
{
    const QString messageId = bareMessageId(envelope.messageId);
    if (messageId.isEmpty())
        return emlError(
            notice,
            QStringLiteral("\"%1\" is not a Message-ID (<left@right>)").arg(envelope.messageId));
    if (!isAddress(notice.from.address))
        return emlError(
            notice,
            QStringLiteral("the From address \"%1\" is not an address").arg(notice.from.address));
    if (!isAddress(notice.to.address))
        return emlError(
            notice,
            QStringLiteral("the To address \"%1\" is not an address").arg(notice.to.address));
    if (!notice.date.isValid())
        return emlError(notice, QStringLiteral("the notice has no date"));
    QStringList references;
    for (const QString &id : envelope.references + QStringList{notice.inReplyTo}) {
        if (id.trimmed().isEmpty())
            continue;
        const QString bare = bareMessageId(id);
        if (bare.isEmpty())
            return emlError(notice, QStringLiteral("\"%1\" is not a Message-ID").arg(id));
        if (!references.contains(bare))
            references.append(bare);
    }

    ensureGMimeInitialised();
    auto message = GObjectRef<GMimeMessage>::adopt(g_mime_message_new(TRUE));
    for (const auto &[type, who] : {std::pair{GMIME_ADDRESS_TYPE_FROM, notice.from},
                                    std::pair{GMIME_ADDRESS_TYPE_TO, notice.to}}) {
        const QByteArray name = who.name.trimmed().toUtf8();
        g_mime_message_add_mailbox(message.get(), type, name.isEmpty() ? nullptr : name.constData(),
                                   who.address.toUtf8().constData());
    }
    g_mime_message_set_subject(message.get(), notice.subject.toUtf8().constData(), "utf-8");

    const QDateTime local = notice.date.toUTC().toTimeZone(hongKongZone());
    GTimeZone *zone = g_time_zone_new_offset(local.offsetFromUtc());
    GDateTime *date =
        g_date_time_new(zone, local.date().year(), local.date().month(), local.date().day(),
                        local.time().hour(), local.time().minute(), local.time().second());
    g_mime_message_set_date(message.get(), date);
    g_date_time_unref(date);
    g_time_zone_unref(zone);

    g_mime_message_set_message_id(message.get(), messageId.toUtf8().constData());
    if (!notice.inReplyTo.isEmpty())
        setHeader(message.get(), "In-Reply-To", u'<' + bareMessageId(notice.inReplyTo) + u'>');
    if (!references.isEmpty())
        setHeader(message.get(), "References",
                  u'<' + references.join(QStringLiteral("> <")) + u'>');
    setHeader(message.get(), "Auto-Submitted", autoSubmittedValue(notice.type));
    setHeader(message.get(), "X-Abuse-Case", notice.caseId);

    auto alternative =
        GObjectRef<GMimeMultipart>::adopt(g_mime_multipart_new_with_subtype("alternative"));
    g_mime_multipart_set_boundary(alternative.get(), boundaryFor(notice).constData());
    const auto plain = textPart("plain", notice.text);
    const auto html = textPart("html", notice.html);
    g_mime_multipart_add(alternative.get(), GMIME_OBJECT(plain.get()));
    g_mime_multipart_add(alternative.get(), GMIME_OBJECT(html.get()));
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(alternative.get()));

    GMimeFormatOptions *options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_UNIX);
    auto out = GObjectRef<GMimeStream>::adopt(g_mime_stream_mem_new());
    const gint64 written =
        g_mime_object_write_to_stream(GMIME_OBJECT(message.get()), options, out.get());
    g_mime_format_options_free(options);
    if (written < 0)
        return emlError(notice, QStringLiteral("GMime could not write the message"));
    const GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

} // namespace Awb
