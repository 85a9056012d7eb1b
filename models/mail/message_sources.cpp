#include "message_sources.h"

#include "header_block.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <sys/stat.h>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::MessageSources)
};

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Maildir metadata kept beside or, by some servers, among the messages: never mail.
bool isMaildirIndexFile(const QString &name)
{
    static const char *const prefixes[] = {"dovecot",       "courierimap", "courierpop3dsizelist",
                                           "maildirfolder", "maildirsize", "subscriptions"};
    return std::any_of(std::begin(prefixes), std::end(prefixes),
                       [&](const char *prefix) { return name.startsWith(QLatin1String(prefix)); });
}

bool isDirectory(const QString &path)
{
    struct stat status;
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 && S_ISDIR(status.st_mode);
}

bool isMaildir(const QString &path)
{
    return isDirectory(path + QLatin1String("/cur")) || isDirectory(path + QLatin1String("/new"));
}

// An mbox starts with a "From " line followed by a header field; anything else is taken as one
// message (MailMessage::parse then says whether it is one).
SourceKind sniff(const QByteArray &head)
{
    const qsizetype firstEnd = head.indexOf('\n');
    if (firstEnd < 0 || !head.startsWith("From "))
        return SourceKind::Message;
    qsizetype secondEnd = head.indexOf('\n', firstEnd + 1);
    if (secondEnd < 0)
        secondEnd = head.size();
    const char *second = head.constData() + firstEnd + 1;
    qsizetype length = secondEnd - firstEnd - 1;
    if (length > 0 && second[length - 1] == '\r')
        --length;
    return looksLikeHeaderLine(second, length) ? SourceKind::Mbox : SourceKind::Message;
}

class Planner
{
public:
    // given: the path was named by the user (a symlink to a directory is followed), rather than
    // found in a walk (it is not: find -H semantics, so links cannot loop or duplicate).
    void addPath(const QString &path, bool given = false);
    SourcePlan takePlan(SourcePlan plan);

private:
    void addFile(const QString &path, qint64 size);
    void addDirectory(const QString &path);
    void addMaildir(const QString &path);
    bool listDirectory(const QString &path, QStringList *names);
    void fail(const QString &path, const QString &reason) { m_errors.append({path, -1, reason}); }

    QList<SourceFile> m_files;
    QList<SourceError> m_errors;
    QSet<QString> m_visitedDirectories; // canonical paths, so symlink loops end
};

void Planner::addPath(const QString &path, bool given)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat linkStatus;
    if (::lstat(native.constData(), &linkStatus) != 0) {
        const int error = errno;
        fail(path, error == ENOENT ? Tr::tr("no such file or directory")
                                   : Tr::tr("cannot access it: %1").arg(systemError(error)));
        return;
    }
    struct stat status;
    if (::stat(native.constData(), &status) != 0) {
        const int error = errno;
        fail(path, S_ISLNK(linkStatus.st_mode) && error == ENOENT
                       ? Tr::tr("broken symbolic link: its target does not exist")
                       : Tr::tr("cannot access it: %1").arg(systemError(error)));
        return;
    }
    if (S_ISDIR(status.st_mode)) {
        if (given || !S_ISLNK(linkStatus.st_mode))
            addDirectory(path);
    } else if (S_ISREG(status.st_mode)) {
        addFile(path, qint64(status.st_size));
    } else if (S_ISFIFO(status.st_mode)) {
        fail(path, Tr::tr("a named pipe (FIFO), not a file"));
    } else if (S_ISSOCK(status.st_mode)) {
        fail(path, Tr::tr("a socket, not a file"));
    } else if (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode)) {
        fail(path, Tr::tr("a device, not a file"));
    } else {
        fail(path, Tr::tr("not a regular file"));
    }
}

void Planner::addFile(const QString &path, qint64 size)
{
    if (size == 0) {
        fail(path, Tr::tr("empty file"));
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(path, Tr::tr("cannot read the file: %1").arg(file.errorString()));
        return;
    }
    // Two lines decide the kind; 64 KiB covers any sane envelope and first header line.
    const QByteArray head = file.read(64 * 1024);
    if (head.isEmpty()) {
        fail(path, file.error() == QFileDevice::NoError
                       ? Tr::tr("empty file")
                       : Tr::tr("cannot read the file: %1").arg(file.errorString()));
        return;
    }
    m_files.append({path, sniff(head), size});
}

