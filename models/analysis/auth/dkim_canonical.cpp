#include "dkim_canonical.h"

namespace Awb {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// Removes trailing "\r\n" pairs (empty lines at the end of the body), leaving one line break
// after the last non-empty line.
void dropTrailingEmptyLines(QByteArray &body)
{
    while (body.endsWith("\r\n\r\n"))
        body.chop(2);
    if (body == "\r\n")
        body.clear();
}

} // namespace

QByteArray toCrlf(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 32 + 2);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\n' && (i == 0 || bytes.at(i - 1) != '\r'))
            out.append('\r');
        out.append(c);
    }
    return out;
}

QByteArray canonicalizeBody(const QByteArray &body, DkimCanonicalization canonicalization)
{
    QByteArray text = toCrlf(body);
    if (canonicalization == DkimCanonicalization::Relaxed) {
        QByteArray out;
        out.reserve(text.size());
        qsizetype start = 0;
        while (start < text.size()) {
            qsizetype end = text.indexOf("\r\n", start);
            const bool terminated = end >= 0;
            if (!terminated)
                end = text.size();
            QByteArray line;
            line.reserve(end - start);
            bool space = false;
            for (qsizetype i = start; i < end; ++i) {
                const char c = text.at(i);
                if (isWsp(c)) {
                    space = true;
                    continue;
                }
                if (space)
                    line.append(' ');
                space = false;
                line.append(c);
            }
            out.append(line);
            out.append("\r\n"); // a last line without CRLF gets one (3.4.4, non-empty body)
            start = terminated ? end + 2 : end;
        }
        dropTrailingEmptyLines(out);
        return out;
    }
    if (!text.isEmpty() && !text.endsWith("\r\n"))
        text.append("\r\n");
    dropTrailingEmptyLines(text);
    if (text.isEmpty())
        text = "\r\n"; // 3.4.3: an empty body is a single CRLF
    return text;
}

QByteArray canonicalizeHeader(const QByteArray &name, const QByteArray &rawValue,
                              DkimCanonicalization canonicalization)
{
    if (canonicalization == DkimCanonicalization::Simple)
        return name + ':' + toCrlf(rawValue) + "\r\n";
    QByteArray value;
    value.reserve(rawValue.size());
    bool space = false;
    for (const char c : rawValue) {
        if (c == '\r' || c == '\n')
            continue; // unfold: the white space after the break stays and is folded below
        if (isWsp(c)) {
            space = true;
            continue;
        }
        if (space && !value.isEmpty())
            value.append(' ');
        space = false;
        value.append(c);
    }
    return name.trimmed().toLower() + ':' + value + "\r\n";
}

} // namespace Awb
