#pragma once

// Test inputs read the same way by every suite: files of the repository (tests/data, the demo
// data in resources/demo) and messages of the demo mailbox as the project's mbox reader gives
// them. Header-only; tests/common is on every test's include path (awb_add_test).

#include "mail/mail_message.h"
#include "mail/message_sources.h"
#include "reports/report_recogniser.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace AwbTest {

// The whole file; a missing or unreadable input stops the test run with its path.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(path));
    return file.readAll();
}

// Message `index` (0-based) of resources/demo/demo-abuse-mailbox.mbox; stops the run when the
// mailbox has no such message.
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

// A report's original as the product's recognisers cut it from the report (exact bytes, line
// ends as in the file); empty when the bytes are not a report that carries one.
inline QByteArray embeddedOriginal(const QByteArray &reportBytes)
{
    Awb::Result<Awb::MailMessage> message = Awb::MailMessage::parse(reportBytes);
    if (!message)
        return {};
    const Awb::Report report = Awb::recogniseReport(*message);
    return report.originalBytes ? *report.originalBytes : QByteArray();
}

} // namespace AwbTest
