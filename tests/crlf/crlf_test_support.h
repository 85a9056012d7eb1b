#pragma once

// Shared by the CRLF suites: real reports read from the repository, and their CRLF copies made
// in memory (most Windows clients and many MTAs store mail with CRLF line ends).

#include "test_files.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace AwbCrlfTest {

using AwbTest::demoMboxMessage;
using AwbTest::readFile;

// `relative` under tests/data, or "demo/..." under resources/demo.
inline QByteArray sample(const QString &relative)
{
    if (relative.startsWith(QLatin1String("demo/")))
        return readFile(QStringLiteral(AWB_SOURCE_DIR "/resources/") + relative);
    return readFile(QStringLiteral(AWB_TEST_DATA "/") + relative);
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
