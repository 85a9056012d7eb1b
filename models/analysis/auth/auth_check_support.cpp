#include "auth_check_support.h"

#include "auth_text.h"

#include "analysis/chain_analysis.h"
#include "analysis/trust_settings.h"

#include <QCoreApplication>
#include <QSet>

#include <limits>

namespace Awb::AuthChecks {

namespace {

bool isField(const RawHeaderField &field, const char *name)
{
    return field.name.trimmed().compare(name, Qt::CaseInsensitive) == 0;
}

// The stretch of the header around the boundary receiver's Received field.
struct Zones
{
    int hop = -1;                 // the hop standing for the boundary; -1 without Received
    qsizetype boundaryStart = -1; // its Received field's offset
    qsizetype belowStart = -1;    // the next Received field's offset (or "end of header")
    QString receiver;             // its by-host
    QSet<QString> receiverHosts;  // by-hosts of every hop at or above the boundary
};

Zones zonesOf(const AnalysisContext &context)
{
    Zones zones;
    const ChainAnalysis &chain = context.chain;
    const QList<SourceLocation> &locations = context.hopLocations;
    const int count = int(qMin(chain.hops.size(), locations.size()));
    if (count == 0)
        return zones;
    zones.hop = chain.boundaryHop >= 0 && chain.boundaryHop < count ? chain.boundaryHop : count - 1;
    zones.boundaryStart = locations.at(zones.hop).offset;
    zones.belowStart = zones.hop + 1 < count ? locations.at(zones.hop + 1).offset
                                             : std::numeric_limits<qsizetype>::max();
    zones.receiver = chain.hops.at(zones.hop).parsed.by;
    for (int i = 0; i <= zones.hop; ++i) {
        const QString org = organisationalDomain(chain.hops.at(i).parsed.by);
        if (!org.isEmpty())
            zones.receiverHosts.insert(org);
    }
    return zones;
}

bool isListed(const TrustSettings &trust, const QString &id)
{
    return !id.isEmpty() && trust.trustedAuthservIds.contains(id, Qt::CaseInsensitive);
}

} // namespace

QString fieldText(const RawHeaderField &field, int limit)
{
    QString text = AuthText::simplified(QString::fromLatin1(field.name).trimmed() +
                                        QLatin1String(": ") + AuthText::unfold(field.rawValue));
    if (text.size() > limit)
        text = text.left(limit) + QStringLiteral("…");
    return text;
}

SourceLocation fieldLocation(const RawHeaderField &field)
{
    return {field.offset, field.name.size() + 1 + field.rawValue.size()};
}

QList<ResultsField> resultsFields(const AnalysisContext &context)
{
    const Zones zones = zonesOf(context);
    QList<ResultsField> fields;
    QSet<QString> idsAbove;
    for (const RawHeaderField &raw : context.message.rawHeaders()) {
        if (!isField(raw, "Authentication-Results"))
            continue;
        ResultsField f{raw, parseAuthenticationResults(raw.rawValue), {}};
        const QString id = f.results.authservId.toLower();
        const bool listed = isListed(context.trust, id);
        const bool listEmpty = context.trust.trustedAuthservIds.isEmpty();
        f.trust.namesReceiver =
            listed || (!id.isEmpty() && zones.receiverHosts.contains(organisationalDomain(id)));
        const QString name = id.isEmpty() ? Tr::tr("a field without an authserv-id")
                                          : Tr::tr("authserv-id %1").arg(f.results.authservId);
        if (zones.hop < 0) {
            f.trust.reason = Tr::tr("No Received field records a receiver, so nothing shows who "
                                    "wrote %1.")
                                 .arg(name);
        } else if (raw.offset < zones.boundaryStart) {
            f.trust.trusted = listEmpty || listed;
            f.trust.reason = f.trust.trusted
                                 ? Tr::tr("%1 stands above the Received field of hop %2 (the trust "
                                          "boundary): a receiver wrote it.")
                                       .arg(name)
                                       .arg(zones.hop)
                                 : Tr::tr("%1 is not among the trusted authserv-ids.").arg(name);
            if (!id.isEmpty())
                idsAbove.insert(id);
            f.trust.namesReceiver = false; // a receiver's own place: not an impersonation
        } else if (raw.offset < zones.belowStart) {
            const bool receiverName =
                listEmpty ? !id.isEmpty() &&
                                organisationalDomain(id) == organisationalDomain(zones.receiver)
                          : listed;
            f.trust.trusted = receiverName && !idsAbove.contains(id);
            f.trust.reason =
                f.trust.trusted
                    ? Tr::tr("%1 stands directly below the Received field of hop %2 (the trust "
                             "boundary) and names that receiver: the receiver wrote it.")
                          .arg(name)
                          .arg(zones.hop)
                : receiverName
                    ? Tr::tr("%1 stands below the Received field of hop %2 (the trust boundary), "
                             "and that receiver's own stamp already stands above it: this one came "
                             "with the message from the sending side.")
                          .arg(name)
                          .arg(zones.hop)
                    : Tr::tr(
                          "%1 stands below the Received field of hop %2 (the trust boundary) and "
                          "does not name %3: the sending side wrote it.")
                          .arg(name)
                          .arg(zones.hop)
                          .arg(zones.receiver.isEmpty() ? Tr::tr("that receiver") : zones.receiver);
        } else {
            f.trust.reason = Tr::tr("%1 stands below the Received field of hop %2, under the trust "
                                    "boundary: the sending side wrote it, so it is a claim, not a "
                                    "receiver's verdict.")
                                 .arg(name)
                                 .arg(zones.hop + 1);
        }
        fields.append(f);
    }
    return fields;
}

QList<SpfField> receivedSpfFields(const AnalysisContext &context)
{
    const Zones zones = zonesOf(context);
    QList<SpfField> fields;
    for (const RawHeaderField &raw : context.message.rawHeaders()) {
        if (!isField(raw, "Received-SPF"))
            continue;
        SpfField f{raw, parseReceivedSpf(raw.rawValue), {}};
        // Received-SPF names no authserv-id: its place alone says who wrote it (RFC 7208 9.1
        // has the receiver prepend it beside its own Received field).
        f.trust.trusted = zones.hop >= 0 && raw.offset < zones.belowStart;
        f.trust.reason = f.trust.trusted
                             ? Tr::tr("It stands beside the Received field of hop %1 (the trust "
                                      "boundary) or above it: a receiver wrote it.")
                                   .arg(zones.hop)
                             : Tr::tr("It stands below the receivers' stamps: the sending side "
                                      "wrote it.");
        fields.append(f);
    }
    return fields;
}

QString fromDomain(const MailMessage &message)
{
    QString from = message.from();
    const qsizetype open = from.lastIndexOf(QLatin1Char('<'));
    if (open >= 0) {
        const qsizetype close = from.indexOf(QLatin1Char('>'), open);
        from = from.mid(open + 1, close < 0 ? -1 : close - open - 1);
    } else {
        const QStringList words =
            AuthText::stripComments(from).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        from.clear();
        for (const QString &w : words) {
            if (w.contains(QLatin1Char('@')))
                from = w;
        }
    }
    const qsizetype at = from.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    QString domain = from.mid(at + 1).trimmed().toLower();
    while (domain.endsWith(QLatin1Char('.')) || domain.endsWith(QLatin1Char(',')))
        domain.chop(1);
    return domain;
}

bool alignedRelaxed(const QString &a, const QString &b)
{
    const QString x = organisationalDomain(a);
    return !x.isEmpty() && x == organisationalDomain(b);
}

std::optional<QByteArray> messageBody(const MailMessage &message)
{
    if (!message.hasHeaderBodySeparator())
        return std::nullopt;
    const QByteArray &bytes = message.bytes();
    const QByteArray block = message.rawHeaderBlock();
    const QList<RawHeaderField> headers = message.rawHeaders();
    qsizetype start = headers.isEmpty() ? 0 : headers.first().offset;
    if (bytes.mid(start, block.size()) != block)
        start = bytes.indexOf(block);
    if (start < 0)
        return std::nullopt;
    qsizetype pos = start + block.size();
    if (bytes.mid(pos, 2) == "\r\n")
        pos += 2;
    else if (bytes.mid(pos, 1) == "\n")
        pos += 1;
    return bytes.mid(pos);
}

QList<SignatureReport> dkimSignatures(const MailMessage &message)
{
    QList<SignatureReport> reports;
    const QList<RawHeaderField> headers = message.rawHeaders();
    const std::optional<QByteArray> body = messageBody(message);
    const std::shared_ptr<const DkimKeyProvider> keys = dkimKeyProvider();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (!isField(headers.at(i), "DKIM-Signature"))
            continue;
        SignatureReport report{headers.at(i), parseDkimSignature(headers.at(i).rawValue), {}};
        report.verification = verifyDkimSignature(report.signature, headers, i, body, keys.get());
        reports.append(report);
    }
    return reports;
}

QString describeSignature(const DkimSignature &s)
{
    const auto name = [](DkimCanonicalization c) {
        return c == DkimCanonicalization::Relaxed ? QStringLiteral("relaxed")
                                                  : QStringLiteral("simple");
    };
    return QStringLiteral("d=%1 s=%2 a=%3 c=%4/%5")
        .arg(s.domain, s.selector, s.algorithmName, name(s.headerCanonicalization),
             name(s.bodyCanonicalization));
}

} // namespace Awb::AuthChecks
