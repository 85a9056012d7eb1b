#pragma once

// Private to models/mail: the MIME tree of a message, walked once through GMime.

#include "mail_message.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Awb {

struct MimeTree
{
    QList<MimePartInfo> parts; // depth first, the top-level part first
    bool truncated = false;    // some part lay deeper than MailMessage::MaxMimeDepth
    QString textBody;
    QString htmlBody;
};

// Parses bytes[begin..] (begin skips an mbox envelope line) with GMime and walks the tree
// iteratively, so a hostile nesting depth costs a bounded stack. Leaf contents are decoded
// through their data wrapper in chunks and hashed as they stream; only the two body candidates
// are kept in memory. The bodies are the first text/plain and text/html leaves that are not
// attachments and not inside an embedded message (message/rfc822), so a report's own text is
// never replaced by the text of the message it carries. Never fails: input GMime cannot read
// at all gives an empty tree.
MimeTree walkMimeTree(const QByteArray &bytes, qsizetype begin);

// The content of part number `index` of the tree walkMimeTree() gives (same numbering): a
// leaf's bytes with the transfer encoding undone and the charset untouched; for a
// message/rfc822 part, the embedded message cut from `bytes` as it stands there (CRLF kept).
// The offset is in `bytes` (not counted from `begin`), -1 when the content was decoded or, for
// an embedded message without a header field to start from, written back by GMime. Empty for
// multiparts and for an index past the end. Parses the bytes again on each call.
LocatedContent readMimePart(const QByteArray &bytes, qsizetype begin, qsizetype index);

} // namespace Awb
