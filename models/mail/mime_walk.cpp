#include "mime_walk.h"

#include "gmime_runtime.h"
#include "gobject_ref.h"
#include "sha256.h"
#include "text_codec.h"

#include <gmime/gmime.h>

#include <vector>

namespace Awb {

namespace {

QString lowerText(const char *value)
{
    return value ? decodeWithFallback(QByteArray(value)).trimmed().toLower() : QString();
}

QString text(const char *value)
{
    return value ? decodeWithFallback(QByteArray(value)).trimmed() : QString();
}

MimePartInfo describe(GMimeObject *object, int depth)
{
    MimePartInfo info;
    info.depth = depth;
    GMimeContentType *type = g_mime_object_get_content_type(object); // borrowed
    if (type) {
        char *mimeType = g_mime_content_type_get_mime_type(type); // ours to free
        info.contentType = lowerText(mimeType);
        g_free(mimeType);
        info.charset = lowerText(g_mime_content_type_get_parameter(type, "charset"));
    }
    info.transferEncoding =
        lowerText(g_mime_object_get_header(object, "Content-Transfer-Encoding"));

    // RFC 2183: an unknown disposition type is to be treated as "attachment".
    const QString disposition = lowerText(g_mime_object_get_disposition(object));
    if (!disposition.isEmpty())
        info.disposition =
            disposition == QLatin1String("inline") ? disposition : QStringLiteral("attachment");

    if (GMIME_IS_PART(object)) {
        info.filename = text(g_mime_part_get_filename(GMIME_PART(object)));
    } else {
        const char *name = g_mime_object_get_content_disposition_parameter(object, "filename");
        info.filename =
            text(name ? name : g_mime_object_get_content_type_parameter(object, "name"));
    }
    info.isContainer = GMIME_IS_MULTIPART(object) || GMIME_IS_MESSAGE_PART(object);
    info.isAttachment = info.disposition == QLatin1String("attachment") ||
                        (!info.isContainer && !info.filename.isEmpty() &&
                         !info.contentType.startsWith(QLatin1String("text/")));
    return info;
}

// Streams the decoded content of a leaf through SHA-256; keeps it in *kept when asked.
// Mirrors g_mime_data_wrapper_write_to_stream(): the wrapper's raw stream behind a basic
// decoding filter, rewound before and after.
void readLeaf(GMimePart *part, MimePartInfo *info, QByteArray *kept)
{
    Sha256Hasher hasher;
    qint64 size = 0;
    GMimeDataWrapper *content = g_mime_part_get_content(part);                         // borrowed
    GMimeStream *source = content ? g_mime_data_wrapper_get_stream(content) : nullptr; // borrowed
    if (source) {
        auto filtered = GObjectRef<GMimeStream>::adopt(g_mime_stream_filter_new(source));
        const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
        if (encoding == GMIME_CONTENT_ENCODING_BASE64 ||
            encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
            encoding == GMIME_CONTENT_ENCODING_UUENCODE) {
            auto decoder = GObjectRef<GMimeFilter>::adopt(g_mime_filter_basic_new(encoding, FALSE));
            g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.get()), decoder.get());
        }
        g_mime_stream_reset(source);
        std::vector<char> buffer(64 * 1024);
        for (;;) {
            const ssize_t n = g_mime_stream_read(filtered.get(), buffer.data(), buffer.size());
            if (n <= 0)
                break;
            hasher.addData(buffer.data(), n);
            if (kept)
                kept->append(buffer.data(), n);
            size += n;
        }
        g_mime_stream_reset(source);
    }
    info->decodedSize = size;
    info->sha256Hex = hasher.result().toHex();
}

struct Pending
{
    GObjectRef<GMimeObject> object;
    int depth = 0;
    bool embedded = false; // inside a message/rfc822 part
};

} // namespace

MimeTree walkMimeTree(const QByteArray &bytes, qsizetype begin)
{
    MimeTree tree;
    GMimeParserOptions *options = gmimeParserOptions();
    // GMime copies the buffer; the copy lives as long as the parsed message refers to it.
    auto stream = GObjectRef<GMimeStream>::adopt(
        g_mime_stream_mem_new_with_buffer(bytes.constData() + begin, size_t(bytes.size() - begin)));
    auto parser = GObjectRef<GMimeParser>::adopt(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    auto message =
        GObjectRef<GMimeMessage>::adopt(g_mime_parser_construct_message(parser.get(), options));
    if (!message)
        return tree;

    bool haveText = false;
    bool haveHtml = false;
    std::vector<Pending> stack;
    stack.push_back(
        {GObjectRef<GMimeObject>::retain(g_mime_message_get_mime_part(message.get())), 0, false});
    while (!stack.empty()) {
        Pending pending = std::move(stack.back());
        stack.pop_back();
        GMimeObject *object = pending.object.get();
        if (!object)
            continue;
        if (pending.depth > MailMessage::MaxMimeDepth) {
            tree.truncated = true;
            continue;
        }
        MimePartInfo info = describe(object, pending.depth);
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            // Pushed in reverse so that the first child is walked first.
            for (int i = g_mime_multipart_get_count(multipart) - 1; i >= 0; --i) {
                stack.push_back(
                    {GObjectRef<GMimeObject>::retain(g_mime_multipart_get_part(multipart, i)),
                     pending.depth + 1, pending.embedded});
            }
        } else if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            if (inner) {
                stack.push_back(
                    {GObjectRef<GMimeObject>::retain(g_mime_message_get_mime_part(inner)),
                     pending.depth + 1, true});
            }
        } else if (GMIME_IS_PART(object)) {
            const bool bodyCandidate = !pending.embedded && !info.isAttachment;
            const bool isText = info.contentType == QLatin1String("text/plain");
            const bool isHtml = info.contentType == QLatin1String("text/html");
            QByteArray body;
            const bool keep = bodyCandidate && ((isText && !haveText) || (isHtml && !haveHtml));
            readLeaf(GMIME_PART(object), &info, keep ? &body : nullptr);
            if (keep) {
                const QString decoded = decodeWithCharset(body, info.charset.toLatin1());
                if (isText) {
                    tree.textBody = decoded;
                    haveText = true;
                } else {
                    tree.htmlBody = decoded;
                    haveHtml = true;
                }
            }
        }
        tree.parts.append(std::move(info));
    }
    return tree;
}

} // namespace Awb
