#include "cases/listing_recorder.h"

#include "accounts/correlation.h"
#include "network/ip_network.h"
#include "store/account_repository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::ListingRecorder)
};

QDateTime jsonTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

// "Spamhaus SBL" from the reporter "Spamhaus" and the list "SBL"; "SpamCop BL" stays as it is.
QString listNameOf(const QString &reporter, const QString &list)
{
    if (list.isEmpty())
        return reporter.isEmpty() ? Tr::tr("unnamed list") : reporter;
    if (reporter.isEmpty() || list.contains(reporter, Qt::CaseInsensitive))
        return list;
    return reporter + QLatin1Char(' ') + list;
}

// The Spamhaus PBL lists ranges that should not send mail directly, whoever holds them: a
// policy, never a finding of abuse (the same rule as DnsblCodeKind::Policy).
bool isPolicyList(const QString &list)
{
    return list.compare(QLatin1String("PBL"), Qt::CaseInsensitive) == 0;
}

QString meaningOf(const QString &reporter, const QString &list, const QString &listingId,
                  const QString &reason)
{
    QString text = isPolicyList(list)
                       ? Tr::tr("listed on %1 (a policy list, not evidence of abuse)").arg(list)
                       : Tr::tr("listed on %1").arg(list.isEmpty() ? Tr::tr("the list") : list);
    if (!listingId.isEmpty())
        text += Tr::tr(" as %1").arg(listingId);
    if (!reporter.isEmpty())
        text += Tr::tr(", per the %1 notice").arg(reporter);
    if (!reason.isEmpty())
        text += QStringLiteral(": ") + reason.simplified();
    return text;
}

// A single address as its address ("203.0.113.40", as a DNSBL check records it), a block as
// its canonical CIDR, a domain in lower case; empty when the text is none of these.
QString listedText(const QString &range)
{
    const QString text = range.trimmed();
    if (const std::optional<IpNetwork> network = IpNetwork::parse(text)) {
        if (network->prefixLength() == network->address().bitLength())
            return network->first().toString();
        return network->toString();
    }
    if (text.isEmpty() || text.contains(QLatin1Char(' ')) || text.contains(QLatin1Char('/')) ||
        !text.contains(QLatin1Char('.')))
        return {};
    QString domain = text.toLower();
    while (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    return domain;
}

} // namespace

bool statesListings(const QJsonObject &analysis)
{
    return !analysis.value(QStringLiteral("report"))
                .toObject()
                .value(QStringLiteral("listings"))
                .toArray()
                .isEmpty();
}

Result<QList<StoredListing>> noticeListings(const AccountRepository &accounts, qint64 evidenceId,
                                            const QJsonObject &analysis, const QDateTime &fallback)
{
    const QJsonObject report = analysis.value(QStringLiteral("report")).toObject();
    const QString reporter = report.value(QStringLiteral("reporter")).toString();
    QDateTime noticeTime = jsonTime(report.value(QStringLiteral("arrival_date")));
    if (!noticeTime.isValid())
        noticeTime = jsonTime(
            analysis.value(QStringLiteral("receipt")).toObject().value(QStringLiteral("at")));
    if (!noticeTime.isValid())
        noticeTime = fallback.toUTC();

    QList<StoredListing> rows;
    for (const QJsonValue &value : report.value(QStringLiteral("listings")).toArray()) {
        const QJsonObject listing = value.toObject();
        const QString listed = listedText(listing.value(QStringLiteral("range")).toString());
        if (listed.isEmpty())
            continue;
        const QString list = listing.value(QStringLiteral("list")).toString().trimmed();
        QDateTime at = jsonTime(listing.value(QStringLiteral("listed_at")));
        if (!at.isValid())
            at = noticeTime;

        StoredListing row;
        row.listName = listNameOf(reporter, list);
        row.addressOrRange = listed;
        row.meaning =
            meaningOf(reporter, list, listing.value(QStringLiteral("listing_id")).toString(),
                      listing.value(QStringLiteral("reason")).toString());
        row.verdict =
            isPolicyList(list) ? QStringLiteral("policy-listed") : QStringLiteral("listed");
        row.checkedAt = at;
        row.source = QStringLiteral("report");
        row.evidenceId = evidenceId;

        Result<QStringList> holders = accountsHoldingListed(accounts, listed, at);
        if (!holders)
            return Error{holders.error()};
        if (holders->isEmpty()) {
            rows << row; // on record even when no customer held it: our network may still suffer
            continue;
        }
        for (const QString &accountId : *holders) {
            row.accountId = accountId;
            rows << row;
        }
    }
    return rows;
}

Result<int> recordNoticeListings(CaseStore &store, const QList<StoredNotice> &notices,
                                 const QDateTime &now)
{
    if (notices.isEmpty())
        return 0;
    ListingRepository repository(store);
    Result<QSet<qint64>> recordedNotices = repository.recordedNotices();
    if (!recordedNotices)
        return Error{recordedNotices.error()};
    QSet<qint64> recorded = *recordedNotices; // a notice given twice is recorded once

    const QDateTime fallback = now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    const AccountRepository accounts(store);
    QList<StoredListing> rows;
    for (const auto &[evidenceId, analysis] : notices) {
        if (recorded.contains(evidenceId) || !statesListings(analysis))
            continue;
        recorded.insert(evidenceId);
        Result<QList<StoredListing>> stated =
            noticeListings(accounts, evidenceId, analysis, fallback);
        if (!stated)
            return Error{Tr::tr("The listings of message %1 could not be read: %2")
                             .arg(evidenceId)
                             .arg(stated.error())};
        rows << *stated;
    }
    if (rows.isEmpty())
        return 0;
    Result<QList<qint64>> added = repository.add(rows);
    if (!added)
        return Error{
            Tr::tr("The listings of the notices could not be recorded: %1").arg(added.error())};
    return int(added->size());
}

} // namespace Awb
