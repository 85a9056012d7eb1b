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

bool isEncoded(GMimeContentEncoding encoding)
{
    return encoding == GMIME_CONTENT_ENCODING_BASE64 ||
           encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
           encoding == GMIME_CONTENT_ENCODING_UUENCODE;
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
        if (isEncoded(encoding)) {
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
    bool embedded = false;     // inside a message/rfc822 part
    QByteArrayList boundaries; // of every enclosing multipart, innermost last
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
// readMimePart() number the parts alike. visit(pending) is called for every part within
// MailMessage::MaxMimeDepth and returns false to stop. Returns true when some part lay deeper
// and was skipped.
template <typename Visit> bool forEachMimeObject(GMimeMessage *message, Visit &&visit)
{
    bool truncated = false;
    std::vector<Pending> stack;
    stack.push_back(
        {GObjectRef<GMimeObject>::retain(g_mime_message_get_mime_part(message)), 0, false, {}});
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
            QByteArrayList boundaries = pending.boundaries;
            if (const char *boundary = g_mime_multipart_get_boundary(multipart))
                boundaries.append(QByteArray(boundary));
            // Pushed in reverse so that the first child is walked first.
            for (int i = g_mime_multipart_get_count(multipart) - 1; i >= 0; --i) {
                stack.push_back(
                    {GObjectRef<GMimeObject>::retain(g_mime_multipart_get_part(multipart, i)),
                     pending.depth + 1, pending.embedded, boundaries});
            }
        } else if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            if (inner) {
                stack.push_back(
                    {GObjectRef<GMimeObject>::retain(g_mime_message_get_mime_part(inner)),
                     pending.depth + 1, true, pending.boundaries});
            }
        }
        if (!visit(pending))
            break;
    }
    return truncated;
}

// A delimiter line of one of `boundaries` (line break excluded): "--boundary" or
// "--boundary--", then only blanks. RFC 2046 section 5.1.1, read as GMime's parser reads it.
bool isDelimiterLine(QByteArrayView line, const QByteArrayList &boundaries)
{
    if (!line.startsWith("--"))
        return false;
    for (const QByteArray &boundary : boundaries) {
        QByteArrayView rest = line.sliced(2);
        if (boundary.isEmpty() || !rest.startsWith(boundary))
            continue;
        rest = rest.sliced(boundary.size());
        if (rest.startsWith("--"))
            rest = rest.sliced(2);
        bool blank = true;
        for (const char c : rest)
            blank = blank && (c == ' ' || c == '\t' || c == '\r');
        if (blank)
            return true;
    }
    return false;
}

// Where the body of a message/rfc822 part that starts at `start` ends: before the line break in
// front of the next delimiter of an enclosing multipart (RFC 2046: that line break belongs to
// the delimiter), or at the end of the bytes when none follows (a truncated report).
qsizetype embeddedMessageEnd(const QByteArray &bytes, qsizetype start,
                             const QByteArrayList &boundaries)
{
    qsizetype lineStart = start;
    while (lineStart < bytes.size()) {
        const qsizetype eol = bytes.indexOf('\n', lineStart);
        const qsizetype lineEnd = eol < 0 ? bytes.size() : eol;
        if (bytes.at(lineStart) == '-' &&
            isDelimiterLine(QByteArrayView(bytes).sliced(lineStart, lineEnd - lineStart),
                            boundaries)) {
            qsizetype end = lineStart;
            if (end > start && bytes.at(end - 1) == '\n')
                --end;
            if (end > start && bytes.at(end - 1) == '\r')
                --end;
            return end;
        }
        if (eol < 0)
            break;
        lineStart = eol + 1;
    }
    return bytes.size();
}

// The smallest stream offset of the header fields in `headers` (borrowed), or -1.
gint64 firstHeaderOffset(GMimeHeaderList *headers)
{
    gint64 first = -1;
    const int count = headers ? g_mime_header_list_get_count(headers) : 0;
    for (int i = 0; i < count; ++i) {
        const gint64 offset =
            g_mime_header_get_offset(g_mime_header_list_get_header_at(headers, i));
        if (offset >= 0 && (first < 0 || offset < first))
            first = offset;
    }
    return first;
}

