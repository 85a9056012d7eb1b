// The policy pack: the real Anti-Spam Policy of 10 December 2025 parsed into clauses, broken
// packs refused with the file and the reason, and a second version picked up from a folder.
#include "policy/policy_library.h"
#include "policy/policy_pack.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Awb;

namespace {

const QString kPolicyDir = QStringLiteral(AWB_SOURCE_DIR "/resources/policy");
const QString kPolicyFile = kPolicyDir + QStringLiteral("/ixcm-anti-spam-policy-2025-12-10.md");
const QString kData = QStringLiteral(AWB_TEST_DATA "/policy");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

} // namespace

struct ClauseRow
{
    QString title;
    QString sectionId;
    QString sectionTitle;
    QString first; // the text's first line, exactly
    QString last;  // the text's last line, exactly
};
Q_DECLARE_METATYPE(ClauseRow)

class TestPolicyPack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionAndMetadata();
    void clauseIdsInOrder();
    void clauses_data();
    void clauses();
    void exactTexts();
    void sectionsWithSubsections();
    void citations();
    void malformed_data();
    void malformed();
    void manifestMismatch();
    void shippedLibrary();
    void secondPack();
    void libraryErrors();

private:
    PolicyPack m_pack;
};

void TestPolicyPack::initTestCase()
{
    Result<PolicyPack> pack = PolicyPack::load(kPolicyFile);
    QVERIFY2(pack.ok(), qPrintable(pack.error()));
    m_pack = *pack;
}

void TestPolicyPack::versionAndMetadata()
{
    QCOMPARE(m_pack.version(), QStringLiteral("2025-12-10"));
    QCOMPARE(m_pack.versionDate(), QDate(2025, 12, 10));
    QCOMPARE(m_pack.versionLabel(), QStringLiteral("10 December 2025"));
    QCOMPARE(m_pack.title(), QStringLiteral("Anti-Spam Policy"));
    QCOMPARE(m_pack.governingLaw(), QStringLiteral("Hong Kong Special Administrative Region"));
    QCOMPARE(m_pack.sourcePath(), kPolicyFile);
    QCOMPARE(m_pack.sha256Hex(),
             QCryptographicHash::hash(readFile(kPolicyFile), QCryptographicHash::Sha256).toHex());
    QCOMPARE(m_pack.closingText(), QStringLiteral("Contact:\nAbuse reports: abuse@ix.cm"));
    // Without a manifest there is no publisher; the library supplies it.
    QVERIFY(m_pack.publisher().isEmpty());
}

void TestPolicyPack::clauseIdsInOrder()
{
    QStringList ids;
    for (const PolicyClause &clause : m_pack.clauses())
        ids << clause.id;
    const QStringList expected = {
        QStringLiteral("I"),   QStringLiteral("II"),   QStringLiteral("3.1"), QStringLiteral("3.2"),
        QStringLiteral("3.3"), QStringLiteral("4.1"),  QStringLiteral("4.2"), QStringLiteral("4.3"),
        QStringLiteral("V"),   QStringLiteral("6.1"),  QStringLiteral("6.2"), QStringLiteral("6.3"),
        QStringLiteral("VII"), QStringLiteral("VIII"), QStringLiteral("IX"),  QStringLiteral("X"),
        QStringLiteral("XI")};
    QCOMPARE(ids, expected);
    for (const PolicyClause &clause : m_pack.clauses()) {
        QVERIFY2(!clause.text.contains(QStringLiteral("**")), qPrintable(clause.id));
        QVERIFY2(!clause.text.contains(QStringLiteral("---")), qPrintable(clause.id));
        QVERIFY2(!clause.text.startsWith(u'\n') && !clause.text.endsWith(u'\n'),
                 qPrintable(clause.id));
        QVERIFY2(!clause.text.contains(QStringLiteral("\n\n\n")), qPrintable(clause.id));
    }
}

