#include "header_block.h"

#include <QCoreApplication>
#include <QString>

#include <cstring>

namespace Awb {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

struct Line
{
    qsizetype begin = 0;
    qsizetype contentEnd = 0; // before CR LF / LF
    qsizetype next = 0;       // first byte of the following line
};

Line lineAt(const QByteArray &bytes, qsizetype begin)
{
    Line line;
    line.begin = begin;
    const char *data = bytes.constData();
    const auto *lf =
        static_cast<const char *>(std::memchr(data + begin, '\n', size_t(bytes.size() - begin)));
    if (!lf) {
        line.contentEnd = line.next = bytes.size();
        return line;
    }
    line.next = (lf - data) + 1;
    line.contentEnd = lf - data;
    if (line.contentEnd > begin && data[line.contentEnd - 1] == '\r')
        --line.contentEnd;
    return line;
}

} // namespace

bool looksLikeHeaderLine(const char *line, qsizetype length)
{
    qsizetype i = 0;
    while (i < length) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c == ':' || c <= 32 || c >= 127)
            break;
        ++i;
    }
    if (i == 0)
        return false;
    while (i < length && isBlank(line[i]))
        ++i;
    return i < length && line[i] == ':';
}

bool isEnvelopeLine(const char *line, qsizetype length)
{
    return (length >= 5 && std::memcmp(line, "From ", 5) == 0) ||
           (length >= 6 && std::memcmp(line, ">From ", 6) == 0);
}

bool splitHeaderBlock(const QByteArray &bytes, HeaderBlock *block, QString *reason)
{
    *block = HeaderBlock();
    if (bytes.isEmpty()) {
        *reason =
            QCoreApplication::translate("Awb::MailMessage", "not an email message: it is empty");
        return false;
    }
    const char *data = bytes.constData();
    Line line = lineAt(bytes, 0);
    if (isEnvelopeLine(data, line.contentEnd)) {
        line = lineAt(bytes, line.next);
        block->begin = line.begin;
    }
    if (!looksLikeHeaderLine(data + line.begin, line.contentEnd - line.begin)) {
        *reason = line.begin < bytes.size() && line.begin == line.contentEnd
                      ? QCoreApplication::translate("Awb::MailMessage",
                                                    "not an email message: it has no header fields")
                      : QCoreApplication::translate(
                            "Awb::MailMessage",
                            "not an email message: the first line is not a header field");
        return false;
    }

    RawHeaderField field;
    qsizetype valueBegin = -1; // -1: no field open (none yet, or skipping a malformed line)
    qsizetype valueEnd = 0;
    for (;;) {
        const qsizetype length = line.contentEnd - line.begin;
        const bool atEnd = line.begin >= bytes.size();
        const bool empty = !atEnd && length == 0;
        const bool fold = !atEnd && length > 0 && isBlank(data[line.begin]);
        if (fold) {
            valueEnd = line.contentEnd;
        } else {
            if (valueBegin >= 0) {
                field.rawValue = bytes.mid(valueBegin, valueEnd - valueBegin);
                block->fields.append(std::move(field));
                field = RawHeaderField();
                valueBegin = -1;
            }
            if (atEnd || empty) {
                block->end = line.begin;
                block->hasSeparator = empty;
                block->bodyBegin = empty ? line.next : line.begin;
                return true;
            }
            if (looksLikeHeaderLine(data + line.begin, length)) {
                const char *colon =
                    static_cast<const char *>(std::memchr(data + line.begin, ':', size_t(length)));
                qsizetype nameEnd = colon - data;
                while (nameEnd > line.begin && isBlank(data[nameEnd - 1]))
                    --nameEnd;
                field.name = bytes.mid(line.begin, nameEnd - line.begin);
                field.offset = line.begin;
                valueBegin = (colon - data) + 1;
                valueEnd = line.contentEnd;
            }
        }
        line = lineAt(bytes, line.next);
    }
}

QByteArray unfoldHeaderValue(const QByteArray &rawValue)
{
    QByteArray out;
    out.reserve(rawValue.size());
    for (const char c : rawValue) {
        if (c != '\r' && c != '\n')
            out.append(c);
    }
    return out.trimmed();
}

} // namespace Awb
