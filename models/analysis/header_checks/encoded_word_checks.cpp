// RFC 2047 encoded words used against the reader or the filter: inside an address (where a
// mail program that decodes them shows an address that is not the real one), in fields that
// must not carry them, wrapped around plain ASCII words so that a filter reading the raw header
// does not see them, in several charsets at once, over-long, or not decodable at all.
//
// Clause 3.2: the cases that matter (an encoded address, hidden words) disguise what the
// header says, which is falsifying header information. The purely technical defects (over-long
// or undecodable words, mixed charsets) are given Info or Low in the evidence, so that a
// sloppy mailer is not weighed like a disguise.

#include "header_check_support.h"

#include <QRegularExpression>

#include <algorithm>

namespace Awb::HeaderChecks {

namespace {

// Structured fields whose syntax has no place for an encoded word (RFC 2047 section 5 allows
// them only in unstructured text, comments and phrases).
const QList<QByteArray> &noEncodedWordFields()
{
    static const QList<QByteArray> names = {"Message-ID",
                                            "In-Reply-To",
                                            "References",
                                            "Date",
                                            "Received",
                                            "MIME-Version",
                                            "Content-Transfer-Encoding",
                                            "Content-ID"};
    return names;
}

// Address fields: encoded words may stand in the display name, never in the addr-spec.
const QList<QByteArray> &addressFields()
{
    static const QList<QByteArray> names = {
        "From",        "Sender",      "Reply-To",
        "To",          "Cc",          "Bcc",
        "Return-Path", "Resent-From", "Resent-Sender",
        "Resent-To",   "Resent-Cc",   "Disposition-Notification-To"};
    return names;
}

bool isOneOf(const QByteArray &name, const QList<QByteArray> &names)
{
    for (const QByteArray &n : names) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

struct Reason
{
    QString text;
    Severity severity;
};

// Decodes the payload of one encoded word; false when it is not valid B or Q text.
bool decodeWord(QChar encoding, const QString &payload, QByteArray *out)
{
    static const QRegularExpression base64(
        QStringLiteral("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"));
    const QByteArray bytes = payload.toLatin1();
    if (encoding.toUpper() == QLatin1Char('B')) {
        if (!base64.match(payload).hasMatch())
            return false;
        *out = QByteArray::fromBase64(bytes);
        return true;
    }
    QByteArray decoded;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '_') {
            decoded.append(' ');
        } else if (c == '=') {
            bool ok = false;
            const int value = bytes.mid(i + 1, 2).toInt(&ok, 16);
            if (!ok || i + 2 >= bytes.size())
                return false;
            decoded.append(char(value));
            i += 2;
        } else if (uchar(c) <= 32 || uchar(c) >= 127) {
            return false;
        } else {
            decoded.append(c);
        }
    }
    *out = decoded;
    return true;
}

class EncodedWordAbuseCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("header.encoded-word-abuse"), Severity::Low, QStringLiteral("3.2"),
                Tr::tr("Encoded words used to disguise a header"),
                Tr::tr("RFC 2047 encoded words inside an address or a structured field, wrapped "
                       "around plain ASCII text, in a mix of charsets, longer than 75 characters, "
                       "or not decodable.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        static const QRegularExpression encodedWord(
            QStringLiteral("=\\?([^?\\s]+)\\?([A-Za-z])\\?([^?\\s]*)\\?="));
        static const QRegularExpression letters(QStringLiteral("[A-Za-z]{3,}"));
        for (const RawHeaderField &field : context.message.rawHeaders()) {
            if (!field.rawValue.contains("=?"))
                continue;
            const QString value = rawText(field.rawValue);
            QList<Reason> reasons;
            if (isOneOf(field.name, addressFields())) {
                for (const Mailbox &box : parseAddressList(field.rawValue)) {
                    if (box.address.contains(QLatin1String("=?")))
                        reasons.append(
                            {Tr::tr("the address %1 itself is encoded, so a program that "
                                    "decodes it shows another address than the one mail "
                                    "is sent to")
                                 .arg(box.address),
                             Severity::Medium});
                }
            } else if (isOneOf(field.name, noEncodedWordFields()) &&
                       encodedWord.match(value).hasMatch()) {
                reasons.append({Tr::tr("%1 is a structured field in which encoded words are not "
                                       "allowed (RFC 2047, section 5)")
                                    .arg(QString::fromLatin1(field.name)),
                                Severity::Low});
            }
            if (field.name.compare("Content-Type", Qt::CaseInsensitive) != 0 &&
                field.name.compare("Content-Disposition", Qt::CaseInsensitive) != 0)
                inspectWords(value, encodedWord, letters, reasons);
            if (reasons.isEmpty())
                continue;
            Severity severity = Severity::Info;
            QStringList texts;
            for (const Reason &r : reasons) {
                severity = qMax(severity, r.severity);
                texts << r.text;
            }
            sink.add(-1,
                     Tr::tr("\"%1\": %2.").arg(quoteField(field), texts.join(QLatin1String("; "))),
                     severity, fieldLocation(context.message, field));
        }
    }