// A leaf's content, decoded. GMime keeps the stream it parsed and gives each leaf a substream of
// it, so content with an identity transfer encoding is a slice of the message: its place is the
// substream's start, once the bytes there are confirmed to be the same.
LocatedContent leafContent(GMimePart *part, const QByteArray &bytes, qsizetype begin, int depth)
{
    LocatedContent content;
    MimePartInfo info = describe(GMIME_OBJECT(part), depth);
    readLeaf(part, &info, &content.bytes);
    GMimeDataWrapper *wrapper = g_mime_part_get_content(part);                         // borrowed
    GMimeStream *stream = wrapper ? g_mime_data_wrapper_get_stream(wrapper) : nullptr; // borrowed
    if (!stream || isEncoded(g_mime_data_wrapper_get_encoding(wrapper)) || stream->bound_start < 0)
        return content;
    const qsizetype at = begin + qsizetype(stream->bound_start);
    if (at <= bytes.size() && content.bytes.size() <= bytes.size() - at &&
        QByteArrayView(bytes).sliced(at, content.bytes.size()) == content.bytes)
        content.offset = at;
    return content;
}

// The message GMime parsed out of a message/rfc822 part, as GMime writes it back: the fallback
// when the embedded message cannot be cut from the bytes. Not byte-exact (CRLF becomes LF).
QByteArray rewrittenMessage(GMimeMessage *inner)
{
    auto out = GObjectRef<GMimeStream>::adopt(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, out.get());
    GByteArray *written = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return written
               ? QByteArray(reinterpret_cast<const char *>(written->data), qsizetype(written->len))
               : QByteArray();
}

// The message carried by a message/rfc822 part, cut from the bytes: from its first header field
// (GMime records where each field starts) to the delimiter that closes the part. A part of this
// type is 7bit, 8bit or binary (RFC 2046 section 5.2.1); GMime reads an encoded one as a leaf,
// so it never comes here.
LocatedContent embeddedMessage(GMimeMessagePart *part, const QByteArray &bytes, qsizetype begin,
                               const QByteArrayList &boundaries)
{
    LocatedContent content;
    GMimeMessage *inner = g_mime_message_part_get_message(part); // borrowed
    if (!inner)
        return content;
    gint64 first = firstHeaderOffset(g_mime_object_get_header_list(GMIME_OBJECT(inner)));
    if (GMimeObject *body = g_mime_message_get_mime_part(inner)) { // borrowed
        const gint64 bodyFirst = firstHeaderOffset(g_mime_object_get_header_list(body));
        if (bodyFirst >= 0 && (first < 0 || bodyFirst < first))
            first = bodyFirst;
    }
    const qsizetype start = first >= 0 ? begin + qsizetype(first) : -1;
    if (start < begin || start >= bytes.size()) {
        // No header field to start from: an empty embedded message, or one that starts with a
        // blank line.
        content.bytes = rewrittenMessage(inner);
        return content;
    }
    const qsizetype end = embeddedMessageEnd(bytes, start, boundaries);
    content.bytes = bytes.mid(start, end - start);
    content.offset = start;
    return content;
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
    tree.truncated = forEachMimeObject(parsed.message.get(), [&](const Pending &pending) {
        GMimeObject *object = pending.object.get();
        MimePartInfo info = describe(object, pending.depth);
        if (GMIME_IS_PART(object)) {
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
        return true;
    });
    return tree;
}

LocatedContent readMimePart(const QByteArray &bytes, qsizetype begin, qsizetype index)
{
    LocatedContent content;
    if (index < 0)
        return content;
    const ParsedMessage parsed = parseMessage(bytes, begin);
    if (!parsed.message)
        return content;
    qsizetype position = 0;
    forEachMimeObject(parsed.message.get(), [&](const Pending &pending) {
        if (position++ < index)
            return true;
        GMimeObject *object = pending.object.get();
        if (GMIME_IS_PART(object))
            content = leafContent(GMIME_PART(object), bytes, begin, pending.depth);
        else if (GMIME_IS_MESSAGE_PART(object))
            content = embeddedMessage(GMIME_MESSAGE_PART(object), bytes, begin, pending.boundaries);
        return false;
    });
    return content;
}

} // namespace Awb
