#include "content_support.h"

#include "mail/mail_message.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Awb::ContentChecks {

namespace {

HeaderField toHeaderField(const RawHeaderField &field)
{
    QByteArray raw = field.rawValue;
    qsizetype length = field.name.size() + 1 + raw.size();
    while (raw.endsWith('\n') || raw.endsWith('\r')) {
        raw.chop(1);
        --length;
    }
    HeaderField out;
    out.name = field.name;
    out.value = decodeHeaderText(raw).trimmed();
    out.written = QString::fromLatin1(field.name) + QStringLiteral(": ") + out.value;
    out.location = {field.offset, length};
    return out;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Matches needle at raw[p...] reading quoted-printable: "=XX" is one byte, "=" before a line
// break is nothing. Returns one past the match, or -1.
qsizetype matchQuotedPrintable(const QByteArray &raw, qsizetype p, qsizetype until,
                               const QByteArray &needle)
{
    qsizetype k = 0;
    while (k < needle.size()) {
        if (p >= until)
            return -1;
        const char c = raw.at(p);
        if (c == '=') {
            if (p + 1 < until && raw.at(p + 1) == '\n') {
                p += 2;
                continue;
            }
            if (p + 2 < until && raw.at(p + 1) == '\r' && raw.at(p + 2) == '\n') {
                p += 3;
                continue;
            }
            if (p + 2 < until && hexDigit(raw.at(p + 1)) >= 0 && hexDigit(raw.at(p + 2)) >= 0) {
                const char decoded = char(hexDigit(raw.at(p + 1)) * 16 + hexDigit(raw.at(p + 2)));
                if (decoded != needle.at(k))
                    return -1;
                p += 3;
                ++k;
                continue;
            }
        }
        if (c != needle.at(k))
            return -1;
        ++p;
        ++k;
    }
    return p;
}

} // namespace

QList<HeaderField> headerFields(const MailMessage &message, const QByteArray &name)
{
    QList<HeaderField> out;
    for (const RawHeaderField &field : message.rawHeaders()) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            out.append(toHeaderField(field));
    }
    return out;
}

QList<HeaderField> headerFieldsWithPrefix(const MailMessage &message, const QByteArray &prefix)
{
    QList<HeaderField> out;
    for (const RawHeaderField &field : message.rawHeaders()) {
        if (field.name.size() >= prefix.size() &&
            field.name.left(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0)
            out.append(toHeaderField(field));
    }
    return out;
}

qsizetype bodyOffset(const MailMessage &message)
{
    const QByteArray &bytes = message.bytes();
    const QList<RawHeaderField> fields = message.rawHeaders();
    const qsizetype begin = fields.isEmpty() ? 0 : fields.first().offset;
    qsizetype end = begin + message.rawHeaderBlock().size();
    if (!message.hasHeaderBodySeparator())
        return qMin(end, bytes.size());
    if (bytes.mid(end, 2) == "\r\n")
        end += 2;
    else if (end < bytes.size() && bytes.at(end) == '\n')
        end += 1;
    return qMin(end, bytes.size());
}

SourceLocation bodyLocation(const MailMessage &message)
{
    const qsizetype begin = bodyOffset(message);
    return {begin, message.bytes().size() - begin};
}

SourceLocation partBodyLocation(const MailMessage &message, BodyKind kind)
{
    const QByteArray &bytes = message.bytes();
    const qsizetype body = bodyOffset(message);
    // The part's own Content-Type line; the top-level one stands in the header block.
    static const QRegularExpression plainType(QStringLiteral("^Content-Type:[ \\t]*text/plain\\b"),
                                              QRegularExpression::CaseInsensitiveOption |
                                                  QRegularExpression::MultilineOption);
    static const QRegularExpression htmlType(QStringLiteral("^Content-Type:[ \\t]*text/html\\b"),
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::MultilineOption);
    const QRegularExpression &contentType = kind == BodyKind::Html ? htmlType : plainType;
    const QString latin = QString::fromLatin1(bytes);
    const QRegularExpressionMatch match = contentType.match(latin);
    if (!match.hasMatch())
        return {};
    if (match.capturedStart() < body)
        return bodyLocation(message);
    qsizetype begin = latin.indexOf(QLatin1String("\n\n"), match.capturedEnd());
    const qsizetype crlf = latin.indexOf(QLatin1String("\r\n\r\n"), match.capturedEnd());
    if (crlf >= 0 && (begin < 0 || crlf < begin))
        begin = crlf + 4;
    else if (begin >= 0)
        begin += 2;
    else
        return {};
    qsizetype end = latin.indexOf(QLatin1String("\n--"), begin);
    end = end < 0 ? bytes.size() : end + 1;
    return {begin, end - begin};
}

SourceLocation findEncoded(const QByteArray &bytes, const QString &needle, qsizetype from,
                           qsizetype until)
{
    const QByteArray wanted = needle.toUtf8();
    if (wanted.isEmpty() || from < 0)
        return {};
    if (until < 0 || until > bytes.size())
        until = bytes.size();
    const qsizetype plain = bytes.indexOf(wanted, from);
    if (plain >= 0 && plain + wanted.size() <= until)
        return {plain, wanted.size()};
    for (qsizetype p = from; p < until; ++p) {
        const char c = bytes.at(p);
        if (c != wanted.at(0) && c != '=')
            continue;
        const qsizetype end = matchQuotedPrintable(bytes, p, until, wanted);
        if (end > p)
            return {p, end - p};
    }
    return {};
}

QString firstAddress(const QString &value)
{
    static const QRegularExpression angle(QStringLiteral("<\\s*([^<>\\s]+@[^<>\\s]+?)\\s*>"));
    static const QRegularExpression bare(
        QStringLiteral("([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+[A-Za-z0-9])"));
    const QRegularExpressionMatch a = angle.match(value);
    if (a.hasMatch())
        return a.captured(1).toLower();
    const QRegularExpressionMatch b = bare.match(value);
    return b.hasMatch() ? b.captured(1).toLower() : QString();
}

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : normalizedHost(address.mid(at + 1));
}

QString displayName(const QString &value)
{
    const qsizetype angle = value.indexOf(QLatin1Char('<'));
    if (angle <= 0)
        return {};
    QString name = value.left(angle).trimmed();
    if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
        name = name.mid(1, name.size() - 2);
    return name.trimmed();
}

QString elide(const QString &text, int length)
{
    QString t = text.simplified();
    if (t.size() <= length)
        return t;
    return t.left(length - 1) + QChar(0x2026);
}

} // namespace Awb::ContentChecks
