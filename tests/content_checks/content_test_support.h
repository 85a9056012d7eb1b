#pragma once

// Shared by the content-check suites: run the content group on a message and compare the
// findings with expectations written as "id", "id:severity" (present) or "id" (absent).

#include "analysis/check.h"
#include "analysis/content_checks/content_checks.h"
#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "test_files.h"

#include <QFile>
#include <QStringList>

namespace ContentTest {

using AwbTest::embeddedOriginal;
using AwbTest::readFile;

inline const QList<const Awb::Check *> &contentChecks()
{
    static const QList<const Awb::Check *> checks = [] {
        QList<const Awb::Check *> list;
        Awb::appendContentChecks(list);
        return list;
    }();
    return checks;
}

inline Awb::TrustSettings trust(const QStringList &ours, const QStringList &trusted)
{
    QStringList invalid;
    return Awb::TrustSettings::fromText(trusted, ours, &invalid);
}

// The demo data set's settings (resources/demo/README.md).
inline Awb::TrustSettings demoTrust()
{
    return trust({QStringLiteral("203.0.113.0/24"), QStringLiteral("2001:db8:1c::/48")},
                 {QStringLiteral("198.51.100.25/32"), QStringLiteral("198.51.100.97/32"),
                  QStringLiteral("198.51.100.60/32"), QStringLiteral("2001:db8:f00d::/48")});
}

inline QList<Awb::Finding> run(const Awb::MailMessage &message, const Awb::TrustSettings &trust)
{
    return Awb::analyzeMessage(message, trust, QDateTime(), contentChecks()).findings;
}

inline QString describe(const QList<Awb::Finding> &findings)
{
    QStringList lines;
    for (const Awb::Finding &f : findings)
        lines << QStringLiteral("  %1@%2:%3  %4")
                     .arg(f.check)
                     .arg(f.hop)
                     .arg(Awb::severityName(f.severity), f.evidence);
    return lines.join(QLatin1Char('\n'));
}

inline bool matches(const Awb::Finding &f, const QString &expectation)
{
    const QString id = expectation.section(QLatin1Char(':'), 0, 0);
    const QString severity = expectation.section(QLatin1Char(':'), 1);
    return f.check == id && (severity.isEmpty() || Awb::severityName(f.severity) == severity);
}

} // namespace ContentTest
