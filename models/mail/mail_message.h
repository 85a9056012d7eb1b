#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Awb {

// One header field exactly as it stands in the message.
struct RawHeaderField
{
    QByteArray name;      // as written, original case, without the colon
    QByteArray rawValue;  // the bytes after the colon up to the field's last line break, folds kept
    qsizetype offset = 0; // where the field starts in the message bytes
};

// One node of the MIME tree, in depth-first order.
struct MimePartInfo
{
    int depth = 0;             // 0 is the message's top-level part
    QString contentType;       // lower case, "type/subtype"
    QString charset;           // declared charset, lower case, may be empty
    QString transferEncoding;  // declared Content-Transfer-Encoding, lower case, may be empty
    QString disposition;       // "attachment", "inline" or empty
    QString filename;          // decoded, may be empty
    bool isContainer = false;  // multipart/* or message/rfc822: has children, no content here
    bool isAttachment = false; // disposition attachment, or a named non-text leaf
    qint64 decodedSize = -1;   // leaf parts: bytes after transfer decoding; containers: -1
    QByteArray sha256Hex;      // leaf parts: SHA-256 of the decoded content, lower-case hex
};

// A part's content and, when it is a verbatim slice of the message, where it stands.
struct LocatedContent
{
    QByteArray bytes;
    // Where `bytes` start in MailMessage::bytes() when they are exactly the bytes found there
    // (an identity transfer encoding; an embedded message/rfc822 as the sender wrote it, CRLF
    // and all); -1 when they were decoded (base64, quoted-printable) or rewritten and so have no
    // place in the message. Offsets inside `bytes` plus this one are offsets in the message.
    qsizetype offset = -1;
    bool isVerbatim() const { return offset >= 0; }
};

// A parsed email message. Owns its bytes and the GMime objects behind it (a private detail:
// no GMime type is visible here). Move-only; cheap to move between threads, not to share.
//
// The raw accessors work on the exact bytes; the decoded accessors give Unicode text with
// RFC 2047 encoded words decoded and 8-bit header bytes in unknown charsets read with a
// fallback (UTF-8, then Windows-1252), so they never fail.
class MailMessage
{
public:
    // Nesting deeper than this is not walked; mimeTreeTruncated() then says so.
    static constexpr int MaxMimeDepth = 64;

    // Fails only when the bytes are not a message at all: empty, or not starting with a header
    // field. A message with no body, no separator or broken MIME still parses.
    static Result<MailMessage> parse(const QByteArray &bytes);

    MailMessage(MailMessage &&) noexcept;
    MailMessage &operator=(MailMessage &&) noexcept;
    ~MailMessage();

    const QByteArray &bytes() const;

    // The header block: from the first byte up to, not including, the blank separator line
    // (the whole message when there is no separator). A leading mbox envelope line ("From "
    // or ">From ") is not a header field: it stays in bytes() but the block starts after it.
    QByteArray rawHeaderBlock() const;
    bool hasHeaderBodySeparator() const;
    QList<RawHeaderField> rawHeaders() const;
    // All raw values of one field name (case-insensitive), in message order.
    QList<QByteArray> rawHeaderValues(const QByteArray &name) const;

    // Unfolded and decoded value of the first field with that name; empty when absent.
    QString headerValue(const QByteArray &name) const;
    QStringList headerValues(const QByteArray &name) const;

    QString subject() const;
    QString from() const;      // decoded From value as written ("Name <addr>")
    QString messageId() const; // without the angle brackets
    QString dateText() const;  // the Date field as written (decoded)
    QDateTime date() const;    // in UTC; invalid when missing or unreadable

    // The first text/plain and text/html parts that are not attachments, decoded to Unicode.
    QString textBody() const;
    QString htmlBody() const;

    QList<MimePartInfo> mimeParts() const;
    QList<MimePartInfo> attachments() const;
    // The content of mimeParts()[index]: a leaf's bytes with the transfer encoding undone (the
    // charset is not converted: a report.txt or a JSON attachment comes back as sent); for a
    // message/rfc822 part, the embedded message exactly as it stands in bytes(), from its first
    // header field to the line break before the delimiter that ends the part (to the end of the
    // bytes when the multipart is never closed). Empty for multipart containers and for an
    // index out of range. Parses the message again on each call: meant for the one or two parts
    // a recogniser reads, not for walking every part.
    QByteArray partContent(qsizetype index) const;
    // The same content with its place in bytes() when it is a verbatim slice of them.
    LocatedContent locatedPartContent(qsizetype index) const;
    bool mimeTreeTruncated() const;

private:
    struct Private;
    explicit MailMessage(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

// Decodes an unstructured header value: unfolds, decodes RFC 2047 words, reads raw 8-bit bytes
// as UTF-8 or else Windows-1252.
QString decodeHeaderText(const QByteArray &rawValue);

} // namespace Awb
