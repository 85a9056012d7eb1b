#include "mail/message_sources.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Awb;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

const QByteArray s_message = "From: a@example.org\nSubject: hi\n\nbody\n";
const QByteArray s_mbox = "From a@example.org Mon Jan  1 00:00:00 2024\nSubject: 1\n\none\n\n"
                          "From b@example.org Mon Jan  1 00:00:01 2024\nSubject: 2\n\ntwo\n";

QStringList relativePaths(const QString &root, const QList<SourceFile> &files)
{
    QStringList paths;
    for (const SourceFile &file : files)
        paths.append(file.path.mid(root.size() + 1));
    return paths;
}

} // namespace

class TestMessageSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void kinds_data();
    void kinds();
    void directoryTree();
    void maildirGivenDirectly();
    void argumentOrderKept();
    void directoryLinksFollowedOnlyWhenGiven();
    void pathErrors_data();
    void pathErrors();
    void unreadableWhenNotRoot();
    void readMessageFile();
    void readMbox();
    void readStopsOnRequest();
    void readHonoursCancel();

private:
    QTemporaryDir m_dir;
    QString m_root;
};

// The tree most tests plan: a plain directory holding single messages, an mbox, a maildir with
// a Maildir++ subfolder and server index files, and things that are not files at all.
void TestMessageSources::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = m_dir.path() + QStringLiteral("/tree");
    writeFile(m_root + "/single.eml", s_message);
    writeFile(m_root + "/archive.mbox", s_mbox);
    writeFile(m_root + "/from-prose.txt", "From the desk of Ann\nHello\n");
    writeFile(m_root + "/empty.eml", QByteArray());
    writeFile(m_root + "/nested/deeper/b.eml", s_message);
    writeFile(m_root + "/maildir/cur/1700000000.M1P1.host:2,S", s_message);
    writeFile(m_root + "/maildir/new/1700000001.M2P1.host", s_message);
    writeFile(m_root + "/maildir/tmp/1700000002.M3P1.host", s_message);
    writeFile(m_root + "/maildir/dovecot-uidlist", "3 V1 N1\n");
    writeFile(m_root + "/maildir/dovecot.index.log", "binary");
    writeFile(m_root + "/maildir/subscriptions", "Sub\n");
    writeFile(m_root + "/maildir/.Sub/cur/1700000003.M4P1.host:2,", s_message);
    writeFile(m_root + "/maildir/.Sub/tmp/1700000004.M5P1.host", s_message);
    writeFile(m_root + "/maildir/.Sub/maildirfolder", QByteArray());
    QVERIFY(QDir().mkpath(m_root + "/maildir/.Sub/new"));
    QCOMPARE(::mkfifo(QFile::encodeName(m_root + "/fifo").constData(), 0600), 0);
    QVERIFY(QFile::link(m_root + "/missing-target", m_root + "/dangling"));
    QVERIFY(QFile::link(m_root, m_root + "/nested/loop")); // a cycle the walk must not follow
}

void TestMessageSources::kinds_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("kind");
    QTest::newRow("message") << s_message << int(SourceKind::Message);
    QTest::newRow("mbox") << s_mbox << int(SourceKind::Mbox);
    QTest::newRow("mbox, CRLF") << QByteArray(s_mbox).replace("\n", "\r\n")
                                << int(SourceKind::Mbox);
    QTest::newRow("one-message mbox")
        << QByteArray("From a@x\nSubject: 1\n\nx\n") << int(SourceKind::Mbox);
    QTest::newRow("From line then prose")
        << QByteArray("From the desk of Ann\nHello\n") << int(SourceKind::Message);
    QTest::newRow("garbage is left to the parser")
        << QByteArray("\x89PNG\r\n\x1a\n", 8) << int(SourceKind::Message);
}

void TestMessageSources::kinds()
{
    QFETCH(QByteArray, content);
    QFETCH(int, kind);
    const QString path = m_dir.filePath(QStringLiteral("kind-probe"));
    writeFile(path, content);
    const SourcePlan plan = planSources({path});
    QVERIFY(plan.errors.isEmpty());
    QCOMPARE(plan.files.size(), 1);
    QCOMPARE(int(plan.files[0].kind), kind);
    QCOMPARE(plan.files[0].size, content.size());
    QCOMPARE(plan.totalBytes, content.size());
}

