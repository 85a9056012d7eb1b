#include "notice_fixtures.h"

using namespace Awb;

namespace AwbTest {

namespace {

QDateTime hkt(int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::OffsetFromUTC, 8 * 3600);
}

NoticeData common(const QString &type, const QString &caseId, const QDateTime &now)
{
    NoticeData d;
    d.type = type;
    d.caseId = caseId;
    d.now = now;
    d.policyVersionLabel = QStringLiteral("10 December 2025");
    d.policyVersion = QStringLiteral("2025-12-10");
    d.governingLaw = QStringLiteral("Hong Kong Special Administrative Region");
    d.redactionKey = QByteArrayLiteral("awb-test-redaction-key-2026");
    return d;
}

QString howToRespond(const QString &caseId)
{
    return QStringLiteral(
               "Reply to this message and keep [%1] in the subject. To dispute this notice, "
               "reply within 14 days with the facts you rely on, for example your consent "
               "records with timestamps, method and source (policy section 4.1); a member of "
               "the desk who did not take this decision will review it and answer within 5 "
               "business days.")
        .arg(caseId);
}

void northwindEvidence(NoticeData &d)
{
    d.accountId = QStringLiteral("IXC-10042");
    d.customerName = QStringLiteral("Northwind Mailers Ltd");
    d.recipientName = QStringLiteral("Northwind Mailers Ltd, operations");
    d.recipientAddress = QStringLiteral("ops@northwind-deals.example");
    d.clauses = {policyClause(QStringLiteral("3.1")), policyClause(QStringLiteral("3.2")),
                 policyClause(QStringLiteral("4.2"))};
    d.originSummary = QStringLiteral(
        "On Mon 2 Nov 2026 17:14 HKT (09:14 UTC) the host mx.northwind-deals.example "
        "[203.0.113.12] handed the reported message to mx.example.net, the recipient's mail "
        "server; that server's stamp is the first one the sender could not have written. "
        "203.0.113.12 lies in 203.0.113.8/29, assigned to account IXC-10042 since "
        "1 March 2025. Four more reports of the same campaign show 203.0.113.12, "
        "203.0.113.13 and 203.0.113.14 between 2 and 5 November 2026.");
    d.findings = {
        {QStringLiteral("received.broken-handoff"), QStringLiteral("high"), QStringLiteral("3.2"),
         QStringLiteral("Received chain does not connect"),
         QStringLiteral("Hop 2 claims to have been written by relay7.bigbank.example (receiving "
                        "from mail.bigbank.example [192.0.2.200]), but hop 1, written by "
                        "mx.example.net, recorded the connection from mx.northwind-deals.example "
                        "[203.0.113.12].")},
        {QStringLiteral("received.time-reversal"), QStringLiteral("medium"), QStringLiteral("3.2"),
         QStringLiteral("Received times run backwards"),
         QStringLiteral("Hop 2 is dated 2026-11-02 09:31:07 UTC (written as \"Mon, 2 Nov 2026 "
                        "11:31:07 +0200\"), which is 16 min 45 s later than hop 1 "
                        "(mx.example.net), the server that received the message after it, which "
                        "stamped it for <pat.reader@example.net>.")},
        {QStringLiteral("auth.untrusted-results"), QStringLiteral("high"), QStringLiteral("3.2"),
         QStringLiteral("Authentication results not written by a trusted receiver"),
         QStringLiteral("authserv-id mx.example.net stands below the Received field of hop 1 "
                        "(the trust boundary): it claims spf=pass, dkim=pass, dmarc=pass for "
                        "bigbank.example, a header forged to make the message look verified.")},
        {QStringLiteral("from.display-name-spoof"), QStringLiteral("high"), QStringLiteral("3.2"),
         QStringLiteral("Display name impersonates another sender"),
         QStringLiteral("\"From: \"support@bigbank.example\" <deals@northwind-deals.example>\": "
                        "the display name shows the address support@bigbank.example, but the "
                        "message is from deals@northwind-deals.example.")},
        {QStringLiteral("subject.deceptive"), QStringLiteral("medium"), QStringLiteral("3.2"),
         QStringLiteral("Subject bait not borne out by the body"),
         QStringLiteral("\"Subject: RE: Your order #48213 - refund approved\" announces a "
                        "transaction (\"order\", \"refund\"), but the body lacks an amount with a "
                        "currency; it asks the reader: \"release the funds\", \"confirm your "
                        "details\", \"voucher\", \"offer ends\".")},
        {QStringLiteral("standards.no-unsubscribe"), QStringLiteral("medium"),
         QStringLiteral("4.2"), QStringLiteral("Bulk mail without an unsubscribe mechanism"),
         QStringLiteral("The message has no List-Unsubscribe header, and its body has no "
                        "unsubscribe link or instruction. The recipient was reached through "
                        "https://deals.northwind-deals.example/r/48213?c=bf26&rcpt=pat.reader%"
                        "40example.net.")},
    };
    d.headerExcerpt = embeddedOriginalHeaders(QStringLiteral("01-arf-fbl-northwind.eml"));
    d.evidence = {
        {hkt(2026, 11, 2, 17, 20, 9),
         QStringLiteral("Feedback-loop complaint (ARF) about mail "
                        "from 203.0.113.12"),
         QStringLiteral("R-000101"), demoReportSha256(QStringLiteral("01-arf-fbl-northwind.eml"))},
        {hkt(2026, 11, 2, 23, 5, 36),
         QStringLiteral("Feedback-loop complaint (ARF) about mail "
                        "from 203.0.113.12"),
         QStringLiteral("R-000102"),
         demoReportSha256(QStringLiteral("02-arf-quirks-northwind.eml"))},
        {hkt(2026, 11, 3, 10, 12, 24),
         QStringLiteral("SpamCop report about mail from 203.0.113.12"), QStringLiteral("R-000103"),
         demoReportSha256(QStringLiteral("03-spamcop-northwind.eml"))},
        {hkt(2026, 11, 4, 16, 30, 9),
         QStringLiteral("Spamtrap report (X-ARF) about mail from 203.0.113.14"),
         QStringLiteral("R-000104"), demoReportSha256(QStringLiteral("04-xarf-northwind.eml"))},
        {hkt(2026, 11, 5, 23, 10, 44),
         QStringLiteral("Complaint by staff@hotmail.example about mail from 203.0.113.13"),
         QStringLiteral("R-000105"), demoReportSha256(QStringLiteral("05-jmrp-northwind.eml"))},
    };
    d.reporterIdentities = {
        QStringLiteral("Example.net Feedback Loop"),
        QStringLiteral("fbl-noreply@fbl.example.net"),
        QStringLiteral("pat.reader@example.net"),
        QStringLiteral("staff@hotmail.example"),
        QStringLiteral("lee.mailbox@hotmail.example"),
        QStringLiteral("192.0.2.77"),
    };
    d.howToRespond = howToRespond(d.caseId);
}

NoticeData northwind(const QString &type)
{
    NoticeData d = common(type, QStringLiteral("IXCM-ABUSE-2026-000123"), hkt(2026, 11, 6, 10, 30));
    northwindEvidence(d);
    d.requiredAction = QStringLiteral(
        "Stop the \"Your order - refund approved\" campaign at once. Remove from your lists "
        "every address for which you hold no record of explicit opt-in consent, send no "
        "further mail that forges routing headers, impersonates another sender or uses a "
        "misleading subject, and add a working unsubscribe mechanism and your postal address "
        "to every marketing message.");
    d.deadlines = {{QStringLiteral("Confirm in writing that the campaign has stopped"),
                    d.now.addSecs(72 * 3600),
                    QStringLiteral("72 hours from this notice (policy section 6.1: immediate "
                                   "correction required)"),
                    {}},
                   {QStringLiteral("Send your consent records for the list used"),
                    hkt(2026, 11, 20, 23, 59),
                    QStringLiteral("10 business days from this notice (policy sections 4.1 and "
                                   "4.2)"),
                    QStringLiteral("Hong Kong general holidays 2026, version 2025-06-27")}};
    if (type == u"warning") {
        d.consequences = QStringLiteral(
            "If the breach continues, or another confirmed breach follows within 12 months, it "
            "is a repeated violation: under section 6.1 we will suspend the services of the "
            "account for 7 to 30 days or terminate it. If our addresses are blacklisted as a "
            "result, the account is terminated at once and section 6.2 liability applies.");
    } else if (type == u"suspension") {
        d.suspensionScope = QStringLiteral("outbound mail (SMTP ports 25, 465 and 587) from "
                                           "203.0.113.8/29 and 2001:db8:1c:2::/64; your web "
                                           "sites stay online");
        d.suspensionStart = d.now;
        d.suspensionEarliestEnd = d.now.addDays(14);
        d.reinstatementConditions = {
            QStringLiteral("the campaign has stopped and the list used is deleted"),
            QStringLiteral("you have sent consent records (timestamps, method, source) for "
                           "every list you keep mailing"),
            QStringLiteral("every marketing message carries a working unsubscribe link and "
                           "your postal address")};
        d.consequences = QStringLiteral(
            "Mail sent in breach of the policy during or after the suspension is a repeated "
            "violation and leads to the termination of the account (section 6.1), with "
            "forfeiture of prepaid fees (section 6.3).");
    } else {
        d.effectiveAt = d.now;
        d.liabilityLines = {QStringLiteral(
            "Section 6.3 (No Refunds): prepaid fees, setup charges and account credits are "
            "forfeited: USD 840.00.")};
        d.consequences = QStringLiteral(
            "This is a repeated violation: account IXC-10042 was warned on 14 May 2026 "
            "(LEGACY-2026-0311, clause 3.1), within the 12 months before this case. The "
            "termination is permanent. Your data stays available for download for 7 days.");
    }
    return d;
}

NoticeData harbour(const QString &type)
{
    NoticeData d =
        common(type, QStringLiteral("IXCM-ABUSE-2026-000124"), hkt(2026, 11, 10, 16, 45));
    d.accountId = QStringLiteral("IXC-10077");
    d.customerName = QStringLiteral("Harbour Street Bakery");
    d.reporterIdentities = {
        QStringLiteral("Jordan Vale"), QStringLiteral("j.vale@lakeside.example.org"),
        QStringLiteral("IT Security Office"), QStringLiteral("itso@lakeside.example.org")};
    return d;
}

} // namespace

