// The header checks on real ham: the demo's clean newsletter (the original inside
// resources/demo/reports/08-arf-lumen-newsletter.eml) and every message of tests/data/mail/
// (real third-party reports, see its PROVENANCE.md), each report also with its embedded
// original. Nothing may fire that is not true of the message: each row lists exactly the
// findings expected, with the reason each is true, and the test fails on anything else (and on
// an expected finding that went missing, so that this list stays an accurate record).

#include "header_test_support.h"

#include <QDirIterator>
#include <QTest>

using namespace Awb;

namespace {

struct HamRow
{
    QString file;         // under the source directory
    bool original;        // the embedded original instead of the file itself
    QStringList expected; // ids, sorted; each explained where the row is written
};

QList<HamRow> hamRows()
{
    const QString arf = QStringLiteral("tests/data/mail/arf/");
    const QString demo = QStringLiteral("resources/demo/reports/");
    return {
        // The clean, double-opt-in newsletter: nothing.
        {demo + QStringLiteral("08-arf-lumen-newsletter.eml"), true, {}},
        // RFC 5965 Appendix B's minimal report has no Message-ID: true, the example omits it.
        {arf + QStringLiteral("rfc-examples/001.eml"), false, {"message-id.missing"}},
        // Its "Earn money" spam: Date 2 Sep 2004, received 8 Mar 2005 (187 days later), and the
        // Message-ID "8787KJKJ3K4J3K4J3K4J3.mail@example.net" lacks its angle brackets.
        {arf + QStringLiteral("rfc-examples/001.eml"),
         true,
         {"date.in-past", "message-id.invalid"}},
        {arf + QStringLiteral("rfc-examples/004.eml"), false, {}},
        // The "Wir kaufen dein Auto!" mail behind the OpenDMARC report: its headers carry no
        // Message-ID, and its From is info@interpublication.org while Reply-To sends answers
        // to a GMX freemail box (auto24-export@gmx.de).
        {arf + QStringLiteral("rfc-examples/004.eml"),
         true,
         {"message-id.missing", "reply-to.divergent"}},
        {arf + QStringLiteral("rfc-examples/005.eml"), false, {}},
        {arf + QStringLiteral("rfc-examples/005.eml"), true, {}},
        {arf + QStringLiteral("sisimai/arf-01.eml"), false, {}},
        // The anonymised original: "Date: Thu, 29 Apr 2009 00:00:00 -0800" is 08:00 UTC, eight
        // hours after the receiving stamp's 00:00 -0000; and it has no Message-ID.
        {arf + QStringLiteral("sisimai/arf-01.eml"),
         true,
         {"date.in-future", "message-id.missing"}},
        {arf + QStringLiteral("sisimai/arf-14.eml"), false, {}},
        {arf + QStringLiteral("sisimai/arf-14.eml"), true, {}},
        // The anonymised JMRP report: "From: staff@hotmail.com" over "Return-Path:
        // <neko@example.org>" (the anonymiser rewrote the envelope, not the From), so the two
        // are indeed not aligned, and the From is on a Microsoft domain.
        {arf + QStringLiteral("sisimai/arf-22.eml"), false, {"from.envelope-mismatch"}},
        {arf + QStringLiteral("sisimai/arf-22.eml"), true, {}},
    };
}

} // namespace

Q_DECLARE_METATYPE(HamRow)

class TestHeaderChecksHam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySampleListed();
    void ham_data();
    void ham();
};

void TestHeaderChecksHam::everySampleListed()
{
    // A sample added to tests/data/mail/ must be looked at and listed here.
    QStringList listed;
    for (const HamRow &row : hamRows())
        listed << row.file;
    QDirIterator it(QStringLiteral(AWB_TEST_DATA "/mail"), {QStringLiteral("*.eml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    int count = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QStringLiteral("tests/data/mail/") +
                                 QDir(QStringLiteral(AWB_TEST_DATA "/mail")).relativeFilePath(path);
        QVERIFY2(listed.contains(relative), qPrintable(relative));
        ++count;
    }
    QVERIFY(count >= 6);
}

void TestHeaderChecksHam::ham_data()
{
    QTest::addColumn<HamRow>("row");
    for (const HamRow &row : hamRows())
        QTest::newRow(
            qPrintable(row.file + (row.original ? QStringLiteral(" (original)") : QString())))
            << row;
}

void TestHeaderChecksHam::ham()
{
    QFETCH(HamRow, row);
    QByteArray bytes = HeaderTest::readFile(QStringLiteral(AWB_SOURCE_DIR "/") + row.file);
    QVERIFY2(!bytes.isEmpty(), qPrintable(row.file));
    if (row.original) {
        bytes = HeaderTest::embeddedOriginal(bytes);
        QVERIFY2(!bytes.isEmpty(), "no embedded original");
    }
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const MessageAnalysis analysis =
        analyzeMessage(*message, HeaderTest::demoTrust(), {}, HeaderTest::headerChecks());
    QStringList found;
    for (const Finding &f : analysis.findings) {
        if (!found.contains(f.check))
            found << f.check;
    }
    found.sort();
    QStringList expected = row.expected;
    expected.sort();
    QVERIFY2(found == expected, qPrintable(QStringLiteral("expected [%1]; found:\n  %2")
                                               .arg(expected.join(QLatin1String(", ")),
                                                    HeaderTest::describe(analysis.findings))));
}

QTEST_GUILESS_MAIN(TestHeaderChecksHam)
#include "tst_header_checks_ham.moc"