void TestMessageSources::directoryTree()
{
    const SourcePlan plan = planSources({m_root});
    QCOMPARE(
        relativePaths(m_root, plan.files),
        (QStringList{"archive.mbox", "from-prose.txt", "maildir/.Sub/cur/1700000003.M4P1.host:2,",
                     "maildir/cur/1700000000.M1P1.host:2,S", "maildir/new/1700000001.M2P1.host",
                     "nested/deeper/b.eml", "single.eml"}));
    QCOMPARE(plan.files[0].kind, SourceKind::Mbox);
    QCOMPARE(plan.files[1].kind, SourceKind::Message);

    QStringList errors;
    for (const SourceError &error : plan.errors)
        errors.append(error.path.mid(m_root.size() + 1) + QStringLiteral(": ") + error.reason);
    QCOMPARE(errors,
             (QStringList{"dangling: broken symbolic link: its target does not exist",
                          "empty.eml: empty file", "fifo: a named pipe (FIFO), not a file"}));

    qint64 total = 0;
    for (const SourceFile &file : plan.files)
        total += file.size;
    QCOMPARE(plan.totalBytes, total);
}

void TestMessageSources::maildirGivenDirectly()
{
    const QString maildir = m_root + QStringLiteral("/maildir");
    const SourcePlan plan = planSources({maildir + QLatin1Char('/')});
    QCOMPARE(relativePaths(maildir, plan.files),
             (QStringList{".Sub/cur/1700000003.M4P1.host:2,", "cur/1700000000.M1P1.host:2,S",
                          "new/1700000001.M2P1.host"}));
    QVERIFY(plan.errors.isEmpty());
}

void TestMessageSources::argumentOrderKept()
{
    const SourcePlan plan =
        planSources({m_root + QStringLiteral("/single.eml"), m_root + QStringLiteral("/nested"),
                     m_root + QStringLiteral("/archive.mbox")});
    QCOMPARE(relativePaths(m_root, plan.files),
             (QStringList{"single.eml", "nested/deeper/b.eml", "archive.mbox"}));
}

// Symbolic links to directories are followed when given by the user, never inside a walk
// (find -H), so a link back up the tree cannot import a directory twice or loop.
void TestMessageSources::directoryLinksFollowedOnlyWhenGiven()
{
    const SourcePlan walked = planSources({m_root + QStringLiteral("/nested")});
    QCOMPARE(relativePaths(m_root, walked.files), QStringList{"nested/deeper/b.eml"});
    QVERIFY(walked.errors.isEmpty());

    const QString link = m_dir.filePath(QStringLiteral("link-to-maildir"));
    QVERIFY(QFile::link(m_root + QStringLiteral("/maildir"), link));
    const SourcePlan given = planSources({link});
    QCOMPARE(relativePaths(link, given.files),
             (QStringList{".Sub/cur/1700000003.M4P1.host:2,", "cur/1700000000.M1P1.host:2,S",
                          "new/1700000001.M2P1.host"}));
}

void TestMessageSources::pathErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << QStringLiteral("/nonexistent/awb/x.eml")
                             << QStringLiteral("no such file or directory");
    QTest::newRow("device") << QStringLiteral("/dev/null")
                            << QStringLiteral("a device, not a file");
    QTest::newRow("fifo") << QStringLiteral("fifo")
                          << QStringLiteral("a named pipe (FIFO), not a file");
    QTest::newRow("broken symlink")
        << QStringLiteral("dangling")
        << QStringLiteral("broken symbolic link: its target does not exist");
    QTest::newRow("empty") << QStringLiteral("empty.eml") << QStringLiteral("empty file");
}

void TestMessageSources::pathErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    if (!path.startsWith(QLatin1Char('/')))
        path = m_root + QLatin1Char('/') + path;
    const SourcePlan plan = planSources({path});
    QVERIFY(plan.files.isEmpty());
    QCOMPARE(plan.errors.size(), 1);
    QCOMPARE(plan.errors[0].path, path);
    QCOMPARE(plan.errors[0].reason, reason);
    QCOMPARE(plan.errors[0].index, -1);
}

