#pragma once

// Shared by the CRLF suites: real reports read from the repository, and their CRLF copies made
// in memory (most Windows clients and many MTAs store mail with CRLF line ends).

#include "mail/message_sources.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace AwbCrlfTest {

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(path));
    return file.readAll();
}

// `relative` under tests/data, or "demo/..." under resources/demo.
inline QByteArray sample(const QString &relative)
{
    if (relative.startsWith(QLatin1String("demo/")))
        return readFile(QStringLiteral(AWB_SOURCE_DIR "/resources/") + relative);
    return readFile(QStringLiteral(AWB_TEST_DATA "/") + relative);
}

// Message `index` of the demo abuse mailbox, as the project's mbox reader gives it.
inline QByteArray demoMboxMessage(int index)
{
    QByteArray found;
    const Awb::SourcePlan plan = Awb::planSources(
        {QStringLiteral(AWB_SOURCE_DIR "/resources/demo/demo-abuse-mailbox.mbox")});
    for (const Awb::SourceFile &file : plan.files) {
        Awb::readSource(
            file,
            [&](Awb::RawMessage &&message) {
                if (message.index != index)
                    return true;
                found = message.bytes;
                return false;
            },
            [](Awb::SourceError &&) {});
    }
    if (found.isEmpty())
        qFatal("no message %d in the demo mailbox", index);
    return found;
}

// Every line end made CR LF (a file that already has some keeps them, without doubling).
inline QByteArray toCrlf(QByteArray bytes)
{
    bytes.replace("\r\n", "\n");
    bytes.replace("\n", "\r\n");
    return bytes;
}

// Every line end made LF.
inline QByteArray toLf(QByteArray bytes)
{
    return bytes.replace("\r\n", "\n");
}

// A line end without its CR: a CRLF copy must have none.
inline bool hasBareLf(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n' && (i == 0 || bytes.at(i - 1) != '\r'))
            return true;
    }
    return false;
}

} // namespace AwbCrlfTest
