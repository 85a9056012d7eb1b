// The header block as a whole: fields that may appear once appearing twice, raw 8-bit bytes,
// a body glued to the headers, lines and blocks beyond the limits servers enforce.
//
// These are defects of form. A duplicate From or Subject shows different programs different
// values, which makes the sender information inaccurate; the others break the message format
// the policy's "message standards" assume. All cite 4.2 ("accurate sender information in all
// headers" for the duplicates, the standards clause as a whole for the rest); none is weighed
// above Medium, because none proves intent.

#include "header_check_support.h"

#include <QRegularExpression>

#include <algorithm>

namespace Awb::HeaderChecks {

namespace {

// RFC 5322 section 3.6 allows at most one of each (ignoring the Resent- blocks).
const QList<QByteArray> &singletonFields()
{
    static const QList<QByteArray> names = {"From",        "Sender",     "Reply-To", "To",
                                            "Cc",          "Date",       "Subject",  "Message-ID",
                                            "In-Reply-To", "References", "Bcc"};
    return names;
}

// RFC 5322 2.1.1: a line must not exceed 998 characters without its CRLF.
constexpr qsizetype MaxLineOctets = 998;
// Sendmail refuses a header block over 32 KiB (MaxHeadersLength) and Postfix cuts it at
// 100 KiB (header_size_limit); real mail with long ARC, DKIM and Received sets stays well under
// 20 KiB. 64 KiB is far beyond honest mail and inside what some receivers accept.
constexpr qsizetype MaxHeaderBlockOctets = 64 * 1024;

class DuplicateSingletonCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        // Medium for the identity fields (two From fields are how a message shows one sender
        // to the reader and another to DMARC); Low for the rest.
        return {
            QStringLiteral("header.duplicate-singleton"), Severity::Low, QStringLiteral("4.2"),
            Tr::tr("Single-use header repeated"),
            Tr::tr("A field that a message may carry only once (From, Sender, Reply-To, To, Cc, "
                   "Bcc, Date, Subject, Message-ID, In-Reply-To, References; RFC 5322, section "
                   "3.6) appears more than once.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        for (const QByteArray &name : singletonFields()) {
            const QList<RawHeaderField> fields = fieldsNamed(context.message, name);
            if (fields.size() < 2)
                continue;
            QStringList quoted;
            for (const RawHeaderField &field : fields)
                quoted << QStringLiteral("\"%1\"").arg(quoteField(field, 160));
            const bool identity = name == "From" || name == "Sender" || name == "Reply-To";
            sink.add(-1,
                     Tr::tr("%1 appears %2 times: %3.")
                         .arg(QString::fromLatin1(name), QString::number(fields.size()),
                              quoted.join(QLatin1String(", "))),
                     identity ? Severity::Medium : Severity::Low,
                     fieldLocation(context.message, fields.at(1)));
        }
    }
};

bool isValidUtf8(const QByteArray &bytes)
{
    QString decoded = QString::fromUtf8(bytes);
    return !decoded.contains(QChar::ReplacementCharacter) || bytes.contains("\xEF\xBF\xBD");
}

class Raw8BitCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("header.raw-8bit"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("Unencoded 8-bit text in a header"),
                Tr::tr("A header holds bytes beyond ASCII without RFC 2047 encoding: UTF-8 outside "
                       "an SMTPUTF8 transfer (Info), or bytes in an undeclared charset (Low).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        // RFC 6531/6532: UTF-8 headers are proper when the message travelled with SMTPUTF8,
        // which receivers record as "with UTF8SMTP", "UTF8SMTPS", "UTF8SMTPA"...
        bool utf8Transfer = false;
        for (const ChainHop &hop : context.chain.hops)
            utf8Transfer = utf8Transfer ||
                           hop.parsed.with.contains(QLatin1String("UTF8SMTP"), Qt::CaseInsensitive);
        for (const RawHeaderField &field : context.message.rawHeaders()) {
            const bool eightBit = std::any_of(field.rawValue.cbegin(), field.rawValue.cend(),
                                              [](char c) { return uchar(c) >= 0x80; });
            if (!eightBit)
                continue;
            const bool utf8 = isValidUtf8(field.rawValue);
            if (utf8 && utf8Transfer)
                continue;
            const QString evidence =
                utf8 ? Tr::tr("\"%1\" carries raw UTF-8, but no Received stamp shows an SMTPUTF8 "
                              "transfer (RFC 6532); RFC 2047 encoding was expected.")
                           .arg(quoteField(field))
                     : Tr::tr("\"%1\" carries 8-bit bytes that are not UTF-8 and name no charset; "
                              "readers will guess (shown here as Latin-1).")
                           .arg(quoteField(field));
            sink.add(-1, evidence, utf8 ? Severity::Info : Severity::Low,
                     fieldLocation(context.message, field));
        }
    }
};

class MissingSeparatorCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("header.missing-separator"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("No blank line between headers and body"),
                Tr::tr("Body text follows the header fields without the empty line that must "
                       "separate them (RFC 5322, section 2.1): readers may drop it or take it for "
                       "headers.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const MailMessage &message = context.message;
        if (message.hasHeaderBodySeparator())
            return;
        // A message that ends after its header fields has no body, and then needs no blank
        // line (RFC 5322 3.5: the body is optional). Only text that is neither a field nor a
        // continuation line is a body without its separator.
        static const QRegularExpression fieldLine(QStringLiteral("^[!-9;-~]+[ \\t]*:"));
        const QByteArray block = message.rawHeaderBlock();
        // The block starts at its first field (an mbox envelope line before it is not part).
        const qsizetype blockOffset =
            message.rawHeaders().isEmpty() ? 0 : message.rawHeaders().first().offset;
        qsizetype at = 0;
        while (at < block.size()) {
            qsizetype end = block.indexOf('\n', at);
            if (end < 0)
                end = block.size();
            QByteArray line = block.mid(at, end - at);
            if (line.endsWith('\r'))
                line.chop(1);
            const bool continuation = !line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t');
            if (!line.isEmpty() && !continuation &&
                !fieldLine.match(QString::fromLatin1(line)).hasMatch()) {
                sink.add(
                    -1,
                    Tr::tr("The line \"%1\" follows the header fields directly; it is body text "
                           "without the blank separator line.")
                        .arg(rawText(line.left(200))),
                    Severity::Low, {blockOffset + at, line.size()});
                return;
            }
            at = end + 1;
        }
    }
};

class OversizedCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("header.oversized"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("Header line or block too long"),
                Tr::tr("A header line is longer than 998 octets (RFC 5322, section 2.1.1), or the "
                       "header block exceeds 64 KiB; servers truncate or refuse such mail, and "
                       "filters may stop reading.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const MailMessage &message = context.message;
        const QByteArray &bytes = message.bytes();
        for (const RawHeaderField &field : message.rawHeaders()) {
            const SourceLocation where = fieldLocation(message, field);
            qsizetype at = where.offset;
            const qsizetype fieldEnd = where.offset + where.length;
            while (at < fieldEnd) {
                qsizetype end = bytes.indexOf('\n', at);
                if (end < 0 || end > fieldEnd)
                    end = fieldEnd;
                qsizetype length = end - at;
                if (length > 0 && bytes.at(at + length - 1) == '\r')
                    --length;
                if (length > MaxLineOctets) {
                    sink.add(-1,
                             Tr::tr("A line of \"%1\" is %2 octets long (the limit is 998).")
                                 .arg(quoteField(field, 120), QString::number(length)),
                             Severity::Low, {at, length});
                    break;
                }
                at = end + 1;
            }
        }
        const qsizetype blockSize = message.rawHeaderBlock().size();
        if (blockSize > MaxHeaderBlockOctets)
            sink.add(
                -1,
                Tr::tr("The header block is %1 octets long in %2 fields (more than 64 KiB).")
                    .arg(QString::number(blockSize), QString::number(message.rawHeaders().size())),
                Severity::Low, {message.rawHeaders().value(0).offset, blockSize});
    }
};

} // namespace

void appendHeaderBlockChecks(QList<const Check *> &list)
{
    static const DuplicateSingletonCheck duplicateSingleton;
    static const Raw8BitCheck raw8Bit;
    static const MissingSeparatorCheck missingSeparator;
    static const OversizedCheck oversized;
    list << &duplicateSingleton << &raw8Bit << &missingSeparator << &oversized;
}

} // namespace Awb::HeaderChecks
