// The content checks on whole messages (tests/data/content_checks/*.eml): one row per message,
// naming the findings that must appear ("id" or "id:severity"), those that must not, and for
// some the text that the finding's location must cover in the message's bytes. Every check of
// the group has a positive and a negative row (coverage() proves it).

#include "content_test_support.h"

#include <QSet>
#include <QTest>

using namespace Awb;
using namespace ContentTest;

namespace {

struct Row
{
    const char *name;
    QString file;
    QStringList present;
    QStringList absent;  // "*": no other content finding than those in `present`
    QStringList located; // "id=text": the bytes at the finding's location contain the text
};

QList<Row> rows()
{
    const QString all = QStringLiteral("*");
    QList<Row> r;
    r.append({"compliant newsletter", "newsletter-compliant.eml", {}, {all}});
    r.append({"https unsubscribe without one-click",
              "newsletter-no-one-click.eml",
              {"standards.no-one-click:low"},
              {all, "standards.no-unsubscribe", "standards.no-postal-address"},
              {"standards.no-one-click=List-Unsubscribe: <https://gardenclub.example"}});
    r.append({"promotion without unsubscribe or address",
              "promo-no-unsubscribe.eml",
              {"standards.no-unsubscribe:medium", "standards.no-postal-address:medium"},
              {all, "standards.no-one-click", "standards.sender-inaccurate"},
              {"standards.no-unsubscribe=Black Friday early access"}});
    r.append({"promotion with a reply instruction and P.O. Box",
              "promo-text-instruction.eml",
              {},
              {all, "standards.no-unsubscribe", "standards.no-postal-address"}});
    r.append({"freemail From on mail from our network",
              "sender-freemail-ours.eml",
              {"standards.sender-inaccurate:medium"},
              {all},
              {"standards.sender-inaccurate=superdeals2026@gmail.com"}});
    r.append({"another address in the display name",
              "sender-display-name.eml",
              {"standards.sender-inaccurate:medium"},
              {all, "standards.sender-inaccurate:low"},
              {"standards.sender-inaccurate=From: \"support@bank.example\""}});
    r.append({"From domain tied to nothing",
              "sender-untied.eml",
              {"standards.sender-inaccurate:low"},
              {all, "standards.sender-inaccurate:medium"},
              {"standards.sender-inaccurate=From: Brand News"}});
    r.append(
        {"phishing links",
         "links-deceptive.eml",
         {"content.link-text-mismatch:high", "content.ip-url:medium", "content.url-shortener:low"},
         {all, "standards.no-unsubscribe", "standards.no-postal-address"},
         {"content.link-text-mismatch=https://secure-login.phish.example/bank/",
          "content.url-shortener=https://bit.ly/3xYzAbC",
          "content.ip-url=http://198.51.100.9/verify"}});
    r.append({"click tracking through an ESP",
              "links-tracked.eml",
              {"content.link-text-mismatch:low"},
              {all, "content.link-text-mismatch:high", "content.url-shortener"},
              {"content.link-text-mismatch=https://u123.ct.sendgrid.net/ls/click?upn=7f3a"}});
    r.append({"open relay on our server",
              "relay-open.eml",
              {"relay.unauthenticated-through-ours:high"},
              {all},
              {"relay.unauthenticated-through-ours=from dsl-192-0-2-99.isp.example"}});
    r.append({"authenticated submission through our server",
              "relay-authenticated.eml",
              {},
              {all, "relay.unauthenticated-through-ours"}});
    r.append({"inbound mail for a domain of ours, forwarded",
              "relay-inbound-forward.eml",
              {},
              {all, "relay.unauthenticated-through-ours"}});
    r.append({"Outlook claimed, neither format",
              "mua-forged-outlook.eml",
              {"mailer.forged-mua:medium"},
              {all},
              {"mailer.forged-mua=Message-ID: <8c2f0a91e4b7.20261112@bulk-sender.example>"}});
    r.append({"Apple Mail claimed, lower-case UUID",
              "mua-forged-apple.eml",
              {"mailer.forged-mua"},
              {all},
              {"mailer.forged-mua=Message-ID: <c0ffee00"}});
    r.append({"genuine Outlook", "mua-genuine-outlook.eml", {}, {all, "mailer.forged-mua"}});
    r.append(
        {"genuine Thunderbird", "mua-genuine-thunderbird.eml", {}, {all, "mailer.forged-mua"}});
    r.append({"Message-ID rewritten by Outlook.com",
              "mua-rewritten-id.eml",
              {},
              {all, "mailer.forged-mua"}});
    return r;
}

TrustSettings rowTrust()
{
    return trust({QStringLiteral("203.0.113.0/24")}, {QStringLiteral("198.51.100.25/32")});
}

} // namespace

Q_DECLARE_METATYPE(Row)

class TestContentChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogue();
    void messages_data();
    void messages();
    void coverage();
    void forgedMuaReportsEachFormat();
};

