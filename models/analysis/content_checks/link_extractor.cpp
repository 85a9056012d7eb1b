#include "link_extractor.h"

#include "content_support.h"
#include "html_scanner.h"

#include "mail/mail_message.h"

#include <QRegularExpression>
#include <QUrl>

namespace Awb {

using namespace ContentChecks;

namespace {

// Anchor text longer than this is cut: it is for evidence and domain spotting, not a copy.
constexpr qsizetype MaxAnchorText = 2000;
// Failed searches for a link's bytes tolerated per body part (see extractLinks()).
constexpr int MaxLocationMisses = 8;

const QRegularExpression &textUrlPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?<![A-Za-z0-9@.])((?:https?|ftp)://[^\\s<>\"']+|mailto:[^\\s<>\"']+|"
                       "www\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+[^\\s<>\"']*)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

QString trimTrailingPunctuation(QString url)
{
    static const QString trailing = QStringLiteral(".,;:!?)]}'\"\u00bb\u201d");
    while (!url.isEmpty() && trailing.contains(url.back())) {
        // Keep a closing parenthesis that closes one inside the URL (Wikipedia style).
        if (url.back() == QLatin1Char(')') &&
            url.count(QLatin1Char('(')) >= url.count(QLatin1Char(')')))
            break;
        url.chop(1);
    }
    return url;
}

MessageLink makeLink(MessageLink::Kind kind, const QString &url, const QString &written,
                     qsizetype offset)
{
    MessageLink link;
    link.kind = kind;
    link.url = url.trimmed();
    if (link.url.startsWith(QLatin1String("www."), Qt::CaseInsensitive))
        link.url.prepend(QStringLiteral("http://"));
    link.written = written;
    link.bodyOffset = offset;
    splitUrl(link.url, &link.scheme, &link.host);
    return link;
}

void appendTextUrls(QList<MessageLink> &out, const QString &text, MessageLink::Kind kind,
                    qsizetype baseOffset)
{
    auto it = textUrlPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString written = trimTrailingPunctuation(m.captured(1));
        if (written.size() < 8)
            continue;
        out.append(makeLink(kind, written, written,
                            baseOffset < 0 ? -1 : baseOffset + m.capturedStart(1)));
    }
}

QString resolve(const QString &base, const QString &href)
{
    if (base.isEmpty())
        return href;
    QString scheme, host;
    splitUrl(href, &scheme, &host);
    if (!scheme.isEmpty())
        return href;
    const QUrl resolved = QUrl(base).resolved(QUrl(href));
    return resolved.isValid() ? resolved.toString() : href;
}

} // namespace

void splitUrl(const QString &url, QString *scheme, QString *host)
{
    scheme->clear();
    host->clear();
    static const QRegularExpression schemePattern(
        QStringLiteral("^\\s*([A-Za-z][A-Za-z0-9+.-]*):"));
    const QRegularExpressionMatch m = schemePattern.match(url);
    if (!m.hasMatch())
        return;
    *scheme = m.captured(1).toLower();
    QString rest = url.mid(m.capturedEnd());
    rest.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (*scheme == QLatin1String("mailto")) {
        *host = domainOf(rest.section(QLatin1Char('?'), 0, 0));
        return;
    }
    qsizetype i = 0;
    while (i < rest.size() && rest.at(i) == QLatin1Char('/'))
        ++i;
    if (i == 0)
        return; // "javascript:x", "tel:": no authority
    qsizetype end = i;
    while (end < rest.size() && rest.at(end) != QLatin1Char('/') &&
           rest.at(end) != QLatin1Char('?') && rest.at(end) != QLatin1Char('#'))
        ++end;
    QString authority = rest.mid(i, end - i);
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0)
        authority = authority.mid(at + 1);
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        authority = authority.mid(1, close < 0 ? -1 : close - 1);
    } else {
        const qsizetype colon = authority.indexOf(QLatin1Char(':'));
        if (colon >= 0)
            authority.truncate(colon);
    }
    *host = normalizedHost(QUrl::fromPercentEncoding(authority.toUtf8()));
}

QList<MessageLink> extractTextLinks(const QString &text)
{
    QList<MessageLink> out;
    appendTextUrls(out, text, MessageLink::Kind::TextUrl, 0);
    return out;
}