void TestPolicyPack::clauses_data()
{
    QTest::addColumn<ClauseRow>("row");
    const QString iii = QStringLiteral("Prohibited Activities");
    const QString iv = QStringLiteral("Requirements for Legitimate Email Marketing");
    const QString vi = QStringLiteral("Enforcement");
    const auto add = [](const char *id, ClauseRow row) { QTest::newRow(id) << row; };
    add("I", {"Policy Statement", "I", "Policy Statement",
              "Kvmcloud Network CO., LIMITED operates a zero-tolerance anti-spam policy for all "
              "services provided under the IX.CM brand.",
              "Governing Law: Hong Kong Special Administrative Region."});
    add("II", {"Definitions", "II", "Definitions", "Term | Definition",
               "Open Relay | Unauthorized use of mail servers to forward third-party messages."});
    add("3.1", {"Email Abuse", "III", iii,
                "- Sending spam, UCE, or UBE to recipients without explicit opt-in consent.",
                "- Using IX.CM mail servers as unauthorized relays."});
    add("3.2", {"Deceptive Practices", "III", iii,
                "- Forging email headers, sender addresses, or routing information.",
                "- Impersonating legitimate entities in email communications."});
    add("3.3", {"Infrastructure Impact", "III", iii,
                "- Any activity causing IX.CM IP addresses or ASN to be blacklisted.",
                "- Excessive sending rates that trigger spam filters or degrade network "
                "performance."});
    add("4.1",
        {"Consent", "IV", iv, "- Explicit opt-in required before adding recipients to lists.",
         "- Double opt-in recommended for verification."});
    add("4.2", {"Message Standards", "IV", iv, "- Accurate sender information in all headers.",
                "- Process opt-out requests within 10 business days."});
    add("4.3", {"Technical Limits", "IV", iv, "- Bounce rate must not exceed 5% per campaign.",
                "- Immediately remove invalid addresses."});
    add("V", {"Reporting Abuse", "V", "Reporting Abuse", "Email: abuse@ix.cm",
              "Response time: 72 hours from receipt."});
    add("6.1", {"Actions", "VI", vi, "Severity | Response | Duration",
                "Blacklist impact | Immediate termination + liability | Permanent"});
    add("6.2", {"Financial Liability", "VI", vi,
                "If your activity causes IX.CM infrastructure blacklisting:",
                "  - Legal fees (if applicable)"});
    add("6.3", {"No Refunds", "VI", vi,
                "Per Section 2.3 of our Terms of Service: violations result in forfeiture of all "
                "prepaid fees, setup charges, and account credits.",
                "Per Section 2.3 of our Terms of Service: violations result in forfeiture of all "
                "prepaid fees, setup charges, and account credits."});
    add("VII", {"Third-Party Services", "VII", "Third-Party Services",
                "You remain responsible for compliance when using third-party email services "
                "(MailChimp, SendGrid, AWS SES, etc.) with IX.CM hosting.",
                "You remain responsible for compliance when using third-party email services "
                "(MailChimp, SendGrid, AWS SES, etc.) with IX.CM hosting."});
    add("VIII", {"Legal Compliance", "VIII", "Legal Compliance",
                 "You must comply with anti-spam regulations in recipient jurisdictions:",
                 "Responsibility for legal compliance rests solely with you."});
    add("IX", {"Policy Updates", "IX", "Policy Updates",
               "We may modify this policy at any time. Changes take effect upon publication. The "
               "\"Last update\" date above indicates the most recent revision.",
               "Your continued use of services constitutes acceptance of policy modifications."});
    add("X", {"Related Policies", "X", "Related Policies", "This policy integrates with:",
              "In case of conflict, the most restrictive provision applies."});
    add("XI", {"Cooperation with Authorities", "XI", "Cooperation with Authorities",
               "We cooperate with law enforcement, ISPs, and anti-spam organizations investigating "
               "abuse. We will disclose account information when legally required or necessary "
               "to protect our infrastructure.",
               "We cooperate with law enforcement, ISPs, and anti-spam organizations investigating "
               "abuse. We will disclose account information when legally required or necessary "
               "to protect our infrastructure."});
}

void TestPolicyPack::clauses()
{
    QFETCH(ClauseRow, row);
    const QString id = QString::fromLatin1(QTest::currentDataTag());
    const std::optional<PolicyClause> clause = m_pack.clause(id);
    QVERIFY(clause.has_value());
    QCOMPARE(clause->id, id);
    QCOMPARE(clause->title, row.title);
    QCOMPARE(clause->sectionId, row.sectionId);
    QCOMPARE(clause->sectionTitle, row.sectionTitle);
    const QStringList lines = clause->text.split(u'\n');
    QCOMPARE(lines.first(), row.first);
    QCOMPARE(lines.last(), row.last);
}

