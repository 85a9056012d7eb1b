#include "header_check_support.h"

#include "analysis/checks/mail_host_data.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Awb::HeaderChecks {

QList<RawHeaderField> fieldsNamed(const MailMessage &message, const QByteArray &name)
{
    QList<RawHeaderField> out;
    for (const RawHeaderField &field : message.rawHeaders()) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            out.append(field);
    }
    return out;
}

std::optional<RawHeaderField> firstField(const MailMessage &message, const QByteArray &name)
{
    for (const RawHeaderField &field : message.rawHeaders()) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return field;
    }
    return std::nullopt;
}

SourceLocation fieldLocation(const MailMessage &message, const RawHeaderField &field)
{
    // The value starts right after the colon, which may follow blanks after the name
    // ("Subject : x"), so the colon is looked up rather than assumed at name.size().
    const qsizetype colon = message.bytes().indexOf(':', field.offset);
    if (colon < 0)
        return {field.offset, field.name.size()};
    return {field.offset, colon + 1 + field.rawValue.size() - field.offset};
}

QString rawText(const QByteArray &rawValue)
{
    QByteArray unfolded;
    unfolded.reserve(rawValue.size());
    for (const char c : rawValue) {
        if (c != '\r' && c != '\n')
            unfolded.append(c);
    }
    unfolded = unfolded.trimmed();
    QString text = QString::fromUtf8(unfolded);
    // Invalid UTF-8 gives U+FFFD; Latin-1 then keeps every byte visible (Windows-1252's extra
    // characters matter little for evidence, the bytes do).
    if (text.contains(QChar::ReplacementCharacter) && !unfolded.contains("\xEF\xBF\xBD"))
        text = QString::fromLatin1(unfolded);
    return text;
}

QString quoteField(const RawHeaderField &field, int limit)
{
    QString text = QString::fromLatin1(field.name) + QStringLiteral(": ") + rawText(field.rawValue);
    if (text.size() > limit)
        text = text.left(limit) + QChar(0x2026);
    return text;
}

QString quotedField(const RawHeaderField &field, int limit)
{
    QString text = QStringLiteral("\"%1\"").arg(quoteField(field, limit));
    if (field.rawValue.contains("=?")) {
        QString decoded = decodeHeaderText(field.rawValue);
        if (decoded != rawText(field.rawValue)) {
            if (decoded.size() > limit)
                decoded = decoded.left(limit) + QChar(0x2026);
            text += QLatin1Char(' ') + Tr::tr("(decoded: \"%1\")").arg(decoded);
        }
    }
    return text;
}

namespace {

QString unquote(const QString &phrase)
{
    QString out;
    bool quoted = false;
    for (qsizetype i = 0; i < phrase.size(); ++i) {
        const QChar c = phrase.at(i);
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c == QLatin1Char('\\') && quoted && i + 1 < phrase.size()) {
            out.append(phrase.at(++i));
        } else {
            out.append(c);
        }
    }
    return out.simplified();
}

// Collects one mailbox while the address list is scanned.
struct Item
{
    QString phrase;  // text outside angle brackets and comments (quotes kept)
    QString comment; // the last comment, for "addr (Name)"
    QString angle;   // inside <...>
    bool hasAngle = false;
};

void finish(Item &item, QList<Mailbox> &out, int &junk)
{
    Mailbox box;
    QString address;
    if (item.hasAngle) {
        address = item.angle.trimmed();
        box.phrase = item.phrase.trimmed();
    } else {
        address = item.phrase.trimmed();
        box.phrase = item.comment.trimmed();
    }
    // Obsolete source route: "<@relay1,@relay2:user@host>".
    if (address.startsWith(QLatin1Char('@')) && address.contains(QLatin1Char(':')))
        address = address.mid(address.indexOf(QLatin1Char(':')) + 1);
    address.remove(QLatin1Char(' '));
    address.remove(QLatin1Char('\t'));
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == address.size() - 1) {
        if (!address.isEmpty() || !box.phrase.isEmpty())
            ++junk;
        item = Item();
        return;
    }
    box.address = address;
    box.domain = normalizedHost(address.mid(at + 1));
    box.displayName = unquote(decodeHeaderText(box.phrase.toUtf8()));
    out.append(box);
    item = Item();
}

} // namespace