private:
    // Content-Type and Content-Disposition are left out: mail programs put encoded words in
    // file name parameters every day (against RFC 2231), and nothing there is shown as sender
    // or subject.
    static void inspectWords(const QString &value, const QRegularExpression &encodedWord,
                             const QRegularExpression &letters, QList<Reason> &reasons)
    {
        QStringList charsets;
        QByteArray decodedAll;
        bool anyWord = false, allAscii = true, asciiCompatible = true;
        QStringList tooLong, invalid;
        for (auto it = encodedWord.globalMatch(value); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            anyWord = true;
            QString charset = m.captured(1).toLower().section(QLatin1Char('*'), 0, 0);
            if (charset.startsWith(QLatin1String("utf-7")) ||
                charset.startsWith(QLatin1String("utf-16")) ||
                charset.startsWith(QLatin1String("utf-32")))
                asciiCompatible = false;
            if (charset != QLatin1String("us-ascii") && !charsets.contains(charset))
                charsets << charset;
            if (m.capturedLength() > 75)
                tooLong << QString::number(m.capturedLength());
            QByteArray decoded;
            const QChar encoding = m.captured(2).at(0);
            if (encoding.toUpper() != QLatin1Char('B') && encoding.toUpper() != QLatin1Char('Q')) {
                invalid
                    << Tr::tr("\"%1\" names the unknown encoding %2").arg(m.captured(), encoding);
                continue;
            }
            if (!decodeWord(encoding, m.captured(3), &decoded)) {
                invalid << Tr::tr("\"%1\" is not valid %2 encoding")
                               .arg(m.captured().left(60),
                                    encoding.toUpper() == QLatin1Char('B')
                                        ? QStringLiteral("base64")
                                        : QStringLiteral("quoted-printable (Q)"));
                continue;
            }
            decodedAll += decoded;
            allAscii = allAscii && std::all_of(decoded.cbegin(), decoded.cend(),
                                               [](char c) { return uchar(c) < 0x80; });
        }
        if (!anyWord)
            return;
        if (!asciiCompatible)
            reasons.append({Tr::tr("it uses a charset (%1) in which plain ASCII bytes spell other "
                                   "text, a known way past filters")
                                .arg(charsets.join(QLatin1String(", "))),
                            Severity::Low});
        else if (allAscii && invalid.isEmpty() &&
                 letters.match(QString::fromLatin1(decodedAll)).hasMatch())
            reasons.append({Tr::tr("the encoded words hold only plain ASCII text (\"%1\"), which "
                                   "needs no encoding and is hidden from filters that read the raw "
                                   "header")
                                .arg(QString::fromLatin1(decodedAll.left(120))),
                            Severity::Low});
        if (charsets.size() > 1)
            reasons.append(
                {Tr::tr("it mixes the charsets %1").arg(charsets.join(QLatin1String(", "))),
                 Severity::Low});
        if (!invalid.isEmpty())
            reasons.append({invalid.join(QLatin1String("; ")), Severity::Low});
        if (!tooLong.isEmpty())
            reasons.append(
                {Tr::tr("encoded words of %1 characters exceed the 75 allowed (RFC 2047, "
                        "section 2)")
                     .arg(tooLong.join(QLatin1String(", "))),
                 Severity::Info});
    }
};

} // namespace

void appendEncodedWordChecks(QList<const Check *> &list)
{
    static const EncodedWordAbuseCheck encodedWordAbuse;
    list << &encodedWordAbuse;
}

} // namespace Awb::HeaderChecks