void TestPolicyPack::exactTexts()
{
    QCOMPARE(m_pack.clause(QStringLiteral("3.2"))->text,
             QStringLiteral("- Forging email headers, sender addresses, or routing information.\n"
                            "- Using misleading subject lines.\n"
                            "- Impersonating legitimate entities in email communications."));
    QCOMPARE(m_pack.clause(QStringLiteral("6.2"))->text,
             QStringLiteral("If your activity causes IX.CM infrastructure blacklisting:\n"
                            "- Minimum penalty: USD $15 per incident\n"
                            "- Additional charges for:\n"
                            "  - Delisting fees\n"
                            "  - IP reputation remediation costs\n"
                            "  - Administrative overhead\n"
                            "  - Legal fees (if applicable)"));
    // The unnumbered "### Required Information:" stays part of section V, the hard line breaks
    // (two trailing spaces) and the emphasis go.
    QCOMPARE(m_pack.clause(QStringLiteral("V"))->text,
             QString::fromUtf8("Email: abuse@ix.cm\n"
                               "⚠️ Abuse reports only. Do not send general inquiries to this "
                               "address.\n\n"
                               "Required Information:\n"
                               "1. Full email headers\n"
                               "2. Complete message copy\n"
                               "3. Receipt timestamp\n"
                               "4. Description of policy violation\n\n"
                               "Response time: 72 hours from receipt."));
    QCOMPARE(m_pack.clause(QStringLiteral("II"))->text,
             QStringLiteral("Term | Definition\n"
                            "Spam | Unsolicited bulk email or commercial messaging sent without "
                            "recipient consent.\n"
                            "UCE/UBE | Unsolicited Commercial Email / Unsolicited Bulk Email.\n"
                            "Blacklist | Third-party databases (Spamhaus, SORBS, SpamCop) listing "
                            "IPs associated with spam activity.\n"
                            "Open Relay | Unauthorized use of mail servers to forward third-party "
                            "messages."));
    const QString i = m_pack.clause(QStringLiteral("I"))->text;
    QVERIFY(
        i.contains(QStringLiteral("brand.\n\nUse of our infrastructure for spam transmission")));
    QVERIFY(!m_pack.clause(QStringLiteral("XI"))->text.contains(QStringLiteral("Contact")));
    QVERIFY(m_pack.clause(QStringLiteral("VIII"))
                ->text.contains(QStringLiteral("\nUnited Kingdom | PECR\n")));
}

void TestPolicyPack::sectionsWithSubsections()
{
    const std::optional<PolicyClause> iv = m_pack.clause(QStringLiteral("IV"));
    QVERIFY(iv.has_value());
    QCOMPARE(iv->title, QStringLiteral("Requirements for Legitimate Email Marketing"));
    QCOMPARE(iv->text,
             QStringLiteral("If you conduct email marketing using IX.CM infrastructure:"));
    QCOMPARE(m_pack.clause(QStringLiteral("III"))->title, QStringLiteral("Prohibited Activities"));
    QCOMPARE(m_pack.clause(QStringLiteral("III"))->text, QString());
    QCOMPARE(m_pack.clause(QStringLiteral("VI"))->title, QStringLiteral("Enforcement"));

    QCOMPARE(m_pack.sections().size(), 11);
    const PolicySection vi = m_pack.sections().at(5);
    QCOMPARE(vi.id, QStringLiteral("VI"));
    QCOMPARE(vi.clauses,
             (QStringList{QStringLiteral("6.1"), QStringLiteral("6.2"), QStringLiteral("6.3")}));
    QVERIFY(m_pack.sections().at(4).clauses.isEmpty()); // V: its "###" heading has no number

    QVERIFY(!m_pack.clause(QStringLiteral("3.4")).has_value());
    QVERIFY(!m_pack.clause(QStringLiteral("iii")).has_value());
    QVERIFY(!m_pack.clause(QString()).has_value());
}

