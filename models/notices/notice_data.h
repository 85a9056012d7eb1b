#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// Everything a notice says, as plain values. The caller (the case glue) fills it from the case,
// the analyst's decision, the policy pack and the deadlines; this room never reads a database.
// Which fields a notice type uses is in notice_fields.h; a field a template needs but the data
// leaves empty is a composition error, never an empty gap in a letter.

// A clause of the policy, quoted from the policy pack by the caller (never from code).
struct NoticeClause
{
    QString id;       // "3.2", "V"
    QString title;    // "Deceptive Practices"
    QString text;     // the clause text as the pack has it (Markdown bullets allowed)
    QString citation; // "Anti-Spam Policy, section 3.2 (Deceptive Practices), version of ..."
};

// A finding of the analysis, as the customer should read it.
struct NoticeFinding
{
    QString check;    // "received.broken-handoff"
    QString severity; // "high", "medium", ...
    QString clause;   // "3.2"
    QString title;
    QString evidence;
};

struct NoticeDeadline
{
    QString label;           // "Correct the problem and reply"
    QDateTime due;           // any zone; shown in Hong Kong time and UTC
    QString basis;           // "72 hours from this notice (policy section V)"
    QString calendarVersion; // the holiday calendar counted on, empty when none was needed
};

// One row of the evidence table: a report or listing the decision rests on.
struct NoticeEvidenceItem
{
    QDateTime at;        // when we received it (or when the listing started)
    QString description; // "ARF feedback-loop report: message from 203.0.113.12"
    QString reference;   // our evidence reference, e.g. "R-000017"; may be empty
    QString sha256;      // SHA-256 of the stored evidence bytes, lower-case hex; may be empty
};

struct NoticeData
{
    QString type;   // a notice type key: "warning", "acknowledgement", ... (notice_fields.h)
    QString caseId; // "IXCM-ABUSE-2026-000123"
    QDateTime now;  // the notice's date; tests fix it

    QString deskName = QStringLiteral("IX.CM Abuse Desk");
    QString deskAddress = QStringLiteral("abuse@ix.cm");
    QString recipientName; // the customer's contact, or the reporter
    QString recipientAddress;

    // The account and its holder. Filled for every type: customer notices show them, reporter
    // notices refuse to be composed when any text names them.
    QString accountId;
    QString customerName;

    QString policyTitle = QStringLiteral("Anti-Spam Policy");
    QString policyVersionLabel; // "10 December 2025"
    QString policyVersion;      // "2025-12-10"
    QString governingLaw;       // "Hong Kong Special Administrative Region"
    QList<NoticeClause> clauses;

    // Evidence. originSummary: the origin hop (IP, time, receiving server, how it was matched
    // to the account). headerExcerpt: the reported message's header block exactly as received,
    // NOT redacted: the composer redacts it (and every other text of a customer notice) so that
    // no caller can forget to.
    QString originSummary;
    QList<NoticeFinding> findings;
    QString headerExcerpt;
    QList<NoticeEvidenceItem> evidence;
    QStringList reportReferences;

    QString requiredAction;
    QList<NoticeDeadline> deadlines;
    QString consequences;
    QString howToRespond;

    // Suspension, termination and reinstatement.
    QString suspensionScope;
    QDateTime suspensionStart;
    QDateTime suspensionEarliestEnd;
    QStringList reinstatementConditions;
    QDateTime effectiveAt;      // when a termination or reinstatement takes effect
    QStringList liabilityLines; // sections 6.2 and 6.3, preformatted by the caller

    // Information request to a reporter (policy section V).
    QStringList missingItems; // "Full email headers", "Complete message copy", ...
    QString provideHow;
    QDateTime provideBy;

    QString outcome; // outcome and reinstatement notices

    // The report this notice answers (acknowledgement, information request, outcome).
    QString inReplyToMessageId;

    // Redaction of customer notices (redaction.h). The key is the desk's secret: the same key
    // gives the same tokens in every notice, and without it nobody can test a guessed address
    // against a token. reporterIdentities: names and addresses of the reporter and of the
    // complainant (the recipient of the reported message) that the caller knows of.
    QByteArray redactionKey;
    QStringList reporterIdentities;
};

} // namespace Awb