NoticeData noticeFixture(const QString &type)
{
    if (type == u"warning" || type == u"suspension" || type == u"termination")
        return northwind(type);

    if (type == u"termination-liability") {
        NoticeData d = harbour(type);
        d.recipientName = QStringLiteral("Harbour Street Bakery");
        d.recipientAddress = QStringLiteral("owner@harbourbakery.example");
        d.clauses = {policyClause(QStringLiteral("3.3")), policyClause(QStringLiteral("3.2")),
                     policyClause(QStringLiteral("6.2"))};
        d.originSummary = QStringLiteral(
            "On Mon 9 Nov 2026 11:12 HKT (03:12 UTC) the host web01.harbourbakery.example "
            "[203.0.113.40] handed a credential-phishing message to the recipients' mail "
            "gateway. The message was submitted by the web server's user (uid 33) through the "
            "script class-wp-cache-sync.php: the WordPress site is compromised. 203.0.113.40 "
            "is assigned to account IXC-10077 since 1 June 2026. On Tue 10 Nov 2026 14:40 HKT "
            "(06:40 UTC) Spamhaus listed 203.0.113.40 as SBL000123.");
        d.findings = {
            {QStringLiteral("report.blacklisting"), QStringLiteral("high"), QStringLiteral("3.3"),
             QStringLiteral("Our address is listed on a blacklist"),
             QStringLiteral("Spamhaus SBL listing SBL000123 of 203.0.113.40/32, listed "
                            "2026-11-10 06:40:11 UTC: phishing spam source, compromised "
                            "website.")},
            {QStringLiteral("content.link-text-mismatch"), QStringLiteral("high"),
             QStringLiteral("3.2"),
             QStringLiteral("Link text shows another site than the link "
                            "target"),
             QStringLiteral("The link text \"https://mail.lakeside.example.org/owa/verify\" shows "
                            "mail.lakeside.example.org (example.org), but the link goes to "
                            "https://harbourbakery.example/wp-content/uploads/2026/11/.sync/owa/"
                            "index.php?u=c3RhZmYtYWxsQGxha2VzaWRlLmV4YW1wbGUub3Jn "
                            "(harbourbakery.example).")},
            {QStringLiteral("from.display-name-spoof"), QStringLiteral("medium"),
             QStringLiteral("3.2"), QStringLiteral("Display name impersonates another sender"),
             QStringLiteral("\"From: \"Lakeside University IT Service Desk\" "
                            "<no-reply@harbourbakery.example>\": the display name names an "
                            "institution, but the address domain harbourbakery.example carries "
                            "no part of its name.")},
            {QStringLiteral("auth.dmarc-fail"), QStringLiteral("high"), QStringLiteral("3.2"),
             QStringLiteral("DMARC fail: the From address is not authenticated"),
             QStringLiteral("The recipients' gateway recorded dmarc=fail (p=none dis=none) "
                            "header.from=harbourbakery.example.")},
        };
        d.headerExcerpt = embeddedOriginalHeaders(QStringLiteral("06-forward-harbour-phish.eml"));
        d.evidence = {
            {hkt(2026, 11, 9, 17, 4, 55),
             QStringLiteral("Forwarded phishing message reported by Jordan Vale "
                            "<j.vale@lakeside.example.org>"),
             QStringLiteral("R-000106"),
             demoReportSha256(QStringLiteral("06-forward-harbour-phish.eml"))},
            {hkt(2026, 11, 10, 14, 51, 6),
             QStringLiteral("Spamhaus SBL listing notice SBL000123 for 203.0.113.40/32"),
             QStringLiteral("R-000107"),
             demoReportSha256(QStringLiteral("07-spamhaus-sbl-harbour.eml"))},
        };
        d.liabilityLines = {
            QStringLiteral("Section 6.2, minimum penalty: USD 15.00 for 1 incident (listing "
                           "SBL000123 of 203.0.113.40 on the Spamhaus SBL, 10 Nov 2026)."),
            QStringLiteral("Section 6.2, additional charges, invoiced at cost when incurred: "
                           "delisting fees, IP reputation remediation costs, administrative "
                           "overhead, legal fees (if applicable)."),
            QStringLiteral("Section 6.3 (No Refunds): prepaid fees, setup charges and account "
                           "credits are forfeited: USD 120.00."),
        };
        d.effectiveAt = d.now;
        d.requiredAction = QStringLiteral(
            "Take the phishing kit under /wp-content/uploads/2026/11/.sync/ offline, remove "
            "class-wp-cache-sync.php and every file the attacker added, change every password "
            "of the site and its database, and export the data you need before the account "
            "closes.");
        d.deadlines = {{QStringLiteral("Data export available until"),
                        d.now.addDays(7),
                        QStringLiteral("7 days from termination (Terms of Service)"),
                        {}}};
        d.consequences = QStringLiteral(
            "The termination is permanent (section 6.1). The amounts under section 6.2 are "
            "invoiced to you; the forfeiture under section 6.3 takes effect today.");
        d.howToRespond = howToRespond(d.caseId);
        return d;
    }

    if (type == u"reinstatement") {
        NoticeData d =
            common(type, QStringLiteral("IXCM-ABUSE-2026-000098"), hkt(2026, 11, 11, 9, 0));
        d.accountId = QStringLiteral("IXC-10088");
        d.customerName = QStringLiteral("Bluefin Media Group, Inc.");
        d.recipientName = QStringLiteral("Bluefin Media Group, Inc.");
        d.recipientAddress = QStringLiteral("billing@bluefin-media.example");
        d.effectiveAt = d.now;
        d.clauses = {policyClause(QStringLiteral("4.3"))};
        d.outcome = QStringLiteral(
            "The 14-day suspension that began on 28 October 2026 (LEGACY-2026-0502) has ended. "
            "Your test campaign of 9 November 2026 stayed at 1.2% bounces, and hard bounces "
            "are now removed from your lists at once.");
        d.reinstatementConditions = {
            QStringLiteral("bounce rate at most 5% per campaign (section 4.3)"),
            QStringLiteral("invalid addresses removed immediately after a hard bounce"),
            QStringLiteral("sending rate limited to 20 messages per second per address")};
        d.howToRespond = QStringLiteral(
            "Reply to this message and keep [IXCM-ABUSE-2026-000098] in the subject.");
        return d;
    }

    if (type == u"information-request") {
        NoticeData d =
            common(type, QStringLiteral("IXCM-ABUSE-2026-000031"), hkt(2026, 5, 20, 16, 2));
        d.accountId = QStringLiteral("IXC-10015");
        d.customerName = QStringLiteral("Quayside Print Studio");
        d.recipientName = QStringLiteral("Orchard Lane Florist");
        d.recipientAddress = QStringLiteral("hello@orchardlane.example");
        d.missingItems = {QStringLiteral("Full email headers")};
        d.provideHow = QStringLiteral(
            "Please attach the junk message itself: in Thunderbird, select it and use Message > "
            "Forward As > Attachment, or save it with File > Save As > File and attach the .eml "
            "file. A copy pasted into the text of a message loses the headers we need.");
        d.provideBy = hkt(2026, 5, 23, 15, 31, 19);
        d.reportReferences = {QStringLiteral(
            "\"Junk mail from your server 203.0.113.40 - third time this week\", received "
            "Wed 20 May 2026 15:31 HKT (07:31 UTC)")};
        d.inReplyToMessageId =
            QStringLiteral("<5d1e9b0c-77a2-4f0e-9a61-1f2e3d4c5b6a@orchardlane.example>");
        return d;
    }

    // The reporter notices of Jordan Vale's report.
    NoticeData d = harbour(type);
    d.recipientName = QStringLiteral("Jordan Vale");
    d.recipientAddress = QStringLiteral("j.vale@lakeside.example.org");
    d.inReplyToMessageId = QStringLiteral("<LO2P265MB0412A7C3E1F0B9D2@EXCH-02.ad.lakeside."
                                          "example.org>");
    d.reportReferences = {QStringLiteral(
        "\"Fwd: Phishing from 203.0.113.40 (harbourbakery.example) targeting our staff\", "
        "received Mon 9 Nov 2026 17:04 HKT (09:04 UTC)")};
    if (type == u"acknowledgement") {
        d.now = hkt(2026, 11, 9, 17, 5, 30);
        d.deadlines = {{QStringLiteral("Our response to your report"),
                        hkt(2026, 11, 12, 17, 4, 55),
                        QStringLiteral("72 hours from receipt (policy section V)"),
                        {}}};
        d.howToRespond =
            QStringLiteral(
                "If you have more information, reply to this message and keep [%1] in the "
                "subject.")
                .arg(d.caseId);
    } else {
        d.now = hkt(2026, 11, 10, 17, 10);
        d.clauses = {policyClause(QStringLiteral("3.3")), policyClause(QStringLiteral("3.2"))};
        d.outcome = QStringLiteral(
            "The message came from a web site hosted by the responsible customer, which had "
            "been compromised. We have terminated the customer's services; the phishing kit "
            "and the sending script are offline since Tue 10 Nov 2026 16:45 HKT "
            "(08:45 UTC). Spamhaus has been informed.");
    }
    return d;
}

} // namespace AwbTest