void TestContentChecks::catalogue()
{
    const QHash<QString, QString> required = {{"standards.no-unsubscribe", "4.2"},
                                              {"standards.no-one-click", "4.2"},
                                              {"standards.no-postal-address", "4.2"},
                                              {"standards.sender-inaccurate", "4.2"},
                                              {"content.link-text-mismatch", "3.2"},
                                              {"content.ip-url", "3.2"},
                                              {"content.url-shortener", "3.2"},
                                              {"relay.unauthenticated-through-ours", "3.1"},
                                              {"mailer.forged-mua", "3.2"}};
    QSet<QString> seen;
    for (const Check *check : contentChecks()) {
        const CheckInfo info = check->info();
        QVERIFY2(!seen.contains(info.id), qPrintable(info.id));
        seen.insert(info.id);
        QVERIFY2(required.contains(info.id), qPrintable(info.id));
        QCOMPARE(info.clause, required.value(info.id));
        QVERIFY(!info.title.isEmpty() && !info.description.isEmpty());
    }
    QCOMPARE(seen.size(), required.size());
}

void TestContentChecks::messages_data()
{
    QTest::addColumn<Row>("row");
    for (const Row &row : rows())
        QTest::newRow(row.name) << row;
}

void TestContentChecks::messages()
{
    QFETCH(Row, row);
    const QByteArray bytes = readFile(QStringLiteral(AWB_TEST_DATA "/content_checks/") + row.file);
    QVERIFY2(!bytes.isEmpty(), qPrintable(row.file));
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const QList<Finding> findings = run(*message, rowTrust());
    const QString all = describe(findings);

    for (const QString &e : row.present) {
        const bool found = std::any_of(findings.cbegin(), findings.cend(),
                                       [&](const Finding &f) { return matches(f, e); });
        QVERIFY2(found, qPrintable(QStringLiteral("missing %1; found:\n%2").arg(e, all)));
    }
    for (const QString &e : row.absent) {
        for (const Finding &f : findings) {
            if (e == QLatin1String("*")) {
                const bool expected = std::any_of(row.present.cbegin(), row.present.cend(),
                                                  [&](const QString &p) { return matches(f, p); });
                QVERIFY2(expected,
                         qPrintable(QStringLiteral("unexpected %1: %2").arg(f.check, f.evidence)));
            } else {
                QVERIFY2(!matches(f, e),
                         qPrintable(QStringLiteral("unexpected %1: %2").arg(e, f.evidence)));
            }
        }
    }
    for (const QString &l : row.located) {
        const QString id = l.section(QLatin1Char('='), 0, 0);
        const QByteArray text = l.section(QLatin1Char('='), 1).toUtf8();
        bool located = false;
        for (const Finding &f : findings) {
            if (f.check == id && f.location.isValid() &&
                bytes.mid(f.location.offset, f.location.length).contains(text))
                located = true;
        }
        QVERIFY2(located, qPrintable(QStringLiteral("%1 not located at \"%2\"; found:\n%3")
                                         .arg(id, QString::fromUtf8(text), all)));
    }
    // Evidence is for people: it says something, and every location lies inside the message.
    for (const Finding &f : findings) {
        QVERIFY(!f.evidence.isEmpty());
        QVERIFY2(f.location.isValid(), qPrintable(f.check));
        QVERIFY(f.location.offset + f.location.length <= bytes.size());
    }
}

void TestContentChecks::coverage()
{
    QSet<QString> ids;
    for (const Check *check : contentChecks())
        ids.insert(check->info().id);
    QSet<QString> positive, negative;
    for (const Row &row : rows()) {
        QSet<QString> here;
        for (const QString &e : row.present)
            here.insert(e.section(QLatin1Char(':'), 0, 0));
        positive.unite(here);
        for (const QString &e : row.absent) {
            if (e == QLatin1String("*"))
                negative.unite(QSet<QString>(ids).subtract(here));
            else if (!e.contains(QLatin1Char(':')))
                negative.insert(e);
        }
    }
    for (const QString &id : ids) {
        QVERIFY2(positive.contains(id), qPrintable(QStringLiteral("no positive row: ") + id));
        QVERIFY2(negative.contains(id), qPrintable(QStringLiteral("no negative row: ") + id));
    }
}

// A forged client header gives one finding per contradicted format: the Outlook message has
// both a foreign Message-ID and a foreign boundary.
void TestContentChecks::forgedMuaReportsEachFormat()
{
    const QByteArray bytes =
        readFile(QStringLiteral(AWB_TEST_DATA "/content_checks/mua-forged-outlook.eml"));
    auto message = MailMessage::parse(bytes);
    QVERIFY(message);
    const QList<Finding> findings = run(*message, rowTrust());
    const auto count = std::count_if(findings.cbegin(), findings.cend(), [](const Finding &f) {
        return f.check == QLatin1String("mailer.forged-mua");
    });
    QCOMPARE(count, 2);
}

QTEST_GUILESS_MAIN(TestContentChecks)
#include "tst_content_checks.moc"
