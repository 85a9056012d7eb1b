#include "test_mail_factory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace AwbTest {

QByteArray plainMessage(int n, const QByteArray &subject)
{
    const QByteArray number = QByteArray::number(n);
    return "Received: from mx.example.net (mx.example.net [192.0.2.25])\n"
           "\tby mail.example.org with ESMTP id " +
           number +
           ";\n"
           "\tTue, 3 Nov 2026 10:00:00 +0000\n"
           "From: Sender " +
           number + " <sender" + number +
           "@example.com>\n"
           "To: recipient@example.org\n"
           "Subject: " +
           subject + " " + number +
           "\n"
           "Date: Tue, 3 Nov 2026 09:59:" +
           QByteArray::number(n % 60).rightJustified(2, '0') +
           " +0000\n"
           "Message-ID: <" +
           number +
           ".test@example.com>\n"
           "\n"
           "Body of message " +
           number + ".\n";
}

QByteArray mbox(int count, int bodyBytes, int firstNumber)
{
    QByteArray out;
    const QByteArray filler(bodyBytes, 'x');
    for (int i = 0; i < count; ++i) {
        const int n = firstNumber + i;
        out += "From sender" + QByteArray::number(n) + "@example.com Tue Nov  3 10:00:00 2026\n";
        out += plainMessage(n);
        out += filler + "\n\n";
    }
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(bytes) == bytes.size();
}

} // namespace AwbTest
