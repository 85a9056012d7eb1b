#pragma once

#include <QByteArray>
#include <QString>

namespace Awb {

// The text shown for a message's raw bytes: UTF-8 when the bytes are valid UTF-8, otherwise
// Latin-1 (every byte maps to one character, so nothing is hidden). Very large messages are cut
// for display at a line end; the bytes themselves are never changed and stay in the store.
// QtCore only, so it is tested without a display.
struct MessageSourceText
{
    // What the viewer shows at most, by default.
    static constexpr qsizetype DefaultDisplayLimit = qsizetype(8) * 1024 * 1024;

    QString text;
    bool shownAsLatin1 = false; // the shown bytes were not valid UTF-8
    qsizetype shownBytes = 0;
    qsizetype totalBytes = 0;

    bool truncated() const { return shownBytes < totalBytes; }

    static MessageSourceText decode(const QByteArray &raw,
                                    qsizetype displayLimit = DefaultDisplayLimit);
};

} // namespace Awb
