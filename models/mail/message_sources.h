#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace Awb {

// What a path on disk holds, decided from its shape and first bytes, never from its name.
enum class SourceKind {
    Message, // one message (.eml, a maildir entry, any file that starts with a header field)
    Mbox,    // "From " separated messages (mboxo/mboxrd), read streamed
};

// A file to read, found by planSources().
struct SourceFile
{
    QString path;
    SourceKind kind = SourceKind::Message;
    qint64 size = 0;
};

// One message as read from a source: the exact bytes, and where they came from.
struct RawMessage
{
    QString path;
    int index = -1;          // position in an mbox, from 0; -1 for a single-message file
    QByteArray envelopeFrom; // mbox "From " line without "From " and the line break
    QByteArray bytes;        // exactly as in the file (an mbox's ">From " quoting is kept)
};

// An input that could not be read or is not mail, with the reason.
struct SourceError
{
    QString path;
    int index = -1;
    QString reason;
};

struct SourcePlan
{
    QList<SourceFile> files;
    QList<SourceError> errors; // unreadable paths, empty files, things that are not files
    qint64 totalBytes = 0;
};

// Expands the paths given by a user: a file is one message or an mbox; a maildir (cur/, new/)
// gives its messages in cur/ and new/ (and its Maildir++ subfolders); any other directory is
// walked recursively. Order is stable (sorted by path) so repeated imports see the same order.
// Symbolic links to directories are followed when given, not when met in a walk (find -H).
// A maildir's tmp/ and its server files (dovecot*, courierimap*, maildirfolder, ...) are skipped.
SourcePlan planSources(const QStringList &paths);

// Reads one file of the plan. For each message calls onMessage (return false to stop early);
// for each unreadable part calls onError. Memory stays bounded by the largest single message:
// an mbox is streamed, never loaded whole. Returns false when stopped by onMessage or cancel.
using MessageSink = std::function<bool(RawMessage &&)>;
using ErrorSink = std::function<void(SourceError &&)>;
bool readSource(const SourceFile &file, const MessageSink &onMessage, const ErrorSink &onError,
                const std::atomic_bool *cancel = nullptr);

// Streamed reader for one mbox file. Separator lines are "From " at the start of a line that
// follows a blank line (or the start of the file); the trailing blank line before the next
// separator belongs to the format, not the message, and is dropped.
class MboxReader
{
public:
    explicit MboxReader(const QString &path);
    ~MboxReader();
    MboxReader(const MboxReader &) = delete;
    MboxReader &operator=(const MboxReader &) = delete;

    bool open(QString *error);
    // Next message, or false at the end or on a read error (then errorString() is set).
    bool next(RawMessage *out);
    QString errorString() const;
    qint64 position() const; // bytes consumed so far, for progress
    // The most memory the reader has held at once (read buffer plus the message being
    // assembled), in bytes: about one read chunk plus twice the largest message, never a
    // function of the file size. For tests and diagnostics.
    qint64 peakMemory() const;

private:
    struct Private;
    Private *d;
};

} // namespace Awb