void TestPolicyPack::citations()
{
    QCOMPARE(m_pack.citation(QStringLiteral("3.2")),
             QStringLiteral("Anti-Spam Policy, section 3.2 (Deceptive Practices), version of "
                            "10 December 2025"));
    QCOMPARE(m_pack.citation(QStringLiteral("V")),
             QStringLiteral("Anti-Spam Policy, section V (Reporting Abuse), version of "
                            "10 December 2025"));
    QCOMPARE(m_pack.citation(QStringLiteral("6.2")),
             QStringLiteral("Anti-Spam Policy, section 6.2 (Financial Liability), version of "
                            "10 December 2025"));
    QCOMPARE(m_pack.citation(QStringLiteral("IV")),
             QStringLiteral("Anti-Spam Policy, section IV (Requirements for Legitimate Email "
                            "Marketing), version of 10 December 2025"));
    QCOMPARE(m_pack.citation(QStringLiteral("9.9")), QString());
}

void TestPolicyPack::malformed_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QString>("reason");
    const QByteArray real = readFile(kPolicyFile);
    QVERIFY(!real.isEmpty());
    const auto edit = [&](const char *from, const char *to) {
        QByteArray copy = real;
        const int at = copy.indexOf(from);
        return at < 0 ? QByteArray() : copy.replace(at, int(qstrlen(from)), to);
    };
    QTest::newRow("empty") << QByteArray() << "broken.md: empty file";
    QTest::newRow("blank") << QByteArray("\n \n\t\n") << "broken.md: empty file";
    QTest::newRow("no last update")
        << edit("**Last update: December 10, 2025.**", "**Updated recently.**")
        << "broken.md: no \"Last update:\" line";
    QTest::newRow("bad date") << edit("December 10, 2025", "Smarch 10, 2025")
                              << "broken.md line 5: the \"Last update\" date is not";
    QTest::newRow("impossible date") << edit("December 10, 2025", "February 30, 2025")
                                     << "broken.md line 5: the \"Last update\" date is not";
    QTest::newRow("clause without id")
        << edit("### 3.2 Deceptive Practices", "### Deceptive Practices")
        << "broken.md line 38: the subsection heading \"Deceptive Practices\" has no clause "
           "number, but section III numbers its subsections";
    QTest::newRow("bad clause number") << edit("### 3.2 Deceptive", "### 3 Deceptive")
                                       << "broken.md line 38: a clause number that is not";
    QTest::newRow("duplicate clause")
        << edit("### 3.3 Infrastructure Impact", "### 3.2 Infrastructure Impact")
        << "broken.md line 43: clause 3.2 appears twice";
    QTest::newRow("clause in the wrong section")
        << edit("### 3.3 Infrastructure", "### 4.3 Infrastructure")
        << "broken.md line 43: clause 4.3 is under section III";
    QTest::newRow("duplicate section")
        << edit("## VII. Third-Party", "## VI. Third-Party") << "section VI appears twice";
    QTest::newRow("section without id") << edit("## II. Definitions", "## Definitions")
                                        << "broken.md line 19: a section heading without a "
                                           "Roman numeral";
    QTest::newRow("no governing law")
        << edit("Governing Law:", "Law:") << "broken.md: no \"Governing Law:\" line";
    QTest::newRow("no title") << edit("title: Anti-Spam Policy", "author: nobody")
                              << "broken.md: no title in the front matter";
    QTest::newRow("stray text after a rule")
        << edit("---\n\n## VII.", "---\n\nA paragraph of no section.\n\n## VII.")
        << "broken.md line 112: text after a horizontal rule (---) belongs to no section: A "
           "paragraph of no section.";
    QTest::newRow("not utf-8") << QByteArray("---\ntitle: A\n---\n\xff\xfe broken\n")
                               << "broken.md: not UTF-8 text";
}

void TestPolicyPack::malformed()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QString, reason);
    QVERIFY2(!markdown.isNull() || QByteArray(QTest::currentDataTag()) == "empty",
             "the edit did not apply: the policy text changed");
    const Result<PolicyPack> pack = PolicyPack::fromText(markdown, QStringLiteral("broken.md"));
    QVERIFY(!pack.ok());
    QVERIFY2(pack.error().startsWith(QStringLiteral("broken.md")), qPrintable(pack.error()));
    QVERIFY2(pack.error().contains(reason), qPrintable(pack.error()));
}

