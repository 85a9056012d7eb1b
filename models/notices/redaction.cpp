#include "notices/redaction.h"

#include "notices/redaction_p.h"

#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace Awb {

namespace {

// Fields that name the recipient of the reported message (the complainant) or the reporter's
// own mailbox. Besides RFC 5322's address fields: the delivery stamps of Postfix, Exim and
// qmail (Delivered-To, X-Original-To, Envelope-To, X-Envelope-To, X-Rcpt-To), the fields of
// RFC 5965 (Original-Rcpt-To, Removal-Recipient) and RFC 3464 (Original-Recipient,
// Final-Recipient), and Microsoft's JMRP (X-HmXmrOriginalRecipient).
bool isRecipientField(const QString &name)
{
    static const QStringList fields = {
        QStringLiteral("to"),
        QStringLiteral("cc"),
        QStringLiteral("bcc"),
        QStringLiteral("resent-to"),
        QStringLiteral("resent-cc"),
        QStringLiteral("resent-bcc"),
        QStringLiteral("apparently-to"),
        QStringLiteral("delivered-to"),
        QStringLiteral("x-original-to"),
        QStringLiteral("envelope-to"),
        QStringLiteral("x-envelope-to"),
        QStringLiteral("x-rcpt-to"),
        QStringLiteral("x-forwarded-to"),
        QStringLiteral("original-rcpt-to"),
        QStringLiteral("original-recipient"),
        QStringLiteral("final-recipient"),
        QStringLiteral("removal-recipient"),
        QStringLiteral("x-hmxmroriginalrecipient"),
        QStringLiteral("x-original-recipient"),
    };
    return fields.contains(name.toLower());
}

// Fields whose whole value identifies the reporter (the address the complaint came from).
bool isReporterAddressField(const QString &name)
{
    return name.compare(u"X-Reporter-IP", Qt::CaseInsensitive) == 0;
}

QString normalisedAddress(const QString &address)
{
    QString a = address.trimmed();
    if (a.startsWith(u'<') && a.endsWith(u'>'))
        a = a.mid(1, a.size() - 2).trimmed();
    return a.toLower();
}

// Display names in a mailbox list ("Pat Reader" <pat@...>, Jo <jo@...>): the phrase before
// each '<', found by splitting at commas outside quotes and angle brackets.
void redactDisplayNames(QString &value, const Redactor &redactor, RedactionLog &log,
                        const QString &where, QStringList &learned)
{
    QList<std::pair<qsizetype, qsizetype>> phrases; // begin, length
    qsizetype start = 0;
    bool quoted = false;
    int angle = 0;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        const QChar c = i < value.size() ? value.at(i) : QChar(u',');
        if (c == u'"' && (i == 0 || value.at(i - 1) != u'\\'))
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == u'<' && angle++ == 0)
            phrases.append({start, i - start});
        else if (c == u'>' && angle > 0)
            --angle;
        else if ((c == u',' || c == u':' || c == u';') && angle == 0)
            start = i + 1;
    }
    for (auto it = phrases.crbegin(); it != phrases.crend(); ++it) {
        const QString raw = value.mid(it->first, it->second);
        QString phrase = raw.trimmed();
        const bool isQuoted =
            phrase.size() >= 2 && phrase.startsWith(u'"') && phrase.endsWith(u'"');
        if (isQuoted)
            phrase = phrase.mid(1, phrase.size() - 2).trimmed();
        if (phrase.isEmpty() || phrase.startsWith(QLatin1String("redacted-")))
            continue;
        // A display name that is itself an address is replaced as the address it shows.
        const QString token =
            phrase.contains(u'@') ? redactor.redactAddress(phrase) : redactor.token(phrase);
        const qsizetype lead = raw.indexOf(raw.trimmed());
        const QString replacement = isQuoted ? u'"' + token + u'"' : token;
        value.replace(it->first + lead, raw.trimmed().size(), replacement);
        log.add(phrase, token, where);
        learned.append(phrase);
    }
}

void redactAddresses(QString &value, const Redactor &redactor, RedactionLog &log,
                     const QString &where, QStringList &learned)
{
    const QRegularExpression &re = addressPattern();
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(value); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString address = m.captured(0);
        out += value.mid(last, m.capturedStart(0) - last);
        if (address.startsWith(QLatin1String("redacted-"))) {
            out += address;
        } else {
            const QString token = redactor.redactAddress(address);
            out += token;
            log.add(address, token, where);
            learned.append(address);
        }
        last = m.capturedEnd(0);
    }
    value = out + value.mid(last);
}

} // namespace

