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

// A message parsed from bytes[begin..]. GMime copies the buffer; the copy lives as long as the
// parsed message refers to it.
struct ParsedMessage
{
    GObjectRef<GMimeStream> stream;
    GObjectRef<GMimeParser> parser;
    GObjectRef<GMimeMessage> message;
};

ParsedMessage parseMessage(const QByteArray &bytes, qsizetype begin)
{
    ensureGMimeInitialised();
    ParsedMessage parsed;
    parsed.stream = GObjectRef<GMimeStream>::adopt(
        g_mime_stream_mem_new_with_buffer(bytes.constData() + begin, size_t(bytes.size() - begin)));
    parsed.parser =
        GObjectRef<GMimeParser>::adopt(g_mime_parser_new_with_stream(parsed.stream.get()));
    g_mime_parser_set_format(parsed.parser.get(), GMIME_FORMAT_MESSAGE);
    parsed.message = GObjectRef<GMimeMessage>::adopt(
        g_mime_parser_construct_message(parsed.parser.get(), gmimeParserOptions()));
    return parsed;
}

// The one traversal of the tree, iterative and depth first, so that walkMimeTree() and
// readMimePart() number the parts alike. visit(object, depth, embedded) is called for every
// part within MailMessage::MaxMimeDepth and returns false to stop. Returns true when some part
// lay deeper and was skipped.
template <typename Visit> bool forEachMimeObject(GMimeMessage *message, Visit &&visit)
{
    bool truncated = false;
    std::vector<Pending> stack;
    stack.push_back(
        {GObjectRef<GMimeObject>::retain(g_mime_message_get_mime_part(message)), 0, false});
    while (!stack.empty()) {
        Pending pending = std::move(stack.back());
        stack.pop_back();
        GMimeObject *object = pending.object.get();
        if (!object)
            continue;
        if (pending.depth > MailMessage::MaxMimeDepth) {
            truncated = true;
            continue;
        }
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
        }
        if (!visit(object, pending.depth, pending.embedded))
            break;
    }
    return truncated;
}

} // namespace

MimeTree walkMimeTree(const QByteArray &bytes, qsizetype begin)
{
    MimeTree tree;
    const ParsedMessage parsed = parseMessage(bytes, begin);
    if (!parsed.message)
        return tree;

    bool haveText = false;
    bool haveHtml = false;
    tree.truncated =
        forEachMimeObject(parsed.message.get(), [&](GMimeObject *object, int depth, bool embedded) {
            MimePartInfo info = describe(object, depth);
            if (GMIME_IS_PART(object)) {
                const bool bodyCandidate = !embedded && !info.isAttachment;
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
            return true;
        });
    return tree;
}

QByteArray readMimePart(const QByteArray &bytes, qsizetype begin, qsizetype index)
{
    QByteArray content;
    if (index < 0)
        return content;
    const ParsedMessage parsed = parseMessage(bytes, begin);
    if (!parsed.message)
        return content;
    qsizetype position = 0;
    forEachMimeObject(parsed.message.get(), [&](GMimeObject *object, int depth, bool) {
        if (position++ < index)
            return true;
        if (GMIME_IS_PART(object)) {
            MimePartInfo info = describe(object, depth);
            readLeaf(GMIME_PART(object), &info, &content);
        } else if (GMIME_IS_MESSAGE_PART(object)) {
            // GMime writes a parsed message back from the raw header values and the original
            // content streams, so the embedded message comes out as it was received.
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            if (inner) {
                auto out = GObjectRef<GMimeStream>::adopt(g_mime_stream_mem_new());
                g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, out.get());
                GByteArray *written = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
                if (written)
                    content = QByteArray(reinterpret_cast<const char *>(written->data),
                                         qsizetype(written->len));
            }
        }
        return false;
    });
    return content;
}

} // namespace Awb
