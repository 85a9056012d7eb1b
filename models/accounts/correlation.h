#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Awb {

class AccountRepository;
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

// Ties a report to the accounts that held its origin and its domains when the mail was sent.
//
// The evidence is the reported original's analysis when the report has one; a message that is
// not a report is its own original. The incident time is the origin hop's date, else the
// report's Arrival-Date, else our receipt time (a listing without an original uses its listing
// date); every match says which. Then:
// - the origin IP -> the assignment valid at that time -> the account (High); without an
//   original, the reporter's Source-IP (Medium), and the addresses of listings (High);
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
