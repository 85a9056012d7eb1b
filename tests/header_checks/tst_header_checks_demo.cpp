// The header checks against the demo data set: the header findings that
// resources/demo/README.md states for each report's embedded original (and for the malformed
// message without a separator), with the demo's analysis settings. Each row also names the
// header findings that must not appear, chosen from what the README says the message is not.

#include "header_test_support.h"

#include <QTest>

using namespace Awb;

namespace {

struct DemoRow
{
    const char *name;
    QString file; // under resources/demo/
    bool original;
    QStringList present;
    QStringList absent;
};

// What the clean newsletter (report 08) must not show, and with it every honest message.
const QStringList identityAndSubject = {"from.display-name-spoof", "from.lookalike-domain",
                                        "from.envelope-mismatch",  "reply-to.divergent",
                                        "sender.mismatch",         "subject.fake-reply",
                                        "subject.deceptive",       "message-id.domain-mismatch"};

QList<DemoRow> demoRows()
{
    return {
        {"01 ARF, bank display name",
         "reports/01-arf-fbl-northwind.eml",
         true,
         {"from.display-name-spoof", "subject.fake-reply", "subject.deceptive",
          "message-id.domain-mismatch"},
         {"from.envelope-mismatch", "date.in-future", "date.in-past", "header.duplicate-singleton",
          "message-id.invalid"}},
        {"02 ARF quirks, brand-like name, two Message-IDs",
         "reports/02-arf-quirks-northwind.eml",
         true,
         {"header.duplicate-singleton", "from.display-name-spoof", "subject.fake-reply",
          "subject.deceptive", "message-id.domain-mismatch"},
         {"from.envelope-mismatch", "date.in-future"}},
        {"03 SpamCop",
         "reports/03-spamcop-northwind.eml",
         true,
         {"from.display-name-spoof", "subject.fake-reply", "subject.deceptive",
          "message-id.domain-mismatch"},
         {"from.envelope-mismatch", "date.in-future"}},
        {"04 X-ARF, Date 11 hours ahead",
         "reports/04-xarf-northwind.eml",
         true,
         {"date.in-future", "subject.fake-reply", "subject.deceptive",
          "message-id.domain-mismatch"},
         {"from.display-name-spoof", "from.envelope-mismatch", "date.invalid"}},
        {"05 JMRP",
         "reports/05-jmrp-northwind.eml",
         true,
         {"from.display-name-spoof", "subject.fake-reply", "subject.deceptive",
          "message-id.domain-mismatch"},
         {"from.envelope-mismatch", "date.in-future"}},
        {"06 forwarded phish",
         "reports/06-forward-harbour-phish.eml",
         true,
         {"from.display-name-spoof", "reply-to.divergent", "subject.deceptive"},
         {"from.envelope-mismatch", "subject.fake-reply", "message-id.domain-mismatch",
          "header.encoded-word-abuse", "date.in-future"}},
        {"08 clean newsletter",
         "reports/08-arf-lumen-newsletter.eml",
         true,
         {},
         identityAndSubject + QStringList{"header.encoded-word-abuse", "date.in-future",
                                          "date.absurd-zone", "header.raw-8bit"}},
        {"10 spam from outside",
         "reports/10-spam-non-customer.eml",
         false, // a message as saved from a mailbox, not a report
         {"date.invalid", "date.in-future", "message-id.invalid"},
         {"from.display-name-spoof", "header.encoded-word-abuse", "message-id.domain-mismatch",
          "from.envelope-mismatch"}},
        {"no separator",
         "malformed/no-header-body-separator.eml",
         false,
         {"header.missing-separator"},
         {"subject.missing", "from.missing"}},
    };
}

} // namespace

Q_DECLARE_METATYPE(DemoRow)

class TestHeaderChecksDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demo_data();
    void demo();
};

void TestHeaderChecksDemo::demo_data()
{
    QTest::addColumn<DemoRow>("row");
    for (const DemoRow &row : demoRows())
        QTest::newRow(row.name) << row;
}

void TestHeaderChecksDemo::demo()
{
    QFETCH(DemoRow, row);
    QByteArray bytes =
        HeaderTest::readFile(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/") + row.file);
    QVERIFY2(!bytes.isEmpty(), qPrintable(row.file));
    if (row.original) {
        bytes = HeaderTest::embeddedOriginal(bytes);
        QVERIFY2(!bytes.isEmpty(), "no embedded original");
    }
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const MessageAnalysis analysis =
        analyzeMessage(*message, HeaderTest::demoTrust(), {}, HeaderTest::headerChecks());
    const QString found = HeaderTest::describe(analysis.findings);
    auto has = [&](const QString &id) {
        return std::any_of(analysis.findings.cbegin(), analysis.findings.cend(),
                           [&](const Finding &f) { return f.check == id; });
    };
    for (const QString &id : row.present)
        QVERIFY2(has(id), qPrintable(QStringLiteral("missing %1; found:\n  %2").arg(id, found)));
    for (const QString &id : row.absent)
        QVERIFY2(!has(id),
                 qPrintable(QStringLiteral("unexpected %1; found:\n  %2").arg(id, found)));
}

QTEST_GUILESS_MAIN(TestHeaderChecksDemo)
#include "tst_header_checks_demo.moc"
