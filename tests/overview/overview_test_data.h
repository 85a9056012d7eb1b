#pragma once

#include "mail/mail_message.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QTest>

// Test inputs shared by the overview suites: the demo forward of a phishing message and the
// original it carries, and a message with binary attachments of known content.
namespace OverviewTest {

inline QByteArray demoForward()
{
    QFile file(
        QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/06-forward-harbour-phish.eml"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The index of the forward's message/rfc822 part, or -1.
inline qsizetype embeddedPartIndex(const Awb::MailMessage &forward)
{
    const QList<Awb::MimePartInfo> parts = forward.mimeParts();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts.at(i).contentType == QLatin1String("message/rfc822"))
            return i;
    }
    return -1;
}

// The phishing message as the reporter attached it.
inline QByteArray demoOriginal()
{
    auto forward = Awb::MailMessage::parse(demoForward());
    if (!forward)
        return {};
    return forward->partContent(embeddedPartIndex(*forward));
}

struct TestAttachment
{
    QByteArray filename; // as written in the header (may hold RFC 2231 encoding)
    QByteArray contentType;
    QByteArray content;
};

// A multipart/mixed message with a text body and the attachments base64-encoded.
inline QByteArray messageWithAttachments(const QList<TestAttachment> &attachments)
{
    QByteArray bytes = "From: Sender <sender@example.net>\r\n"
                       "To: abuse@example.com\r\n"
                       "Subject: Invoice\r\n"
                       "Date: Tue, 9 Dec 2025 16:14:55 +0000\r\n"
                       "Message-ID: <att-1@example.net>\r\n"
                       "MIME-Version: 1.0\r\n"
                       "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                       "\r\n"
                       "--b1\r\n"
                       "Content-Type: text/plain; charset=us-ascii\r\n"
                       "\r\n"
                       "See the attached invoice.\r\n";
    for (const TestAttachment &attachment : attachments) {
        bytes += "--b1\r\nContent-Type: " + attachment.contentType +
                 "\r\nContent-Transfer-Encoding: base64\r\n"
                 "Content-Disposition: attachment; filename" +
                 attachment.filename + "\r\n\r\n";
        const QByteArray encoded = attachment.content.toBase64();
        for (qsizetype i = 0; i < encoded.size(); i += 76)
            bytes += encoded.mid(i, 76) + "\r\n";
    }
    return bytes + "--b1--\r\n";
}

} // namespace OverviewTest
