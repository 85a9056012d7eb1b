#include "notices/redaction.h"

#include "notices/redaction_p.h"

#include <QUrl>

#include <algorithm>

namespace Awb {

namespace {

bool isToken(const QString &text)
{
    return text.startsWith(QLatin1String("redacted-"));
}

bool isAddressChar(QChar c)
{
    return c.isLetterOrNumber() || QStringView(u"._%+-").contains(c);
}

// One way an identity can be written, and what replaces it.
struct Form
{
    QString text;
    QString token;
    QString where;
    Qt::CaseSensitivity cs = Qt::CaseInsensitive;
    enum Boundary { None, Address, Word } boundary = None;
};

bool atBoundary(const QString &text, qsizetype begin, qsizetype end, Form::Boundary boundary)
{
    if (boundary == Form::None)
        return true;
    const QChar before = begin > 0 ? text.at(begin - 1) : QChar(u' ');
    const QChar after = end < text.size() ? text.at(end) : QChar(u' ');
    const QChar afterNext = end + 1 < text.size() ? text.at(end + 1) : QChar(u' ');
    if (boundary == Form::Word)
        return !before.isLetterOrNumber() && !after.isLetterOrNumber();
    // An address ends where no host name goes on ("x@example.net." ends a sentence).
    const bool hostGoesOn = after.isLetterOrNumber() || after == u'-' ||
                            (after == u'.' && afterNext.isLetterOrNumber());
    return !isAddressChar(before) && !hostGoesOn;
}

void replaceForm(QString &text, const Form &form, RedactionLog &log)
{
    if (form.text.isEmpty())
        return;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(form.text, from, form.cs);
        if (at < 0)
            return;
        const qsizetype end = at + form.text.size();
        if (!atBoundary(text, at, end, form.boundary)) {
            from = at + 1;
            continue;
        }
        log.add(text.mid(at, form.text.size()), form.token, form.where);
        text.replace(at, form.text.size(), form.token);
        from = at + form.token.size();
    }
}

QList<QString> base64Forms(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QList<QString> forms;
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        const QString padded = QString::fromLatin1(utf8.toBase64(options));
        const QString bare =
            QString::fromLatin1(utf8.toBase64(options | QByteArray::OmitTrailingEquals));
        for (const QString &form : {padded, bare}) {
            if (!forms.contains(form))
                forms.append(form);
        }
    }
    return forms;
}

// A path segment or fragment that looks like an identifier made for one recipient: long,
// letters and digits mixed, nothing a human would name a page.
bool isOpaque(const QString &segment)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_~.%+=-]{16,}$"));
    if (!shape.match(segment).hasMatch())
        return false;
    bool letter = false;
    bool digit = false;
    for (const QChar c : segment) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    return letter && digit;
}

// Decodes a run of base64 (either alphabet) that holds printable text with an address.
bool decodesToAddress(const QString &run)
{
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        const auto decoded = QByteArray::fromBase64Encoding(
            run.toLatin1(), options | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            continue;
        const QString text = QString::fromUtf8(*decoded);
        if (text.toUtf8() != *decoded)
            continue;
        const bool printable = std::all_of(text.cbegin(), text.cend(),
                                           [](QChar c) { return c.isPrint() || c.isSpace(); });
        if (printable && addressPattern().match(text).hasMatch())
            return true;
    }
    return false;
}