bool Planner::listDirectory(const QString &path, QStringList *names)
{
    DIR *dir = ::opendir(QFile::encodeName(path).constData());
    if (!dir) {
        const int error = errno;
        fail(path, Tr::tr("cannot read the directory: %1").arg(systemError(error)));
        return false;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const QString name = QFile::decodeName(entry->d_name);
        if (name != QLatin1String(".") && name != QLatin1String(".."))
            names->append(name);
    }
    ::closedir(dir);
    names->sort();
    return true;
}

void Planner::addDirectory(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (m_visitedDirectories.contains(canonical))
        return;
    m_visitedDirectories.insert(canonical);
    if (isMaildir(path)) {
        addMaildir(path);
        return;
    }
    QStringList names;
    if (!listDirectory(path, &names))
        return;
    for (const QString &name : std::as_const(names))
        addPath(path + QLatin1Char('/') + name);
}

// Messages are in cur/ and new/ (maildir writers never name one with a leading dot, so dot files
// there are a desktop's litter); tmp/ holds deliveries in progress and is never read. Files in
// the root are the server's metadata. Dot-directories are Maildir++ subfolders; any other
// directory (a nested layout) is planned like any path.
void Planner::addMaildir(const QString &path)
{
    for (const char *sub : {"cur", "new"}) {
        const QString folder = path + QLatin1Char('/') + QLatin1String(sub);
        if (!isDirectory(folder))
            continue;
        QStringList names;
        if (!listDirectory(folder, &names))
            continue;
        for (const QString &name : std::as_const(names)) {
            if (!name.startsWith(QLatin1Char('.')) && !isMaildirIndexFile(name))
                addPath(folder + QLatin1Char('/') + name);
        }
    }
    QStringList names;
    if (!listDirectory(path, &names))
        return;
    for (const QString &name : std::as_const(names)) {
        const QString child = path + QLatin1Char('/') + name;
        if (name == QLatin1String("cur") || name == QLatin1String("new") ||
            name == QLatin1String("tmp") || isMaildirIndexFile(name) || !isDirectory(child))
            continue;
        addPath(child);
    }
}

SourcePlan Planner::takePlan(SourcePlan plan)
{
    const auto byPath = [](const auto &a, const auto &b) { return a.path < b.path; };
    std::stable_sort(m_files.begin(), m_files.end(), byPath);
    std::stable_sort(m_errors.begin(), m_errors.end(), byPath);
    for (SourceFile &file : m_files) {
        plan.totalBytes += file.size;
        plan.files.append(std::move(file));
    }
    plan.errors.append(m_errors);
    m_files.clear();
    m_errors.clear();
    return plan;
}

} // namespace

SourcePlan planSources(const QStringList &paths)
{
    SourcePlan plan;
    Planner planner;
    // Each argument is sorted on its own, so the order the user gave the arguments is kept.
    for (const QString &path : paths) {
        planner.addPath(QDir::cleanPath(path), true);
        plan = planner.takePlan(std::move(plan));
    }
    return plan;
}

bool readSource(const SourceFile &file, const MessageSink &onMessage, const ErrorSink &onError,
                const std::atomic_bool *cancel)
{
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    if (cancelled())
        return false;

    if (file.kind == SourceKind::Message) {
        QFile in(file.path);
        if (!in.open(QIODevice::ReadOnly)) {
            onError({file.path, -1, Tr::tr("cannot read the file: %1").arg(in.errorString())});
            return true;
        }
        RawMessage raw;
        raw.path = file.path;
        raw.bytes = in.readAll();
        if (in.error() != QFileDevice::NoError) {
            onError({file.path, -1, Tr::tr("cannot read the file: %1").arg(in.errorString())});
            return true;
        }
        if (raw.bytes.isEmpty()) {
            onError({file.path, -1, Tr::tr("empty file")});
            return true;
        }
        return onMessage(std::move(raw));
    }

    MboxReader reader(file.path);
    QString error;
    if (!reader.open(&error)) {
        onError({file.path, -1, error});
        return true;
    }
    RawMessage raw;
    while (reader.next(&raw)) {
        if (raw.bytes.isEmpty()) {
            onError({file.path, raw.index, Tr::tr("empty message in the mbox file")});
        } else if (!onMessage(std::move(raw))) {
            return false;
        }
        if (cancelled())
            return false;
    }
    if (!reader.errorString().isEmpty())
        onError({file.path, -1, reader.errorString()});
    return true;
}

} // namespace Awb