QList<Mailbox> parseAddressList(const QByteArray &rawValue, int *junkCount)
{
    const QString text = rawText(rawValue);
    QList<Mailbox> out;
    int junk = 0;
    Item item;
    bool inAngle = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            // A quoted string, escapes kept so that unquote() can read them.
            QString quoted(c);
            for (++i; i < text.size(); ++i) {
                quoted.append(text.at(i));
                if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size())
                    quoted.append(text.at(++i));
                else if (text.at(i) == QLatin1Char('"'))
                    break;
            }
            (inAngle ? item.angle : item.phrase).append(quoted);
        } else if (c == QLatin1Char('(')) {
            int depth = 1;
            QString comment;
            for (++i; i < text.size() && depth > 0; ++i) {
                const QChar d = text.at(i);
                if (d == QLatin1Char('\\') && i + 1 < text.size()) {
                    comment.append(text.at(++i));
                    continue;
                }
                depth += d == QLatin1Char('(') ? 1 : d == QLatin1Char(')') ? -1 : 0;
                if (depth > 0)
                    comment.append(d);
            }
            --i;
            item.comment = comment;
            item.phrase.append(QLatin1Char(' '));
        } else if (c == QLatin1Char('<') && !inAngle) {
            inAngle = true;
            item.hasAngle = true;
        } else if (c == QLatin1Char('>') && inAngle) {
            inAngle = false;
        } else if (inAngle) {
            item.angle.append(c);
        } else if (c == QLatin1Char(',') || c == QLatin1Char(';')) {
            finish(item, out, junk);
        } else if (c == QLatin1Char(':') && !item.hasAngle) {
            // A group's name ends here ("Undisclosed recipients:;"): not a mailbox.
            item = Item();
        } else {
            item.phrase.append(c);
        }
    }
    finish(item, out, junk);
    if (junkCount)
        *junkCount = junk;
    return out;
}

QList<Mailbox> mailboxesOf(const MailMessage &message, const QByteArray &name)
{
    const auto field = firstField(message, name);
    return field ? parseAddressList(field->rawValue) : QList<Mailbox>{};
}

bool sameOrganisation(const QString &a, const QString &b)
{
    const QString x = organisationalDomain(a);
    if (!x.isEmpty() && x == organisationalDomain(b))
        return true;
    const ReceivedChecks::MailProvider *provider = ReceivedChecks::providerForHost(a);
    return provider && ReceivedChecks::isProviderHost(*provider, b);
}

QStringList relayNames(const ChainAnalysis &chain)
{
    QStringList names;
    for (const ChainHop &chainHop : chain.hops) {
        const ReceivedHop &hop = chainHop.parsed;
        for (const QString &name : {hop.by, hop.fromName, hop.fromHelo, hop.fromRdns}) {
            const QString host = normalizedHost(name);
            if (host.contains(QLatin1Char('.')) && !organisationalDomain(host).isEmpty() &&
                !names.contains(host))
                names.append(host);
        }
    }
    return names;
}

bool carriesForwardedMessage(const MailMessage &message, const QString &body)
{
    static const QRegularExpression banner(
        QStringLiteral("-{2,}\\s*(?:Forwarded message|Original Message|Weitergeleitete Nachricht|"
                       "Urspr\\x{00FC}ngliche Nachricht|Message transf\\x{00E9}r\\x{00E9})|"
                       "Begin forwarded message:|^\\s*(?:From|Von|De):\\s.+\\n\\s*(?:Sent|Date|"
                       "Gesendet|Datum|Envoy\\x{00E9}):"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    // Any message/* part, the headers of one (text/rfc822-headers, and the singular that some
    // report generators write), or a report about one (multipart/report: ARF, DSN).
    for (const MimePartInfo &part : message.mimeParts()) {
        if (part.contentType.startsWith(QLatin1String("message/")) ||
            part.contentType.startsWith(QLatin1String("text/rfc822-header")) ||
            part.contentType == QLatin1String("multipart/report"))
            return true;
    }
    return banner.match(body).hasMatch();
}

} // namespace Awb::HeaderChecks
