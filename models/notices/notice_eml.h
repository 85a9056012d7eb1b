#pragma once

#include "common/result.h"
#include "notices/notice_composer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Awb {

// What the message needs besides the notice itself.
struct NoticeEnvelope
{
    // "<IXCM-ABUSE-2026-000123.warning.1@ix.cm>"; the angle brackets may be left out.
    QString messageId;
    // Earlier messages of the thread, oldest first. The notice's inReplyTo is added at the end
    // when it is not already there.
    QStringList references;
};

// The Auto-Submitted value (RFC 3834) of a notice type: "auto-replied" for the acknowledgement,
// which answers a report as soon as it arrives; "auto-generated" for every other notice, which
// the desk's system sends on a decision, not in reply to the message it answers. Either value
// tells vacation responders and other automatic answerers not to reply.
QString autoSubmittedValue(const QString &noticeType);

// The notice as a message ready to send, in the bytes of an .eml file:
//  - From (the desk), To, Subject (RFC 2047 encoded words when it is not ASCII), Date,
//    Message-ID, In-Reply-To and References (when the notice answers a report),
//    Auto-Submitted, X-Abuse-Case (the case id), MIME-Version;
//  - multipart/alternative: text/plain then text/html, both UTF-8 and quoted-printable.
// Date is written in Hong Kong time (+0800): the time the desk and the notice's text use, so
// that the header and the body name the same hour; mail readers convert it for the reader.
// Lines end in LF, as .eml files on disk and sendmail(8) expect; an SMTP client converts.
// The bytes depend only on the notice and the envelope: the MIME boundary is derived from the
// content, so the same notice gives the same file (golden files compare byte for byte).
// Fails when the Message-ID or an address is not usable; the error names the case and field.
Result<QByteArray> buildNoticeEml(const ComposedNotice &notice, const NoticeEnvelope &envelope);

} // namespace Awb
