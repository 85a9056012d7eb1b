// The header checks on whole messages (tests/data/header_checks/*.eml), the group run alone:
// one row per message naming the findings that must appear ("id" or "id:severity") and those
// that must not ("id"; "*" means no header finding other than those in `present`). Every check
// has at least one row of each kind (coverage() proves it), and every located finding points at
// the text its evidence quotes (locations()).
//
// The messages share one chain: hop 0 is the recipient's LMTP hand-off from the trusted
// 198.51.100.25, hop 1 the boundary (mx.example.net receiving from mail.shop.example
// [198.51.100.80]) at 2026-11-03 09:14:22 UTC. Their README lists what each one shows.

#include "header_test_support.h"

#include <QTest>

using namespace Awb;

namespace {

struct Row
{
    const char *name;
    QString file;
    QStringList present;
    QStringList absent;
};

QList<Row> rows()
{
    const QString all = QStringLiteral("*");
    return {
        {"clean", "clean.eml", {}, {all}},
        {"zone +0545 is real", "clean-nepal-zone.eml", {}, {all}},
        // Dates
        {"no Date", "date-missing.eml", {"date.missing:low"}, {all}},
        {"unreadable Date", "date-unreadable.eml", {"date.invalid:medium"}, {all}},
        {"Date without zone, 8 h ahead as UTC",
         "date-no-zone.eml",
         {"date.invalid:low", "date.in-future:low"},
         {all}},
        {"Date two days ahead", "date-future-days.eml", {"date.in-future:medium"}, {all}},
        {"Date eleven days back", "date-past.eml", {"date.in-past:low"}, {all}},
        {"zone +0037", "date-odd-minutes.eml", {"date.absurd-zone:low"}, {all}},
        {"zone +1900", "date-zone-beyond.eml", {"date.absurd-zone:low"}, {all, "date.in-past"}},
        // Message-ID
        {"no Message-ID", "msgid-missing.eml", {"message-id.missing:low"}, {all}},
        {"two @ in Message-ID", "msgid-several-at.eml", {"message-id.invalid:low"}, {all}},
        {"Message-ID without FQDN",
         "msgid-no-fqdn.eml",
         {"message-id.invalid:low"},
         {all, "message-id.domain-mismatch"}},
        {"Message-ID on a bulk mailer's host",
         "msgid-foreign-host.eml",
         {"message-id.domain-mismatch:low"},
         {all}},
        {"Message-ID from Amazon SES", "msgid-esp.eml", {}, {all, "message-id.domain-mismatch"}},
        {"Message-ID added by the boundary receiver",
         "msgid-relay-added.eml",
         {"message-id.added-by-relay:low"},
         {all, "message-id.domain-mismatch"}},
        // Identity
        {"no From", "from-missing.eml", {"from.missing:medium"}, {all}},
        {"From is an empty group", "from-group-only.eml", {"from.missing:medium"}, {all}},
        {"two From addresses, no Sender",
         "from-multiple.eml",
         {"from.multiple-addresses:medium"},
         {all}},
        {"two From addresses with Sender",
         "from-multiple-with-sender.eml",
         {"from.multiple-addresses:low"},
         {all, "sender.mismatch"}},
        {"display name holds another address",
         "display-name-address.eml",
         {"from.display-name-spoof:high"},
         {all}},
        {"address in the name of a list's rewritten From",
         "display-name-via-list.eml",
         {"from.display-name-spoof:medium"},
         {all}},
        {"display name holds the same address",
         "display-name-own-address.eml",
         {},
         {all, "from.display-name-spoof"}},
        {"display name names a brand",
         "display-name-brand.eml",
         {"from.display-name-spoof:high"},
         {all}},
        {"brand on its own domain",
         "display-name-brand-genuine.eml",
         {},
         {all, "from.display-name-spoof", "from.lookalike-domain"}},
        {"university desk on a bakery domain",
         "display-name-institution.eml",
         {"from.display-name-spoof:medium"},
         {all}},
        {"university on its own domain",
         "display-name-institution-own.eml",
         {},
         {all, "from.display-name-spoof"}},
        {"paypa1", "lookalike-digit.eml", {"from.lookalike-domain:high"}, {all}},
        {"arnazon", "lookalike-rn.eml", {"from.lookalike-domain:high"}, {all}},
        {"Cyrillic a in punycode", "lookalike-punycode.eml", {"from.lookalike-domain:high"}, {all}},
        {"known domain in front",
         "lookalike-prefix.eml",
         {"from.lookalike-domain:high"},
         {all, "from.envelope-mismatch"}},
        {"ordinary IDN", "idn-plain.eml", {}, {all, "from.lookalike-domain"}},
        {"envelope on another domain",
         "envelope-mismatch.eml",
         {"from.envelope-mismatch:low"},
         {all}},
        {"envelope at Amazon SES", "envelope-esp.eml", {}, {all, "from.envelope-mismatch"}},
        {"null envelope", "envelope-bounce.eml", {}, {all, "from.envelope-mismatch"}},
        {"envelope rewritten by a forwarder (SRS)",
         "envelope-srs.eml",
         {},
         {all, "from.envelope-mismatch"}},
        {"Reply-To unrelated", "reply-to-unrelated.eml", {"reply-to.divergent:low"}, {all}},
        {"Reply-To at a freemail provider",
         "reply-to-freemail.eml",
         {"reply-to.divergent:medium"},
         {all}},
        {"Reply-To same organisation", "reply-to-same-org.eml", {}, {all, "reply-to.divergent"}},
        {"Reply-To of a mailing list", "reply-to-list.eml", {}, {all, "reply-to.divergent"}},
        {"Sender unrelated", "sender-mismatch.eml", {"sender.mismatch:low"}, {all}},
        {"Sender same organisation", "sender-same-org.eml", {}, {all, "sender.mismatch"}},
        // Header block
        {"two From, two Message-ID",
         "duplicate-singletons.eml",
         {"header.duplicate-singleton:medium", "header.duplicate-singleton:low"},
         {all}},
        {"Latin-1 bytes in Subject", "raw-8bit-latin1.eml", {"header.raw-8bit:low"}, {all}},
        {"UTF-8 in Subject without SMTPUTF8", "raw-8bit-utf8.eml", {"header.raw-8bit:info"}, {all}},
        {"UTF-8 in Subject over SMTPUTF8", "raw-8bit-smtputf8.eml", {}, {all, "header.raw-8bit"}},
        {"body glued to headers", "missing-separator.eml", {"header.missing-separator:low"}, {all}},
        {"headers only, no body", "headers-only.eml", {}, {all, "header.missing-separator"}},
        {"1,217-octet line", "oversized-line.eml", {"header.oversized:low"}, {all}},
        {"encoded address", "ew-address.eml", {"header.encoded-word-abuse:medium"}, {all}},
        {"encoded plain ASCII", "ew-ascii-subject.eml", {"header.encoded-word-abuse:low"}, {all}},
        {"mixed charsets, invalid base64",
         "ew-mixed-invalid.eml",
         {"header.encoded-word-abuse:low"},
         {all}},
        {"over-long encoded word", "ew-too-long.eml", {"header.encoded-word-abuse:info"}, {all}},
        {"encoded word in Message-ID",
         "ew-message-id.eml",
         {"header.encoded-word-abuse:low"},
         {all}},
        {"proper encoded words", "ew-proper.eml", {}, {all, "header.encoded-word-abuse"}},
        // Subject
        {"no Subject", "subject-missing.eml", {"subject.missing:low"}, {all}},
        {"empty Subject", "subject-empty.eml", {"subject.missing:low"}, {all}},
        {"RE: without references", "fake-reply.eml", {"subject.fake-reply:medium"}, {all}},
        {"Re: quoting, no references", "fake-reply-quoting.eml", {"subject.fake-reply:low"}, {all}},
        {"FW: forwarding nothing", "fake-forward.eml", {"subject.fake-reply:medium"}, {all}},
        {"reply with In-Reply-To", "genuine-reply.eml", {}, {all, "subject.fake-reply"}},
        {"Outlook reply by Thread-Index", "outlook-reply.eml", {}, {all, "subject.fake-reply"}},
        {"forward with the message attached",
         "genuine-forward.eml",
         {},
         {all, "subject.fake-reply"}},
        {"refund bait", "deceptive-refund.eml", {"subject.deceptive:medium"}, {all}},
        {"real invoice", "invoice-legit.eml", {}, {all, "subject.deceptive"}},
        {"mailbox-full phish", "deceptive-mailbox.eml", {"subject.deceptive:medium"}, {all}},
        {"real security alert", "security-alert-legit.eml", {}, {all, "subject.deceptive"}},
        {"parcel fee bait", "deceptive-parcel.eml", {"subject.deceptive:medium"}, {all}},
        {"real shipping notice", "parcel-legit.eml", {}, {all, "subject.deceptive"}},
        {"prize bait", "deceptive-prize.eml", {"subject.deceptive:medium"}, {all}},
    };
}

TrustSettings testTrust()
{
    return TrustSettings::fromText({QStringLiteral("198.51.100.25/32")},
                                   {QStringLiteral("203.0.113.0/24")});
}

QString dataPath(const QString &file)
{
    return QStringLiteral(AWB_TEST_DATA "/header_checks/") + file;
}

MessageAnalysis analyze(const QString &file, QByteArray *bytes = nullptr)
{
    const QByteArray data = HeaderTest::readFile(dataPath(file));
    if (bytes)
        *bytes = data;
    auto message = MailMessage::parse(data);
    if (!message)
        return {};
    return analyzeMessage(*message, testTrust(), {}, HeaderTest::headerChecks());
}

bool matches(const Finding &f, const QString &expectation)
{
    const QString id = expectation.section(QLatin1Char(':'), 0, 0);
    const QString severity = expectation.section(QLatin1Char(':'), 1);
    return f.check == id && (severity.isEmpty() || severityName(f.severity) == severity);
}

} // namespace

