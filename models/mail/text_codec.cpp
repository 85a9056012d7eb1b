#include "text_codec.h"

#include "gmime_runtime.h"

#include <gmime/gmime.h>

namespace Awb {

namespace {

// Windows-1252 code points for 0x80..0x9F; the five undefined bytes keep their C1 value.
constexpr char16_t s_windows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString windows1252ToString(const QByteArray &bytes)
{
    QString text;
    text.resize(bytes.size());
    QChar *out = text.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes.at(i));
        out[i] = (byte >= 0x80 && byte < 0xA0) ? QChar(s_windows1252High[byte - 0x80])
                                               : QChar(char16_t(byte));
    }
    return text;
}

bool isAsciiLabel(const QByteArray &charset)
{
    return charset == "us-ascii" || charset == "ascii" || charset == "ansi_x3.4-1968" ||
           charset == "utf-8" || charset == "utf8";
}

bool isLatin1Label(const QByteArray &charset)
{
    return charset == "iso-8859-1" || charset == "iso8859-1" || charset == "latin1" ||
           charset == "iso_8859-1" || charset == "windows-1252" || charset == "cp1252";
}

} // namespace

bool isValidUtf8(const QByteArray &bytes)
{
    return g_utf8_validate(bytes.constData(), bytes.size(), nullptr);
}

QByteArray windows1252ToUtf8(const QByteArray &bytes)
{
    return windows1252ToString(bytes).toUtf8();
}

QByteArray utf8OrWindows1252ToUtf8(const QByteArray &bytes)
{
    return isValidUtf8(bytes) ? bytes : windows1252ToUtf8(bytes);
}

QString decodeWithFallback(const QByteArray &bytes)
{
    return isValidUtf8(bytes) ? QString::fromUtf8(bytes) : windows1252ToString(bytes);
}

QString decodeWithCharset(const QByteArray &bytes, const QByteArray &charset)
{
    const QByteArray label = charset.trimmed().toLower();
    if (label.isEmpty() || isAsciiLabel(label))
        return decodeWithFallback(bytes);
    if (isLatin1Label(label))
        return windows1252ToString(bytes);

    ensureGMimeInitialised();
    const char *iconvName = g_mime_charset_iconv_name(label.constData());
    iconv_t converter = g_mime_iconv_open("UTF-8", iconvName);
    if (converter == reinterpret_cast<iconv_t>(-1))
        return decodeWithFallback(bytes);
    // g_mime_iconv_strndup replaces sequences invalid in the source charset instead of
    // stopping, so a mislabelled part still yields most of its text.
    char *converted = g_mime_iconv_strndup(converter, bytes.constData(), size_t(bytes.size()));
    g_mime_iconv_close(converter);
    if (!converted)
        return decodeWithFallback(bytes);
    QString text = QString::fromUtf8(converted);
    g_free(converted);
    return text;
}

} // namespace Awb