void TestPolicyPack::manifestMismatch()
{
    const QByteArray real = readFile(kPolicyFile);
    PolicyManifestEntry entry;
    entry.version = QStringLiteral("2025-12-11");
    Result<PolicyPack> pack = PolicyPack::fromText(real, QStringLiteral("x.md"), entry);
    QVERIFY(!pack.ok());
    QCOMPARE(pack.error(), QStringLiteral("x.md: the manifest gives version 2025-12-11, but the "
                                          "policy's \"Last update\" line says 2025-12-10"));
    entry.version = QStringLiteral("2025-12-10");
    entry.title = QStringLiteral("Acceptable Use Policy");
    pack = PolicyPack::fromText(real, QStringLiteral("x.md"), entry);
    QVERIFY(!pack.ok());
    QVERIFY2(pack.error().contains(QStringLiteral("\"Acceptable Use Policy\"")),
             qPrintable(pack.error()));
    entry.title = QStringLiteral("Anti-Spam Policy");
    entry.publisher = QStringLiteral("Kvmcloud Network CO., LIMITED");
    pack = PolicyPack::fromText(real, QStringLiteral("x.md"), entry);
    QVERIFY2(pack.ok(), qPrintable(pack.error()));
    QCOMPARE(pack->publisher(), entry.publisher);
}

void TestPolicyPack::shippedLibrary()
{
    const Result<PolicyLibrary> library = PolicyLibrary::load(kPolicyDir);
    QVERIFY2(library.ok(), qPrintable(library.error()));
    QCOMPARE(library->versions(), QStringList{QStringLiteral("2025-12-10")});
    QVERIFY2(library->warnings().isEmpty(), qPrintable(library->warnings().join(u'\n')));
    const PolicyPack latest = library->latest();
    QCOMPARE(latest.version(), QStringLiteral("2025-12-10"));
    QCOMPARE(latest.publisher(), QStringLiteral("Kvmcloud Network CO., LIMITED"));
    QCOMPARE(latest.brand(), QStringLiteral("IX.CM"));
    QCOMPARE(latest.sha256Hex(), m_pack.sha256Hex());
    // The default folder is the one the program finds through dataDirectory().
    const Result<PolicyLibrary> byDefault = PolicyLibrary::load();
    QVERIFY2(byDefault.ok(), qPrintable(byDefault.error()));
    QCOMPARE(byDefault->latest().sha256Hex(), m_pack.sha256Hex());
}

