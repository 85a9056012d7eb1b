#pragma once

#include "common/result.h"
#include "store/account_repository.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

class MailMessage;
struct ReportAnalysis;

// One account that a report may be about, and why. Correlation never picks: every candidate is
// returned, and the analyst confirms the match.
struct AccountMatch
{
    enum class Confidence { High, Medium, Low };

    QString accountId;
    QString accountName;
    // What matched, in words: "origin IP 203.0.113.12 in 203.0.113.8/29, assigned 2025-03-01 to
    // now", "From domain mail.northwind-deals.example under northwind-deals.example, hosted
    // 2025-03-01 to now".
    QString matchedBy;
    // "ip-assignment", "from-domain", "return-path-domain", "dkim-domain", "link-domain"
    QString how;
    // High: the address the message came from (the origin witnessed by a receiver, or a
    // blocklist's listing of our address) was assigned to the account then.
    // Medium: the address only the reporter claims (no original to check it against), or the
    // envelope sender's, the From or the DKIM d= domain is hosted by the account then: easy to
    // forge, and a customer's domain may be abused by a stranger (joe job).
    // Low: a link in the message points to a domain the account hosted then (spamvertised, or a
    // compromised site).
    Confidence confidence = Confidence::Low;
    QDateTime incidentTime; // UTC; what the assignment and domain validity were checked against
    // "origin hop date" | "report arrival date" | "receipt time" | "listing date"
    QString incidentTimeSource;
};

QString confidenceName(AccountMatch::Confidence confidence); // "high", "medium", "low"

// The assignments that held any address of `range` at `at` (any time when `at` is invalid): a
// block that contains the range, or one that starts inside it. A listing of a /24 thus finds
// every customer block in that /24, and a listing of one address the block that holds it. By
// assignment id.
Result<QList<IpAssignmentRecord>> assignmentsOverlapping(const AccountRepository &accounts,
                                                         const IpNetwork &range,
                                                         const QDateTime &at);

// The accounts that held what a blocklist lists, at `at`: for an address or CIDR range, the
// accounts of assignmentsOverlapping(); for a domain (a DBL listing), the accounts hosting it or
// a parent of it then. Each account once, sorted; empty when nothing matches or `listed` is
// neither an address, a range nor a domain name.
Result<QStringList> accountsHoldingListed(const AccountRepository &accounts, const QString &listed,
                                          const QDateTime &at);

// Ties a report to the accounts that held its origin and its domains when the mail was sent.
//
// The evidence is the reported original's analysis when the report has one; a message that is
// not a report is its own original. The incident time is the origin hop's date, else the
// report's Arrival-Date, else our receipt time (a listing without an original uses its listing
// date); every match says which. Then:
// - the origin IP -> the assignment valid at that time -> the account (High); without an
//   original, the reporter's Source-IP (Medium), and the addresses and ranges of listings
//   (High; a range matches every assignment overlapping it, see assignmentsOverlapping());
// - the From, Return-Path, DKIM d= and link domains of the original -> hosted domains valid
//   at that time (a subdomain of a hosted domain matches) (Medium / Low).
// Matches are sorted by confidence, then by how, then by account; one per (account, how, value).
// An address that moved between accounts resolves by time; an address assigned to two accounts
// at once (a data error of the import) gives both.
//
// `reportMail` is the report's own message; it is read only when the report is a plain message
// (no original): its From, Return-Path, signatures and links are then the evidence. Fails only
// when the store fails.
Result<QList<AccountMatch>> correlate(const ReportAnalysis &analysis,
                                      const AccountRepository &accounts,
                                      const MailMessage *reportMail = nullptr);

} // namespace Awb
