// Received-chain checks on whole messages (tests/data/checks/*.eml): one row per (message,
// trust settings, reference time), naming the findings that must appear and those that must
// not. Every received.* check has at least one row of each kind (coverage() proves it).

#include "analysis/check_registry.h"
#include "analysis/message_analysis.h"
#include "analysis/trust_settings.h"
#include "mail/mail_message.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Awb;

namespace {

// Expectations are "id", "id@hop" or "id@hop:severity" (present) and "id" or "id@hop"
// (absent); "*" in `absent` means "no other received.* finding than those in `present`".
struct Row
{
    const char *name;
    QString file;
    QStringList present;
    QStringList absent;
    QStringList ours = {QStringLiteral("203.0.113.0/24")};
    QStringList trusted = {QStringLiteral("198.51.100.25/32")};
    QString referenceTime; // ISO 8601; empty: the analysis's default (the top hop's date)
};

QList<Row> rows()
{
    const QString all = QStringLiteral("*");
    QList<Row> r;
    r.append({"clean, from our network", "clean-ours.eml", {"received.origin-ours@1:info"}, {all}});
    r.append({"clean, from outside",
              "clean-outside.eml",
              {},
              {all, "received.origin-ours", "received.claimed-ours"}});
    r.append(
        {"forged hand-off from our network",
         "forged-handoff.eml",
         {"received.origin-ours@1", "received.broken-handoff@2:high",
          "received.time-reversal@2:medium", "received.future-date@3:medium",
          "received.helo-not-fqdn@3:low"},
         {all, "received.future-date@2", "received.broken-handoff@3", "received.time-reversal@3"}});
    r.append({"forged section, reference a day later",
              "forged-handoff.eml",
              {"received.broken-handoff@2", "received.time-reversal@2"},
              {"received.future-date"},
              {QStringLiteral("203.0.113.0/24")},
              {QStringLiteral("198.51.100.25/32")},
              QStringLiteral("2026-11-03T09:14:23Z")});
    r.append(
        {"consistent sender stamps",
         "consistent-claims.eml",
         {},
         {all, "received.broken-handoff", "received.time-reversal", "received.private-ip-untrusted",
          "received.helo-not-fqdn", "received.repeated-ip", "received.origin-ours"}});
    r.append(
        {"private, reserved, undated, junk",
         "private-reserved-unparsed.eml",
         {"received.private-ip-untrusted@2:low", "received.reserved-ip@3:medium",
          "received.missing-date@2:low", "received.unparsed@4:medium", "received.broken-handoff@3"},
         {all, "received.helo-ip-mismatch", "received.private-ip-untrusted@1"}});
    r.append({"HELO literal, no rDNS",
              "helo-literal-no-rdns.eml",
              {"received.helo-ip-mismatch@1:medium", "received.no-rdns@1:low"},
              {all}});
    r.append({"Google HELO from a VPS, Gmail From",
              "provider-impersonation.eml",
              {"received.helo-claims-provider@1:high", "received.provider-path-missing@1:medium"},
              {all, "received.helo-rdns-mismatch"}});
    r.append({"genuine Gmail",
              "provider-genuine.eml",
              {"received.authenticated-submission@2:info"},
              {all, "received.helo-claims-provider", "received.provider-path-missing",
               "received.broken-handoff", "received.no-rdns"}});
    r.append({"dynamic pool, our address only claimed",
              "dynamic-pool-forged-ours.eml",
              {"received.dynamic-rdns@1:medium", "received.helo-rdns-mismatch@1:info",
               "received.claimed-ours@2:info", "received.private-ip-untrusted@3",
               "received.helo-not-fqdn@3:low", "received.authenticated-submission@3:info"},
              {all, "received.origin-ours", "received.broken-handoff"}});
    r.append({"chosen server name",
              "static-names.eml",
              {},
              {all, "received.dynamic-rdns", "received.no-rdns"}});
    r.append(
        {"address in hexadecimal in rDNS", "hex-rdns.eml", {"received.dynamic-rdns@1"}, {all}});
    r.append({"desktop on a cable line",
              "desktop-helo.eml",
              {"received.helo-not-fqdn@1:medium", "received.dynamic-rdns@1"},
              {all}});
    r.append(
        {"relay receives from itself", "repeated-ip.eml", {"received.repeated-ip@2:low"}, {all}});
    r.append({"Microsoft receiver records no rDNS",
              "microsoft-boundary.eml",
              {},
              {all, "received.no-rdns", "received.helo-claims-provider",
               "received.provider-path-missing"},
              {QStringLiteral("203.0.113.0/24")},
              {QStringLiteral("2001:db8:f00d::/48")}});
    r.append({"no Received header", "no-received.eml", {"received.chain-missing:low"}, {all}});
    r.append({"32 hops", "many-hops.eml", {"received.hop-count-excessive:low"}, {all}});
    return r;
}

struct Expectation
{
    QString id;
    int hop = -2; // -2: any hop
    QString severity;
};

Expectation parseExpectation(const QString &text)
{
    Expectation e;
    QString rest = text;
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        e.severity = rest.mid(colon + 1);
        rest.truncate(colon);
    }
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        e.hop = rest.mid(at + 1).toInt();
        rest.truncate(at);
    }
    e.id = rest;
    return e;
}

bool matches(const Finding &f, const Expectation &e)
{
    return f.check == e.id && (e.hop == -2 || f.hop == e.hop) &&
           (e.severity.isEmpty() || severityName(f.severity) == e.severity);
}

