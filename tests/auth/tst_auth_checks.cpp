// The authentication checks on whole messages: test messages (tests/data/auth/), messages
// signed at run time with a key made by the test, and the demo reports' originals. Each row
// names the findings that must appear ("id" or "id:severity") and those that must not; "*" in
// `absent` means "no other auth.* or dkim.* finding". Every check has a row of each kind
// (coverage() proves it).

#include "dkim_test_signer.h"

#include "analysis/auth/auth_checks.h"
#include "analysis/auth/dkim_key.h"
#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Awb;

namespace {

enum class Signing { None, Valid, HeaderAltered };
enum class Keys { None, Demo };

struct Row
{
    const char *name;
    QString source; // a file in tests/data/auth, or "demo:<report>[#<embedded type>]"
    QStringList present;
    QStringList absent;
    QStringList authservIds = {};
    Signing signing = Signing::None;
    Keys keys = Keys::None;
};

QList<Row> rows()
{
    const QString all = QStringLiteral("*");
    QList<Row> r;
    r.append({"trusted receiver, all pass, valid ARC set",
              "trusted-pass.eml",
              {},
              {all, "auth.untrusted-results", "auth.spf-fail", "auth.dmarc-fail",
               "auth.arc-invalid", "dkim.unaligned"}});
    r.append({"trusted receiver records failures",
              "trusted-fail.eml",
              {"auth.spf-fail:medium", "auth.dkim-fail:medium", "auth.dmarc-fail:high",
               "auth.arc-invalid:low"},
              {all, "auth.untrusted-results", "auth.spf-softfail"}});
    r.append({"trusted receiver, but its id is not listed",
              "trusted-fail.eml",
              {"auth.untrusted-results:low"},
              {all, "auth.spf-fail", "auth.dkim-fail", "auth.dmarc-fail"},
              {QStringLiteral("mx.other.example")}});
    r.append({"listed id",
              "trusted-fail.eml",
              {"auth.spf-fail", "auth.dmarc-fail"},
              {"auth.untrusted-results"},
              {QStringLiteral("MX.example.net")}});
    r.append({"receiver stamps below its own Received",
              "receiver-below-own-stamp.eml",
              {"auth.spf-softfail:low"},
              {all, "auth.untrusted-results", "auth.spf-fail"}});
    r.append({"forged results in the receiver's name",
              "forged-results.eml",
              {"auth.untrusted-results:high", "auth.untrusted-results:low"},
              {all, "auth.spf-fail", "auth.dmarc-fail", "auth.dkim-fail"}});
    r.append({"ARC instance 1 missing", "arc-broken.eml", {"auth.arc-invalid:low"}, {all}});
    r.append({"DKIM-Signature without bh= and h=",
              "dkim-malformed.eml",
              {"dkim.signature-malformed:low"},
              {all, "dkim.body-hash-mismatch", "dkim.unaligned"}});
    r.append({"body changed after signing",
              "dkim-body-changed.eml",
              {"dkim.body-hash-mismatch:info"},
              {all, "dkim.unaligned", "dkim.signature-malformed", "dkim.body-not-included"}});
    r.append({"signed by an ESP, not the From domain",
              "dkim-unaligned.eml",
              {"dkim.unaligned:low"},
              {all, "dkim.body-hash-mismatch"}});
    r.append({"headers only",
              "dkim-headers-only.eml",
              {"dkim.body-not-included:info"},
              {all, "dkim.body-hash-mismatch"}});
    r.append({"signed now, verified with the test key",
              "signed-template.eml",
              {"dkim.signature-valid-info:info"},
              {all, "dkim.signature-invalid", "dkim.unaligned"},
              {},
              Signing::Valid});
    r.append({"signed now, Subject altered",
              "signed-template.eml",
              {"dkim.signature-invalid:medium"},
              {all, "dkim.signature-valid-info"},
              {},
              Signing::HeaderAltered});
    r.append({"demo 01 original: forged results below the boundary",
              "demo:01-arf-fbl-northwind.eml#message/rfc822",
              {"auth.untrusted-results:high"},
              {all, "auth.dmarc-fail", "auth.spf-fail"}});
    r.append({"demo 04 original: redacted body",
              "demo:04-xarf-northwind.eml#message/rfc822",
              {"dkim.body-hash-mismatch:info"},
              {all, "dkim.signature-invalid", "dkim.signature-valid-info"},
              {},
              Signing::None,
              Keys::Demo});
    r.append({"demo 06 original: DMARC fail at the trusted gateway",
              "demo:06-forward-harbour-phish.eml#message/rfc822",
              {"auth.dmarc-fail:high"},
              {all, "auth.untrusted-results"}});
    r.append({"demo 08 original: clean newsletter",
              "demo:08-arf-lumen-newsletter.eml#message/rfc822",
              {"dkim.signature-valid-info"},
              {all},
              {},
              Signing::None,
              Keys::Demo});
    r.append({"demo 09 original: headers only",
              "demo:09-arf-optout-lumen.eml#text/rfc822-headers",
              {"dkim.body-not-included"},
              {all, "dkim.body-hash-mismatch"},
              {},
              Signing::None,
              Keys::Demo});
    r.append({"demo 10: softfail at the receiver",
              "demo:10-spam-non-customer.eml",
              {"auth.spf-softfail:low"},
              {all}});
    return r;
}

struct Expectation
{
    QString id;
    QString severity;
};

Expectation parseExpectation(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    return colon < 0 ? Expectation{text, {}} : Expectation{text.left(colon), text.mid(colon + 1)};
}

bool matches(const Finding &f, const Expectation &e)
{
    return f.check == e.id && (e.severity.isEmpty() || severityName(f.severity) == e.severity);
}

bool isOurs(const QString &id)
{
    return id.startsWith(QLatin1String("auth.")) || id.startsWith(QLatin1String("dkim."));
}

QByteArray load(const Row &row)
{
    QString source = row.source;
    if (!source.startsWith(QLatin1String("demo:"))) {
        QFile file(QStringLiteral(AWB_TEST_DATA "/auth/") + source);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    source = source.mid(5);
    const QString part = source.section(QLatin1Char('#'), 1);
    QFile file(QStringLiteral(AWB_SOURCE_DIR "/resources/demo/reports/") +
               source.section(QLatin1Char('#'), 0, 0));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return part.isEmpty() ? bytes : AwbTest::embeddedMessage(bytes, part.toLatin1());
}

// The demo's analysis settings (resources/demo/README.md).
TrustSettings demoTrust(const QStringList &authservIds)
{
    TrustSettings trust = TrustSettings::fromText(
        {QStringLiteral("198.51.100.25/32"), QStringLiteral("198.51.100.97/32"),
         QStringLiteral("198.51.100.60/32"), QStringLiteral("2001:db8:f00d::/48")},
        {QStringLiteral("203.0.113.0/24"), QStringLiteral("2001:db8:1c::/48")});
    trust.trustedAuthservIds = authservIds;
    return trust;
}

// Resets the program's key provider when a row is done, whatever happens in it.
struct KeyProviderScope
{
    explicit KeyProviderScope(std::shared_ptr<const DkimKeyProvider> provider)
    {
        setDkimKeyProvider(std::move(provider));
    }
    ~KeyProviderScope() { setDkimKeyProvider(nullptr); }
};

} // namespace

Q_DECLARE_METATYPE(Row)

class TestAuthChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogue();
    void messages_data();
    void messages();
    void coverage();

private:
    QList<const Check *> m_checks;
};