// Permission bits do not stop root, so this only runs its checks for other users; the FIFO,
// device and broken-symlink rows above cover "cannot be read" for everyone.
void TestMessageSources::unreadableWhenNotRoot()
{
    const QString file = m_dir.filePath(QStringLiteral("locked/secret.eml"));
    const QString directory = m_dir.filePath(QStringLiteral("locked-dir"));
    writeFile(file, s_message);
    writeFile(directory + QStringLiteral("/inside.eml"), s_message);
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0) == 0);
    QVERIFY(::chmod(QFile::encodeName(directory).constData(), 0) == 0);
    const SourcePlan plan = planSources({file, directory});
    ::chmod(QFile::encodeName(directory).constData(), 0700);
    if (::geteuid() != 0) {
        QVERIFY(plan.files.isEmpty());
        QCOMPARE(plan.errors.size(), 2);
        QVERIFY2(plan.errors[0].reason.startsWith(QLatin1String("cannot read the file: ")),
                 qPrintable(plan.errors[0].reason));
        QVERIFY2(plan.errors[1].reason.startsWith(QLatin1String("cannot read the directory: ")),
                 qPrintable(plan.errors[1].reason));
    } else {
        QCOMPARE(plan.files.size(), 2);
        QVERIFY(plan.errors.isEmpty());
    }
}

void TestMessageSources::readMessageFile()
{
    const SourcePlan plan = planSources({m_root + QStringLiteral("/single.eml")});
    QCOMPARE(plan.files.size(), 1);
    QList<RawMessage> messages;
    QList<SourceError> errors;
    const bool completed = readSource(
        plan.files[0],
        [&](RawMessage &&m) {
            messages.append(std::move(m));
            return true;
        },
        [&](SourceError &&e) { errors.append(std::move(e)); });
    QVERIFY(completed);
    QVERIFY(errors.isEmpty());
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].bytes, s_message);
    QCOMPARE(messages[0].index, -1);
    QVERIFY(messages[0].envelopeFrom.isEmpty());
}

void TestMessageSources::readMbox()
{
    const QString path = m_dir.filePath(QStringLiteral("with-empty.mbox"));
    writeFile(path, "From a@x\n\nFrom b@x\nSubject: 2\n\ntwo\n\nFrom c@x\nSubject: 3\n\nthree\n");
    // Planning would call this a message (its envelope line is not followed by a header
    // field), so the source is described directly.
    const SourceFile source{path, SourceKind::Mbox, QFileInfo(path).size()};
    QList<RawMessage> messages;
    QList<SourceError> errors;
    QVERIFY(readSource(
        source,
        [&](RawMessage &&m) {
            messages.append(std::move(m));
            return true;
        },
        [&](SourceError &&e) { errors.append(std::move(e)); }));
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].index, 1);
    QCOMPARE(messages[0].envelopeFrom, QByteArray("b@x"));
    QCOMPARE(messages[1].index, 2);
    QCOMPARE(messages[1].bytes, QByteArray("Subject: 3\n\nthree\n"));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].index, 0);
    QCOMPARE(errors[0].reason, QStringLiteral("empty message in the mbox file"));
}

void TestMessageSources::readStopsOnRequest()
{
    const SourcePlan plan = planSources({m_root + QStringLiteral("/archive.mbox")});
    int seen = 0;
    QVERIFY(!readSource(
        plan.files[0],
        [&](RawMessage &&) {
            ++seen;
            return false;
        },
        [](SourceError &&) {}));
    QCOMPARE(seen, 1);
}

void TestMessageSources::readHonoursCancel()
{
    const SourcePlan plan = planSources({m_root + QStringLiteral("/archive.mbox")});
    std::atomic_bool cancel{false};
    int seen = 0;
    const auto onMessage = [&](RawMessage &&) {
        ++seen;
        cancel = true;
        return true;
    };
    QVERIFY(!readSource(
        plan.files[0], onMessage, [](SourceError &&) {}, &cancel));
    QCOMPARE(seen, 1);

    seen = 0;
    QVERIFY(!readSource(
        plan.files[0], onMessage, [](SourceError &&) {}, &cancel));
    QCOMPARE(seen, 0);
}

QTEST_GUILESS_MAIN(TestMessageSources)
#include "tst_message_sources.moc"