QList<MessageLink> extractHtmlLinks(const QString &html)
{
    const QList<HtmlToken> tokens = scanHtml(html);
    QList<MessageLink> out;
    QString base;
    qsizetype openAnchor = -1; // index in `out` of the anchor whose text is being collected
    auto closeAnchor = [&] {
        if (openAnchor >= 0)
            out[openAnchor].text = out[openAnchor].text.simplified();
        openAnchor = -1;
    };
    for (const HtmlToken &t : tokens) {
        if (t.kind == HtmlToken::Kind::Text) {
            if (openAnchor >= 0) {
                QString &text = out[openAnchor].text;
                if (text.size() < MaxAnchorText)
                    text += t.text.left(MaxAnchorText - text.size());
            } else {
                // Written positions only map where no entity changed the length.
                const bool sameAsRaw = t.text.size() == t.length;
                appendTextUrls(out, t.text, MessageLink::Kind::HtmlTextUrl,
                               sameAsRaw ? t.offset : -1);
            }
            continue;
        }
        if (t.kind == HtmlToken::Kind::EndTag) {
            if (t.name == QLatin1String("a"))
                closeAnchor();
            continue;
        }
        if (t.name == QLatin1String("base") && base.isEmpty()) {
            if (const HtmlAttribute *href = t.attribute(u"href"))
                base = href->value.trimmed();
            continue;
        }
        // Images and line breaks inside an anchor still belong to it; a new anchor ends it.
        if (openAnchor >= 0 && t.name == QLatin1String("br"))
            out[openAnchor].text += QLatin1Char(' ');
        MessageLink::Kind kind;
        const HtmlAttribute *target = nullptr;
        if (t.name == QLatin1String("a") || t.name == QLatin1String("area")) {
            closeAnchor();
            kind = MessageLink::Kind::Anchor;
            target = t.attribute(u"href");
        } else if (t.name == QLatin1String("img")) {
            kind = MessageLink::Kind::Image;
            target = t.attribute(u"src");
        } else if (t.name == QLatin1String("form")) {
            kind = MessageLink::Kind::Form;
            target = t.attribute(u"action");
        } else {
            continue;
        }
        if (!target || target->value.trimmed().isEmpty())
            continue;
        out.append(makeLink(kind, resolve(base, target->value.trimmed()), target->rawValue,
                            target->rawOffset));
        if (t.name == QLatin1String("a"))
            openAnchor = out.size() - 1;
    }
    closeAnchor();
    return out;
}

QList<MessageLink> extractLinks(const MailMessage &message)
{
    QList<MessageLink> out;
    const QByteArray &bytes = message.bytes();
    const QList<MimePartInfo> parts = message.mimeParts();
    const auto isBase64 = [&](const QString &type) {
        for (const MimePartInfo &part : parts) {
            if (part.contentType == type && !part.isAttachment)
                return part.transferEncoding == QLatin1String("base64");
        }
        return false;
    };
    const auto locate = [&](QList<MessageLink> links, BodyKind kind) {
        const SourceLocation part = partBodyLocation(message, kind);
        const SourceLocation fallback = part.isValid() ? part : bodyLocation(message);
        // Base64 hides the text: searching it would cost time and find nothing.
        const bool searchable = !isBase64(kind == BodyKind::Html ? QStringLiteral("text/html")
                                                                 : QStringLiteral("text/plain"));
        qsizetype cursor = fallback.offset;
        const qsizetype until = fallback.offset + fallback.length;
        int misses = 0;
        for (MessageLink &link : links) {
            // Links come in document order, so each search starts after the previous match.
            // A search that fails reads the rest of the part: after a few (a charset that
            // re-encodes the links), the others get the part's location without searching.
            SourceLocation found;
            if (searchable && misses < MaxLocationMisses) {
                found = findEncoded(bytes, link.written, cursor, until);
                if (!found.isValid())
                    ++misses;
            }
            link.exact = found.isValid();
            link.location = link.exact ? found : fallback;
            if (link.exact)
                cursor = found.offset + found.length;
            out.append(link);
        }
    };
    locate(extractTextLinks(message.textBody()), BodyKind::Text);
    locate(extractHtmlLinks(message.htmlBody()), BodyKind::Html);
    return out;
}

} // namespace Awb