QString redactLink(const QString &url, const Redactor &redactor, RedactionLog &log)
{
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://")) + 3;
    qsizetype hostEnd = schemeEnd;
    while (hostEnd < url.size() && !QStringView(u"/?#").contains(url.at(hostEnd)))
        ++hostEnd;
    QString out = url.left(hostEnd);
    const qsizetype hash = url.indexOf(u'#', hostEnd);
    const QString beforeFragment = hash < 0 ? url.mid(hostEnd) : url.mid(hostEnd, hash - hostEnd);
    const qsizetype question = beforeFragment.indexOf(u'?');
    const QString path = question < 0 ? beforeFragment : beforeFragment.left(question);

    const auto replaced = [&](const QString &value, const QString &where) {
        if (value.isEmpty() || isToken(value))
            return value;
        const QString token = redactor.token(value);
        log.add(value, token, where);
        return token;
    };

    QStringList segments = path.split(u'/');
    for (QString &segment : segments) {
        if (!isToken(segment) && (isOpaque(segment) || decodesToAddress(segment)))
            segment = replaced(segment, QStringLiteral("link path"));
    }
    out += segments.join(u'/');

    if (question >= 0) {
        out += u'?';
        QStringList params = beforeFragment.mid(question + 1).split(u'&');
        for (QString &param : params) {
            const qsizetype eq = param.indexOf(u'=');
            if (eq < 0)
                param = replaced(param, QStringLiteral("link parameter"));
            else
                param =
                    param.left(eq + 1) +
                    replaced(param.mid(eq + 1), QStringLiteral("link parameter ") + param.left(eq));
        }
        out += params.join(u'&');
    }
    if (hash >= 0) {
        const QString fragment = url.mid(hash + 1);
        out += u'#' + (isOpaque(fragment) && !isToken(fragment)
                           ? replaced(fragment, QStringLiteral("link fragment"))
                           : fragment);
    }
    return out;
}

} // namespace

const QRegularExpression &addressPattern()
{
    static const QRegularExpression re(
        QStringLiteral("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"));
    return re;
}

RedactedText Redactor::redactText(const QString &text) const
{
    RedactedText result{text, {}};
    RedactionLog log(&result.redactions);
    QString &out = result.text;

    // Known identities, in every spelling a link or a bounce address may use.
    for (const QString &address : m_addresses) {
        const QString bare = token(address);
        QList<Form> forms;
        forms.append({address, redactAddress(address), QStringLiteral("identity"),
                      Qt::CaseInsensitive, Form::Address});
        const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(address));
        QString atOnly = address;
        atOnly.replace(u'@', QLatin1String("%40"));
        forms.append({percent, bare, QStringLiteral("identity, percent-encoded")});
        forms.append({atOnly, bare, QStringLiteral("identity, percent-encoded")});
        QString verp = address;
        verp.replace(u'@', u'=');
        forms.append({verp, bare, QStringLiteral("identity, VERP form")});
        for (const QString &encoded : base64Forms(address))
            forms.append({encoded, bare, QStringLiteral("identity, base64"), Qt::CaseSensitive});
        for (const Form &form : forms)
            replaceForm(out, form, log);
    }
    for (const QString &word : m_words) {
        const QString bare = token(word);
        replaceForm(out, {word, bare, QStringLiteral("identity"), Qt::CaseInsensitive, Form::Word},
                    log);
        const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(word));
        if (percent != word)
            replaceForm(out, {percent, bare, QStringLiteral("identity, percent-encoded")}, log);
        for (const QString &encoded : base64Forms(word)) {
            if (encoded.size() >= 8)
                replaceForm(out,
                            {encoded, bare, QStringLiteral("identity, base64"), Qt::CaseSensitive},
                            log);
        }
    }

    // Links: whatever a sender may have made for one recipient.
    static const QRegularExpression link(QStringLiteral("https?://[^\\s<>\"'()\\[\\]{}]+"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString linked;
    qsizetype last = 0;
    for (auto it = link.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString url = m.captured(0);
        while (!url.isEmpty() && QStringView(u".,;:!?").contains(url.back()))
            url.chop(1);
        linked += out.mid(last, m.capturedStart(0) - last) + redactLink(url, *this, log);
        last = m.capturedStart(0) + url.size();
    }
    out = linked + out.mid(last);

    // Base64 anywhere else that hides an address (a tracking parameter copied into a header).
    static const QRegularExpression run(QStringLiteral("[A-Za-z0-9+/_-]{16,}={0,2}"));
    QString decoded;
    last = 0;
    for (auto it = run.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString candidate = m.captured(0);
        if (isToken(candidate) || !decodesToAddress(candidate))
            continue;
        const QString replacement = token(candidate);
        log.add(candidate, replacement, QStringLiteral("base64 with an address"));
        decoded += out.mid(last, m.capturedStart(0) - last) + replacement;
        last = m.capturedEnd(0);
    }
    out = decoded + out.mid(last);
    return result;
}

} // namespace Awb
