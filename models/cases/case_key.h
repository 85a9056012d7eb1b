#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Awb {

class IpAddress;

// What kind of request a report is. Kinds are never grouped together: an opt-out asks the
// customer to stop mailing one recipient and runs on the 10-business-day clock of policy 4.2
// with no sanction, while a complaint alleges a violation, runs on the 72-hour clock of
// section V and feeds the advisor's count of offences (6.1). One case holds one kind, so a case's
// deadline and its advice always mean one thing; an analyst can still merge them by hand.
enum class ReportKind { Complaint, OptOut };

QString reportKindKey(ReportKind kind); // "complaint", "opt-out"

// The campaign signature of one report, the part of it that grouping compares.
//
// The account is the customer held responsible (the best High-confidence account match). With
// no such match the report is unattributed and stands for its origin network instead: the /24 of
// an IPv4 origin, the /48 of an IPv6 one. Those are the blocks that one operator usually holds
// outside our network: a /24 is the smallest block routed on the internet and the unit blocklists
// escalate to, and a /48 is the standard end-site assignment of IPv6 (RFC 6177), so a spammer
// hopping between hosts of one site stays on one case, while a single /128 or /64 would open a
// case per host or per subnet. An unattributed report with no origin address at all shares the
// account key "unattributed" and is grouped only by its other signals.
struct CaseKey
{
    QString accountId;       // empty when unattributed
    QString originNetwork;   // "203.0.113.0/24", "2001:db8:1c::/48"; empty without an origin
    QString originIp;        // the address itself, for the reasons
    QString senderDomain;    // organisational domain of the sender, lower case; may be empty
    QString subject;         // normaliseSubject() of the reported message's subject
    QStringList linkDomains; // organisational domains of the links, sorted, unique
    ReportKind kind = ReportKind::Complaint;

    bool isAttributed() const { return !accountId.isEmpty(); }
    // The "same account" part of grouping: the account id, or "unattributed <network>".
    QString accountKey() const;
    // "account IXC-10042", "unattributed, origin network 198.51.100.0/24".
    QString accountDescription() const;
};

// The network that stands for an origin address: /24 for IPv4, /48 for IPv6 (see CaseKey).
// Empty for a null address.
QString originNetworkKey(const IpAddress &address);

// One report as grouping sees it: its signature and when it was received (section V receipt).
struct ReportFacts
{
    qint64 evidenceId = 0;
    QDateTime receivedAt; // UTC
    CaseKey key;
    QString severity; // the highest finding severity ("high"...), empty without findings
};

// The subject as a campaign sees it: lower case (Unicode compatibility-folded), reply and
// forward prefixes (RE:, FW:, Fwd: and their common translations, also as "Re[2]:") and
// [tags] removed wherever they stand, every token that carries a digit (order numbers, ids,
// dates, percentages, addresses) removed, brackets left empty by that dropped, whitespace folded
// and the ends trimmed of spaces and separators. "[SpamCop (203.0.113.12) id:7012345678]RE:
// Your order #48502 - refund approved" becomes "your order - refund approved".
QString normaliseSubject(const QString &subject);

} // namespace Awb