Redactor::Redactor(QByteArray key)
    : m_key(std::move(key))
{}

void Redactor::addIdentity(const QString &value)
{
    const QString simple = value.simplified();
    if (simple.isEmpty() || m_visible.contains(normalisedAddress(simple)))
        return;
    if (simple.contains(u'@')) {
        const QString address = normalisedAddress(simple);
        if (!m_addresses.contains(address))
            m_addresses.append(address);
    } else if (!m_words.contains(simple, Qt::CaseInsensitive)) {
        m_words.append(simple);
    }
}

void Redactor::keepVisible(const QString &value)
{
    const QString visible = normalisedAddress(value.simplified());
    if (visible.isEmpty())
        return;
    m_visible.append(visible);
    m_addresses.removeAll(visible);
    m_words.removeIf([&visible](const QString &w) { return w.toLower() == visible; });
}

QStringList Redactor::identities() const
{
    return m_addresses + m_words;
}

QString Redactor::token(const QString &value) const
{
    const QByteArray normalised = value.simplified().toCaseFolded().toUtf8();
    const QByteArray mac =
        QMessageAuthenticationCode::hash(normalised, m_key, QCryptographicHash::Sha256);
    return QStringLiteral("redacted-") + QString::fromLatin1(mac.toHex().left(16));
}

// RFC 6590 (section 4) hashes only the local-part and keeps the domain, so that the report's
// reader still sees which provider the complaint came from. We hash the domain too: for a
// hosting customer, a complaint from "lakeside.example.org" is a complaint from Lakeside
// University's twenty people, or from the one person who runs a vanity domain. A small
// domain identifies the complainant as surely as the local-part does.
QString Redactor::redactAddress(const QString &address) const
{
    return token(normalisedAddress(address)) + QStringLiteral("@redacted.invalid");
}

RedactedText Redactor::redactHeaders(const QString &headerBlock)
{
    // Split into fields, keeping every character: a field is its first line and the lines
    // that continue it (they start with a blank).
    QStringList fields;
    qsizetype pos = 0;
    while (pos < headerBlock.size()) {
        qsizetype end = headerBlock.indexOf(u'\n', pos);
        end = end < 0 ? headerBlock.size() : end + 1;
        const QString line = headerBlock.mid(pos, end - pos);
        const bool continues =
            !fields.isEmpty() && (line.startsWith(u' ') || line.startsWith(u'\t'));
        if (continues)
            fields.last() += line;
        else
            fields.append(line);
        pos = end;
    }

    static const QRegularExpression receivedFor(
        QStringLiteral("(\\bfor\\s+<?)([^\\s<>;]+@[^\\s<>;]+?)(?=>|;|\\s|$)"),
        QRegularExpression::CaseInsensitiveOption);

    RedactedText result;
    RedactionLog log(&result.redactions);
    QStringList learned;
    for (QString &field : fields) {
        const qsizetype colon = field.indexOf(u':');
        if (colon <= 0)
            continue;
        const QString name = field.left(colon).trimmed();
        QString value = field.mid(colon + 1);
        if (isRecipientField(name)) {
            redactDisplayNames(value, *this, log, name, learned);
            redactAddresses(value, *this, log, name, learned);
        } else if (isReporterAddressField(name)) {
            const QString ip = value.trimmed();
            if (!ip.isEmpty() && !ip.startsWith(QLatin1String("redacted-"))) {
                value.replace(value.indexOf(ip), ip.size(), token(ip));
                log.add(ip, token(ip), name);
                learned.append(ip);
            }
        } else if (name.compare(u"Received", Qt::CaseInsensitive) == 0) {
            QString out;
            qsizetype last = 0;
            for (auto it = receivedFor.globalMatch(value); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                const QString address = m.captured(2);
                if (address.startsWith(QLatin1String("redacted-")))
                    continue;
                out += value.mid(last, m.capturedStart(2) - last) + redactAddress(address);
                log.add(address, redactAddress(address), QStringLiteral("Received for"));
                learned.append(address);
                last = m.capturedEnd(2);
            }
            value = out + value.mid(last);
        }
        field = field.left(colon + 1) + value;
    }
    for (const QString &identity : learned)
        addIdentity(identity);

    const RedactedText rest = redactText(fields.join(QString()));
    result.text = rest.text;
    for (const Redaction &r : rest.redactions)
        log.add(r.original, r.token, r.where);
    return result;
}

} // namespace Awb
