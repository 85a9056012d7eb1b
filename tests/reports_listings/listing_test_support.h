#pragma once

// Loading the inputs of the listings suites by a short name, so that rows stay readable:
// "data:spamcop-inline.eml" (tests/data/reports_listings), "demo:03-spamcop-northwind.eml"
// (resources/demo/reports) and "mbox:2" (message 2 of the demo abuse mailbox).

#include "mail/mail_message.h"
#include "mail/message_sources.h"
#include "reports/report.h"

#include <QFile>
#include <QString>
#include <QTest>

#include <optional>

namespace ListingTest {

inline QByteArray readBytes(const QString &spec)
{
    if (spec.startsWith(QLatin1String("mbox:"))) {
        const int wanted = spec.mid(5).toInt();
        Awb::MboxReader reader(
            QStringLiteral(AWB_SOURCE_DIR "/resources/demo/demo-abuse-mailbox.mbox"));
        QString error;
        if (!reader.open(&error))
            return {};
        Awb::RawMessage raw;
        for (int index = 0; reader.next(&raw); ++index) {
            if (index == wanted)
                return raw.bytes;
        }
        return {};
    }
    QString path;
    if (spec.startsWith(QLatin1String("data:")))
        path = QStringLiteral(AWB_TEST_DATA "/reports_listings/") + spec.mid(5);
    else if (spec.startsWith(QLatin1String("demo:")))
        path = QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/") + spec.mid(5);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The parsed message, or a test failure naming the input.
inline std::optional<Awb::MailMessage> load(const QString &spec)
{
    const QByteArray bytes = readBytes(spec);
    if (bytes.isEmpty()) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read ") + spec), __FILE__, __LINE__);
        return std::nullopt;
    }
    Awb::Result<Awb::MailMessage> parsed = Awb::MailMessage::parse(bytes);
    if (!parsed) {
        QTest::qFail(qPrintable(spec + QStringLiteral(": ") + parsed.error()), __FILE__, __LINE__);
        return std::nullopt;
    }
    return std::move(*parsed);
}

// The values of the fields with that name, in order.
inline QStringList fieldValues(const Awb::Report &report, const QString &name)
{
    QStringList values;
    for (const Awb::ReportField &field : report.fields) {
        if (field.name == name)
            values << field.value;
    }
    return values;
}

// True when every expected fragment occurs in one of the problems, and there are no problems
// at all when none are expected.
inline bool problemsMatch(const QStringList &problems, const QStringList &expected)
{
    if (expected.isEmpty())
        return problems.isEmpty();
    for (const QString &fragment : expected) {
        bool found = false;
        for (const QString &problem : problems)
            found = found || problem.contains(fragment, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

} // namespace ListingTest
