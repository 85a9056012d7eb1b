#pragma once

// Shared by the header-check suites: running the header group alone over a message, reading a
// report's embedded original, and naming findings compactly in failure messages.

#include "analysis/header_checks/header_checks.h"
#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "test_files.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace HeaderTest {

using AwbTest::embeddedOriginal;
using AwbTest::readFile;

// The header group alone, in registry order.
inline const QList<const Awb::Check *> &headerChecks()
{
    static const QList<const Awb::Check *> checks = [] {
        QList<const Awb::Check *> list;
        Awb::appendHeaderChecks(list);
        return list;
    }();
    return checks;
}

inline QSet<QString> headerCheckIds()
{
    QSet<QString> ids;
    for (const Awb::Check *check : headerChecks())
        ids.insert(check->info().id);
    return ids;
}

// The demo's settings (resources/demo/README.md): ours 203.0.113.0/24 and 2001:db8:1c::/48,
// trusted 198.51.100.25, .97, .60 and 2001:db8:f00d::/48.
inline Awb::TrustSettings demoTrust()
{
    return Awb::TrustSettings::fromText(
        {QStringLiteral("198.51.100.25/32"), QStringLiteral("198.51.100.97/32"),
         QStringLiteral("198.51.100.60/32"), QStringLiteral("2001:db8:f00d::/48")},
        {QStringLiteral("203.0.113.0/24"), QStringLiteral("2001:db8:1c::/48")});
}

inline QString describe(const QList<Awb::Finding> &findings)
{
    QStringList out;
    for (const Awb::Finding &f : findings)
        out << QStringLiteral("%1:%2 [%3]").arg(f.check, Awb::severityName(f.severity), f.evidence);
    return out.join(QLatin1String("\n  "));
}

} // namespace HeaderTest
