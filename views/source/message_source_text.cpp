#include "message_source_text.h"

#include <QStringDecoder>

namespace Awb {

namespace {

// Where to cut raw for display: after the last line break within the limit when there is one
// in the last stretch before it, otherwise at the limit moved back to the start of a UTF-8
// sequence, so that a valid UTF-8 message does not turn into "not valid UTF-8" by the cut.
qsizetype displayCut(const QByteArray &raw, qsizetype limit)
{
    if (raw.size() <= limit)
        return raw.size();
    constexpr qsizetype lineSearch = 64 * 1024;
    const qsizetype newline = raw.lastIndexOf('\n', limit - 1);
    if (newline >= 0 && newline >= limit - lineSearch)
        return newline + 1;
    qsizetype cut = limit;
    while (cut > 0 && (uchar(raw.at(cut)) & 0xC0) == 0x80)
        --cut;
    return cut;
}

} // namespace

MessageSourceText MessageSourceText::decode(const QByteArray &raw, qsizetype displayLimit)
{
    MessageSourceText result;
    result.totalBytes = raw.size();
    result.shownBytes = displayCut(raw, qMax<qsizetype>(displayLimit, 1));
    const QByteArrayView shown(raw.constData(), result.shownBytes);

    // Stateless: the whole input is here. ConvertInitialBom: show a BOM rather than drop it.
    QStringDecoder utf8(QStringDecoder::Utf8,
                        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    result.text = utf8.decode(shown);
    if (utf8.hasError()) {
        result.text = QString::fromLatin1(shown);
        result.shownAsLatin1 = true;
    }
    return result;
}

} // namespace Awb
