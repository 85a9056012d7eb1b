#include "mail/message_sources.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

namespace {

struct MboxRow
{
    QByteArray file;
    QList<QByteArray> messages;
    QList<QByteArray> envelopes;
};

QString writeFile(const QTemporaryDir &dir, const QByteArray &content)
{
    const QString path = dir.filePath(QStringLiteral("test.mbox"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QList<RawMessage> readAll(const QString &path, QString *error = nullptr)
{
    MboxReader reader(path);
    QList<RawMessage> messages;
    if (!reader.open(error))
        return messages;
    RawMessage raw;
    while (reader.next(&raw))
        messages.append(std::move(raw));
    if (error)
        *error = reader.errorString();
    return messages;
}

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

} // namespace

Q_DECLARE_METATYPE(MboxRow)

class TestMessageMbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsMessages_data();
    void splitsMessages();
    void largeMessagesAcrossChunks();
    void memoryBoundedByMessageNotFile();
    void missingFile();
};

void TestMessageMbox::splitsMessages_data()
{
    QTest::addColumn<MboxRow>("row");

    const QByteArray three = "From a@x Mon Jan  1 00:00:00 2024\nSubject: 1\n\nbody one\n\n"
                             "From b@x Mon Jan  1 00:00:01 2024\nSubject: 2\n\nbody two\n\n"
                             "From c@x Mon Jan  1 00:00:02 2024\nSubject: 3\n\nbody three\n\n";
    const QList<QByteArray> threeEnvelopes{"a@x Mon Jan  1 00:00:00 2024",
                                           "b@x Mon Jan  1 00:00:01 2024",
                                           "c@x Mon Jan  1 00:00:02 2024"};
    QTest::newRow("three messages, LF") << MboxRow{
        three,
        {"Subject: 1\n\nbody one\n", "Subject: 2\n\nbody two\n", "Subject: 3\n\nbody three\n"},
        threeEnvelopes};
    QTest::newRow("three messages, CRLF")
        << MboxRow{crlf(three),
                   {crlf("Subject: 1\n\nbody one\n"), crlf("Subject: 2\n\nbody two\n"),
                    crlf("Subject: 3\n\nbody three\n")},
                   threeEnvelopes};
    QTest::newRow(">From quoting kept") << MboxRow{
        "From a@x\nSubject: 1\n\nhi\n\n>From here on\n>>From there\n\nFrom b@x\nSubject: 2\n\n",
        {"Subject: 1\n\nhi\n\n>From here on\n>>From there\n", "Subject: 2\n"},
        {"a@x", "b@x"}};
    QTest::newRow("mboxo: unquoted From in a body") << MboxRow{
        "From a@x\nSubject: 1\n\nhello\n\nFrom the desk of Ann, we write\nmore\n\n"
        "From b@x\nSubject: 2\n\nx\n",
        {"Subject: 1\n\nhello\n\nFrom the desk of Ann, we write\nmore\n", "Subject: 2\n\nx\n"},
        {"a@x", "b@x"}};
    QTest::newRow("From line without a blank line before")
        << MboxRow{"From a@x\nSubject: 1\n\nline\nFrom b@x\nSubject: 2\n",
                   {"Subject: 1\n\nline\nFrom b@x\nSubject: 2\n"},
                   {"a@x"}};
    QTest::newRow("truncated last message")
        << MboxRow{"From a@x\nSubject: 1\n\nbody\n\nFrom b@x\nSubject: 2\n\nbody cut off mid-li",
                   {"Subject: 1\n\nbody\n", "Subject: 2\n\nbody cut off mid-li"},
                   {"a@x", "b@x"}};
    QTest::newRow("one message, no closing blank line")
        << MboxRow{"From a@x\nSubject: 1\n\nbody\n", {"Subject: 1\n\nbody\n"}, {"a@x"}};
    QTest::newRow("only one trailing blank line dropped")
        << MboxRow{"From a@x\nSubject: 1\n\nbody\n\n\n\nFrom b@x\nSubject: 2\n",
                   {"Subject: 1\n\nbody\n\n\n", "Subject: 2\n"},
                   {"a@x", "b@x"}};
    QTest::newRow("empty message between separators")
        << MboxRow{"From a@x\n\nFrom b@x\nSubject: 2\n", {"", "Subject: 2\n"}, {"a@x", "b@x"}};
    QTest::newRow("no envelope at the start")
        << MboxRow{"Subject: 1\n\nbody\n", {"Subject: 1\n\nbody\n"}, {""}};
    QTest::newRow("envelope only") << MboxRow{"From a@x\n", {""}, {"a@x"}};
    QTest::newRow("empty file") << MboxRow{"", {}, {}};
}

void TestMessageMbox::splitsMessages()
{
    QFETCH(MboxRow, row);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, row.file);

    QString error;
    const QList<RawMessage> messages = readAll(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(messages.size(), row.messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        QCOMPARE(messages[i].bytes, row.messages[i]);
        QCOMPARE(messages[i].envelopeFrom, row.envelopes[i]);
        QCOMPARE(messages[i].index, int(i));
        QCOMPARE(messages[i].path, path);
    }
}

// Messages larger than the read chunk (1 MiB), one of them a single 2.5 MB line, split exactly
// as an in-memory reference split does.
void TestMessageMbox::largeMessagesAcrossChunks()
{
    QByteArray file;
    QList<QByteArray> expected;
    quint32 state = 12345;
    for (int i = 0; i < 40; ++i) {
        state = state * 1103515245u + 12345u;
        QByteArray message = "Subject: " + QByteArray::number(i) + "\n\n";
        const int lines = int(state % 4000);
        for (int line = 0; line < lines; ++line)
            message +=
                "line " + QByteArray::number(line) + " of message " + QByteArray::number(i) + '\n';
        if (i == 17)
            message += QByteArray(2500 * 1000, 'x') + '\n';
        file += "From m" + QByteArray::number(i) + "@x\n" + message + '\n';
        expected.append(message);
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, file);

    MboxReader reader(path);
    QVERIFY(reader.open(nullptr));
    RawMessage raw;
    int count = 0;
    while (reader.next(&raw)) {
        QVERIFY(count < expected.size());
        QCOMPARE(raw.bytes.size(), expected[count].size());
        QVERIFY(raw.bytes == expected[count]);
        QCOMPARE(raw.envelopeFrom, "m" + QByteArray::number(count) + "@x");
        ++count;
    }
    QCOMPARE(count, expected.size());
    QCOMPARE(reader.position(), file.size());
}

// A 200 MB mbox of small messages: the reader's memory must stay near one read chunk.
void TestMessageMbox::memoryBoundedByMessageNotFile()
{
    QByteArray block;
    int perBlock = 0;
    while (block.size() < 1024 * 1024 - 4096) {
        block += "From sender@example.org Mon Jan  1 00:00:00 2024\n"
                 "From: sender@example.org\nSubject: message\n\n";
        for (int line = 0; line < 12; ++line)
            block += QByteArray(150, char('a' + line)) + '\n';
        block += '\n';
        ++perBlock;
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.mbox"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    const int blocks = 200;
    for (int i = 0; i < blocks; ++i)
        QCOMPARE(out.write(block), block.size());
    out.close();
    QVERIFY(out.size() > 200ll * 1000 * 1000);

    MboxReader reader(path);
    QVERIFY(reader.open(nullptr));
    RawMessage raw;
    qint64 count = 0;
    while (reader.next(&raw))
        ++count;
    QVERIFY(reader.errorString().isEmpty());
    QCOMPARE(count, qint64(blocks) * perBlock);
    QCOMPARE(reader.position(), out.size());
    QVERIFY2(reader.peakMemory() < 3 * 1024 * 1024,
             qPrintable(QStringLiteral("peak %1 bytes").arg(reader.peakMemory())));
}

void TestMessageMbox::missingFile()
{
    MboxReader reader(QStringLiteral("/nonexistent/awb/test.mbox"));
    QString error;
    QVERIFY(!reader.open(&error));
    QVERIFY2(error.startsWith(QLatin1String("cannot open the mbox file: ")), qPrintable(error));
    RawMessage raw;
    QVERIFY(!reader.next(&raw));
}

QTEST_GUILESS_MAIN(TestMessageMbox)
#include "tst_message_mbox.moc"