TrustSettings trustOf(const Row &row)
{
    TrustSettings trust;
    for (const QString &cidr : row.ours)
        trust.ours.add(*IpNetwork::parse(cidr));
    for (const QString &cidr : row.trusted)
        trust.trusted.add(*IpNetwork::parse(cidr));
    return trust;
}

QString describe(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << QStringLiteral("  %1@%2:%3  %4")
                     .arg(f.check)
                     .arg(f.hop)
                     .arg(severityName(f.severity), f.evidence);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Q_DECLARE_METATYPE(Row)

class TestReceivedChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogue();
    void messages_data();
    void messages();
    void coverage();
};

void TestReceivedChecks::catalogue()
{
    const QStringList required = {"received.unparsed",
                                  "received.broken-handoff",
                                  "received.time-reversal",
                                  "received.future-date",
                                  "received.missing-date",
                                  "received.private-ip-untrusted",
                                  "received.reserved-ip",
                                  "received.helo-ip-mismatch",
                                  "received.helo-claims-provider",
                                  "received.helo-not-fqdn",
                                  "received.no-rdns",
                                  "received.dynamic-rdns",
                                  "received.repeated-ip",
                                  "received.provider-path-missing",
                                  "received.origin-ours",
                                  "received.authenticated-submission"};
    const QSet<QString> clauses = {"3.1", "3.2", "3.3", "V"};
    QSet<QString> seen;
    for (const Check *check : allChecks()) {
        const CheckInfo info = check->info();
        if (!info.id.startsWith(QLatin1String("received.")))
            continue;
        QVERIFY2(!seen.contains(info.id), qPrintable(info.id));
        seen.insert(info.id);
        QVERIFY2(clauses.contains(info.clause),
                 qPrintable(info.id + QLatin1Char(' ') + info.clause));
        QVERIFY2(!info.title.isEmpty() && !info.description.isEmpty(), qPrintable(info.id));
        QCOMPARE(findCheck(info.id), check);
    }
    for (const QString &id : required)
        QVERIFY2(seen.contains(id), qPrintable(id));
}

void TestReceivedChecks::messages_data()
{
    QTest::addColumn<Row>("row");
    for (const Row &row : rows())
        QTest::newRow(row.name) << row;
}

void TestReceivedChecks::messages()
{
    QFETCH(Row, row);
    QFile file(QStringLiteral(AWB_TEST_DATA "/checks/") + row.file);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    auto message = MailMessage::parse(file.readAll());
    QVERIFY(message);
    const QDateTime reference = row.referenceTime.isEmpty()
                                    ? QDateTime()
                                    : QDateTime::fromString(row.referenceTime, Qt::ISODate);
    const MessageAnalysis analysis = analyzeMessage(*message, trustOf(row), reference);

    QList<Finding> received;
    for (const Finding &f : analysis.findings) {
        if (f.check.startsWith(QLatin1String("received.")))
            received.append(f);
    }
    const QString all = describe(received);

    QList<Expectation> present;
    for (const QString &text : row.present) {
        const Expectation e = parseExpectation(text);
        present.append(e);
        const bool found = std::any_of(received.cbegin(), received.cend(),
                                       [&](const Finding &f) { return matches(f, e); });
        QVERIFY2(found, qPrintable(QStringLiteral("missing %1; found:\n%2").arg(text, all)));
    }
    for (const QString &text : row.absent) {
        if (text == QLatin1String("*")) {
            for (const Finding &f : received) {
                const bool expected =
                    std::any_of(present.cbegin(), present.cend(),
                                [&](const Expectation &e) { return matches(f, e); });
                QVERIFY2(expected, qPrintable(QStringLiteral("unexpected %1@%2: %3")
                                                  .arg(f.check)
                                                  .arg(f.hop)
                                                  .arg(f.evidence)));
            }
            continue;
        }
        const Expectation e = parseExpectation(text);
        for (const Finding &f : received)
            QVERIFY2(!matches(f, e),
                     qPrintable(QStringLiteral("unexpected %1: %2").arg(text, f.evidence)));
    }

    // Evidence is for people: every finding says something and points at a hop that exists.
    for (const Finding &f : received) {
        QVERIFY(!f.evidence.isEmpty());
        QVERIFY(f.hop >= -1 && f.hop < analysis.chain.hops.size());
    }
}

// Every received.* check has a positive row (named in `present`) and a negative row (named in
// `absent`, or a row with "*" that does not list it as present).
void TestReceivedChecks::coverage()
{
    QSet<QString> positive;
    QSet<QString> negative;
    QSet<QString> ids;
    for (const Check *check : allChecks()) {
        if (check->info().id.startsWith(QLatin1String("received.")))
            ids.insert(check->info().id);
    }
    for (const Row &row : rows()) {
        QSet<QString> here;
        for (const QString &text : row.present)
            here.insert(parseExpectation(text).id);
        positive.unite(here);
        for (const QString &text : row.absent) {
            if (text == QLatin1String("*"))
                negative.unite(QSet<QString>(ids).subtract(here));
            else if (!text.contains(QLatin1Char('@')))
                negative.insert(text);
        }
    }
    for (const QString &id : ids) {
        QVERIFY2(positive.contains(id), qPrintable(QStringLiteral("no positive row: ") + id));
        QVERIFY2(negative.contains(id), qPrintable(QStringLiteral("no negative row: ") + id));
    }
}

QTEST_GUILESS_MAIN(TestReceivedChecks)
#include "tst_received_checks.moc"
