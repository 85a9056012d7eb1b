#pragma once

// Private to models/reports/listings: reading the text of blacklist operators' notices
// (SpamCop, Spamhaus). These services change their wording from time to time, so everything
// here is lenient and never fails: what cannot be read is returned empty.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

class MailMessage;

// The human-readable text of a notice: the first text/plain part, else the first text/html
// part turned into text (fromHtml then says so). Line breaks are LF only.
QString noticeText(const MailMessage &message, bool *fromHtml = nullptr);

// A small, QtCore-only reading of HTML as text: block ends and <br> become line breaks, table
// cells of a row are joined by a space ("<td>Listing ID:</td><td>SBL1</td>" reads
// "Listing ID: SBL1"), other tags vanish, the common entities are decoded.
QString htmlToText(const QString &html);

// The lower-case domain of the From address ("reports.spamcop.net"); empty when none.
QString senderDomain(const MailMessage &message);

// True when `domain` is one of `domains` or a subdomain of one of them.
bool domainInList(const QString &domain, const QStringList &domains);

// The canonical text of an IP address when `text` is exactly one, else an empty string.
QString canonicalIp(const QString &text);

// A message carried inside a report: a message/rfc822 part (the whole message) or a
// text/rfc822-headers part (its header block only).
struct EmbeddedMessage
{
    QByteArray bytes;
    bool headersOnly = false;
};

// The embedded messages of a report, in the order they appear, found by splitting the
// multipart bodies on their boundaries (at most a few levels deep). MailMessage gives the
// MIME tree's shape but not an embedded message's bytes; a message/rfc822 part is 7bit, 8bit
// or binary by RFC 2046, and a base64 one (which senders produce anyway) is decoded.
QList<EmbeddedMessage> embeddedMessages(const MailMessage &message);

// The header block of `bytes`: up to the first empty line, or all of it when there is none.
QByteArray headerBlockOf(const QByteArray &bytes);

} // namespace Awb
