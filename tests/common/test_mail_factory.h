#pragma once

#include <QByteArray>
#include <QString>

// Builds messages and mailboxes for tests, so that test inputs are written down where they are
// used (and huge ones are made at run time, never committed).
namespace AwbTest {

// A small plain message; `n` makes the bytes (and so the SHA-256) unique.
QByteArray plainMessage(int n, const QByteArray &subject = "Test message");

// `count` messages in mbox form, each "From " separated, bodies of about `bodyBytes` bytes.
QByteArray mbox(int count, int bodyBytes = 200, int firstNumber = 0);

// Writes bytes to a file (creating parent folders); fails the test on error.
bool writeFile(const QString &path, const QByteArray &bytes);

} // namespace AwbTest