Q_DECLARE_METATYPE(Row)

class TestHeaderChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messages_data();
    void messages();
    void coverage();
    void locations();
    void oversizedBlock();
};

void TestHeaderChecks::messages_data()
{
    QTest::addColumn<Row>("row");
    for (const Row &row : rows())
        QTest::newRow(row.name) << row;
}

void TestHeaderChecks::messages()
{
    QFETCH(Row, row);
    QVERIFY2(QFile::exists(dataPath(row.file)), qPrintable(row.file));
    const MessageAnalysis analysis = analyze(row.file);
    const QString found = HeaderTest::describe(analysis.findings);
    for (const QString &expected : row.present) {
        const bool ok = std::any_of(analysis.findings.cbegin(), analysis.findings.cend(),
                                    [&](const Finding &f) { return matches(f, expected); });
        QVERIFY2(ok, qPrintable(QStringLiteral("missing %1; found:\n  %2").arg(expected, found)));
    }
    for (const QString &unexpected : row.absent) {
        for (const Finding &f : analysis.findings) {
            const bool listed = std::any_of(row.present.cbegin(), row.present.cend(),
                                            [&](const QString &e) { return matches(f, e); });
            const bool bad = unexpected == QLatin1String("*") ? !listed : f.check == unexpected;
            QVERIFY2(!bad, qPrintable(QStringLiteral("unexpected %1 (%2); found:\n  %3")
                                          .arg(f.check, unexpected, found)));
        }
    }
}

