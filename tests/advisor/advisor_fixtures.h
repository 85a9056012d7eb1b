#pragma once

// Inputs of the enforcement advisor's tests, after the demo story (resources/demo/README.md):
// the check ids, severities and evidence that `awb analyze` reports for the demo messages.
#include "policy/enforcement_advisor.h"

#include <QTest>

namespace AdvisorTest {

using namespace Awb;

inline const QDateTime kNow(QDate(2026, 11, 12), QTime(10, 0), Qt::UTC);

inline AdvisorFinding finding(const char *check, const char *clause, Severity severity,
                              const char *evidence = "", const char *messageId = "")
{
    AdvisorFinding f;
    f.check = QLatin1String(check);
    f.clause = QLatin1String(clause);
    f.severity = severity;
    f.title = QStringLiteral("title of ") + f.check;
    f.evidence = QString::fromUtf8(evidence);
    f.reportMessageId = QLatin1String(messageId);
    f.reportSha256 =
        QStringLiteral("0362b7afbe0941c5aa11bb22cc33dd44ee55ff6600112233445566778899aabb");
    return f;
}

inline AdvisorListing listing(qint64 id, const char *list, const char *zone, const char *address,
                              const char *verdict, const QDateTime &at,
                              const char *source = "dnsbl")
{
    AdvisorListing l;
    l.id = id;
    l.listName = QLatin1String(list);
    l.zone = QLatin1String(zone);
    l.addressOrRange = QLatin1String(address);
    l.verdict = QLatin1String(verdict);
    l.checkedAt = at;
    l.source = QLatin1String(source);
    return l;
}

inline PriorOffence prior(const char *kind, const char *reference, QDate date, bool counted)
{
    return {QDateTime(date, QTime(0, 0), Qt::UTC), QLatin1String(kind), QLatin1String(reference),
            counted};
}

inline MissedDeadline missed(const char *kind, const QDateTime &due)
{
    return {QLatin1String(kind), due,
            QStringLiteral("No answer to notice IXCM-ABUSE-2026-000002 by %1")
                .arg(due.toString(Qt::ISODate))};
}

// An attributed complaint with one report and nothing against it yet.
inline AdvisorInput base(const char *account = "IXC-10042")
{
    AdvisorInput in;
    in.caseId = QStringLiteral("IXCM-ABUSE-2026-000001");
    in.accountId = QLatin1String(account);
    in.caseKind = QStringLiteral("complaint");
    in.now = kNow;
    in.reportCount = 1;
    in.distinctReporters = 1;
    in.windowStart = kNow.addMonths(-12);
    in.lookBackMonths = 12;
    return in;
}

// Northwind Mailers (IXC-10042): the "refund approved" campaign of 2-5 November 2026, five
// reports from five reporters, after the warning LEGACY-2026-0311 of 2026-05-14.
inline AdvisorInput northwind()
{
    AdvisorInput in = base();
    in.reportCount = 5;
    in.distinctReporters = 5;
    const char *fbl = "fbl.20261102092005.8c41d7@fbl.example.net";
    const char *spamcop = "7012345678@msgid.spamcop.example";
    const char *jmrp = "JMRP-20261105151040-8f2c1e4a9b@hotmail.example";
    in.findings = {
        finding("from.display-name-spoof", "3.2", Severity::High,
                "\"From: \"support@bigbank.example\" <deals@northwind-deals.example>\"", fbl),
        finding("received.broken-handoff", "3.2", Severity::High,
                "Hop 2 claims to have been written by relay7.bigbank.example", fbl),
        finding("received.helo-not-fqdn", "3.3", Severity::Low,
                "the sender said HELO \"WIN-7Q2LK0B3\"", fbl),
        finding("received.origin-ours", "3.1", Severity::Info,
                "Hop 1 was written by mx.example.net", fbl),
        finding("standards.no-unsubscribe", "4.2", Severity::Medium,
                "The message has no List-Unsubscribe header", fbl),
        finding("subject.deceptive", "3.2", Severity::Medium,
                "\"Subject: RE: Your order #48213 - refund approved\"", fbl),
        finding("subject.fake-reply", "3.2", Severity::Medium,
                "\"Subject: RE: Your order #48502 - refund approved\"", spamcop),
        finding("received.authenticated-submission", "3.3", Severity::Info,
                "mta3.northwind-deals.example accepted the message after SMTP AUTH", spamcop),
        finding("message-id.domain-mismatch", "4.2", Severity::Low,
                "\"Message-ID: <20261105140208.48790.3301@blaster-07.cheapsend.test>\"", jmrp),
    };
    in.priorOffences = {prior("warning", "LEGACY-2026-0311", QDate(2026, 5, 14), true)};
    return in;
}

// Harbour Street Bakery (IXC-10077): the phishing of 9-10 November and the Spamhaus SBL listing
// of 203.0.113.40, with the PBL listing of its neighbour that must not count.
inline AdvisorInput bakery()
{
    AdvisorInput in = base("IXC-10077");
    in.caseId = QStringLiteral("IXCM-ABUSE-2026-000002");
    in.reportCount = 2;
    in.distinctReporters = 2;
    const char *forward = "LO2P265MB0412A7C3E1F0B9D2@EXCH-02.ad.lakeside.example.org";
    in.findings = {
        finding("auth.dmarc-fail", "3.2", Severity::High, "dmarc=fail (p=none dis=none)", forward),
        finding("content.link-text-mismatch", "3.2", Severity::High,
                "The link text \"https://mail.lakeside.example.org/owa/verify\"", forward),
        finding("reply-to.divergent", "4.2", Severity::Low,
                "\"Reply-To: helpdesk.verify@webmail-box.example\"", forward),
        finding("report.blacklisting", "3.3", Severity::High, "SBL000123 lists 203.0.113.40",
                "SBL000123.1794293462.notify@spamhaus.example"),
    };
    AdvisorListing sbl = listing(17, "Spamhaus SBL", "sbl.spamhaus.org", "203.0.113.40", "listed",
                                 QDateTime(QDate(2026, 11, 10), QTime(3, 12), Qt::UTC), "report");
    sbl.evidenceId = 7;
    in.listings = {sbl,
                   listing(18, "Spamhaus ZEN", "zen.spamhaus.org", "203.0.113.41", "policy-listed",
                           QDateTime(QDate(2026, 11, 11), QTime(8, 0), Qt::UTC))};
    return in;
}

// Findings that engage 3.1, 4.2 and 4.3: one point each with the default weights.
inline QList<AdvisorFinding> onePointFindings(int points)
{
    const QList<AdvisorFinding> all = {
        finding("relay.unauthenticated-through-ours", "3.1", Severity::High),
        finding("standards.no-postal-address", "4.2", Severity::Medium),
        finding("bounce.rate-exceeded", "4.3", Severity::Medium),
    };
    return all.mid(0, points);
}

inline const AdvisorFactor *factor(const Recommendation &r, const QString &id)
{
    for (const AdvisorFactor &f : r.factors) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

// What every proposal must satisfy: the score is the sum of the counted points, and a factor
// that is not counted adds none.
inline void checkScoreAddsUp(const Recommendation &r)
{
    int sum = 0;
    for (const AdvisorFactor &f : r.factors) {
        if (!f.counted)
            QCOMPARE(f.weight, 0);
        sum += f.counted ? f.weight : 0;
    }
    QCOMPARE(r.score, sum);
}

// The rule tests use the lowest minimum severity, so that every finding of a fixture engages its
// clause; the default (medium) is tested on its own in minimumSeverityIsASetting().
inline AdvisorSettings lowMinimum()
{
    AdvisorSettings s;
    s.minimumSeverity = Severity::Low;
    return s;
}

inline Recommendation advise(const AdvisorInput &in, const AdvisorSettings &s = lowMinimum())
{
    const Recommendation r = adviseEnforcement(in, s);
    checkScoreAddsUp(r);
    return r;
}

} // namespace AdvisorTest
