#pragma once

// The links of a message: URLs written in the text body, and in the HTML body the targets of
// anchors (with the text a reader sees on them), images and forms. QtCore only, no network:
// nothing is fetched or resolved.

#include "analysis/finding.h"

#include <QList>
#include <QString>

namespace Awb {

class MailMessage;

struct MessageLink
{
    enum class Kind {
        TextUrl,     // a URL written in the text/plain body
        HtmlTextUrl, // a URL written as text in the HTML body, outside any anchor
        Anchor,      // <a href> or <area href>
        Image,       // <img src>: loaded when the message is shown (tracking pixels)
        Form,        // <form action>
    };
    Kind kind = Kind::TextUrl;
    QString url;     // as a browser would follow it: entities decoded, trimmed, resolved
                     // against <base href>; "www.x" written without a scheme gets "http://"
    QString written; // exactly as it stands in the decoded body (attribute value or text)
    QString text;    // anchors: the visible text, entities decoded, blanks collapsed
    QString scheme;  // lower case: "http", "https", "mailto"...; empty for relative links
    QString host;    // lower case, without userinfo, port and IPv6 brackets; empty when none
    qsizetype bodyOffset = -1; // where `written` starts in the decoded body (QChar index)
    // In the message's bytes: the written link itself when it could be found (as is or
    // quoted-printable), else the body part it is in; `exact` says which.
    SourceLocation location;
    bool exact = false;
};

// The scheme and host of a URL as a browser reads it: userinfo ("user@") dropped, so the
// host of "http://bank.example@192.0.2.1/" is 192.0.2.1; backslashes read as slashes.
void splitUrl(const QString &url, QString *scheme, QString *host);

// URLs in plain text: http(s), ftp, mailto and "www." forms; trailing punctuation is left out.
QList<MessageLink> extractTextLinks(const QString &text);
// Anchors, images, forms and text URLs of an HTML document (see html_scanner.h for what is
// tolerated). Anchor text stops at </a>, at the next anchor or at the end.
QList<MessageLink> extractHtmlLinks(const QString &html);
// Both bodies of the message (textBody() then htmlBody()), with locations in its bytes.
QList<MessageLink> extractLinks(const MailMessage &message);

} // namespace Awb
