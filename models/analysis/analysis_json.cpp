#include "analysis/analysis_json.h"

#include "analysis/check.h"
#include "analysis/message_analysis.h"
#include "mail/mail_message.h"

#include <QJsonArray>

namespace Awb {

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString rfc3339(const QDateTime &utc)
{
    return utc.isValid() ? utc.toUTC().toString(Qt::ISODate) : QString();
}

QString completenessName(ReceivedHop::Completeness completeness)
{
    switch (completeness) {
    case ReceivedHop::Completeness::Full:
        return QStringLiteral("full");
    case ReceivedHop::Completeness::Partial:
        return QStringLiteral("partial");
    case ReceivedHop::Completeness::None:
        break;
    }
    return QStringLiteral("none");
}

// Stable machine names for the JSON output (scopeDescription() is for people and translated).
QString scopeKey(AddressScope scope)
{
    switch (scope) {
    case AddressScope::Public:
        return QStringLiteral("public");
    case AddressScope::Documentation:
        return QStringLiteral("documentation");
    case AddressScope::Transition:
        return QStringLiteral("transition");
    case AddressScope::Private:
        return QStringLiteral("private");
    case AddressScope::SharedAddress:
        return QStringLiteral("shared");
    case AddressScope::Loopback:
        return QStringLiteral("loopback");
    case AddressScope::LinkLocal:
        return QStringLiteral("link-local");
    case AddressScope::Unspecified:
        return QStringLiteral("unspecified");
    case AddressScope::Multicast:
        return QStringLiteral("multicast");
    case AddressScope::Broadcast:
        return QStringLiteral("broadcast");
    case AddressScope::Benchmarking:
        return QStringLiteral("benchmarking");
    case AddressScope::Reserved:
        return QStringLiteral("reserved");
    }
    return {};
}

QJsonObject hopToJson(int index, const ChainHop &hop)
{
    const ReceivedHop &p = hop.parsed;
    QJsonObject tls;
    if (p.tls) {
        tls = QJsonObject{{QStringLiteral("version"), orNull(p.tlsVersion)},
                          {QStringLiteral("cipher"), orNull(p.tlsCipher)}};
    }
    QJsonObject auth;
    if (p.authenticated) {
        auth = QJsonObject{{QStringLiteral("text"), orNull(p.auth)},
                           {QStringLiteral("user"), orNull(p.authUser)},
                           {QStringLiteral("mechanism"), orNull(p.authMechanism)}};
    }
    return QJsonObject{
        {QStringLiteral("index"), index},
        {QStringLiteral("from_name"), orNull(p.fromName)},
        {QStringLiteral("from_helo"), orNull(p.fromHelo)},
        {QStringLiteral("from_rdns"), orNull(p.fromRdns)},
        {QStringLiteral("from_ip"), orNull(hop.ip ? hop.ip->toString() : p.fromIp)},
        {QStringLiteral("from_ip_scope"), hop.ip ? QJsonValue(scopeKey(hop.scope)) : QJsonValue()},
        {QStringLiteral("by"), orNull(p.by)},
        {QStringLiteral("with"), orNull(p.with)},
        {QStringLiteral("protocol"), orNull(p.protocol)},
        {QStringLiteral("id"), orNull(p.id)},
        {QStringLiteral("for"), orNull(p.for_)},
        {QStringLiteral("via"), orNull(p.via)},
        {QStringLiteral("date"), orNull(rfc3339(p.date))},
        {QStringLiteral("date_text"), orNull(p.dateText)},
        {QStringLiteral("delay_seconds"),
         p.delayValid ? QJsonValue(qint64(p.delaySeconds)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("auth"), p.authenticated ? QJsonValue(auth) : QJsonValue()},
        {QStringLiteral("tls"), p.tls ? QJsonValue(tls) : QJsonValue()},
        {QStringLiteral("parsed"), completenessName(p.completeness)},
        {QStringLiteral("trusted"), hop.trust != HopTrust::Claimed},
        {QStringLiteral("trust"), hopTrustName(hop.trust)},
        {QStringLiteral("ours"), hop.inOurs},
        {QStringLiteral("raw"), QString::fromUtf8(p.raw)},
    };
}

} // namespace

QJsonObject checkInfoToJson(const CheckInfo &info)
{
    return QJsonObject{{QStringLiteral("check"), info.id},
                       {QStringLiteral("severity"), severityName(info.severity)},
                       {QStringLiteral("clause"), info.clause},
                       {QStringLiteral("title"), info.title},
                       {QStringLiteral("description"), info.description}};
}

QJsonObject analysisToJson(const MessageOrigin &where, const MailMessage &message,
                           const MessageAnalysis &analysis)
{
    QJsonArray hops;
    for (int i = 0; i < analysis.chain.hops.size(); ++i)
        hops.append(hopToJson(i, analysis.chain.hops.at(i)));

    const Origin &origin = analysis.chain.origin;
    const QJsonObject originJson{
        {QStringLiteral("ip"), orNull(origin.ip)},
        {QStringLiteral("hop"), origin.hop < 0 ? QJsonValue(QJsonValue::Null) : origin.hop},
        {QStringLiteral("ours"), origin.ours},
        {QStringLiteral("reason"), origin.reason},
    };

    QJsonArray claimed;
    for (const ClaimedClientIp &c : analysis.chain.claimedClientIps) {
        claimed.append(QJsonObject{{QStringLiteral("header"), c.header},
                                   {QStringLiteral("value"), c.value},
                                   {QStringLiteral("ip"), orNull(c.ip)}});
    }

    QJsonArray findings;
    for (const Finding &f : analysis.findings) {
        findings.append(QJsonObject{
            {QStringLiteral("check"), f.check},
            {QStringLiteral("severity"), severityName(f.severity)},
            {QStringLiteral("clause"), f.clause},
            {QStringLiteral("title"), f.title},
            {QStringLiteral("evidence"), f.evidence},
            {QStringLiteral("hop"), f.hop < 0 ? QJsonValue(QJsonValue::Null) : f.hop},
            {QStringLiteral("location"),
             f.location.isValid()
                 ? QJsonValue(QJsonObject{{QStringLiteral("offset"), qint64(f.location.offset)},
                                          {QStringLiteral("length"), qint64(f.location.length)}})
                 : QJsonValue(QJsonValue::Null)},
        });
    }

    return QJsonObject{
        {QStringLiteral("file"), where.file},
        {QStringLiteral("index"), where.index < 0 ? QJsonValue(QJsonValue::Null) : where.index},
        {QStringLiteral("sha256"), QString::fromLatin1(where.sha256Hex)},
        {QStringLiteral("size"), qint64(message.bytes().size())},
        {QStringLiteral("message_id"), orNull(message.messageId())},
        {QStringLiteral("date"), orNull(rfc3339(message.date()))},
        {QStringLiteral("from"), orNull(message.from())},
        {QStringLiteral("subject"), orNull(message.subject())},
        {QStringLiteral("hops"), hops},
        {QStringLiteral("origin"), originJson},
        {QStringLiteral("claimed_client_ips"), claimed},
        {QStringLiteral("findings"), findings},
    };
}

} // namespace Awb
