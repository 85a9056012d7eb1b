// The Message-ID: absent, malformed, generated on a host that has nothing to do with the
// sender or the path, or added by a receiving server because the sender wrote none.
//
// The Message-ID is written by the software that made the message. Its right side names the
// host or domain of that software (RFC 5322 3.6.4), which makes it a fingerprint of the real
// sending tool: a campaign sent through one bulk mailer carries that mailer's host in every
// message, whatever the From says. None of these findings is forgery by itself, so they cite
// 4.2 ("accurate sender information in all headers") and weigh Low.

#include "header_check_data.h"
#include "header_check_support.h"

#include <QRegularExpression>

namespace Awb::HeaderChecks {

namespace {

struct MessageIdParts
{
    RawHeaderField field;
    QString value; // unfolded raw value, comments removed, trimmed
    QString left;  // id-left, when one msg-id was read
    QString right; // id-right, lower case, brackets of a literal kept
    QStringList problems;
    bool fqdnRight = false; // the right side is a host name with a dot and an alphabetic TLD
};

QString withoutComments(const QString &text)
{
    QString out;
    int depth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && depth > 0)
            --depth;
        else if (depth == 0)
            out.append(c);
    }
    return out.trimmed();
}

MessageIdParts readMessageId(const RawHeaderField &field)
{
    static const QRegularExpression atext(
        QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$"));
    static const QRegularExpression hostName(
        QStringLiteral("^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]$"));
    MessageIdParts parts;
    parts.field = field;
    parts.value = withoutComments(rawText(field.rawValue));
    const QString &v = parts.value;
    if (v.isEmpty()) {
        parts.problems << Tr::tr("it is empty");
        return parts;
    }
    QString inner = v;
    if (v.startsWith(QLatin1Char('<')) && v.endsWith(QLatin1Char('>'))) {
        inner = v.mid(1, v.size() - 2);
        if (inner.contains(QLatin1Char('<')) || inner.contains(QLatin1Char('>')))
            parts.problems << Tr::tr("it holds more than one id");
    } else {
        parts.problems << Tr::tr("it is not enclosed in angle brackets");
        inner.remove(QLatin1Char('<'));
        inner.remove(QLatin1Char('>'));
    }
    const qsizetype ats = inner.count(QLatin1Char('@'));
    if (ats == 0) {
        parts.problems << Tr::tr("it has no '@'");
        return parts;
    }
    if (ats > 1)
        parts.problems << Tr::tr("it has %1 '@' signs").arg(ats);
    const qsizetype at = inner.lastIndexOf(QLatin1Char('@'));
    parts.left = inner.left(at);
    parts.right = inner.mid(at + 1).toLower();
    if (parts.left.isEmpty() || (ats == 1 && !atext.match(parts.left).hasMatch()))
        parts.problems << Tr::tr("the part before '@' (\"%1\") is not valid").arg(parts.left);
    if (parts.right.startsWith(QLatin1Char('[')) && parts.right.endsWith(QLatin1Char(']')))
        return parts; // an address literal is allowed (no-fold-literal)
    QString host = parts.right;
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (host.isEmpty()) {
        parts.problems << Tr::tr("nothing follows the '@'");
    } else if (!hostName.match(host).hasMatch() || host == QLatin1String("localhost") ||
               host.endsWith(QLatin1String(".localdomain")) ||
               host.endsWith(QLatin1String(".local")) ||
               host.endsWith(QLatin1String(".localhost"))) {
        parts.problems
            << Tr::tr("\"%1\" after the '@' is not a fully qualified domain name").arg(host);
    } else {
        parts.fqdnRight = true;
        parts.right = host;
    }
    return parts;
}

// The id's host names a server of the receiving side: a hop at or above the trust boundary
// recorded it as its own "by" name, or as the name of a receiver's relay that handed on. The
// index of that hop, else -1.
int receiverHopNamed(const ChainAnalysis &chain, const QString &host)
{
    const int last = chain.boundaryHop >= 0 ? chain.boundaryHop : int(chain.hops.size()) - 1;
    for (int i = 0; i <= last && i < chain.hops.size(); ++i) {
        const QString by = normalizedHost(chain.hops.at(i).parsed.by);
        if (!by.isEmpty() && (isUnderDomain(host, by) || isUnderDomain(by, host)))
            return i;
    }
    return -1;
}

bool relatedToSender(const MailMessage &message, const QString &host)
{
    for (const QByteArray name : {QByteArray("From"), QByteArray("Sender")}) {
        for (const Mailbox &box : mailboxesOf(message, name)) {
            if (sameOrganisation(host, box.domain))
                return true;
        }
    }
    return false;
}

class MessageIdMissingCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("message-id.missing"), Severity::Low, QStringLiteral("4.2"),
            Tr::tr("No Message-ID header"),
            Tr::tr("The message has no Message-ID; every real mail program writes one (RFC 5322, "
                   "section 3.6.4), and bulk tools that skip it leave this mark.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        if (!firstField(context.message, "Message-ID"))
            sink.add(-1, Tr::tr("The header block has no Message-ID field."));
    }
};

class MessageIdInvalidCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("message-id.invalid"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("Malformed Message-ID"),
                Tr::tr("The Message-ID is not \"<left@domain>\": no angle brackets, several or no "
                       "'@', or no fully qualified domain name after the '@'.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto field = firstField(context.message, "Message-ID");
        if (!field)
            return;
        const MessageIdParts parts = readMessageId(*field);
        if (parts.problems.isEmpty())
            return;
        sink.add(
            -1,
            Tr::tr("\"%1\": %2.").arg(quoteField(*field), parts.problems.join(QLatin1String("; "))),
            Severity::Low, fieldLocation(context.message, *field));
    }
};

class MessageIdDomainMismatchCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("message-id.domain-mismatch"), Severity::Low, QStringLiteral("4.2"),
            Tr::tr("Message-ID made on an unrelated host"),
            Tr::tr("The Message-ID's domain is neither the From (or Sender) domain nor the name of "
                   "any server in the Received chain: the message was made by other software "
                   "than the sender claims.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto field = firstField(context.message, "Message-ID");
        if (!field)
            return;
        const MessageIdParts parts = readMessageId(*field);
        if (!parts.fqdnRight || parts.problems.size() > 0)
            return;
        const QList<Mailbox> from = mailboxesOf(context.message, "From");
        if (from.isEmpty())
            return; // nothing to compare with: from.missing says so
        // A mailing list or a resend passes on a message written elsewhere, keeping its
        // Message-ID while From, envelope and path become the list's (DMARC From rewriting):
        // the id names the author's host, which the list's headers need not mention.
        for (const QByteArray name :
             {QByteArray("List-Id"), QByteArray("List-Post"), QByteArray("Resent-From")}) {
            if (firstField(context.message, name))
                return;
        }
        for (const Mailbox &box : mailboxesOf(context.message, "Reply-To")) {
            if (sameOrganisation(parts.right, box.domain))
                return;
        }
        if (relatedToSender(context.message, parts.right) || isServiceProviderDomain(parts.right))
            return;
        for (const Mailbox &box : mailboxesOf(context.message, "Return-Path")) {
            if (sameOrganisation(parts.right, box.domain))
                return;
        }
        for (const QString &relay : relayNames(context.chain)) {
            if (sameOrganisation(parts.right, relay))
                return;
        }
        sink.add(
            -1,
            Tr::tr("\"%1\" was made on %2, which belongs neither to the sender %3 nor to any "
                   "server in the Received chain.")
                .arg(quoteField(*field), organisationalDomain(parts.right), from.first().domain),
            Severity::Low, fieldLocation(context.message, *field));
    }
};

class MessageIdAddedByRelayCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("message-id.added-by-relay"), Severity::Low, QStringLiteral("4.2"),
                Tr::tr("Message-ID added by a receiving server"),
                Tr::tr("The Message-ID names a server of the receiving side, not the sender: the "
                       "sender's software wrote none and a receiver added it (as Gmail and Postfix "
                       "do).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const auto field = firstField(context.message, "Message-ID");
        if (!field)
            return;
        const MessageIdParts parts = readMessageId(*field);
        if (!parts.fqdnRight || relatedToSender(context.message, parts.right))
            return;
        const int hop = receiverHopNamed(context.chain, parts.right);
        if (hop < 0)
            return;
        // The sender's own servers below the boundary add ids for their users honestly; only a
        // name that appears nowhere on the sending side is the receiver's alone.
        for (int i = qMax(context.chain.boundaryHop, 0) + 1; i < context.chain.hops.size(); ++i) {
            if (sameOrganisation(parts.right, context.chain.hops.at(i).parsed.by))
                return;
        }
        const QString sender = mailboxesOf(context.message, "From").value(0).domain;
        const QString evidence =
            sender.isEmpty()
                ? Tr::tr("\"%1\" names %2, the receiving server of hop %3, not the sender.")
                      .arg(quoteField(*field), parts.right, QString::number(hop))
                : Tr::tr("\"%1\" names %2, the receiving server of hop %3, not the sender (%4).")
                      .arg(quoteField(*field), parts.right, QString::number(hop), sender);
        sink.add(hop, evidence, Severity::Low, fieldLocation(context.message, *field));
    }
};

} // namespace

void appendMessageIdChecks(QList<const Check *> &list)
{
    static const MessageIdMissingCheck missing;
    static const MessageIdInvalidCheck invalid;
    static const MessageIdDomainMismatchCheck domainMismatch;
    static const MessageIdAddedByRelayCheck addedByRelay;
    list << &missing << &invalid << &domainMismatch << &addedByRelay;
}

} // namespace Awb::HeaderChecks
