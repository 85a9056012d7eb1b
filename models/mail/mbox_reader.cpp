#include "message_sources.h"

#include "header_block.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cstring>

namespace Awb {

namespace {

constexpr qsizetype ChunkSize = 1024 * 1024;

bool isSeparatorLine(const char *line, qsizetype length)
{
    return length >= 5 && std::memcmp(line, "From ", 5) == 0;
}

bool isBlankLine(const char *line, qsizetype length)
{
    return (length == 1 && line[0] == '\n') || (length == 2 && line[0] == '\r' && line[1] == '\n');
}

qsizetype withoutLineBreak(const char *line, qsizetype length)
{
    if (length > 0 && line[length - 1] == '\n')
        --length;
    if (length > 0 && line[length - 1] == '\r')
        --length;
    return length;
}

} // namespace

// The read buffer holds [m_begin, m_end) of unconsumed file data. It is refilled in chunks and
// compacted (the unconsumed tail moved to the front) before each refill, so it never grows
// beyond one chunk plus the longest line pair looked at, whatever the size of the file. The
// message being assembled is the only other growing allocation.
struct MboxReader::Private
{
    QFile file;
    QString error;
    QByteArray buffer;
    qsizetype begin = 0;
    qsizetype end = 0;
    qint64 bufferFileOffset = 0; // file offset of buffer[0]
    bool eof = false;
    bool started = false;
    bool finished = false;
    int index = 0;
    QByteArray nextEnvelope;
    bool haveEnvelope = false; // the message being read began with a separator line
    qint64 peak = 0;

    void notePeak(const QByteArray &message)
    {
        peak = std::max<qint64>(peak, buffer.capacity() + message.capacity());
    }

    // Reads one more chunk after compacting; false at end of file or on a read error.
    bool refill()
    {
        if (eof)
            return false;
        if (begin > 0) {
            std::memmove(buffer.data(), buffer.constData() + begin, size_t(end - begin));
            bufferFileOffset += begin;
            end -= begin;
            begin = 0;
        }
        if (buffer.size() < end + ChunkSize)
            buffer.resize(end + ChunkSize);
        const qint64 n = file.read(buffer.data() + end, ChunkSize);
        if (n < 0) {
            error = QCoreApplication::translate("Awb::MboxReader", "cannot read the mbox file: %1")
                        .arg(file.errorString());
            eof = true;
            return false;
        }
        if (n == 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    // Length, line break included, of the line that starts `skip` bytes after begin; 0 at the
    // end of the data. May refill, which moves the data: take pointers only afterwards.
    qsizetype lineLength(qsizetype skip)
    {
        qsizetype scanned = skip; // relative to begin: no LF in [begin + skip, begin + scanned)
        for (;;) {
            const char *lineStart = buffer.constData() + begin + skip;
            const char *from = buffer.constData() + begin + scanned;
            const auto *lf =
                static_cast<const char *>(std::memchr(from, '\n', size_t(end - begin - scanned)));
            if (lf)
                return (lf - lineStart) + 1;
            scanned = end - begin;
            if (!refill())
                return end - begin - skip;
        }
    }

    const char *at(qsizetype skip) const { return buffer.constData() + begin + skip; }
};

MboxReader::MboxReader(const QString &path)
    : d(new Private)
{
    d->file.setFileName(path);
}

MboxReader::~MboxReader()
{
    delete d;
}

bool MboxReader::open(QString *error)
{
    if (d->file.open(QIODevice::ReadOnly))
        return true;
    d->error = QCoreApplication::translate("Awb::MboxReader", "cannot open the mbox file: %1")
                   .arg(d->file.errorString());
    if (error)
        *error = d->error;
    return false;
}

bool MboxReader::next(RawMessage *out)
{
    if (d->finished || !d->file.isOpen())
        return false;

    if (!d->started) {
        d->started = true;
        const qsizetype first = d->lineLength(0);
        if (first > 0 && isSeparatorLine(d->at(0), first)) {
            d->nextEnvelope = QByteArray(d->at(5), withoutLineBreak(d->at(0), first) - 5);
            d->haveEnvelope = true;
            d->begin += first;
        }
    }

    QByteArray message;
    qsizetype previousBlank = 0; // length of the previous line when it was blank
    for (;;) {
        const qsizetype length = d->lineLength(0);
        if (length == 0)
            break;
        if (previousBlank > 0 && isSeparatorLine(d->at(0), length)) {
            // mboxo writers do not quote every "From " in a body; a real separator is followed
            // by a header field, which rules out most body text that starts with "From ".
            const qsizetype following = d->lineLength(length);
            const char *followingLine = d->at(length);
            if (following > 0 &&
                looksLikeHeaderLine(followingLine, withoutLineBreak(followingLine, following))) {
                message.chop(previousBlank);
                RawMessage raw;
                raw.path = d->file.fileName();
                raw.index = d->index++;
                raw.envelopeFrom = std::exchange(
                    d->nextEnvelope, QByteArray(d->at(5), withoutLineBreak(d->at(0), length) - 5));
                raw.bytes = std::move(message);
                d->begin += length;
                *out = std::move(raw);
                return true;
            }
        }
        message.append(d->at(0), length);
        d->notePeak(message);
        previousBlank = isBlankLine(d->at(0), length) ? length : 0;
        d->begin += length;
    }

    d->finished = true;
    if (!d->error.isEmpty())
        return false;
    // Nothing after the last separator (or an empty file): no message, not an empty one.
    if (message.isEmpty() && !d->haveEnvelope)
        return false;
    // The blank line an mbox writer puts after every message belongs to the format.
    message.chop(previousBlank);
    RawMessage raw;
    raw.path = d->file.fileName();
    raw.index = d->index++;
    raw.envelopeFrom = std::move(d->nextEnvelope);
    raw.bytes = std::move(message);
    *out = std::move(raw);
    return true;
}

QString MboxReader::errorString() const
{
    return d->error;
}

qint64 MboxReader::position() const
{
    return d->bufferFileOffset + d->begin;
}

qint64 MboxReader::peakMemory() const
{
    return d->peak;
}

} // namespace Awb
