#pragma once

// Private to the header checks: how they find fields, locate and quote them, read addresses and
// compare domains. Not part of the core's interface; nothing outside
// models/analysis/header_checks/ includes this.

#include "analysis/chain_analysis.h"
#include "analysis/check.h"
#include "mail/mail_message.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "analysis/host_names.h"

namespace Awb::HeaderChecks {

// Every visible string of the header checks is translated in this one context.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::HeaderChecks)
};

// The groups, one per source file; header_checks.cpp joins them.
void appendDateChecks(QList<const Check *> &list);
void appendMessageIdChecks(QList<const Check *> &list);
void appendIdentityChecks(QList<const Check *> &list);
void appendImpersonationChecks(QList<const Check *> &list);
void appendHeaderBlockChecks(QList<const Check *> &list);
void appendEncodedWordChecks(QList<const Check *> &list);
void appendSubjectChecks(QList<const Check *> &list);

// All fields of that name (case-insensitive), in message order; the first, or nullopt.
QList<RawHeaderField> fieldsNamed(const MailMessage &message, const QByteArray &name);
std::optional<RawHeaderField> firstField(const MailMessage &message, const QByteArray &name);

// Where the field stands in the message: from its name through the last byte of its value
// (folds included, the final line break not), as the findings panel and source viewer mark it.
SourceLocation fieldLocation(const MailMessage &message, const RawHeaderField &field);

// The field as evidence quotes it: "Name: value", unfolded, raw bytes read as UTF-8 (else
// Windows-1252), and cut at `limit` characters with an ellipsis so that a 50 kB header does not
// become a 50 kB evidence string. Encoded words stay encoded: this is what the sender wrote.
QString quoteField(const RawHeaderField &field, int limit = 300);
// The field in double quotes as quoteField() gives it and, when RFC 2047 encoded words make
// the raw text unreadable, the decoded value after it: "Subject: =?UTF-8?B?...?=" (decoded:
// "Mailbox full").
QString quotedField(const RawHeaderField &field, int limit = 300);
// The unfolded raw value as text, by the same reading.
QString rawText(const QByteArray &rawValue);

// One mailbox of an address field, read from the raw value.
struct Mailbox
{
    QString displayName; // unquoted and RFC 2047-decoded; the comment of "addr (Name)" too
    QString phrase;      // the display name as written (quotes and encoded words kept)
    QString address;     // the addr-spec as written, angle brackets and route removed
    QString domain;      // the part after the last '@', lower case, trailing dot removed
};

// Reads an RFC 5322 address-list: quoted strings, comments, angle addresses, groups ("name:
// a, b;"), the obsolete route ("<@a,@b:x@y>"). Items without an '@' are not mailboxes; they
// are counted in `junk` (an unquoted "Doe, John <j@x>" gives one junk item and one mailbox).
QList<Mailbox> parseAddressList(const QByteArray &rawValue, int *junk = nullptr);

// The mailboxes of the first field of that name; empty when it is absent or holds none.
QList<Mailbox> mailboxesOf(const MailMessage &message, const QByteArray &name);

using Awb::isUnderDomain; // analysis/host_names.h
using Awb::normalizedHost;
// Two host names belong to one organisation: the same organisational domain (what DMARC's
// relaxed alignment compares), or both belong to one large mail provider (gmail.com and
// google.com).
bool sameOrganisation(const QString &a, const QString &b);

// Every host name the Received chain mentions (by, from name, HELO, rDNS), normalised, without
// address literals.
QStringList relayNames(const ChainAnalysis &chain);

// The message forwards or reports on another: a message/* or text/rfc822-headers part, a
// multipart/report, or a forwarded-message banner in the body.
bool carriesForwardedMessage(const MailMessage &message, const QString &body);

} // namespace Awb::HeaderChecks
