#pragma once

// Private to the content checks: how they find text in the message's bytes, read addresses and
// word their evidence. Nothing outside models/analysis/content_checks/ includes this.

#include "analysis/check.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "analysis/host_names.h"

namespace Awb {

class MailMessage;

namespace ContentChecks {

// Every visible string of the content checks is translated in this one context.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ContentChecks)
};

// The groups, one per source file; content_checks.cpp joins them.
void appendStandardsChecks(QList<const Check *> &list);
void appendSenderChecks(QList<const Check *> &list);
void appendLinkChecks(QList<const Check *> &list);
void appendRelayChecks(QList<const Check *> &list);

// One header field as it stands in the message: its decoded value, the field as written for
// quoting, and where it is.
struct HeaderField
{
    QByteArray name;
    QString value;   // unfolded and decoded
    QString written; // "Name: value" unfolded, for evidence
    SourceLocation location;
};
// Every field with that name (case-insensitive), in message order.
QList<HeaderField> headerFields(const MailMessage &message, const QByteArray &name);
// Every field whose name starts with the prefix (case-insensitive).
QList<HeaderField> headerFieldsWithPrefix(const MailMessage &message, const QByteArray &prefix);

// Where the body starts (after the blank separator line) and the whole body as a location.
qsizetype bodyOffset(const MailMessage &message);
SourceLocation bodyLocation(const MailMessage &message);
enum class BodyKind { Text, Html };
// The body of the first text/plain or text/html part as written in the bytes (headers
// of the part excluded, up to the next boundary line); the whole body for a single-part
// message of that type; invalid when no such part is found.
SourceLocation partBodyLocation(const MailMessage &message, BodyKind kind);
// Where `needle` (decoded text) first stands in the bytes at or after `from` and before
// `until` (-1: the end): written as is, or quoted-printable encoded with soft line breaks.
SourceLocation findEncoded(const QByteArray &bytes, const QString &needle, qsizetype from,
                           qsizetype until = -1);

// The addr-spec of the first mailbox in an address header value ("Name <a@b>" gives "a@b"),
// lower case; empty when there is none.
QString firstAddress(const QString &value);
// The domain part of an address, lower case, without a trailing dot.
QString domainOf(const QString &address);
// The display name of a From-like value ("\"Name\" <a@b>" gives "Name"), unquoted.
QString displayName(const QString &value);

using Awb::isUnderDomain; // analysis/host_names.h
using Awb::normalizedHost;
// Text shortened for evidence, with an ellipsis when cut.
QString elide(const QString &text, int length = 160);

} // namespace ContentChecks
} // namespace Awb
