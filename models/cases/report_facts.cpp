#include "report_facts.h"

#include "analysis/chain_analysis.h"
#include "network/ip_address.h"
#include "network/ip_network.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseGrouper)
};

int severityRank(const QString &severity)
{
    static const QStringList order = {QStringLiteral("info"), QStringLiteral("low"),
                                      QStringLiteral("medium"), QStringLiteral("high"),
                                      QStringLiteral("critical")};
    return int(order.indexOf(severity));
}

void raiseSeverity(QString &top, const QJsonArray &findings)
{
    for (const QJsonValue &finding : findings) {
        const QString severity = finding.toObject().value(QStringLiteral("severity")).toString();
        if (severityRank(severity) > severityRank(top))
            top = severity;
    }
}

QString linkDomain(const QString &urlText)
{
    QString text = urlText.trimmed();
    // De-fanged links as listing notices write them: hxxp(s)://, [.] and (.).
    static const QRegularExpression defanged(QStringLiteral("^hxxp"),
                                             QRegularExpression::CaseInsensitiveOption);
    text.replace(defanged, QStringLiteral("http"));
    text.replace(QStringLiteral("[.]"), QStringLiteral("."));
    text.replace(QStringLiteral("(.)"), QStringLiteral("."));
    const QUrl url(text, QUrl::TolerantMode);
    return url.isValid() ? organisationalDomain(url.host()) : QString();
}

QStringList linkDomains(const QJsonObject &report)
{
    QStringList domains;
    auto add = [&domains](const QString &domain) {
        if (!domain.isEmpty() && !domains.contains(domain))
            domains.append(domain);
    };
    for (const QJsonValue &uri : report.value(QStringLiteral("reported_uris")).toArray())
        add(linkDomain(uri.toString()));
    static const QRegularExpression url(QStringLiteral("\\bh(?:tt|xx)ps?://[^\\s\"'<>]+"),
                                        QRegularExpression::CaseInsensitiveOption);
    for (const QJsonValue &listing : report.value(QStringLiteral("listings")).toArray()) {
        const QString reason = listing.toObject().value(QStringLiteral("reason")).toString();
        for (auto it = url.globalMatch(reason); it.hasNext();)
            add(linkDomain(it.next().captured()));
    }
    std::sort(domains.begin(), domains.end());
    return domains;
}

std::optional<IpAddress> addressOf(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    if (auto address = IpAddress::parse(text.trimmed()))
        return address;
    if (auto network = IpNetwork::parse(text.trimmed())) // "203.0.113.40/32" of a listing
        return network->address();
    return std::nullopt;
}

QString originIpOf(const QJsonObject &object)
{
    return object.value(QStringLiteral("origin")).toObject().value(QStringLiteral("ip")).toString();
}

} // namespace

QString senderOrganisationalDomain(const QString &fromField)
{
    // The address is the last <...>, or the whole field when there are no angle brackets; a
    // display name may itself look like an address ("support@bigbank.example" <a@b.example>).
    QString address = fromField;
    const qsizetype open = fromField.lastIndexOf(QLatin1Char('<'));
    if (open >= 0) {
        const qsizetype close = fromField.indexOf(QLatin1Char('>'), open);
        address = fromField.mid(open + 1, close < 0 ? -1 : close - open - 1);
    }
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    return organisationalDomain(address.mid(at + 1).trimmed());
}

ReportReading readReportFacts(qint64 evidenceId, const QJsonObject &analysis)
{
    ReportReading reading;
    reading.facts.evidenceId = evidenceId;
    if (analysis.isEmpty()) {
        reading.notGroupedReason = Tr::tr("no analysis stored (imported before analysis existed)");
        return reading;
    }
    const QJsonObject report = analysis.value(QStringLiteral("report")).toObject();
    const QJsonObject original = report.value(QStringLiteral("original")).toObject();
    const QString format = report.value(QStringLiteral("format")).toString();
    const bool plainMessage = format.isEmpty() || format == u"message";

    ReportFacts &facts = reading.facts;
    facts.receivedAt = QDateTime::fromString(
        analysis.value(QStringLiteral("receipt")).toObject().value(QStringLiteral("at")).toString(),
        Qt::ISODateWithMs);
    raiseSeverity(facts.severity, analysis.value(QStringLiteral("findings")).toArray());
    raiseSeverity(facts.severity, report.value(QStringLiteral("findings")).toArray());
    raiseSeverity(facts.severity, original.value(QStringLiteral("findings")).toArray());

    if (plainMessage && severityRank(facts.severity) <= severityRank(QStringLiteral("info"))) {
        reading.notGroupedReason =
            Tr::tr("not a report, and its analysis found nothing above info");
        return reading;
    }

    CaseKey &key = facts.key;
    key.kind = report.value(QStringLiteral("feedback_type")).toString() == u"opt-out"
                   ? ReportKind::OptOut
                   : ReportKind::Complaint;
    QString originText;
    if (plainMessage) {
        originText = originIpOf(analysis);
        key.senderDomain =
            senderOrganisationalDomain(analysis.value(QStringLiteral("from")).toString());
        key.subject = normaliseSubject(analysis.value(QStringLiteral("subject")).toString());
    } else if (!original.isEmpty()) {
        originText = originIpOf(original);
        key.senderDomain =
            senderOrganisationalDomain(original.value(QStringLiteral("from")).toString());
        key.subject = normaliseSubject(original.value(QStringLiteral("subject")).toString());
    }
    if (!plainMessage && originText.isEmpty()) {
        originText = report.value(QStringLiteral("source_ip")).toString();
        const QJsonArray listings = report.value(QStringLiteral("listings")).toArray();
        if (originText.isEmpty() && !listings.isEmpty())
            originText = listings.first().toObject().value(QStringLiteral("range")).toString();
    }
    if (!plainMessage && key.senderDomain.isEmpty())
        key.senderDomain =
            organisationalDomain(report.value(QStringLiteral("reported_domain")).toString());
    if (const std::optional<IpAddress> origin = addressOf(originText)) {
        key.originIp = origin->withoutZone().toString();
        key.originNetwork = originNetworkKey(*origin);
    }
    key.linkDomains = linkDomains(report);
    reading.groupable = true;
    return reading;
}

} // namespace Awb