void TestHeaderChecks::coverage()
{
    QSet<QString> positive, negative;
    const QSet<QString> ids = HeaderTest::headerCheckIds();
    for (const Row &row : rows()) {
        for (const QString &p : row.present)
            positive.insert(p.section(QLatin1Char(':'), 0, 0));
        for (const QString &a : row.absent) {
            if (a != QLatin1String("*")) {
                negative.insert(a);
                continue;
            }
            for (const QString &id : ids) {
                const bool listed =
                    std::any_of(row.present.cbegin(), row.present.cend(), [&](const QString &p) {
                        return p.section(QLatin1Char(':'), 0, 0) == id;
                    });
                if (!listed)
                    negative.insert(id);
            }
        }
    }
    QCOMPARE(ids.size(), 24);
    for (const QString &id : ids) {
        QVERIFY2(positive.contains(id), qPrintable(QStringLiteral("no positive row: ") + id));
        QVERIFY2(negative.contains(id), qPrintable(QStringLiteral("no negative row: ") + id));
    }
}

void TestHeaderChecks::locations()
{
    // Every located finding points at text its evidence quotes: the located bytes, unfolded,
    // begin with what the evidence shows (evidence quotes fields, cut at a few hundred
    // characters, so the first 40 are compared).
    int located = 0;
    for (const Row &row : rows()) {
        QByteArray bytes;
        const MessageAnalysis analysis = analyze(row.file, &bytes);
        for (const Finding &f : analysis.findings) {
            if (!f.location.isValid())
                continue;
            ++located;
            QVERIFY(f.location.offset + f.location.length <= bytes.size());
            QByteArray text = bytes.mid(f.location.offset, f.location.length);
            text.replace("\r", "").replace("\n", "");
            // Read as the evidence reads raw bytes: UTF-8, else Latin-1.
            QString decoded = QString::fromUtf8(text);
            if (decoded.contains(QChar::ReplacementCharacter))
                decoded = QString::fromLatin1(text);
            const QString head = decoded.simplified().left(40);
            QVERIFY2(f.evidence.simplified().contains(head),
                     qPrintable(QStringLiteral("%1 in %2: location \"%3\" not in evidence \"%4\"")
                                    .arg(f.check, row.file, head, f.evidence)));
        }
    }
    QVERIFY(located > 40);
}

void TestHeaderChecks::oversizedBlock()
{
    // A header block beyond 64 KiB made of lawful lines (each under 998 octets): only the
    // block limit fires. Built here rather than kept as a 70 kB file.
    QByteArray bytes = HeaderTest::readFile(dataPath(QStringLiteral("clean.eml")));
    QByteArray padding;
    for (int i = 0; i < 90; ++i)
        padding += "X-Tracking-" + QByteArray::number(i) + ": " + QByteArray(800, 'q') + "\n";
    bytes.replace("MIME-Version: 1.0\n", padding + "MIME-Version: 1.0\n");
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const MessageAnalysis analysis =
        analyzeMessage(*message, testTrust(), {}, HeaderTest::headerChecks());
    QCOMPARE(analysis.findings.size(), 1);
    QCOMPARE(analysis.findings.first().check, QStringLiteral("header.oversized"));
    QVERIFY(analysis.findings.first().evidence.contains(QLatin1String("64 KiB")));
}

QTEST_GUILESS_MAIN(TestHeaderChecks)
#include "tst_header_checks.moc"