void TestAuthChecks::catalogue()
{
    appendAuthChecks(m_checks);
    const QStringList required = {"auth.untrusted-results", "auth.spf-fail",
                                  "auth.spf-softfail",      "auth.dkim-fail",
                                  "auth.dmarc-fail",        "auth.arc-invalid",
                                  "dkim.unaligned",         "dkim.body-hash-mismatch",
                                  "dkim.signature-invalid", "dkim.signature-valid-info"};
    QSet<QString> seen;
    for (const Check *check : std::as_const(m_checks)) {
        const CheckInfo info = check->info();
        QVERIFY2(isOurs(info.id), qPrintable(info.id));
        QVERIFY2(!seen.contains(info.id), qPrintable(info.id));
        seen.insert(info.id);
        QCOMPARE(info.clause, QStringLiteral("3.2"));
        QVERIFY2(!info.title.isEmpty() && !info.description.isEmpty(), qPrintable(info.id));
    }
    for (const QString &id : required)
        QVERIFY2(seen.contains(id), qPrintable(id));
}

void TestAuthChecks::messages_data()
{
    QTest::addColumn<Row>("row");
    for (const Row &row : rows())
        QTest::newRow(row.name) << row;
}

void TestAuthChecks::messages()
{
    QFETCH(Row, row);
    if (m_checks.isEmpty())
        appendAuthChecks(m_checks);
    QByteArray bytes = load(row);
    QVERIFY2(!bytes.isEmpty(), qPrintable(row.source));

    std::shared_ptr<const DkimKeyProvider> keys;
    if (row.signing != Signing::None) {
        const AwbTest::DkimTestKey key(AwbTest::DkimTestKey::Type::Rsa2048);
        bytes = AwbTest::signMessage(bytes, key);
        QVERIFY(!bytes.isEmpty());
        if (row.signing == Signing::HeaderAltered)
            bytes.replace("Subject: Your receipt", "Subject: Your refund is ready");
        keys = std::make_shared<ZoneFileDkimKeyProvider>(ZoneFileDkimKeyProvider::fromText(
            key.zoneRecord(QStringLiteral("s2026"), QStringLiteral("shop.example")),
            QStringLiteral("test.zone")));
    } else if (row.keys == Keys::Demo) {
        auto demo = ZoneFileDkimKeyProvider::load(
            QStringLiteral(AWB_SOURCE_DIR "/resources/demo/dkim/demo-dkim-keys.zone"));
        QVERIFY(demo);
        keys = std::make_shared<ZoneFileDkimKeyProvider>(std::move(*demo));
    }
    const KeyProviderScope scope(keys);

    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const MessageAnalysis analysis =
        analyzeMessage(*message, demoTrust(row.authservIds), QDateTime(), m_checks);

    QList<Finding> found;
    QStringList lines;
    for (const Finding &f : analysis.findings) {
        if (!isOurs(f.check))
            continue;
        found.append(f);
        lines << QStringLiteral("  %1:%2  %3").arg(f.check, severityName(f.severity), f.evidence);
        // Evidence is for people, and points at the field it quotes.
        QVERIFY(!f.evidence.isEmpty());
        QVERIFY2(f.location.isValid(), qPrintable(f.check));
        const QByteArray at = bytes.mid(f.location.offset, f.location.length);
        QVERIFY2(
            f.evidence.contains(QString::fromLatin1(at.left(at.indexOf(':'))), Qt::CaseInsensitive),
            qPrintable(f.check + QStringLiteral(" does not quote ") + QString::fromLatin1(at)));
    }
    const QString described = lines.join(QLatin1Char('\n'));

    QList<Expectation> present;
    for (const QString &text : row.present) {
        const Expectation e = parseExpectation(text);
        present.append(e);
        QVERIFY2(std::any_of(found.cbegin(), found.cend(),
                             [&](const Finding &f) { return matches(f, e); }),
                 qPrintable(QStringLiteral("missing %1; found:\n%2").arg(text, described)));
    }
    for (const QString &text : row.absent) {
        if (text == QLatin1String("*")) {
            for (const Finding &f : std::as_const(found))
                QVERIFY2(std::any_of(present.cbegin(), present.cend(),
                                     [&](const Expectation &e) { return matches(f, e); }),
                         qPrintable(QStringLiteral("unexpected %1: %2").arg(f.check, f.evidence)));
            continue;
        }
        const Expectation e = parseExpectation(text);
        for (const Finding &f : std::as_const(found))
            QVERIFY2(!matches(f, e),
                     qPrintable(QStringLiteral("unexpected %1: %2").arg(text, f.evidence)));
    }
}

void TestAuthChecks::coverage()
{
    QSet<QString> ids;
    for (const Check *check : std::as_const(m_checks))
        ids.insert(check->info().id);
    QSet<QString> positive;
    QSet<QString> negative;
    for (const Row &row : rows()) {
        QSet<QString> here;
        for (const QString &text : row.present)
            here.insert(parseExpectation(text).id);
        positive.unite(here);
        for (const QString &text : row.absent) {
            if (text == QLatin1String("*"))
                negative.unite(QSet<QString>(ids).subtract(here));
            else
                negative.insert(parseExpectation(text).id);
        }
    }
    for (const QString &id : std::as_const(ids)) {
        QVERIFY2(positive.contains(id), qPrintable(QStringLiteral("no positive row: ") + id));
        QVERIFY2(negative.contains(id), qPrintable(QStringLiteral("no negative row: ") + id));
    }
}

QTEST_GUILESS_MAIN(TestAuthChecks)
#include "tst_auth_checks.moc"