void TestPolicyPack::secondPack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(
        copyFile(kPolicyFile, dir.filePath(QStringLiteral("ixcm-anti-spam-policy-2025-12-10.md"))));
    QVERIFY(copyFile(kData + QStringLiteral("/ixcm-anti-spam-policy-2026-03-01.md"),
                     dir.filePath(QStringLiteral("ixcm-anti-spam-policy-2026-03-01.md"))));
    QVERIFY(copyFile(kData + QStringLiteral("/packs-two-versions.json"),
                     dir.filePath(QStringLiteral("packs.json"))));

    const Result<PolicyLibrary> library = PolicyLibrary::load(dir.path());
    QVERIFY2(library.ok(), qPrintable(library.error()));
    QCOMPARE(library->versions(),
             (QStringList{QStringLiteral("2025-12-10"), QStringLiteral("2026-03-01")}));
    QCOMPARE(library->latest().version(), QStringLiteral("2026-03-01"));
    QCOMPARE(library->latest().citation(QStringLiteral("3.2")),
             QStringLiteral("Anti-Spam Policy, section 3.2 (Deceptive Practices), version of "
                            "1 March 2026"));
    const QString newLine =
        QStringLiteral("- Registering lookalike domains to impersonate IX.CM or its customers.");
    QVERIFY(library->latest().clause(QStringLiteral("3.2"))->text.endsWith(newLine));
    const Result<PolicyPack> old = library->packForVersion(QStringLiteral("2025-12-10"));
    QVERIFY(old.ok());
    QVERIFY(!old->clause(QStringLiteral("3.2"))->text.contains(newLine));

    // Changes take effect upon publication (section IX), counted in Hong Kong dates: 1 March 2026
    // begins at 16:00 UTC on 28 February.
    const auto inForce = [&](const QDateTime &at) {
        const Result<PolicyPack> pack = library->versionInForceAt(at);
        return pack.ok() ? pack->version() : pack.error();
    };
    QCOMPARE(inForce(QDateTime(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC)),
             QStringLiteral("2025-12-10"));
    QCOMPARE(inForce(QDateTime(QDate(2026, 2, 28), QTime(15, 59, 59), Qt::UTC)),
             QStringLiteral("2025-12-10"));
    QCOMPARE(inForce(QDateTime(QDate(2026, 2, 28), QTime(16, 0), Qt::UTC)),
             QStringLiteral("2026-03-01"));
    QCOMPARE(inForce(QDateTime(QDate(2026, 11, 27), QTime(6, 30), Qt::UTC)),
             QStringLiteral("2026-03-01"));
    QCOMPARE(inForce(QDateTime(QDate(2025, 12, 9), QTime(15, 59, 59), Qt::UTC)),
             QStringLiteral("no policy version was in force on 2025-12-09 (Hong Kong date); the "
                            "oldest known is 2025-12-10"));

    const Result<PolicyPack> unknown = library->packForVersion(QStringLiteral("2024-01-01"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error(),
             QStringLiteral("no policy version 2024-01-01 (known: 2025-12-10, 2026-03-01)"));

    // A markdown file dropped without a manifest entry is named, not loaded.
    QVERIFY(copyFile(kPolicyFile, dir.filePath(QStringLiteral("draft.md"))));
    const Result<PolicyLibrary> withDraft = PolicyLibrary::load(dir.path());
    QVERIFY(withDraft.ok());
    QCOMPARE(withDraft->versions().size(), 2);
    QCOMPARE(withDraft->warnings().size(), 1);
    QVERIFY(withDraft->warnings().first().contains(QStringLiteral("draft.md: not listed")));
}

void TestPolicyPack::libraryErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) >= 0;
    };
    const auto error = [&]() {
        const Result<PolicyLibrary> library = PolicyLibrary::load(dir.path());
        return library.ok() ? QString() : library.error();
    };
    QVERIFY(error().contains(QStringLiteral("packs.json: cannot read")));
    QVERIFY(write(QStringLiteral("packs.json"), "{\"packs\": ["));
    QVERIFY(error().contains(QStringLiteral("packs.json: not JSON")));
    QVERIFY(write(QStringLiteral("packs.json"), "{\"packs\": []}"));
    QVERIFY(error().contains(QStringLiteral("no \"packs\" listed")));
    QVERIFY(copyFile(kPolicyFile, dir.filePath(QStringLiteral("policy.md"))));
    QVERIFY(write(QStringLiteral("packs.json"),
                  "{\"packs\": [{\"version\": \"2026-01-01\", \"file\": \"policy.md\"}]}"));
    QCOMPARE(error(), dir.filePath(QStringLiteral("policy.md")) +
                          QStringLiteral(": the manifest gives version 2026-01-01, but the "
                                         "policy's \"Last update\" line says 2025-12-10"));
    QVERIFY(write(QStringLiteral("packs.json"),
                  "{\"packs\": [{\"version\": \"2025-12-10\", \"file\": \"policy.md\"},"
                  "{\"version\": \"2025-12-10\", \"file\": \"policy.md\"}]}"));
    QVERIFY2(error().contains(QStringLiteral("version 2025-12-10 is listed twice")),
             qPrintable(error()));
    QVERIFY(write(QStringLiteral("packs.json"),
                  "{\"packs\": [{\"version\": \"2025-12-10\", \"file\": \"missing.md\"}]}"));
    QVERIFY2(error().contains(QStringLiteral("missing.md: cannot read the policy")),
             qPrintable(error()));
    QVERIFY(write(QStringLiteral("empty.md"), ""));
    QVERIFY(write(QStringLiteral("packs.json"),
                  "{\"packs\": [{\"version\": \"2025-12-10\", \"file\": \"empty.md\"}]}"));
    QCOMPARE(error(), dir.filePath(QStringLiteral("empty.md")) +
                          QStringLiteral(": empty file, not a policy"));
}

QTEST_GUILESS_MAIN(TestPolicyPack)
#include "tst_policy_pack.moc"
