// The Received-chain checks against the demo data set (resources/demo/reports/): the findings
// that resources/demo/README.md states for each report's embedded original, with the demo's
// analysis settings (ours 203.0.113.0/24 and 2001:db8:1c::/48; trusted 198.51.100.25,
// 198.51.100.97, 198.51.100.60 and 2001:db8:f00d::/48).
//
// The report recognisers are another room's work, so this test takes the embedded original out
// of the report itself: the first message/rfc822 or text/rfc822-headers part, up to the next
// boundary of an enclosing multipart.

#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"
#include "test_files.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Awb;
using AwbTest::embeddedOriginal;

namespace {

struct DemoRow
{
    const char *name;
    QString file;
    QStringList present; // "id@hop"
    QStringList absent;  // "id" or "id@hop"
};

// Every received.* finding the README says a forged or clean chain must not show.
const QStringList forgeryChecks = {
    "received.broken-handoff",   "received.time-reversal",         "received.future-date",
    "received.missing-date",     "received.private-ip-untrusted",  "received.reserved-ip",
    "received.helo-ip-mismatch", "received.helo-claims-provider",  "received.helo-not-fqdn",
    "received.repeated-ip",      "received.provider-path-missing", "received.unparsed",
    "received.no-rdns",          "received.dynamic-rdns"};

TrustSettings demoTrust()
{
    TrustSettings trust;
    for (const char *cidr : {"203.0.113.0/24", "2001:db8:1c::/48"})
        trust.ours.add(*IpNetwork::parse(QString::fromLatin1(cidr)));
    for (const char *cidr :
         {"198.51.100.25/32", "198.51.100.97/32", "198.51.100.60/32", "2001:db8:f00d::/48"})
        trust.trusted.add(*IpNetwork::parse(QString::fromLatin1(cidr)));
    return trust;
}

bool has(const QList<Finding> &findings, const QString &expectation)
{
    const QString id = expectation.section(QLatin1Char('@'), 0, 0);
    const bool anyHop = !expectation.contains(QLatin1Char('@'));
    const int hop = anyHop ? -2 : expectation.section(QLatin1Char('@'), 1).toInt();
    return std::any_of(findings.cbegin(), findings.cend(),
                       [&](const Finding &f) { return f.check == id && (anyHop || f.hop == hop); });
}

} // namespace

Q_DECLARE_METATYPE(DemoRow)

class TestReceivedChecksDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demo_data();
    void demo();
};

void TestReceivedChecksDemo::demo_data()
{
    QTest::addColumn<DemoRow>("row");
    auto row = [](const DemoRow &r) { QTest::newRow(r.name) << r; };
    row({"01 ARF, forged bank hops",
         "01-arf-fbl-northwind.eml",
         {"received.origin-ours@1", "received.broken-handoff@2", "received.time-reversal@2",
          "received.helo-not-fqdn@3"},
         {"received.broken-handoff@3", "received.private-ip-untrusted", "received.reserved-ip"}});
    row({"02 ARF quirks",
         "02-arf-quirks-northwind.eml",
         {"received.origin-ours@0"},
         forgeryChecks});
    row({"03 SpamCop, HELO matches by",
         "03-spamcop-northwind.eml",
         {"received.origin-ours@1", "received.time-reversal@2",
          "received.authenticated-submission@2"},
         {"received.broken-handoff"}});
    row({"04 X-ARF", "04-xarf-northwind.eml", {"received.origin-ours@1"}, forgeryChecks});
    row({"05 JMRP",
         "05-jmrp-northwind.eml",
         {"received.origin-ours@2", "received.time-reversal@3"},
         {"received.broken-handoff", "received.no-rdns"}});
    row({"06 forwarded phish",
         "06-forward-harbour-phish.eml",
         {"received.origin-ours@1"},
         forgeryChecks});
    row({"08 clean newsletter",
         "08-arf-lumen-newsletter.eml",
         {"received.origin-ours@1"},
         forgeryChecks + QStringList{"received.authenticated-submission"}});
    row({"09 opt-out headers",
         "09-arf-optout-lumen.eml",
         {"received.origin-ours@0"},
         forgeryChecks});
    row({"10 spam from outside",
         "10-spam-non-customer.eml",
         {"received.dynamic-rdns@1", "received.helo-rdns-mismatch@1", "received.time-reversal@2",
          "received.private-ip-untrusted@3", "received.helo-not-fqdn@3",
          "received.authenticated-submission@3", "received.claimed-ours@2"},
         {"received.origin-ours", "received.broken-handoff"}});
}

void TestReceivedChecksDemo::demo()
{
    QFETCH(DemoRow, row);
    QFile file(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/") + row.file);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QByteArray bytes = file.readAll();
    const QByteArray original = embeddedOriginal(bytes);
    if (!original.isEmpty())
        bytes = original;
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const MessageAnalysis analysis = analyzeMessage(*message, demoTrust());

    QStringList listing;
    for (const Finding &f : analysis.findings)
        listing << QStringLiteral("%1@%2").arg(f.check).arg(f.hop);
    const QString found = listing.join(QLatin1String(", "));

    for (const QString &expected : row.present) {
        QVERIFY2(has(analysis.findings, expected),
                 qPrintable(QStringLiteral("missing %1; found: %2").arg(expected, found)));
    }
    for (const QString &unexpected : row.absent) {
        QVERIFY2(!has(analysis.findings, unexpected),
                 qPrintable(QStringLiteral("unexpected %1; found: %2").arg(unexpected, found)));
    }
}

QTEST_GUILESS_MAIN(TestReceivedChecksDemo)
#include "tst_received_checks_demo.moc"
