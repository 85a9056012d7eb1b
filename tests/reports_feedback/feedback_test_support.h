#pragma once

// Shared by the feedback recogniser tests: reading samples and running the family in order.

#include "mail/mail_message.h"
#include "reports/feedback/feedback_recognisers.h"
#include "reports/report_recogniser.h"
#include "test_files.h"

#include <QFile>
#include <QTest>

#include <optional>

namespace AwbFeedbackTest {

using AwbTest::demoMboxMessage;
using AwbTest::readFile;

inline QByteArray sample(const QString &relative)
{
    return readFile(QStringLiteral(AWB_TEST_DATA "/reports_feedback/") + relative);
}

inline QByteArray demoReport(const QString &name)
{
    return readFile(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/") + name);
}

inline Awb::MailMessage parse(const QByteArray &bytes)
{
    Awb::Result<Awb::MailMessage> message = Awb::MailMessage::parse(bytes);
    if (!message)
        qFatal("test message does not parse: %s", qPrintable(message.error()));
    return std::move(*message);
}

// The family in its own order (ARF, JMRP, forwards): the first recogniser that claims wins.
inline std::optional<Awb::Report> recogniseWithFamily(const Awb::MailMessage &message)
{
    QList<const Awb::ReportRecogniser *> family;
    Awb::appendFeedbackRecognisers(family);
    for (const Awb::ReportRecogniser *recogniser : family) {
        if (std::optional<Awb::Report> report = recogniser->recognise(message))
            return report;
    }
    return std::nullopt;
}

inline QStringList fieldValues(const Awb::Report &report, const QString &name,
                               const QString &source)
{
    QStringList values;
    for (const Awb::ReportField &field : report.fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0 && field.source == source)
            values.append(field.value);
    }
    return values;
}

inline bool hasProblem(const Awb::Report &report, const QString &fragment)
{
    for (const QString &problem : report.problems) {
        if (problem.contains(fragment, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace AwbFeedbackTest
